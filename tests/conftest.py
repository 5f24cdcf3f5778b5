"""Shared test set-up: offscreen Qt, a private home and settings folder, temporary databases."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Nothing a test does may touch the developer's real data folder or settings.
_PRIVATE_HOME = Path(tempfile.mkdtemp(prefix="pcrm-test-home-"))
os.environ["HOME"] = str(_PRIVATE_HOME)
os.environ["XDG_DATA_HOME"] = str(_PRIVATE_HOME / "data")
os.environ["XDG_CONFIG_HOME"] = str(_PRIVATE_HOME / "config")
os.environ.pop("PCRM_DATABASE_URL", None)
# Password hashes at the lowest cost scrypt allows here (the stored hash names its cost; the
# default cost is tested on its own in tests/unit/test_accounts.py). Children inherit it.
os.environ["PCRM_SCRYPT_N"] = "1024"
# The first admin's ("hong") in every set-up fixture; the same as the demo accounts' password,
# so one password file serves the command line on either kind of test database.
ADMIN_PASSWORD = "Demo#2026!"
_PASSWORD_FILE = _PRIVATE_HOME / "pcrm-password.txt"
_PASSWORD_FILE.write_text(ADMIN_PASSWORD + "\n", encoding="utf-8")
_PASSWORD_FILE.chmod(0o600)
# `pcrm` commands in tests sign in as a scheduled run would (cli.shared.signed_in): the demo's admin
# by default; a test on a set-up fixture database passes --user hong.
os.environ["PCRM_PASSWORD_FILE"] = str(_PASSWORD_FILE)
os.environ["PCRM_USER"] = "admin"

REPO = Path(__file__).resolve().parent.parent
SHARED_DATA = REPO.parent / "shared" / "data" / "public"
ARTIFACTS = Path(os.environ.get("PCRM_ARTIFACTS", REPO / "artifacts"))

# --- Offline by construction: no test, and no child process a test starts, reaches a network ----
# Installed on import (before collection imports anything), so import-time attempts count too.
# Python children (`pcrm …`, the GUI) get the same block from tests/netblock/sitecustomize.py
# through PYTHONPATH and write their refused attempts to NETBLOCK_RECORD, which is checked after
# every test and at the end of the session. Refusals raise an OSError; a swallowed one still fails.
from tests.netblock import pcrm_netblock as netblock  # noqa: E402

NETBLOCK_DIR = Path(netblock.__file__).resolve().parent
_netblock_fd, NETBLOCK_RECORD = tempfile.mkstemp(prefix="pcrm-netblock-", suffix=".log")
os.close(_netblock_fd)
os.environ[netblock.ENV_RECORD] = NETBLOCK_RECORD
os.environ["PYTHONPATH"] = os.pathsep.join(
    [str(NETBLOCK_DIR), *[p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p]])
NETBLOCK = netblock.install()  # this process: attempts are kept in NETBLOCK.attempts

# Hypothesis: a fixed seed and a bounded number of examples in CI (tests/hypothesis_profile.py).
import tests.hypothesis_profile  # noqa: E402, F401


@pytest.fixture(scope="session", autouse=True)
def _network_blocked():
    """The whole session runs with internet sockets blocked; nothing may lift the block."""
    assert netblock.is_installed(), "the network block is not installed"
    yield
    assert netblock.is_installed(), "something removed the network block during the session"


@pytest.fixture(autouse=True)
def _no_network_attempt():
    """Fail the test during which this process or a child tried to reach the network."""
    before = len(NETBLOCK.attempts)
    start = os.path.getsize(NETBLOCK_RECORD)
    yield
    attempts = NETBLOCK.attempts[before:] + netblock.read_record(NETBLOCK_RECORD, start)[0]
    if attempts:
        pytest.fail("network access attempted (PCRM Desktop must stay offline):\n  "
                    + "\n  ".join(attempts), pytrace=False)


def pytest_sessionfinish(session, exitstatus):
    """Any attempt at all, even outside a test (collection, imports) or swallowed, fails the run."""
    attempts = NETBLOCK.attempts + netblock.read_record(NETBLOCK_RECORD)[0]
    Path(NETBLOCK_RECORD).unlink(missing_ok=True)
    if attempts:
        reporter = session.config.pluginmanager.get_plugin("terminalreporter")
        if reporter is not None:
            reporter.write_line("")
            reporter.write_sep("=", "network access attempted (PCRM Desktop must stay offline)",
                               red=True)
            for attempt in attempts:
                reporter.write_line(f"  {attempt}", red=True)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "pcrm.db"


# --- Both backends ------------------------------------------------------------------------------
# Integration tests run on SQLite and on a PostgreSQL server (a throwaway cluster this session
# starts: tests/pg_cluster.py), as `[sqlite]` and `[postgresql]`. A test that reads the SQLite
# file itself (sqlite3, PRAGMAs, the -wal file) is marked `sqlite_only` with its reason.
# PCRM_TEST_BACKENDS=sqlite runs the SQLite half alone (a machine without postgresql-15).
BACKENDS = tuple(b for b in os.environ.get("PCRM_TEST_BACKENDS", "sqlite,postgresql").split(",")
                 if b)
INTEGRATION = REPO / "tests" / "integration"


def pytest_generate_tests(metafunc):
    if "db_kind" not in metafunc.fixturenames:
        return
    in_integration = Path(str(metafunc.definition.path)).is_relative_to(INTEGRATION)
    only = metafunc.definition.get_closest_marker("sqlite_only")
    kinds = BACKENDS if in_integration and only is None else ("sqlite",)
    if metafunc.definition.get_closest_marker("server_only"):
        kinds = tuple(b for b in BACKENDS if b == "postgresql")  # none: skipped, saying why
    metafunc.parametrize("db_kind", kinds)


@pytest.fixture(scope="session")
def pg_server():
    """The session's PostgreSQL cluster and a template database migrated to this version's head
    (and opened once, like a new file: its creation logged, the holiday years seeded); each test
    gets a copy (CREATE DATABASE … TEMPLATE, 0.1-0.2 s against 0.5 s for the migrations)."""
    from tests import pg_cluster
    if "postgresql" not in BACKENDS:  # a developer's own choice; CI runs both
        pytest.skip("PCRM_TEST_BACKENDS leaves the PostgreSQL server out")
    server = PgServer(pg_cluster.start())
    try:
        server.make_template()
        yield server
    finally:
        server.cluster.stop()


class PgServer:
    def __init__(self, cluster) -> None:
        self.cluster = cluster
        self.count = 0

    def make_template(self) -> None:
        from pcrm_desktop.bootstrap import open_backend
        from tests.pg_cluster import TEMPLATE
        with self.cluster.admin_connect() as admin:
            admin.execute(f"CREATE DATABASE {TEMPLATE}")
        open_backend(self.cluster.url(TEMPLATE)).close()

    def new_database(self, empty: bool = False) -> str:
        """A new database's URL: a copy of the migrated template, or an `empty` one."""
        from tests.pg_cluster import TEMPLATE
        self.count += 1
        name = f"t{os.getpid()}_{self.count}"
        with self.cluster.admin_connect() as admin:
            admin.execute(f"CREATE DATABASE {name}" + ("" if empty else f" TEMPLATE {TEMPLATE}"))
        return self.cluster.url(name)

    def drop(self, url: str) -> None:
        name = url.split("@/", 1)[1].split("?", 1)[0]
        with self.cluster.admin_connect() as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture
def db_kind() -> str:
    return "sqlite"  # parametrized for tests/integration (pytest_generate_tests)


@pytest.fixture
def db_target(request, db_kind: str, db_path: Path):
    """What `--db` takes for this test's database: a new file's path, or a new server
    database's URL (already migrated, like a file opened once)."""
    if db_kind == "sqlite":
        yield str(db_path)
        return
    server = request.getfixturevalue("pg_server")
    url = server.new_database()
    from tests import dbutil
    dbutil.SERVERS[str(db_path)] = url   # tests.dbutil.rows(db_path, …) reads the server
    yield url
    dbutil.SERVERS.pop(str(db_path), None)
    server.drop(url)


@pytest.fixture
def empty_db_target(request, db_kind: str, db_path: Path):
    """A database nothing has opened yet: a path where no file is, or an empty server database."""
    if db_kind == "sqlite":
        yield str(db_path)
        return
    server = request.getfixturevalue("pg_server")
    url = server.new_database(empty=True)
    yield url
    server.drop(url)


@pytest.fixture
def backend(db_target: str):
    from pcrm_desktop.bootstrap import open_backend
    opened = open_backend(db_target)
    yield opened
    opened.close()


@pytest.fixture
def ctx(backend):
    return backend.ctx


@pytest.fixture
def admin_ctx(ctx):
    """A context acting as the first admin of a freshly set-up office."""
    from pcrm_desktop.domain.office import OfficeProfile
    from pcrm_desktop.services.office import complete_first_run
    actor = complete_first_run(ctx, OfficeProfile("청운효자동 행정복지센터"), ["민원행정팀", "복지팀"],
                               "홍길동", "hong",
                               ADMIN_PASSWORD)
    return ctx.as_actor(actor)


@pytest.fixture
def screenshot_dir() -> Path:
    folder = ARTIFACTS / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    return folder
