"""Keyboard checks on a real window, reusable by any UI test.

duplicate_mnemonics(window): the Alt+letter keys (the "&X" of a text) that more than one
control shown in `window` claims. Qt then only cycles focus between them on Alt+X (a button
is not pressed, a label's field not reached at once), so each key must be given once on a
screen: labels with a buddy, buttons (a wizard's 뒤로/다음/완료 included), group boxes, tabs
and the menu bar's menus count; hidden ones (another page of a wizard or a stack) do not.
"""
from __future__ import annotations

from collections import defaultdict

from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QMenuBar, QTabBar, QWidget


def mnemonic(text: str) -> str | None:
    """The key of the first "&X" in a text, upper-cased ("&&" is a literal &); None if none."""
    at = 0
    while True:
        at = text.find("&", at)
        if at < 0 or at + 1 >= len(text):
            return None
        if text[at + 1] == "&":
            at += 2
            continue
        return text[at + 1].upper()


def _texts(widget: QWidget) -> list[str]:
    """The texts of a widget whose mnemonic does something."""
    if isinstance(widget, QLabel):
        return [widget.text()] if widget.buddy() is not None else []
    if isinstance(widget, QAbstractButton):
        return [widget.text()]
    if isinstance(widget, QGroupBox):
        return [widget.title()]
    if isinstance(widget, QTabBar):
        return [widget.tabText(i) for i in range(widget.count())
                if widget.isTabVisible(i) and widget.isTabEnabled(i)]
    if isinstance(widget, QMenuBar):
        return [a.text() for a in widget.actions() if a.isVisible()]
    return []


def duplicate_mnemonics(window: QWidget) -> list[tuple[str, list[str]]]:
    """[(key, [the texts that claim it]), ...] for every key claimed twice or more among the
    controls `window` shows (or would show once shown); [] when each key is unique."""
    claims: dict[str, list[str]] = defaultdict(list)
    for widget in [window, *window.findChildren(QWidget)]:
        if widget is not window and (not widget.isVisibleTo(window)
                                     or widget.window() is not window.window()):
            continue  # hidden, or in a dialog of its own (checked on its own)
        for text in _texts(widget):
            key = mnemonic(text)
            if key is not None:
                claims[key].append(text)
    return sorted((key, texts) for key, texts in claims.items() if len(texts) > 1)
