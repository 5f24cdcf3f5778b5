"""Every role against every protected service call, on one real seeded database.

The services refuse, not the screens: a call from the command line, a script or a hand-made
context is refused the same way as the GUI's. `CASES` is the role matrix: one row per service
function (a minimal valid call and the roles allowed). Every role not allowed must get
PermissionDenied with nothing committed (no audit entry, no change at all, no file); every role
allowed must succeed: no error at all, and where the call changes something (`then`), the change
is there. A call that changes a record once (close a callback, remove a holiday, merge two
residents …) gets a record of its own for each role (`given`, made by the admin before the call
and before the refused side's nothing-committed check). A service function that takes the
context and is neither in `CASES` nor in `EXEMPT` (with its reason) fails
`test_every_service_function_is_in_the_matrix`, so a new service cannot skip this table.
docs/ARCHITECTURE.md ("역할과 권한") prints the same matrix; a test keeps the two equal.
"""
from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
import shutil
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from pathlib import Path
from types import SimpleNamespace

import pytest

import pcrm_desktop.services as services_package
from pcrm_desktop.db.backup.folder import backup_database
from pcrm_desktop.domain.actions import ActionStatus, Draft
from pcrm_desktop.domain.audit import Actor
from pcrm_desktop.domain.citizens import Citizen
from pcrm_desktop.domain.complaints import Action, Channel, Intake, Result
from pcrm_desktop.domain.deadlines import AfterHours, Period
from pcrm_desktop.domain.groups import SearchRule
from pcrm_desktop.domain.happy_call import Outcome, SamplingRule
from pcrm_desktop.domain.office import OfficeProfile
from pcrm_desktop.domain.privacy import PermissionDenied
from pcrm_desktop.domain.surveys import TEMPLATES
from pcrm_desktop.services import (
    access_log,
    accounts,
    actions,
    analysis,
    attachments,
    audit_trail,
    backups,
    calendar,
    categories,
    citizen_export,
    citizen_import,
    citizens,
    complaint_documents,
    complaint_export,
    complaint_import,
    complaints,
    dashboard,
    demo,
    drafts,
    groups,
    happy_calls,
    monthly_report,
    office,
    report_access_log,
    report_register,
    report_survey,
    retention,
    survey_export,
    survey_import,
    surveys,
)
from pcrm_desktop.services.tabular import read_table
from tests.conftest import ADMIN_PASSWORD
from tests.dbutil import rows

ROLES = ("admin", "manager", "clerk", "kiosk")
ALL = frozenset(ROLES)                              # the kiosk too
STAFF = frozenset({"admin", "manager", "clerk"})    # office staff: everyone but the kiosk
MANAGERS = frozenset({"admin", "manager"})          # team leaders and admins
ADMIN = frozenset({"admin"})
ROLE_SETS = {ALL: "모두", STAFF: "직원", MANAGERS: "관리자·팀장", ADMIN: "관리자"}
WORKSTATION = "PC-01"
TEMP_PASSWORD = "Imsi#Bunho2026"


@dataclass(frozen=True)
class Case:
    name: str      # "module.function", or "module.function[variant]" for a second call
    call: Callable  # (ctx, world, tmp_path[, given]) -> anything; a generator is consumed
    roles: frozenset[str]
    gap: str = ""  # a check still missing in a file this issue could not change (xfail)
    given: Callable | None = None  # (world) -> what this one call needs, made fresh by the admin
    then: Callable | None = None   # (result, world, given) -> asserts what an allowed call did
    untouched: Callable | None = None  # (world, given) -> a refused call left `given` as it was

    @property
    def function(self) -> str:
        return self.name.split("[")[0]


def _in_uow(ctx, work):
    """Run `work(uow)` in one write transaction of `ctx` (for functions that take the caller's)."""
    with ctx.uow_factory() as uow:
        done = work(uow)
        uow.commit()
    return done


def _version(w, complaint_id: int) -> int:
    return rows(w.db, "SELECT version FROM complaints WHERE id = ?", complaint_id)[0][0]


def _action_version(w, action_id: int) -> int:
    return rows(w.db, "SELECT version FROM improvement_actions WHERE id = ?", action_id)[0][0]


def _key_file(folder: Path) -> Path:
    """A signing key exported as another PC would hand it over (on a stick: not in `folder`,
    which must stay empty after a refusal)."""
    import tempfile

    from pcrm_desktop.db import audit_keys
    path = Path(tempfile.mkdtemp(prefix="pcrm-key-")) / f"{_unique('imported')}.json"
    audit_keys.export_key(audit_keys.installation_key()[0], path)
    return path


def _unique(prefix: str) -> str:
    _unique.n = getattr(_unique, "n", 0) + 1
    return f"{prefix}{_unique.n}"


def _unique_number() -> int:
    return int(_unique(""))


def _one(w, sql: str, *params):
    return rows(w.db, sql, *params)[0][0]


# --- what a call that changes a record once needs, made fresh for each role ---------------------

def _two_residents(w) -> tuple[int, int]:
    return tuple(citizens.register_citizen(w.admin, Citizen(None, "김합침", 1955),
                                           allow_duplicate=True).citizen_id for _ in range(2))


def _smart_group(w) -> int:
    name = _unique("지울 집단 ")
    groups.save_smart_group(w.admin, name, SearchRule(text="홍"))
    return next(g.id for g in groups.list_groups(w.admin) if g.name == name)


def _unnamed_case(w) -> int:
    return complaints.receive(w.admin, Intake(w.now, Channel.PHONE, "inquiry", "익명 제보", "내용",
                                              None, None)).complaint_id


def _free_weekday(w) -> date:
    """A working day ahead that is no holiday (each call takes the next one)."""
    day = getattr(w, "last_free_day", w.today + timedelta(days=300))
    while True:
        day = _weekday(day + timedelta(days=1))
        if not calendar.days_off(w.admin, day, day).holidays:
            w.last_free_day = day
            return day


def _holiday(w) -> date:
    day = _free_weekday(w)
    calendar.add_holiday(w.admin, day, "지울 휴일")
    return day


def _callback(w) -> int:
    surveys.submit(w.admin, "CALLS", "phone", {"OVERALL": 1}, complaint_id=w.done_case)
    return max(cb["id"] for cb in surveys.callbacks(w.admin))


def _action(w, *moves: ActionStatus, before: bool = False) -> int:
    """A new improvement action, moved through `moves`; `before`: its baseline period ends
    before w.first, so it can be evaluated over [w.first, today]."""
    first, last = (w.first - timedelta(days=60), w.first - timedelta(days=1)) if before \
        else (w.first, w.today)
    action = actions.create(w.admin, Draft(_unique("조치 "), "번호표", "all", "on_time", "전체",
                                           first, last))
    for status in moves:
        actions.move(w.admin, action, _action_version(w, action), status)
    return action


def _other_rule(w) -> AfterHours:
    return AfterHours.NEXT_DAY if calendar.after_hours_rule(w.admin) is AfterHours.SAME_DAY \
        else AfterHours.SAME_DAY


def _longer_policy(w):
    policy = retention.policies(w.admin)[0]
    return policy.kind, policy.months + 1


def _empty_database(w):
    """A new, empty database file (the demo fills only an empty one), closed with the world."""
    import tempfile

    from pcrm_desktop.bootstrap import open_backend
    backend = open_backend(str(Path(tempfile.mkdtemp(prefix="pcrm-demo-")) / "pcrm.db"))
    w.closing.append(backend)
    return backend


def _demo_ctx(c, backend):
    """The caller's role on the empty database (no staff row there yet: no staff id)."""
    return backend.ctx.as_actor(Actor(None, c.actor.login, c.actor.role, c.actor.workstation))


# --- the matrix ------------------------------------------------------------------------------
# One row per service function: the call, the roles that may make it. Keep it in step with the
# table in docs/ARCHITECTURE.md (section 역할과 권한).
CASES = [
    # 주민 (residents): everyone on staff; the kiosk sees no personal data at all
    Case("citizens.possible_duplicates",
         lambda c, w, t: citizens.possible_duplicates(c, Citizen(None, "홍길동", 1970)), STAFF),
    Case("citizens.register_citizen",
         lambda c, w, t: citizens.register_citizen(c, Citizen(None, "권한시험", 1980),
                                                   allow_duplicate=True), STAFF),
    Case("citizens.citizen_for_edit", lambda c, w, t: citizens.citizen_for_edit(c, w.citizen), STAFF),
    Case("citizens.update_citizen",
         lambda c, w, t, record: citizens.update_citizen(c, replace(record, memo="수정함")), STAFF,
         given=lambda w: citizens.citizen_for_edit(w.admin, w.citizen)[0],
         then=lambda r, w, record: _one(w, "SELECT version FROM citizens WHERE id = ?",
                                        w.citizen) == record.version + 1),
    Case("citizens.open_profile", lambda c, w, t: citizens.open_profile(c, w.citizen), STAFF),
    Case("citizens.reveal", lambda c, w, t: citizens.reveal(c, w.citizen, "phones", "회신 전화"),
         STAFF),
    Case("citizens.add_interaction",
         lambda c, w, t: citizens.add_interaction(c, w.citizen, "phone", "call", "안내"), STAFF),
    Case("citizens.merge_citizens",
         lambda c, w, t, pair: citizens.merge_citizens(c, *pair), STAFF, given=_two_residents,
         then=lambda r, w, pair: _one(w, "SELECT count(*) FROM citizens WHERE id IN (?, ?)",
                                      *pair) == 1),
    Case("citizens.search", lambda c, w, t: citizens.search(c, "홍"), STAFF),
    Case("citizens.count", lambda c, w, t: citizens.count(c), STAFF),
    Case("citizens.dong_names", lambda c, w, t: citizens.dong_names(c), STAFF),
    Case("citizens.add_consent",
         lambda c, w, t: citizens.add_consent(c, w.citizen, "행사 안내", "전화번호", 12, "written"),
         STAFF),
    Case("citizen_export.export_citizens",
         lambda c, w, t: citizen_export.export_citizens(c, t / "주민.csv", reason="안내문 발송"),
         STAFF),
    Case("citizen_export.export_citizens[unmasked]",
         lambda c, w, t: citizen_export.export_citizens(c, t / "주민.csv", unmasked=True,
                                                        reason="감사 자료"), MANAGERS),
    Case("citizen_import.plan_import",
         lambda c, w, t: citizen_import.plan_import(c, w.citizen_table, w.citizen_mapping), STAFF),
    Case("citizen_import.commit_import",
         lambda c, w, t: citizen_import.commit_import(c, w.citizen_plan, skip_duplicates=True),
         STAFF),
    Case("citizen_import.import_citizens",
         lambda c, w, t: citizen_import.import_citizens(c, w.citizen_file, skip_duplicates=True),
         STAFF),
    Case("groups.list_groups", lambda c, w, t: groups.list_groups(c), STAFF),
    Case("groups.group_summaries", lambda c, w, t: groups.group_summaries(c), STAFF),
    Case("groups.save_smart_group",
         lambda c, w, t: groups.save_smart_group(c, _unique("시험 집단 "), SearchRule(text="홍")),
         STAFF),
    Case("groups.remove_smart_group", lambda c, w, t, group: groups.remove_smart_group(c, group),
         STAFF, given=_smart_group,
         then=lambda r, w, group: _one(w, "SELECT active FROM customer_groups WHERE id = ?",
                                       group) == 0),
    # 민원: staff; the kiosk never sees a case
    Case("complaints.preview_due",
         lambda c, w, t: complaints.preview_due(c, w.now, "inquiry", None), STAFF),
    Case("complaints.earlier_cases",
         lambda c, w, t: complaints.earlier_cases(c, w.citizen, None), STAFF),
    Case("complaints.receive",
         lambda c, w, t: complaints.receive(c, Intake(w.now, Channel.VISIT, "inquiry", "권한 시험",
                                                      "", None, w.citizen)), STAFF),
    Case("complaints.act",
         lambda c, w, t: complaints.act(c, w.open_case, Action.NOTICE, _version(w, w.open_case),
                                        "중간 안내"), STAFF),
    Case("complaints.link_cases",
         lambda c, w, t: complaints.link_cases(c, w.open_case, w.other_case), STAFF),
    Case("complaints.attach_applicant",
         lambda c, w, t, case: complaints.attach_applicant(c, case, w.citizen, _version(w, case)),
         STAFF, given=_unnamed_case,
         then=lambda r, w, case: _one(w, "SELECT citizen_id FROM complaints WHERE id = ?",
                                      case) == w.citizen),
    Case("complaints.queue", lambda c, w, t: complaints.queue(c, complaints.QueueFilter()), STAFF),
    Case("complaints.queue_counts", lambda c, w, t: complaints.queue_counts(c), STAFF),
    Case("complaints.today_figures", lambda c, w, t: complaints.today_figures(c), STAFF),
    Case("complaints.case", lambda c, w, t: complaints.case(c, w.open_case), STAFF),
    Case("complaints.due_steps", lambda c, w, t: complaints.due_steps(c, w.case_row), STAFF),
    Case("complaints.categories", lambda c, w, t: complaints.categories(c), STAFF),
    Case("complaints.register", lambda c, w, t: complaints.register(c, w.first, w.today), STAFF),
    Case("complaint_documents.receipt_pdf",
         lambda c, w, t: complaint_documents.receipt_pdf(c, w.open_case, t / "접수증.pdf"), STAFF),
    Case("complaint_documents.answer_pdf",
         lambda c, w, t: complaint_documents.answer_pdf(c, w.done_case, t / "회신문.pdf"), STAFF),
    Case("complaint_export.register_rows",
         lambda c, w, t: complaint_export.register_rows(c, w.first, w.today), STAFF),
    Case("complaint_export.export_register",
         lambda c, w, t: complaint_export.export_register(c, w.first, w.today, t / "민원처리부.csv",
                                                          reason="구청 제출"), STAFF),
    Case("complaint_import.plan_import",
         lambda c, w, t: complaint_import.plan_import(c, w.complaint_table, w.complaint_mapping),
         STAFF),
    Case("complaint_import.commit_import",
         lambda c, w, t: complaint_import.commit_import(c, w.complaint_plan), STAFF),
    Case("complaint_import.import_complaints",
         lambda c, w, t: complaint_import.import_complaints(c, w.complaint_file), STAFF),
    Case("attachments.attach", lambda c, w, t: attachments.attach(c, w.open_case, w.photo), STAFF),
    Case("attachments.attachments", lambda c, w, t: attachments.attachments(c, w.open_case), STAFF),
    Case("attachments.open_copy",
         lambda c, w, t: attachments.open_copy(c, w.attachment, t / "열람"), STAFF),
    Case("happy_calls.sample_week",
         lambda c, w, t: happy_calls.sample_week(c, w.monday, SamplingRule(share=1.0)), STAFF),
    Case("happy_calls.queue", lambda c, w, t: happy_calls.queue(c), STAFF),
    Case("happy_calls.counts", lambda c, w, t: happy_calls.counts(c), STAFF),
    Case("happy_calls.record_attempt",
         lambda c, w, t: happy_calls.record_attempt(c, w.call, Outcome.NO_ANSWER), STAFF),
    # the 민원 clock: everyone on staff reads it; managers change it
    Case("calendar.seed_years",
         lambda c, w, t, year: _in_uow(c, lambda uow: calendar.seed_years(c, uow, [year])),
         STAFF, given=lambda w: w.today.year + 3 + _unique_number(),
         then=lambda r, w, year: _one(w, "SELECT count(*) FROM holiday_years WHERE year = ?",
                                      year) == 1),
    Case("calendar.days_off", lambda c, w, t: calendar.days_off(c, w.first, w.today), STAFF),
    Case("calendar.office_hours", lambda c, w, t: calendar.office_hours(c), STAFF),
    Case("calendar.type_period", lambda c, w, t: calendar.type_period(c, "질의"), STAFF),
    Case("calendar.deadline", lambda c, w, t: calendar.deadline(c, w.now, Period.of_days(7)), STAFF),
    Case("calendar.complaint_types", lambda c, w, t: calendar.complaint_types(c), STAFF),
    Case("calendar.after_hours_rule", lambda c, w, t: calendar.after_hours_rule(c), STAFF),
    Case("calendar.extension_limit",
         lambda c, w, t: calendar.extension_limit(c, w.now, Period.of_days(7)), STAFF),
    Case("calendar.set_after_hours_rule",
         lambda c, w, t, rule: calendar.set_after_hours_rule(c, rule), MANAGERS, given=_other_rule,
         then=lambda r, w, rule: calendar.after_hours_rule(w.admin) is rule
         and r == frozenset({"office", "complaints"})),
    Case("calendar.year_entries", lambda c, w, t: calendar.year_entries(c, w.today.year), STAFF),
    Case("calendar.set_type_period", lambda c, w, t: calendar.set_type_period(c, "inquiry", 7),
         MANAGERS),
    Case("calendar.add_holiday",
         lambda c, w, t, day: calendar.add_holiday(c, day, "임시공휴일(시험)"), MANAGERS,
         given=_free_weekday,
         then=lambda r, w, day: day in calendar.days_off(w.admin, day, day).holidays),
    Case("calendar.remove_holiday", lambda c, w, t, day: calendar.remove_holiday(c, day),
         MANAGERS, given=_holiday,
         then=lambda r, w, day: day not in calendar.days_off(w.admin, day, day).holidays),
    Case("categories.add_category", lambda c, w, t: categories.add_category(c, _unique("시험 분류 ")),
         MANAGERS),
    Case("categories.rename_category",
         lambda c, w, t: categories.rename_category(c, w.category, _unique("바뀐 분류 ")), MANAGERS),
    Case("categories.set_category_period",
         lambda c, w, t: categories.set_category_period(c, w.category, 14), MANAGERS),
    Case("categories.retire_category", lambda c, w, t: categories.retire_category(c, w.category_old),
         MANAGERS),
    # 만족도 조사: the kiosk shows its questionnaire, answers anonymously and checks its PIN
    Case("surveys.questionnaire", lambda c, w, t: surveys.questionnaire(c, "COUNTER"), ALL),
    Case("surveys.submit", lambda c, w, t: surveys.submit(c, "COUNTER", "kiosk", {"OVERALL": 5}),
         ALL),
    Case("surveys.submit[linked]",
         lambda c, w, t: surveys.submit(c, "CALLS", "phone", {"OVERALL": 4},
                                        complaint_id=w.done_case), STAFF),
    Case("surveys.store_response",
         lambda c, w, t: _in_uow(c, lambda uow: surveys.store_response(
             uow, c, "COUNTER", "paper", {"OVERALL": 4})), ALL),
    Case("surveys.kiosk_setup", lambda c, w, t: surveys.kiosk_setup(c), ALL),
    Case("surveys.leave_kiosk", lambda c, w, t: surveys.leave_kiosk(c, "0000"), ALL),
    Case("surveys.surveys", lambda c, w, t: surveys.surveys(c), STAFF),
    Case("surveys.summary", lambda c, w, t: surveys.summary(c, "COUNTER", w.first, w.today), STAFF),
    Case("surveys.month_trend", lambda c, w, t: surveys.month_trend(c, "COUNTER", w.today), STAFF),
    Case("surveys.breakdown",
         lambda c, w, t: surveys.breakdown(c, "COUNTER", w.first, w.today, "mode"), STAFF),
    Case("surveys.flagged", lambda c, w, t: surveys.flagged(c, "COUNTER", w.first, w.today), STAFF),
    Case("surveys.phone_survey", lambda c, w, t: surveys.phone_survey(c), STAFF),
    Case("surveys.create_survey",
         lambda c, w, t: surveys.create_survey(c, _unique("NEW"), "MINWON", linked=False), MANAGERS),
    Case("surveys.edit_survey",
         lambda c, w, t: surveys.edit_survey(c, "EDITME", TEMPLATES["MINWON"]), MANAGERS),
    Case("surveys.callbacks", lambda c, w, t: surveys.callbacks(c), MANAGERS),
    Case("surveys.close_callback",
         lambda c, w, t, callback: surveys.close_callback(c, callback, "통화함"), MANAGERS,
         given=_callback,
         then=lambda r, w, callback: _one(w, "SELECT note FROM survey_callbacks WHERE id = ?",
                                          callback) == "통화함"),
    Case("surveys.set_kiosk", lambda c, w, t: surveys.set_kiosk(c, "COUNTER"), ADMIN),
    Case("survey_export.export_responses",
         lambda c, w, t: survey_export.export_responses(c, "COUNTER", w.first, w.today,
                                                        t / "응답.csv"), MANAGERS),
    Case("survey_import.plan_import",
         lambda c, w, t: survey_import.plan_import(c, w.survey_table, "COUNTER", w.survey_mapping),
         MANAGERS),
    Case("survey_import.commit_import",
         lambda c, w, t: survey_import.commit_import(c, w.survey_plan), MANAGERS),
    Case("survey_import.import_responses",
         lambda c, w, t: survey_import.import_responses(c, w.survey_file, "COUNTER",
                                                        w.survey_mapping), MANAGERS),
    # figures, reports, the PCRM cycle
    Case("dashboard.today", lambda c, w, t: dashboard.today(c), STAFF),
    Case("dashboard.trend", lambda c, w, t: dashboard.trend(c), STAFF),
    # drafts: a staff member's own unsaved typing, on this PC (the kiosk types no 민원)
    Case("drafts.open_store", lambda c, w, t: drafts.open_store(c), STAFF),
    Case("analysis.group_table", lambda c, w, t: analysis.group_table(c, w.first, w.today), STAFF),
    Case("analysis.figure",
         lambda c, w, t: analysis.figure(c, "all", "on_time", w.first, w.today), STAFF),
    Case("analysis.ipa", lambda c, w, t: analysis.ipa(c, "COUNTER", w.first, w.today), STAFF),
    Case("monthly_report.monthly_report",
         lambda c, w, t: monthly_report.monthly_report(c, w.today.replace(day=1)), STAFF),
    Case("monthly_report.build_monthly",
         lambda c, w, t: monthly_report.build_monthly(c, w.today.replace(day=1), t / "월간.pdf"),
         STAFF),
    Case("report_register.office_name", lambda c, w, t: report_register.office_name(c), STAFF),
    Case("report_register.build_register",
         lambda c, w, t: report_register.build_register(c, w.first, w.today, t / "민원처리부.pdf"),
         STAFF),
    Case("report_survey.survey_report",
         lambda c, w, t: report_survey.survey_report(c, "COUNTER", w.first, w.today), STAFF),
    Case("report_survey.build_survey_report",
         lambda c, w, t: report_survey.build_survey_report(c, "COUNTER", w.first, w.today,
                                                           t / "만족도.pdf"), STAFF),
    Case("actions.actions", lambda c, w, t: actions.actions(c), STAFF),
    Case("actions.open_count", lambda c, w, t: actions.open_count(c), STAFF),
    Case("actions.create",
         lambda c, w, t: actions.create(c, Draft("권한 시험", "", "all", "on_time", "전체",
                                                 w.first, w.today)), MANAGERS),
    Case("actions.move",
         lambda c, w, t, action: actions.move(c, action, _action_version(w, action),
                                              ActionStatus.IN_PROGRESS), MANAGERS, given=_action,
         then=lambda r, w, action: _one(w, "SELECT status FROM improvement_actions WHERE id = ?",
                                        action) == "in_progress"),
    Case("actions.evaluate",
         lambda c, w, t, action: actions.evaluate(c, action, _action_version(w, action), w.first,
                                                  w.today), MANAGERS,
         given=lambda w: _action(w, ActionStatus.IN_PROGRESS, ActionStatus.DONE, before=True),
         then=lambda r, w, action: _one(w, "SELECT status FROM improvement_actions WHERE id = ?",
                                        action) == "evaluated" and r.after is not None),
    # the office, accounts, the access log, retention: admins (and managers who review)
    Case("office.overview", lambda c, w, t: office.overview(c), STAFF),
    Case("office.recent_activity", lambda c, w, t: office.recent_activity(c), STAFF),
    Case("office.update_office",
         lambda c, w, t: office.update_office(c, OfficeProfile("청운효자동 행정복지센터")), ADMIN),
    Case("office.add_department", lambda c, w, t: office.add_department(c, _unique("시험팀")), ADMIN),
    Case("office.add_staff", lambda c, w, t: office.add_staff(c, "새직원", _unique("new"), "clerk"),
         ADMIN),
    Case("office.set_staff_active", lambda c, w, t: office.set_staff_active(c, "temp1", True),
         ADMIN),
    Case("accounts.accounts", lambda c, w, t: accounts.accounts(c), ADMIN),
    Case("accounts.reset_password",
         lambda c, w, t: accounts.reset_password(c, "temp1", TEMP_PASSWORD), ADMIN),
    Case("accounts.set_idle_minutes", lambda c, w, t: accounts.set_idle_minutes(c, 10), ADMIN),
    Case("audit_trail.verify_chain", lambda c, w, t: audit_trail.verify_chain(c), MANAGERS),
    Case("audit_trail.guard_problems", lambda c, w, t: audit_trail.guard_problems(c), MANAGERS),
    Case("audit_trail.reanchor", lambda c, w, t: audit_trail.reanchor(c, "기준점 점검"), ADMIN),
    Case("audit_trail.export_key",
         lambda c, w, t: audit_trail.export_key(c, t / f"{_unique('key')}.json", "PC 교체"), ADMIN),
    Case("audit_trail.import_key", lambda c, w, t: audit_trail.import_key(c, _key_file(t)), ADMIN),
    Case("access_log.chain_events", lambda c, w, t: access_log.chain_events(c, w.today),
         MANAGERS),
    Case("access_log.entries",
         lambda c, w, t: access_log.entries(c, access_log.LogFilter(w.first, w.today)), MANAGERS),
    Case("access_log.entries_by_id", lambda c, w, t: access_log.entries_by_id(c, [1, 2]), MANAGERS),
    Case("access_log.anomalies", lambda c, w, t: access_log.anomalies(c, w.first, w.today),
         MANAGERS),
    Case("access_log.month_summary", lambda c, w, t: access_log.month_summary(c, w.today),
         MANAGERS),
    Case("access_log.watched_entries", lambda c, w, t: access_log.watched_entries(c, w.today),
         MANAGERS),
    Case("access_log.accounts", lambda c, w, t: access_log.accounts(c), MANAGERS),
    Case("report_access_log.build_access_log",
         lambda c, w, t: report_access_log.build_access_log(c, w.today, t / "접속기록.pdf"),
         MANAGERS),
    Case("retention.policies", lambda c, w, t: retention.policies(c), STAFF),
    Case("retention.set_policy",
         lambda c, w, t, wanted: retention.set_policy(c, *wanted), ADMIN, given=_longer_policy,
         then=lambda r, w, wanted: retention.policies(w.admin)[0].months == wanted[1]),
    Case("retention.set_policies",
         lambda c, w, t, wanted: retention.set_policies(c, dict([wanted])), ADMIN,
         given=_longer_policy,
         then=lambda r, w, wanted: retention.policies(w.admin)[0].months == wanted[1]),
    Case("retention.preview", lambda c, w, t: retention.preview(c), MANAGERS),
    Case("retention.run", lambda c, w, t: retention.run(c), ADMIN),
    Case("retention.ledger", lambda c, w, t: retention.ledger(c), MANAGERS),
    # 백업과 복구: automatic backups by anyone on staff; a backup now and copies taken off the PC
    # by managers (copies with a reason); deleting and restoring by admins
    Case("backups.list_backups", lambda c, w, t: backups.list_backups(c), STAFF),
    Case("backups.due", lambda c, w, t: backups.due(c), STAFF),
    Case("backups.prune", lambda c, w, t: backups.prune(c), STAFF),
    Case("backups.automatic_backup", lambda c, w, t: backups.automatic_backup(c, "daily"), STAFF),
    Case("backups.backup_now[auto]", lambda c, w, t: backups.backup_now(c, "exit"), STAFF),
    Case("backups.backup_now", lambda c, w, t: backups.backup_now(c), MANAGERS),
    Case("backups.export_copy",
         lambda c, w, t: backups.export_copy(c, t / "사본.db", "감사 제출"), MANAGERS),
    Case("backups.export_encrypted",
         lambda c, w, t: backups.export_encrypted(c, t / "usb.pcrmbak", "Usb#Backup2026", "보관"),
         MANAGERS),
    Case("backups.delete_backup", lambda c, w, t: backups.delete_backup(
        c, backup_database(w.db, "manual", datetime.now()).name), ADMIN),
    Case("backups.restore", lambda c, w, t: backups.restore(
        c, backup_database(w.db, "manual", datetime.now())), ADMIN),
    Case("demo.fill_demo",
         lambda c, w, t, empty: demo.fill_demo(_demo_ctx(c, empty), demo.DemoRequest(citizens=1)),
         ADMIN, given=_empty_database,
         then=lambda r, w, empty: r.counts["citizens"] == 1
         and office.is_set_up(empty.ctx),
         untouched=lambda w, empty: not office.is_set_up(empty.ctx)),
]

# Functions that take the context but need no role of their own, and why.
EXEMPT = {
    # on an office server only (this matrix runs on a file): managers and admins, checked with
    # a clerk refused in tests/integration/test_server_backup.py
    "backups.backup_server": "a server's backup (pg_dump or the export): MANAGERS, on a server",
    # before anyone has signed in there is no role to check
    "office.is_set_up": "start-up: only whether the first-run wizard is done",
    "office.complete_first_run": "creates the first admin; refused once the office exists",
    "office.actor_for": "start-up: the staff row a login maps to, before a session exists",
    "accounts.sign_in": "signing in: no role before it; every attempt is in the access log",
    "calendar.seed_years_ahead": "start-up (bootstrap), before anyone signs in: the holiday "
                                 "years a due date given today reaches, seeded and logged",
    # a signed-in person's own account and session, whatever the role (the kiosk account too)
    "accounts.change_password": "one's own password only (checked against the signed-in staff id)",
    "accounts.record_session": "one's own sign-out or screen lock, written to the access log",
    "accounts.idle_minutes": "the idle-lock setting every session (the kiosk too) applies",
    # helpers running inside a caller's transaction whose caller checked the role
    "demo_citizens.fill_citizens": "a filler of demo.fill_demo (admin only), in its transaction",
    "demo_complaints.fill_complaints": "a filler of demo.fill_demo (admin only), in its transaction",
    "demo_surveys.fill_responses": "a filler of demo.fill_demo (admin only), in its transaction",
    "demo.demo_now": "reads the clock only: the day the demo's invented history ends, no data",
}


# --- the seeded database -----------------------------------------------------------------------

@pytest.fixture(scope="module")
def world(tmp_path_factory):
    """One office with a member of each role and one of everything a call needs."""
    from pcrm_desktop.bootstrap import open_backend
    folder = tmp_path_factory.mktemp("permissions")
    backend = open_backend(str(folder / "pcrm.db"))
    ctx = backend.ctx
    admin = ctx.as_actor(office.complete_first_run(
        ctx, OfficeProfile("청운효자동 행정복지센터"), ["민원행정팀", "복지팀"], "홍길동", "hong",
        ADMIN_PASSWORD))
    department = office.overview(admin).departments[0].id
    for name, login, role in (("김팀장", "manager1", "manager"), ("이주무", "clerk1", "clerk"),
                              ("민원실 키오스크", "kiosk1", "kiosk"), ("임시직원", "temp1", "clerk")):
        office.add_staff(admin, name, login, role, department)
    staff = {m.login: m for m in office.overview(admin).staff}
    contexts = {role: ctx.as_actor(Actor(staff[login].id, login, role, WORKSTATION))
                for role, login in (("admin", "hong"), ("manager", "manager1"),
                                    ("clerk", "clerk1"), ("kiosk", "kiosk1"))}
    admin = contexts["admin"]
    now = ctx.clock().replace(second=0, microsecond=0)
    today = now.date()
    w = SimpleNamespace(db=Path(backend.location.path), backend=backend, contexts=contexts,
                        admin=admin, now=now, today=today, first=today - timedelta(days=60),
                        monday=today - timedelta(days=today.weekday()), closing=[])
    # residents
    w.citizen = citizens.register_citizen(admin, Citizen(
        None, "홍길동", 1970, phones=("010-1234-5678",), email="hong@example.com")).citizen_id
    groups.save_smart_group(admin, "권한 시험 집단", SearchRule(text="홍"))
    # 민원: one open, one finished (answer letter, happy call), one to link
    w.open_case, w.other_case, w.done_case = (complaints.receive(admin, Intake(
        now, Channel.VISIT, "inquiry", title, "내용", None, w.citizen)).complaint_id
        for title in ("도로 파손", "같은 도로 파손", "가로등 고장"))
    complaints.act(admin, w.done_case, Action.COMPLETE, _version(w, w.done_case),
                   result=Result.ACCEPTED, answer="수리했습니다.")
    w.case_row = complaints.case(admin, w.open_case)
    w.photo = folder / "사진.txt"
    w.photo.write_text("사진 대신", encoding="utf-8")
    attachments.attach(admin, w.open_case, w.photo)
    w.attachment = attachments.attachments(admin, w.open_case)[0].id
    happy_calls.sample_week(admin, w.monday, SamplingRule(share=1.0))
    w.call = happy_calls.queue(admin)[0]["id"]
    # categories and the calendar
    for name in ("권한 시험 분류", "폐지할 분류"):
        categories.add_category(admin, name)
    by_name = {c["name"]: c["id"] for c in complaints.categories(admin)}
    w.category, w.category_old = by_name["권한 시험 분류"], by_name["폐지할 분류"]
    calendar.add_holiday(admin, _weekday(today + timedelta(days=230)), "휴일(시험)")
    # surveys: the kiosk's anonymous one, a linked phone one with a callback owed, one to edit
    surveys.create_survey(admin, "COUNTER", "COUNTER", linked=False)
    surveys.create_survey(admin, "CALLS", "HAPPYCALL", linked=True)
    surveys.create_survey(admin, "EDITME", "MINWON", linked=False)
    surveys.set_kiosk(admin, "COUNTER", "2580")
    surveys.submit(admin, "COUNTER", "kiosk", {"OVERALL": 4})
    surveys.submit(admin, "CALLS", "phone", {"OVERALL": 1}, complaint_id=w.done_case,
                   citizen_id=w.citizen)
    actions.create(admin, Draft("접수 대기 줄이기", "번호표", "all", "on_time", "전체", w.first, today))
    # files to import, and plans made from them
    w.citizen_file = _csv(folder / "주민.csv", [["이름", "출생연도", "전화"],
                                               ["박가져", "1980", "010-5555-0000"]])
    w.citizen_table = read_table(w.citizen_file)
    w.citizen_mapping = citizen_import.guess_mapping(w.citizen_table.headers)
    w.citizen_plan = citizen_import.plan_import(admin, w.citizen_table, w.citizen_mapping)
    w.complaint_file = _csv(folder / "민원.csv", [["접수일시", "제목"],
                                                 [f"{w.first} 09:10", "가져온 민원"]])
    w.complaint_table = read_table(w.complaint_file)
    w.complaint_mapping = complaint_import.guess_mapping(w.complaint_table.headers)
    w.complaint_plan = complaint_import.plan_import(admin, w.complaint_table, w.complaint_mapping)
    w.survey_file = _csv(folder / "응답.csv", [["전반"], ["4"], ["5"]])
    w.survey_table = read_table(w.survey_file)
    w.survey_mapping = {"OVERALL": "전반"}
    w.survey_plan = survey_import.plan_import(admin, w.survey_table, "COUNTER", w.survey_mapping)
    yield w
    for other in w.closing:  # the demo's empty databases
        other.close()
        shutil.rmtree(Path(other.location.path).parent, ignore_errors=True)
    backend.close()


def _weekday(day: date) -> date:
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day


def _csv(path: Path, lines: list[list[str]]) -> Path:
    path.write_text("\n".join(",".join(line) for line in lines) + "\n", encoding="utf-8")
    return path


def _call(case: Case, ctx, w, tmp_path: Path, given=None):
    result = case.call(ctx, w, tmp_path, *(() if case.given is None else (given,)))
    if inspect.isgenerator(result):
        list(result)
    return result


def _params():
    for case in CASES:
        for role in ROLES:
            marks = ()
            if case.gap and role not in case.roles:
                marks = pytest.mark.xfail(strict=True, reason=case.gap)
            yield pytest.param(case, role, id=f"{case.name}-{role}", marks=marks)


@pytest.mark.parametrize("case, role", list(_params()))
def test_role_against_service(world, case: Case, role: str, tmp_path):
    ctx = world.contexts[role]
    given = case.given(world) if case.given else None
    if role in case.roles:
        try:
            result = _call(case, ctx, world, tmp_path, given)
        except PermissionDenied as refused:
            pytest.fail(f"{case.name} refused {role}, which the matrix allows: {refused.params}")
        if case.then is not None:
            assert case.then(result, world, given), f"{case.name} as {role} did not do its work"
        return
    audit_before = rows(world.db, "SELECT count(*), max(id) FROM audit_log")[0]
    files_before = _files(world)
    watcher = sqlite3.connect(world.db)
    try:
        version = watcher.execute("PRAGMA data_version").fetchone()[0]
        with pytest.raises(PermissionDenied) as refused:
            _call(case, ctx, world, tmp_path, given)
        assert refused.value.code == "forbidden" and refused.value.params["role"] == role
        # nothing committed by anyone: data_version moves on any other connection's commit
        assert watcher.execute("PRAGMA data_version").fetchone()[0] == version
    finally:
        watcher.close()
    assert rows(world.db, "SELECT count(*), max(id) FROM audit_log")[0] == audit_before
    assert list(tmp_path.iterdir()) == []       # no export, printout or copy
    if case.untouched is not None:
        assert case.untouched(world, given)
    assert _files(world) == files_before         # no attachment stored


def _files(w) -> list[str]:
    folder = w.db.parent / "attachments"
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def test_a_refusal_is_the_same_from_any_caller(world):
    """The check is in the service: a context built by hand (as a script or the command line
    would) is refused like the screen's, and the message names the role."""
    from pcrm_desktop.domain.messages import korean_message
    from pcrm_desktop.services.context import ServiceContext
    hand_made = ServiceContext(world.admin.uow_factory, Actor(None, "script", "kiosk", "CLI"))
    with pytest.raises(PermissionDenied) as refused:
        citizens.open_profile(hand_made, world.citizen)
    assert korean_message(refused.value) == "이 작업을 할 권한이 없습니다(kiosk)."


# --- the matrix covers every service ---------------------------------------------------------

def _service_functions() -> dict[str, Callable]:
    """module.function of every public function in pcrm_desktop/services taking `ctx`; a
    service split into a package (services/backups/) counts as one module, its functions
    found in each of its modules."""
    found = {}
    for info in pkgutil.iter_modules(services_package.__path__):
        module = importlib.import_module(f"{services_package.__name__}.{info.name}")
        modules = [module] + ([importlib.import_module(f"{module.__name__}.{part.name}")
                               for part in pkgutil.iter_modules(module.__path__)]
                              if info.ispkg else [])
        for part in modules:
            for name, value in vars(part).items():
                if name.startswith("_") or not inspect.isfunction(value) \
                        or value.__module__ != part.__name__:
                    continue
                if "ctx" in inspect.signature(value).parameters:
                    found[f"{info.name}.{name}"] = value
    return found


def test_every_service_function_is_in_the_matrix():
    functions = _service_functions()
    assert {"citizens.open_profile", "surveys.store_response", "office.add_staff"} <= set(functions)
    covered = {case.function for case in CASES}
    missing = sorted(set(functions) - covered - set(EXEMPT))
    assert missing == [], ("service functions with no row in CASES (add one with the roles "
                           "allowed, or an exemption with its reason in EXEMPT)")
    assert sorted((covered | set(EXEMPT)) - set(functions)) == []  # no stale rows
    assert covered & set(EXEMPT) == set()
    assert len({case.name for case in CASES}) == len(CASES)
    assert all(case.roles in ROLE_SETS for case in CASES)


def test_the_kiosk_reaches_only_what_the_kiosk_needs():
    kiosk = sorted(case.name for case in CASES if "kiosk" in case.roles)
    assert kiosk == ["surveys.kiosk_setup", "surveys.leave_kiosk", "surveys.questionnaire",
                     "surveys.store_response", "surveys.submit"]


def _documented_matrix() -> dict[str, frozenset[str]]:
    """The table under "역할과 권한" in docs/ARCHITECTURE.md: module | 모두 | 직원 | … ."""
    text = (Path(__file__).resolve().parents[2] / "docs" / "ARCHITECTURE.md").read_text("utf-8")
    section = text.split("## 역할과 권한", 1)[1].split("\n## ", 1)[0]
    lines = [line for line in section.splitlines() if line.startswith("| `")]
    header = next(line for line in section.splitlines() if line.startswith("| 모듈"))
    columns = [cell.strip() for cell in header.strip("|").split("|")][1:]
    by_label = {label: roles for roles, label in ROLE_SETS.items()}
    documented = {}
    for line in lines:
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        module = cells[0].strip("`")
        for label, cell in zip(columns, cells[1:]):
            for function in re.findall(r"[a-z_]+(?:\[[a-z]+\])?", cell):
                documented[f"{module}.{function}"] = by_label[label]
    return documented


def test_the_documented_matrix_is_the_tested_one():
    assert _documented_matrix() == {case.name: case.roles for case in CASES}
