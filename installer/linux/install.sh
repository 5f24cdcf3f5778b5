#!/bin/sh
# Per-user install of the unpacked PCRM Desktop folder (no root needed):
#   ./install.sh            copies this folder to ~/.local/opt/pcrm-desktop, adds the menu entry
#                           and ~/.local/bin/pcrm, then runs the self-test
# The office's data is not here: it stays in ~/.local/share/PCRM/PCRM Desktop/.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
target="${PCRM_INSTALL_DIR:-$HOME/.local/opt/pcrm-desktop}"
apps="${XDG_DATA_HOME:-$HOME/.local/share}/applications"
bin="$HOME/.local/bin"

if [ "$here" != "$target" ]; then
  rm -rf "$target.new"
  mkdir -p "$(dirname "$target")"
  cp -a "$here" "$target.new"
  rm -rf "$target"
  mv "$target.new" "$target"
fi
mkdir -p "$apps" "$bin"
sed "s|@BUNDLE@|$target|g" "$target/pcrm-desktop.desktop" > "$apps/pcrm-desktop.desktop"
chmod 644 "$apps/pcrm-desktop.desktop"
ln -sf "$target/pcrm" "$bin/pcrm"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database "$apps" 2>/dev/null || true

echo "설치했습니다: $target"
echo "프로그램 메뉴의 'PCRM 민원·고객관리' 또는 $target/pcrm-desktop 으로 시작합니다."
echo "자가진단 중..."
"$target/pcrm" self-test
