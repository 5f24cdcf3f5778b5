"""Find the one Korean TrueType font used for screens and PDFs alike.

reportlab embeds only TrueType outlines, so Noto CJK (CFF) will not do; NanumGothic or Malgun
Gothic will. Nothing here imports Qt or reportlab: each side registers the files it is given.
"""
from __future__ import annotations

import importlib.util
import os
from dataclasses import dataclass
from pathlib import Path

from pcrm_desktop.resources_path import resources_dir

ENV_FONT = "PCRM_FONT"  # a .ttf to use instead of the search below


@dataclass(frozen=True)
class KoreanFont:
    family: str
    regular: Path
    bold: Path  # the regular file again when no bold face is found


def _bundle_dir() -> Path:
    """resources/fonts in a source tree or beside a frozen (PyInstaller) program."""
    return resources_dir() / "fonts"


def _package_fonts_dir() -> Path | None:
    spec = importlib.util.find_spec("koreanize_matplotlib")  # does not import it
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(list(spec.submodule_search_locations)[0]) / "fonts"


def candidates() -> list[tuple[str, Path, Path]]:
    """(family, regular, bold) in order of preference."""
    found: list[tuple[str, Path, Path]] = []
    if os.environ.get(ENV_FONT):
        path = Path(os.environ[ENV_FONT])
        found.append((path.stem, path, path))
    nanum_dirs = [_bundle_dir(), Path("/usr/share/fonts/truetype/nanum")]
    windows_fonts = Path(os.environ.get("WINDIR", "C:/Windows")) / "Fonts"
    for folder in nanum_dirs:
        found.append(("NanumGothic", folder / "NanumGothic.ttf", folder / "NanumGothicBold.ttf"))
    found.append(("Malgun Gothic", windows_fonts / "malgun.ttf", windows_fonts / "malgunbd.ttf"))
    package_dir = _package_fonts_dir()
    if package_dir is not None:
        found.append(("NanumGothic", package_dir / "NanumGothic.ttf",
                      package_dir / "NanumGothicBold.ttf"))
    return found


def find_korean_font() -> KoreanFont | None:
    for family, regular, bold in candidates():
        if regular.is_file() and _is_truetype(regular):
            return KoreanFont(family, regular, bold if bold.is_file() else regular)
    return None


def _is_truetype(path: Path) -> bool:
    """TrueType outlines (sfnt version 0x00010000 or 'true'), not CFF ('OTTO') or a collection."""
    try:
        with path.open("rb") as handle:
            return handle.read(4) in (b"\x00\x01\x00\x00", b"true")
    except OSError:
        return False
