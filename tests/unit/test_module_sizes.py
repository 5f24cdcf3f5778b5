"""Sizes a newcomer can read (issue 19): no module in pcrm_desktop/ over 500 lines (the Alembic
migrations aside: each is one step of the schema's history, kept as written), and no function
or method in ui/ over 60 lines (a long `__init__` is split into build, connect and retranslate
steps with small widget helpers). A function's lines run from its `def` to its last line, with
its docstring, comments and nested functions. Listed by hand with

    python -m tests.unit.test_module_sizes
"""
from __future__ import annotations

import ast
from pathlib import Path

import pcrm_desktop

PACKAGE = Path(pcrm_desktop.__file__).resolve().parent
MAX_MODULE_LINES = 500
MAX_UI_FUNCTION_LINES = 60


def module_lines(source: str) -> int:
    return len(source.splitlines())


def function_lengths(source: str) -> list[tuple[str, int, int]]:
    """(name, first line, lines) of every function and method, nested ones included, in the
    order they are written."""
    return sorted(((node.name, node.lineno, node.end_lineno - node.lineno + 1)
                   for node in ast.walk(ast.parse(source))
                   if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))),
                  key=lambda found: found[1])


def _modules(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*.py") if "migrations" not in p.relative_to(PACKAGE).parts)


def long_modules() -> list[str]:
    found = []
    for path in _modules(PACKAGE):
        lines = module_lines(path.read_text(encoding="utf-8"))
        if lines > MAX_MODULE_LINES:
            found.append(f"{path.relative_to(PACKAGE.parent)}: {lines} lines")
    return found


def long_ui_functions() -> list[str]:
    found = []
    for path in _modules(PACKAGE / "ui"):
        for name, first, lines in function_lengths(path.read_text(encoding="utf-8")):
            if lines > MAX_UI_FUNCTION_LINES:
                found.append(f"{path.relative_to(PACKAGE.parent)}:{first} {name}: {lines} lines")
    return found


def test_no_module_over_500_lines():
    assert long_modules() == []


def test_no_ui_function_over_60_lines():
    assert long_ui_functions() == []


def test_the_measure_counts_every_line_of_a_function():
    body = "".join(f"    x{n} = {n}\n" for n in range(59))
    source = ("class Page:\n"
              "    def short(self):\n" + body.replace("    x", "        x")
              + "    def long(self):\n" + body.replace("    x", "        x") + "        '''one more'''\n"
              + "def outer():\n    def inner():\n        return 1\n    return inner\n")
    assert function_lengths(source) == [("short", 2, 60), ("long", 62, 61), ("outer", 123, 4),
                                        ("inner", 124, 2)]
    assert module_lines(source) == 126


def test_the_migrations_alone_are_left_out():
    names = {p.relative_to(PACKAGE).parts[0] for p in _modules(PACKAGE)}
    assert {"ui", "services", "domain", "db", "reports"} <= names
    assert not any("migrations" in p.parts for p in _modules(PACKAGE))
    assert (PACKAGE / "db" / "migrations").is_dir()


if __name__ == "__main__":
    print("\n".join(long_modules() + long_ui_functions()) or "none")
