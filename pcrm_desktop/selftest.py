"""`pcrm self-test` / `pcrm-desktop --self-test`: does this installed program work on this PC?

Run after an installation (or by CI on the built bundle) it exercises the parts a bundle can
lose: the migrations and the SQLite build, the holiday data of the `holidays` package, the
Korean TrueType font (embedded in a PDF and drawn by Qt), the PDF engine, the Qt platform
plugin and the compiled translations. Everything happens in a temporary folder that is removed
afterwards; the office's database is never opened. Each check runs even when another failed
(the two that need the database say they were skipped), so one failure does not hide the
others. Korean report, exit code 0 only when every check passed.
"""
from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from pcrm_desktop import __version__

SAMPLE_NAME = "김하늘"          # the resident written and found again by a two-syllable search
PDF_LINE = "한글 자가진단: 민원 처리기한 확인"
PASSWORD = "Self#test2026!"


@dataclass(frozen=True)
class Check:
    name: str
    ok: bool
    detail: str
    ms: float


@dataclass(frozen=True)
class Report:
    checks: tuple[Check, ...]

    @property
    def ok(self) -> bool:
        return all(check.ok for check in self.checks)

    def text(self) -> str:
        lines = [f"PCRM Desktop {__version__} 자가진단 ({_where()})"]
        for check in self.checks:
            mark = "정상" if check.ok else "실패"
            lines.append(f"[{mark}] {check.name}: {check.detail} ({check.ms:.0f} ms)")
        lines.append("결과: 모두 정상" if self.ok else
                     f"결과: {sum(not c.ok for c in self.checks)}개 항목 실패")
        return "\n".join(lines)

    def as_dict(self) -> dict:
        return {"ok": self.ok, "version": __version__, "frozen": bool(getattr(sys, "frozen", False)),
                "checks": [{"name": c.name, "ok": c.ok, "detail": c.detail, "ms": round(c.ms, 1)}
                           for c in self.checks]}


def _where() -> str:
    return "설치본" if getattr(sys, "frozen", False) else "소스"


def run() -> Report:
    """Every check, in a temporary folder removed afterwards."""
    # a file still held open (an antivirus scanning the PDF) must not turn the report into a crash
    with tempfile.TemporaryDirectory(prefix="pcrm-selftest-", ignore_cleanup_errors=True) as folder:
        work = Path(folder)
        state: dict = {}
        # the access log's key and witnesses of the temporary database stay in the folder too
        from pcrm_desktop.config import ENV_PROFILE_DIR
        profile = os.environ.get(ENV_PROFILE_DIR)
        os.environ[ENV_PROFILE_DIR] = str(work / "profile")
        steps: list[tuple[str, Callable[[], str]]] = [
            ("데이터베이스", lambda: _database(work, state)),
            ("기록 쓰기·읽기", lambda: _record(state)),
            ("처리기한·공휴일", lambda: _deadline(state)),
            ("PDF·한글 글꼴", lambda: _pdf(work)),
            ("화면(Qt)·번역", _qt),
        ]
        try:
            checks = [_timed(name, step) for name, step in steps]
        finally:
            if profile is None:
                os.environ.pop(ENV_PROFILE_DIR, None)
            else:
                os.environ[ENV_PROFILE_DIR] = profile
        if "backend" in state:
            state["backend"].close()
    return Report(tuple(checks))


class Skipped(Exception):
    """A check that needs the database, when the database check failed."""


def _signed_in(state: dict):
    if "ctx" not in state:
        raise Skipped
    return state["ctx"]


def _timed(name: str, step: Callable[[], str]) -> Check:
    started = time.perf_counter()
    try:
        detail, ok = step(), True
    except Skipped:
        detail, ok = "건너뜀: 데이터베이스 점검이 실패했습니다", False
    except Exception as error:  # noqa: BLE001 - a self-test reports every failure and goes on
        detail, ok = f"{type(error).__name__}: {error}", False
    return Check(name, ok, detail, (time.perf_counter() - started) * 1000)


def _database(work: Path, state: dict) -> str:
    from pcrm_desktop.bootstrap import open_backend
    from pcrm_desktop.db.migrate import HEAD_REVISION
    from pcrm_desktop.domain.office import OfficeProfile
    from pcrm_desktop.services.office import complete_first_run
    backend = open_backend(str(work / "selftest.db"))
    state["backend"] = backend
    revision = backend.migration.to_revision
    if revision != HEAD_REVISION:
        raise AssertionError(f"스키마 {revision}, 기대 {HEAD_REVISION}")
    actor = complete_first_run(backend.ctx, OfficeProfile("자가진단 행정복지센터"), ["민원행정팀"],
                               "자가진단", "selftest", PASSWORD)
    state["ctx"] = backend.ctx.as_actor(actor)
    import sqlite3
    return f"새 파일에 마이그레이션 {revision}까지 적용 (SQLite {sqlite3.sqlite_version})"


def _record(state: dict) -> str:
    from pcrm_desktop.domain.citizens import Citizen
    from pcrm_desktop.services import citizens
    from pcrm_desktop.services.audit_trail import verify_chain
    ctx = _signed_in(state)
    registered = citizens.register_citizen(ctx, Citizen(None, SAMPLE_NAME, birth_year=1980,
                                                        phones=("010-1234-5678",)))
    found = citizens.search(ctx, SAMPLE_NAME[1:])  # a two-syllable fragment, the hard case
    if [item.id for item in found] != [registered.citizen_id]:
        raise AssertionError(f"'{SAMPLE_NAME[1:]}'(으)로 찾은 주민 {len(found)}명")
    profile = citizens.open_profile(ctx, registered.citizen_id)
    if profile.name == SAMPLE_NAME or profile.name[0] != SAMPLE_NAME[0]:
        raise AssertionError(f"프로필 이름 {profile.name!r}: 가려진 '{SAMPLE_NAME}'이어야 합니다")
    chain = verify_chain(ctx, record=False)
    if not chain.ok:
        raise AssertionError(f"접속기록 연결 깨짐: {chain}")
    return f"주민 1명 등록, 두 글자 검색으로 찾음 ({found[0].name}), 접속기록 {chain.checked}건 확인"


def _deadline(state: dict) -> str:
    from pcrm_desktop.domain.deadlines import Period
    from pcrm_desktop.services import calendar
    # 2026 추석 (9월 24–26일) falls inside a 3-day period received the day before
    result = calendar.deadline(_signed_in(state), datetime(2026, 9, 23, 10, 0), Period.of_days(3))
    skipped = [step for step in result.explanation() if "추석" in step]
    if not skipped or result.due.date().isoformat() != "2026-09-30":
        raise AssertionError(f"기한 {result.due:%Y-%m-%d %H:%M}, 추석 제외 {len(skipped)}건")
    return f"2026-09-23 접수 3일 → {result.due:%Y-%m-%d %H:%M} (추석 연휴 제외)"


def _pdf(work: Path) -> str:
    import pypdfium2
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    from pcrm_desktop.reports.pdf import korean_font
    family = korean_font()
    path = work / "selftest.pdf"
    canvas = Canvas(str(path), pagesize=A4)
    canvas.setFont(family, 16)
    canvas.drawString(72, A4[1] - 96, PDF_LINE)
    canvas.showPage()
    canvas.save()
    document = pypdfium2.PdfDocument(str(path))
    try:
        if len(document) != 1:
            raise AssertionError(f"{len(document)}쪽")
        page = document[0]
        text = page.get_textpage().get_text_range().strip()
        if text != PDF_LINE:
            raise AssertionError(f"PDF에서 읽은 글자: {text!r}")
        inked = _inked_fraction(page.render(scale=1).to_pil())
        if inked < 0.001:
            raise AssertionError("PDF에 그려진 글자가 없습니다")
    finally:
        document.close()
    return f"1쪽, 한글을 읽어 냄, 글꼴 {_font_origin()} 포함 ({path.stat().st_size:,} 바이트)"


def _font_origin() -> str:
    """The font's family and where it came from: the program's own copy or this PC's."""
    from pcrm_desktop.fonts import find_korean_font
    from pcrm_desktop.resources_path import resources_dir
    font = find_korean_font()
    if font is None:
        return "없음"
    own = font.regular.resolve().is_relative_to(resources_dir().resolve())
    return f"{font.family} ({'프로그램에 포함된 파일' if own else font.regular})"


def _inked_fraction(image) -> float:
    grey = image.convert("L")
    dark = sum(grey.histogram()[:128])
    return dark / (grey.width * grey.height)


def _qt() -> str:
    from PySide6.QtCore import QCoreApplication, qVersion
    from PySide6.QtGui import QFont, QRawFont
    from PySide6.QtWidgets import QApplication

    from pcrm_desktop.ui.appearance import icon, install_korean_font
    from pcrm_desktop.ui.i18n import LanguageManager
    if sys.platform.startswith("linux") and not any(
            os.environ.get(name) for name in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # a console with no screen: draw off-screen
    app = QApplication.instance() or QApplication(sys.argv[:1])
    family = install_korean_font(app)
    if family is None:
        raise AssertionError("한글 글꼴을 Qt에 등록하지 못했습니다")
    raw = QRawFont.fromFont(QFont(family))
    missing = [ch for ch in "민원처리한글" if not raw.supportsCharacter(ord(ch))]
    if missing:
        raise AssertionError(f"글꼴에 없는 글자: {''.join(missing)}")
    if icon("app").pixmap(32, 32).isNull():  # the SVG image plugin travels separately
        raise AssertionError("아이콘(SVG)을 그리지 못했습니다")
    languages = LanguageManager()
    try:
        if not languages.set_language("en"):
            raise AssertionError("영어 번역 파일(pcrm_en.qm)이 없습니다")
        english = QCoreApplication.translate("MainWindow", "민원")
    finally:
        languages.set_language("ko")
    if english == "민원":
        raise AssertionError("번역이 적용되지 않습니다")
    return (f"Qt {qVersion()} ({app.platformName()}), 글꼴 {family}, 아이콘, "
            f"번역 '민원' → '{english}'")
