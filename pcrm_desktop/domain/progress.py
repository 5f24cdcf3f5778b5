"""How far a long task is, told as a code and numbers; whoever shows it words it.

A service reports `progress(done, total, step, **numbers)`: `done` of `total` (steps, rows,
pages), `step` what it is doing (a `Step`, or a retention kind's `retention_step`), and every
figure its text shows as a keyword (`n=12345`). It never sends a sentence: the screens word
the step in the user's language (`ui.labels.progress_text`, through Qt's translation of the
Korean texts here), the command line in Korean (`korean`, in `cli.shared.stderr_progress`).
A step this table does not know (the demo's "citizens") is shown as it is.
"""
from __future__ import annotations

from enum import StrEnum
from typing import Protocol

from pcrm_desktop.domain.retention import CONTEXT as RETENTION_CONTEXT
from pcrm_desktop.domain.retention import RULES, Kind


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - name lupdate looks for
    return text


CONTEXT = "progress"


class Progress(Protocol):
    """The callback a long service takes (None: nobody is told)."""

    def __call__(self, done: int, total: int, step: str, /, **numbers: int) -> None: ...


class Step(StrEnum):
    # the monthly report (services/monthly_report.py)
    REPORT_SUMMARY = "report.summary"
    REPORT_COMPLAINTS = "report.complaints"
    REPORT_TREND = "report.trend"
    REPORT_GROUPS = "report.groups"
    REPORT_SATISFACTION = "report.satisfaction"
    # the access log's monthly PDF (services/report_access_log.py)
    ACCESS_ACCOUNTS = "access_log.accounts"
    ACCESS_FINDINGS = "access_log.findings"
    ACCESS_WATCHED = "access_log.watched"
    ACCESS_CHAIN = "access_log.chain"
    ACCESS_CHAIN_CHECKED = "access_log.chain_checked"  # n: entries checked so far
    ACCESS_PDF = "access_log.pdf"
    # imports of residents, 민원 and responses
    IMPORT_CHECK = "import.check"
    IMPORT_SAVE = "import.save"
    # backups: make, export, restore, recover (services/backups/)
    BACKUP_COPY = "backup.copy"
    BACKUP_COPY_IN = "backup.copy_in"
    BACKUP_ENCRYPT = "backup.encrypt"
    BACKUP_DECRYPT = "backup.decrypt"
    BACKUP_VERIFY = "backup.verify"
    BACKUP_SNAPSHOT = "backup.snapshot"
    BACKUP_RESTORE = "backup.restore"
    # a retention run (each kind's own step: retention_step)
    RETENTION_SELECT = "retention.select"
    RETENTION_COMMIT = "retention.commit"
    RETENTION_COMPACT = "retention.compact"
    DONE = "done"


TEXTS: dict[str, str] = {
    Step.REPORT_SUMMARY: QT_TRANSLATE_NOOP("progress", "요약"),
    Step.REPORT_COMPLAINTS: QT_TRANSLATE_NOOP("progress", "민원"),
    Step.REPORT_TREND: QT_TRANSLATE_NOOP("progress", "추이"),
    Step.REPORT_GROUPS: QT_TRANSLATE_NOOP("progress", "고객집단"),
    Step.REPORT_SATISFACTION: QT_TRANSLATE_NOOP("progress", "만족도"),
    Step.ACCESS_ACCOUNTS: QT_TRANSLATE_NOOP("progress", "계정별 기록 수"),
    Step.ACCESS_FINDINGS: QT_TRANSLATE_NOOP("progress", "이상 징후"),
    Step.ACCESS_WATCHED: QT_TRANSLATE_NOOP("progress", "출력·반출 목록"),
    Step.ACCESS_CHAIN: QT_TRANSLATE_NOOP("progress", "무결성 검사"),
    Step.ACCESS_CHAIN_CHECKED: QT_TRANSLATE_NOOP("progress", "무결성 검사 {n}건"),
    Step.ACCESS_PDF: QT_TRANSLATE_NOOP("progress", "PDF"),
    Step.IMPORT_CHECK: QT_TRANSLATE_NOOP("progress", "검사"),
    Step.IMPORT_SAVE: QT_TRANSLATE_NOOP("progress", "저장"),
    Step.BACKUP_COPY: QT_TRANSLATE_NOOP("progress", "데이터베이스를 복사하는 중…"),
    Step.BACKUP_COPY_IN: QT_TRANSLATE_NOOP("progress", "백업 파일을 이 PC로 복사하는 중…"),
    Step.BACKUP_ENCRYPT: QT_TRANSLATE_NOOP("progress", "암호화하는 중…"),
    Step.BACKUP_DECRYPT: QT_TRANSLATE_NOOP("progress", "암호를 푸는 중…"),
    Step.BACKUP_VERIFY: QT_TRANSLATE_NOOP("progress", "백업을 검사하는 중…"),
    Step.BACKUP_SNAPSHOT: QT_TRANSLATE_NOOP("progress", "지금 데이터를 복원 전 백업으로 남기는 중…"),
    Step.BACKUP_RESTORE: QT_TRANSLATE_NOOP("progress", "백업을 데이터베이스에 쓰는 중…"),
    Step.RETENTION_SELECT: QT_TRANSLATE_NOOP("progress", "대상 고르기"),
    Step.RETENTION_COMMIT: QT_TRANSLATE_NOOP("progress", "저장"),
    Step.RETENTION_COMPACT: QT_TRANSLATE_NOOP("progress", "데이터베이스 파일 정리"),
    Step.DONE: QT_TRANSLATE_NOOP("progress", "완료"),
}

_RETENTION_KIND = "retention.kind."


def retention_step(kind: Kind) -> str:
    """The step of a retention run destroying one kind of record (worded by its label)."""
    return _RETENTION_KIND + kind.value


def source_text(step: str) -> tuple[str, str] | None:
    """(translation context, Korean text) of a step, None for one this table does not know."""
    if step.startswith(_RETENTION_KIND):
        try:
            return RETENTION_CONTEXT, RULES[Kind(step.removeprefix(_RETENTION_KIND))].label
        except ValueError:
            return None
    text = TEXTS.get(step)
    return None if text is None else (CONTEXT, text)


class _Figures(dict[str, str]):
    def __missing__(self, key: str) -> str:  # a figure not sent: its place stays as it is
        return "{" + key + "}"


def put_numbers(text: str, numbers: dict[str, int]) -> str:
    """A step's text with its figures as a text shows them (12,345)."""
    return text.format_map(_Figures({key: f"{value:,}" for key, value in numbers.items()}))


def korean(step: str, **numbers: int) -> str:
    """The Korean text of a step with its figures (the step itself when it has none)."""
    found = source_text(step)
    return step if found is None else put_numbers(found[1], numbers)
