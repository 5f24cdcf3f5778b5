"""Drafts on disk (issue 18, "what a clerk missed"): masked before they are written, written whole
or not at all, kept apart per database and staff member in this user's profile folder."""
from __future__ import annotations

import json
import os
from datetime import datetime
from pathlib import Path

import pytest

from pcrm_desktop.bootstrap import open_backend
from pcrm_desktop.domain.audit import Actor
from pcrm_desktop.domain.complaints import Action
from pcrm_desktop.domain.drafts import (
    INTAKE,
    NOTE,
    Draft,
    file_name,
    masked,
    parse_name,
    step_key,
    summary,
)
from pcrm_desktop.domain.privacy import PermissionDenied
from pcrm_desktop.domain.text import find_rrns
from pcrm_desktop.services import drafts
from tests.dbutil import rows

RRN = "900101-1234567"
AT = datetime(2026, 3, 12, 10, 15, 30, 123456)


@pytest.fixture(autouse=True)
def profile(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "profile"
    monkeypatch.setenv("PCRM_PROFILE_DIR", str(folder))
    return folder


def test_every_text_at_any_depth_is_masked():
    fields = {"title": f"주민번호 {RRN} 확인", "files": [f"/tmp/{RRN}.pdf"],
              "nested": {"note": f"9001011234567 와 {RRN}"}, "citizen_id": 7, "decided": True}
    done = masked(fields)
    assert done["title"] == "주민번호 900101-1****** 확인"
    assert done["files"] == ["/tmp/900101-1******.pdf"]
    assert find_rrns(json.dumps(done, ensure_ascii=False)) == []
    assert done["citizen_id"] == 7 and done["decided"] is True


def test_a_key_is_never_a_path():
    assert file_name(NOTE, step_key(42, Action.HOLD)) == "note-42_hold.json"
    for bad in ("../x", "a/b", "", "x" * 65, "a.b"):
        with pytest.raises(ValueError):
            file_name(NOTE, bad)
    with pytest.raises(ValueError):
        file_name("other", "1")
    assert parse_name("intake-20260312_ab12cd.json") == ("intake", "20260312_ab12cd")
    assert parse_name(".intake-1.abc.tmp") is None
    assert parse_name("notes.txt") is None


def test_the_summary_is_the_first_words_of_the_title_or_the_note():
    intake = Draft(INTAKE, "k", AT, {"title": "", "content": "골목길   불법주정차\n단속 요청 " * 5})
    assert summary(intake).startswith("골목길 불법주정차 단속 요청")
    assert len(summary(intake)) == 40 and summary(intake).endswith("…")
    assert summary(Draft(NOTE, "3", AT, {"note": "서류 보완"})) == "서류 보완"


def test_a_draft_is_written_masked_to_a_private_file_and_read_back(profile):
    store = drafts.DraftStore(profile / "drafts" / "db1" / "5")
    store.keep(INTAKE, "k1", {"title": "제목", "content": f"주민등록번호 {RRN} 입니다"}, AT)
    path = store.folder / "intake-k1.json"
    text = path.read_text(encoding="utf-8")
    assert RRN not in text and "1234567" not in text and find_rrns(text) == []
    assert "900101-1******" in text
    if os.name == "posix":
        assert path.stat().st_mode & 0o777 == 0o600
        assert store.folder.stat().st_mode & 0o777 == 0o700
    found = store.get(INTAKE, "k1")
    assert found.fields["content"] == "주민등록번호 900101-1****** 입니다"
    assert found.saved_at == AT.replace(microsecond=0)
    assert [f.name for f in store.folder.iterdir()] == ["intake-k1.json"]  # no temporary file


def test_an_edited_file_is_masked_when_read(profile):
    store = drafts.DraftStore(profile / "d")
    store.keep(NOTE, "9", {"note": "x"}, AT)
    path = store.folder / "note-9.json"
    record = json.loads(path.read_text(encoding="utf-8"))
    record["fields"]["note"] = RRN
    path.write_text(json.dumps(record), encoding="utf-8")
    assert store.get(NOTE, "9").fields["note"] == "900101-1******"


def test_a_write_that_fails_midway_leaves_the_earlier_draft_whole(profile, monkeypatch):
    store = drafts.DraftStore(profile / "d")
    store.keep(NOTE, "9", {"note": "처음 쓴 내용"}, AT)

    def power_cut(fd):
        raise OSError(5, "I/O error")
    monkeypatch.setattr(drafts.os, "fsync", power_cut)
    with pytest.raises(OSError):
        store.keep(NOTE, "9", {"note": "나중 내용"}, AT)
    assert store.get(NOTE, "9").fields["note"] == "처음 쓴 내용"
    assert [f.name for f in store.folder.iterdir()] == ["note-9.json"]


def test_the_list_is_newest_first_and_skips_what_is_not_a_draft(profile):
    store = drafts.DraftStore(profile / "d")
    store.keep(INTAKE, "old", {"title": "a"}, datetime(2026, 3, 1, 9, 0))
    store.keep(NOTE, "12_hold", {"note": "b"}, datetime(2026, 3, 2, 9, 0))
    (store.folder / "reply-13.json").write_text("{not json", encoding="utf-8")  # torn by hand
    (store.folder / "readme.txt").write_text("x", encoding="utf-8")
    assert [(d.kind, d.key) for d in store.drafts()] == [(NOTE, "12_hold"), (INTAKE, "old")]
    assert store.drafts()[0].case_id == 12
    store.discard(NOTE, "12_hold")
    store.discard(NOTE, "12_hold")  # twice: nothing to do
    assert [d.key for d in store.drafts()] == ["old"]


def test_the_store_is_this_staff_members_on_this_database(admin_ctx, db_path, tmp_path, profile):
    store = drafts.open_store(admin_ctx)
    database_id = rows(db_path, "SELECT database_id FROM database_identity")[0][0]
    assert store.folder == profile / "drafts" / database_id / str(admin_ctx.actor.staff_id)
    other = open_backend(str(tmp_path / "other.db"))
    try:
        elsewhere = drafts.open_store(other.ctx.as_actor(admin_ctx.actor))
    finally:
        other.close()
    assert elsewhere.folder.parent != store.folder.parent  # another database, another folder
    someone = admin_ctx.as_actor(Actor(admin_ctx.actor.staff_id + 1, "kim", "clerk", "PC-01"))
    assert drafts.open_store(someone).folder.name == str(admin_ctx.actor.staff_id + 1)
    kiosk = admin_ctx.as_actor(Actor(99, "kiosk", "kiosk", "PC-01"))
    with pytest.raises(PermissionDenied):
        drafts.open_store(kiosk)
