"""Message boxes in one place, so tests can replace them (a modal box would hang a test)."""
from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from pcrm_desktop.domain.errors import DomainError
from pcrm_desktop.ui.i18n import error_text


def show_error(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.warning(parent, title, text)


def show_info(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.information(parent, title, text)


def ask_text(parent: QWidget | None, title: str, label: str) -> str | None:
    """A line of text from the user (a reason, a name); None when cancelled."""
    from PySide6.QtWidgets import QInputDialog
    text, ok = QInputDialog.getText(parent, title, label)
    return text if ok else None


def ask_reason(parent: QWidget | None, title: str, label: str) -> str | None:
    """Why personal data leaves the office (kept with the export in the access log); None when
    cancelled. An empty answer is refused here by the service's own rule, with its message."""
    from pcrm_desktop.domain.privacy import clean_reason
    text = ask_text(parent, title, label)
    if text is None:
        return None
    try:
        return clean_reason(text)
    except DomainError as error:
        explain(parent, title, error)
        return None


def ask_choice(parent: QWidget | None, title: str, text: str,
               choices: list[tuple[str, str]]) -> str | None:
    """One of several (key, button text) answers; None when closed or cancelled."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.Cancel,
                      parent)
    buttons = {box.addButton(label, QMessageBox.ButtonRole.AcceptRole): key
               for key, label in choices}
    box.exec()
    return buttons.get(box.clickedButton())


def ask_discard(parent: QWidget | None, title: str) -> bool:
    """Whether a form with something typed in it may be closed and its input thrown away."""
    from PySide6.QtCore import QCoreApplication
    answer = ask_choice(parent, title, QCoreApplication.translate(
        "dialogs", "입력한 내용이 저장되지 않았습니다. 버리고 닫을까요?"),
        [("discard", QCoreApplication.translate("dialogs", "버리고 닫기"))])
    return answer == "discard"


class AsksBeforeDiscard:
    """A form that asks before Esc, [취소] or the window's ✕ throw away what was typed; an
    untouched one closes at once. The form gives `_snapshot()` (what is typed, comparable) and
    sets `_pristine = self._snapshot()` once it is filled. Listed before QDialog in the bases.
    (`reject()` called by code still closes without asking.)"""

    _pristine: tuple = ()

    def is_dirty(self) -> bool:
        return self._snapshot() != self._pristine

    def cancel(self) -> None:
        if not self.is_dirty() or ask_discard(self, self.windowTitle()):
            self.reject()

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if event.spontaneous() and self.is_dirty() and not ask_discard(self, self.windowTitle()):
            event.ignore()
            return
        super().closeEvent(event)


def ask_period(parent: QWidget | None, title: str, first, last):
    """(first, last) dates from two date fields; None when cancelled."""
    from PySide6.QtWidgets import QDateEdit, QDialog, QDialogButtonBox, QFormLayout
    box = QDialog(parent)
    box.setWindowTitle(title)
    start, end = QDateEdit(first), QDateEdit(last)
    for edit in (start, end):
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
    form = QFormLayout(box)
    from PySide6.QtCore import QCoreApplication
    form.addRow(QCoreApplication.translate("dialogs", "시작"), start)
    form.addRow(QCoreApplication.translate("dialogs", "끝"), end)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(box.accept)
    buttons.rejected.connect(box.reject)
    form.addRow(buttons)
    if box.exec() != QDialog.DialogCode.Accepted:
        return None
    return start.date().toPython(), end.date().toPython()


def ask_save_path(parent: QWidget | None, title: str, suggested: str, filters: str) -> str | None:
    from PySide6.QtWidgets import QFileDialog
    path, _ = QFileDialog.getSaveFileName(parent, title, suggested, filters)
    return path or None


def ask_open_path(parent: QWidget | None, title: str, filters: str) -> str | None:
    from PySide6.QtWidgets import QFileDialog
    path, _ = QFileDialog.getOpenFileName(parent, title, "", filters)
    return path or None


def explain(parent: QWidget | None, title: str, error: BaseException) -> None:
    """Say what went wrong in plain words: a domain error's message, else where the log is."""
    if isinstance(error, DomainError):
        show_error(parent, title, error_text(error))
    else:
        from PySide6.QtCore import QCoreApplication
        show_error(parent, title, QCoreApplication.translate(
            "dialogs", "예기치 않은 오류가 발생했습니다. 입력한 내용은 저장되지 않았을 수 있습니다.\n"
            "자세한 내용은 로그 파일에 기록되었습니다: {log}").format(log=log_path_text()))


def log_path_text() -> str:
    from pcrm_desktop.logs import log_file
    return str(log_file())
