"""The attachments' bytes kept in the database (an office server; migration 0014)."""
from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import Connection, delete, exists, select

from pcrm_desktop.db import dialect
from pcrm_desktop.db import tables as t


class AttachmentContentRepository:
    def __init__(self, connection: Connection) -> None:
        self.c = connection

    def put(self, sha256: str, data: bytes) -> bool:
        """Store the bytes under their hash, once (a file attached again is shared): True when
        this call stored them."""
        ac = t.attachment_contents
        done = self.c.execute(dialect.insert(self.c, ac).values(
            sha256=sha256, size=len(data), data=data).on_conflict_do_nothing())
        return bool(done.rowcount)

    def get(self, sha256: str) -> bytes | None:
        ac = t.attachment_contents
        data = self.c.execute(select(ac.c.data).where(ac.c.sha256 == sha256)).scalar()
        return None if data is None else bytes(data)

    def drop_unused(self, names: Iterable[str]) -> int:
        """Delete the stored bytes of `names` that no attachment refers to any more (after a
        retention run destroyed their 민원): the number deleted."""
        ac, ca = t.attachment_contents, t.complaint_attachments
        names = sorted(set(names))
        gone = 0
        for start in range(0, len(names), 500):
            chunk = names[start:start + 500]
            gone += self.c.execute(delete(ac).where(
                ac.c.sha256.in_(chunk),
                ~exists().where(ca.c.sha256 == ac.c.sha256))).rowcount or 0
        return gone
