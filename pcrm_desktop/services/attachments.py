"""Files attached to a 민원: copied beside the database (attachments/<sha256>), size-limited,
recorded with the case and in the access log. Nothing is attached unless the copy is whole."""
from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from pcrm_desktop.domain.errors import NotFoundError, ValidationError
from pcrm_desktop.domain.privacy import PERSONAL_DATA_ROLES, require_role
from pcrm_desktop.domain.text import mask_rrns, well_formed
from pcrm_desktop.services.context import Changes, ServiceContext

MAX_BYTES = 20 * 1024 * 1024  # a photo or a scanned letter; more belongs elsewhere


@dataclass(frozen=True)
class Attachment:
    id: int
    name: str
    size: int
    sha256: str
    added_at: datetime
    actor: str


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


def _store(folder: Path, source: Path) -> tuple[str, int]:
    """Copy into a unique temporary file while hashing the very bytes copied, then move it
    under its hash: what is stored always matches its name, even if the source changes."""
    digest, size = hashlib.sha256(), 0
    handle = tempfile.NamedTemporaryFile(dir=folder, prefix=".incoming-", delete=False)
    try:
        with handle, source.open("rb") as reader:
            for block in iter(lambda: reader.read(1 << 20), b""):
                digest.update(block)
                size += len(block)
                if size > MAX_BYTES:
                    raise ValidationError("attachment_too_large", field="file",
                                          max_mb=MAX_BYTES // 2**20)
                handle.write(block)
        sha = digest.hexdigest()
        target = folder / sha
        if not target.exists():  # the same file attached before is kept once
            os.replace(handle.name, target)
        return sha, size
    finally:
        Path(handle.name).unlink(missing_ok=True)


def attach(ctx: ServiceContext, complaint_id: int, source: Path) -> Changes:
    require_role(ctx.actor, PERSONAL_DATA_ROLES, "complaint.attach")
    source = Path(source)
    check(source)
    sha, size = _store(_folder(ctx), source)
    name = mask_rrns(well_formed(source.name))[0].replace("*", "x")[:255]  # a scan named 900101-1234567.pdf
    with ctx.uow_factory() as uow:
        case = uow.complaints.get(complaint_id)
        if case is None:
            raise NotFoundError("complaint_not_found", field="complaint", id=complaint_id)
        uow.complaints.add_attachment(complaint_id, name, size, sha, ctx.clock(), ctx.actor.login)
        ctx.audit(uow, "complaint.attach", str(complaint_id), f"{name} ({size:,} bytes)",
                  subject=case.citizen_id)
        uow.commit()
    return frozenset({"complaints"})


def attachments(ctx: ServiceContext, complaint_id: int) -> list[Attachment]:
    require_role(ctx.actor, PERSONAL_DATA_ROLES, "complaint.view")
    with ctx.reading() as uow:
        rows = uow.complaints.attachments(complaint_id)
    return [Attachment(r["id"], r["name"], r["size"], r["sha256"], r["added_at"], r["actor"])
            for r in rows]


def open_copy(ctx: ServiceContext, attachment_id: int, folder: Path) -> Path:
    """A copy under its own name in `folder` (a temporary folder) to open with the system's
    viewer; the stored file is never handed out. Opening is recorded with whose 민원 it is.
    It is a view, like opening the case, so it asks no reason (an export does)."""
    require_role(ctx.actor, PERSONAL_DATA_ROLES, "complaint.view")
    with ctx.reading() as uow:
        row = uow.complaints.attachment(attachment_id)
    if row is None:
        raise NotFoundError("attachment_not_found", field="file", id=attachment_id)
    stored = _folder(ctx) / row["sha256"]
    if not stored.is_file():
        raise NotFoundError("attachment_missing", field="file", name=row["name"])
    Path(folder).mkdir(parents=True, exist_ok=True)
    copy = Path(folder) / Path(row["name"]).name
    shutil.copyfile(stored, copy)
    with ctx.uow_factory() as uow:
        case = uow.complaints.get(row["complaint_id"])
        ctx.audit(uow, "complaint.attachment_open", str(row["complaint_id"]), row["name"],
                  subject=case.citizen_id if case else None)
        uow.commit()
    return copy
