"""The access log on a PostgreSQL server (issue 20): the role clerks' PCs connect with may read
and append to the log and nothing else, the owner that ran the migrations is another role, and
the owner's own UPDATE is still refused by the PL/pgSQL triggers. Each forbidden statement is
tried on its own, connected as the app's role, and must fail with a permission error.

The owner here is an ordinary role (LOGIN CREATEROLE, owning its database), not the cluster's
superuser: an office's server gives the app's owner no more."""
from __future__ import annotations

import psycopg
import pytest
from psycopg import errors
from sqlalchemy import create_engine, text

from pcrm_desktop.db.audit_schema import guard_problems
from pcrm_desktop.db.server_roles import APPEND_ONLY, OFFICE, app_privileges, setup_app_role
from pcrm_desktop.domain.errors import DatabaseError
from tests.conftest import ADMIN_PASSWORD, BACKENDS

pytestmark = pytest.mark.skipif("postgresql" not in BACKENDS,
                                reason="PCRM_TEST_BACKENDS leaves the server out")

OWNER, APP = "pcrm_owner", "pcrm_app"


@pytest.fixture(scope="module")
def office(pg_server):
    """A database owned and migrated by an ordinary owner role, an office set up through the
    app, and the app's role made by `setup_app_role`: (owner's URL, app's URL)."""
    from pcrm_desktop.bootstrap import open_backend
    cluster = pg_server.cluster
    name = "roles_office"
    with cluster.admin_connect() as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        for role in (APP, OWNER):
            admin.execute(f"DROP ROLE IF EXISTS {role}")
        admin.execute(f"CREATE ROLE {OWNER} LOGIN CREATEROLE")
        admin.execute(f"CREATE DATABASE {name} OWNER {OWNER}")
    owner_url, app_url = cluster.url(name, user=OWNER), cluster.url(name, user=APP)
    open_backend(owner_url).close()                       # the migrations, as the owner
    engine = create_engine(owner_url)
    with engine.begin() as conn:
        first = setup_app_role(conn, APP, password="counter-1")
    assert first.created
    opened = open_backend(app_url)                        # a clerk's PC: the first run, logged
    try:
        from pcrm_desktop.domain.office import OfficeProfile
        from pcrm_desktop.services.office import complete_first_run
        complete_first_run(opened.ctx, OfficeProfile("청운효자동 행정복지센터"), ["민원행정팀"],
                           "홍길동", "hong", ADMIN_PASSWORD)
    finally:
        opened.close()
    yield owner_url, app_url
    engine.dispose()
    with cluster.admin_connect() as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        admin.execute(f"DROP ROLE IF EXISTS {APP}")
        admin.execute(f"DROP OWNED BY {OWNER}")
        admin.execute(f"DROP ROLE IF EXISTS {OWNER}")


def _raw(url: str) -> psycopg.Connection:
    """A plain psycopg connection for `url` (the SQLAlchemy form of the cluster's URL)."""
    from sqlalchemy.engine import make_url
    u = make_url(url)
    return psycopg.connect(dbname=u.database, user=u.username, host=u.query["host"],
                           port=int(u.query["port"]), autocommit=False)


def test_the_app_role_reads_and_appends_to_the_log_and_nothing_more(office):
    owner_url, _ = office
    with create_engine(owner_url).connect() as conn:
        held = app_privileges(conn, APP)
        assert guard_problems(conn) == []
    for table in APPEND_ONLY:
        assert held[table] == ("SELECT", "INSERT"), table
    for table in ("audit_chain_base", "database_identity", "alembic_version"):
        assert held[table] == ("SELECT",), table
    assert held["citizens"] == held["complaints"] == held["staff"] == OFFICE
    assert not any({"TRUNCATE", "TRIGGER", "REFERENCES"} & set(kinds) for kinds in held.values())


def test_setting_the_role_up_again_changes_nothing_and_takes_back_a_grant(office):
    owner_url, _ = office
    engine = create_engine(owner_url)
    with engine.begin() as conn:
        before = app_privileges(conn, APP)
        conn.execute(text(f"GRANT UPDATE, TRUNCATE ON audit_log TO {APP}"))   # by hand
        assert "audit_log: UPDATE granted to pcrm_app" in guard_problems(conn)
        again = setup_app_role(conn, APP)
        assert not again.created and again.tables["audit_log"] == ("SELECT", "INSERT")
        assert app_privileges(conn, APP) == before and guard_problems(conn) == []
    engine.dispose()


def test_the_role_cannot_be_the_owner_or_a_superuser(office):
    owner_url, _ = office
    with create_engine(owner_url).begin() as conn:
        for role, code in ((OWNER, "server_role_is_owner"), ("postgres", "server_role_superuser"),
                           ("Robert'); DROP", "server_role_name")):
            with pytest.raises(DatabaseError) as refused:
                setup_app_role(conn, role)
            assert refused.value.code == code


def test_an_action_through_the_app_appends_to_the_log_as_the_app_role(office):
    from pcrm_desktop.bootstrap import open_backend
    from pcrm_desktop.services import audit_trail
    from pcrm_desktop.services.accounts import sign_in
    owner_url, app_url = office
    opened = open_backend(app_url)
    try:
        ctx = opened.ctx
        with ctx.reading() as uow:
            before = uow.audit.count()
        actor = sign_in(ctx, "hong", ADMIN_PASSWORD).actor
        report = audit_trail.verify_chain(ctx.as_actor(actor))
        assert report.ok
        with ctx.reading() as uow:
            assert uow.audit.count() >= before + 2   # the sign-in and the check
            assert uow.audit.recent(1)[0].action == "audit.verify"
    finally:
        opened.close()


FORBIDDEN = [
    "UPDATE audit_log SET actor = 'someone' WHERE id = 1",
    "UPDATE audit_log SET detail = '', detail_digest = '\\x00' WHERE id = 1",   # even a redaction
    "DELETE FROM audit_log WHERE id = 1",
    "DELETE FROM audit_log",
    "TRUNCATE audit_log",
    "ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_delete",
    "ALTER TABLE audit_log DISABLE TRIGGER ALL",
    "ALTER TABLE audit_log ADD COLUMN note text",
    "DROP TRIGGER audit_log_append_only ON audit_log",
    "CREATE TRIGGER audit_log_quiet BEFORE UPDATE ON audit_log FOR EACH ROW "
    "EXECUTE FUNCTION pcrm_refuse('x')",
    "DROP TABLE audit_log",
    "CREATE OR REPLACE FUNCTION pcrm_refuse() RETURNS trigger LANGUAGE plpgsql AS "
    "$$ BEGIN RETURN NEW; END $$",
    "CREATE FUNCTION pcrm_other() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$",
    "SET session_replication_role = replica",   # triggers off for the session: superusers only
    "UPDATE audit_chain_base SET first_id = first_id + 5",
    "DELETE FROM audit_chain_base",
    "UPDATE audit_chain_keys SET key_id = 'x'",
    "DELETE FROM audit_chain_keys",
    "TRUNCATE audit_chain_keys",
    "INSERT INTO audit_chain_base VALUES (2, 1, '\\x00', NULL)",
    "UPDATE destruction_ledger SET count = 0",
    "DELETE FROM destruction_ledger",
    "TRUNCATE destruction_ledger",
    "UPDATE database_identity SET database_id = 'x'",
    "INSERT INTO database_identity VALUES (2, 'x', now())",
    "TRUNCATE citizens",
    "UPDATE alembic_version SET version_num = '0001'",
]


@pytest.mark.parametrize("statement", FORBIDDEN)
def test_each_change_to_the_log_is_refused_to_the_app_role(office, statement):
    _, app_url = office
    with _raw(app_url) as conn:
        assert conn.execute("SELECT count(*) FROM audit_log").fetchone()[0] > 0
        with pytest.raises(errors.InsufficientPrivilege):
            conn.execute(statement)
        conn.rollback()


@pytest.mark.parametrize("statement", [
    "UPDATE audit_log SET actor = 'someone' WHERE id = 2",
    "DELETE FROM audit_log WHERE id = 2",
    "TRUNCATE audit_log",
    "UPDATE audit_chain_base SET first_id = 0",
    "DELETE FROM audit_chain_keys",
    "UPDATE database_identity SET database_id = 'x'",
    "TRUNCATE destruction_ledger",
])
def test_the_owners_own_change_is_refused_by_the_triggers(office, statement):
    owner_url, _ = office
    with _raw(owner_url) as conn:
        with pytest.raises(errors.RaiseException, match="append-only|moves forward|fixed"):
            conn.execute(statement)
        conn.rollback()


def test_the_checks_see_a_trigger_the_owner_disabled(office):
    owner_url, _ = office
    engine = create_engine(owner_url)
    with engine.connect() as conn:
        conn.execute(text("ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_delete"))
        assert guard_problems(conn) == ["audit_log_no_delete: disabled"]
        conn.rollback()
        assert guard_problems(conn) == []
    engine.dispose()
