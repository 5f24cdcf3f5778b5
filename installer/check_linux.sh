#!/usr/bin/env bash
# CI's check of the built Linux bundle (after `./dev.sh bundle`), on a machine with no display:
#  1. both programs' self-tests pass from the build folder (offscreen);
#  2. the tarball installs per user into an empty HOME (no root), the menu entry points at the
#     installed program and is valid, the installed `pcrm` works and its self-test passes;
#  3. uninstalling removes the program and keeps the data folder;
#  4. the Windows installer script compiles (makensis, when installed) against this bundle's
#     layout (the folder it packs and the icon must exist; names inside shortcuts are not checked);
#  5. start-up time of the bundle to a shown window (median) and its size are printed.
set -euo pipefail
cd "$(dirname "$0")/.."
export QT_QPA_PLATFORM=offscreen
bundle=dist/PCRM-Desktop
version=$(.venv/bin/python -c 'import pcrm_desktop; print(pcrm_desktop.__version__)')
tarball=$(ls dist/pcrm-desktop-"$version"-linux-*.tar.gz)

echo "== self-test of the built programs"
"$bundle/pcrm" self-test
"$bundle/pcrm-desktop" --self-test

echo "== per-user install from the tarball into an empty home"
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
mkdir "$home/unpacked"
tar -xzf "$tarball" -C "$home/unpacked"
HOME=$home XDG_DATA_HOME="$home/.local/share" "$home/unpacked/PCRM-Desktop/install.sh"
entry="$home/.local/share/applications/pcrm-desktop.desktop"
grep -qx "Exec=\"$home/.local/opt/pcrm-desktop/pcrm-desktop\"" "$entry"
grep -qx "Icon=$home/.local/opt/pcrm-desktop/pcrm-desktop.png" "$entry"
if command -v desktop-file-validate >/dev/null 2>&1; then
  desktop-file-validate "$entry"
fi
HOME=$home "$home/.local/bin/pcrm" --version
# a database in the data folder, then uninstall: the program goes, the data stays
HOME=$home XDG_DATA_HOME="$home/.local/share" "$home/.local/bin/pcrm" init >/dev/null
data="$home/.local/share/PCRM/PCRM Desktop"
test -f "$data/pcrm.db"
HOME=$home XDG_DATA_HOME="$home/.local/share" "$home/.local/opt/pcrm-desktop/uninstall.sh"
test ! -e "$home/.local/opt/pcrm-desktop" && test ! -e "$entry" && test ! -e "$home/.local/bin/pcrm"
test -f "$data/pcrm.db"
# a folder with a space in its name; a folder holding other files is refused, not wiped
spaced="$home/내 프로그램/pcrm"
PCRM_INSTALL_DIR=$spaced HOME=$home XDG_DATA_HOME="$home/.local/share" \
  "$home/unpacked/PCRM-Desktop/install.sh" >/dev/null
grep -qx "Exec=\"$spaced/pcrm-desktop\"" "$entry"
if command -v desktop-file-validate >/dev/null 2>&1; then
  desktop-file-validate "$entry"
fi
HOME=$home XDG_DATA_HOME="$home/.local/share" "$spaced/uninstall.sh" >/dev/null
test ! -e "$spaced" && test ! -e "$entry"
mkdir -p "$home/other" && touch "$home/other/keep.txt"
if PCRM_INSTALL_DIR="$home/other" HOME=$home "$home/unpacked/PCRM-Desktop/install.sh" 2>/dev/null; then
  echo "install.sh overwrote a folder that was not its own" >&2; exit 1
fi
test -f "$home/other/keep.txt"
echo "installed, self-tested, uninstalled (also into a folder with a space); the data folder was kept"

if command -v makensis >/dev/null 2>&1; then
  echo "== the Windows installer script against this layout (compile check only)"
  (cd installer/windows &&
   makensis -V2 -DVERSION="$version" -DBUNDLE=../../$bundle -DSTAGE=../../build/stage -DNO_COMPRESSION \
            -DOUTFILE="$home/setup-check.exe" pcrm.nsi)
  echo "pcrm.nsi compiles ($(du -m "$home/setup-check.exe" | cut -f1) MB; not a Windows build)"
fi

echo "== start-up of the bundle"
.venv/bin/python bench/startup.py --bundle "$bundle" --runs 7
