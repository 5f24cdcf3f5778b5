"""The unit of work: one connection, one transaction, the repositories over it."""
from __future__ import annotations

from sqlalchemy import Engine

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
        self.connection = self.engine.connect().execution_options(pcrm_write=self.write)
        try:
            self.transaction = self.connection.begin()
        except BaseException:
            self.connection.close()
            raise
        return self

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

    def __exit__(self, *exc) -> None:
        if self.transaction.is_active:
            self.transaction.rollback()
        self.connection.close()

