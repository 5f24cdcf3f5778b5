"""ruff with the project's rules (pyproject.toml [tool.ruff]) over the code, the tests, the
benchmarks and the tools: part of the README's test command like every other test. ruff is one
of the test tools in requirements-test.lock; where it is missing the test fails and says so."""
from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

import pcrm_desktop

REPO = Path(pcrm_desktop.__file__).resolve().parent.parent
CONFIG = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["ruff"]
CHECKED = ("pcrm_desktop", "tests", "bench", "tools")


def run_ruff(*args: str) -> subprocess.CompletedProcess[str]:
    """`python -m ruff check` with this interpreter's ruff, from the repository, with
    pyproject.toml's configuration."""
    if importlib.util.find_spec("ruff") is None:
        pytest.fail("ruff is not installed: ./dev.sh test installs it", pytrace=False)
    return subprocess.run([sys.executable, "-m", "ruff", "check", "--output-format", "concise", *args],
                          cwd=REPO, capture_output=True, text=True, encoding="utf-8", timeout=300)


def test_the_configuration_names_the_rules_and_the_paths():
    assert CONFIG["target-version"] == "py311"
    assert CONFIG["line-length"] == 120
    assert set(CONFIG["lint"]["select"]) == {"E", "F", "W", "I", "B", "UP", "SIM"}
    assert set(CONFIG["lint"]["ignore"]) == {"B905", "UP042"}
    assert CONFIG["lint"]["isort"]["known-first-party"] == ["pcrm_desktop", "tests"]


def test_the_code_has_no_ruff_findings():
    result = run_ruff()
    assert result.returncode == 0, f"ruff check (pyproject.toml [tool.ruff]):\n{result.stdout}{result.stderr}"


def test_every_python_file_of_the_configured_paths_is_checked():
    result = run_ruff("--show-files")
    assert result.returncode == 0, result.stderr
    shown = {Path(line) for line in result.stdout.splitlines() if line.endswith(".py")}
    expected = {p for folder in CHECKED for p in (REPO / folder).rglob("*.py")} | {REPO / "main.py"}
    assert shown == expected


def test_the_configuration_finds_what_it_selects_and_leaves_what_it_ignores(tmp_path):
    """The same configuration on a module with one finding of each kind it must report, and
    the patterns it must leave alone (zip without strict, a str Enum, QModelIndex() as a
    default)."""
    module = tmp_path / "loose.py"
    module.write_text(
        "from datetime import datetime\n"
        "from enum import Enum\n"
        "import os\n"
        "\n"
        "from PySide6.QtCore import QModelIndex\n"
        "\n"
        "\n"
        "class Kind(str, Enum):\n"
        "    A = 'a'\n"
        "\n"
        "\n"
        "def handlers(names, stamp=datetime.now()):\n"
        "    callbacks = []\n"
        "    for name in names:\n"
        "        callbacks.append(lambda: print(name, stamp))\n"
        "    return callbacks\n"
        "\n"
        "\n"
        "def rows(parent=QModelIndex()):\n"
        "    return list(zip([1], [2])), parent, '" + "x" * 110 + "'\n",
        encoding="utf-8")
    result = run_ruff("--config", str(REPO / "pyproject.toml"), "--no-cache", str(module))
    assert result.returncode == 1, result.stdout + result.stderr
    found = {(int(line), code) for line, code in re.findall(r"loose\.py:(\d+):\d+: (\w+)", result.stdout)}
    assert found == {(1, "I001"),    # the imports out of order
                     (3, "F401"),    # os, unused
                     (12, "B008"),   # datetime.now() evaluated once, at definition
                     (15, "B023"),   # the lambda sees the last name only
                     (20, "E501")}, result.stdout
