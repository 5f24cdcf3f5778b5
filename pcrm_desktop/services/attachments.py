"""Files attached to a 민원: copied beside the database (attachments/<sha256>), or on an office
server into the database itself (attachment_contents: every PC of the office reads them there),
size-limited, recorded with the case and in the access log. Nothing is attached unless the copy
is whole, and a file is in place only if the transaction that records it commits (`Incoming`;
on a server the bytes are written in that very transaction)."""
from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from pcrm_desktop.domain.errors import NotFoundError, ValidationError
from pcrm_desktop.domain.privacy import PERSONAL_DATA_ROLES, require_role
from pcrm_desktop.domain.text import mask_rrns, well_formed
from pcrm_desktop.services.context import Changes, ServiceContext
from pcrm_desktop.services.ports import UnitOfWork

MAX_BYTES = 20 * 1024 * 1024  # a photo or a scanned letter; more belongs elsewhere


@dataclass(frozen=True)
class Attachment:
    id: int
    name: str
    size: int
    sha256: str
    added_at: datetime
    actor: str


def _in_database(ctx: ServiceContext) -> bool:
    """An office server keeps the bytes in the database; a file keeps them beside it."""
    return ctx.files_dir is None and ctx.server is not None


def _folder(ctx: ServiceContext) -> Path:
    if ctx.files_dir is None:
        raise ValidationError("attachments_unavailable", field="file")
    ctx.files_dir.mkdir(parents=True, exist_ok=True)
    return ctx.files_dir


def check(source: Path) -> int:
    """The file's size, or ValidationError when it cannot be attached (missing, too large):
    intake checks its files before it saves the case."""
    source = Path(source)
    if not source.is_file():
        raise ValidationError("file_missing", field="file", path=str(source))
    size = source.stat().st_size
    if size > MAX_BYTES:
        raise ValidationError("attachment_too_large", field="file", max_mb=MAX_BYTES // 2**20)
    return size


def _copy_in(folder: Path, source: Path) -> tuple[Path, str, int]:
    """Copy into a unique temporary file while hashing the very bytes copied: what is stored
    always matches its name, even if the source changes meanwhile. (temporary file, sha256,
    size); nothing is left behind if the copy fails."""
    digest, size = hashlib.sha256(), 0
    # closed by the `with` below; named before it, so that a failed copy can remove its file
    handle = tempfile.NamedTemporaryFile(dir=folder, prefix=".incoming-", delete=False)  # noqa: SIM115
    try:
        with handle, source.open("rb") as reader:
            for block in iter(lambda: reader.read(1 << 20), b""):
                digest.update(block)
                size += len(block)
                if size > MAX_BYTES:
                    raise ValidationError("attachment_too_large", field="file",
                                          max_mb=MAX_BYTES // 2**20)
                handle.write(block)
    except BaseException:
        Path(handle.name).unlink(missing_ok=True)
        raise
    return Path(handle.name), digest.hexdigest(), size


@dataclass(frozen=True)
class _Copied:
    name: str        # the source's name as recorded (RRN-shaped digits masked)
    temporary: Path  # beside the stored files, until the transaction puts it in place
    sha256: str
    size: int


class Incoming:
    """Files to attach in one transaction. Made before it: every file is checked (missing,
    too large) and copied beside the database under a temporary name, the slow part, so the
    write lock is not held for it. `record` puts each under its hash and writes its row and
    access-log entry in the caller's transaction; `discard_placed` (called while that
    transaction still holds the write lock, when it does not commit) removes what `record`
    put in place, so a rolled-back 민원 leaves no file behind. Leaving `with` removes the
    temporary copies. A file already stored (the same bytes attached before) is shared and
    never removed."""

    def __init__(self, ctx: ServiceContext, sources: Iterable[Path]) -> None:
        sources = [Path(source) for source in sources]
        for source in sources:  # a file that cannot be attached refuses the whole call
            check(source)
        self.copies: list[_Copied] = []
        self.placed: list[Path] = []
        self.in_database = _in_database(ctx)
        if not sources:
            return
        # on a server the copies wait in a private temporary folder until `record` reads them
        self.folder = Path(tempfile.mkdtemp(prefix="pcrm-incoming-")) if self.in_database \
            else _folder(ctx)
        try:
            for source in sources:
                temporary, sha, size = _copy_in(self.folder, source)
                # a scan named 900101-1234567.pdf
                name = mask_rrns(well_formed(source.name))[0].replace("*", "x")[:255]
                self.copies.append(_Copied(name, temporary, sha, size))
        except BaseException:
            self._remove_temporary()
            raise

    def __enter__(self) -> Incoming:
        return self

    def __exit__(self, *exc: object) -> None:
        self._remove_temporary()

    def _remove_temporary(self) -> None:
        for copy in self.copies:
            copy.temporary.unlink(missing_ok=True)
        if self.in_database and self.copies:
            shutil.rmtree(self.folder, ignore_errors=True)

    def record(self, ctx: ServiceContext, uow: UnitOfWork, complaint_id: int,
               subject: int | None) -> None:
        """Put the files in place and record them with the case, in `uow`'s transaction."""
        for copy in self.copies:
            target = self.folder / copy.sha256
            if self.in_database:  # kept once too; rolled back with the transaction
                uow.attachment_contents.put(copy.sha256, copy.temporary.read_bytes())
            elif not target.exists():  # the same file attached before is kept once
                os.replace(copy.temporary, target)
                self.placed.append(target)
            uow.complaints.add_attachment(complaint_id, copy.name, copy.size, copy.sha256,
                                          ctx.clock(), ctx.actor.login)
            ctx.audit(uow, "complaint.attach", str(complaint_id),
                      f"{copy.name} ({copy.size:,} bytes)", subject=subject)

    def discard_placed(self) -> None:
        """The transaction will not commit: remove the files `record` put in place (no other
        row can refer to them yet: the writer's lock is still held)."""
        for target in self.placed:
            target.unlink(missing_ok=True)
        self.placed.clear()


def attach(ctx: ServiceContext, complaint_id: int, source: Path) -> Changes:
    require_role(ctx.actor, PERSONAL_DATA_ROLES, "complaint.attach")
    with Incoming(ctx, [source]) as incoming, ctx.uow_factory() as uow:
        try:
            case = uow.complaints.get(complaint_id)
            if case is None:
                raise NotFoundError("complaint_not_found", field="complaint", id=complaint_id)
            incoming.record(ctx, uow, complaint_id, case.citizen_id)
            uow.commit()
        except BaseException:
            incoming.discard_placed()
            raise
    return frozenset({"complaints"})


def attachments(ctx: ServiceContext, complaint_id: int) -> list[Attachment]:
    require_role(ctx.actor, PERSONAL_DATA_ROLES, "complaint.view")
    with ctx.reading() as uow:
        return attachments_in(uow, complaint_id)


def attachments_in(uow: UnitOfWork, complaint_id: int) -> list[Attachment]:
    return [Attachment(r["id"], r["name"], r["size"], r["sha256"], r["added_at"], r["actor"])
            for r in uow.complaints.attachments(complaint_id)]


def open_copy(ctx: ServiceContext, attachment_id: int, folder: Path) -> Path:
    """A copy under its own name in `folder` (a temporary folder) to open with the system's
    viewer; the stored file is never handed out. Opening is recorded with whose 민원 it is.
    It is a view, like opening the case, so it asks no reason (an export does)."""
    require_role(ctx.actor, PERSONAL_DATA_ROLES, "complaint.view")
    with ctx.reading() as uow:
        row = uow.complaints.attachment(attachment_id)
    if row is None:
        raise NotFoundError("attachment_not_found", field="file", id=attachment_id)
    Path(folder).mkdir(parents=True, exist_ok=True)
    copy = Path(folder) / Path(row["name"]).name
    if _in_database(ctx):
        with ctx.reading() as uow:
            data = uow.attachment_contents.get(row["sha256"])
        if data is None:
            raise NotFoundError("attachment_missing", field="file", name=row["name"])
        copy.write_bytes(data)
    else:
        stored = _folder(ctx) / row["sha256"]
        if not stored.is_file():
            raise NotFoundError("attachment_missing", field="file", name=row["name"])
        shutil.copyfile(stored, copy)
    with ctx.uow_factory() as uow:
        case = uow.complaints.get(row["complaint_id"])
        ctx.audit(uow, "complaint.attachment_open", str(row["complaint_id"]), row["name"],
                  subject=case.citizen_id if case else None)
        uow.commit()
    return copy
