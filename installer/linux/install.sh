#!/usr/bin/env bash
# Per-user install of the unpacked PCRM Desktop folder (no root needed):
#   ./install.sh     copies this folder to ~/.local/opt/pcrm-desktop (or $PCRM_INSTALL_DIR),
#                    adds the menu entry and ~/.local/bin/pcrm, then runs the self-test
# The office's data is not here: it stays in ~/.local/share/PCRM/PCRM Desktop/.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd -P)
target=$(realpath -m -- "${PCRM_INSTALL_DIR:-$HOME/.local/opt/pcrm-desktop}")
apps="${XDG_DATA_HOME:-$HOME/.local/share}/applications"
bin="$HOME/.local/bin"

ours() {  # a folder this program was installed into (never wipe anything else)
  [ -x "$1/pcrm-desktop" ] && [ -x "$1/pcrm" ] && [ -d "$1/_internal" ]
}

running_from() {  # a process started from the folder: replacing its files would break it
  local exe
  for exe in /proc/[0-9]*/exe; do
    case "$(readlink "$exe" 2>/dev/null)" in
      "$1/pcrm-desktop" | "$1/pcrm") return 0 ;;
    esac
  done
  return 1
}

case "$target" in
  *[\"\$\`\\]*)
    echo "설치 폴더 이름에 \" \$ \` \\ 는 쓸 수 없습니다: $target" >&2; exit 1 ;;
esac
if [ "$here" != "$target" ]; then
  if [ -e "$target" ] && ! ours "$target"; then
    echo "설치 폴더 $target 에 다른 파일이 있습니다. 빈 폴더나 이전 설치 폴더를 지정하십시오." >&2
    exit 1
  fi
  if [ -e "$target" ] && running_from "$target"; then
    echo "PCRM Desktop(또는 pcrm 예약 작업)이 실행 중입니다. 닫은 뒤 다시 설치하십시오." >&2
    exit 1
  fi
  rm -rf "$target.new"
  mkdir -p "$(dirname "$target")"
  cp -a "$here" "$target.new"
  rm -rf "$target"
  mv "$target.new" "$target"
fi
mkdir -p "$apps" "$bin"
# the Exec value is quoted (a folder name may hold spaces); the characters the quoting would
# need escaped were refused above
while IFS= read -r line; do
  printf '%s\n' "${line//@BUNDLE@/$target}"
done < "$target/pcrm-desktop.desktop" > "$apps/pcrm-desktop.desktop"
chmod 644 "$apps/pcrm-desktop.desktop"
link="$bin/pcrm"
if [ -e "$link" ] && [ ! -L "$link" ]; then
  echo "$link 이(가) 이미 있어 바꾸지 않았습니다 (다른 pcrm). 명령줄 도구: $target/pcrm" >&2
else
  ln -sfn "$target/pcrm" "$link"
fi
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database "$apps" 2>/dev/null || true

echo "설치했습니다: $target"
echo "프로그램 메뉴의 'PCRM 민원·고객관리' 또는 $target/pcrm-desktop 으로 시작합니다."
echo "자가진단 중..."
"$target/pcrm" self-test
