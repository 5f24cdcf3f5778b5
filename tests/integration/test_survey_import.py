"""Importing 만족도 answers keyed into a spreadsheet: the real Somerville happiness survey (6,545
rows with half points, out-of-range answers and NA) checked cell by cell against a rule worked
out here independently; an XLSX with every kind of item; mapping mistakes; the command line."""
from __future__ import annotations

import csv
import json
from dataclasses import replace
from datetime import datetime

import pytest
from openpyxl import Workbook

from pcrm_desktop.cli import main
from pcrm_desktop.domain.audit import Actor
from pcrm_desktop.domain.errors import ConflictError, NotFoundError, ValidationError
from pcrm_desktop.domain.messages import korean_message
from pcrm_desktop.domain.privacy import PermissionDenied
from pcrm_desktop.domain.surveys import SCALE5_LABELS, Item, ItemType, Questionnaire
from pcrm_desktop.services import surveys as S
from pcrm_desktop.services.survey_import import (
    commit_import,
    import_responses,
    plan_import,
    write_report,
)
from pcrm_desktop.services.tabular import read_table
from tests.conftest import SHARED_DATA
from tests.dbutil import rows

SOMERVILLE = SHARED_DATA / "somerville_happiness_survey_2011_2013_2015.csv"
NOW = datetime(2026, 11, 20, 10, 0)
# item code → (Somerville column, 해당없음 allowed); all rated 1–5 in the survey
COLUMNS = {
    "HOUSING": ("The.availability.of.affordable.housing_2011", False),
    "SCHOOLS": (
        "How.would.you.rate.the.following..The.overall.quality.of.public.schools.in.your.community._2011",
        False),
    "BEAUTY": ("How.would.you.rate.the.following..The.beauty.or.physical.setting_2011", False),
    "POLICE": ("How.would.you.rate.the.following..The.effectiveness.of.the.local.police_2011_2013",
               False),
    "BEAUTY13": ("How.would.you.rate.the.following..The.beauty.or.physical.setting.of.Somerville_2013",
                 True),
}
MAPPING = {code: column for code, (column, _) in COLUMNS.items()} | {"submitted_at": "Year"}


@pytest.fixture
def ctx(admin_ctx):
    return replace(admin_ctx, clock=lambda: NOW)


def _scale(code: str, allow_na: bool) -> Item:
    return Item(code, ItemType.SCALE5, f"Somerville {code}", SCALE5_LABELS, allow_na=allow_na)


def _somerville_survey(ctx, code: str, columns: dict) -> None:
    S.create_survey(ctx, code, "HAPPYCALL", linked=False)
    S.edit_survey(ctx, code, Questionnaire("Somerville Happiness Survey",
                                           tuple(_scale(c, na) for c, (_, na) in columns.items())))


def _file() -> tuple[list[str], list[list[str]]]:
    with SOMERVILLE.open(encoding="utf-8", newline="") as handle:
        table = list(csv.reader(handle))
    return table[0], table[1:]


def _expected(columns: dict) -> tuple[dict[int, list], list[tuple[int, dict]], list[int]]:
    """Worked out without the program: a cell is good when empty, a whole number 1–5 written
    as digits, or NA on an item that allows it. Returns the bad cells by row (Excel numbering),
    the good rows in file order with their answers, and the rows with nothing to import."""
    headers, body = _file()
    bad, good, empty = {}, [], []
    for number, record in enumerate(body, start=2):
        answers, problems = {}, []
        for code, (column, allow_na) in columns.items():
            value = record[headers.index(column)]
            if value == "":
                continue
            if value in {"1", "2", "3", "4", "5"}:
                answers[code] = float(value)
            elif value == "NA" and allow_na:
                answers[code] = "NA"
            else:
                problems.append((code, column, value))
        if problems:
            bad[number] = problems
        elif answers:
            good.append((number, answers))
        else:
            empty.append(number)
    return bad, good, empty


def _stored(db_target) -> dict[int, dict]:
    answers: dict[int, dict] = {}
    for response_id, item, number, na in rows(db_target, "SELECT response_id, item, value_num, na"
                                                       " FROM survey_answers"):
        answers.setdefault(response_id, {})[item] = "NA" if na else number
    return answers


def test_somerville_half_points_out_of_range_and_na(ctx, db_target):
    _somerville_survey(ctx, "SOMERVILLE", COLUMNS)
    result, plan = import_responses(ctx, SOMERVILLE, "SOMERVILLE", MAPPING)
    bad, good, empty = _expected(COLUMNS)
    assert len(plan.table.rows) == 6545
    assert (result.imported, result.rejected, result.skipped) == (len(good), len(bad), len(empty))
    assert (result.imported, result.rejected, result.skipped) == (6423, 122, 0)  # as counted here
    assert {r.row for r in plan.rejected} == set(bad)
    half_points = sum(1 for cells in bad.values() for _, _, v in cells if v.endswith(".5"))
    assert half_points > 50 and any(v in ("6", "7", "8", "10", "33", "62") for cells in bad.values()
                                    for _, _, v in cells)  # the file's own faults, both kinds
    for r in plan.rejected:  # every bad cell named with its column, item and value
        assert r.code == "answer_invalid"
        for code, column, value in bad[r.row]:
            assert f"열 '{column}'(문항 {code})의 값 '{value}'" in r.reason
            assert "1~5의 정수만" in r.reason
        assert r.reason.count("열 '") == len(bad[r.row])
    by_item = plan.problems_by_item()
    for code in COLUMNS:
        assert by_item.get(code, {}).get("answer_invalid", 0) == \
            sum(1 for cells in bad.values() for c, _, _ in cells if c == code)
    # Stored exactly as the file has them, response by response in file order (ids 1, 2, …):
    # nothing of a rejected row, 해당없음 apart, dates from the year column.
    stored = _stored(db_target)
    assert stored == {i: answers for i, (_, answers) in enumerate(good, start=1)}
    assert stored[1] == {"BEAUTY13": "NA"}  # row 2, a 2015 answer: only the 2013 item as NA
    headers, body = _file()
    year = {number: body[number - 2][headers.index("Year")] for number, _ in good}
    dates = rows(db_target, "SELECT id, submitted_at, mode, seconds, flags FROM survey_responses ORDER BY id")
    assert len(dates) == 6423
    assert all(at.startswith(f"{year[good[i - 1][0]]}-01-01 00:00:00") and mode == "import"
               and seconds is None for i, at, mode, seconds, _ in dates)
    straight = [i for i, (_, a) in enumerate(good, start=1)
                if len([v for v in a.values() if v != "NA"]) >= 4
                and len({v for v in a.values() if v != "NA"}) == 1]
    assert [i for i, *_, flags in dates if flags == "straight_lined"] == straight
    assert (result.first.isoformat(), result.last.isoformat()) == ("2011-01-01", "2015-01-01")
    assert rows(db_target, "SELECT frozen_at IS NOT NULL FROM survey_versions") == [(1,)]
    audit = rows(db_target, "SELECT actor, target, detail FROM audit_log WHERE action = 'survey.import'")
    assert audit == [("hong", SOMERVILLE.name, "SOMERVILLE v1: 6423건 가져옴, 거부 122행, 빈 행 0행")]


def test_na_where_the_item_has_none_is_rejected(ctx, db_target):
    column = COLUMNS["BEAUTY13"][0]
    _somerville_survey(ctx, "STRICT", {"BEAUTY13": (column, False)})
    result, plan = import_responses(ctx, SOMERVILLE, "STRICT", {"BEAUTY13": column,
                                                                 "submitted_at": "Year"})
    bad, good, _ = _expected({"BEAUTY13": (column, False)})
    assert {r.row for r in plan.rejected} == set(bad)
    na_rows = [r for r in plan.rejected if r.code == "answer_na_not_allowed"]
    assert len(na_rows) == 6352 and (result.imported, result.rejected) == (len(good), len(bad))
    assert na_rows[0].reason == (f"열 '{column}'(문항 BEAUTY13)의 값 'NA'는 해당없음인데, "
                                 "이 문항은 해당없음을 받지 않습니다.")
    assert rows(db_target, "SELECT count(*) FROM survey_answers WHERE na") == [(0,)]
    assert rows(db_target, "SELECT count(*) FROM survey_responses") == [(len(good),)]


def test_every_kind_of_item_from_xlsx(ctx, db_target, tmp_path):
    S.create_survey(ctx, "PAPER", "MINWON", linked=False)
    S.edit_survey(ctx, "PAPER", Questionnaire("종이 설문", (
        Item("OVERALL", ItemType.SCALE5, "전반", SCALE5_LABELS, required=True),
        Item("RECOMMEND", ItemType.RECOMMEND, "추천"),
        Item("CHANNEL", ItemType.MULTI, "경로", ("전화", "방문", "누리집")),
        Item("REVISIT", ItemType.YES_NO, "재방문"),
        Item("SAT", ItemType.MATRIX, "만족", ("대기", "안내"), allow_na=True),
        Item("COMMENT", ItemType.LONG_TEXT, "의견"),
    )))
    book = Workbook()
    sheet = book.active
    sheet.append(["날짜", "전반", "추천", "경로", "재방문", "대기", "안내", "의견"])
    for row in (
        [datetime(2026, 11, 2, 9, 30), 5, 10, "전화; 방문", "예", 4, "9", "주민번호 900101-1234567 적음"],
        ["2026-11-03", 3.5, 11, None, None, None, None, None],      # 3: two bad cells
        ["2026-11-03", None, 12, None, None, None, None, None],     # 4: and OVERALL is required
        ["2026-11-03", None, None, None, None, None, None, None],   # 5: nothing answered
        ["2026-13-01", 4, None, None, None, None, None, None],      # 6: no such date
        ["2099-01-01", 4, None, None, None, None, None, None],      # 7: in the future
        ["2026-11-04", 2, None, "팩스", "몰라", None, None, None],   # 8: not an option, not 예/아니오
        ["2026-11", 1, 0, "누리집", "아니오", "NA", 2, None],       # 9: a month stands for its 1st
    ):
        sheet.append(row)
    path = tmp_path / "종이 설문.xlsx"
    book.save(path)
    mapping = {"OVERALL": "전반", "RECOMMEND": "추천", "CHANNEL": "경로", "REVISIT": "재방문",
               "SAT.대기": "대기", "SAT.안내": "안내", "COMMENT": "의견", "submitted_at": "날짜",
               "na": "9"}
    result, plan = import_responses(ctx, path, "PAPER", mapping)
    assert (result.imported, result.rejected, result.skipped, result.encoding) == (2, 5, 1, "xlsx")
    assert plan.empty == [5]
    reasons = {r.row: r.reason for r in plan.rejected}
    assert reasons[3] == ("열 '전반'(문항 OVERALL)의 값 '3.5'는 받을 수 없습니다. 1~5의 정수만 "
                          "됩니다(반점수·범위 밖 값은 고치지 않음). / 열 '추천'(문항 RECOMMEND)의 값 "
                          "'11'은 받을 수 없습니다. 0~10의 정수만 됩니다(반점수·범위 밖 값은 고치지 않음).")
    assert reasons[4] == ("열 '추천'(문항 RECOMMEND)의 값 '12'는 받을 수 없습니다. 0~10의 정수만 됩니다"
                          "(반점수·범위 밖 값은 고치지 않음). / 열 '전반'(문항 OVERALL)이 비어 "
                          "있습니다. 꼭 답해야 하는 문항입니다.")
    assert reasons[6].startswith("날짜 열: 날짜 형식을 알 수 없습니다: 2026-13-01")
    assert reasons[7] == "날짜 열: 응답 날짜가 올바르지 않습니다(2000년 이후, 오늘 이전): 2099-01-01"
    assert "열 '경로'(문항 CHANNEL)의 값 '팩스'" in reasons[8] and "열 '재방문'(문항 REVISIT)의 값 '몰라'" in reasons[8]
    assert plan.rrn_masked == 1
    write_report(plan, tmp_path / "report.csv")
    report = list(csv.reader((tmp_path / "report.csv").open(encoding="utf-8-sig")))
    assert [(line[0], line[1]) for line in report[1:]] == \
        [("3", "거부"), ("4", "거부"), ("6", "거부"), ("7", "거부"), ("8", "거부"), ("5", "건너뜀")]
    assert report[-1][2] == "연결한 문항 열이 모두 비어 있음"
    stored = rows(db_target, "SELECT r.submitted_at, a.item, a.value_num, a.value_text, a.na"
                           " FROM survey_responses r JOIN survey_answers a ON a.response_id = r.id"
                           " ORDER BY r.id, a.item")
    assert stored == [
        ("2026-11-02 09:30:00.000000", "CHANNEL", None, "전화\n방문", 0),
        ("2026-11-02 09:30:00.000000", "COMMENT", None, "주민번호 900101-1****** 적음", 0),
        ("2026-11-02 09:30:00.000000", "OVERALL", 5.0, None, 0),
        ("2026-11-02 09:30:00.000000", "RECOMMEND", 10.0, None, 0),
        ("2026-11-02 09:30:00.000000", "REVISIT", 1.0, None, 0),
        ("2026-11-02 09:30:00.000000", "SAT.대기", 4.0, None, 0),
        ("2026-11-02 09:30:00.000000", "SAT.안내", None, None, 1),  # "9" marked as 해당없음
        ("2026-11-01 00:00:00.000000", "CHANNEL", None, "누리집", 0),
        ("2026-11-01 00:00:00.000000", "OVERALL", 1.0, None, 0),
        ("2026-11-01 00:00:00.000000", "RECOMMEND", 0.0, None, 0),
        ("2026-11-01 00:00:00.000000", "REVISIT", 0.0, None, 0),
        ("2026-11-01 00:00:00.000000", "SAT.대기", None, None, 1),
        ("2026-11-01 00:00:00.000000", "SAT.안내", 2.0, None, 0),
    ]


def test_a_fixed_date_and_no_date(ctx, db_target, tmp_path):
    S.create_survey(ctx, "FIXED", "HAPPYCALL", linked=False)
    path = tmp_path / "a.csv"
    path.write_text("전반,신속\n5,4\n4,\n", encoding="cp949")
    result, _ = import_responses(ctx, path, "FIXED", {"OVERALL": "전반", "SPEED": "신속",
                                                      "submitted_on": "2026-10-31"})
    assert (result.imported, result.encoding) == (2, "cp949")
    result, _ = import_responses(ctx, path, "FIXED", {"OVERALL": "전반"})  # the import's time
    assert rows(db_target, "SELECT submitted_at FROM survey_responses ORDER BY id") == \
        [("2026-10-31 00:00:00.000000",)] * 2 + [("2026-11-20 10:00:00.000000",)] * 2


WRONG_MAPPINGS = [
    (MAPPING | {"POLICE": "Police.Trust"}, "파일에 없는 열: Police.Trust"),
    (MAPPING | {"PARKS": "Ward"}, "설문 SOMERVILLE v1에 없는 문항 코드: PARKS"),
    ({"submitted_at": "Year"}, "문항 열이 하나도 연결되지 않음"),
    (MAPPING | {"submitted_on": "2015-06-30"}, "submitted_at와 submitted_on 가운데 하나만 씀"),
    ({"HOUSING": COLUMNS["HOUSING"][0], "submitted_on": "30/06/2015"}, "submitted_on는 2026-11-27 형식"),
    ({"HOUSING": COLUMNS["HOUSING"][0], "na": 9}, "na는 해당없음 표시 글자"),
    ({"HOUSING": 3}, "열 이름은 문자열이어야 함"),
]


def test_a_wrong_mapping_stores_nothing(ctx, db_target):
    _somerville_survey(ctx, "SOMERVILLE", COLUMNS)
    table = read_table(SOMERVILLE)
    for mapping, detail in WRONG_MAPPINGS:
        with pytest.raises(ValidationError) as caught:
            plan_import(ctx, table, "SOMERVILLE", mapping)
        assert caught.value.code == "mapping_invalid"
        assert detail in korean_message(caught.value)
    with pytest.raises(ValidationError):  # the whole import, as the command line runs it
        import_responses(ctx, SOMERVILLE, "SOMERVILLE", WRONG_MAPPINGS[0][0])
    assert rows(db_target, "SELECT count(*) FROM survey_responses") == [(0,)]
    assert rows(db_target, "SELECT frozen_at FROM survey_versions") == [(None,)]


def test_a_required_item_left_unmapped_is_a_mapping_error(ctx):
    S.create_survey(ctx, "CALLS", "HAPPYCALL", linked=False)  # OVERALL is required
    with pytest.raises(ValidationError) as caught:
        import_responses(ctx, SOMERVILLE, "CALLS", {"KIND": COLUMNS["HOUSING"][0]})
    assert "꼭 답해야 하는 문항이 연결되지 않음: OVERALL" in korean_message(caught.value)


def test_unknown_survey_and_roles(ctx, db_target):
    with pytest.raises(NotFoundError) as caught:
        import_responses(ctx, SOMERVILLE, "NOSUCH", MAPPING)
    assert korean_message(caught.value) == "설문 NOSUCH를 찾을 수 없습니다."
    _somerville_survey(ctx, "SOMERVILLE", COLUMNS)
    clerk = ctx.as_actor(Actor(None, "kim", "clerk", "민원실"))
    with pytest.raises(PermissionDenied):
        import_responses(clerk, SOMERVILLE, "SOMERVILLE", MAPPING)
    assert rows(db_target, "SELECT count(*) FROM survey_responses") == [(0,)]


def test_an_edit_between_check_and_save_stores_nothing(ctx, db_target):
    _somerville_survey(ctx, "SOMERVILLE", COLUMNS)
    plan = plan_import(ctx, read_table(SOMERVILLE), "SOMERVILLE", MAPPING)
    S.submit(ctx, "SOMERVILLE", "paper", {"HOUSING": 3})  # freezes v1 …
    S.edit_survey(ctx, "SOMERVILLE", Questionnaire("v2", (_scale("HOUSING", False),)))  # … so v2
    with pytest.raises(ConflictError):
        commit_import(ctx, plan)
    assert rows(db_target, "SELECT count(*) FROM survey_responses") == [(1,)]


def test_command_line_json_and_report(capsys, ctx, db_target, tmp_path, monkeypatch):
    monkeypatch.setenv("PCRM_USER", "hong")  # the fixture's admin runs the commands
    _somerville_survey(ctx, "SOMERVILLE", COLUMNS)
    mapping = tmp_path / "mapping.json"
    mapping.write_text(json.dumps(MAPPING), encoding="utf-8")
    report = tmp_path / "report.csv"
    code = main(["import", "responses", str(SOMERVILLE), "--survey", "somerville", "--mapping",
                 str(mapping), "--report", str(report), "--db", db_target, "--json"])
    out = json.loads(capsys.readouterr().out)
    assert code == 0 and out["ok"] is True
    assert (out["imported"], out["rejected"], out["skipped_empty"], out["rows"]) == (6423, 122, 0, 6545)
    assert (out["survey"], out["version"], out["first"], out["last"]) == ("SOMERVILLE", 1, "2011-01-01",
                                                                          "2015-01-01")
    assert out["rejected_by_code"] == {"answer_invalid": 122}
    assert sum(out["problems_by_item"]["BEAUTY"].values()) == 71
    assert [r["row"] for r in out["rejections"]] == sorted(_expected(COLUMNS)[0])
    lines = list(csv.reader(report.open(encoding="utf-8-sig")))
    assert lines[0][:3] == ["행", "결과", "사유"] and len(lines) == 1 + 122
    assert all(line[1] == "거부" and "열 '" in line[2] for line in lines[1:])
    assert rows(db_target, "SELECT count(*) FROM survey_responses") == [(6423,)]


def test_command_line_refusals(capsys, ctx, db_target, tmp_path, monkeypatch):
    monkeypatch.setenv("PCRM_USER", "hong")  # the fixture's admin runs the commands
    mapping = tmp_path / "mapping.json"
    mapping.write_text(json.dumps(MAPPING), encoding="utf-8")
    code = main(["import", "responses", str(SOMERVILLE), "--survey", "NOSUCH", "--mapping",
                 str(mapping), "--db", db_target, "--json"])
    out, err = capsys.readouterr()
    assert code == 1 and json.loads(out)["error"] == "survey_not_found" and "NOSUCH" in err
    code = main(["import", "responses", str(SOMERVILLE), "--mapping", str(mapping), "--db", db_target])
    assert code == 1 and "설문 코드(--survey)를 입력하십시오." in capsys.readouterr().err
    mapping.write_text("{not json", encoding="utf-8")
    code = main(["import", "responses", str(SOMERVILLE), "--survey", "X", "--mapping", str(mapping),
                 "--db", db_target])
    assert code == 1 and "열 연결이 올바르지 않습니다" in capsys.readouterr().err


def test_every_help_prints(capsys):
    """argparse formats help with %: a bare "95%" in any help text used to crash --help."""
    for argv in (["--help"], ["import", "--help"], ["export", "--help"], ["survey", "--help"]):
        with pytest.raises(SystemExit) as done:
            main(argv)
        assert done.value.code == 0
    out = capsys.readouterr().out
    assert "responses: 만족도 응답" in out and "95% 오차" in out
