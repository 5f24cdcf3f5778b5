"""Every page and dialog (tests/ui/screens.py), in Korean and in English, at 100 % and 150 %
text, on a 1366×768 office screen: nothing wider or taller than the screen, nothing clipped,
every control named, every field with its label linked, everything clickable reachable by
keyboard, Tab in reading order, no Hangul in English mode and no codes in Korean mode
(tests/ui/screen_checks.py says what each check means). Each language and size is walked in a
process of its own (tests/ui/screen_walk.py), which saves a screenshot of every window and tab
to /tmp/pcrm-screens/<language>-<scale>/ for a person to look at."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.ui.screens import make_demo_database

REPO = Path(__file__).resolve().parents[2]
SHOTS = Path(os.environ.get("PCRM_SCREENS_DIR", "/tmp/pcrm-screens"))
VARIANTS = [("ko", 100), ("en", 100), ("ko", 150), ("en", 150)]


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory) -> Path:
    return make_demo_database(tmp_path_factory.mktemp("screens-demo"))


_walks: dict[tuple[str, int], dict[str, list[str]]] = {}


def _walk(variant: tuple[str, int], demo_file: Path, folder: Path) -> dict[str, list[str]]:
    """One walk per language and size, in a process of its own; its findings kept for the
    module's other checks of that variant."""
    if variant in _walks:
        return _walks[variant]
    language, scale = variant
    out = folder / "found.json"
    args = [sys.executable, "-X", "faulthandler", "-m", "tests.ui.screen_walk", language, str(scale),
            str(demo_file), str(out), str(SHOTS / f"{language}-{scale}")]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(args, cwd=REPO, capture_output=True, text=True, timeout=600, env=env)
    if done.returncode < 0:  # the walk's process was killed by a signal: say so, and walk once more
        print(f"screen walk {language}-{scale} ended by signal {-done.returncode}; walking again")
        done = subprocess.run(args, cwd=REPO, capture_output=True, text=True, timeout=600, env=env)
    said = "\n".join(line for line in done.stderr.splitlines() if "This plugin does not support" not in line)
    assert done.returncode == 0 and out.exists(), done.stdout[-3000:] + said[-6000:]
    _walks[variant] = json.loads(out.read_text(encoding="utf-8"))
    return _walks[variant]


ALL_CHECKS = {"fits", "names", "buddies", "keyboard", "tab_order", "language"}
ENFORCED = {variant: ALL_CHECKS for variant in VARIANTS}


CHECK_NAMES = {"fits": "nothing wider or taller than the screen, nothing clipped",
               "names": "every control has an accessible name",
               "buddies": "every field has its label linked",
               "keyboard": "everything clickable takes the keyboard",
               "tab_order": "Tab walks in reading order",
               "language": "no text in the other language"}
CASES = [(variant, check) for variant, checks in ENFORCED.items() for check in sorted(checks)]


@pytest.mark.parametrize(("variant", "check"), CASES,
                         ids=[f"{lang}-{scale}-{check}" for (lang, scale), check in CASES])
def test_every_screen(variant, check, demo_file, tmp_path_factory):
    found = _walk(variant, demo_file, tmp_path_factory.mktemp("walk"))[check]
    assert not found, f"{CHECK_NAMES[check]}: {len(found)} problem(s):\n" + "\n".join(found)
