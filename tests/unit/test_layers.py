"""The import rules of docs/ARCHITECTURE.md, read from the source with `ast`."""
from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

import pcrm_desktop

PACKAGE = Path(pcrm_desktop.__file__).resolve().parent
REPO = PACKAGE.parent


def imported_modules(path: Path) -> set[str]:
    """Every module a file imports, at any depth (lazy imports inside functions count too)."""
    package = ".".join(path.relative_to(REPO).with_suffix("").parts[:-1])
    return imports_in(path.read_text(encoding="utf-8"), package)


def imports_in(source: str, package: str) -> set[str]:
    """The modules `source` imports, relative imports resolved against `package`."""
    tree = ast.parse(source)
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # relative: resolve against this file's package
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            found.add(module)
            found.update(f"{module}.{alias.name}" for alias in node.names)
    return found


def files_of(layer: str) -> list[Path]:
    files = sorted((PACKAGE / layer).rglob("*.py"))
    assert files, f"no source files found in {layer}/"
    return files


def violations(layer: str, forbidden: tuple[str, ...]) -> list[str]:
    found = []
    for path in files_of(layer):
        for module in sorted(imported_modules(path)):
            if any(module == f or module.startswith(f + ".") for f in forbidden):
                found.append(f"{path.relative_to(REPO)} imports {module}")
    return found


def test_the_import_scanner_sees_imports():
    """Guards the scanner: a scanner that saw nothing would make every rule pass."""
    assert "sqlalchemy" in imported_modules(PACKAGE / "db" / "engine.py")
    assert "alembic.runtime.migration" in imported_modules(PACKAGE / "db" / "migrate.py")  # lazy
    assert "pcrm_desktop.domain.errors" in imported_modules(PACKAGE / "domain" / "office.py")
    assert any(m.startswith("PySide6") for m in imported_modules(PACKAGE / "ui" / "main_window.py"))


def test_relative_imports_are_resolved():
    source = "from . import errors\nfrom ..db import tables\nfrom .. import ui\n"
    modules = imports_in(source, "pcrm_desktop.domain")
    assert {"pcrm_desktop.domain.errors", "pcrm_desktop.db.tables", "pcrm_desktop.ui"} <= modules


@pytest.mark.parametrize("layer", ["domain", "services", "reports", "db"])
def test_no_qt_below_the_ui(layer):
    assert violations(layer, ("PySide6", "shiboken6", "pcrm_desktop.ui")) == []


def test_domain_imports_no_sqlalchemy_and_no_alembic():
    assert violations("domain", ("sqlalchemy", "alembic")) == []


def test_domain_depends_on_nothing_else_in_the_program():
    outer = ("pcrm_desktop.services", "pcrm_desktop.db", "pcrm_desktop.ui",
             "pcrm_desktop.reports", "pcrm_desktop.bootstrap", "pcrm_desktop.cli",
             "pcrm_desktop.app", "pcrm_desktop.config")
    assert violations("domain", outer) == []


def test_ui_never_imports_sqlalchemy():
    assert violations("ui", ("sqlalchemy", "alembic")) == []


def test_starting_gui_or_cli_does_not_import_pandas_or_reportlab():
    code = ("import pcrm_desktop.app, pcrm_desktop.cli, sys; "
            "print('pandas' in sys.modules, 'reportlab' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True,
                          text=True, timeout=60, env=os.environ.copy())
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["False", "False"]
