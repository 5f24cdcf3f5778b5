"""접속기록 검토: the access log for managers — the filtered list (whose data masked, flags on
the entries that make up a pattern), a month's counts per account and kind, and the month's
unusual patterns (domain/access_review.py). Admins and managers only; looking at the log is
itself logged ("audit.review"), once per opening of the review.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any

from pcrm_desktop.domain.access_review import (
    BURST_RESIDENTS,
    BURST_WINDOW,
    FAILED_SIGN_INS,
    KIND_TEXTS,
    KINDS,
    OFF_HOURS_WATCHED,
    RESIDENT_VIEWS,
    Anomalies,
    Entry,
    Finding,
    Summary,
    actions_of,
    failed_sign_ins,
    find_bursts,
    kind_of,
    sensitive_findings,
    summarize,
    within,
)
from pcrm_desktop.domain.errors import ValidationError
from pcrm_desktop.domain.office import OfficeHours
from pcrm_desktop.domain.privacy import AUDIT_ROLES, require_role
from pcrm_desktop.domain.text import mask_name, nfc
from pcrm_desktop.services.context import ServiceContext
from pcrm_desktop.services.ports import UnitOfWork

if TYPE_CHECKING:
    from pcrm_desktop.services.ports import LogEntry

SUBJECT_MATCHES = 50  # residents a name search may stand for in the filter


@dataclass(frozen=True)
class LogFilter:
    first: date
    last: date                 # inclusive
    actor: str = ""            # a login
    kind: str = ""             # domain.access_review.KINDS; "" = every kind
    subject: str = ""          # a resident's record number (12, #12) or a name to search
    flagged_only: bool = False


@dataclass(frozen=True)
class LogRow:
    id: int
    at: datetime
    actor: str
    workstation: str
    action: str
    kind: str
    subject_id: int | None
    subject: str               # masked: 홍*동 (#12); never the full name
    target: str                # what else the entry names (a file, a 접수번호), "" for a resident
    reason: str
    flags: tuple[str, ...]
    position: tuple[Any, ...] = field(default=(), compare=False)


@dataclass(frozen=True)
class Account:
    login: str
    name: str                  # the staff member's name ("" for a login typed at a failed sign-in)


def _bounds(first: date, last: date) -> tuple[datetime, datetime]:
    if last < first:
        raise ValidationError("period_order", field="period")
    return (datetime.combine(first, time.min), datetime.combine(last + timedelta(days=1), time.min))


def month_bounds(month: date) -> tuple[date, date]:
    first = month.replace(day=1)
    return first, (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)


def _find(ctx: ServiceContext, uow: UnitOfWork, first: date, last: date) -> Anomalies:
    """The rules over [first, last] on one reading unit of work. Bursts are read with a margin
    of one window either side, so one that crosses the period's edge is seen whole. The
    holiday calendar is read for the days the watched entries fall on only (a long period
    does not seed years nobody worked in)."""
    from pcrm_desktop.services import calendar
    start, end = _bounds(first, last)
    read = uow.audit_read
    views = read.burst_candidates(start - BURST_WINDOW, end + BURST_WINDOW, RESIDENT_VIEWS,
                                  int(BURST_WINDOW.total_seconds()), BURST_RESIDENTS)
    watched = [Entry(e.id, e.at, e.actor, e.action, e.subject_id, e.reason)
               for e in read.of_actions(start, end, OFF_HOURS_WATCHED + FAILED_SIGN_INS)]
    findings = within(find_bursts(views), start, end) + failed_sign_ins(watched)
    if watched:
        office = uow.office.get()
        days_off = calendar.days_off(ctx, watched[0].at.date(), watched[-1].at.date())
        findings += sensitive_findings(watched, office.hours if office else OfficeHours(), days_off)
    return Anomalies.of(first, last, findings)


def _page_flags(ctx: ServiceContext, uow: UnitOfWork, rows: Sequence[LogEntry]
                ) -> dict[int, tuple[str, ...]]:
    """The flags of these entries alone, read around them: the views of the same accounts
    within a window either side (a burst that holds one of them lies there), the day's
    refused sign-ins of the accounts that failed, the rows themselves for the rest."""
    from pcrm_desktop.services import calendar
    read = uow.audit_read
    findings: list[Finding] = []
    # (actor, from, to): a window either side of each view, merged
    spans: list[tuple[str, datetime, datetime]] = []
    for r in sorted((r for r in rows if r.action in RESIDENT_VIEWS and r.subject_id is not None),
                    key=lambda r: (r.actor, r.at)):
        lo, hi = r.at - BURST_WINDOW, r.at + BURST_WINDOW + timedelta(seconds=1)
        if spans and spans[-1][0] == r.actor and lo <= spans[-1][2]:
            spans[-1] = (r.actor, spans[-1][1], hi)
        else:
            spans.append((r.actor, lo, hi))
    if spans:
        findings += find_bursts(read.burst_candidates_near(
            spans, RESIDENT_VIEWS, int(BURST_WINDOW.total_seconds()), BURST_RESIDENTS))
    for day in sorted({r.at.date() for r in rows if r.action in FAILED_SIGN_INS}):
        start, end = _bounds(day, day)
        findings += failed_sign_ins(Entry(e.id, e.at, e.actor, e.action)
                                    for e in read.of_actions(start, end, FAILED_SIGN_INS))
    watched = [Entry(r.id, r.at, r.actor, r.action, r.subject_id, r.reason)
               for r in rows if r.action in OFF_HOURS_WATCHED]
    if watched:
        office = uow.office.get()
        days_off = calendar.days_off(ctx, min(e.at for e in watched).date(),
                                     max(e.at for e in watched).date())
        findings += sensitive_findings(watched, office.hours if office else OfficeHours(), days_off)
    mine = {r.id for r in rows}
    flags = Anomalies.of(date.min, date.max, findings).flags
    return {k: v for k, v in flags.items() if k in mine}


def anomalies(ctx: ServiceContext, first: date, last: date) -> Anomalies:
    """The unusual patterns of a period (a month, usually), each with the entries behind it."""
    require_role(ctx.actor, AUDIT_ROLES, "audit.review")
    _bounds(first, last)
    with ctx.reading() as uow:
        return _find(ctx, uow, first, last)


def _subjects(uow: UnitOfWork, text: str) -> tuple[int, ...] | None:
    text = nfc(text).strip().lstrip("#").strip()
    if not text:
        return None
    if text.isdigit():
        return (int(text),)
    return tuple(r.id for r in uow.citizen_read.search(text, None, SUBJECT_MATCHES))


def _check_kind(kind: str) -> None:
    if kind and kind not in KINDS:
        raise ValidationError("field_unknown", field="kind")


def entries(ctx: ServiceContext, f: LogFilter, after: tuple[Any, ...] | None = None,
            limit: int = 100, known: Anomalies | None = None, record: bool = False
            ) -> list[LogRow]:
    """A page of the log, newest first, after keyset position `after`. `known`: the period's
    anomalies already found (the page keeps them); without them each row's flags are found
    around the rows themselves (_page_flags). With `record`, this look at the log is logged
    (the review's opening)."""
    from pcrm_desktop.domain.audit import LogQuery
    require_role(ctx.actor, AUDIT_ROLES, "audit.review")
    _check_kind(f.kind)
    start, end = _bounds(f.first, f.last)
    if known is not None and not (known.first <= f.first and known.last >= f.last):
        known = None
    with ctx.reading() as uow:
        read = uow.audit_read
        if f.flagged_only and known is None:
            known = _find(ctx, uow, f.first, f.last)
        only = tuple(known.flags) if f.flagged_only and known is not None else None  # found above
        query = LogQuery(start, end, f.actor, actions_of(f.kind) if f.kind else (),
                         _subjects(uow, f.subject), only)
        rows = read.page(query, after, limit)
        flags = known.flags if known is not None else _page_flags(ctx, uow, rows)
        shown = _shown(uow, rows, flags)
    if record:
        _record_review(ctx, f)
    return shown


def _shown(uow: UnitOfWork, rows: Sequence[LogEntry],
           flags: Mapping[int, tuple[str, ...]] | None = None) -> list[LogRow]:
    """Rows as the review shows them: whose data by masked name (홍*동 (#12); a destroyed
    record by number only), a staff member's target by login, the kind and flags."""
    names = uow.audit_read.subject_names(r.subject_id for r in rows if r.subject_id is not None)
    logins = {f"staff:{s.id}": s.login for s in uow.staff.list()}
    flags = flags or {}

    def subject(subject_id: int | None) -> str:
        if subject_id is None:
            return ""
        name = names.get(subject_id)
        return f"{mask_name(name)} (#{subject_id})" if name else f"#{subject_id}"
    return [LogRow(r.id, r.at, r.actor, r.workstation, r.action, kind_of(r.action), r.subject_id,
                   subject(r.subject_id), "" if r.subject_id is not None
                   else logins.get(r.target, r.target), r.reason, flags.get(r.id, ()), r.position)
            for r in rows]


def _record_review(ctx: ServiceContext, f: LogFilter) -> None:
    parts = [f"{f.first}~{f.last}"]
    if f.actor:
        parts.append(f"계정 {f.actor}")
    if f.kind:
        parts.append(f"종류 {KIND_TEXTS[f.kind]}")
    if f.subject:
        parts.append("주민 지정")  # the search text may be a name: not kept in the log
    if f.flagged_only:
        parts.append("이상 징후만")
    with ctx.uow_factory() as uow:
        ctx.audit(uow, "audit.review", "audit_log", "; ".join(parts))
        uow.commit()


def month_summary(ctx: ServiceContext, month: date) -> Summary:
    """Entries per account and kind of act in the month of `month`, busiest account first."""
    require_role(ctx.actor, AUDIT_ROLES, "audit.review")
    first, last = month_bounds(month)
    start, end = _bounds(first, last)
    with ctx.reading() as uow:
        return summarize(first, last, uow.audit_read.counts(start, end))


def accounts(ctx: ServiceContext) -> list[Account]:
    """Every login the log holds, staff members first by name, then logins typed at refused
    sign-ins."""
    require_role(ctx.actor, AUDIT_ROLES, "audit.review")
    with ctx.reading() as uow:
        logins = uow.audit_read.actors()
        staff = {s.login: s.name for s in uow.staff.list()}
    known = sorted((Account(login, staff[login]) for login in logins if login in staff),
                   key=lambda a: (a.name, a.login))
    others = [Account(login, "") for login in logins if login not in staff]
    return known + others


def entries_by_id(ctx: ServiceContext, ids: Iterable[int]) -> list[LogRow]:
    """These entries, oldest first, masked as in the list (the PDF's flagged entries)."""
    require_role(ctx.actor, AUDIT_ROLES, "audit.review")
    with ctx.reading() as uow:
        return _shown(uow, uow.audit_read.entries(ids))


CHAIN_EVENTS = ("audit.reanchor", "audit.key_export", "audit.key_import")


def chain_events(ctx: ServiceContext, month: date) -> list[LogRow]:
    """The month's re-anchors and signing-key moves with their reasons, oldest first: acts on
    the log's own protection, which the monthly review must see."""
    require_role(ctx.actor, AUDIT_ROLES, "audit.review")
    start, end = _bounds(*month_bounds(month))
    with ctx.reading() as uow:
        return _shown(uow, uow.audit_read.of_actions(start, end, CHAIN_EVENTS))


def watched_entries(ctx: ServiceContext, month: date) -> list[LogRow]:
    """The month's prints, exports and reveals with their reasons, oldest first."""
    require_role(ctx.actor, AUDIT_ROLES, "audit.review")
    first, last = month_bounds(month)
    start, end = _bounds(first, last)
    with ctx.reading() as uow:
        return _shown(uow, uow.audit_read.of_actions(start, end, OFF_HOURS_WATCHED))
