"""Moving an office from its single-PC file to the office server (`pcrm copy-to URL --db FILE`).

A database-level use case, like `pcrm init` and `pcrm check`: it runs before anyone can sign in
on the server (there is nobody there yet), and no one signs in to the file either: a sign-in
writes (the account's last login, a `login` entry), and the file must stay byte for byte as it
was. What guards the move is what it needs: the right to read the file (this Windows account;
whoever has it can read the file with any SQLite tool anyway) and the server's owner role, the
one migrations use, which alone may create the tables (clerks' PCs connect with another role).
The move itself is recorded in the server's access log, at the end of the copied chain, in the
same transaction: `db.create`, "파일에서 복사", with the file, its database id and the counts.
The mechanics (one transaction, the checks before commit) are db/copying.py's.
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from pcrm_desktop.config import DatabaseLocation, masked_url, workstation_name
from pcrm_desktop.domain.audit import AuditEntry
from pcrm_desktop.domain.errors import DatabaseError
from pcrm_desktop.domain.retention import RULES, Kind, cutoff
from pcrm_desktop.domain.text import mask_rrns, well_formed

if TYPE_CHECKING:
    from pcrm_desktop.db.copying import CopyReport


def copy_to_server(source: DatabaseLocation, target: DatabaseLocation,
                   clock: Callable[[], datetime] = datetime.now,
                   progress: Callable[..., None] | None = None) -> CopyReport:
    """Copy the file `source` into the new server database `target`; the report of what was
    compared. Raises DatabaseError (nothing changed anywhere) when it cannot."""
    if source.path is None:
        raise DatabaseError("copy_source_not_file", url=masked_url(source.url))
    if target.path is not None:
        raise DatabaseError("copy_target_not_server", url=str(target.path))
    from pcrm_desktop.db.copying import copy_database
    now = clock()
    # the chain's start may only have moved past entries older than the legal minimum
    kept_since = cutoff(now, RULES[Kind.AUDIT_LOG].minimum_months).isoformat()
    path = source.path

    def record(report: CopyReport) -> AuditEntry:
        detail = (f"파일에서 복사: {path} (원본 데이터베이스 {report.source_id or '-'}, "
                  f"{report.rows:,}행, 접속기록 {report.chain.checked:,}건 검증)")
        return AuditEntry(clock(), "system", workstation_name(), "db.create", "database",
                          mask_rrns(well_formed(detail))[0])

    return copy_database(path, target.url, kept_since=kept_since, entry=record, now=now,
                         progress=progress)
