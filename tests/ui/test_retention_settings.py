"""설정 > 보존기간·파기 through the real widgets: the periods (saved, refused under the minimum),
the preview in the background, the run after a confirmation naming the counts, the ledger; a
manager may look but not change or run; the tab on the settings page."""
from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from pcrm_desktop.domain.audit import Actor
from pcrm_desktop.domain.retention import KINDS, Kind
from pcrm_desktop.ui.pages.retention_settings import RetentionSettings
from pcrm_desktop.ui.tasks import TaskRunner
from tests.dbutil import rows
from tests.integration import test_retention as shared
from tests.integration.test_retention import GONE_NAME, file_bytes

backend = shared.backend  # the fixtures: a database made in 2020, records on both sides of
world = shared.world      # every cut-off

SHOTS = Path("/tmp/pcrm-shots")


def _idle(qtbot, widget) -> None:
    qtbot.waitUntil(lambda: not widget.runner.busy(), timeout=20000)
    QApplication.processEvents()


@pytest.fixture(autouse=True)
def _korean_font():
    """The application's Korean font, as the app installs it (Hangul, not boxes, in the shots)."""
    from pcrm_desktop.ui.appearance import install_korean_font
    app = QApplication.instance()
    before = app.font()
    install_korean_font(app)
    yield
    app.setFont(before)


def _widget(qtbot, ctx) -> RetentionSettings:
    runner = TaskRunner()
    widget = RetentionSettings(ctx, runner)
    qtbot.addWidget(widget)
    widget.resize(1366, 720)
    widget.show()
    widget.reload()
    _idle(qtbot, widget)
    return widget


def test_periods_preview_run_and_ledger(qtbot, world, db_path, no_message_boxes, monkeypatch,
                                        screenshot_dir):
    widget = _widget(qtbot, world.ctx)
    assert {kind: widget.spins[kind].value() for kind in KINDS}[Kind.COMPLAINT] == 60
    assert widget.spins[Kind.AUDIT_LOG].minimum() == 24  # the spin box cannot go under it
    assert "안전성 확보조치 기준" in widget.basis_labels[Kind.AUDIT_LOG].text()
    assert widget.run_button.isEnabled() is False  # nothing to run before a preview

    widget.spins[Kind.COMPLAINT].setValue(72)
    widget.save_button.click()
    _idle(qtbot, widget)
    assert "저장했습니다" in widget.status.text()
    assert rows(db_path, "SELECT value FROM office_settings WHERE key = 'retention.complaint'") == [("72",)]
    widget.use_defaults()
    widget.save_button.click()
    _idle(qtbot, widget)
    assert rows(db_path, "SELECT value FROM office_settings WHERE key = 'retention.complaint'") == [("60",)]

    widget.preview_button.click()
    _idle(qtbot, widget)
    counts = {c.kind: c.count for c in widget.preview_model.rows()}
    assert counts[Kind.COMPLAINT] == 1 and counts[Kind.CITIZEN] == 1
    assert widget.preview_model.rowCount() == len(KINDS)
    assert widget.run_button.isEnabled()
    total = sum(counts.values())
    assert f"{total:,}" in widget.preview_total.text()
    SHOTS.mkdir(parents=True, exist_ok=True)
    assert widget.grab().save(str(SHOTS / "retention.png"))
    widget.grab().save(str(screenshot_dir / "settings-retention-preview.png"))

    asked = []
    from pcrm_desktop.ui import dialogs
    monkeypatch.setattr(dialogs, "ask_choice",
                        lambda parent, title, text, choices: asked.append(text) or None)
    widget.run_button.click()  # cancelled in the confirmation: nothing happens
    _idle(qtbot, widget)
    assert "종결 민원: 1건" in asked[0] and "주민 기록: 1건" in asked[0] and "되돌릴 수 없습니다" in asked[0]
    assert rows(db_path, "SELECT count(*) FROM destruction_ledger") == [(0,)]

    monkeypatch.setattr(dialogs, "ask_choice", lambda parent, title, text, choices: "run")
    widget.run_button.click()
    _idle(qtbot, widget)
    _idle(qtbot, widget)  # the reload after the run
    assert "파기했습니다" in widget.status.text(), widget.status.text()
    assert widget.ledger_model.rowCount() == len(KINDS)
    assert rows(db_path, "SELECT count(*) FROM destruction_ledger") == [(len(KINDS),)]
    assert GONE_NAME.encode() not in file_bytes(db_path)
    assert widget.run_button.isEnabled() is False
    assert no_message_boxes == []
    assert widget.grab().save(str(SHOTS / "retention-after-run.png"))
    widget.grab().save(str(screenshot_dir / "settings-retention-ledger.png"))


def test_a_manager_looks_but_does_not_change_or_run(qtbot, world, db_path, no_message_boxes):
    manager = world.ctx.as_actor(Actor(None, "manager01", "manager", "민원실"))
    widget = _widget(qtbot, manager)
    assert not widget.save_button.isEnabled()
    assert not any(spin.isEnabled() for spin in widget.spins.values())
    widget.preview_button.click()
    _idle(qtbot, widget)
    assert {c.kind: c.count for c in widget.preview_model.rows()}[Kind.COMPLAINT] == 1
    assert not widget.run_button.isEnabled()
    # a clerk sees the periods only
    clerk = world.ctx.as_actor(Actor(None, "clerk01", "clerk", "민원실"))
    widget = _widget(qtbot, clerk)
    assert widget.spins[Kind.CITIZEN].value() == 36
    assert not widget.preview_button.isEnabled() and widget.ledger_model.rowCount() == 0
    assert no_message_boxes == []


def test_a_refused_period_is_explained_beside_the_form(qtbot, world, db_path, no_message_boxes,
                                                       monkeypatch):
    from pcrm_desktop.services import retention
    real = retention.set_policies

    def below_minimum(ctx, wanted):  # as if the spin box allowed it
        return real(ctx, {**wanted, Kind.AUDIT_LOG: 23})
    monkeypatch.setattr(retention, "set_policies", below_minimum)
    widget = _widget(qtbot, world.ctx)
    widget.spins[Kind.COMPLAINT].setValue(72)
    widget.save_button.click()
    _idle(qtbot, widget)
    assert "24개월보다 짧게" in widget.status.text()
    # nothing saved, not even the valid change beside it
    assert rows(db_path, "SELECT count(*) FROM office_settings WHERE key LIKE 'retention.%'") == [(0,)]
    assert no_message_boxes == []


def test_the_settings_page_has_the_tab(qtbot, world, no_message_boxes):
    from pcrm_desktop.ui.pages.settings_page import SettingsPage
    runner = TaskRunner()
    page = SettingsPage(world.ctx, runner, "ko", 100)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    index = page.tabs.indexOf(page.retention)
    assert index >= 0 and page.tabs.tabText(index) == "보존기간·파기"
    page.tabs.setCurrentIndex(index)
    qtbot.waitUntil(lambda: not runner.busy(), timeout=10000)
    QApplication.processEvents()
    assert page.retention.spins[Kind.HAPPY_CALL].value() == 12
    assert page.retention.ledger_model.rowCount() == 0
    assert no_message_boxes == []


def test_a_cancelled_run_says_nothing_was_deleted(qtbot, world, db_path, monkeypatch,
                                                  no_message_boxes):
    from pcrm_desktop.services import retention
    from pcrm_desktop.ui import dialogs
    from pcrm_desktop.ui.tasks import TaskCancelled
    real = retention.run

    def cancelled_at_the_third_step(ctx, progress=None):
        def cancel(done, total, text):
            progress(done, total, text)
            if done == 3:
                raise TaskCancelled()  # what control.check() raises after 취소
        return real(ctx, progress=cancel)
    monkeypatch.setattr(retention, "run", cancelled_at_the_third_step)
    monkeypatch.setattr(dialogs, "ask_choice", lambda parent, title, text, choices: "run")
    widget = _widget(qtbot, world.ctx)
    widget.load_preview()
    _idle(qtbot, widget)
    widget.confirm_run()
    _idle(qtbot, widget)
    assert "취소했습니다" in widget.status.text()
    assert rows(db_path, "SELECT count(*) FROM citizens WHERE id = ?", world.gone_citizen) == [(1,)]
    assert rows(db_path, "SELECT count(*) FROM destruction_ledger") == [(0,)]
    assert widget.run_button.isEnabled()  # the preview still stands: the run may be tried again
    assert no_message_boxes == []


def test_the_tab_in_english(qtbot, world, no_message_boxes):
    from pcrm_desktop.ui.i18n import LanguageManager
    languages = LanguageManager()
    assert languages.set_language("en")
    try:
        widget = _widget(qtbot, world.ctx)
        widget.retranslate_ui()
        assert widget.periods_box.title() == "Retention period"
        assert widget.kind_labels[Kind.COMPLAINT].text() == "Finished complaints"
        assert widget.spins[Kind.COMPLAINT].suffix() == " months"
        assert "Art. 8" in widget.basis_labels[Kind.AUDIT_LOG].text()
        widget.load_preview()
        _idle(qtbot, widget)
        assert widget.preview_model.data(widget.preview_model.index(0, 0)) == "Finished complaints"
        assert widget.preview_model.data(widget.preview_model.index(0, 1)) == "60 months"
        SHOTS.mkdir(parents=True, exist_ok=True)
        assert widget.grab().save(str(SHOTS / "retention-english.png"))
    finally:
        languages.set_language("ko")
    assert no_message_boxes == []
