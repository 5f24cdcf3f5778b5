"""One transaction per use case, counted on a real SQLite file.

Every transaction starts in SQLAlchemy's "begin" event, where db/engine.py issues BEGIN (a
reading unit of work) or BEGIN IMMEDIATE (a writing one); a listener of our own on the same
event records each, with its kind. Role checks are counted by wrapping `require_role` where
the services call it."""
from __future__ import annotations

import sys
from contextlib import contextmanager
from dataclasses import replace
from datetime import datetime

import pytest
from sqlalchemy import event

from pcrm_desktop.domain import privacy
from pcrm_desktop.domain.complaints import Channel, Intake
from pcrm_desktop.services import complaints, surveys
from pcrm_desktop.services.demo import DemoRequest, fill_demo
from pcrm_desktop.services.monthly_report import build_monthly, monthly_report
from tests.dbutil import rows


@contextmanager
def transactions(engine):
    """The transactions begun on `engine` meanwhile: "read" or "write" each, in order."""
    begun: list[str] = []

    def record(connection) -> None:
        begun.append("write" if connection.get_execution_options().get("pcrm_write") else "read")
    event.listen(engine, "begin", record)
    try:
        yield begun
    finally:
        event.remove(engine, "begin", record)


@pytest.fixture
def role_checks(monkeypatch):
    """The actions whose role the services check, in order."""
    checked: list[str] = []
    real = privacy.require_role

    def counting(actor, roles, action):
        checked.append(action)
        return real(actor, roles, action)
    for name, module in list(sys.modules.items()):
        if name.startswith("pcrm_desktop.services") and \
                getattr(module, "require_role", None) is real:
            monkeypatch.setattr(module, "require_role", counting)
    return checked


def _intake(ctx, received: datetime, **given) -> Intake:
    category = next(c["id"] for c in complaints.categories(ctx) if c["name"] == "불법주정차")
    return Intake(received, Channel.VISIT, "inquiry", "불법주정차 신고", "골목 입구", category,
                  **given)


def test_registering_a_case_with_its_files_is_one_transaction_and_one_role_check(
        admin_ctx, backend, db_path, tmp_path, role_checks):
    ctx = replace(admin_ctx, clock=lambda: datetime(2026, 12, 1, 10, 0))
    intake = _intake(ctx, datetime(2026, 12, 1, 9, 30))
    photo = tmp_path / "현장.jpg"
    photo.write_bytes(b"\xff\xd8" + b"x" * 2000)
    role_checks.clear()
    with transactions(backend.migration.engine) as begun:
        got = complaints.receive(ctx, intake, [photo])
    assert begun == ["write"]
    assert role_checks == ["complaint.add"]
    assert got.deadline.due == datetime(2026, 12, 9, 18, 0)  # 질의 7 days over two weekends
    assert rows(db_path, "SELECT count(*) FROM complaint_attachments") == [(1,)]


def test_a_receipt_in_a_year_not_seeded_still_takes_one_transaction_and_writes_no_calendar(
        admin_ctx, backend, db_path, role_checks):
    ctx = replace(admin_ctx, clock=lambda: datetime(2026, 12, 1, 10, 0))
    years = rows(db_path, "SELECT year FROM holiday_years ORDER BY year")
    # a letter of 2021 entered late: its due date is counted on that year's holidays
    intake = _intake(ctx, datetime(2021, 9, 17, 10, 0))  # Fri before 추석 2021 (20–22 Sep)
    role_checks.clear()
    with transactions(backend.migration.engine) as begun:
        got = complaints.receive(ctx, intake)
    assert begun == ["write"] and role_checks == ["complaint.add"]
    # day 1 Fri 17; 18–19 weekend and 20–22 추석 not counted → 23, 24, 27, 28, 29, 30: 7 days
    assert got.deadline.due == datetime(2021, 9, 30, 18, 0)
    assert any("추석" in line for line in got.deadline.explanation())
    assert rows(db_path, "SELECT year FROM holiday_years ORDER BY year") == years


def test_the_intake_preview_is_one_read(admin_ctx, backend, role_checks):
    ctx = replace(admin_ctx, clock=lambda: datetime(2026, 12, 1, 10, 0))
    category = next(c["id"] for c in complaints.categories(ctx) if c["name"] == "불법주정차")
    role_checks.clear()
    with transactions(backend.migration.engine) as begun:
        due = complaints.preview_due(ctx, datetime(2026, 12, 1, 9, 30), "inquiry", category)
    assert begun == ["read"] and role_checks == ["complaint.preview"]
    assert due.due == datetime(2026, 12, 9, 18, 0)


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """A small demo database: 민원, residents in customer groups, survey responses."""
    from pcrm_desktop.bootstrap import open_backend
    from pcrm_desktop.services import office
    folder = tmp_path_factory.mktemp("transactions")
    backend = open_backend(str(folder / "pcrm.db"))
    fill_demo(backend.ctx, DemoRequest(citizens=300, complaints=900, responses=600, seed=5))
    yield backend, backend.ctx.as_actor(office.actor_for(backend.ctx, None)), folder
    backend.close()


def test_the_monthly_report_reads_in_one_transaction(demo, role_checks):
    backend, ctx, folder = demo
    month = ctx.clock().date().replace(day=1)
    role_checks.clear()
    with transactions(backend.migration.engine) as begun:
        report = monthly_report(ctx, month)
    assert begun == ["read"] and role_checks == ["report.monthly"]
    # every part was read: the cases, the trend, the customer groups and the surveys
    assert report.headline("received").value > 0 and len(report.trend) == 12
    assert report.everyone is not None and report.groups and report.surveys
    role_checks.clear()
    with transactions(backend.migration.engine) as begun:
        built = build_monthly(ctx, month, folder / "월간.pdf")
    # the figures in one read; the access-log entry naming the PDF's pages once it is written
    assert begun == ["read", "write"] and role_checks == ["report.monthly"]
    assert built.pages >= 2


def test_the_monthly_report_is_one_snapshot_whatever_is_saved_meanwhile(demo, monkeypatch):
    """A response and a 민원 saved by someone else while the report reads: every figure
    is of the database as it was when the report began, none counts them."""
    from pcrm_desktop.db.report_queries import ReportRead
    backend, ctx, _ = demo
    month = ctx.clock().date().replace(day=1)
    main = monthly_report(ctx, month).surveys[0].code  # the headline's survey
    real = ReportRead.overdue_at
    saved = []

    def save_meanwhile(self, moment):  # read in the middle of the report
        if not saved:
            saved.append(surveys.submit(ctx, main, "kiosk", {"OVERALL": 5}))
            saved.append(complaints.receive(ctx, _intake(ctx, ctx.clock().replace(
                second=0, microsecond=0) - (ctx.clock() - ctx.clock().replace(day=1)) / 2)))
        return real(self, moment)
    monkeypatch.setattr(ReportRead, "overdue_at", save_meanwhile)
    report = monthly_report(ctx, month)
    assert len(saved) == 2  # they were committed while the report was reading
    headline = report.headline("satisfaction").estimate
    section = next(s for s in report.surveys if s.code == main)
    assert section.trend.current.overall.n == headline.n  # read before and after the response
    assert report.trend[-1].received == report.headline("received").value
    assert report.everyone.received == report.headline("received").value
    monkeypatch.setattr(ReportRead, "overdue_at", real)
    after = monthly_report(ctx, month)  # a new report sees both
    assert after.headline("satisfaction").estimate.n == headline.n + 1
    assert after.headline("received").value == report.headline("received").value + 1
