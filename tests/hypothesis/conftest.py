"""One set-up office database for the whole folder, copied for each test that needs one (a
fresh migration costs ~0.5 s; a copy, milliseconds). Its clock stands still, so what a test
draws means the same on every run."""
from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

import pytest

from pcrm_desktop.domain.surveys import SCALE5_LABELS, Item, ItemType, Questionnaire
from tests.conftest import ADMIN_PASSWORD

NOW = datetime(2026, 3, 2, 9, 30)
SURVEY, LINKED = "HOSTILE", "LINKED"
# one item of every kind the import maps (a matrix row is MAT.친절)
ITEMS = (
    Item("OVERALL", ItemType.SCALE5, "전반적 만족", SCALE5_LABELS, allow_na=True),
    Item("S7", ItemType.SCALE7, "7점"),
    Item("REC", ItemType.RECOMMEND, "추천"),
    Item("NUM", ItemType.NUMBER, "숫자"),
    Item("YN", ItemType.YES_NO, "예/아니오"),
    Item("DAY", ItemType.DATE, "날짜"),
    Item("ONE", ItemType.SINGLE, "하나", ("민원실", "누리집", "=cmd|' /C calc'!A0"), other_text=True),
    Item("MANY", ItemType.MULTI, "여럿", ("민원실", "누리집", "전화")),
    Item("MAT", ItemType.MATRIX, "행렬", ("친절", "신속")),
    Item("TXT", ItemType.LONG_TEXT, "의견"),
    Item("SHORT", ItemType.SHORT_TEXT, "한 줄", max_length=100),
)


@dataclass
class Office:
    path: Path
    ctx: object       # ServiceContext acting as the first admin, clock at NOW
    backend: object


@pytest.fixture(scope="session")
def office_template(tmp_path_factory) -> Path:
    from pcrm_desktop.bootstrap import open_backend
    from pcrm_desktop.domain.office import OfficeProfile
    from pcrm_desktop.services import surveys
    from pcrm_desktop.services.office import complete_first_run
    path = tmp_path_factory.mktemp("office-template") / "pcrm.db"
    backend = open_backend(str(path))
    try:
        ctx = replace(backend.ctx, clock=lambda: NOW)
        actor = complete_first_run(ctx, OfficeProfile("청운효자동 행정복지센터"), ["민원행정팀", "복지팀"],
                                   "홍길동", "hong", ADMIN_PASSWORD)
        ctx = ctx.as_actor(actor)
        surveys.create_survey(ctx, SURVEY, "HAPPYCALL", linked=False)
        surveys.edit_survey(ctx, SURVEY, Questionnaire("적대적 입력 설문", ITEMS))
        surveys.create_survey(ctx, LINKED, "HAPPYCALL", linked=True)  # call-backs need a linked one
    finally:
        backend.close()
    return path


def _memory_folder(fallback: Path) -> Path:
    """A folder in memory (tmpfs) where there is one: these tests commit thousands of times and
    test what is written, not that it survives a power cut (the crash harness does that), so
    the fsync of every commit (synchronous=FULL) need not wait for a disk. Elsewhere: tmp_path."""
    shm = Path("/dev/shm")
    if shm.is_dir() and os.access(shm, os.W_OK):
        return Path(tempfile.mkdtemp(prefix="pcrm-hypothesis-", dir=shm))
    return fallback


@pytest.fixture
def office(office_template, tmp_path) -> Office:
    from pcrm_desktop.bootstrap import open_backend
    from pcrm_desktop.services.office import actor_for
    folder = _memory_folder(tmp_path)
    path = folder / "pcrm.db"
    source, target = sqlite3.connect(office_template), sqlite3.connect(path)
    try:
        source.backup(target)
    finally:
        source.close()
        target.close()
    backend = open_backend(str(path))
    ctx = replace(backend.ctx, clock=lambda: NOW)
    try:
        yield Office(path, ctx.as_actor(actor_for(ctx, "hong")), backend)
    finally:
        backend.close()
        if folder != tmp_path:
            shutil.rmtree(folder, ignore_errors=True)
