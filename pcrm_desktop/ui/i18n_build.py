"""Build the .qm files from the .ts sources (`python -m pcrm_desktop.ui.i18n_build`).

`--update` first runs lupdate over the package so new texts appear in the .ts files.
Needs no display; does not import Qt widgets.
"""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from pcrm_desktop.resources_path import resources_dir

PACKAGE_DIR = Path(__file__).resolve().parent.parent
TS_DIR = resources_dir() / "translations"


def _tool(name: str) -> str:
    """PySide6's wrapper beside this Python (bin/ of a venv; on Windows Scripts/*.exe, so a venv
    need not be activated), else on PATH."""
    suffix = ".exe" if sys.platform == "win32" else ""
    beside = Path(sys.executable).with_name(f"pyside6-{name}{suffix}")
    found = str(beside) if beside.exists() else shutil.which(f"pyside6-{name}")
    if not found:
        raise SystemExit(f"pyside6-{name} not found: install PySide6 into this environment")
    return found


def update_sources() -> None:
    sources = sorted(str(p) for p in PACKAGE_DIR.rglob("*.py"))
    for ts in sorted(TS_DIR.glob("*.ts")):
        language = ts.stem.split("_", 1)[1]
        subprocess.run([_tool("lupdate"), *sources, "-no-obsolete", "-locations", "none",
                        "-source-language", "ko", "-target-language", language, "-ts", str(ts)],
                       check=True, stdout=subprocess.DEVNULL)


def build(force: bool = False) -> list[Path]:
    built = []
    for ts in sorted(TS_DIR.glob("*.ts")):
        qm = ts.with_suffix(".qm")
        if force or not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime:
            subprocess.run([_tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)
            built.append(qm)
    return built


if __name__ == "__main__":
    if "--update" in sys.argv:
        update_sources()
    build(force="--force" in sys.argv)
