"""The import rules of docs/ARCHITECTURE.md: the contracts in pyproject.toml ([tool.importlinter]),
checked by import-linter's `lint-imports`; and what import-linter cannot say: that domain/ needs
nothing but the standard library (a forbidden list names only the packages it knows), and that
starting the GUI or the CLI imports none of reportlab, openpyxl and pandas."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import grimp

import pcrm_desktop

PACKAGE = Path(pcrm_desktop.__file__).resolve().parent
REPO = PACKAGE.parent

# One import against each contract, written into a copy of the program: each must be reported.
BREAKS = {
    "layers": ("reports/pdf.py", "def _upward():\n    from pcrm_desktop.services import office\n",
               "pcrm_desktop.reports.pdf -> pcrm_desktop.services.office"),
    "ui-no-database": ("ui/labels.py", "from sqlalchemy import text\n",
                       "pcrm_desktop.ui.labels -> sqlalchemy"),
    "no-qt-below-ui": ("db/health.py", "from PySide6 import QtCore\n",
                       "pcrm_desktop.db.health -> PySide6"),
    "services-no-sqlalchemy": ("services/groups.py", "import sqlalchemy\n",
                               "pcrm_desktop.services.groups -> sqlalchemy"),
    "services-reach-data-through-the-unit-of-work": (
        "services/office.py", "from pcrm_desktop.db import tables\n",
        "pcrm_desktop.services.office -> pcrm_desktop.db.tables"),
    "domain-standard-library-only": ("domain/text.py", "import openpyxl\n",
                                     "pcrm_desktop.domain.text -> openpyxl"),
    "no-circles": ("domain/errors.py", "def _circle():\n    from pcrm_desktop.domain import messages\n",
                   "No cycles are allowed in pcrm_desktop.domain."),
}


def lint_imports(root: Path) -> subprocess.CompletedProcess:
    """`lint-imports` on the program in `root` (its pyproject.toml), as the developer runs it."""
    env = os.environ.copy()
    env["PYTHONPATH"] = os.pathsep.join([str(root), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    env["COLUMNS"] = "250"   # rich wraps long contract names at the terminal's width otherwise
    code = "import sys; from importlinter.cli import lint_imports_command; sys.exit(lint_imports_command())"
    return subprocess.run([sys.executable, "-c", code, "--no-cache", "--no-logo"], cwd=root,
                          capture_output=True, text=True, timeout=300, env=env)


def contract_ids() -> list[str]:
    import tomllib
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    return [c["id"] for c in config["tool"]["importlinter"]["contracts"]]


def test_the_import_contracts_hold():
    done = lint_imports(REPO)
    assert done.returncode == 0, done.stdout + done.stderr
    assert f"Contracts: {len(contract_ids())} kept, 0 broken." in done.stdout, done.stdout


def test_each_contract_reports_an_import_that_breaks_it(tmp_path):
    """Guards the contracts: one that checked nothing, or looked at another copy of the program,
    would let every rule pass."""
    assert sorted(BREAKS) == sorted(contract_ids())
    shutil.copy(REPO / "pyproject.toml", tmp_path)
    shutil.copytree(PACKAGE, tmp_path / "pcrm_desktop",
                    ignore=shutil.ignore_patterns("__pycache__", "*.qm"))
    for file, source, _ in BREAKS.values():
        with (tmp_path / "pcrm_desktop" / file).open("a", encoding="utf-8") as handle:
            handle.write("\n\n" + source)
    done = lint_imports(tmp_path)
    assert done.returncode == 1, done.stdout + done.stderr
    assert f"Contracts: 0 kept, {len(BREAKS)} broken." in done.stdout, done.stdout
    for contract, (_, _, reported) in BREAKS.items():
        assert reported in done.stdout, (contract, done.stdout)


def test_domain_imports_only_the_standard_library():
    graph = grimp.build_graph("pcrm_desktop", include_external_packages=True, cache_dir=None)
    # the graph sees lazy imports and packages: a graph that saw nothing would pass anything
    assert "holidays" in graph.find_modules_directly_imported_by("pcrm_desktop.services.calendar")
    assert "dataclasses" in graph.find_modules_directly_imported_by("pcrm_desktop.domain.office")
    outside = sorted(
        f"{module} imports {imported}"
        for module in graph.find_descendants("pcrm_desktop.domain") | {"pcrm_desktop.domain"}
        for imported in graph.find_modules_directly_imported_by(module)
        if not imported.startswith("pcrm_desktop.domain")
        and imported.split(".")[0] not in sys.stdlib_module_names)
    assert outside == []


def test_starting_gui_or_cli_does_not_import_pandas_or_reportlab():
    """The heavy libraries a report needs (reportlab, openpyxl) are imported where it is made;
    pandas is no requirement, but a developer's environment may have it."""
    code = ("import pcrm_desktop.app, pcrm_desktop.cli, sys; "
            "print('pandas' in sys.modules, 'reportlab' in sys.modules, 'openpyxl' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True,
                          text=True, timeout=60, env=os.environ.copy())
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["False", "False", "False"]
