"""A database shared by one test module (a demo built once), on each backend in turn: a
module-scoped fixture takes `params=BACKENDS` (ids "sqlite" and "postgresql", like `db_kind`)
and opens its database with `module_database`. Its tests then run on both, as `[sqlite]` and
`[postgresql]`; PCRM_TEST_BACKENDS=sqlite leaves the server out."""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from tests.conftest import BACKENDS

__all__ = ["BACKENDS", "module_database", "module_demo"]


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


@contextmanager
def module_demo(request, tmp_path_factory, name: str, now, citizens: int = 200,
                complaints: int = 1500, responses: int = 2000, seed: int = 4
                ) -> Iterator[tuple[str, object]]:
    """`module_database` filled with a demo made at `now` (the slow part, once a module):
    (the database's path or URL, a context acting as the demo's first admin at `now`)."""
    from dataclasses import replace

    from pcrm_desktop.bootstrap import open_backend
    from pcrm_desktop.services import office
    from pcrm_desktop.services.demo import DemoRequest, fill_demo
    with module_database(request, tmp_path_factory, name) as target:
        backend = open_backend(target)
        try:
            ctx = replace(backend.ctx, clock=lambda: now)
            fill_demo(ctx, DemoRequest(citizens=citizens, complaints=complaints,
                                       responses=responses, seed=seed))
            yield target, ctx.as_actor(office.actor_for(ctx, None))
        finally:
            backend.close()
