#!/usr/bin/env bash
# Remove this per-user install (the folder this script is in). The office's database and
# backups are KEPT unless you add --remove-data (then they are deleted too, after you type the
# word 삭제).
set -euo pipefail
target=$(cd "$(dirname "$0")" && pwd -P)
apps="${XDG_DATA_HOME:-$HOME/.local/share}/applications"
data="${XDG_DATA_HOME:-$HOME/.local/share}/PCRM/PCRM Desktop"

if ! { [ -x "$target/pcrm-desktop" ] && [ -x "$target/pcrm" ] && [ -d "$target/_internal" ]; }; then
  echo "$target 은(는) PCRM Desktop 설치 폴더가 아닙니다. 아무것도 지우지 않았습니다." >&2
  exit 1
fi
for exe in /proc/[0-9]*/exe; do
  case "$(readlink "$exe" 2>/dev/null)" in
    "$target/pcrm-desktop" | "$target/pcrm")
      echo "PCRM Desktop(또는 pcrm 예약 작업)이 실행 중입니다. 닫은 뒤 다시 지우십시오." >&2
      exit 1 ;;
  esac
done

if grep -qsF "$target/pcrm-desktop" "$apps/pcrm-desktop.desktop"; then
  rm -f "$apps/pcrm-desktop.desktop"
fi
if [ "$(readlink "$HOME/.local/bin/pcrm" 2>/dev/null)" = "$target/pcrm" ]; then
  rm -f "$HOME/.local/bin/pcrm"
fi
rm -rf "$target"
echo "프로그램을 지웠습니다: $target"

if [ "${1:-}" = "--remove-data" ] && [ -d "$data" ]; then
  printf '자료 폴더 %s 의 데이터베이스와 백업을 모두 지웁니다. 계속하려면 삭제 를 입력하십시오: ' "$data"
  read -r answer || answer=""
  if [ "$answer" = "삭제" ]; then
    rm -rf "$data"
    echo "자료 폴더를 지웠습니다."
  else
    echo "자료 폴더를 남겨 두었습니다."
  fi
else
  echo "자료 폴더는 남겨 두었습니다: $data"
fi
