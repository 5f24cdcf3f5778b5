"""Access-log details in the screen's language (issue 18, language leaks): each stored form is
recognised, its Korean template gives back exactly what was stored, and its English (from
tools/en.tsv, what the translation file is filled from) carries no Hangul but the data."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from pcrm_desktop.domain.audit_details import FORMS, PARTS, detail_text
from pcrm_desktop.domain.retention import KINDS

EN_TSV = Path(__file__).resolve().parents[2] / "tools" / "en.tsv"
HANGUL = re.compile(r"[\uac00-\ud7a3]")

# the retention run's counts as services/retention.py writes them (by the kinds' codes)
RETENTION_COUNTS = ", ".join(f"{kind.value} {n}" for n, kind in enumerate(KINDS, start=3))
# what the services write (their f-strings, filled in)
STORED = [
    ("security.idle", "15분"),
    ("password.reset", "잠김 해제, 임시 비밀번호 발급"),
    ("password.reset", "임시 비밀번호 발급"),
    ("holiday.seed", "holidays 0.108: 18일"),
    ("demo.citizens", "3,000명 seed=1"),
    ("demo.complaints", "20,000건 seed=1"),
    ("demo.responses", "1,500건 seed=7"),
    ("office.setup", "청운효자동 행정복지센터 (데모); 부서 5개"),
    ("citizen.view_full", "수정 화면"),
    ("citizen.view_full", "저장 충돌: 다른 사용자가 저장한 값과 비교"),
    ("citizen.merge", "기록 #12 병합"),
    ("complaint.add", "민원인 없음"),
    ("survey.add", "MINWON, 연결"),
    ("survey.add", "COUNTER, 익명"),
    ("kiosk.setup", "PIN 변경"),
    ("audit.verify", "20,001건 확인, 정상"),
    ("audit.verify", "1,204건 확인, 손상: 77번 (edited)"),
    ("audit.key_export", "키 3f2a9c"),
    ("citizen.export", "1,200명, 전체 값"),
    ("citizen.export", "1,200명, 가림"),
    ("citizen.import", "498명 가져옴, 거부 2행, 중복 의심 5행, 중복 의심 제외"),
    ("citizen.import", "498명 가져옴, 거부 2행, 중복 의심 5행"),
    ("complaint.import", "1,000건 가져옴, 거부 3행, 표시 4행"),
    ("complaint.export", "2026-11-01~2026-11-30: 812건 (민원인 가림)"),
    ("report.monthly", "2026-11: 9쪽"),
    ("report.monthly", "2026-11: 9쪽, monthly-2026-11.xlsx"),
    ("report.register", "2026-11-01~2026-11-30: 812건, 31쪽 (민원인 가림)"),
    ("report.survey", "COUNTER 2026-11-01~2026-11-30: 응답 312건, 4쪽"),
    ("survey.export", "COUNTER 2026-11-01~2026-11-30: 312건 (익명 답만, 연결 정보 없음)"),
    ("survey.import", "COUNTER v2: 300건 가져옴, 거부 1행, 빈 행 2행"),
    ("retention.policy", "60 → 72개월"),
    ("happy_call.sample", "120건 중 24건 (표본 20%, 14일 초과, 불수용 전부)"),
    ("happy_call.sample", "120건 중 24건 (표본 20%, 14일 초과, 불수용 제외)"),
    ("db.upgrade", "0011 → 0013 (백업 복원 뒤)"),
    ("db.upgrade", "0012 → 0013 (복구 뒤)"),
    ("backup.prune", "보관 주기(매일 7·매주 4·매월 12)에 따라 2개 삭제 (3.4 MB): "
                     "pcrm-20261101-0900-daily.db, pcrm-20261102-0900-daily.db"),
    ("backup.restore", "/backups/pcrm-20261201-0900-manual.db (1.7 MB, 무결성 정상, 스키마 0013, "
                       "접속기록 #812까지); 복원 전 백업 pcrm-20261207-1010-pre-restore.db; "
                       "접속기록 기준점 #900 → #812"),
    ("backup.restore", "/backups/old.db (1.2 MB, 무결성 정상, 스키마 0011, 접속기록 없음까지); 복원 전 백업 "
                       "pre.db; 접속기록 기준점 #- → #-"
                       " (기준점 파일을 쓰지 못함: Permission denied)"
                       "; 다른 데이터베이스의 백업 (4f1c2d, 이전 9a8b7c)"),
    ("db.recover", "손상: database disk image is malformed; 손상된 파일을 pcrm-damaged-20261207.db(으)로 "
                   "옮김; 복원한 백업: 1.7 MB, 무결성 정상, 스키마 0013, 접속기록 #812까지"),
    ("db.recover", "손상: file is not a database; 손상된 파일을 x.db(으)로 옮김; 복원한 백업: "
                   "0.9 MB, 무결성 2 errors, 스키마 0012, 접속기록 없음까지"),
    ("db.recover", "손상: file is not a database; 손상된 파일을 y.db(으)로 옮김; 복원한 백업: "
                   "0.9 MB, 무결성 page 4 is never used, 스키마 0013, 접속기록 #5까지"),
    ("retention.run", RETENTION_COUNTS + "; 파기 대장 14건, 첨부 파일 2개"),
    ("report.access_log", "2026-11: 4,120건, 이상 징후 2건, 무결성 정상: 20,001건 확인, 마지막 기록 20001번, "
                          "머리 3f2a9c1d, 6쪽"),
    ("report.access_log", "2026-11: 4,120건, 이상 징후 0건, 무결성 손상: 77번 기록 — edited (76건까지 정상), "
                          "머리 3f2a9c1d, 6쪽"),
    ("report.access_log", "2026-11: 10건, 이상 징후 0건, 무결성 검증 불가: anchor, 머리 -, 1쪽"),
]
DATA = ("청운효자동 행정복지센터 (데모)",)
# where the stored words are a developer's, the screen reads plainer
PLAINER = {"holidays 0.108: 18일": "기본 공휴일 목록(0.108)에서 18일",
           RETENTION_COUNTS + "; 파기 대장 14건, 첨부 파일 2개":
               "종결 민원 3, 주민 기록 4, 상담 이력 5, 해피콜 기록 6, 설문 응답 연결 7, 접속기록 8; "
               "파기 대장 14건, 첨부 파일 2개"}


def _english() -> dict[str, str]:
    pairs = {}
    for line in EN_TSV.read_text(encoding="utf-8").splitlines():
        if "\t" in line and not line.startswith("#"):
            korean, english = line.split("\t", 1)
            pairs[korean] = english
    return pairs


@pytest.mark.parametrize(("action", "stored"), STORED)
def test_each_stored_form_is_known_and_given_back_in_korean(action, stored):
    templates = [template for pattern, template in FORMS[action] if re.fullmatch(pattern, stored)]
    assert templates, f"{action}: {stored!r} matches no form"
    assert detail_text(action, stored) == PLAINER.get(stored, stored)



@pytest.mark.parametrize(("action", "stored"), STORED)
def test_each_form_reads_in_english_without_hangul(action, stored):
    english = _english()
    shown = detail_text(action, stored, lambda text: english[text])
    for data in DATA:
        shown = shown.replace(data, "")
    assert not HANGUL.search(shown), shown


def test_every_form_has_its_english_and_is_exercised():
    english = _english()
    templates = {template for forms in (*FORMS.values(), *PARTS.values()) for _, template in forms}
    assert templates <= set(english), sorted(templates - set(english))
    used: set[str] = set()
    for action, stored in STORED:
        detail_text(action, stored, lambda template: used.add(template) or template)
    assert used == templates, sorted(templates - used)


def test_a_detail_of_no_known_form_stays_as_written():
    assert detail_text("backup.restore", "복원 전 백업 x", lambda t: "!") == "복원 전 백업 x"
    assert detail_text("security.idle", "열다섯 분", lambda t: "!") == "열다섯 분"
    assert detail_text("unknown.action", "무엇", lambda t: "!") == "무엇"
