"""민원 use cases on a temporary database: intake, workflow to 종결, extension, transfer,
repeats, holidays moving open cases, queues, merge and the resident's timeline."""
from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest

from pcrm_desktop.domain.citizens import Citizen
from pcrm_desktop.domain.complaint_queues import QueueFilter
from pcrm_desktop.domain.complaints import Action, Channel, Intake, Result
from pcrm_desktop.domain.errors import ConflictError, ValidationError
from pcrm_desktop.services import calendar
from pcrm_desktop.services import citizens as C
from pcrm_desktop.services import complaints as S
from tests.dbutil import rows

NOW = datetime(2026, 12, 1, 10, 0)  # Tuesday


CLOCK = {"now": NOW}


@pytest.fixture
def ctx(admin_ctx):
    CLOCK["now"] = NOW
    return replace(admin_ctx, clock=lambda: CLOCK["now"])


def tick(_ctx, when: datetime) -> None:
    """Move the test clock forward."""
    CLOCK["now"] = when


def category(ctx, name: str) -> int:
    return next(c["id"] for c in S.categories(ctx) if c["name"] == name)


def intake(ctx, title="불법주정차 신고", citizen_id=None, type_code="inquiry", cat="불법주정차",
           received=NOW, **kw) -> Intake:
    return Intake(received, kw.pop("channel", Channel.VISIT), type_code, title, "내용",
                  category(ctx, cat) if cat else None, citizen_id, **kw)


def stored_files(db_kind: str, db_path: Path) -> list[str]:
    """The attachments' stored copies by their SHA-256: files beside a SQLite database, rows of
    attachment_contents on a server (every PC of the office reads them there)."""
    if db_kind == "sqlite":
        folder = db_path.parent / "attachments"
        return sorted(p.name for p in folder.iterdir()) if folder.exists() else []
    return sorted(r[0] for r in rows(db_path, "SELECT sha256 FROM attachment_contents"))


def version(db_path, complaint_id: int) -> int:
    return rows(db_path, "SELECT version FROM complaints WHERE id = ?", complaint_id)[0][0]


def test_intake_numbers_and_due_date(ctx, db_path):
    first = S.receive(ctx, intake(ctx))
    second = S.receive(ctx, intake(ctx, "두 번째"))
    assert (first.receipt_no, second.receipt_no) == ("2026-000001", "2026-000002")
    # 질의민원 7 days from Tue 1 Dec (day 1) → 1, 2, 3, 4, 7, 8, 9 Dec → Wed 9 Dec 18:00
    assert first.deadline.due == datetime(2026, 12, 9, 18, 0)
    stored = rows(db_path, "SELECT status, open, due_at, period_unit, period_amount FROM complaints"
                           " WHERE id = ?", first.complaint_id)
    assert stored == [("received", 1, "2026-12-09 18:00:00.000000", "days", 7)]
    # a case received in a new year starts that year's numbers; numbers are never reused
    tick(ctx, datetime(2027, 1, 4, 9, 0))
    assert S.receive(ctx, intake(ctx, received=datetime(2027, 1, 4, 9, 0))).receipt_no == "2027-000001"
    assert S.receive(ctx, intake(ctx)).receipt_no == "2026-000003"
    assert rows(db_path, "SELECT kind, to_status FROM complaint_events WHERE complaint_id = ?",
                first.complaint_id) == [("received", "received")]
    assert rows(db_path, "SELECT count(*) FROM audit_log WHERE action = 'complaint.add'") == [(4,)]


def test_the_category_period_wins_over_the_type(backend, ctx):
    from sqlalchemy import text
    with backend.migration.engine.begin() as conn:  # an edit outside the app's services
        conn.execute(text("UPDATE complaint_categories SET period_days = 3 WHERE name = '주차'"))
    # 불법주정차 is under 주차: 3 days = 24 working hours from Tue 10:00 → Fri 4 Dec 10:00
    assert S.receive(ctx, intake(ctx)).deadline.due == datetime(2026, 12, 4, 10, 0)
    # 기타민원 in a category without a period: 즉시 = 3 working hours → 14:00 (lunch skipped)
    assert S.receive(ctx, intake(ctx, type_code="other", cat="소음")).deadline.due == \
        datetime(2026, 12, 1, 14, 0)


def test_from_intake_to_closure(ctx, db_path):
    staff_id = ctx.actor.staff_id
    case = S.receive(ctx, intake(ctx)).complaint_id
    steps = [(Action.ASSIGN, dict(assignee_id=staff_id)), (Action.START, {}),
             (Action.NOTICE, dict(note="현장 확인 예정 안내")),
             (Action.COMPLETE, dict(result=Result.ACCEPTED, answer="단속하였습니다.")),
             (Action.CLOSE, {})]
    for action, kw in steps:
        S.act(ctx, case, action, version(db_path, case), **kw)
    row = rows(db_path, "SELECT status, open, result, answer FROM complaints WHERE id = ?", case)
    assert row == [("closed", 0, "accepted", "단속하였습니다.")]
    history = rows(db_path, "SELECT kind, from_status, to_status FROM complaint_events"
                            " WHERE complaint_id = ? ORDER BY id", case)
    assert history == [("received", None, "received"), ("assign", "received", "assigned"),
                       ("start", "assigned", "in_progress"), ("notice", "in_progress", "in_progress"),
                       ("complete", "in_progress", "done"), ("close", "done", "closed")]
    with pytest.raises(ConflictError) as caught:  # nothing after 종결
        S.act(ctx, case, Action.REOPEN, version(db_path, case), note="다시")
    assert caught.value.code == "transition_refused"


def test_stale_version_and_missing_fields(ctx, db_path):
    case = S.receive(ctx, intake(ctx)).complaint_id
    v = version(db_path, case)
    S.act(ctx, case, Action.START, v)
    with pytest.raises(ConflictError) as caught:  # somebody else moved it meanwhile
        S.act(ctx, case, Action.HOLD, v, note="서류 보완")
    assert caught.value.code == "edited_elsewhere"
    with pytest.raises(ValidationError):
        S.act(ctx, case, Action.COMPLETE, version(db_path, case), result=Result.ACCEPTED)  # no answer
    S.act(ctx, case, Action.COMPLETE, version(db_path, case), result=Result.WITHDRAWN)  # 취하
    assert rows(db_path, "SELECT status, result FROM complaints WHERE id = ?", case) == [
        ("done", "withdrawn")]


def test_notices_are_recorded_with_method_and_text(ctx, db_path):
    from pcrm_desktop.domain.complaints import NoticeMethod, notice_text
    case = S.receive(ctx, intake(ctx)).complaint_id
    text = notice_text(Action.NOTICE, office="청운효자동", receipt_no="2026-000001",
                       title="불법주정차 신고", due="2026-12-09(수) 18:00", new_due="", reason="",
                       phone="02-123-4567")
    assert "{" not in text and "2026-12-09(수) 18:00" in text
    S.act(ctx, case, Action.NOTICE, version(db_path, case), notice=(NoticeMethod.SMS, text))
    S.act(ctx, case, Action.EXTEND, version(db_path, case), "현장 확인 필요",
          new_due=datetime(2026, 12, 18, 18, 0), notice=(NoticeMethod.MAIL, "연장 통지문"))
    notes = [r[0] for r in rows(db_path, "SELECT note FROM complaint_events WHERE complaint_id = ?"
                                         " ORDER BY id", case)]
    assert notes[1] == f"[문자 통지] {text}"
    assert notes[2] == "2026-12-18 18:00까지 연장: 현장 확인 필요\n[우편 통지] 연장 통지문"
    with pytest.raises(ValidationError):
        S.act(ctx, case, Action.NOTICE, version(db_path, case), notice=(NoticeMethod.SMS, " "))
    with pytest.raises(ValueError):  # a template field left out is a programming error
        notice_text(Action.NOTICE, office="x")


def test_extension_once(ctx, db_path):
    case = S.receive(ctx, intake(ctx)).complaint_id  # due Wed 9 Dec 18:00
    new_due = datetime(2026, 12, 18, 18, 0)
    S.act(ctx, case, Action.EXTEND, version(db_path, case), "현장 확인 필요", new_due=new_due)
    assert rows(db_path, "SELECT due_at, extended, status FROM complaints WHERE id = ?", case) == [
        ("2026-12-18 18:00:00.000000", 1, "received")]
    with pytest.raises(ConflictError) as caught:
        S.act(ctx, case, Action.EXTEND, version(db_path, case), "또", new_due=datetime(2026, 12, 28, 18, 0))
    assert caught.value.code == "extension_once"
    late = S.receive(ctx, intake(ctx, "늦은 연장")).complaint_id
    tick(ctx, datetime(2026, 12, 10, 9, 0))  # after its due date
    with pytest.raises(ConflictError) as caught:
        S.act(ctx, late, Action.EXTEND, version(db_path, late), "늦음", new_due=new_due)
    assert caught.value.code == "extension_late"


def test_transfer_takes_the_case_out_of_the_clock(ctx, db_path):
    case = S.receive(ctx, intake(ctx)).complaint_id
    S.act(ctx, case, Action.TRANSFER, version(db_path, case), agency="서울특별시청")
    assert rows(db_path, "SELECT status, open, transferred_to, result FROM complaints WHERE id = ?",
                case) == [("transferred", 0, "서울특별시청", "transferred")]
    assert S.queue_counts(ctx)["open"] == 0
    S.act(ctx, case, Action.CLOSE, version(db_path, case))


def test_a_holiday_moves_open_cases_but_not_extended_or_closed_ones(ctx, db_path):
    open_case = S.receive(ctx, intake(ctx, "열린 민원")).complaint_id         # due 9 Dec
    extended = S.receive(ctx, intake(ctx, "연장한 민원")).complaint_id
    S.act(ctx, extended, Action.EXTEND, version(db_path, extended), "사유",
          new_due=datetime(2026, 12, 15, 18, 0))
    done = S.receive(ctx, intake(ctx, "끝난 민원")).complaint_id
    S.act(ctx, done, Action.COMPLETE, version(db_path, done), result=Result.INFORMED, answer="안내")
    calendar.add_holiday(ctx, date(2026, 12, 3), "임시공휴일")
    due = dict(rows(db_path, "SELECT id, due_at FROM complaints"))
    assert due[open_case] == "2026-12-10 18:00:00.000000"  # one working day later
    assert due[extended] == "2026-12-15 18:00:00.000000"   # the notified date stays
    assert due[done] == "2026-12-09 18:00:00.000000"
    assert "열린 민원 1건" in rows(db_path, "SELECT detail FROM audit_log WHERE action = 'holiday.add'")[0][0]
    assert rows(db_path, "SELECT note FROM complaint_events WHERE complaint_id = ? AND kind = 'due_moved'",
                open_case) == [("2026-12-03 임시공휴일 추가: 처리기한 2026-12-09 18:00 → 2026-12-10 18:00",)]
    calendar.remove_holiday(ctx, date(2026, 12, 3))
    assert rows(db_path, "SELECT due_at FROM complaints WHERE id = ?", open_case) == [
        ("2026-12-09 18:00:00.000000",)]


def test_repeats_are_shown_and_linked_by_the_clerk(ctx, db_path):
    person = C.register_citizen(ctx, Citizen(None, "김반복", 1960, phones=("010-3333-4444",))).citizen_id
    first = S.receive(ctx, intake(ctx, "같은 내용", person)).complaint_id
    S.act(ctx, first, Action.COMPLETE, version(db_path, first), result=Result.REJECTED, answer="불가")
    second = S.receive(ctx, intake(ctx, "같은 내용", person))
    assert second.repeats.filings == 2 and not second.repeats.suggest_close
    S.act(ctx, second.complaint_id, Action.COMPLETE, version(db_path, second.complaint_id),
          result=Result.REJECTED, answer="불가")
    third = S.receive(ctx, intake(ctx, "같은 내용", person))
    assert (third.repeats.filings, third.repeats.notices, third.repeats.suggest_close) == (3, 2, True)
    assert rows(db_path, "SELECT status FROM complaints WHERE id = ?", third.complaint_id) == [
        ("received",)]  # suggested, never closed on its own
    S.link_cases(ctx, third.complaint_id, first)
    S.link_cases(ctx, first, third.complaint_id)  # once per pair
    assert [c["id"] for c in S.case(ctx, third.complaint_id)["links"]] == [first]
    # another category is another matter
    assert not S.receive(ctx, intake(ctx, "다른 일", person, cat="소음")).repeats.any


def test_queues_counts_and_paging(ctx, db_path):
    me = ctx.actor.staff_id
    ids = [S.receive(ctx, intake(ctx, f"민원 {n}", received=datetime(2026, 12, 1, 9, n))).complaint_id
           for n in range(7)]
    S.act(ctx, ids[0], Action.ASSIGN, version(db_path, ids[0]), assignee_id=me)
    S.act(ctx, ids[1], Action.COMPLETE, version(db_path, ids[1]), result=Result.INFORMED, answer="안내")
    immediate = S.receive(ctx, intake(ctx, "즉시", type_code="other", cat="소음")).complaint_id
    counts = S.queue_counts(ctx)
    assert counts["mine"] == 1 and counts["open"] == 7 and counts["all"] == 8
    assert counts["unassigned"] == 6 and counts["due_today"] == 1 and counts["overdue"] == 0
    tick(ctx, datetime(2026, 12, 1, 15, 0))  # 즉시 was due at 13:00 → overdue
    assert S.queue_counts(ctx)["overdue"] == 1
    seen, after = [], None
    while True:  # pages of 3, due date order, by key
        page = S.queue(ctx, QueueFilter("open"), after, 3, "due")
        seen += page
        if len(page) < 3:
            break
        after = page[-1].position
    assert [i.id for i in seen][0] == immediate and len(seen) == 7
    assert [i.due_at for i in seen] == sorted(i.due_at for i in seen)
    newest = S.queue(ctx, QueueFilter("all"), None, 100, "received")
    assert [i.received_at for i in newest] == sorted((i.received_at for i in newest), reverse=True)
    by_number = S.queue(ctx, QueueFilter("all", text="2026-00000"), None, 100, "receipt")
    assert len(by_number) == 8 and by_number[0].receipt_no == "2026-000008"
    assert [i.title for i in S.queue(ctx, QueueFilter("all", text="민원 3"))] == ["민원 3"]


def test_merge_moves_complaints_and_the_timeline_shows_them(ctx, db_path):
    keep = C.register_citizen(ctx, Citizen(None, "박병합", 1970, phones=("010-1111-2222",))).citizen_id
    drop = C.register_citizen(ctx, Citizen(None, "박병합", 1970, phones=("010-1111-3333",)),
                              allow_duplicate=True).citizen_id
    case = S.receive(ctx, intake(ctx, "가로등 고장", drop)).complaint_id
    C.merge_citizens(ctx, keep, drop, {})
    assert rows(db_path, "SELECT citizen_id FROM complaints WHERE id = ?", case) == [(keep,)]
    timeline = C.open_profile(ctx, keep).timeline
    events = [item for item in timeline if item.source == "complaint"]
    assert events and all("가로등 고장" in item.summary for item in events)
    names = {name for (name,) in rows(db_path, "SELECT name FROM staff")}
    assert {item.staff for item in events} <= names  # who did it by name, as for consultations


def test_register_is_masked(ctx):
    person = C.register_citizen(ctx, Citizen(None, "홍길동", 1970, phones=("010-5555-6666",))).citizen_id
    S.receive(ctx, intake(ctx, "등록부", person))
    register = S.register(ctx, date(2026, 12, 1), date(2026, 12, 31))
    assert [(r["receipt_no"], r["applicant"]) for r in register] == [("2026-000001", "홍*동")]


def test_demo_cases_are_consistent(backend, db_path):
    from pcrm_desktop.services.demo import DemoRequest, fill_demo
    fill_demo(backend.ctx, DemoRequest(citizens=200, complaints=3000, seed=4))
    bad = rows(db_path, "SELECT count(*) FROM complaints WHERE open <> (status IN"
                        " ('received', 'assigned', 'in_progress', 'on_hold'))"
                        " OR due_at <= received_at"
                        " OR (status IN ('done', 'closed')) <> (done_at IS NOT NULL)"
                        " OR (status IN ('done', 'closed')) <> (result IS NOT NULL)"
                        " OR (channel = 'epeople') <> (epeople_no <> '')")
    assert bad == [(0,)]
    statuses = dict(rows(db_path, "SELECT status, count(*) FROM complaints GROUP BY status"))
    assert statuses["closed"] > statuses.get("in_progress", 0) > 0
    overdue = rows(db_path, "SELECT count(*) FROM complaints WHERE open AND due_at < ?",
                   backend.ctx.clock().isoformat(" ", "microseconds"))[0][0]
    assert 0 < overdue < 3000 * 0.1
    assert rows(db_path, "SELECT count(*) FROM complaint_events e LEFT JOIN complaints c"
                         " ON c.id = e.complaint_id WHERE c.id IS NULL") == [(0,)]


def test_attachments_are_kept_beside_the_database_or_in_the_server(ctx, db_kind, db_path,
                                                                   tmp_path, monkeypatch):
    from pcrm_desktop.services import attachments
    case = S.receive(ctx, intake(ctx)).complaint_id
    photo = tmp_path / "현장사진.jpg"
    photo.write_bytes(b"\xff\xd8" + b"x" * 5000)
    attachments.attach(ctx, case, photo)
    attachments.attach(ctx, case, photo)  # the same file twice: two records, one stored copy
    listed = attachments.attachments(ctx, case)
    assert [(a.name, a.size) for a in listed] == [("현장사진.jpg", 5002)] * 2
    assert stored_files(db_kind, db_path) == [listed[0].sha256]
    copy = attachments.open_copy(ctx, listed[0].id, tmp_path / "view")
    assert copy.name == "현장사진.jpg" and copy.read_bytes() == photo.read_bytes()
    assert rows(db_path, "SELECT count(*) FROM audit_log WHERE action IN"
                         " ('complaint.attach', 'complaint.attachment_open')") == [(3,)]
    monkeypatch.setattr(attachments, "MAX_BYTES", 1000)
    with pytest.raises(ValidationError) as caught:
        attachments.attach(ctx, case, photo)
    assert caught.value.code == "attachment_too_large"
    with pytest.raises(ValidationError):
        attachments.attach(ctx, case, tmp_path / "없는파일.pdf")
    assert len(attachments.attachments(ctx, case)) == 2


def test_a_case_received_with_its_files_commits_them_together(ctx, db_kind, db_path, tmp_path):
    applicant = C.register_citizen(ctx, Citizen(None, "김민원", 1970)).citizen_id
    photo, letter = tmp_path / "현장.jpg", tmp_path / "진정서 800101-1234567.pdf"
    photo.write_bytes(b"\xff\xd8" + b"p" * 3000)
    letter.write_bytes(b"%PDF" + b"l" * 700)
    got = S.receive(ctx, intake(ctx, citizen_id=applicant), [photo, letter])
    assert rows(db_path, "SELECT name, size FROM complaint_attachments WHERE complaint_id = ?"
                         " ORDER BY id", got.complaint_id) == [
        ("현장.jpg", 3002), ("진정서 800101-1xxxxxx.pdf", 704)]
    # the case, then each file, in the access log: one transaction, one chain of entries
    assert rows(db_path, "SELECT action, target, subject_id FROM audit_log WHERE action IN"
                         " ('complaint.add', 'complaint.attach') ORDER BY id") == [
        ("complaint.add", got.receipt_no, applicant),
        ("complaint.attach", str(got.complaint_id), applicant),
        ("complaint.attach", str(got.complaint_id), applicant)]
    assert stored_files(db_kind, db_path) == sorted(
        r[0] for r in rows(db_path, "SELECT sha256 FROM complaint_attachments"))


@pytest.mark.parametrize("problem", ["too large", "missing", "unreadable", "write fails"])
def test_a_file_that_cannot_be_attached_saves_neither_case_nor_file(ctx, db_kind, db_path,
                                                                   tmp_path, monkeypatch, problem):
    from pcrm_desktop.db.complaint_repo import ComplaintRepository
    from pcrm_desktop.services import attachments
    kept = tmp_path / "먼저.jpg"  # stored before by another case: shared, never removed
    kept.write_bytes(b"k" * 100)
    earlier = S.receive(ctx, intake(ctx, "먼저 접수"), [kept])
    files_before = stored_files(db_kind, db_path)
    tables = ("complaints", "complaint_events", "complaint_attachments", "audit_log",
              "receipt_counters")
    before = {t: rows(db_path, f"SELECT count(*) FROM {t}") for t in tables}
    new = tmp_path / "새 파일.jpg"
    new.write_bytes(b"n" * 500)
    files = [kept, new]
    if problem == "too large":
        monkeypatch.setattr(attachments, "MAX_BYTES", 400)
        expected = "attachment_too_large"
    elif problem == "missing":
        files = [kept, tmp_path / "없는파일.pdf"]
        expected = "file_missing"
    elif problem == "unreadable":
        new.chmod(0)
        monkeypatch.setattr(Path, "open", _refusing(Path.open, new))
        expected = PermissionError
    else:  # the database refuses the second file's row after the first was put in place
        real = ComplaintRepository.add_attachment
        calls = []

        def fail_second(self, *args, **kwargs):
            calls.append(args)
            if len(calls) == 2:
                raise OSError("disk full")
            return real(self, *args, **kwargs)
        monkeypatch.setattr(ComplaintRepository, "add_attachment", fail_second)
        files = [new, kept]
        expected = OSError
    with pytest.raises(ValidationError if isinstance(expected, str) else expected) as refused:
        S.receive(ctx, intake(ctx, "첨부가 안 되는 민원"), files)
    if isinstance(expected, str):
        assert refused.value.code == expected
    assert {t: rows(db_path, f"SELECT count(*) FROM {t}") for t in tables} == before
    assert stored_files(db_kind, db_path) == files_before  # no new file, no temporary copy left
    assert S.receive(ctx, intake(ctx, "다음 민원")).receipt_no == "2026-000002"  # number unused
    assert earlier.receipt_no == "2026-000001"


def _refusing(real_open, path):
    def opening(self, *args, **kwargs):
        if self == path:
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(self, *args, **kwargs)
    return opening


def test_review_fixes_extension_limit_reason_and_later_cases(ctx, db_path):
    from pcrm_desktop.domain.complaints import NoticeMethod
    case = S.receive(ctx, intake(ctx)).complaint_id  # 질의 7 days: due Wed 9 Dec 18:00
    with pytest.raises(ValidationError) as caught:   # more than the period once more
        S.act(ctx, case, Action.EXTEND, version(db_path, case), "사유",
              new_due=datetime(2026, 12, 31, 18, 0))
    assert caught.value.code == "extension_too_long"
    S.act(ctx, case, Action.EXTEND, version(db_path, case), "사유",
          new_due=datetime(2026, 12, 18, 18, 0))       # 7 more working days: 18 Dec, allowed
    S.act(ctx, case, Action.START, version(db_path, case))
    with pytest.raises(ValidationError) as caught:   # 보류 needs its reason, a notice is no reason
        S.act(ctx, case, Action.HOLD, version(db_path, case),
              notice=(NoticeMethod.SMS, "통지"))
    assert caught.value.code == "note_required"
    # a case's "earlier cases" are earlier: a later filing of the same matter is not among them
    person = C.register_citizen(ctx, Citizen(None, "최순서", 1980, phones=("010-2222-3333",))).citizen_id
    first = S.receive(ctx, intake(ctx, "첫째", person)).complaint_id
    second = S.receive(ctx, intake(ctx, "둘째", person)).complaint_id
    assert [c.id for c in S.case(ctx, second)["repeats"].earlier] == [first]
    assert S.case(ctx, first)["repeats"].earlier == ()


@pytest.mark.server_only("two PCs on one office's data: the server's case")
def test_a_file_attached_at_one_pc_opens_at_another(ctx, db_target, tmp_path):
    """On a server the bytes are in the database, so a second PC (its own engine, no shared
    folder) opens what the first attached; neither PC keeps a copy of its own."""
    from pcrm_desktop.bootstrap import open_backend
    from pcrm_desktop.services import attachments
    scan = tmp_path / "민원서류.pdf"
    scan.write_bytes(b"%PDF-1.7" + bytes(range(256)) * 40)
    case = S.receive(ctx, intake(ctx), [scan]).complaint_id
    other = open_backend(db_target)
    try:
        second_pc = other.ctx.as_actor(ctx.actor)
        [attached] = attachments.attachments(second_pc, case)
        opened = attachments.open_copy(second_pc, attached.id, tmp_path / "second-pc")
        assert opened.read_bytes() == scan.read_bytes() and opened.name == "민원서류.pdf"
    finally:
        other.close()
    assert other.ctx.files_dir is None and not (tmp_path / "attachments").exists()
