"""The unit of work: one connection, one transaction, the repositories over it."""
from __future__ import annotations

from sqlalchemy import Engine

from pcrm_desktop.db.calendar_repo import CalendarRepository
from pcrm_desktop.db.citizen_queries import CitizenRead
from pcrm_desktop.db.citizen_repo import CitizenRepository
from pcrm_desktop.db.complaint_queries import ComplaintRead
from pcrm_desktop.db.complaint_repo import ComplaintRepository
from pcrm_desktop.db.group_repo import GroupRepository
from pcrm_desktop.db.happy_call_repo import HappyCallRepository
from pcrm_desktop.db.survey_repo import SurveyRepository
from pcrm_desktop.db.repositories import (
    AuditRepository,
    DepartmentRepository,
    OfficeRepository,
    StaffRepository,
)


class SqlUnitOfWork:
    """`with uow:` opens a transaction; `uow.commit()` makes it durable; leaving without
    committing rolls back. A writing unit takes the write lock at BEGIN (see db.engine); a
    reading one (write=False) never waits for writers: WAL lets it read the last commit."""

    def __init__(self, engine: Engine, write: bool = True) -> None:
        self.engine = engine
        self.write = write

    def __enter__(self) -> "SqlUnitOfWork":
        self.connection = self.engine.connect().execution_options(pcrm_write=self.write)
        try:
            self.transaction = self.connection.begin()
        except BaseException:
            self.connection.close()
            raise
        c = self.connection
        self.office = OfficeRepository(c)
        self.departments = DepartmentRepository(c)
        self.staff = StaffRepository(c)
        self.audit = AuditRepository(c)
        self.citizens = CitizenRepository(c)
        self.groups = GroupRepository(c)
        self.citizen_read = CitizenRead(c)
        self.calendar = CalendarRepository(c)
        self.complaints = ComplaintRepository(c)
        self.complaint_read = ComplaintRead(c)
        self.happy_calls = HappyCallRepository(c)
        self.surveys = SurveyRepository(c)
        return self

    def commit(self) -> None:
        self.transaction.commit()

    def rollback(self) -> None:
        self.transaction.rollback()

    def __exit__(self, *exc) -> None:
        if self.transaction.is_active:
            self.transaction.rollback()
        self.connection.close()

