"""A search box that searches with the syllable still being composed.

With a Korean input method the last syllable stays in the IME's preedit until the next one
starts (or Enter): QLineEdit.text() of "김준" is "김" while 준 is composing, so a list searched
from text() shows every 김… Here the search text is text before the cursor + preedit + rest.

A click on a result row while composing commits the syllable first (the views call
commit_preedit on mouse press, and leaving the field does too), so the list, already showing
the results for the whole word, is not searched again and the click selects the row. The input
method may still commit the same syllable afterwards (ibus flushes its composition when told
to reset): that echo is dropped, so the field never holds the syllable twice.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication, QInputMethodEvent
from PySide6.QtWidgets import QAbstractScrollArea, QLineEdit, QWidget


def _is_jamo(char: str) -> bool:
    """A lone consonant or vowel (ㅈ, ㅜ): the start of a syllable, not yet a letter to find."""
    return "\u3131" <= char <= "\u318e" or "\u1100" <= char <= "\u11ff"


class SearchField(QLineEdit):
    """QLineEdit whose `searchTextChanged` carries what the clerk sees, preedit included."""

    searchTextChanged = Signal(str)  # noqa: N815 - Qt's naming, like textChanged

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._preedit = ""
        self._echo = ""        # a syllable we committed ourselves: the IME may commit it again
        self._in_ime = False
        self.textChanged.connect(self._text_changed)

    # --- what to search -----------------------------------------------------------------
    def preedit(self) -> str:
        return self._preedit

    def search_text(self) -> str:
        """The text as shown, the composing syllable in place; a lone jamo (ㅈ of 김ㅈ) is
        left out, so the list keeps 김… instead of flashing empty between syllables."""
        text, preedit = self.text(), self._preedit
        if not preedit or all(_is_jamo(c) for c in preedit):
            return text
        at = self.cursorPosition()
        return text[:at] + preedit + text[at:]

    def _text_changed(self, _text: str) -> None:
        if self._in_ime:
            return  # inputMethodEvent says what changed, once, after Qt has done its part
        # typed without an IME, pasted, set or cleared: text set from outside replaces the
        # composition (Qt resets the input method for it)
        self._preedit = self._echo = ""
        self.searchTextChanged.emit(self.search_text())

    # --- the input method -----------------------------------------------------------------
    def inputMethodEvent(self, event: QInputMethodEvent) -> None:  # noqa: N802 - Qt's name
        if self._is_echo(event):
            event.accept()
            return
        if event.preeditString():
            self._echo = ""  # composing again: a later commit is new text
        before = self.search_text()
        self._in_ime = True
        try:
            super().inputMethodEvent(event)
        finally:
            self._in_ime = False
        self._preedit = event.preeditString()
        after = self.search_text()
        if after != before:
            self.searchTextChanged.emit(after)

    def _is_echo(self, event: QInputMethodEvent) -> bool:
        """The IME committing the syllable commit_preedit already put in the text."""
        if not self._echo or self._preedit or event.preeditString():
            return False
        if event.commitString() == self._echo and not event.replacementLength():
            self._echo = ""
            return True
        return False

    def commit_preedit(self) -> None:
        """Put the composing syllable into the text now (the search text stays the same, so
        nothing is searched again) and make the input method forget it."""
        preedit = self._preedit
        if not preedit:
            return
        event = QInputMethodEvent()
        event.setCommitString(preedit)
        QGuiApplication.sendEvent(self, event)
        self._echo = preedit
        if self.hasFocus():  # the IME composes for the focused field: drop its composition
            QGuiApplication.inputMethod().reset()

    def commit_on_click(self, *views: QAbstractScrollArea) -> None:
        """A mouse press on any of these views (a result list) commits the syllable first."""
        for view in views:
            target = view.viewport()
            target.installEventFilter(_CommitOnPress(self, target))

    # --- leaving the field, typing without the IME ------------------------------------
    def focusOutEvent(self, event) -> None:  # noqa: N802 - Qt's name
        """Leaving for another widget of the window keeps what was composed, once; another
        window or a popup (the IME's own candidate list, a menu) leaves the IME composing."""
        if event.reason() not in (Qt.FocusReason.ActiveWindowFocusReason,
                                  Qt.FocusReason.PopupFocusReason):
            self.commit_preedit()
        super().focusOutEvent(event)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self._echo = ""
        super().keyPressEvent(event)

    def setText(self, text: str) -> None:  # noqa: N802 - Qt's name
        self._preedit = self._echo = ""  # also when set with the signals blocked
        super().setText(text)

    def clear(self) -> None:
        self._preedit = self._echo = ""
        super().clear()


class _CommitOnPress(QObject):
    """Watches a view's viewport: a press commits the field's syllable, then the view gets
    the press as usual (never swallowed)."""

    def __init__(self, field: SearchField, parent: QObject) -> None:
        super().__init__(parent)
        self.field = field

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick):
            self.field.commit_preedit()
        return False
