"""Qt's own texts follow the UI language (issue 18, "language leaks"): standard buttons, the
non-native file dialog, line-edit context menus are Korean in Korean mode and English after a
switch at run time; qtbase_ko.qm is found beside a frozen bundle too."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLibraryInfo
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QLabel, QLineEdit, QMessageBox

from pcrm_desktop.ui import i18n
from pcrm_desktop.ui.i18n import LanguageManager

CANCEL = QDialogButtonBox.StandardButton.Cancel


@pytest.fixture
def languages(qapp):
    manager = LanguageManager()
    yield manager
    manager.set_language("ko")


def _labels(dialog: QFileDialog) -> set[str]:
    return {label.text() for label in dialog.findChildren(QLabel)}


def test_standard_buttons_are_korean_then_english_after_the_switch(languages):
    assert languages.set_language("ko")
    box = QDialogButtonBox(CANCEL | QDialogButtonBox.StandardButton.Ok)
    assert box.button(CANCEL).text() == "취소"
    assert box.button(QDialogButtonBox.StandardButton.Ok).text() == "확인"
    message = QMessageBox()
    message.setStandardButtons(QMessageBox.StandardButton.Cancel)
    assert message.button(QMessageBox.StandardButton.Cancel).text() == "취소"

    assert languages.set_language("en")
    QCoreApplication.processEvents()
    assert box.button(CANCEL).text() == "Cancel"  # an open box is retranslated
    assert QDialogButtonBox(CANCEL).button(CANCEL).text() == "Cancel"

    assert languages.set_language("ko")
    QCoreApplication.processEvents()
    assert box.button(CANCEL).text() == "취소"


def test_the_file_dialog_and_context_menu_are_korean(languages):
    assert languages.set_language("ko")
    dialog = QFileDialog()
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    # Qt 6's "&Look in:" / "Files of &type:" are missing from qtbase_ko.qm: our supplement
    assert {"다음에서 찾기(&L):", "파일 이름(&N):", "파일 형식(&T):"} <= _labels(dialog)
    line = QLineEdit()
    menu = line.createStandardContextMenu()
    texts = [action.text().split("\t")[0] for action in menu.actions() if action.text()]
    assert "실행 취소(&U)" in texts and "붙여넣기(&P)" in texts
    assert all(not text.isascii() for text in texts)

    assert languages.set_language("en")
    QCoreApplication.processEvents()
    assert {"&Look in:", "File &name:", "Files of &type:"} <= _labels(dialog)


def test_the_supplement_only_fills_gaps(languages):
    assert languages.set_language("ko")
    for (context, source, comment), korean in i18n.QT_KOREAN_SUPPLEMENT.items():
        assert QCoreApplication.translate(context, source, comment or None) == korean
    assert QCoreApplication.translate("QFileDialog", "Look in:") == "다음에서 찾기:"  # Qt's own
    assert languages.set_language("en")
    assert QCoreApplication.translate("QFileDialog", "&Look in:") == "&Look in:"


@pytest.mark.parametrize("layout", ["PySide6/Qt/translations", "PySide6/translations"])
def test_qtbase_ko_is_found_in_a_bundle_without_qt_conf(languages, monkeypatch, tmp_path,
                                                        layout):
    """PyInstaller puts Qt's translations in _internal/PySide6/Qt/translations (Linux) or
    _internal/PySide6/translations (Windows); found there even if QLibraryInfo points elsewhere."""
    source = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)) / "qtbase_ko.qm"
    target = tmp_path / layout
    target.mkdir(parents=True)
    shutil.copy(source, target)

    class NowhereLibraryInfo:
        LibraryPath = QLibraryInfo.LibraryPath

        @staticmethod
        def path(_which):
            return str(tmp_path / "missing")

    monkeypatch.setattr(i18n, "QLibraryInfo", NowhereLibraryInfo)
    monkeypatch.setattr(i18n.sys, "_MEIPASS", str(tmp_path), raising=False)
    translator = i18n.load_qt_translator("ko")
    assert translator is not None
    assert Path(translator.filePath()).parent == target
    assert translator.translate("QPlatformTheme", "Cancel") == "취소"


def test_the_bundle_keeps_qtbase_ko():
    """installer/pcrm.spec prunes Qt's translations to Korean and English qtbase only."""
    spec = (Path(__file__).resolve().parents[2] / "installer" / "pcrm.spec").read_text("utf-8")
    assert '"qtbase_ko"' in spec
