"""The unit of work: one connection, one transaction, the repositories over it."""
from __future__ import annotations

import logging

from sqlalchemy import Engine

log = logging.getLogger(__name__)

# name → (module, class): a repository is made, and its module imported, on first use, so a
# command that reads surveys does not import the 민원 and resident code (CLI start-up time).
_REPOSITORIES = {
    "office": ("pcrm_desktop.db.repositories", "OfficeRepository"),
    "departments": ("pcrm_desktop.db.repositories", "DepartmentRepository"),
    "staff": ("pcrm_desktop.db.repositories", "StaffRepository"),
    "audit": ("pcrm_desktop.db.repositories", "AuditRepository"),
    "citizens": ("pcrm_desktop.db.citizen_repo", "CitizenRepository"),
    "groups": ("pcrm_desktop.db.group_repo", "GroupRepository"),
    "citizen_read": ("pcrm_desktop.db.citizen_queries", "CitizenRead"),
    "calendar": ("pcrm_desktop.db.calendar_repo", "CalendarRepository"),
    "complaints": ("pcrm_desktop.db.complaint_repo", "ComplaintRepository"),
    "complaint_read": ("pcrm_desktop.db.complaint_queries", "ComplaintRead"),
    "happy_calls": ("pcrm_desktop.db.happy_call_repo", "HappyCallRepository"),
    "surveys": ("pcrm_desktop.db.survey_repo", "SurveyRepository"),
    "reports": ("pcrm_desktop.db.report_queries", "ReportRead"),
    "analysis": ("pcrm_desktop.db.analysis_queries", "AnalysisRead"),
    "actions": ("pcrm_desktop.db.action_repo", "ActionRepository"),
    "audit_read": ("pcrm_desktop.db.audit_queries", "AuditRead"),
    "retention": ("pcrm_desktop.db.retention_repo", "RetentionRepository"),
}


class SqlUnitOfWork:
    """`with uow:` opens a transaction; `uow.commit()` makes it durable; leaving without
    committing rolls back. A writing unit takes the write lock at BEGIN (see db.engine); a
    reading one (write=False) never waits for writers: WAL lets it read the last commit."""

    def __init__(self, engine: Engine, write: bool = True) -> None:
        self.engine = engine
        self.write = write

    def __enter__(self) -> "SqlUnitOfWork":
        try:
            self.connection = self.engine.connect().execution_options(pcrm_write=self.write)
        except Exception as error:  # the folder or drive went away, …
            self._raise_storage_error(error)
            raise
        try:
            self.transaction = self.connection.begin()
        except BaseException as error:
            self.connection.close()
            self._raise_storage_error(error)
            raise
        return self

    def _raise_storage_error(self, error: BaseException) -> None:
        """A busy, full, read-only or vanished database becomes a DatabaseError with a clear
        message (db.engine.storage_error); nothing was written, so the action can be retried."""
        from pcrm_desktop.db.engine import storage_error
        translated = storage_error(error, self.engine.url.database or "")
        if translated is not None:
            raise translated from error

    def __getattr__(self, name: str):
        """uow.surveys, uow.complaints, …: made over this unit's connection when first used."""
        if name not in _REPOSITORIES or "connection" not in self.__dict__:
            raise AttributeError(name)
        import importlib
        module, cls = _REPOSITORIES[name]
        repository = getattr(importlib.import_module(module), cls)(self.connection)
        setattr(self, name, repository)
        return repository

    def commit(self) -> None:
        self.transaction.commit()

    def rollback(self) -> None:
        self.transaction.rollback()

    def __exit__(self, exc_type, error, traceback) -> None:
        if error is None:
            if self.transaction.is_active:
                self.transaction.rollback()
            self.connection.close()
            return
        try:  # after a failed write the file may be gone: keep the error that says why
            if self.transaction.is_active:
                self.transaction.rollback()
        except Exception as second:  # noqa: BLE001 - SQLite rolled back what it could not finish
            log.debug("rollback after %r failed: %r", error, second)
        finally:
            try:
                self.connection.close()
            except Exception as second:  # noqa: BLE001
                log.debug("closing after %r failed: %r", error, second)
        if isinstance(error, Exception):
            self._raise_storage_error(error)

