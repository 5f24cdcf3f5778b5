"""민원 cases: what a case is, which status changes are allowed, extension and transfer rules,
and repeated 민원 (DOMAIN.md §3). Plain Python: no Qt, no database."""
from __future__ import annotations

import enum
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from pcrm_desktop.domain.errors import ConflictError, ValidationError
from pcrm_desktop.domain.messages import QT_TRANSLATE_NOOP
from pcrm_desktop.domain.text import mask_rrns, nfc, one_line

FUTURE_SLACK = timedelta(minutes=5)  # office PC clocks drift a little
TEXT_MAX = 20_000  # a 민원's content, and the answer it gets


class Channel(str, enum.Enum):
    VISIT = "visit"        # 방문
    PHONE = "phone"        # 전화
    MAIL = "mail"          # 우편
    FAX = "fax"            # 팩스
    EPEOPLE = "epeople"    # 국민신문고 (with its application number)
    EMAIL = "email"        # 이메일
    OTHER = "other"        # 기타


class Status(str, enum.Enum):
    RECEIVED = "received"        # 접수
    ASSIGNED = "assigned"        # 배정
    IN_PROGRESS = "in_progress"  # 처리중
    ON_HOLD = "on_hold"          # 보류
    TRANSFERRED = "transferred"  # 이송: the local clock stops
    DONE = "done"                # 처리완료
    CLOSED = "closed"            # 종결


OPEN = frozenset({Status.RECEIVED, Status.ASSIGNED, Status.IN_PROGRESS, Status.ON_HOLD})


class Result(str, enum.Enum):
    ACCEPTED = "accepted"        # 수용
    PARTIAL = "partial"          # 일부수용
    REJECTED = "rejected"        # 불수용
    INFORMED = "informed"        # 정보제공
    TRANSFERRED = "transferred"  # 이송
    WITHDRAWN = "withdrawn"      # 취하
    OTHER = "other"              # 기타


class Priority(str, enum.Enum):
    LOW = "low"
    NORMAL = "normal"
    HIGH = "high"
    URGENT = "urgent"


class Action(str, enum.Enum):
    ASSIGN = "assign"          # 배정 (again: 재배정)
    START = "start"            # 처리 시작
    HOLD = "hold"              # 보류
    RESUME = "resume"          # 보류 해제
    EXTEND = "extend"          # 처리기간 연장 (once)
    TRANSFER = "transfer"      # 이송
    NOTICE = "notice"          # 중간통지
    COMPLETE = "complete"      # 처리완료 (result and answer)
    REOPEN = "reopen"          # 다시 처리
    CLOSE = "close"            # 종결


# action → (statuses it may start from, status it leads to; None: the status stays)
TRANSITIONS: dict[Action, tuple[frozenset[Status], Status | None]] = {
    Action.ASSIGN: (OPEN, Status.ASSIGNED),
    Action.START: (frozenset({Status.RECEIVED, Status.ASSIGNED}), Status.IN_PROGRESS),
    Action.HOLD: (frozenset({Status.ASSIGNED, Status.IN_PROGRESS}), Status.ON_HOLD),
    Action.RESUME: (frozenset({Status.ON_HOLD}), Status.IN_PROGRESS),
    Action.EXTEND: (OPEN, None),
    Action.TRANSFER: (OPEN, Status.TRANSFERRED),
    Action.NOTICE: (OPEN, None),
    Action.COMPLETE: (OPEN, Status.DONE),
    Action.REOPEN: (frozenset({Status.DONE}), Status.IN_PROGRESS),
    Action.CLOSE: (frozenset({Status.DONE, Status.TRANSFERRED}), Status.CLOSED),
}
NEEDS_NOTE = frozenset({Action.HOLD, Action.EXTEND, Action.TRANSFER, Action.NOTICE,
                        Action.REOPEN})

STATUS_NAMES = {
    Status.RECEIVED: QT_TRANSLATE_NOOP("complaints", "접수"),
    Status.ASSIGNED: QT_TRANSLATE_NOOP("complaints", "배정"),
    Status.IN_PROGRESS: QT_TRANSLATE_NOOP("complaints", "처리중"),
    Status.ON_HOLD: QT_TRANSLATE_NOOP("complaints", "보류"),
    Status.TRANSFERRED: QT_TRANSLATE_NOOP("complaints", "이송"),
    Status.DONE: QT_TRANSLATE_NOOP("complaints", "처리완료"),
    Status.CLOSED: QT_TRANSLATE_NOOP("complaints", "종결"),
}
ACTION_NAMES = {
    Action.ASSIGN: QT_TRANSLATE_NOOP("complaints", "배정"),
    Action.START: QT_TRANSLATE_NOOP("complaints", "처리 시작"),
    Action.HOLD: QT_TRANSLATE_NOOP("complaints", "보류"),
    Action.RESUME: QT_TRANSLATE_NOOP("complaints", "보류 해제"),
    Action.EXTEND: QT_TRANSLATE_NOOP("complaints", "기한 연장"),
    Action.TRANSFER: QT_TRANSLATE_NOOP("complaints", "이송"),
    Action.NOTICE: QT_TRANSLATE_NOOP("complaints", "중간통지"),
    Action.COMPLETE: QT_TRANSLATE_NOOP("complaints", "처리완료"),
    Action.REOPEN: QT_TRANSLATE_NOOP("complaints", "다시 처리"),
    Action.CLOSE: QT_TRANSLATE_NOOP("complaints", "종결"),
}
RESULT_NAMES = {
    Result.ACCEPTED: QT_TRANSLATE_NOOP("complaints", "수용"),
    Result.PARTIAL: QT_TRANSLATE_NOOP("complaints", "일부수용"),
    Result.REJECTED: QT_TRANSLATE_NOOP("complaints", "불수용"),
    Result.INFORMED: QT_TRANSLATE_NOOP("complaints", "정보제공"),
    Result.TRANSFERRED: QT_TRANSLATE_NOOP("complaints", "이송"),
    Result.WITHDRAWN: QT_TRANSLATE_NOOP("complaints", "취하"),
    Result.OTHER: QT_TRANSLATE_NOOP("complaints", "기타"),
}
CHANNEL_NAMES = {
    Channel.VISIT: QT_TRANSLATE_NOOP("complaints", "방문"),
    Channel.PHONE: QT_TRANSLATE_NOOP("complaints", "전화"),
    Channel.MAIL: QT_TRANSLATE_NOOP("complaints", "우편"),
    Channel.FAX: QT_TRANSLATE_NOOP("complaints", "팩스"),
    Channel.EPEOPLE: QT_TRANSLATE_NOOP("complaints", "국민신문고"),
    Channel.EMAIL: QT_TRANSLATE_NOOP("complaints", "이메일"),
    Channel.OTHER: QT_TRANSLATE_NOOP("complaints", "기타"),
}


def allowed_actions(status: Status, extended: bool = False) -> list[Action]:
    """What may be done to a case now, in menu order (the case view offers only these)."""
    return [a for a, (sources, _) in TRANSITIONS.items()
            if status in sources and not (a is Action.EXTEND and extended)]


def next_status(status: Status, action: Action, note: str = "") -> Status:
    """The status after `action`, or ConflictError when the action is not allowed now."""
    sources, target = TRANSITIONS[action]
    if status not in sources:
        raise ConflictError("transition_refused", field="status", action=action.value,
                            status=status.value)
    if action in NEEDS_NOTE and not note.strip():
        raise ValidationError("note_required", field="note", action=action.value)
    return target or status


def check_extension(status: Status, already_extended: bool, due: datetime, at: datetime,
                    new_due: datetime, reason: str, max_due: datetime | None = None) -> None:
    """An extension: once, asked within the period, to a later date no further than the
    period once more (`max_due`), with a reason."""
    next_status(status, Action.EXTEND, reason)
    if already_extended:
        raise ConflictError("extension_once", field="due")
    if at > due:
        raise ConflictError("extension_late", field="due", due=due.strftime("%Y-%m-%d %H:%M"))
    if new_due <= due:
        raise ValidationError("extension_not_later", field="due")
    if max_due is not None and new_due > max_due:
        raise ValidationError("extension_too_long", field="due", max=max_due.strftime("%Y-%m-%d %H:%M"))


@dataclass(frozen=True)
class PastCase:
    """An earlier 민원 that may be the same matter (same applicant and category)."""
    id: int
    receipt_no: str
    received_at: datetime
    title: str
    status: Status
    answered: bool   # a result notice was given (완료 or 종결 with an answer)


@dataclass(frozen=True)
class RepeatAdvice:
    earlier: tuple[PastCase, ...]
    filings: int       # this one included
    notices: int       # result notices already given on the earlier ones
    suggest_close: bool

    @property
    def any(self) -> bool:
        return bool(self.earlier)


REPEAT_FILINGS = 3  # the same content filed 3+ times …
REPEAT_NOTICES = 2  # … after 2+ result notices may be closed (종결), never automatically


def repeat_advice(earlier: list[PastCase]) -> RepeatAdvice:
    """DOMAIN.md §3: a repeat filed 3+ times after 2+ result notices may be closed by a person;
    the app only suggests it."""
    notices = sum(1 for c in earlier if c.answered)
    filings = len(earlier) + 1
    return RepeatAdvice(tuple(earlier), filings, notices,
                        filings >= REPEAT_FILINGS and notices >= REPEAT_NOTICES)


def receipt_number(year: int, sequence: int) -> str:
    """접수번호: the year and a running number per office and year, never reused."""
    return f"{year}-{sequence:06d}"


def d_day(due: datetime, today: date) -> int:
    """Days until the due date (negative: overdue), as D-3 / D-day / D+2 show it."""
    return (due.date() - today).days


def d_day_text(days: int) -> str:
    return "D-day" if days == 0 else (f"D-{days}" if days > 0 else f"D+{-days}")


@dataclass(frozen=True)
class Intake:
    """What the clerk enters at the counter or on the phone."""
    received_at: datetime
    channel: Channel
    type_code: str
    title: str
    content: str = ""
    category_id: int | None = None
    citizen_id: int | None = None   # None: an unnamed applicant
    epeople_no: str = ""            # 국민신문고 application number
    road: str = ""
    dong_name: str = ""
    department_id: int | None = None
    assignee_id: int | None = None
    priority: Priority = Priority.NORMAL


def clean_intake(intake: Intake, now: datetime) -> tuple[Intake, int]:
    """Validate and normalise; RRN-shaped text is masked (the count is returned to warn)."""
    title, n1 = one_line(intake.title, "complaint_title")
    content, n2 = mask_rrns(nfc(intake.content))  # free text: controls dropped
    road, n3 = one_line(intake.road, "road", join_lines=True)
    if not title:
        raise ValidationError("required", field="complaint_title")
    if len(title) > 200:
        raise ValidationError("too_long", field="complaint_title", max=200)
    if len(content) > TEXT_MAX:
        raise ValidationError("too_long", field="complaint_content", max=TEXT_MAX)
    if intake.received_at > now + FUTURE_SLACK:
        raise ValidationError("received_in_future", field="received_at")
    epeople, n4 = one_line(intake.epeople_no, "epeople_no")
    dong_name, n5 = one_line(intake.dong_name, "dong_name")
    if intake.channel is Channel.EPEOPLE and not epeople:
        raise ValidationError("epeople_no_required", field="epeople_no")
    if len(epeople) > 30:
        raise ValidationError("too_long", field="epeople_no", max=30)
    if len(road) > 200:  # the columns' declared lengths
        raise ValidationError("too_long", field="road", max=200)
    if len(dong_name) > 30:
        raise ValidationError("too_long", field="dong_name", max=30)
    cleaned = replace(intake, title=title, content=content, road=road,
                      dong_name=dong_name, epeople_no=epeople,
                      received_at=intake.received_at.replace(second=0, microsecond=0))
    return cleaned, n1 + n2 + n3 + n4 + n5




class NoticeMethod(str, enum.Enum):
    SMS = "sms"        # 문자
    PHONE = "phone"    # 전화
    MAIL = "mail"      # 우편
    EMAIL = "email"    # 이메일
    VISIT = "visit"    # 방문·대면


NOTICE_METHOD_NAMES = {
    NoticeMethod.SMS: QT_TRANSLATE_NOOP("complaints", "문자"),
    NoticeMethod.PHONE: QT_TRANSLATE_NOOP("complaints", "전화"),
    NoticeMethod.MAIL: QT_TRANSLATE_NOOP("complaints", "우편"),
    NoticeMethod.EMAIL: QT_TRANSLATE_NOOP("complaints", "이메일"),
    NoticeMethod.VISIT: QT_TRANSLATE_NOOP("complaints", "방문·대면"),
}
# The text sent to the applicant; every {field} is filled from the case (notice_text()).
NOTICE_TEMPLATES = {
    Action.NOTICE: "[{office}] 접수번호 {receipt_no} 「{title}」 민원은 현재 처리 중입니다. "
                   "처리기한은 {due}입니다. 문의: {phone}",
    Action.EXTEND: "[{office}] 접수번호 {receipt_no} 「{title}」 민원의 처리기간을 "
                   "{new_due}까지 연장합니다. 사유: {reason}. 문의: {phone}",
}
NOTICE_FIELDS = ("office", "receipt_no", "title", "due", "new_due", "reason", "phone")


def notice_text(action: Action, **fields: str) -> str:
    """The notice for `action` with every field filled in (a missing one is an error here,
    never a literal "{due}" in a message to a resident)."""
    missing = [f for f in NOTICE_FIELDS if f"{{{f}}}" in NOTICE_TEMPLATES[action] and f not in fields]
    if missing:
        raise ValueError(f"notice fields missing: {missing}")
    return NOTICE_TEMPLATES[action].format(**fields)
