#!/usr/bin/env bash
# PCRM Desktop from source: one command to install what is needed and start the app,
# one to install what is needed and run every test. Both keep the virtual environment at .venv/.
#   ./dev.sh run  [app options, e.g. --db PATH]
#   ./dev.sh test [pytest options]
#   ./dev.sh bundle   the installable program: dist/PCRM-Desktop/ and its Linux tarball
set -euo pipefail
cd "$(dirname "$0")"

RUNTIME_DEBS="python3-venv libgl1 libegl1 libxkbcommon0 libfontconfig1 libdbus-1-3 \
libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-render-util0 \
libxcb-image0 libxcb-randr0 libxcb-xinerama0 libxcb-xkb1"
# postgresql: the throwaway server the integration tests also run on (initdb, pg_ctl; pg_dump for
# server backups). The distribution's own version: 15 on Debian 12, 14 on Ubuntu 22.04.
TEST_DEBS="poppler-utils postgresql"
BUILD_DEBS="binutils"   # PyInstaller reads the libraries' headers with objdump

say() { printf '%s\n' "$*" >&2; }

missing_debs() {
  command -v dpkg-query >/dev/null 2>&1 || return 0   # not Debian/Ubuntu: nothing we can check
  local p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || printf '%s ' "$p"
  done
}

ensure_debs() {
  local need
  need=$(missing_debs "$@")
  [ -z "$need" ] && return 0
  if [ "$(id -u)" = 0 ]; then
    say "설치 중 (시스템 패키지): $need"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    # shellcheck disable=SC2086
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $need >/dev/null
  else
    say "필요한 시스템 패키지가 없습니다 / missing system packages: $need"
    say "다음 명령으로 설치한 뒤 다시 실행하십시오 / install them, then run this again:"
    say "  sudo apt-get install -y $need"
    exit 1
  fi
}

find_python() {
  local c
  for c in python3.13 python3.12 python3.11 python3; do
    if command -v "$c" >/dev/null 2>&1 &&
       "$c" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' 2>/dev/null; then
      command -v "$c"; return 0
    fi
  done
  return 1
}

ensure_python() {
  PY=$(find_python) && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3.11 python3.11-venv >/dev/null
    PY=$(find_python) && return 0
  fi
  say "Python 3.11 이상이 필요합니다 / Python 3.11+ is needed: sudo apt-get install -y python3.11 python3.11-venv"
  exit 1
}

ensure_venv() {   # $1: space-separated lock files
  if [ ! -x .venv/bin/python ]; then
    "$PY" -m venv .venv
  fi
  local stamp want
  stamp=.venv/.pcrm-installed
  want=$(cat pyproject.toml $1 | sha256sum | cut -d' ' -f1)
  if ! grep -qx "$want" "$stamp" 2>/dev/null; then
    say "필요한 패키지를 설치하는 중… / Installing what is needed…"
    local f args=() log=.venv/pcrm-install.log
    for f in $1; do args+=(-r "$f"); done
    # pip's and setuptools' own notices (an editable install's warning block, index notes) go
    # to the log: a newcomer sees only what the app says, and the whole log when a step fails
    if ! { .venv/bin/python -m pip install -q --disable-pip-version-check --upgrade pip &&
           .venv/bin/python -m pip install -q --disable-pip-version-check --no-deps "${args[@]}" &&
           .venv/bin/python -m pip install -q --disable-pip-version-check --no-deps -e .; } >"$log" 2>&1; then
      cat "$log" >&2
      say "설치하지 못했습니다 (위 내용, $log) / Installation failed (see above, $log)"
      exit 1
    fi
    echo "$want" >> "$stamp"
  fi
  .venv/bin/python -m pcrm_desktop.ui.i18n_build
}

cmd=${1:-}
shift || true
case "$cmd" in
  run)
    ensure_python
    ensure_debs $RUNTIME_DEBS
    ensure_venv "requirements.lock"
    exec .venv/bin/python main.py "$@"
    ;;
  test)
    ensure_python
    ensure_debs $RUNTIME_DEBS $TEST_DEBS
    ensure_venv "requirements.lock requirements-test.lock"
    export QT_QPA_PLATFORM=offscreen
    exec .venv/bin/python -m pytest "$@"
    ;;
  bundle)
    ensure_python
    ensure_debs $RUNTIME_DEBS $BUILD_DEBS
    ensure_venv "requirements.lock requirements-build.lock"
    exec .venv/bin/python installer/build.py "$@"
    ;;
  *)
    say "usage: ./dev.sh run [app options] | ./dev.sh test [pytest options] | ./dev.sh bundle"
    exit 2
    ;;
esac
