"""The installed program's self-test (pcrm_desktop/selftest.py): `pcrm self-test` and
`pcrm-desktop --self-test` from the source tree. CI runs the same on the built bundle
(installer/build.py, .ci/run)."""
from __future__ import annotations

import json
import sqlite3
from datetime import date

import pytest

from pcrm_desktop import app, cli, selftest
from pcrm_desktop.db.health import HEAD_REVISION, pending_work
from tests.dbutil import rows

CHECKS = ["데이터베이스", "기록 쓰기·읽기", "처리기한·공휴일", "PDF·한글 글꼴", "화면(Qt)·번역"]


def test_cli_self_test_passes_every_check_and_touches_no_office_database(capsys, tmp_path,
                                                                           monkeypatch, qapp):
    office = tmp_path / "office.db"
    monkeypatch.setenv("PCRM_DATABASE_URL", f"sqlite:///{office}")
    code = cli.main(["self-test", "--json"])
    summary = json.loads(capsys.readouterr().out)
    assert code == 0, summary
    assert [c["name"] for c in summary["checks"]] == CHECKS
    assert all(c["ok"] for c in summary["checks"])
    details = {c["name"]: c["detail"] for c in summary["checks"]}
    assert f"마이그레이션 {HEAD_REVISION}까지" in details["데이터베이스"]
    assert "김*늘" in details["기록 쓰기·읽기"]            # found by "하늘", and masked
    assert "2026-09-30" in details["처리기한·공휴일"]       # 추석 2026 skipped
    assert "NanumGothic" in details["PDF·한글 글꼴"]
    assert "'민원' → 'Complaints'" in details["화면(Qt)·번역"]
    assert not office.exists()  # the office's database is never opened


def test_a_failing_check_is_reported_the_others_still_run_and_the_exit_code_is_1(
        capsys, monkeypatch, qapp):
    import pcrm_desktop.reports.pdf as pdf
    monkeypatch.setattr(pdf, "_registered", None)
    monkeypatch.setattr(pdf, "find_korean_font", lambda: None)
    code = cli.main(["self-test"])
    out = capsys.readouterr().out
    assert code == 1
    assert "[실패] PDF·한글 글꼴" in out
    assert "[정상] 처리기한·공휴일" in out and "[정상] 화면(Qt)·번역" in out
    assert out.strip().endswith("결과: 1개 항목 실패")


def test_the_window_program_runs_the_same_self_test(capsys, qapp):
    assert app.main(["--self-test"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("PCRM Desktop") and "결과: 모두 정상" in out
    assert out.count("[정상]") == len(CHECKS)


def test_report_text_marks_each_check():
    report = selftest.Report((selftest.Check("가", True, "좋음", 1.0),
                              selftest.Check("나", False, "나쁨", 2.0)))
    assert not report.ok
    assert report.text().splitlines()[1:] == ["[정상] 가: 좋음 (1 ms)", "[실패] 나: 나쁨 (2 ms)",
                                              "결과: 1개 항목 실패"]


@pytest.mark.sqlite_only("what opening a FILE will do (create, upgrade) before it opens")
def test_pending_work_decides_the_start_notice(tmp_path, backend):
    assert pending_work(tmp_path / "new.db") == "create"
    current = backend.location.path
    assert pending_work(current) is None                 # the everyday start: no notice
    older = tmp_path / "older.db"
    source = sqlite3.connect(current)
    copy = sqlite3.connect(older)
    source.backup(copy)
    source.close()
    copy.execute("UPDATE alembic_version SET version_num = '0009'")
    copy.commit()
    copy.close()
    assert pending_work(older) == "upgrade"
    copy = sqlite3.connect(older)
    copy.execute("UPDATE alembic_version SET version_num = '9999'")
    copy.commit()
    copy.close()
    assert pending_work(older) is None                   # a newer program's file: refused later
    (tmp_path / "junk.db").write_bytes(b"not a database" * 100)
    assert pending_work(tmp_path / "junk.db") is None    # refused later, with its own message
    assert pending_work(None) is None


def test_a_new_database_shows_the_start_notice_before_the_wizard(capsys, tmp_path, qapp):
    assert app.main(["--db", str(tmp_path / "new.db"), "--exit-after-show"]) == 0
    lines = dict(line.split("=") for line in capsys.readouterr().out.split())
    assert float(lines["notice_ms"]) < float(lines["shown_ms"])
    assert app.main(["--db", str(tmp_path / "new.db"), "--exit-after-show"]) == 0
    assert "notice_ms" not in capsys.readouterr().out   # created now: no notice the next time


def test_the_window_seeds_the_holiday_years_in_its_lane_after_the_wizard_shows(capsys, tmp_path,
                                                                                   qapp):
    """A new file's first start does not wait for the holidays package before the wizard: the
    years are seeded by the window's lane, first in it (so before any sign-in or the wizard's
    end), once; the command line's open_backend seeds them before it returns."""
    db = tmp_path / "new.db"
    seeded = "SELECT target FROM audit_log WHERE action = 'holiday.seed' ORDER BY id"
    years = [(str(date.today().year + n),) for n in range(3)]
    assert app.main(["--db", str(db), "--exit-after-show"]) == 0
    assert rows(db, seeded) == years
    assert rows(db, "SELECT action FROM audit_log ORDER BY id LIMIT 2") == [
        ("db.create",), ("holiday.seed",)]
    assert app.main(["--db", str(db), "--exit-after-show"]) == 0
    assert rows(db, seeded) == years                    # a second start writes nothing
    import pcrm_desktop.bootstrap as bootstrap
    unseeded = bootstrap.open_backend(str(tmp_path / "other.db"), seed_calendar=False)
    unseeded.close()
    assert rows(tmp_path / "other.db", seeded) == []
    backend = bootstrap.open_backend(str(tmp_path / "other.db"))
    backend.close()
    assert rows(tmp_path / "other.db", seeded) == years



def test_when_the_database_check_fails_the_checks_that_need_it_say_skipped(monkeypatch, qapp):
    import pcrm_desktop.bootstrap as bootstrap

    def broken(path):
        raise OSError("disk full")
    monkeypatch.setattr(bootstrap, "open_backend", broken)
    report = selftest.run()
    by_name = {c.name: c for c in report.checks}
    assert not report.ok and by_name["데이터베이스"].detail == "OSError: disk full"
    for name in ("기록 쓰기·읽기", "처리기한·공휴일"):
        assert not by_name[name].ok and by_name[name].detail.startswith("건너뜀")
    assert by_name["PDF·한글 글꼴"].ok and by_name["화면(Qt)·번역"].ok


def test_the_windowed_program_shows_help_and_option_errors_in_a_box(monkeypatch, qapp):
    import sys

    import pytest
    from PySide6.QtWidgets import QMessageBox
    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: shown.append(text))
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)
    with pytest.raises(SystemExit):
        app.parse_args(["--help"])
    with pytest.raises(SystemExit):
        app.parse_args(["--lang", "fr"])
    assert "--self-test" in shown[0] and "--guide" in shown[0]
    assert "invalid choice: 'fr'" in shown[-1]
