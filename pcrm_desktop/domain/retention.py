"""Retention periods (보존기간) and what destroying a kind of record means (파기).

Pure rules: which kinds of record there are, each one's default period, the shortest period
allowed and why, and the cut-off date a period gives on a day. The database work is in
`db/retention_repo.py`, the use cases in `services/retention.py`.

Laws the defaults follow (the office adjusts them to its registered 개인정보파일 and its
records schedule, 기록관리기준표):
- 개인정보 보호법 제21조: personal data no longer needed (its period over, its purpose met) is
  destroyed without delay; 시행령 제16조: electronic files so that they cannot be restored.
- 개인정보의 안전성 확보조치 기준 제8조: access logs kept at least 1 year, 2 years for systems
  holding 50,000+ people (a district's residents) — hence the access log's floor of 24 months.
- 표준 개인정보 보호지침: every destruction is written in a 파기 관리대장 (here
  `destruction_ledger`).
"""
from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from pcrm_desktop.domain.errors import ValidationError
from pcrm_desktop.domain.messages import QT_TRANSLATE_NOOP

CONTEXT = "retention"
SETTING_PREFIX = "retention."  # office_settings key: retention.<kind> = months
MAXIMUM_MONTHS = 600           # 50 years: a longer period is no period at all
ANONYMISED_FLAG = "anonymised"  # in complaints.flags once a 민원 has been anonymised


class Kind(StrEnum):
    COMPLAINT = "complaint"
    CITIZEN = "citizen"
    INTERACTION = "interaction"
    HAPPY_CALL = "happy_call"
    SURVEY_LINK = "survey_link"
    AUDIT_LOG = "audit_log"


@dataclass(frozen=True)
class Rule:
    kind: Kind
    label: str            # Korean; the UI translates it in CONTEXT
    default_months: int
    minimum_months: int
    counted_from: str     # what the period runs from
    basis: str            # why this default
    method: str           # what destruction does to these records (the ledger's 방법)


RULES: dict[Kind, Rule] = {rule.kind: rule for rule in (
    Rule(Kind.COMPLAINT, QT_TRANSLATE_NOOP("retention", "종결 민원"), 60, 12,
         QT_TRANSLATE_NOOP("retention", "처리 완료일부터"),
         QT_TRANSLATE_NOOP(
             "retention", "민원 처리 기록의 보존기간(공공기록물 관리에 관한 법률 시행령 별표 1, "
             "기관 기록관리기준표의 민원 단위업무: 대개 5년)에 맞춤. 통계는 남기고 사람과의 연결만 없앱니다."),
         QT_TRANSLATE_NOOP(
             "retention", "익명 처리: 민원인 연결·제목·내용·장소·회신·외부 번호·처리 메모를 지우고 첨부 파일은 "
             "덮어쓴 뒤 삭제, 해피콜·설문 연결 삭제. 분류·부서·경로·종류·접수/기한/완료일은 통계용으로 유지")),
    Rule(Kind.CITIZEN, QT_TRANSLATE_NOOP("retention", "주민 기록"), 36, 12,
         QT_TRANSLATE_NOOP("retention", "마지막 변경·상담·설문 응답부터"),
         QT_TRANSLATE_NOOP(
             "retention", "개인정보 보호법 제21조(목적을 이룬 개인정보는 지체 없이 파기). 민원이 남아 있거나 "
             "유효한 동의가 있으면 지우지 않습니다."),
         QT_TRANSLATE_NOOP(
             "retention", "삭제: 주민 기록과 전화번호·검색 색인·고객집단·동의·상담 이력·설문 연결, "
             "접속기록 상세 내용은 비움(해시 체인 유지)")),
    Rule(Kind.INTERACTION, QT_TRANSLATE_NOOP("retention", "상담 이력"), 36, 12,
         QT_TRANSLATE_NOOP("retention", "상담일부터"),
         QT_TRANSLATE_NOOP(
             "retention", "개인정보 보호법 제21조. 주민 기록과 같은 기간이 기본입니다."),
         QT_TRANSLATE_NOOP("retention", "삭제: 상담 기록(내용 포함)")),
    Rule(Kind.HAPPY_CALL, QT_TRANSLATE_NOOP("retention", "해피콜 기록"), 12, 3,
         QT_TRANSLATE_NOOP("retention", "마지막 통화(표본 추출)일부터"),
         QT_TRANSLATE_NOOP(
             "retention", "만족도 확인이라는 목적은 통화로 끝남. 전년 같은 달과 비교할 수 있게 1년."),
         QT_TRANSLATE_NOOP("retention", "삭제: 해피콜과 통화 시도 기록(메모 포함)")),
    Rule(Kind.SURVEY_LINK, QT_TRANSLATE_NOOP("retention", "설문 응답 연결"), 12, 3,
         QT_TRANSLATE_NOOP("retention", "응답일부터"),
         QT_TRANSLATE_NOOP(
             "retention", "응답과 사람·민원의 연결은 회신 요청과 분석에만 필요. 익명 응답(답)은 통계로 남습니다."),
         QT_TRANSLATE_NOOP(
             "retention", "삭제: 응답↔민원·주민 연결, "
                          "끝난 회신 요청의 민원 연결·메모(열린 회신 요청은 끝날 때까지 둠)")),
    Rule(Kind.AUDIT_LOG, QT_TRANSLATE_NOOP("retention", "접속기록"), 36, 24,
         QT_TRANSLATE_NOOP("retention", "기록 일시부터"),
         QT_TRANSLATE_NOOP(
             "retention", "개인정보의 안전성 확보조치 기준 제8조: 5만 명 이상의 정보주체를 처리하는 시스템은 "
             "2년 이상 보관(최소 24개월). 점검과 분쟁 대비로 3년이 기본입니다."),
         QT_TRANSLATE_NOOP(
             "retention", "삭제: 기간이 지난 접속기록. 해시 체인의 시작점을 옮겨 남은 기록의 검증은 그대로")),
)}

KINDS: tuple[Kind, ...] = tuple(RULES)  # the order shown on screen and in the ledger
# The order a run works in: the access log first (less left to redact), 민원 before residents
# (an anonymised 민원 no longer holds its applicant), residents before their own history (so a
# resident's recent contact still counts, whatever the history's own period).
RUN_ORDER: tuple[Kind, ...] = (Kind.AUDIT_LOG, Kind.COMPLAINT, Kind.CITIZEN, Kind.INTERACTION,
                               Kind.SURVEY_LINK, Kind.HAPPY_CALL)


def kind_of(value: str) -> Kind:
    try:
        return Kind(value.strip())
    except ValueError:
        raise ValidationError("retention_kind_unknown", field="kind", value=value,
                              known=", ".join(k.value for k in KINDS)) from None


def check_months(kind: Kind, months: object) -> int:
    """The period in whole months, or ValidationError: not a number, under the kind's minimum,
    over MAXIMUM_MONTHS."""
    if isinstance(months, bool) or not isinstance(months, (int, str)):
        raise ValidationError("retention_months_format", field="months", value=str(months))
    try:
        value = int(str(months).strip())
    except ValueError:
        raise ValidationError("retention_months_format", field="months", value=str(months)) from None
    rule = RULES[kind]
    if value < rule.minimum_months:
        raise ValidationError("retention_below_minimum", field="months", kind=rule.label,
                              minimum=rule.minimum_months, value=value)
    if value > MAXIMUM_MONTHS:
        raise ValidationError("retention_above_maximum", field="months", maximum=MAXIMUM_MONTHS,
                              value=value)
    return value


def stored_months(kind: Kind, stored: str | None) -> int:
    """The period from its stored text. Missing or unreadable text gives the default; a value
    under the minimum (written by hand into the database) is raised to it: a run never
    destroys earlier than the rule allows."""
    rule = RULES[kind]
    try:
        value = int(stored) if stored is not None else rule.default_months
    except ValueError:
        value = rule.default_months
    return min(max(value, rule.minimum_months), MAXIMUM_MONTHS)


def months_before(day: date, months: int) -> date:
    """The same day `months` calendar months earlier (the 31st becomes the month's last day)."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    month += 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def cutoff(now: datetime, months: int) -> date:
    """Records dated before this day (its midnight) are past their period."""
    return months_before(now.date(), months)


@dataclass(frozen=True)
class Policy:
    kind: Kind
    months: int
    rule: Rule

    @property
    def is_default(self) -> bool:
        return self.months == self.rule.default_months


@dataclass(frozen=True)
class Candidates:
    """What a run would destroy now for one kind."""

    kind: Kind
    months: int
    cutoff: date
    count: int
    related: dict[str, int]  # rows destroyed along with them (phones, events emptied, …)
