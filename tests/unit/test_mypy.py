"""mypy, strict, over the packages named in pyproject.toml's [tool.mypy] `files` (domain/ and
services/): part of the README's test command like every other test. mypy is one of the test
tools in requirements-test.lock; where it is missing the test fails and says so."""
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
CONFIG = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["mypy"]


def run_mypy(*args: str) -> subprocess.CompletedProcess[str]:
    """`python -m mypy` with this interpreter (so it reads the packages installed here), from
    the repository, with pyproject.toml's configuration."""
    if importlib.util.find_spec("mypy") is None:
        pytest.fail("mypy is not installed: ./dev.sh test installs it", pytrace=False)
    return subprocess.run([sys.executable, "-m", "mypy", *args], cwd=REPO, capture_output=True,
                          text=True, encoding="utf-8", timeout=600)


def test_the_configuration_is_strict_on_the_domain_and_the_services():
    assert CONFIG["strict"] is True
    assert CONFIG["python_version"] == "3.11"
    assert set(CONFIG["files"]) == {"pcrm_desktop/domain", "pcrm_desktop/services"}


def test_the_checked_packages_have_no_mypy_findings():
    result = run_mypy()
    output = result.stdout + result.stderr
    assert result.returncode == 0, f"mypy --strict (pyproject.toml [tool.mypy]):\n{output}"
    # every module of every configured package was checked, none left out
    modules = sum(len(list((REPO / package).rglob("*.py"))) for package in CONFIG["files"])
    checked = re.search(r"no issues found in (\d+) source files", output)
    assert checked is not None, output
    assert int(checked.group(1)) == modules, output


def test_the_configuration_refuses_what_strict_refuses(tmp_path):
    """The same configuration on a module with an unannotated function and a bare generic:
    the findings --strict adds to mypy's defaults are reported."""
    module = tmp_path / "loose.py"
    module.write_text("def half(x):\n    return x / 2\n\n\ndef names() -> list:\n    return []\n",
                      encoding="utf-8")
    result = run_mypy("--config-file", str(REPO / "pyproject.toml"), str(module))
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "loose.py:1: error: Function is missing a type annotation  [no-untyped-def]" in output
    assert "loose.py:5: error: Missing type arguments for generic type \"list\"  [type-arg]" in output


def test_both_units_of_work_are_the_unit_of_work_the_services_type_by(tmp_path):
    """SqlUnitOfWork and the fakes' FakeUnitOfWork, as mypy sees them, satisfy the Protocol of
    services/ports.py (tests/unit/test_ports.py compares parameter names; this compares the
    types): a repository whose signature drifts from its Protocol is reported here. A unit of
    work without one repository is refused, so the check is not vacuous."""
    probe = tmp_path / "units.py"
    probe.write_text(
        "from pcrm_desktop.db.uow import SqlUnitOfWork\n"
        "from pcrm_desktop.services.ports import UnitOfWork\n"
        "from tests.fakes import FakeUnitOfWork\n\n\n"
        "def real(unit: SqlUnitOfWork) -> UnitOfWork:\n    return unit\n\n\n"
        "def fake(unit: FakeUnitOfWork) -> UnitOfWork:\n    return unit\n\n\n"
        "class Partial:\n    def commit(self) -> None: ...\n\n\n"
        "def partial(unit: Partial) -> UnitOfWork:\n    return unit\n", encoding="utf-8")
    # a cache of its own: the shared one took a changed fake for the probe's earlier result
    result = run_mypy("--config-file", str(REPO / "pyproject.toml"),
                      "--cache-dir", str(tmp_path / "cache"), str(probe))
    output = result.stdout + result.stderr
    errors = [line for line in output.splitlines() if ": error:" in line]
    assert len(errors) == 1, output
    assert errors[0].startswith(f"{probe}:19: error: Incompatible return value type "
                                '(got "Partial", expected "UnitOfWork")'), output
