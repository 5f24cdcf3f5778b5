"""Raw 만족도 answers out to CSV (UTF-8 with BOM, formulas neutralised) and XLSX: one row per
response of the period, one column per answer key of every version seen, nothing personal."""
from __future__ import annotations

import csv
import json
from dataclasses import replace
from datetime import date, datetime

import pytest
from openpyxl import load_workbook

from pcrm_desktop.cli import main
from pcrm_desktop.domain.audit import Actor
from pcrm_desktop.domain.errors import NotFoundError, ValidationError
from pcrm_desktop.domain.privacy import PermissionDenied
from pcrm_desktop.domain.surveys import NA, SCALE5_LABELS, Item, ItemType, Questionnaire
from pcrm_desktop.services import surveys as S
from pcrm_desktop.services.survey_export import export_responses
from tests.dbutil import rows

V1 = Questionnaire("창구 설문", (
    Item("OVERALL", ItemType.SCALE5, "전반", SCALE5_LABELS, required=True),
    Item("KIND", ItemType.SCALE5, "친절", SCALE5_LABELS, allow_na=True),
    Item("CHANNEL", ItemType.MULTI, "경로", ("전화", "방문", "누리집")),
    Item("SAT", ItemType.MATRIX, "만족", ("대기", "안내"), allow_na=True),
    Item("REVISIT", ItemType.YES_NO, "재방문"),
    Item("COMMENT", ItemType.LONG_TEXT, "의견"),
))
V2 = Questionnaire("창구 설문 v2", V1.items[:2] + (Item("WAIT", ItemType.NUMBER, "대기 분"),))
HEADERS = ["응답번호", "응답일시", "방식", "설문 버전", "품질 표시", "OVERALL", "KIND", "CHANNEL",
           "SAT.대기", "SAT.안내", "REVISIT", "COMMENT", "WAIT"]


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 11, 2, 9, 0)

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def ctx(admin_ctx, clock):
    return replace(admin_ctx, clock=clock)


def _answers(ctx, clock) -> None:
    from pcrm_desktop.domain.citizens import Citizen
    from pcrm_desktop.services import citizens
    person = citizens.register_citizen(ctx, Citizen(None, "홍길동", 1970)).citizen_id
    S.create_survey(ctx, "COUNTER", "COUNTER", linked=True)
    S.edit_survey(ctx, "COUNTER", V1)
    clock.now = datetime(2026, 10, 31, 23, 59)  # the day before the period
    S.submit(ctx, "COUNTER", "kiosk", {"OVERALL": 1}, seconds=60)
    clock.now = datetime(2026, 11, 2, 9, 15, 30)
    S.submit(ctx, "COUNTER", "kiosk", {"OVERALL": 5, "KIND": NA, "CHANNEL": ["전화", "누리집"],
                                       "SAT.대기": 4, "SAT.안내": NA, "REVISIT": "예",
                                       "COMMENT": "=HYPERLINK(\"http://x\")"}, seconds=95)
    clock.now = datetime(2026, 11, 3, 14, 0)
    S.submit(ctx, "COUNTER", "phone", {"OVERALL": 2, "REVISIT": "아니오", "COMMENT": "직원이 친절했음"},
             citizen_id=person)  # linked: the link is not exported
    S.submit(ctx, "COUNTER", "paper", {"OVERALL": 4, "KIND": 4, "SAT.대기": 4, "SAT.안내": 4},
             seconds=3)  # straight-lined and too fast: flagged, still exported
    S.edit_survey(ctx, "COUNTER", V2)
    clock.now = datetime(2026, 11, 30, 18, 0)
    S.submit(ctx, "COUNTER", "kiosk", {"OVERALL": 3, "WAIT": 12.5})
    clock.now = datetime(2026, 12, 1, 0, 0)  # the day after the period
    S.submit(ctx, "COUNTER", "kiosk", {"OVERALL": 3})


EXPECTED = [
    ["2", "2026-11-02 09:15:30", "kiosk", "1", "", "5", "해당없음", "전화; 누리집", "4", "해당없음", "예",
     "'=HYPERLINK(\"http://x\")", ""],
    ["3", "2026-11-03 14:00:00", "phone", "1", "", "2", "", "", "", "", "아니오", "직원이 친절했음", ""],
    ["4", "2026-11-03 14:00:00", "paper", "1", "straight_lined,too_fast", "4", "4", "", "4", "4", "", "",
     ""],
    ["5", "2026-11-30 18:00:00", "kiosk", "2", "", "3", "", "", "", "", "", "", "12.5"],
]


def test_csv_round_trip(ctx, clock, db_target, tmp_path):
    _answers(ctx, clock)
    out = tmp_path / "응답.csv"
    done = export_responses(ctx, "counter", date(2026, 11, 1), date(2026, 11, 30), out)
    assert done.rows == 4 and done.columns == HEADERS[5:]
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    lines = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert lines == [HEADERS] + EXPECTED
    assert "홍길동" not in raw.decode("utf-8-sig")
    audit = rows(db_target, "SELECT actor, target, detail FROM audit_log WHERE action = 'survey.export'")
    assert audit == [("hong", "응답.csv", "COUNTER 2026-11-01~2026-11-30: 4건 (익명 답만, 연결 정보 없음)")]


def test_xlsx_cells(ctx, clock, tmp_path):
    _answers(ctx, clock)
    out = tmp_path / "응답.xlsx"
    export_responses(ctx, "COUNTER", date(2026, 11, 2), date(2026, 11, 3), out)
    sheet = load_workbook(out).active
    assert sheet.title == "COUNTER 응답"
    cells = list(sheet.iter_rows(values_only=True))
    assert list(cells[0]) == HEADERS[:-1]  # only version 1 was answered in these two days
    assert cells[1] == (2, datetime(2026, 11, 2, 9, 15, 30), "kiosk", 1, None, 5, "해당없음",
                        "전화; 누리집", 4, "해당없음", "예", "'=HYPERLINK(\"http://x\")")
    assert cells[2] == (3, datetime(2026, 11, 3, 14, 0), "phone", 1, None, 2, None, None, None,
                        None, "아니오", "직원이 친절했음")
    assert cells[3][:10] == (4, datetime(2026, 11, 3, 14, 0), "paper", 1, "straight_lined,too_fast",
                             4, 4, None, 4, 4)
    assert len(cells) == 4


def test_only_versions_seen_in_the_period_give_columns(ctx, clock, tmp_path):
    _answers(ctx, clock)
    done = export_responses(ctx, "COUNTER", date(2026, 11, 30), date(2026, 12, 31), tmp_path / "a.csv")
    assert done.rows == 2 and done.columns == ["OVERALL", "KIND", "WAIT"]
    empty = export_responses(ctx, "COUNTER", date(2025, 1, 1), date(2025, 1, 31), tmp_path / "b.csv")
    assert empty.rows == 0
    assert list(csv.reader((tmp_path / "b.csv").open(encoding="utf-8-sig"))) == [HEADERS[:5]]


def test_refusals(ctx, clock, tmp_path):
    _answers(ctx, clock)
    with pytest.raises(ValidationError):
        export_responses(ctx, "COUNTER", date(2026, 12, 1), date(2026, 11, 1), tmp_path / "a.csv")
    with pytest.raises(ValidationError):
        export_responses(ctx, "COUNTER", date(2026, 11, 1), date(2026, 11, 30), tmp_path / "a.pdf")
    with pytest.raises(NotFoundError):
        export_responses(ctx, "NOSUCH", date(2026, 11, 1), date(2026, 11, 30), tmp_path / "a.csv")
    clerk = ctx.as_actor(Actor(None, "kim", "clerk", "민원실"))
    with pytest.raises(PermissionDenied):
        export_responses(clerk, "COUNTER", date(2026, 11, 1), date(2026, 11, 30), tmp_path / "a.csv")
    assert not (tmp_path / "a.csv").exists()


def test_command_line(capsys, ctx, clock, db_target, tmp_path, monkeypatch):
    monkeypatch.setenv("PCRM_USER", "hong")  # the fixture's admin runs the commands
    _answers(ctx, clock)
    out = tmp_path / "응답.xlsx"
    code = main(["export", "responses", "--survey", "COUNTER", "--from", "2026-11-01", "--to",
                 "2026-11-30", "--out", str(out), "--db", db_target, "--json"])
    summary = json.loads(capsys.readouterr().out)
    assert code == 0 and summary["rows"] == 4 and summary["columns"] == HEADERS[5:]
    assert load_workbook(out).active.max_row == 5
    code = main(["export", "responses", "--from", "2026-11-01", "--to", "2026-11-30", "--out",
                 str(out), "--db", db_target])
    assert code == 1 and "설문 코드(--survey)" in capsys.readouterr().err
