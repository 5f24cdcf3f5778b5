"""What an access-log entry's detail says, in the screen's language.

The log keeps each detail as it was written, in Korean (the entries are chained: they are never
rewritten). The services write them in a few fixed forms; each form is listed here as a pattern
of the stored text and its Korean template, which the screens translate (context
"audit_detail", English in tools/en.tsv) and fill with what the pattern found. The template
written out gives the stored text again, but where the stored words are a developer's
(the holiday package's name), which reads plainer. A detail of no
known form (a name typed by an admin, an older version's wording) is shown as it was written.
The PDF prints the log as written.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - name lupdate looks for
    return text


CONTEXT = "audit_detail"
_N = r"(?P<n>[\d,]+)"

# action → [(pattern of the stored detail, its Korean template)]; the template's fields are the
# pattern's named groups, and the template written out in Korean is the stored detail again
FORMS: dict[str, list[tuple[str, str]]] = {
    "security.idle": [(r"(?P<n>\d+)분", QT_TRANSLATE_NOOP("audit_detail", "{n}분"))],
    "password.reset": [
        (r"잠김 해제, 임시 비밀번호 발급", QT_TRANSLATE_NOOP("audit_detail", "잠김 해제, 임시 비밀번호 발급")),
        (r"임시 비밀번호 발급", QT_TRANSLATE_NOOP("audit_detail", "임시 비밀번호 발급"))],
    # stored with the package's name ("holidays 0.108: 18일"); shown without it
    "holiday.seed": [(r"holidays (?P<version>[\w.]+): (?P<n>\d+)일",
                      QT_TRANSLATE_NOOP("audit_detail", "기본 공휴일 목록({version})에서 {n}일"))],
    "demo.citizens": [(_N + r"명 seed=(?P<seed>\d+)", QT_TRANSLATE_NOOP("audit_detail", "{n}명 seed={seed}"))],
    "demo.complaints": [(_N + r"건 seed=(?P<seed>\d+)", QT_TRANSLATE_NOOP("audit_detail", "{n}건 seed={seed}"))],
    "demo.responses": [(_N + r"건 seed=(?P<seed>\d+)", QT_TRANSLATE_NOOP("audit_detail", "{n}건 seed={seed}"))],
    "office.setup": [(r"(?P<office>.+); 부서 (?P<n>\d+)개", QT_TRANSLATE_NOOP("audit_detail", "{office}; 부서 {n}개"))],
    "citizen.view_full": [
        (r"수정 화면", QT_TRANSLATE_NOOP("audit_detail", "수정 화면")),
        (r"저장 충돌: 다른 사용자가 저장한 값과 비교",
         QT_TRANSLATE_NOOP("audit_detail", "저장 충돌: 다른 사용자가 저장한 값과 비교"))],
    "citizen.merge": [(r"기록 #(?P<id>\d+) 병합", QT_TRANSLATE_NOOP("audit_detail", "기록 #{id} 병합"))],
    "complaint.add": [(r"민원인 없음", QT_TRANSLATE_NOOP("audit_detail", "민원인 없음"))],
    "survey.add": [(r"(?P<template>\w+), 연결", QT_TRANSLATE_NOOP("audit_detail", "{template}, 연결")),
                   (r"(?P<template>\w+), 익명", QT_TRANSLATE_NOOP("audit_detail", "{template}, 익명"))],
    "kiosk.setup": [(r"PIN 변경", QT_TRANSLATE_NOOP("audit_detail", "PIN 변경"))],
    "audit.verify": [
        (_N + r"건 확인, 정상", QT_TRANSLATE_NOOP("audit_detail", "{n}건 확인, 정상")),
        (_N + r"건 확인, 손상: (?P<id>\d+)번 \((?P<problem>[^)]*)\)",
         QT_TRANSLATE_NOOP("audit_detail", "{n}건 확인, 손상: {id}번 ({problem})"))],
    "audit.key_export": [(r"키 (?P<key>\S+)", QT_TRANSLATE_NOOP("audit_detail", "키 {key}"))],
    "audit.key_import": [(r"키 (?P<key>\S+)", QT_TRANSLATE_NOOP("audit_detail", "키 {key}"))],
    "citizen.export": [(_N + r"명, 전체 값", QT_TRANSLATE_NOOP("audit_detail", "{n}명, 전체 값")),
                       (_N + r"명, 가림", QT_TRANSLATE_NOOP("audit_detail", "{n}명, 가림"))],
    "citizen.import": [
        (_N + r"명 가져옴, 거부 (?P<rejected>[\d,]+)행, 중복 의심 (?P<duplicates>[\d,]+)행, 중복 의심 제외",
         QT_TRANSLATE_NOOP("audit_detail", "{n}명 가져옴, 거부 {rejected}행, 중복 의심 {duplicates}행, "
                                           "중복 의심 제외")),
        (_N + r"명 가져옴, 거부 (?P<rejected>[\d,]+)행, 중복 의심 (?P<duplicates>[\d,]+)행",
         QT_TRANSLATE_NOOP("audit_detail", "{n}명 가져옴, 거부 {rejected}행, 중복 의심 {duplicates}행"))],
    "complaint.import": [(_N + r"건 가져옴, 거부 (?P<rejected>[\d,]+)행, 표시 (?P<flagged>[\d,]+)행",
                          QT_TRANSLATE_NOOP("audit_detail", "{n}건 가져옴, 거부 {rejected}행, 표시 {flagged}행"))],
    "complaint.export": [(r"(?P<first>[\d-]+)~(?P<last>[\d-]+): " + _N + r"건 \(민원인 가림\)",
                          QT_TRANSLATE_NOOP("audit_detail", "{first}~{last}: {n}건 (민원인 가림)"))],
    "report.monthly": [(r"(?P<month>[\d-]+): (?P<pages>\d+)쪽(?P<rest>.*)",
                        QT_TRANSLATE_NOOP("audit_detail", "{month}: {pages}쪽{rest}"))],
    "report.register": [(r"(?P<first>[\d-]+)~(?P<last>[\d-]+): " + _N + r"건, (?P<pages>\d+)쪽 \(민원인 가림\)",
                         QT_TRANSLATE_NOOP("audit_detail", "{first}~{last}: {n}건, {pages}쪽 (민원인 가림)"))],
    "report.survey": [(r"(?P<survey>\S+) (?P<first>[\d-]+)~(?P<last>[\d-]+): 응답 " + _N + r"건, (?P<pages>\d+)쪽",
                       QT_TRANSLATE_NOOP("audit_detail", "{survey} {first}~{last}: 응답 {n}건, {pages}쪽"))],
    "survey.export": [(r"(?P<survey>\S+) (?P<first>[\d-]+)~(?P<last>[\d-]+): " + _N
                       + r"건 \(익명 답만, 연결 정보 없음\)",
                       QT_TRANSLATE_NOOP("audit_detail", "{survey} {first}~{last}: "
                                                         "{n}건 (익명 답만, 연결 정보 없음)"))],
    "survey.import": [(r"(?P<survey>\S+) v(?P<version>\d+): " + _N + r"건 가져옴, 거부 (?P<rejected>[\d,]+)행, "
                       r"빈 행 (?P<empty>[\d,]+)행",
                       QT_TRANSLATE_NOOP("audit_detail", "{survey} v{version}: "
                                                         "{n}건 가져옴, 거부 {rejected}행, 빈 행 {empty}행"))],
    "retention.policy": [(r"(?P<before>\d+) → (?P<after>\d+)개월",
                          QT_TRANSLATE_NOOP("audit_detail", "{before} → {after}개월"))],
    "happy_call.sample": [(_N + r"건 중 (?P<chosen>[\d,]+)건 "
                                r"\(표본 (?P<share>\d+%), (?P<days>\d+)일 초과, 불수용 전부\)",
                           QT_TRANSLATE_NOOP("audit_detail",
                                             "{n}건 중 {chosen}건 (표본 {share}, {days}일 초과, 불수용 전부)")),
                          (_N + r"건 중 (?P<chosen>[\d,]+)건 "
                                r"\(표본 (?P<share>\d+%), (?P<days>\d+)일 초과, 불수용 제외\)",
                           QT_TRANSLATE_NOOP("audit_detail",
                                             "{n}건 중 {chosen}건 (표본 {share}, {days}일 초과, 불수용 제외)"))],
    "backup.prune": [(r"보관 주기\(매일 (?P<daily>\d+)·매주 (?P<weekly>\d+)·매월 (?P<monthly>\d+)\)에 따라 "
                      r"(?P<n>\d+)개 삭제 \((?P<size>[\d,.]+ MB)\): (?P<names>.*)",
                      QT_TRANSLATE_NOOP("audit_detail", "보관 주기(매일 {daily}·매주 {weekly}·매월 {monthly})에 따라 "
                                                        "{n}개 삭제 ({size}): {names}"))],
    "backup.restore": [(r"(?P<source>.+) \((?P<check>[\d,.]+ MB, 무결성 .*?까지)\); 복원 전 백업 (?P<pre>.+?); "
                        r"접속기록 기준점 #(?P<before>[\d-]+) → #(?P<after>[\d-]+)"
                        r"(?P<moved>(?: \(기준점 파일을 쓰지 못함: .*?\))?)"
                        r"(?P<foreign>(?:; 다른 데이터베이스의 백업 \(.*\))?)",
                        QT_TRANSLATE_NOOP("audit_detail", "{source} ({check}); 복원 전 백업 {pre}; "
                                                          "접속기록 기준점 #{before} → #{after}{moved}{foreign}"))],
    "db.recover": [(r"손상: (?P<problem>.*?); 손상된 파일을 (?P<aside>.+?)\(으\)로 옮김; 복원한 백업: (?P<check>.+)",
                    QT_TRANSLATE_NOOP("audit_detail", "손상: {problem}; 손상된 파일을 {aside}(으)로 옮김; "
                                                      "복원한 백업: {check}"))],
    "retention.run": [(r"(?P<counts>[\w ,]+); 파기 대장 (?P<n>[\d,]+)건, 첨부 파일 (?P<files>[\d,]+)개",
                       QT_TRANSLATE_NOOP("audit_detail", "{counts}; 파기 대장 {n}건, 첨부 파일 {files}개"))],
    "report.access_log": [(r"(?P<month>[\d-]+): " + _N + r"건, 이상 징후 (?P<findings>[\d,]+)건, 무결성 (?P<chain>.+), "
                           r"머리 (?P<head>\S+), (?P<pages>\d+)쪽",
                           QT_TRANSLATE_NOOP("audit_detail", "{month}: {n}건, 이상 징후 {findings}건, 무결성 {chain}, "
                                                             "머리 {head}, {pages}쪽"))],
    "db.upgrade": [(r"(?P<before>\S+) → (?P<after>\S+) \(백업 복원 뒤\)",
                    QT_TRANSLATE_NOOP("audit_detail", "{before} → {after} (백업 복원 뒤)")),
                   (r"(?P<before>\S+) → (?P<after>\S+) \(복구 뒤\)",
                    QT_TRANSLATE_NOOP("audit_detail", "{before} → {after} (복구 뒤)"))],
}


# Parts of a detail with forms of their own, by the name of the field that holds them: a backup
# as `services.backups.shared.describe` writes it, the chain as `access_review.chain_text` does,
# the retention run's counts per kind (stored by the kinds' codes; shown by their names).
PARTS: dict[str, list[tuple[str, str]]] = {
    "check": [(r"(?P<size>[\d,.]+ MB), 무결성 정상, 스키마 (?P<revision>\S+), 접속기록 (?P<head>#\d+)까지",
               QT_TRANSLATE_NOOP("audit_detail", "{size}, 무결성 정상, 스키마 {revision}, 접속기록 {head}까지")),
              (r"(?P<size>[\d,.]+ MB), 무결성 정상, 스키마 (?P<revision>\S+), 접속기록 없음까지",
               QT_TRANSLATE_NOOP("audit_detail", "{size}, 무결성 정상, 스키마 {revision}, 접속기록 없음까지")),
              (r"(?P<size>[\d,.]+ MB), 무결성 (?P<integrity>.+), 스키마 (?P<revision>\S+), 접속기록 (?P<head>#\d+)까지",
               QT_TRANSLATE_NOOP("audit_detail", "{size}, 무결성 {integrity}, 스키마 {revision}, 접속기록 {head}까지")),
              (r"(?P<size>[\d,.]+ MB), 무결성 (?P<integrity>.+), 스키마 (?P<revision>\S+), 접속기록 없음까지",
               QT_TRANSLATE_NOOP("audit_detail", "{size}, 무결성 {integrity}, 스키마 {revision}, 접속기록 없음까지"))],
    "moved": [(r" \(기준점 파일을 쓰지 못함: (?P<error>.*)\)",
               QT_TRANSLATE_NOOP("audit_detail", " (기준점 파일을 쓰지 못함: {error})"))],
    "foreign": [(r"; 다른 데이터베이스의 백업 \((?P<backup>[^,]*), 이전 (?P<live>.*)\)",
                 QT_TRANSLATE_NOOP("audit_detail", "; 다른 데이터베이스의 백업 ({backup}, 이전 {live})"))],
    "chain": [(r"정상: (?P<checked>[\d,]+)건 확인, 마지막 기록 (?P<last>[\d-]+)번",
               QT_TRANSLATE_NOOP("audit_detail", "정상: {checked}건 확인, 마지막 기록 {last}번")),
              (r"검증 불가: (?P<problem>.*)", QT_TRANSLATE_NOOP("audit_detail", "검증 불가: {problem}")),
              (r"손상: (?P<entry>\d+)번 기록 — (?P<problem>.*) \((?P<checked>[\d,]+)건까지 정상\)",
               QT_TRANSLATE_NOOP("audit_detail", "손상: {entry}번 기록 — {problem} ({checked}건까지 정상)"))],
    "counts": [(r"complaint (?P<complaint>\d+), citizen (?P<citizen>\d+), interaction (?P<interaction>\d+), "
                r"happy_call (?P<happy_call>\d+), survey_link (?P<survey_link>\d+), audit_log (?P<audit_log>\d+)",
                QT_TRANSLATE_NOOP("audit_detail", "종결 민원 {complaint}, 주민 기록 {citizen}, "
                                  "상담 이력 {interaction}, 해피콜 기록 {happy_call}, "
                                  "설문 응답 연결 {survey_link}, 접속기록 {audit_log}"))],
}


def detail_text(action: str, detail: str, translate: Callable[[str], str] = lambda s: s) -> str:
    """`detail` in the screen's words: its form's template translated and filled, or as written."""
    return _fill(FORMS.get(action, ()), detail, translate)


def _fill(forms: Iterable[tuple[str, str]], text: str, translate: Callable[[str], str]) -> str:
    for pattern, template in forms:
        found = re.fullmatch(pattern, text or "", re.DOTALL)
        if found:
            fields = {name: _fill(PARTS[name], value, translate) if name in PARTS and value else value
                      for name, value in found.groupdict().items()}
            return translate(template).format(**fields)
    return text


def is_known(action: str, detail: str) -> bool:
    """Whether `detail` is of one of its action's forms (the services' tests check what they write)."""
    return any(re.fullmatch(pattern, detail or "", re.DOTALL) for pattern, _ in FORMS.get(action, ()))
