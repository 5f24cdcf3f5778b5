"""A database shared by one test module (a demo built once), on each backend in turn: a
module-scoped fixture takes `params=BACKENDS` (ids "sqlite" and "postgresql", like `db_kind`)
and opens its database with `module_database`. Its tests then run on both, as `[sqlite]` and
`[postgresql]`; PCRM_TEST_BACKENDS=sqlite leaves the server out."""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from tests.conftest import BACKENDS

__all__ = ["BACKENDS", "module_database"]


@contextmanager
def module_database(request, tmp_path_factory, name: str) -> Iterator[str]:
    """A fresh database for the module's fixture: a new file's path, or a new (migrated)
    server database's URL when the fixture's parameter is "postgresql"; dropped afterwards."""
    if request.param == "sqlite":
        yield str(tmp_path_factory.mktemp(name) / "pcrm.db")
        return
    server = request.getfixturevalue("pg_server")
    url = server.new_database()
    try:
        yield url
    finally:
        server.drop(url)
