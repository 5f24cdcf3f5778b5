"""Build the PCRM Desktop bundle: `python installer/build.py` (from `./dev.sh bundle` on Linux).

1. compiles the translations (.qm) and stages what the bundle carries but the repository does
   not: the Korean TrueType font found on this machine (NanumGothic only: Malgun Gothic may not
   be redistributed), the program icon rendered from resources/icons/app.svg (PNG, and ICO for
   Windows), the Windows version resource and THIRD_PARTY_LICENSES.txt;
2. runs PyInstaller on installer/pcrm.spec (one folder, dist/PCRM-Desktop/);
3. on Linux removes the system libraries nothing in the bundle needs (those of the GTK theme
   plugin the spec leaves out), adds the remaining ones with their Debian copyright files to
   THIRD_PARTY_LICENSES.txt, and packs dist/pcrm-desktop-VERSION-linux-ARCH.tar.gz with the
   .desktop entry, the icon and install/uninstall scripts; on Windows the NSIS script
   installer/windows/pcrm.nsi makes the installer from the same folder (installer/README.md).

Prints the bundle's size. Nothing here needs the network.
"""
from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import subprocess
import sys
import tarfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pcrm_desktop import APP_NAME, __version__  # noqa: E402
from pcrm_desktop.fonts import candidates, _is_truetype  # noqa: E402

BUILD = ROOT / "build"
STAGE = BUILD / "stage"
DIST = ROOT / "dist"
BUNDLE = DIST / "PCRM-Desktop"
LINUX = ROOT / "installer" / "linux"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)
MULTIARCH = f"{platform.machine()}-linux-gnu"


def stage_font() -> Path:
    """NanumGothic (SIL OFL 1.1, free to bundle) from fonts-nanum or koreanize-matplotlib."""
    for family, regular, bold in candidates():
        if family == "NanumGothic" and regular.is_file() and _is_truetype(regular):
            target = STAGE / "fonts"
            target.mkdir(parents=True, exist_ok=True)
            for face in {regular, bold}:
                if face.is_file():
                    shutil.copy2(face, target / face.name)
            return regular
    raise SystemExit("NanumGothic TrueType 글꼴을 찾지 못했습니다: requirements.lock의 "
                     "koreanize-matplotlib을 설치하거나 fonts-nanum 패키지를 설치하십시오.")


def stage_icon() -> None:
    """The program icon from the SVG the window uses: PNGs, and a multi-size ICO for Windows."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PIL import Image
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer
    _app = QGuiApplication.instance() or QGuiApplication([])
    renderer = QSvgRenderer(str(ROOT / "resources" / "icons" / "app.svg"))
    if not renderer.isValid():
        raise SystemExit("resources/icons/app.svg를 읽지 못했습니다")
    image = QImage(256, 256, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    png = STAGE / "pcrm-desktop.png"
    if not image.save(str(png)):
        raise SystemExit(f"{png}를 저장하지 못했습니다")
    Image.open(png).save(STAGE / "pcrm-desktop.ico", sizes=[(s, s) for s in ICON_SIZES])


def stage_version_resource() -> None:
    """Windows' file properties (버전, 제품 이름) for both executables."""
    numbers = tuple(int(part) for part in __version__.split(".")[:3]) + (0,)
    strings = {"CompanyName": "PCRM", "FileDescription": APP_NAME, "ProductName": APP_NAME,
               "FileVersion": __version__, "ProductVersion": __version__,
               "LegalCopyright": "PCRM Desktop; 포함된 구성요소의 라이선스는 THIRD_PARTY_LICENSES.txt"}
    entries = ",\n          ".join(f"StringStruct({k!r}, {v!r})" for k, v in strings.items())
    (STAGE / "version_info.txt").write_text(f"""VSVersionInfo(
  ffi=FixedFileInfo(filevers={numbers}, prodvers={numbers}, mask=0x3f, flags=0x0, OS=0x40004,
                    fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[StringFileInfo([StringTable('041204B0', [
          {entries}])]),
        VarFileInfo([VarStruct('Translation', [0x0412, 1200])])])
""", encoding="utf-8")


def stage_notice() -> None:
    from pcrm_desktop.licences import write_notice
    write_notice(STAGE / "THIRD_PARTY_LICENSES.txt")


def compile_translations() -> None:
    subprocess.run([sys.executable, "-m", "pcrm_desktop.ui.i18n_build"], cwd=ROOT, check=True)


def run_pyinstaller() -> None:
    env = dict(os.environ, PCRM_STAGE=str(STAGE))
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
                    "--distpath", str(DIST), "--workpath", str(BUILD / "pyinstaller"),
                    str(ROOT / "installer" / "pcrm.spec")], cwd=ROOT, env=env, check=True)


ELF_MAGIC = b"\x7fELF"


def _elf_files(folder: Path) -> list[Path]:
    found = []
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            with path.open("rb") as handle:
                if handle.read(4) == ELF_MAGIC:
                    found.append(path)
    return found


def _needed(path: Path) -> list[str]:
    out = subprocess.run(["readelf", "-d", "--wide", str(path)], capture_output=True,
                         text=True, check=True).stdout
    return re.findall(r"\(NEEDED\)\s+Shared library: \[(.+?)\]", out)


def prune_unneeded_libraries() -> list[str]:
    """Linux: PyInstaller copies the system libraries every collected binary needs, including
    those of Qt's GTK theme plugin the spec then leaves out (cairo, pango, gdk-pixbuf …).
    Remove the top-level libraries nothing left in the bundle needs (followed through every
    ELF file's NEEDED entries); libpython stays (the bootloader loads it by name)."""
    internal = BUNDLE / "_internal"
    elves = _elf_files(BUNDLE)
    by_name = {path.name: path for path in elves}
    top = {path for path in elves if path.parent == internal and path.name.startswith("lib")}
    roots = [path for path in elves if path not in top or path.name.startswith("libpython")]
    reached: set[Path] = set()
    stack = list(roots)
    while stack:
        path = stack.pop()
        if path in reached:
            continue
        reached.add(path)
        stack += [by_name[name] for name in _needed(path) if name in by_name]
    pruned = sorted(path.name for path in top - reached)
    for name in pruned:
        (internal / name).unlink()
    return pruned


def system_library_notice() -> str:
    """Linux: the system libraries the bundle carries, by Debian package, with each package's
    copyright file (their licences: LGPL, MIT, BSD … as the files say)."""
    internal = BUNDLE / "_internal"
    packages: dict[str, list[str]] = {}
    for path in sorted(internal.glob("lib*.so*")):
        if path.is_symlink() or path.name.startswith("libpython"):
            continue
        owner = _debian_package(path.name)
        packages.setdefault(owner or "", []).append(path.name)
    lines = ["", "=" * 78, "System libraries in the Linux bundle (copied from the build machine's "
             "Debian packages)", "=" * 78]
    for package, names in sorted(packages.items()):
        lines.append(f"{package or '(not from a Debian package)'}: {', '.join(names)}")
    for package in sorted(p for p in packages if p):
        copyright_file = Path("/usr/share/doc") / package.split(":")[0] / "copyright"
        if copyright_file.is_file():
            lines += ["", "-" * 78, f"{package}: {copyright_file}", "-" * 78,
                      copyright_file.read_text(encoding="utf-8", errors="replace").strip()]
    return "\n".join(lines) + "\n"


def _debian_package(name: str) -> str | None:
    for folder in (f"/lib/{MULTIARCH}", f"/usr/lib/{MULTIARCH}", "/lib", "/usr/lib"):
        done = subprocess.run(["dpkg", "-S", f"{folder}/{name}"], capture_output=True, text=True)
        if done.returncode == 0:  # "zlib1g:amd64: /lib/x86_64-linux-gnu/libz.so.1"
            return done.stdout.split(": ", 1)[0].split(":")[0]
    return None


def pack_linux() -> Path:
    """The tarball: PCRM-Desktop/ with the icon, the .desktop template and install scripts."""
    shutil.copy2(STAGE / "pcrm-desktop.png", BUNDLE / "pcrm-desktop.png")
    for name in ("pcrm-desktop.desktop", "install.sh", "uninstall.sh"):
        shutil.copy2(LINUX / name, BUNDLE / name)
        if name.endswith(".sh"):
            (BUNDLE / name).chmod(0o755)
    tarball = DIST / f"pcrm-desktop-{__version__}-linux-{platform.machine()}.tar.gz"
    with tarfile.open(tarball, "w:gz", compresslevel=6) as archive:
        archive.add(BUNDLE, arcname=BUNDLE.name)
    return tarball


def folder_size(folder: Path) -> tuple[int, int]:
    files = [p for p in folder.rglob("*") if p.is_file() and not p.is_symlink()]
    return sum(p.stat().st_size for p in files), len(files)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-pack", action="store_true", help="build the folder only")
    args = parser.parse_args()
    started = time.perf_counter()
    shutil.rmtree(STAGE, ignore_errors=True)
    shutil.rmtree(BUNDLE, ignore_errors=True)
    STAGE.mkdir(parents=True)
    compile_translations()
    font = stage_font()
    stage_icon()
    stage_version_resource()
    stage_notice()
    run_pyinstaller()
    notice = (STAGE / "THIRD_PARTY_LICENSES.txt").read_text(encoding="utf-8")
    packed = None
    if sys.platform.startswith("linux"):
        pruned = prune_unneeded_libraries()
        print(f"pruned {len(pruned)} libraries nothing in the bundle needs: {', '.join(pruned)}")
        if shutil.which("dpkg"):
            notice += system_library_notice()
    (BUNDLE / "THIRD_PARTY_LICENSES.txt").write_text(notice, encoding="utf-8")
    if sys.platform.startswith("linux") and not args.no_pack:
        packed = pack_linux()
    size, count = folder_size(BUNDLE)
    print(f"bundle={BUNDLE}")
    print(f"bundle_mb={size / 2**20:.1f} files={count} font={font}")
    if packed:
        print(f"tarball={packed}")
        print(f"tarball_mb={packed.stat().st_size / 2**20:.1f}")
    print(f"build_s={time.perf_counter() - started:.0f}")


if __name__ == "__main__":
    main()
