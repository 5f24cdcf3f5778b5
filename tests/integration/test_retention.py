"""보존기간과 파기 on a real temporary database (a file, and a server database): records on both
sides of every cut-off, made through the services at their own (old) dates; the preview says what
the run destroys; on SQLite the destroyed personal data is gone from the file's bytes and from the
-wal file (a server has no file of the app's to read: the same rows are gone); statistics stay;
the ledger and the access log (its chain still verifying) record the run; roles, minimum periods,
and a run that fails half-way (nothing changes)."""
from __future__ import annotations

import argparse
import contextlib
import json
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path

import pytest

from pcrm_desktop.domain.audit import Actor
from pcrm_desktop.domain.audit_details import is_known
from pcrm_desktop.domain.citizens import Address, Citizen
from pcrm_desktop.domain.complaints import Action, Channel, Intake, Result
from pcrm_desktop.domain.errors import ValidationError
from pcrm_desktop.domain.happy_call import Outcome, SamplingRule
from pcrm_desktop.domain.office import OfficeProfile
from pcrm_desktop.domain.privacy import PermissionDenied
from pcrm_desktop.domain.retention import (
    RULES,
    Kind,
    check_months,
    cutoff,
    months_before,
)
from pcrm_desktop.services import (
    attachments,
    citizens,
    complaints,
    happy_calls,
    retention,
)
from pcrm_desktop.services import surveys as S
from pcrm_desktop.services.office import complete_first_run
from tests.conftest import ADMIN_PASSWORD
from tests.dbutil import rows

NOW = datetime(2026, 11, 27, 10, 0)
OLD = datetime(2020, 3, 2, 9, 0)           # before every cut-off (민원: 2021-11-27)
CLOCK = {"now": OLD}

# Distinctive texts of the records that must be destroyed; none may survive in the file.
GONE_NAME, GONE_PHONE = "남궁파기", "010-9753-1864"
GONE_TEXTS = (GONE_NAME, GONE_PHONE, "01097531864", "파기로 77", "파기될민원내용",
              "파기될회신문", "파기될처리메모", "파기될통화메모", "파기될회신요청메모",
              "오래된상담내용", "남궁파기_사진.jpg", "옛동의목적")
KEPT_NAME = "신보존"


def at(when: datetime) -> None:
    CLOCK["now"] = when


def version(db_path, case_id: int) -> int:
    return rows(db_path, "SELECT version FROM complaints WHERE id = ?", case_id)[0][0]


def person(name: str, phone: str, road: str = "서울특별시 종로구 자하문로 92") -> Citizen:
    return Citizen(None, name, 1960, phones=(phone,), address=Address(road, "", "", "청운동"))


def receive_and_close(ctx, db_path, citizen_id, received: datetime, done: datetime,
                      title="가로등 고장", content="", answer="안내", note="", category=None) -> int:
    at(received)
    case = complaints.receive(ctx, Intake(received, Channel.VISIT, "inquiry", title, content,
                                          category, citizen_id)).complaint_id
    at(done)
    complaints.act(ctx, case, Action.COMPLETE, version(db_path, case), note,
                   result=Result.ACCEPTED, answer=answer)
    return case


@pytest.fixture
def backend(empty_db_target, db_path, monkeypatch):
    """The database created in January 2020, its creation and its calendar's seeding logged
    then (the access log is in time order, as in an office that has used the program since).
    On a server too a database nothing has opened yet (a copy of the migrated template would
    bring entries stamped today); tests.dbutil.rows(db_path, …) reads it."""
    from pcrm_desktop import bootstrap
    from tests import dbutil
    if empty_db_target != str(db_path):
        monkeypatch.setitem(dbutil.SERVERS, str(db_path), empty_db_target)
    real, seed = bootstrap._audit_migration, bootstrap.seed_calendar_now
    monkeypatch.setattr(bootstrap, "_audit_migration",
                        lambda ctx, migration: real(replace(ctx, clock=lambda: CLOCK["now"]), migration))
    monkeypatch.setattr(bootstrap, "seed_calendar_now",
                        lambda ctx: seed(replace(ctx, clock=lambda: CLOCK["now"])))
    at(datetime(2020, 1, 6, 8, 0))
    opened = bootstrap.open_backend(empty_db_target)
    yield opened
    opened.close()


@dataclass
class World:
    ctx: object
    gone_citizen: int
    gone_case: int
    kept_citizens: dict
    cases: dict
    attachment: Path


@pytest.fixture
def world(ctx, db_path, tmp_path) -> World:
    """An office set up in 2020 (so the access log's oldest entries come first), then records in
    time order, as a real office would have made them."""
    at(datetime(2020, 1, 6, 9, 0))
    # (a server database has no folder beside it: its attachments go to the test's own folder)
    clocked = replace(ctx, clock=lambda: CLOCK["now"],
                      files_dir=ctx.files_dir or tmp_path / "attachments")
    admin = complete_first_run(clocked, OfficeProfile("청운효자동 행정복지센터"), ["민원행정팀"],
                               "홍길동", "hong", ADMIN_PASSWORD)
    c = clocked.as_actor(admin)
    S.create_survey(c, "CALL", "HAPPYCALL", linked=True)

    # 2020: the resident whose every record is past its period
    at(OLD)
    gone = citizens.register_citizen(c, replace(person(GONE_NAME, GONE_PHONE, "서울특별시 종로구 파기로 77"),
                                                memo="옛 메모")).citizen_id
    citizens.add_interaction(c, gone, Channel.PHONE, "call", "오래된상담내용")
    citizens.add_consent(c, gone, "옛동의목적", "전화번호", 12, "written")
    gone_case = receive_and_close(c, db_path, gone, OLD, datetime(2020, 3, 3, 15),
                                  "파기될민원제목", "파기될민원내용", "파기될회신문", "파기될처리메모")
    photo = tmp_path / "남궁파기_사진.jpg"
    photo.write_bytes(b"ATTACHMENT-SECRET-BYTES" * 100)
    at(datetime(2020, 3, 3, 16))
    attachments.attach(c, gone_case, photo)
    at(datetime(2020, 3, 9, 9))
    happy_calls.sample_week(c, date(2020, 3, 2), SamplingRule(share=1.0))
    call = next(r["id"] for r in happy_calls.queue(c) if r["complaint_id"] == gone_case)
    happy_calls.record_attempt(c, call, Outcome.ANSWERED, "파기될통화메모", survey="CALL",
                               answers={"OVERALL": 1, "SPEED": 2})
    at(datetime(2020, 3, 10, 9))
    callback = S.callbacks(c)[0]["id"]
    S.close_callback(c, callback, "파기될회신요청메모")

    # 2020: residents kept for a reason
    blocked_by_case = citizens.register_citizen(c, person("민원중", "010-3333-0001")).citizen_id
    with_consent = citizens.register_citizen(c, person("동의중", "010-3333-0002")).citizen_id
    citizens.add_consent(c, with_consent, "소식 받기", "전화번호", 120, "written")
    contacted = citizens.register_citizen(c, person("상담중", "010-3333-0003")).citizen_id

    # 2022: a resident changed again in 2025, whose 2022 contact is past its own period
    at(datetime(2022, 2, 7, 9))
    edited = citizens.register_citizen(c, person("수정됨", "010-3333-0004")).citizen_id
    at(datetime(2022, 2, 8, 9))
    citizens.add_interaction(c, edited, Channel.VISIT, "visit", "2022년 상담")

    # 2023: a 민원 finished inside its period keeps its applicant (from 2020) on file
    case_2023 = receive_and_close(c, db_path, blocked_by_case, datetime(2023, 6, 5, 9),
                                  datetime(2023, 6, 7, 9), "2023년 민원")

    # 2024: contact within the resident's period; a happy call and a linked answer past theirs
    at(datetime(2024, 11, 4, 9))
    citizens.add_interaction(c, contacted, Channel.PHONE, "call", "2024년 상담")
    kept = citizens.register_citizen(c, person(KEPT_NAME, "010-4444-0001")).citizen_id
    case_2024 = receive_and_close(c, db_path, kept, datetime(2024, 6, 3, 9),
                                  datetime(2024, 6, 4, 9), "2024년 민원")
    case_2024b = receive_and_close(c, db_path, kept, datetime(2024, 6, 3, 10),
                                   datetime(2024, 6, 4, 10), "2024년 민원 둘")
    at(datetime(2024, 6, 10, 9))
    happy_calls.sample_week(c, date(2024, 6, 3), SamplingRule(share=1.0))
    calls = {r["complaint_id"]: r["id"] for r in happy_calls.queue(c)}
    happy_calls.record_attempt(c, calls[case_2024], Outcome.ANSWERED, survey="CALL",
                               answers={"OVERALL": 5, "SPEED": 5})
    # a low score: the manager's call-back is still open, so this link stays
    happy_calls.record_attempt(c, calls[case_2024b], Outcome.ANSWERED, survey="CALL",
                               answers={"OVERALL": 1, "SPEED": 1})

    at(datetime(2025, 5, 12, 9))
    citizens.update_citizen(c, replace(citizens.citizen_for_edit(c, edited)[0], memo="2025년 변경"))

    # 2026: recent work on every side
    case_2026 = receive_and_close(c, db_path, kept, datetime(2026, 10, 5, 9),
                                  datetime(2026, 10, 6, 9), "2026년 민원")
    at(datetime(2026, 10, 12, 9))
    happy_calls.sample_week(c, date(2026, 10, 5), SamplingRule(share=1.0))
    call = next(r["id"] for r in happy_calls.queue(c) if r["complaint_id"] == case_2026)
    happy_calls.record_attempt(c, call, Outcome.ANSWERED, survey="CALL",
                               answers={"OVERALL": 4, "SPEED": 4})
    at(NOW)
    return World(c, gone, gone_case,
                 {"blocked_by_case": blocked_by_case, "with_consent": with_consent,
                  "contacted": contacted, "edited": edited, "kept": kept},
                 {"2023": case_2023, "2024": case_2024, "2024b": case_2024b, "2026": case_2026},
                 c.files_dir / rows(db_path, "SELECT sha256 FROM complaint_attachments")[0][0])


def statistics(db_path) -> list[tuple]:
    """What the reports count: cases by category, time received (finer than the reports' month),
    channel, type, department, result and timeliness, and the survey answers' sums (none of it
    needs a person)."""
    return rows(db_path, "SELECT category_id, received_at, channel, type_code,"
                         " department_id, status, result, done_at <= due_at, count(*)"
                         " FROM complaints GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8"
                ) + rows(db_path, "SELECT item, count(*), sum(value_num) FROM survey_answers"
                                  " GROUP BY item ORDER BY item")


def file_bytes(db_path: Path, db_kind: str = "sqlite") -> bytes:
    """The SQLite file's and its WAL's bytes; on a server nothing (no file of the app's: the
    rows' absence is checked through SQL there, as on SQLite)."""
    if db_kind != "sqlite":
        return b""
    wal = db_path.with_name(db_path.name + "-wal")
    return db_path.read_bytes() + (wal.read_bytes() if wal.exists() else b"")


def counts(preview) -> dict[Kind, int]:
    return {c.kind: c.count for c in preview}


# --- the whole run ------------------------------------------------------------------------------

def test_preview_then_run_destroys_exactly_that_and_keeps_the_statistics(world, backend, db_path,
                                                                          db_kind):
    ctx = world.ctx
    on_file = db_kind == "sqlite"
    before_stats = statistics(db_path)
    before_bytes = file_bytes(db_path, db_kind)
    for text in GONE_TEXTS + (KEPT_NAME,):  # the search below can find what is there
        assert text.encode() in before_bytes or not on_file, text
    assert world.attachment.is_file()
    assert [r.id for r in citizens.search(ctx, "남궁")] == [world.gone_citizen]
    assert [r.id for r in citizens.search(ctx, "9753")] == [world.gone_citizen]

    preview = retention.preview(ctx)
    assert [c.kind for c in preview] == list(RULES)
    assert counts(preview) == {Kind.COMPLAINT: 1, Kind.CITIZEN: 1, Kind.INTERACTION: 1,
                               Kind.HAPPY_CALL: 2, Kind.SURVEY_LINK: 1,
                               Kind.AUDIT_LOG: counts(preview)[Kind.AUDIT_LOG]}
    assert counts(preview)[Kind.AUDIT_LOG] > 10  # 2020-2023 entries of the set-up and the work
    complaint = next(c for c in preview if c.kind is Kind.COMPLAINT)
    assert complaint.cutoff == date(2021, 11, 27) and complaint.months == 60
    assert complaint.related == {"attachments": 1, "happy_calls": 1, "survey_links": 1}
    assert rows(db_path, "SELECT count(*) FROM destruction_ledger") == [(0,)]  # a preview writes nothing

    steps = []
    result = retention.run(ctx, progress=lambda done, total, text: steps.append((done, total)))
    assert {c.kind: c.count for c in result.done} == counts(preview)
    assert steps[0] == (0, 8) and steps[-1] == (8, 8)
    assert result.files_removed == 1 and result.files_failed == []
    if on_file:
        assert result.compact["vacuumed"] and result.compact["wal_emptied"]
    else:  # nothing for the app to compact on a server (db/retention_repo.compact)
        assert result.compact == {"vacuumed": False, "wal_emptied": True, "server": True,
                                  "seconds": 0.0}

    # the personal data is gone from the file and from the WAL, the attachment file too
    after_bytes = file_bytes(db_path, db_kind)
    for text in GONE_TEXTS:
        assert text.encode() not in after_bytes, text
    assert b"ATTACHMENT-SECRET-BYTES" not in after_bytes
    if on_file:
        assert KEPT_NAME.encode() in after_bytes and b"010-4444-0001" in after_bytes
        wal = db_path.with_name(db_path.name + "-wal")
        assert not wal.exists() or wal.stat().st_size == 0
    assert not world.attachment.exists()

    # the 민원 is still counted, anonymised; its applicant and everything hanging on them gone
    assert statistics(db_path) == before_stats
    assert rows(db_path, "SELECT citizen_id, title, content, answer, road, flags FROM complaints"
                         " WHERE id = ?", world.gone_case) == [(None, "", "", "", "", "anonymised")]
    assert rows(db_path, "SELECT count(*) FROM complaint_events WHERE complaint_id = ? AND note != ''",
                world.gone_case) == [(0,)]
    assert rows(db_path, "SELECT count(*) FROM complaint_events WHERE complaint_id = ?",
                world.gone_case)[0][0] >= 2  # the history's steps and dates stay
    assert rows(db_path, "SELECT count(*) FROM citizens WHERE id = ?", world.gone_citizen) == [(0,)]
    for table in ("citizen_phones", "interactions", "consents", "citizen_groups", "citizen_grams",
                  "survey_links"):
        assert rows(db_path, f"SELECT count(*) FROM {table} WHERE citizen_id = ?",
                    world.gone_citizen) == [(0,)], table
    assert rows(db_path, "SELECT count(*) FROM citizen_fts WHERE rowid = ?", world.gone_citizen) == [(0,)]
    assert rows(db_path, "SELECT count(*) FROM happy_calls WHERE complaint_id = ?", world.gone_case) == [(0,)]
    assert rows(db_path, "SELECT count(*) FROM complaint_attachments") == [(0,)]
    assert rows(db_path, "SELECT complaint_id, note FROM survey_callbacks ORDER BY id")[0] == (None, "")
    assert complaints.queue_counts(ctx)  # the queues still work
    # the search indexes forgot the resident (two syllables: grams; digits: FTS5 trigram)
    assert citizens.search(ctx, "남궁") == [] and citizens.search(ctx, "9753") == []
    assert citizens.search(ctx, "파기로") == []
    assert [r.id for r in citizens.search(ctx, "보존")] == [world.kept_citizens["kept"]]

    # what was kept, and why
    for key in ("blocked_by_case", "with_consent", "contacted", "edited", "kept"):
        assert rows(db_path, "SELECT count(*) FROM citizens WHERE id = ?",
                    world.kept_citizens[key]) == [(1,)], key
    assert rows(db_path, "SELECT summary FROM interactions ORDER BY at") == [("2024년 상담",)]
    assert rows(db_path, "SELECT citizen_id IS NOT NULL FROM complaints WHERE id = ?",
                world.cases["2023"]) == [(1,)]
    assert sorted(r[0] for r in rows(db_path, "SELECT complaint_id FROM happy_calls")) == [
        world.cases["2026"]]
    assert sorted(r[0] for r in rows(db_path, "SELECT complaint_id FROM survey_links")) == [
        world.cases["2024b"], world.cases["2026"]]  # the open call-back holds its link
    assert rows(db_path, "SELECT count(*) FROM survey_responses") == [(4,)]  # answers stay

    # the ledger: one row per kind that lost records, without personal data
    ledger = retention.ledger(ctx)
    assert sorted(e.kind.value for e in ledger) == sorted(k.value for k in Kind)
    assert all(e.actor == "hong" and e.count > 0 and e.method for e in ledger)
    by_kind = {e.kind: e for e in ledger}
    assert by_kind[Kind.COMPLAINT].cutoff == date(2021, 11, 27)
    assert by_kind[Kind.COMPLAINT].detail["span"] == {"from": "2020-03-03", "to": "2020-03-03"}
    assert by_kind[Kind.COMPLAINT].detail["related"]["attachments"] == 1
    assert by_kind[Kind.CITIZEN].detail["related"]["interactions"] == 1
    assert by_kind[Kind.AUDIT_LOG].count == counts(preview)[Kind.AUDIT_LOG]
    assert sorted(result.ledger_ids) == sorted(e.id for e in ledger)

    # the access log: the run's entry has counts only, and the chain still verifies
    [(detail,)] = rows(db_path, "SELECT detail FROM audit_log WHERE action = 'retention.run'")
    assert "complaint 1" in detail and "citizen 1" in detail and GONE_NAME not in detail
    assert is_known("retention.run", detail)  # shown by the kinds' names, in the screen's language
    from pcrm_desktop.db.audit_chain import verify
    with backend.migration.engine.connect() as conn:
        report = verify(conn)
    assert report.ok, report
    assert report.first_id > 1  # the chain now starts after the removed entries
    assert rows(db_path, "SELECT min(at) >= '2023-11-27' FROM audit_log") == [(1,)]
    # entries about the destroyed resident that are still kept have their details emptied
    assert rows(db_path, "SELECT count(*) FROM audit_log WHERE subject_id = ? AND detail != ''",
                world.gone_citizen) == [(0,)]

    # a second run finds nothing and writes no ledger row
    again = retention.run(ctx)
    assert again.total == 0 and again.ledger_ids == []
    assert rows(db_path, "SELECT count(*) FROM destruction_ledger") == [(len(ledger),)]


def test_kept_access_log_entries_about_destroyed_records_lose_their_details(world, backend,
                                                                            db_path, db_kind):
    """With the access log kept longer than the records, its entries about them stay (who did
    what, when) but their details (notes, file names, the merged record) are emptied; each
    detail's digest keeps the chain verifying."""
    ctx = world.ctx
    retention.set_policy(ctx, "audit_log", 120)
    about_case = rows(db_path, "SELECT count(*) FROM audit_log WHERE action LIKE 'complaint.%'"
                               " AND detail LIKE '%파기될%' OR detail LIKE '%남궁파기%'")[0][0]
    assert about_case >= 2  # the completion's note, the attachment's file name
    result = retention.run(ctx)
    assert {c.kind: c.count for c in result.done}[Kind.AUDIT_LOG] == 0
    related = {c.kind: c.related for c in result.done}
    assert related[Kind.COMPLAINT]["audit_details"] >= 3  # add, complete, attach, call-back
    assert related[Kind.CITIZEN]["audit_details"] >= 1    # the consent's purpose
    assert rows(db_path, "SELECT count(*) FROM audit_log WHERE detail LIKE '%파기될%'"
                         " OR detail LIKE '%남궁파기%' OR detail LIKE '%옛동의%'") == [(0,)]
    assert rows(db_path, "SELECT count(*) FROM audit_log WHERE detail = ''"
                         " AND detail_digest IS NOT NULL")[0][0] >= 4
    for text in GONE_TEXTS:
        assert text.encode() not in file_bytes(db_path, db_kind), text
    from pcrm_desktop.db.audit_chain import verify
    with backend.migration.engine.connect() as conn:
        report = verify(conn)
    assert report.ok and report.first_id == 1, report


def test_a_run_that_fails_half_way_changes_nothing(world, db_path, monkeypatch):
    from pcrm_desktop.db.retention_repo import RetentionRepository
    real = RetentionRepository._citizens

    def fail_after(self, cut, now):
        real(self, cut, now)  # the residents are deleted inside the transaction, then it breaks
        raise RuntimeError("disk unplugged")

    monkeypatch.setattr(RetentionRepository, "_citizens", fail_after)
    tables = ("complaints", "citizens", "citizen_phones", "citizen_grams", "interactions",
              "happy_calls", "survey_links", "complaint_attachments", "audit_log",
              "destruction_ledger", "consents")
    before = {t: rows(db_path, f"SELECT * FROM {t}") for t in tables}
    before["chain"] = rows(db_path, "SELECT * FROM audit_chain_base")
    with pytest.raises(RuntimeError):
        retention.run(world.ctx)
    after = {t: rows(db_path, f"SELECT * FROM {t}") for t in tables}
    after["chain"] = rows(db_path, "SELECT * FROM audit_chain_base")
    assert after == before
    assert world.attachment.is_file()
    assert retention.ledger(world.ctx) == []


def test_a_cancel_from_the_progress_callback_changes_nothing(world, db_path):
    class Cancelled(Exception):
        pass

    def progress(done, total, text):
        if done == 3:
            raise Cancelled()

    with pytest.raises(Cancelled):
        retention.run(world.ctx, progress=progress)
    assert rows(db_path, "SELECT count(*) FROM citizens WHERE id = ?", world.gone_citizen) == [(1,)]
    assert counts(retention.preview(world.ctx))[Kind.COMPLAINT] == 1


def test_longer_periods_spare_records_and_a_shorter_one_takes_more(world, db_path):
    ctx = world.ctx
    retention.set_policy(ctx, "complaint", 120)
    retention.set_policy(ctx, Kind.HAPPY_CALL, 36)
    preview = counts(retention.preview(ctx))
    # the 2020 민원 now stays, and so does its applicant; of the happy calls only the 2020 one
    # is past 36 months (it goes under its own period, its 민원 staying)
    assert preview[Kind.COMPLAINT] == 0 and preview[Kind.CITIZEN] == 0
    assert preview[Kind.HAPPY_CALL] == 1
    retention.set_policy(ctx, "complaint", 36)  # 2023-11-27: the 2023 민원 goes too
    preview = counts(retention.preview(ctx))
    assert preview[Kind.COMPLAINT] == 2
    assert preview[Kind.CITIZEN] == 2  # its applicant (registered 2020) is free to go as well
    assert {p.kind: p.months for p in retention.policies(ctx)}[Kind.COMPLAINT] == 36
    assert rows(db_path, "SELECT key, value FROM office_settings WHERE key LIKE 'retention.%'"
                         " ORDER BY key") == [("retention.complaint", "36"),
                                              ("retention.happy_call", "36")]
    assert [d for (d,) in rows(db_path, "SELECT detail FROM audit_log WHERE action = 'retention.policy'"
                                        " ORDER BY id")] == ["60 → 120개월", "12 → 36개월", "120 → 36개월"]


# --- rules and roles ----------------------------------------------------------------------------

def test_periods_under_the_minimum_or_malformed_are_refused(world, backend):
    ctx = world.ctx
    with pytest.raises(ValidationError) as caught:
        retention.set_policy(ctx, "audit_log", 23)
    assert caught.value.code == "retention_below_minimum" and caught.value.params["minimum"] == 24
    with pytest.raises(ValidationError) as caught:
        retention.set_policy(ctx, "audit_log", 601)
    assert caught.value.code == "retention_above_maximum"
    with pytest.raises(ValidationError) as caught:
        retention.set_policy(ctx, "complaint", "오년")
    assert caught.value.code == "retention_months_format"
    with pytest.raises(ValidationError) as caught:
        retention.set_policy(ctx, "backups", 12)
    assert caught.value.code == "retention_kind_unknown" and "audit_log" in caught.value.params["known"]
    retention.set_policy(ctx, "audit_log", 24)
    assert {p.kind: p.months for p in retention.policies(ctx)}[Kind.AUDIT_LOG] == 24
    # a value written into the database by hand under the minimum is raised to it
    from sqlalchemy import text
    with backend.migration.engine.begin() as conn:
        conn.execute(text("UPDATE office_settings SET value = '3'"
                          " WHERE key = 'retention.audit_log'"))
    assert {p.kind: p.months for p in retention.policies(ctx)}[Kind.AUDIT_LOG] == 24


def test_roles(world, db_path):
    def as_role(role: str):
        return world.ctx.as_actor(Actor(None, f"{role}01", role, "민원실"))

    manager, clerk, kiosk = as_role("manager"), as_role("clerk"), as_role("kiosk")
    assert counts(retention.preview(manager))[Kind.COMPLAINT] == 1
    assert retention.ledger(manager) == []
    assert len(retention.policies(clerk)) == len(RULES)
    for ctx, call in ((manager, lambda c: retention.run(c)),
                      (clerk, lambda c: retention.run(c)),
                      (clerk, lambda c: retention.preview(c)),
                      (clerk, lambda c: retention.ledger(c)),
                      (manager, lambda c: retention.set_policy(c, "complaint", 72)),
                      (kiosk, lambda c: retention.policies(c))):
        with pytest.raises(PermissionDenied):
            call(ctx)
    assert rows(db_path, "SELECT count(*) FROM citizens WHERE id = ?", world.gone_citizen) == [(1,)]


def test_domain_dates_and_limits():
    assert months_before(date(2026, 3, 31), 1) == date(2026, 2, 28)
    assert months_before(date(2026, 11, 27), 60) == date(2021, 11, 27)
    assert months_before(date(2024, 2, 29), 12) == date(2023, 2, 28)
    assert cutoff(datetime(2026, 1, 15, 23, 59), 13) == date(2024, 12, 15)
    assert check_months(Kind.AUDIT_LOG, " 24 ") == 24
    with pytest.raises(ValidationError):
        check_months(Kind.AUDIT_LOG, True)
    for rule in RULES.values():
        assert rule.minimum_months <= rule.default_months
        assert len(rule.method) <= 200  # fits the ledger's 방법 column
    assert RULES[Kind.AUDIT_LOG].minimum_months == 24


# --- the command line ---------------------------------------------------------------------------

@pytest.fixture
def cli_session(world, monkeypatch):
    """The handlers run with this test's context instead of signing in (cli.shared.session)."""
    from pcrm_desktop.cli import retention as cli_retention

    @contextlib.contextmanager
    def session(args):
        yield world.ctx
    monkeypatch.setattr(cli_retention, "session", session)
    return world


def _args(**values) -> argparse.Namespace:
    base = {"db": None, "json": True, "what": "run", "dry_run": False, "set": [], "limit": 50}
    base.update(values)
    return argparse.Namespace(**base)


def test_cli_dry_run_then_run_then_ledger(cli_session, db_path, db_kind):
    from pcrm_desktop.cli.retention import cmd_retention
    code, summary, text = cmd_retention(_args(dry_run=True))
    assert code == 0 and summary["dry_run"] is True and summary["ok"] is True
    assert {k["kind"]: k["count"] for k in summary["kinds"]}["complaint"] == 1
    assert "미리보기" in text and "종결 민원" in text
    assert rows(db_path, "SELECT count(*) FROM destruction_ledger") == [(0,)]
    json.dumps(summary, ensure_ascii=False)  # --json prints it

    code, summary, text = cmd_retention(_args())
    assert code == 0 and summary["dry_run"] is False and summary["total"] > 0
    assert summary["compact"]["vacuumed"] is (db_kind == "sqlite")  # a server: nothing to do
    assert len(summary["ledger_ids"]) == 6
    assert "파기 완료" in text
    code, summary, text = cmd_retention(_args(what="ledger"))
    assert code == 0 and len(summary["entries"]) == 6 and "파기 대장" in text
    assert {e["kind"] for e in summary["entries"]} == {k.value for k in Kind}
    json.dumps(summary, ensure_ascii=False)


def test_cli_policy_show_and_set(cli_session, db_path):
    from pcrm_desktop.cli.retention import cmd_retention, retention_parser
    code, summary, text = cmd_retention(_args(what="policy"))
    assert code == 0 and {p["kind"]: p["months"] for p in summary["policies"]}["audit_log"] == 36
    assert "접속기록" in text and "36개월" in text
    code, summary, _ = cmd_retention(_args(what="policy", set=["complaint=72", "audit_log=24"]))
    assert code == 0 and summary["changed"] == ["complaint", "audit_log"]
    assert {p["kind"]: p["months"] for p in summary["policies"]}["complaint"] == 72
    with pytest.raises(ValidationError) as caught:
        cmd_retention(_args(what="policy", set=["audit_log=12"]))
    assert caught.value.code == "retention_below_minimum"
    with pytest.raises(ValidationError) as caught:
        cmd_retention(_args(what="policy", set=["complaint"]))
    assert caught.value.code == "retention_months_format"
    # the parser pcrm_desktop/cli/__init__.py wires in
    parser = argparse.ArgumentParser()
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db")
    common.add_argument("--json", action="store_true")
    retention_parser(parser.add_subparsers(dest="command"), common)
    args = parser.parse_args(["retention", "run", "--dry-run", "--json", "--db", "x.db"])
    assert (args.what, args.dry_run, args.json, args.db) == ("run", True, True, "x.db")
    args = parser.parse_args(["retention", "policy", "--set", "complaint=72", "--set", "citizen=48"])
    assert args.set == ["complaint=72", "citizen=48"]


def test_the_real_command_signs_in_and_refuses_a_clerk(world, db_path, empty_db_target, capsys,
                                                       monkeypatch):
    """Through `pcrm` itself (its own sign-in, today's clock): the admin previews; a clerk's
    run is refused by the service and nothing is destroyed."""
    from pcrm_desktop.cli import main
    from pcrm_desktop.services import accounts, office
    monkeypatch.setenv("PCRM_USER", "hong")
    code = main(["retention", "run", "--dry-run", "--json", "--db", empty_db_target])
    summary = json.loads(capsys.readouterr().out)
    assert code == 0 and summary["dry_run"] and len(summary["kinds"]) == 6
    office.add_staff(world.ctx, "김민원", "kim", "clerk", temporary_password="Temp#Pass2026")
    signed = accounts.sign_in(world.ctx, "kim", "Temp#Pass2026")
    accounts.change_password(world.ctx.as_actor(signed.actor), "Temp#Pass2026",
                             ADMIN_PASSWORD, ADMIN_PASSWORD)
    monkeypatch.setenv("PCRM_USER", "kim")
    code = main(["retention", "run", "--json", "--db", empty_db_target])
    assert code == 1 and json.loads(capsys.readouterr().out)["error"] == "forbidden"
    assert rows(db_path, "SELECT count(*) FROM destruction_ledger") == [(0,)]


def test_a_destroyed_residents_call_back_notes_go_and_an_open_call_back_keeps_them(ctx, db_path,
                                                                                    db_kind):
    """A low answer linked to a resident alone leaves a call-back: when the resident is past
    their period, a finished call-back's note goes with them (table and access log); a
    resident still owed a call-back is kept."""
    at(datetime(2020, 1, 6, 9, 0))
    c = replace(ctx, clock=lambda: CLOCK["now"])
    c = c.as_actor(complete_first_run(c, OfficeProfile("청운효자동 행정복지센터"), ["민원행정팀"],
                                      "홍길동", "hong", ADMIN_PASSWORD))
    S.create_survey(c, "DESK", "COUNTER", linked=True)
    at(datetime(2020, 2, 3, 10))
    done_person = citizens.register_citizen(
        c, person("남궁회신", "010-2222-3333", "서울특별시 종로구 삼청로 9")).citizen_id
    owed_person = citizens.register_citizen(
        c, person("선우대기", "010-2222-4444", "서울특별시 종로구 북촌로 31")).citizen_id
    for who in (done_person, owed_person):
        S.submit(c, "DESK", "paper", {"OVERALL": 1}, citizen_id=who)
    first, second = sorted(b["id"] for b in S.callbacks(c))
    at(datetime(2020, 2, 4, 10))
    S.close_callback(c, first, "남궁회신님 010-2222-3333 으로 통화, 이웃 소음 불만")
    at(NOW)
    retention.run(c)
    assert [r[0] for r in rows(db_path, "SELECT id FROM citizens")] == [owed_person]
    assert rows(db_path, "SELECT id, note FROM survey_callbacks ORDER BY id") == [
        (first, ""), (second, "")]
    assert rows(db_path, "SELECT count(*) FROM survey_links WHERE citizen_id = ?",
                owed_person) == [(1,)]
    assert b"\xec\x9d\xb4\xec\x9b\x83 \xec\x86\x8c\xec\x9d\x8c" not in file_bytes(db_path, db_kind)  # 이웃 소음
    assert "이웃 소음" not in str(rows(db_path, "SELECT detail FROM audit_log"))
