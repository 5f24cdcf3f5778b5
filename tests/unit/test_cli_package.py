"""The `pcrm` package's arrows point one way: the entry (`pcrm_desktop.cli`) → the command
modules → `pcrm_desktop.cli.shared`. No command module reaches back up into the entry (the
circle `cli.py` ↔ `cli_*.py` this package replaced), none imports another, and `shared`
imports none of them."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

import pcrm_desktop.cli

CLI = Path(pcrm_desktop.cli.__file__).resolve().parent
COMMAND_MODULES = sorted(p.stem for p in CLI.glob("*.py")
                         if p.stem not in ("__init__", "__main__", "shared"))


def cli_imports(name: str) -> set[str]:
    """The pcrm_desktop.cli modules `name` imports, at any depth (`from pcrm_desktop.cli import
    x` names the submodule x when there is one, else the entry)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse((CLI / f"{name}.py").read_text(encoding="utf-8"))):
        modules: list[str] = []
        if isinstance(node, ast.Import):
            modules = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            modules = [node.module]
            if node.module == "pcrm_desktop.cli":
                modules = [f"pcrm_desktop.cli.{a.name}" if (CLI / f"{a.name}.py").exists()
                           else "pcrm_desktop.cli" for a in node.names]
        found.update(m for m in modules
                     if m == "pcrm_desktop.cli" or m.startswith("pcrm_desktop.cli."))
    return found


def test_the_command_groups_are_there():
    assert COMMAND_MODULES == ["audit", "backup", "data", "database", "deadline", "moving",
                               "reports", "retention", "survey"]


@pytest.mark.parametrize("name", COMMAND_MODULES)
def test_a_command_module_imports_only_the_shared_module(name):
    assert cli_imports(name) <= {"pcrm_desktop.cli.shared"}


def test_the_shared_module_imports_no_command_and_not_the_entry():
    assert cli_imports("shared") == set()


def test_every_command_has_a_handler_and_a_parser():
    parser = pcrm_desktop.cli.build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    assert set(sub.choices) == set(pcrm_desktop.cli.COMMANDS)
