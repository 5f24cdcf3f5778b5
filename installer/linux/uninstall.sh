#!/bin/sh
# Remove the per-user install. The office's database and backups are KEPT unless you add
# --remove-data (then they are deleted too, after you type the word 삭제).
set -eu
target="${PCRM_INSTALL_DIR:-$HOME/.local/opt/pcrm-desktop}"
apps="${XDG_DATA_HOME:-$HOME/.local/share}/applications"
data="${XDG_DATA_HOME:-$HOME/.local/share}/PCRM/PCRM Desktop"

rm -f "$apps/pcrm-desktop.desktop"
if [ "$(readlink "$HOME/.local/bin/pcrm" 2>/dev/null)" = "$target/pcrm" ]; then
  rm -f "$HOME/.local/bin/pcrm"
fi
rm -rf "$target"
echo "프로그램을 지웠습니다: $target"

if [ "${1:-}" = "--remove-data" ] && [ -d "$data" ]; then
  printf '자료 폴더 %s 의 데이터베이스와 백업을 모두 지웁니다. 계속하려면 삭제 를 입력하십시오: ' "$data"
  read -r answer
  if [ "$answer" = "삭제" ]; then
    rm -rf "$data"
    echo "자료 폴더를 지웠습니다."
  else
    echo "자료 폴더를 남겨 두었습니다."
  fi
else
  echo "자료 폴더는 남겨 두었습니다: $data"
fi
