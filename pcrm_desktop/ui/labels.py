"""Display names for codes stored in the database (roles, audit actions) and for the steps
services report as progress, in the current language."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from pcrm_desktop.domain.access_review import action_text
from pcrm_desktop.domain.backups import CONTEXT as BACKUP_CONTEXT
from pcrm_desktop.domain.office import Role
from pcrm_desktop.domain.progress import Progress, put_numbers, source_text


def role_name(role: Role | str) -> str:
    names = {
        Role.ADMIN.value: QCoreApplication.translate("labels", "관리자"),
        Role.MANAGER.value: QCoreApplication.translate("labels", "팀장"),
        Role.CLERK.value: QCoreApplication.translate("labels", "주무관"),
        Role.KIOSK.value: QCoreApplication.translate("labels", "키오스크"),
    }
    key = role.value if isinstance(role, Role) else role
    return names.get(key, key)


def action_name(action: str) -> str:
    """What an access-log action is called on screen: the one table of every logged action
    (domain/access_review.ACTIONS), which the access-log review and its PDF use too."""
    return action_text(action, lambda text: QCoreApplication.translate("access_review", text))


def actor_name(login: str) -> str:
    return QCoreApplication.translate("labels", "시스템") if login == "system" else login


def channel_name(code: str) -> str:
    names = {
        "visit": QCoreApplication.translate("labels", "방문"),
        "phone": QCoreApplication.translate("labels", "전화"),
        "sms": QCoreApplication.translate("labels", "문자"),
        "mail": QCoreApplication.translate("labels", "우편"),
        "email": QCoreApplication.translate("labels", "전자우편"),
        "online": QCoreApplication.translate("labels", "인터넷"),
    }
    return names.get(code, code)


def accessibility_name(code: str) -> str:
    names = {
        "hearing": QCoreApplication.translate("labels", "청각"),
        "vision": QCoreApplication.translate("labels", "시각"),
        "mobility": QCoreApplication.translate("labels", "거동 불편"),
        "cognitive": QCoreApplication.translate("labels", "인지·발달"),
        "interpreter": QCoreApplication.translate("labels", "통역 필요"),
    }
    return names.get(code, code)


def interaction_kind_name(code: str) -> str:
    names = {
        "visit": QCoreApplication.translate("labels", "방문 상담"),
        "call": QCoreApplication.translate("labels", "전화 상담"),
        "counselling": QCoreApplication.translate("labels", "심층 상담"),
        "outreach": QCoreApplication.translate("labels", "찾아가는 상담"),
        "other": QCoreApplication.translate("labels", "기타"),
    }
    return names.get(code, code)


def backup_text(text: str) -> str:
    """A text of domain/backups.py (a kind, a reason, a step) in the current language."""
    return QCoreApplication.translate(BACKUP_CONTEXT, text)


def progress_text(step: str, **numbers: int) -> str:
    """A service's progress step (domain/progress.py) in the current language, its figures
    put in (12,345); a step the table does not know is shown as it is."""
    found = source_text(step)
    if found is None:
        return step
    return put_numbers(QCoreApplication.translate(*found), numbers)


def worded(report: Callable[[int, int, str], None]) -> Progress:
    """The progress callback to hand a service: each step worded (translate() is
    thread-safe) and passed on to `report`, a task's `control.progress`."""
    def progress(done: int, total: int, step: str, /, **numbers: int) -> None:
        report(done, total, progress_text(step, **numbers))
    return progress


def survey_choices(rows: list[dict]) -> list[tuple[str, str]]:
    """(code, what the list shows) for a survey chooser: a survey by its title, as staff know
    it; its code only to tell apart two surveys of the same title."""
    titles = [r["title"] for r in rows]
    return [(r["code"], r["title"] if titles.count(r["title"]) == 1 else f"{r['title']} ({r['code']})")
            for r in rows]


def item_name(code: str, fallback: str = "") -> str:
    """A standard survey item by its short name on screen (a survey's own item: its text)."""
    names = {"ACCESS": QCoreApplication.translate("SurveysPage", "안내·찾기"),
             "KIND": QCoreApplication.translate("SurveysPage", "친절"),
             "EXPERT": QCoreApplication.translate("SurveysPage", "전문성"),
             "SPEED": QCoreApplication.translate("SurveysPage", "신속"),
             "RESULT": QCoreApplication.translate("SurveysPage", "결과·공정"),
             "FACILITY": QCoreApplication.translate("SurveysPage", "시설"),
             "OVERALL": QCoreApplication.translate("SurveysPage", "전반적 만족")}
    return names.get(code, fallback or code)


def audit_detail(action: str, detail: str) -> str:
    """An access-log entry's detail in the screen's language (domain/audit_details.py)."""
    from pcrm_desktop.domain.audit_details import CONTEXT, detail_text
    return detail_text(action, detail, lambda text: QCoreApplication.translate(CONTEXT, text))


def item_label(label: str) -> str:
    """A standard item's name as the services give it (services/report_survey.ITEM_NAMES), in
    the screen's language; a survey's own item text stays as written."""
    return QCoreApplication.translate("item_names", label)


def target_name(target: str) -> str:
    """What an access-log entry was about, when it is a whole part of the data rather than one
    record (a receipt number, a file or a login stay as they are)."""
    names = {"database": QCoreApplication.translate("labels", "데이터베이스"),
             "office": QCoreApplication.translate("labels", "기관 정보"),
             "citizens": QCoreApplication.translate("labels", "주민"),
             "complaints": QCoreApplication.translate("labels", "민원"),
             "surveys": QCoreApplication.translate("labels", "만족도 조사"),
             "backups": QCoreApplication.translate("labels", "백업"),
             "retention": QCoreApplication.translate("labels", "보존기간·파기"),
             "audit_log": QCoreApplication.translate("labels", "접속기록")}
    return names.get(target, target)
