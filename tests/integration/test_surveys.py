"""만족도 조사 on a temporary database: versions that never relabel an answer, the anonymous
lock, the kiosk role, and a summary checked against hand-worked figures."""
from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import pytest

from pcrm_desktop.domain.audit import Actor
from pcrm_desktop.domain.errors import ConflictError, ValidationError
from pcrm_desktop.domain.privacy import PermissionDenied
from pcrm_desktop.domain.surveys import NA, TEMPLATES, Item, ItemType, Questionnaire
from pcrm_desktop.services import surveys as S
from tests.dbutil import rows

NOW = datetime(2026, 11, 20, 10, 0)


@pytest.fixture
def ctx(admin_ctx):
    return replace(admin_ctx, clock=lambda: NOW)


def test_versions_never_relabel_an_answer(ctx, db_target):
    S.create_survey(ctx, "minwon", "MINWON", linked=False)
    edited = Questionnaire("민원 만족도 (고침)", TEMPLATES["MINWON"].items[:-1])
    assert S.edit_survey(ctx, "MINWON", edited) == 1  # nobody answered yet: in place
    S.submit(ctx, "MINWON", "kiosk", {"OVERALL": 5, "KIND": 4})
    renamed = Questionnaire("민원 만족도 v2", (
        Item("OVERALL", ItemType.SCALE5, "전반적으로 만족하십니까? (문구 수정)",
             TEMPLATES["MINWON"].item("OVERALL").options, required=True),))
    assert S.edit_survey(ctx, "MINWON", renamed) == 2  # answered: a new version
    versions = rows(db_target, "SELECT version, frozen_at IS NOT NULL, definition FROM survey_versions"
                               " ORDER BY version")
    assert [(v, frozen) for v, frozen, _ in versions] == [(1, 1), (2, 0)]
    assert "민원 만족도 (고침)" in versions[0][2]  # the answered version is kept as answered
    answers = rows(db_target, "SELECT r.version_id, a.item, a.value_num FROM survey_answers a"
                            " JOIN survey_responses r ON r.id = a.response_id ORDER BY a.item")
    assert answers == [(1, "KIND", 4.0), (1, "OVERALL", 5.0)]
    assert S.submit(ctx, "MINWON", "paper", {"OVERALL": 3}).version == 2


def test_anonymous_and_linked(ctx):
    S.create_survey(ctx, "ANON", "HAPPYCALL", linked=False)
    with pytest.raises(ConflictError) as caught:
        S.submit(ctx, "ANON", "phone", {"OVERALL": 4}, citizen_id=1)
    assert caught.value.code == "survey_anonymous"
    S.submit(ctx, "ANON", "phone", {"OVERALL": 4})
    with pytest.raises(ConflictError):  # answered once: it stays anonymous
        S.edit_survey(ctx, "ANON", TEMPLATES["HAPPYCALL"], linked=True)
    S.create_survey(ctx, "CALLS", "HAPPYCALL", linked=True)
    kiosk = ctx.as_actor(Actor(None, "kiosk", "kiosk", "민원실"))
    S.submit(kiosk, "CALLS", "kiosk", {"OVERALL": 5})  # the kiosk may answer …
    with pytest.raises(PermissionDenied):
        S.submit(kiosk, "CALLS", "kiosk", {"OVERALL": 5}, citizen_id=1)  # … never link
    with pytest.raises(PermissionDenied):
        S.summary(kiosk, "CALLS", date(2026, 11, 1), date(2026, 11, 30))
    with pytest.raises(ValidationError):
        S.submit(ctx, "CALLS", "mail", {"OVERALL": 5})


def test_summary_by_hand(ctx):
    S.create_survey(ctx, "MINWON", "MINWON", linked=False)
    # 40 responses: OVERALL 20 × 5 and 20 × 3 → mean 4 → 75 points, top-2-box 50 %;
    # KIND 20 × 4, 10 × NA → 75 points on n 20 (NA out); ACCESS 40 × 5 → 100;
    # RECOMMEND 20 × 10, 20 × 5 → mean 7.5 → 75; NPS 50 − 50 = 0.
    for n in range(40):
        answers = {"OVERALL": 5 if n < 20 else 3, "ACCESS": 5,
                   "RECOMMEND": 10 if n < 20 else 5}
        if n < 20:
            answers["KIND"] = 4
        elif n < 30:
            answers["KIND"] = NA
        S.submit(ctx, "MINWON", "kiosk" if n % 2 else "paper", answers, seconds=120)
    result = S.summary(ctx, "MINWON", date(2026, 11, 1), date(2026, 11, 30))
    assert result.responses == 40 and result.by_mode == {"paper": 20, "kiosk": 20}
    assert result.overall.value == pytest.approx(75.0) and result.overall.n == 40
    assert result.overall.visibility == "reference"  # 30–49: 참고
    assert result.overall_top_two.value == pytest.approx(50.0)
    kind = result.items["KIND"]
    assert (kind.value, kind.n, kind.not_applicable) == (pytest.approx(75.0), 20, 10)
    assert not kind.shown  # n 20 < 30: suppressed
    # 요소만족도: ACCESS 100 only — KIND (n 20) is suppressed and must not leak into the mean;
    # the other elements were not asked
    assert result.elements == pytest.approx(100.0)
    assert result.recommend.value == pytest.approx(75.0) and result.nps.value == pytest.approx(0.0)
    # 종합 = 0.3 × 75 + 0.5 × 100 + 0.2 × 75 = 22.5 + 50 + 15 = 87.5
    assert result.cs_index == pytest.approx(87.5)
    assert S.summary(ctx, "MINWON", date(2026, 10, 1), date(2026, 10, 31)).responses == 0


def test_survey_summary_command(capsys, tmp_path):
    import json

    from pcrm_desktop.cli import main
    db = tmp_path / "s.db"
    assert main(["demo", "--db", str(db), "--citizens", "50", "--complaints", "300",
                 "--responses", "600", "--seed", "2"]) == 0
    capsys.readouterr()
    code = main(["survey", "summary", "--db", str(db), "--survey", "COUNTER", "--from",
                 "2020-01-01", "--to", "2030-12-31", "--json"])
    out = json.loads(capsys.readouterr().out)
    kiosk_and_paper = rows(db, "SELECT count(*) FROM survey_responses WHERE mode IN ('kiosk', 'paper')")[0][0]
    assert code == 0 and out["responses"] == kiosk_and_paper
    assert 0 < out["overall"]["value"] <= 100 and out["overall"]["n"] <= out["responses"]
    assert out["overall"]["low"] < out["overall"]["value"] < out["overall"]["high"]
    assert rows(db, "SELECT count(*) FROM survey_links l JOIN survey_responses r"
                    " ON r.id = l.response_id WHERE r.mode <> 'phone'") == [(0,)]  # only calls link
    # the demo's phone answers came from happy calls on cases closed in the 14 days before
    calls = main(["survey", "summary", "--db", str(db), "--survey", "HAPPYCALL", "--from",
                  "2020-01-01", "--to", "2030-12-31", "--json"])
    phone = json.loads(capsys.readouterr().out)["phone"]
    linked = rows(db, "SELECT count(*) FROM survey_links")[0][0]
    assert calls == 0 and phone["completed"] == linked > 0
    assert phone["attempted"] == rows(db, "SELECT count(*) FROM happy_calls")[0][0] > linked
    assert phone["reached"] == rows(db, "SELECT count(*) FROM happy_calls"
                                        " WHERE last_outcome IN ('answered', 'refused')")[0][0]
    gaps = rows(db, "SELECT min(julianday(r.submitted_at) - julianday(c.done_at)),"
                    " max(julianday(r.submitted_at) - julianday(c.done_at)) FROM survey_links l"
                    " JOIN survey_responses r ON r.id = l.response_id"
                    " JOIN complaints c ON c.id = l.complaint_id")[0]
    assert gaps[0] >= 0 and gaps[1] <= 14
    assert rows(db, "SELECT count(*) FROM survey_links l JOIN complaints c ON c.id = l.complaint_id"
                    " WHERE l.citizen_id IS NOT c.citizen_id") == [(0,)]
    code = main(["survey", "summary", "--db", str(db), "--survey", "NOPE", "--from",
                 "2026-01-01", "--to", "2026-01-31"])
    assert code == 1 and "찾을 수 없습니다" in capsys.readouterr().err
