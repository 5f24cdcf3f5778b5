"""The typed unit of work (services/ports.py) against its two implementations: SqlUnitOfWork
with the real repositories, and FakeUnitOfWork with the fakes of tests/fakes/.

For every method of every repository Protocol, the real repository and its fake both have it,
with the same parameters (names, kinds, defaults); and every `uow.<repository>.<method>` the
services call is in the Protocol, so an editor (and mypy) can follow every call."""
from __future__ import annotations

import ast
import importlib
import inspect
import subprocess
import sys
from functools import cached_property
from pathlib import Path

import pytest

from pcrm_desktop.db import uow as uow_module
from pcrm_desktop.db.uow import SqlUnitOfWork
from pcrm_desktop.services import ports
from tests import fakes

SERVICES = Path(ports.__file__).resolve().parent


def _real(name: str) -> type:
    module, cls = uow_module._REPOSITORIES[name]
    return getattr(importlib.import_module(module), cls)


def _members(protocol: type) -> dict[str, object]:
    """The Protocol's own methods and properties (not those of Protocol itself)."""
    return {name: value for name, value in vars(protocol).items()
            if not name.startswith("_") and (callable(value) or isinstance(value, property))}


def _parameters(function) -> list[tuple[str, object, object]]:
    return [(p.name, p.kind, p.default) for p in inspect.signature(function).parameters.values()]


def _compatible(wanted, given) -> str:
    """'' when `given` takes every call `wanted` describes: the same parameters in the same
    order (name, kind, default), and any it adds after them optional."""
    want, have = _parameters(wanted), _parameters(given)
    if have[:len(want)] != want:
        return f"parameters {have} instead of {want}"
    extra = [p for p in inspect.signature(given).parameters.values()][len(want):]
    required = [p.name for p in extra if p.default is inspect.Parameter.empty
                and p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)]
    return f"required parameters added: {required}" if required else ""


def test_the_three_lists_of_repositories_agree():
    """The Protocol's properties, SqlUnitOfWork's, its module table, and the fakes (made or
    declared not faked with a reason) name the same 17 repositories."""
    protocol = {name for name, value in vars(ports.UnitOfWork).items() if isinstance(value, property)}
    real = {name for name, value in vars(SqlUnitOfWork).items() if isinstance(value, cached_property)}
    assert len(protocol) == 18
    assert protocol == real == set(uow_module._REPOSITORIES) == set(ports.PORTS)
    assert set(fakes.FAKES) | set(fakes.NOT_FAKED) == protocol
    assert set(fakes.FAKES) & set(fakes.NOT_FAKED) == set()
    for name, value in vars(ports.UnitOfWork).items():
        if isinstance(value, property):  # each property is typed by its repository's Protocol
            assert inspect.signature(value.fget).return_annotation == ports.PORTS[name].__name__


@pytest.mark.parametrize("name", sorted(ports.PORTS))
def test_the_real_repository_has_every_method_of_its_protocol(name):
    real = _real(name)
    for member, wanted in _members(ports.PORTS[name]).items():
        if isinstance(wanted, property):  # an attribute the real one sets over its connection
            assert getattr(real(object()), member) is not None
            continue
        given = getattr(real, member, None)
        assert callable(given), f"{real.__name__} has no {member}"
        assert not _compatible(wanted, given), f"{real.__name__}.{member}: {_compatible(wanted, given)}"


@pytest.mark.parametrize("name", sorted(fakes.FAKES))
def test_the_fake_repository_has_every_method_of_its_protocol(name):
    fake = fakes.FAKES[name]
    for member, wanted in _members(ports.PORTS[name]).items():
        if isinstance(wanted, property):  # the connection: a fake has none, and says so
            with pytest.raises(fakes.NoSqlOnFakes):
                getattr(fake(fakes.State()), member)
            continue
        given = getattr(fake, member, None)
        assert callable(given), f"{fake.__name__} has no {member}"
        assert not _compatible(wanted, given), f"{fake.__name__}.{member}: {_compatible(wanted, given)}"


def test_the_compatibility_check_sees_a_difference():
    class Port:
        def read(self, a: int, b: int = 1) -> None: ...

    class Renamed:
        def read(self, a: int, c: int = 1) -> None: ...

    class NoDefault:
        def read(self, a: int, b: int) -> None: ...

    class OtherDefault:
        def read(self, a: int, b: int = 2) -> None: ...

    class MoreRequired:
        def read(self, a: int, b: int = 1, c: int = 0, *, d: int) -> None: ...

    class MoreOptional:
        def read(self, a: int, b: int = 1, c: int = 0, **rest: object) -> None: ...
    for broken in (Renamed, NoDefault, OtherDefault, MoreRequired):
        assert _compatible(Port.read, broken.read), broken.__name__
    assert _compatible(Port.read, MoreOptional.read) == ""


def test_the_real_unit_makes_each_repository_once_over_its_connection():
    unit = SqlUnitOfWork(engine=None)  # type: ignore[arg-type]
    with pytest.raises(AttributeError):
        unit.complaints  # noqa: B018 - no connection before `with`
    unit.connection = connection = object()
    for name in uow_module._REPOSITORIES:
        repository = getattr(unit, name)
        assert type(repository) is _real(name)
        assert repository.c is connection
        assert getattr(unit, name) is repository  # made on first use, then kept


def test_a_repository_imports_only_its_own_module():
    """CLI start-up: `uow.surveys` must not import the 민원 or resident modules."""
    code = ("import sys\nfrom pcrm_desktop.db.uow import SqlUnitOfWork\n"
            "u = SqlUnitOfWork(None)\nu.connection = object()\nu.surveys\n"
            "print(sorted(m for m in sys.modules if m.startswith('pcrm_desktop.db.')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    loaded = eval(out)  # noqa: S307 - our own printout of a list of names
    assert "pcrm_desktop.db.survey_repo" in loaded
    for other in ("pcrm_desktop.db.complaint_repo", "pcrm_desktop.db.citizen_queries",
                  "pcrm_desktop.db.report_queries", "pcrm_desktop.db.retention_repo"):
        assert other not in loaded


def test_the_fake_unit_refuses_the_read_models_it_does_not_fake():
    with fakes.FakeUnitOfWork(fakes.FakeDatabase()) as unit:
        for name in fakes.NOT_FAKED:
            with pytest.raises(fakes.NotFaked, match="real file"):
                getattr(unit, name)
        for name, fake in fakes.FAKES.items():
            assert type(getattr(unit, name)) is fake


def test_the_fakes_start_as_a_migrated_database_does():
    """The 민원 types, categories and customer groups the migrations seed, in the fakes too."""
    versions = "pcrm_desktop.db.migrations.versions."
    clock = importlib.import_module(versions + "0004_complaint_clock")
    cases = importlib.import_module(versions + "0005_complaints")
    residents = importlib.import_module(versions + "0002_residents")
    from tests.fakes.citizens import SEED_GROUPS
    from tests.fakes.state import SEED_CATEGORIES, SEED_TYPES
    assert list(SEED_TYPES) == clock.SEED_TYPES
    assert list(SEED_CATEGORIES) == cases.SEED_CATEGORIES
    assert list(SEED_GROUPS) == residents.SEED_GROUPS
    state = fakes.State()
    assert (state.categories[1]["name"], state.categories[2]["parent_id"], len(state.categories)) \
        == ("도로·교통", 1, 51)  # 12 top-level categories and 39 under them
    assert state.new_id("complaint_categories") == 52


# --- every call the services make is in the Protocols ------------------------------------------

def _calls(tree: ast.AST) -> set[tuple[str, str, int]]:
    """(repository, member, line) of `….uow.<repository>.<member>` and of `<alias>.<member>`
    after `<alias> = uow.<repository>`, in one module."""
    found = set()

    def through_uow(node: ast.AST) -> bool:
        while isinstance(node, ast.Attribute):
            if node.attr == "uow":
                return True
            node = node.value
        return isinstance(node, ast.Name) and node.id == "uow"
    for scope in [tree, *(n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.ClassDef)))]:
        aliases = {}
        for node in ast.walk(scope):
            if isinstance(node, ast.Assign) and isinstance(node.value, ast.Attribute) \
                    and node.value.attr in ports.PORTS and through_uow(node.value.value):
                for target in node.targets:
                    if isinstance(target, ast.Name):
                        aliases[target.id] = node.value.attr
        for node in ast.walk(scope):
            if not isinstance(node, ast.Attribute):
                continue
            base = node.value
            if isinstance(base, ast.Attribute) and base.attr in ports.PORTS and through_uow(base.value):
                found.add((base.attr, node.attr, node.lineno))
            elif isinstance(base, ast.Name) and base.id in aliases:
                found.add((aliases[base.id], node.attr, node.lineno))
    return found


def test_every_repository_call_in_the_services_is_in_its_protocol():
    missing, seen = [], set()
    for path in sorted(SERVICES.glob("*.py")):
        for repository, member, line in _calls(ast.parse(path.read_text("utf-8"))):
            seen.add((repository, member))
            if member not in _members(ports.PORTS[repository]):
                missing.append(f"{path.name}:{line} uow.{repository}.{member}")
    assert missing == []
    # the scan sees what it should: direct calls, and calls through an alias (reads = uow.reports)
    assert {("complaints", "next_receipt_number"), ("surveys", "add_response"),
            ("reports", "overdue_list"), ("analysis", "item_pairs")} <= seen
    # and nothing is in a Protocol that no service calls
    listed = {(name, member) for name, port in ports.PORTS.items() for member in _members(port)}
    assert sorted(listed - seen) == []


def test_the_scan_finds_a_call_missing_from_a_protocol():
    tree = ast.parse("def f(ctx):\n    with ctx.uow_factory() as uow:\n"
                     "        uow.complaints.vanish(1)\n        reads = uow.reports\n"
                     "        reads.gone()\n        self.uow.surveys.add(1)\n")
    assert _calls(tree) == {("complaints", "vanish", 3), ("reports", "gone", 5),
                            ("surveys", "add", 6)}
