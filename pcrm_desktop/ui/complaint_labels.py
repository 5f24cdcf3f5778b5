"""Display texts and colours for 민원 codes, in the current language."""
from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QColor

from pcrm_desktop.domain.complaints import (
    ACTION_NAMES,
    CHANNEL_NAMES,
    NOTICE_METHOD_NAMES,
    RESULT_NAMES,
    STATUS_NAMES,
    Action,
    Channel,
    NoticeMethod,
    Result,
    Status,
    d_day,
    d_day_text,
)
from pcrm_desktop.domain.deadlines import STEP_TEXTS, TYPE_NAMES, ComplaintType, Deadline

WEEKDAYS = (QT_TRANSLATE_NOOP("complaints", "월"), QT_TRANSLATE_NOOP("complaints", "화"),
            QT_TRANSLATE_NOOP("complaints", "수"), QT_TRANSLATE_NOOP("complaints", "목"),
            QT_TRANSLATE_NOOP("complaints", "금"), QT_TRANSLATE_NOOP("complaints", "토"),
            QT_TRANSLATE_NOOP("complaints", "일"))


def _tr(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def status_name(code: str) -> str:
    try:
        return _tr("complaints", STATUS_NAMES[Status(code)])
    except ValueError:
        return code


def action_name(code: str) -> str:
    if code == "received":
        return QCoreApplication.translate("complaints", "접수")
    if code == "due_moved":
        return QCoreApplication.translate("complaints", "기한 재계산")
    if code == "import":
        return QCoreApplication.translate("complaints", "가져옴")
    if code == "applicant":
        return QCoreApplication.translate("complaints", "민원인 연결")
    try:
        return _tr("complaints", ACTION_NAMES[Action(code)])
    except ValueError:
        return code


# The case window's buttons: what the clerk will do (each opens a form, hence "…"); the
# history and the statuses keep ACTION_NAMES, which English reads as what was done.
ACTION_BUTTONS = {
    Action.ASSIGN: QT_TRANSLATE_NOOP("complaints", "배정…"),
    Action.START: QT_TRANSLATE_NOOP("complaints", "처리 시작…"),
    Action.HOLD: QT_TRANSLATE_NOOP("complaints", "보류…"),
    Action.RESUME: QT_TRANSLATE_NOOP("complaints", "보류 해제…"),
    Action.EXTEND: QT_TRANSLATE_NOOP("complaints", "기한 연장…"),
    Action.TRANSFER: QT_TRANSLATE_NOOP("complaints", "이송…"),
    Action.NOTICE: QT_TRANSLATE_NOOP("complaints", "중간통지…"),
    Action.COMPLETE: QT_TRANSLATE_NOOP("complaints", "처리완료…"),
    Action.REOPEN: QT_TRANSLATE_NOOP("complaints", "다시 처리…"),
    Action.CLOSE: QT_TRANSLATE_NOOP("complaints", "종결…"),
}


def action_button_name(action: Action) -> str:
    """The button (with "…") that starts the step."""
    return _tr("complaints", ACTION_BUTTONS[action])


def action_title(action: Action) -> str:
    """The step's form title: the button's words without "…"."""
    return action_button_name(action).rstrip("…").rstrip(".").strip()


def result_name(code: str | None) -> str:
    if not code:
        return ""
    try:
        return _tr("complaints", RESULT_NAMES[Result(code)])
    except ValueError:
        return code


def notice_method_name(code: str) -> str:
    try:
        return _tr("complaints", NOTICE_METHOD_NAMES[NoticeMethod(code)])
    except ValueError:
        return code


def channel_name(code: str) -> str:
    try:
        return _tr("complaints", CHANNEL_NAMES[Channel(code)])
    except ValueError:
        return code


def type_name(code: str) -> str:
    try:
        return _tr("deadline", TYPE_NAMES[ComplaintType(code)])
    except ValueError:
        return code


def day_label(day: date) -> str:
    """2026-11-27(금), the weekday in the screen's language."""
    return f"{day:%Y-%m-%d}({_tr('complaints', WEEKDAYS[day.weekday()])})"


def moment(at: datetime | None) -> str:
    """2026-11-27(금) 14:05, as SCREENS.md asks."""
    if at is None:
        return ""
    return f"{day_label(at.date())} {at:%H:%M}"


def d_day_label(due: datetime, today: date, open_: bool = True) -> str:
    return d_day_text(d_day(due, today)) if open_ else ""


def d_day_colour(due: datetime, now: datetime) -> tuple[QColor | None, bool]:
    """Overdue: red and bold (D+n); due within a day: orange; within 3 days: amber. Colours
    chosen to stay apart in grey print and for colour-blind readers, always with the text."""
    if due < now:
        return QColor("#b00020"), True
    days = d_day(due, now.date())
    if days <= 1:
        return QColor("#c05600"), True
    if days <= 3:
        return QColor("#8a6d00"), False
    return None, False


def explanation(deadline: Deadline) -> list[str]:
    """The steps of a due date in the current language."""
    return [step.text(_tr("deadline", STEP_TEXTS[step.code])) for step in deadline.steps]
