"""The unit of work: one connection, one transaction, the repositories over it."""
from __future__ import annotations

import logging
from functools import cached_property
from typing import TYPE_CHECKING

from sqlalchemy import Engine

if TYPE_CHECKING:
    from pcrm_desktop.db.action_repo import ActionRepository
    from pcrm_desktop.db.analysis_queries import AnalysisRead
    from pcrm_desktop.db.attachment_repo import AttachmentContentRepository
    from pcrm_desktop.db.audit_queries import AuditRead
    from pcrm_desktop.db.calendar_repo import CalendarRepository
    from pcrm_desktop.db.citizen_queries import CitizenRead
    from pcrm_desktop.db.citizen_repo import CitizenRepository
    from pcrm_desktop.db.complaint_queries import ComplaintRead
    from pcrm_desktop.db.complaint_repo import ComplaintRepository
    from pcrm_desktop.db.group_repo import GroupRepository
    from pcrm_desktop.db.happy_call_repo import HappyCallRepository
    from pcrm_desktop.db.report_queries import ReportRead
    from pcrm_desktop.db.repositories import (
        AuditRepository,
        DepartmentRepository,
        OfficeRepository,
        StaffRepository,
    )
    from pcrm_desktop.db.retention_repo import RetentionRepository
    from pcrm_desktop.db.survey_repo import SurveyRepository

log = logging.getLogger(__name__)

# name → (module, class) of every repository, as the properties below make them (a test keeps
# the two in step; the crash harness imports these modules ahead of its workers).
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
    "attachment_contents": ("pcrm_desktop.db.attachment_repo", "AttachmentContentRepository"),
}


class SqlUnitOfWork:
    """`with uow:` opens a transaction; `uow.commit()` makes it durable; leaving without
    committing rolls back. A writing unit takes the write lock at BEGIN (see db.engine); a
    reading one (write=False) never waits for writers: WAL lets it read the last commit."""

    def __init__(self, engine: Engine, write: bool = True) -> None:
        self.engine = engine
        self.write = write

    def __enter__(self) -> SqlUnitOfWork:
        for name in _REPOSITORIES:  # a unit entered again gets repositories over its new connection
            self.__dict__.pop(name, None)
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
        from pcrm_desktop.db.engine import location_label, storage_error
        translated = storage_error(error, location_label(self.engine))
        if translated is not None:
            raise translated from error

    # --- the repositories -------------------------------------------------------------------
    # Each is made over this unit's connection when first used, and its module imported then:
    # a command that reads surveys does not import the 민원 and resident code (CLI start-up).
    # Used outside `with`, they raise AttributeError (no connection yet), as before.

    @cached_property
    def office(self) -> OfficeRepository:
        from pcrm_desktop.db.repositories import OfficeRepository
        return OfficeRepository(self.connection)

    @cached_property
    def departments(self) -> DepartmentRepository:
        from pcrm_desktop.db.repositories import DepartmentRepository
        return DepartmentRepository(self.connection)

    @cached_property
    def staff(self) -> StaffRepository:
        from pcrm_desktop.db.repositories import StaffRepository
        return StaffRepository(self.connection)

    @cached_property
    def audit(self) -> AuditRepository:
        from pcrm_desktop.db.repositories import AuditRepository
        return AuditRepository(self.connection)

    @cached_property
    def audit_read(self) -> AuditRead:
        from pcrm_desktop.db.audit_queries import AuditRead
        return AuditRead(self.connection)

    @cached_property
    def citizens(self) -> CitizenRepository:
        from pcrm_desktop.db.citizen_repo import CitizenRepository
        return CitizenRepository(self.connection)

    @cached_property
    def citizen_read(self) -> CitizenRead:
        from pcrm_desktop.db.citizen_queries import CitizenRead
        return CitizenRead(self.connection)

    @cached_property
    def groups(self) -> GroupRepository:
        from pcrm_desktop.db.group_repo import GroupRepository
        return GroupRepository(self.connection)

    @cached_property
    def calendar(self) -> CalendarRepository:
        from pcrm_desktop.db.calendar_repo import CalendarRepository
        return CalendarRepository(self.connection)

    @cached_property
    def complaints(self) -> ComplaintRepository:
        from pcrm_desktop.db.complaint_repo import ComplaintRepository
        return ComplaintRepository(self.connection)

    @cached_property
    def complaint_read(self) -> ComplaintRead:
        from pcrm_desktop.db.complaint_queries import ComplaintRead
        return ComplaintRead(self.connection)

    @cached_property
    def happy_calls(self) -> HappyCallRepository:
        from pcrm_desktop.db.happy_call_repo import HappyCallRepository
        return HappyCallRepository(self.connection)

    @cached_property
    def surveys(self) -> SurveyRepository:
        from pcrm_desktop.db.survey_repo import SurveyRepository
        return SurveyRepository(self.connection)

    @cached_property
    def reports(self) -> ReportRead:
        from pcrm_desktop.db.report_queries import ReportRead
        return ReportRead(self.connection)

    @cached_property
    def analysis(self) -> AnalysisRead:
        from pcrm_desktop.db.analysis_queries import AnalysisRead
        return AnalysisRead(self.connection)

    @cached_property
    def actions(self) -> ActionRepository:
        from pcrm_desktop.db.action_repo import ActionRepository
        return ActionRepository(self.connection)

    @cached_property
    def retention(self) -> RetentionRepository:
        from pcrm_desktop.db.retention_repo import RetentionRepository
        return RetentionRepository(self.connection)

    @cached_property
    def attachment_contents(self) -> AttachmentContentRepository:
        from pcrm_desktop.db.attachment_repo import AttachmentContentRepository
        return AttachmentContentRepository(self.connection)

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

