"""Backups of an office server's database (`pcrm backup --db postgresql://…`): pg_dump when this
PC has PostgreSQL's client tools, else the program's own logical export; both verified before
they count. Restoring goes into an empty database (db/server_backup.py)."""
from __future__ import annotations

from pathlib import Path

from pcrm_desktop.config import default_data_dir, server_label
from pcrm_desktop.db import server_backup
from pcrm_desktop.db.server_backup import ServerBackup
from pcrm_desktop.domain.errors import DatabaseError
from pcrm_desktop.domain.privacy import AUDIT_ROLES, require_role
from pcrm_desktop.services.context import ServiceContext

KIND_TEXT = {server_backup.PG_DUMP: "pg_dump", server_backup.LOGICAL: "프로그램 자체 내보내기"}


def kind_here() -> str:
    """How a backup of the server is made on this PC: pg_dump when PostgreSQL's client tools
    are installed here, else the program's own logical export."""
    return server_backup.PG_DUMP if server_backup.client_tool("pg_dump") else server_backup.LOGICAL


def server_backup_folder(url: str) -> Path:
    """Where `pcrm backup` puts a server's backups when no --out is given: this PC's data
    folder, one folder per server database."""
    safe = "".join(c if c.isalnum() or c in "-." else "_" for c in server_label(url))
    return default_data_dir() / "server-backups" / safe


def backup_server(ctx: ServiceContext, out: Path | None = None) -> ServerBackup:
    """A verified backup of the server database (managers and admins), logged."""
    require_role(ctx.actor, AUDIT_ROLES, "backup.manual")
    if ctx.server is None:
        raise DatabaseError("db_missing", path="")
    now = ctx.clock()
    target = out or server_backup_folder(ctx.server) / f"pcrm-{now:%Y%m%d-%H%M%S}.dump"
    made = server_backup.backup(ctx.server, target)
    with ctx.uow_factory() as uow:
        rows = f", 행 {made.rows:,}개" if made.rows is not None else ""
        ctx.audit(uow, "backup.create", made.path.name,
                  f"서버 백업 ({KIND_TEXT[made.kind]}); 표 {made.tables}개{rows}; 검사 정상")
        uow.commit()
    return made


def restore_server(url: str, file: Path) -> int:
    """Restore a pg_dump backup into an empty server database (before anyone can sign in there,
    like `pcrm init`); the number of tables restored."""
    return server_backup.restore_dump(url, file)
