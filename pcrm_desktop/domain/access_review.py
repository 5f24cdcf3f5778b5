"""Reviewing the access log (접속기록 점검): what kind of act each logged action is, and the
patterns a manager should look at (개인정보의 안전성 확보조치 기준: review the log monthly).

Pure Python: the rules take entries and give findings. The database only narrows down which
entries to give (db/audit_queries.py); whether a pattern is there is decided here, once.

Texts are Korean, wrapped in QT_TRANSLATE_NOOP ("access_review") so lupdate collects them; the
screens translate them, the PDF prints them as they are.
"""
from __future__ import annotations

from collections import Counter, defaultdict, deque
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from pcrm_desktop.domain.audit import ChainReport
from pcrm_desktop.domain.deadlines import DaysOff
from pcrm_desktop.domain.office import OfficeHours


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - name lupdate looks for
    return text


CONTEXT = "access_review"

# --- thresholds ------------------------------------------------------------------------------
BURST_WINDOW = timedelta(minutes=10)   # one account viewing …
BURST_RESIDENTS = 30                   # … this many different residents within the window
FAILED_LOGINS_PER_DAY = 5              # failed sign-ins of one account on one day
SUMMARY_ENTRIES_PER_FINDING = 40       # entries printed under one finding in the PDF

# --- kinds of act ----------------------------------------------------------------------------
VIEW, CHANGE, PRINT, EXPORT, LOGIN, ADMIN = "view", "change", "print", "export", "login", "admin"
KINDS = (VIEW, CHANGE, PRINT, EXPORT, LOGIN, ADMIN)
KIND_TEXTS: dict[str, str] = {
    VIEW: QT_TRANSLATE_NOOP("access_review", "조회"),
    CHANGE: QT_TRANSLATE_NOOP("access_review", "변경"),
    PRINT: QT_TRANSLATE_NOOP("access_review", "출력"),
    EXPORT: QT_TRANSLATE_NOOP("access_review", "반출"),
    LOGIN: QT_TRANSLATE_NOOP("access_review", "로그인"),
    ADMIN: QT_TRANSLATE_NOOP("access_review", "관리"),
}

# Every action the program logs (tests/unit/test_access_review.py checks the code against this
# table): its kind and what it is called on screen and on paper.
ACTIONS: dict[str, tuple[str, str]] = {
    # 조회: personal data looked at
    "citizen.view": (VIEW, QT_TRANSLATE_NOOP("access_review", "주민 정보 조회")),
    "citizen.view_full": (VIEW, QT_TRANSLATE_NOOP("access_review", "주민 정보 수정 화면 열람")),
    "citizen.reveal": (VIEW, QT_TRANSLATE_NOOP("access_review", "가린 정보 표시")),
    "complaint.view": (VIEW, QT_TRANSLATE_NOOP("access_review", "민원 열람")),
    "complaint.attachment_open": (VIEW, QT_TRANSLATE_NOOP("access_review", "민원 첨부파일 열람")),
    # 변경: records written
    "citizen.add": (CHANGE, QT_TRANSLATE_NOOP("access_review", "주민 등록")),
    "citizen.update": (CHANGE, QT_TRANSLATE_NOOP("access_review", "주민 정보 수정")),
    "citizen.merge": (CHANGE, QT_TRANSLATE_NOOP("access_review", "중복 주민 병합")),
    "citizen.import": (CHANGE, QT_TRANSLATE_NOOP("access_review", "주민 가져오기")),
    "interaction.add": (CHANGE, QT_TRANSLATE_NOOP("access_review", "상담 기록")),
    "consent.add": (CHANGE, QT_TRANSLATE_NOOP("access_review", "동의 기록")),
    "complaint.add": (CHANGE, QT_TRANSLATE_NOOP("access_review", "민원 접수")),
    "complaint.assign": (CHANGE, QT_TRANSLATE_NOOP("access_review", "민원 배정")),
    "complaint.start": (CHANGE, QT_TRANSLATE_NOOP("access_review", "민원 처리 시작")),
    "complaint.hold": (CHANGE, QT_TRANSLATE_NOOP("access_review", "민원 보류")),
    "complaint.resume": (CHANGE, QT_TRANSLATE_NOOP("access_review", "민원 보류 해제")),
    "complaint.extend": (CHANGE, QT_TRANSLATE_NOOP("access_review", "처리기간 연장")),
    "complaint.transfer": (CHANGE, QT_TRANSLATE_NOOP("access_review", "민원 이송")),
    "complaint.notice": (CHANGE, QT_TRANSLATE_NOOP("access_review", "중간통지")),
    "complaint.complete": (CHANGE, QT_TRANSLATE_NOOP("access_review", "민원 처리완료")),
    "complaint.reopen": (CHANGE, QT_TRANSLATE_NOOP("access_review", "민원 다시 처리")),
    "complaint.close": (CHANGE, QT_TRANSLATE_NOOP("access_review", "민원 종결")),
    "complaint.link": (CHANGE, QT_TRANSLATE_NOOP("access_review", "민원 연결")),
    "complaint.attach": (CHANGE, QT_TRANSLATE_NOOP("access_review", "민원 파일 첨부")),
    "complaint.attach_applicant": (CHANGE, QT_TRANSLATE_NOOP("access_review", "민원인 연결")),
    "complaint.import": (CHANGE, QT_TRANSLATE_NOOP("access_review", "민원 이력 가져오기")),
    "happy_call.record": (CHANGE, QT_TRANSLATE_NOOP("access_review", "해피콜 기록")),
    "survey.callback": (CHANGE, QT_TRANSLATE_NOOP("access_review", "불만족 응답 후속 조치")),
    "survey.answer": (CHANGE, QT_TRANSLATE_NOOP("access_review", "민원·주민에 연결된 설문 응답 입력")),
    "survey.import": (CHANGE, QT_TRANSLATE_NOOP("access_review", "설문 응답 가져오기")),
    "action.add": (CHANGE, QT_TRANSLATE_NOOP("access_review", "개선과제 등록")),
    "action.move": (CHANGE, QT_TRANSLATE_NOOP("access_review", "개선과제 진행 변경")),
    "action.evaluate": (CHANGE, QT_TRANSLATE_NOOP("access_review", "개선과제 평가")),
    # 출력: printed (a file made to be printed)
    "complaint.print": (PRINT, QT_TRANSLATE_NOOP("access_review", "접수증·회신문 출력")),
    "report.monthly": (PRINT, QT_TRANSLATE_NOOP("access_review", "월간 보고서 작성")),
    "report.register": (PRINT, QT_TRANSLATE_NOOP("access_review", "민원처리부 PDF 작성")),
    "report.survey": (PRINT, QT_TRANSLATE_NOOP("access_review", "만족도 조사 결과 작성")),
    "report.access_log": (PRINT, QT_TRANSLATE_NOOP("access_review", "월간 접속기록 점검표 작성")),
    # 반출: data taken out of the program as a file
    "citizen.export": (EXPORT, QT_TRANSLATE_NOOP("access_review", "주민 내보내기")),
    "complaint.export": (EXPORT, QT_TRANSLATE_NOOP("access_review", "민원처리부 내보내기")),
    "survey.export": (EXPORT, QT_TRANSLATE_NOOP("access_review", "설문 응답 내보내기")),
    # 로그인: signing in and out, the screen lock, passwords
    "login.ok": (LOGIN, QT_TRANSLATE_NOOP("access_review", "로그인")),
    "login.fail": (LOGIN, QT_TRANSLATE_NOOP("access_review", "로그인 실패")),
    "login.locked": (LOGIN, QT_TRANSLATE_NOOP("access_review", "잠긴 계정으로 로그인 시도")),
    "unlock.ok": (LOGIN, QT_TRANSLATE_NOOP("access_review", "화면 잠금 해제")),
    "unlock.fail": (LOGIN, QT_TRANSLATE_NOOP("access_review", "화면 잠금 해제 실패")),
    "unlock.locked": (LOGIN, QT_TRANSLATE_NOOP("access_review", "잠긴 계정으로 잠금 해제 시도")),
    "account.lock": (LOGIN, QT_TRANSLATE_NOOP("access_review", "비밀번호 반복 오류로 계정 잠김")),
    "password.fail": (LOGIN, QT_TRANSLATE_NOOP("access_review", "비밀번호 확인 실패")),
    "password.change": (LOGIN, QT_TRANSLATE_NOOP("access_review", "비밀번호 변경")),
    "logout": (LOGIN, QT_TRANSLATE_NOOP("access_review", "로그아웃")),
    "session.lock": (LOGIN, QT_TRANSLATE_NOOP("access_review", "자동 화면 잠금")),
    "session.lock_manual": (LOGIN, QT_TRANSLATE_NOOP("access_review", "화면 잠금")),  # Ctrl+L
    "kiosk.exit": (LOGIN, QT_TRANSLATE_NOOP("access_review", "키오스크 종료")),
    "kiosk.exit_refused": (LOGIN, QT_TRANSLATE_NOOP("access_review", "키오스크 종료 거부 (PIN 오류)")),
    # 관리: the office, accounts, settings, the database, the log itself
    "office.setup": (ADMIN, QT_TRANSLATE_NOOP("access_review", "기관 초기 설정")),
    "office.update": (ADMIN, QT_TRANSLATE_NOOP("access_review", "기관 정보 수정")),
    "department.add": (ADMIN, QT_TRANSLATE_NOOP("access_review", "부서 추가")),
    "staff.add": (ADMIN, QT_TRANSLATE_NOOP("access_review", "직원 계정 추가")),
    "staff.activate": (ADMIN, QT_TRANSLATE_NOOP("access_review", "계정 사용 재개")),
    "staff.deactivate": (ADMIN, QT_TRANSLATE_NOOP("access_review", "계정 사용 중지")),
    "password.reset": (ADMIN, QT_TRANSLATE_NOOP("access_review", "임시 비밀번호 발급")),
    "security.idle": (ADMIN, QT_TRANSLATE_NOOP("access_review", "자동 잠금 시간 설정")),
    "holiday.seed": (ADMIN, QT_TRANSLATE_NOOP("access_review", "공휴일 불러오기")),
    "holiday.add": (ADMIN, QT_TRANSLATE_NOOP("access_review", "휴일 추가")),
    "holiday.remove": (ADMIN, QT_TRANSLATE_NOOP("access_review", "휴일 삭제")),
    "complaint_type.update": (ADMIN, QT_TRANSLATE_NOOP("access_review", "민원 종류 처리기간 변경")),
    "category.add": (ADMIN, QT_TRANSLATE_NOOP("access_review", "민원 분류 추가")),
    "category.rename": (ADMIN, QT_TRANSLATE_NOOP("access_review", "민원 분류 이름 변경")),
    "category.period": (ADMIN, QT_TRANSLATE_NOOP("access_review", "민원 분류 처리기간 변경")),
    "category.retire": (ADMIN, QT_TRANSLATE_NOOP("access_review", "민원 분류 사용 중지")),
    "group.add": (ADMIN, QT_TRANSLATE_NOOP("access_review", "고객집단 추가")),
    "group.remove": (ADMIN, QT_TRANSLATE_NOOP("access_review", "고객집단 삭제")),
    "survey.add": (ADMIN, QT_TRANSLATE_NOOP("access_review", "설문 만들기")),
    "survey.edit": (ADMIN, QT_TRANSLATE_NOOP("access_review", "설문 수정")),
    "kiosk.setup": (ADMIN, QT_TRANSLATE_NOOP("access_review", "키오스크 설정")),
    "happy_call.sample": (ADMIN, QT_TRANSLATE_NOOP("access_review", "해피콜 대상 추출")),
    "db.create": (ADMIN, QT_TRANSLATE_NOOP("access_review", "데이터베이스 생성")),
    "db.upgrade": (ADMIN, QT_TRANSLATE_NOOP("access_review", "데이터베이스 업그레이드")),
    "db.recover": (ADMIN, QT_TRANSLATE_NOOP("access_review", "손상된 데이터베이스를 백업으로 복구")),
    "backup.create": (ADMIN, QT_TRANSLATE_NOOP("access_review", "백업 만들기")),
    "backup.prune": (ADMIN, QT_TRANSLATE_NOOP("access_review", "보관 주기가 지난 백업 삭제")),
    "backup.delete": (ADMIN, QT_TRANSLATE_NOOP("access_review", "백업 삭제")),
    "backup.restore": (ADMIN, QT_TRANSLATE_NOOP("access_review", "백업으로 복원")),
    # whole-database copies taken off the PC (with a reason in the entry's reason column)
    "backup.export": (ADMIN, QT_TRANSLATE_NOOP("access_review", "암호화 백업 반출 (USB)")),
    "backup.copy": (ADMIN, QT_TRANSLATE_NOOP("access_review", "백업 사본 반출")),
    "demo.fill": (ADMIN, QT_TRANSLATE_NOOP("access_review", "데모 데이터 생성")),
    "demo.citizens": (ADMIN, QT_TRANSLATE_NOOP("access_review", "데모 주민 생성")),
    "demo.complaints": (ADMIN, QT_TRANSLATE_NOOP("access_review", "데모 민원 생성")),
    "demo.responses": (ADMIN, QT_TRANSLATE_NOOP("access_review", "데모 응답 생성")),
    "retention.policy": (ADMIN, QT_TRANSLATE_NOOP("access_review", "보존기간 설정")),
    "retention.run": (ADMIN, QT_TRANSLATE_NOOP("access_review", "보존기간 지난 기록 파기")),
    "audit.verify": (ADMIN, QT_TRANSLATE_NOOP("access_review", "접속기록 무결성 검사")),
    "audit.prune": (ADMIN, QT_TRANSLATE_NOOP("access_review", "보존기간 지난 접속기록 삭제")),
    "audit.review": (ADMIN, QT_TRANSLATE_NOOP("access_review", "접속기록 검토")),
    "privacy.rrn_rescan": (ADMIN, QT_TRANSLATE_NOOP(
        "access_review", "주민등록번호 형태 다시 가림 (업그레이드)")),
    "audit.reanchor": (ADMIN, QT_TRANSLATE_NOOP("access_review", "접속기록 검사 기준점 다시 정함")),
    "audit.key_export": (ADMIN, QT_TRANSLATE_NOOP("access_review", "접속기록 서명 키 내보내기")),
    "audit.key_import": (ADMIN, QT_TRANSLATE_NOOP("access_review", "접속기록 서명 키 가져오기")),
}

# The acts the off-hours rule watches (a file of personal data made, a masked value shown),
# and those that need a reason (개인정보 다운로드 시 사유 확인).
REVEALS = ("citizen.reveal",)
REASON_REQUIRED = tuple(a for a, (k, _) in ACTIONS.items() if k == EXPORT) + REVEALS
OFF_HOURS_WATCHED = tuple(a for a, (k, _) in ACTIONS.items() if k in (PRINT, EXPORT)) + REVEALS
# Views of one resident's record, counted by the burst rule.
RESIDENT_VIEWS = tuple(a for a, (k, _) in ACTIONS.items() if k == VIEW)
# Every refused sign-in of an account (the fifth in a row is logged as the lock itself).
FAILED_SIGN_INS = ("login.fail", "login.locked", "unlock.fail", "unlock.locked", "password.fail",
                   "account.lock")


def kind_of(action: str) -> str:
    """The kind of a logged action; one not in the table (a newer version's) by its name."""
    known = ACTIONS.get(action)
    if known:
        return known[0]
    head, _, tail = action.partition(".")
    if head in ("login", "unlock", "session", "password", "account", "logout"):
        return LOGIN
    if tail.endswith("export"):
        return EXPORT
    if head == "report" or tail.endswith("print"):
        return PRINT
    if tail.startswith(("view", "reveal")) or tail.endswith("_open"):
        return VIEW
    return CHANGE


def actions_of(kind: str) -> tuple[str, ...]:
    return tuple(a for a, (k, _) in ACTIONS.items() if k == kind)


def action_text(action: str, translate: Callable[[str], str] = lambda s: s) -> str:
    known = ACTIONS.get(action)
    return translate(known[1]) if known else action


def kind_text(kind: str, translate: Callable[[str], str] = lambda s: s) -> str:
    return translate(KIND_TEXTS[kind]) if kind in KIND_TEXTS else kind


# --- findings --------------------------------------------------------------------------------
BURST, OFF_HOURS, FAILED_LOGINS, NO_REASON = "burst", "off_hours", "failed_logins", "no_reason"
FLAGS = (BURST, OFF_HOURS, FAILED_LOGINS, NO_REASON)
FLAG_TEXTS: dict[str, str] = {
    BURST: QT_TRANSLATE_NOOP("access_review", "단시간 대량 조회"),
    OFF_HOURS: QT_TRANSLATE_NOOP("access_review", "근무시간 외 출력·반출"),
    FAILED_LOGINS: QT_TRANSLATE_NOOP("access_review", "로그인 실패 반복"),
    NO_REASON: QT_TRANSLATE_NOOP("access_review", "사유 없는 반출·표시"),
}
FLAG_SHORT: dict[str, str] = {   # in a list's narrow column
    BURST: QT_TRANSLATE_NOOP("access_review", "대량 조회"),
    OFF_HOURS: QT_TRANSLATE_NOOP("access_review", "시간 외"),
    FAILED_LOGINS: QT_TRANSLATE_NOOP("access_review", "로그인 실패"),
    NO_REASON: QT_TRANSLATE_NOOP("access_review", "사유 없음"),
}
FINDING_TEXTS: dict[str, str] = {
    BURST: QT_TRANSLATE_NOOP(
        "access_review", "{actor}: {start}~{end} 주민 {residents}명 조회 ({minutes}분 안에 최대 {peak}명)"),
    OFF_HOURS: QT_TRANSLATE_NOOP("access_review", "{actor}: {at} {action} ({when})"),
    FAILED_LOGINS: QT_TRANSLATE_NOOP("access_review", "{actor}: {day} 로그인 실패 {count}회"),
    NO_REASON: QT_TRANSLATE_NOOP("access_review", "{actor}: {at} {action}, 사유 없음"),
}
WHEN_TEXTS: dict[str, str] = {
    "before_hours": QT_TRANSLATE_NOOP("access_review", "근무 시작 전"),
    "after_hours": QT_TRANSLATE_NOOP("access_review", "근무 종료 후"),
    "토요일": QT_TRANSLATE_NOOP("access_review", "토요일"),
    "일요일": QT_TRANSLATE_NOOP("access_review", "일요일"),
}
RULE_TEXTS: dict[str, str] = {  # what each rule looks for, for the page and the PDF
    BURST: QT_TRANSLATE_NOOP("access_review", "한 계정이 {minutes}분 안에 서로 다른 주민 {residents}명 이상을 조회"),
    OFF_HOURS: QT_TRANSLATE_NOOP("access_review", "근무시간({start}–{end}) 밖이나 휴일의 출력·반출·가린 정보 표시"),
    FAILED_LOGINS: QT_TRANSLATE_NOOP("access_review", "한 계정의 로그인 실패가 하루 {count}회 이상"),
    NO_REASON: QT_TRANSLATE_NOOP("access_review", "사유를 적지 않은 반출·가린 정보 표시"),
}

# Why a chain check stopped (domain.audit.ChainReport.problem).
CHAIN_PROBLEMS: dict[str, str] = {
    "edited": QT_TRANSLATE_NOOP("access_review", "기록 내용이 바뀌었습니다"),
    "missing": QT_TRANSLATE_NOOP("access_review", "기록이 빠졌습니다"),
    "order": QT_TRANSLATE_NOOP("access_review", "기록 순서가 바뀌었습니다"),
    "anchor": QT_TRANSLATE_NOOP("access_review", "앞선 검사 때의 기록과 다릅니다"),
    "detail": QT_TRANSLATE_NOOP("access_review", "내용과 요약값이 맞지 않습니다"),
    "start": QT_TRANSLATE_NOOP("access_review", "앞부분이 파기 기록 없이 지워졌습니다"),
    "key": QT_TRANSLATE_NOOP("access_review", "이 PC에 없는 서명 키({witness})로 기록되어 확인할 수 없습니다"),
    "witness": QT_TRANSLATE_NOOP("access_review", "따로 보관한 기록({witness})과 다릅니다"),
    "witness_missing": QT_TRANSLATE_NOOP(
        "access_review", "앞선 검사가 남긴 기준점 파일이 없습니다: {witness}"),
    "witness_unreadable": QT_TRANSLATE_NOOP(
        "access_review", "기준점 파일을 읽을 수 없습니다 (손상되었거나 바뀌었습니다): {witness}"),
    "witness_folder": QT_TRANSLATE_NOOP(
        "access_review", "기준점 파일 자리에 폴더가 있습니다: {witness}"),
    "witness_other": QT_TRANSLATE_NOOP(
        "access_review", "기준점이 이 경로에 있던 다른 데이터베이스의 것입니다: {witness}"),
}
# Problems found before any entry was read: a witness gone, unreadable or foreign.
WITNESS_ALARMS = ("witness_missing", "witness_unreadable", "witness_folder", "witness_other")


def chain_problem(report: ChainReport, translate: Callable[[str], str] = lambda s: s) -> str:
    """What is wrong, in words, naming the witness or key concerned."""
    text = CHAIN_PROBLEMS.get(report.problem)
    if text is None:
        return report.problem
    said = translate(text).format(witness=_witness_name(report.witness))
    if report.problem == "missing" and report.witness:
        said += translate(QT_TRANSLATE_NOOP(
            "access_review", " — {witness}에는 그 뒤의 기록까지 있었습니다")).format(
            witness=_witness_name(report.witness))
    return said


def _witness_name(source: str) -> str:
    kind, _, where = source.partition(":")
    names = {"anchor": "데이터베이스 옆 기준점", "profile": "사용자 프로필의 기준점",
             "backup": "백업 목록의 기록", "printed": "인쇄된 머리 해시"}
    return f"{names[kind]} {where}" if kind in names and where else source


def chain_text(report: ChainReport, translate: Callable[[str], str] = lambda s: s) -> str:
    """정상 (n건) or where and how the chain breaks, for the page and the PDF."""
    if report.ok:
        return translate(QT_TRANSLATE_NOOP("access_review", "정상: {checked}건 확인, 마지막 기록 {last}번")).format(
            checked=f"{report.checked:,}", last=report.last_id if report.last_id is not None else "-")
    problem = chain_problem(report, translate)
    if report.problem in WITNESS_ALARMS:
        return translate(QT_TRANSLATE_NOOP("access_review", "검증 불가: {problem}")).format(
            problem=problem)
    broken = translate(QT_TRANSLATE_NOOP("access_review", "손상: {entry}번 기록 — {problem} ({checked}건까지 정상)"))
    return broken.format(entry=report.broken_id, problem=problem, checked=f"{report.checked:,}")


@dataclass(frozen=True)
class Entry:
    """An access-log entry as the rules need it."""
    id: int
    at: datetime
    actor: str
    action: str
    subject_id: int | None = None
    reason: str = ""


@dataclass(frozen=True)
class Finding:
    """One flagged pattern: what (`code`), whose account, when, and the entries behind it."""
    code: str
    actor: str
    start: datetime
    end: datetime
    count: int                       # residents viewed, failures, or 1
    entry_ids: tuple[int, ...]
    values: tuple[tuple[str, str], ...] = ()   # action, when, peak … for the text

    def value(self, name: str, default: str = "") -> str:
        return dict(self.values).get(name, default)

    def text(self, translate: Callable[[str], str] = lambda s: s) -> str:
        values = dict(self.values)
        values.update(actor=self.actor, at=moment_text(self.start),
                      start=moment_text(self.start), end=f"{self.end:%H:%M}",
                      day=f"{self.start:%Y-%m-%d}", count=f"{self.count:,}",
                      residents=f"{self.count:,}",
                      minutes=str(int(BURST_WINDOW.total_seconds() // 60)))
        if "action" in values:
            values["action"] = action_text(values["action"], translate)
        if "when" in values:
            values["when"] = translate(WHEN_TEXTS[values["when"]]) if values["when"] in WHEN_TEXTS \
                else values["when"]
        return translate(FINDING_TEXTS[self.code]).format(**values)


def rule_text(code: str, hours: OfficeHours, translate: Callable[[str], str] = lambda s: s) -> str:
    return translate(RULE_TEXTS[code]).format(
        minutes=int(BURST_WINDOW.total_seconds() // 60), residents=BURST_RESIDENTS,
        start=f"{hours.start:%H:%M}", end=f"{hours.end:%H:%M}", count=FAILED_LOGINS_PER_DAY)


WEEKDAYS = "월화수목금토일"


def moment_text(at: datetime) -> str:
    """2026-11-27(금) 14:05 (SCREENS.md)."""
    return f"{at:%Y-%m-%d}({WEEKDAYS[at.weekday()]}) {at:%H:%M}"


def off_hours(at: datetime, hours: OfficeHours, days_off: DaysOff) -> str | None:
    """Why `at` is outside office hours: a day off (its name: 토요일, 일요일, 추석 …), before the
    start or from the end of the working day; None within them (the lunch hour included).
    From 09:00:00 up to 17:59:59 is inside; 18:00:00 is after hours."""
    reason = days_off.reason(at.date())
    if reason is not None:
        return reason
    moment = at.time()
    if moment < hours.start:
        return "before_hours"
    if moment >= hours.end:
        return "after_hours"
    return None


def find_bursts(views: Iterable[Entry], window: timedelta = BURST_WINDOW,
                residents: int = BURST_RESIDENTS) -> list[Finding]:
    """Each run of one account's views in which some `window` (both ends included) holds
    `residents` or more different residents. Overlapping windows make one finding; its
    entries are the views in those windows, its count the residents among them, `peak` the
    most within one window."""
    by_actor: dict[str, list[Entry]] = defaultdict(list)
    for v in views:
        if v.subject_id is not None:
            by_actor[v.actor].append(v)
    found: list[Finding] = []
    for actor, rows in by_actor.items():
        rows.sort(key=lambda e: (e.at, e.id))
        held: deque[Entry] = deque()
        counts: Counter[int | None] = Counter()  # views without a resident were left out
        episode: dict[int, Entry] | None = None
        episode_end: datetime | None = None
        peak = 0
        for row in rows:
            held.append(row)
            counts[row.subject_id] += 1
            while held[0].at < row.at - window:
                gone = held.popleft()
                counts[gone.subject_id] -= 1
                if not counts[gone.subject_id]:
                    del counts[gone.subject_id]
            if len(counts) < residents:
                continue
            if episode is None or episode_end is None or held[0].at > episode_end:
                if episode:
                    found.append(_burst(actor, episode, peak))
                episode, peak = {}, 0
            episode.update((e.id, e) for e in held)
            episode_end = row.at
            peak = max(peak, len(counts))
        if episode:
            found.append(_burst(actor, episode, peak))
    found.sort(key=lambda f: (f.start, f.actor))
    return found


def _burst(actor: str, episode: Mapping[int, Entry], peak: int) -> Finding:
    """The finding of one run of views: its entries in time order, the residents among them."""
    entries = sorted(episode.values(), key=lambda e: (e.at, e.id))
    return Finding(BURST, actor, entries[0].at, entries[-1].at, len({e.subject_id for e in entries}),
                   tuple(e.id for e in entries), (("peak", str(peak)),))


def failed_sign_ins(entries: Iterable[Entry], least: int = FAILED_LOGINS_PER_DAY) -> list[Finding]:
    """Accounts with `least` or more refused sign-ins on one day (of the login typed, so an
    unknown login counts under what was typed)."""
    days: dict[tuple[str, date], list[Entry]] = defaultdict(list)
    for e in entries:
        if e.action in FAILED_SIGN_INS:
            days[(e.actor, e.at.date())].append(e)
    found = []
    for (actor, _), rows in days.items():
        if len(rows) >= least:
            rows.sort(key=lambda e: (e.at, e.id))
            found.append(Finding(FAILED_LOGINS, actor, rows[0].at, rows[-1].at, len(rows),
                                 tuple(e.id for e in rows)))
    found.sort(key=lambda f: (f.start, f.actor))
    return found


def sensitive_findings(entries: Iterable[Entry], hours: OfficeHours,
                       days_off: DaysOff) -> list[Finding]:
    """Prints, exports and reveals outside office hours or on a day off, and exports and
    reveals without a reason: one finding per entry."""
    found = []
    for e in entries:
        if e.action in OFF_HOURS_WATCHED:
            when = off_hours(e.at, hours, days_off)
            if when is not None:
                found.append(Finding(OFF_HOURS, e.actor, e.at, e.at, 1, (e.id,),
                                     (("action", e.action), ("when", when))))
        if e.action in REASON_REQUIRED and not (e.reason or "").strip():
            found.append(Finding(NO_REASON, e.actor, e.at, e.at, 1, (e.id,),
                                 (("action", e.action),)))
    found.sort(key=lambda f: (f.start, f.actor, f.code))
    return found


@dataclass(frozen=True)
class Anomalies:
    """The findings of a period and, for each flagged entry, its flags."""
    first: date
    last: date
    findings: tuple[Finding, ...]
    flags: Mapping[int, tuple[str, ...]] = field(default_factory=dict)

    @classmethod
    def of(cls, first: date, last: date, findings: Iterable[Finding]) -> Anomalies:
        found = tuple(sorted(findings, key=lambda f: (f.start, f.actor, f.code)))
        flags: dict[int, list[str]] = defaultdict(list)
        for f in found:
            for entry_id in f.entry_ids:
                if f.code not in flags[entry_id]:
                    flags[entry_id].append(f.code)
        return cls(first, last, found, {k: tuple(v) for k, v in flags.items()})

    def by_code(self) -> dict[str, int]:
        counts = dict.fromkeys(FLAGS, 0)
        for f in self.findings:
            counts[f.code] += 1
        return counts


def within(findings: Iterable[Finding], start: datetime, end: datetime) -> list[Finding]:
    """Findings with an entry in [start, end): a burst read with a margin either side of a
    period belongs to it when it reaches into it."""
    return [f for f in findings if f.end >= start and f.start < end]


# --- the month's summary ---------------------------------------------------------------------
@dataclass(frozen=True)
class AccountCounts:
    actor: str
    counts: Mapping[str, int]      # kind → entries
    total: int


@dataclass(frozen=True)
class Summary:
    first: date
    last: date
    accounts: tuple[AccountCounts, ...]   # busiest first
    kinds: Mapping[str, int]              # kind → entries, all accounts
    total: int


def summarize(first: date, last: date, counts: Iterable[tuple[str, str, int]]) -> Summary:
    """(actor, action, entries) rows → entries per account and kind."""
    per: dict[str, Counter[str]] = defaultdict(Counter)
    for actor, action, n in counts:
        per[actor][kind_of(action)] += n
    accounts = tuple(sorted((AccountCounts(a, {k: c[k] for k in KINDS}, sum(c.values()))
                             for a, c in per.items()), key=lambda a: (-a.total, a.actor)))
    kinds = {k: sum(a.counts[k] for a in accounts) for k in KINDS}
    return Summary(first, last, accounts, kinds, sum(kinds.values()))
