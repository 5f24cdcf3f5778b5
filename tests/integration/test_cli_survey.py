"""`pcrm survey summary` prints what the README promises: 민원만족도, top-2-box, 요소만족도 and
종합 CS 지수 with n and 95 % ranges, and a line per item, as text and in `--json`; and
`--population` is checked against the response count the summary reports (issue 18)."""
from __future__ import annotations

import json
from dataclasses import replace
from datetime import datetime

import pytest

from pcrm_desktop.cli import main
from pcrm_desktop.domain.surveys import NA
from pcrm_desktop.services import surveys as S

NOW = datetime(2026, 11, 20, 10, 0)
PERIOD = ["--from", "2026-11-01", "--to", "2026-11-30"]


@pytest.fixture
def ctx(admin_ctx):
    return replace(admin_ctx, clock=lambda: NOW)


def summary(capsys, db_target, *more: str) -> tuple[int, str, str]:
    code = main(["survey", "summary", "--db", db_target, "--user", "hong", "--survey",
                 "MINWON", *PERIOD, *more])
    out, err = capsys.readouterr()
    return code, out, err


def _sixty(ctx) -> None:
    """60 answers: OVERALL 30 × 5 and 30 × 3 (75 points, top-2-box 50 %); ACCESS 4, 5, 4, 5 …
    (87.5); KIND 40 × 4 (75) and 20 × 해당없음; EXPERT 25 answers only (suppressed);
    RECOMMEND 30 × 10, 30 × 6 (80 points)."""
    S.create_survey(ctx, "MINWON", "MINWON", linked=False)
    for n in range(60):
        answers = {"OVERALL": 5 if n < 30 else 3, "ACCESS": 4 + n % 2,
                   "KIND": 4 if n < 40 else NA, "RECOMMEND": 10 if n < 30 else 6}
        if n < 25:
            answers["EXPERT"] = 2
        S.submit(ctx, "MINWON", "kiosk", answers, seconds=120)


def test_the_text_has_every_index_with_n_and_range(capsys, ctx, db_target):
    _sixty(ctx)
    result = S.summary(ctx, "MINWON", NOW.date().replace(day=1), NOW.date().replace(day=30))
    access, kind = result.items["ACCESS"], result.items["KIND"]
    elements_low, elements_high = (access.low + kind.low) / 2, (access.high + kind.high) / 2
    code, out, _ = summary(capsys, db_target)
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "MINWON 2026-11-01~2026-11-30: 응답 60건 (키오스크 60)"

    def line(start: str) -> str:
        return next(text.strip() for text in lines if text.strip().startswith(start))
    assert line("민원만족도").endswith(": 75.0 (95% "
                                     f"{result.overall.low:.1f}–{result.overall.high:.1f}, n=60)")
    assert line("만족 비율 (전반적 만족 4·5점)").split(": ")[1].startswith("50.0% (95% ")
    assert line("만족 비율 (전반적 만족 4·5점)").endswith(", n=60)")
    # 요소만족도 (ACCESS 87.5, KIND 75; EXPERT hidden) with the thinnest n (KIND's 40): 참고
    assert line("요소만족도").endswith(
        f": 81.2 (95% {elements_low:.1f}–{elements_high:.1f}, n=40) 참고")
    # 0.3 × 75 + 0.5 × 81.25 + 0.2 × 80 = 79.125
    cs_low = 0.3 * result.overall.low + 0.5 * elements_low + 0.2 * result.recommend.low
    assert f": 79.1 (95% {cs_low:.1f}–" in line("종합 CS 지수")
    assert line("종합 CS 지수").endswith(", n=40) 참고")
    assert line("추천 의향").startswith("추천 의향 (0–10 → 100점): 80.0 (95% ")
    assert line("NPS").startswith("NPS (9–10점 % − 0–6점 %): 0.0 (95% ")
    # one line per scale item, in the questionnaire's order, with its top-2-box and 해당없음
    assert line("ACCESS") == (f"ACCESS 안내·찾기 쉬움: 87.5 (95% {access.low:.1f}–{access.high:.1f},"
                              " n=60) · 만족 비율 100.0%")
    assert line("KIND") == "KIND 친절: 75.0 (95% 75.0–75.0, n=40) 참고 · 만족 비율 100.0% · 해당없음 20"
    assert line("EXPERT") == "EXPERT 전문성·설명: 표시 안 함 (n=25 < 30)"
    items = [text.split()[0] for text in lines if text.startswith("    ")]
    assert items == ["ACCESS", "KIND", "EXPERT", "SPEED", "RESULT", "OVERALL"]


def test_json_gives_the_composites_n_and_range(capsys, ctx, db_target):
    _sixty(ctx)
    code, out, _ = summary(capsys, db_target, "--json")
    figures = json.loads(out)
    assert code == 0
    elements, cs = figures["elements"], figures["cs_index"]
    assert (elements["value"], elements["n"], elements["visibility"]) == (81.2, 40, "reference")
    assert elements["low"] < 81.25 < elements["high"]
    assert (cs["value"], cs["n"], cs["visibility"]) == (79.1, 40, "reference")
    assert cs["low"] < 79.125 < cs["high"]
    assert figures["items_top_two"]["ACCESS"]["value"] == 100.0
    assert figures["overall_top_two"]["value"] == 50.0 and figures["overall_top_two"]["n"] == 60


def test_population_is_checked_against_the_responses_the_summary_counts(capsys, ctx, db_target):
    """40 responses; no item was answered by all of them but OVERALL (ACCESS by 36 only). A
    frame of 38 is smaller than the 40 responses: refused, naming 40 — the count the summary
    prints — not an item's 36; a frame of 40 (a census) is taken, and leaves no sampling error."""
    S.create_survey(ctx, "MINWON", "MINWON", linked=False)
    for n in range(40):
        answers = {"OVERALL": 5 if n % 2 else 3}
        if n < 36:
            answers["ACCESS"] = 4 if n % 3 else 5
        S.submit(ctx, "MINWON", "paper", answers, seconds=120)
    for frame in ("35", "38"):
        code, _, err = summary(capsys, db_target, "--population", frame)
        assert code == 1 and f"표본틀 크기({frame})가 응답 수(40)보다 작습니다." in err
    code, out, _ = summary(capsys, db_target)
    assert code == 0 and "응답 40건" in out.splitlines()[0]
    code, out, _ = summary(capsys, db_target, "--population", "40", "--json")
    census = json.loads(out)["overall"]
    assert code == 0 and census["low"] == census["value"] == census["high"]
    with pytest.raises(SystemExit) as usage:  # a usage error: exit 2, nothing opened
        summary(capsys, db_target, "--population", "-1")
    assert usage.value.code == 2 and "0 이상의 정수" in capsys.readouterr().err
