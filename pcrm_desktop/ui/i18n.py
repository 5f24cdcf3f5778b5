"""Run-time language switching. Source texts are Korean; English comes from resources/translations.

Every widget sets its texts in `retranslate_ui()`, called again on QEvent.LanguageChange
(Frescobaldi's translateUI habit).
"""
from __future__ import annotations

import struct
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QTranslator

from pcrm_desktop.domain.errors import DomainError
from pcrm_desktop.domain.messages import (
    CONTEXT,
    FIELD_LABELS,
    format_message,
    message_template,
    with_particles,
)
from pcrm_desktop.resources_path import resources_dir

TRANSLATIONS_DIR = resources_dir() / "translations"

# Qt's own texts that its Korean translation (qtbase_ko.qm, a few releases behind the library)
# lacks: Qt 6 gave some labels mnemonics ("Look in:" became "&Look in:"), so the old entries no
# longer match and the non-native file and print dialogs showed English (issue 18). Keyed by
# (context, source, disambiguation) as Qt asks; consulted only after qtbase_ko.qm, so a newer
# qtbase_ko.qm that has them wins.
QT_KOREAN_SUPPLEMENT = {
    ("QFileDialog", "&Look in:", ""): "다음에서 찾기(&L):",
    ("QFileDialog", "Files of &type:", ""): "파일 형식(&T):",
    ("QPrintSettingsOutput", "Page &Set:", ""): "쪽 집합(&S):",
    ("QAbstractFileIconProvider", "Folder", "All other platforms"): "폴더",
    ("QAbstractFileIconProvider", "File Folder", "Match Windows Explorer"): "파일 폴더",
    ("QAbstractFileIconProvider", "Drive", ""): "드라이브",
}

_QM_MAGIC = bytes.fromhex("3cb86418caef9c95cd211cbf60a1bddd")


def _elf_hash(data: bytes) -> int:
    """The hash a .qm file keys its messages by (Qt's elfHash of source text + disambiguation)."""
    h = 0
    for byte in data:
        h = ((h << 4) + byte) & 0xFFFFFFFF
        g = h & 0xF0000000
        if g:
            h ^= g >> 24
        h &= ~g & 0xFFFFFFFF
    return h or 1


def qm_data(messages: dict[tuple[str, str, str], str]) -> bytes:
    """A compiled translation (.qm) holding `messages`, for QTranslator.load(data): a plain
    catalogue, so no Python code runs when Qt looks a text up."""
    def field(tag: int, value: bytes) -> bytes:
        return bytes([tag]) + struct.pack(">I", len(value)) + value

    body, index = b"", []
    for (context, source, comment), translation in messages.items():
        index.append((_elf_hash(source.encode() + comment.encode()), len(body)))
        body += (field(3, translation.encode("utf-16-be")) + field(6, source.encode())
                 + field(7, context.encode()) + field(8, comment.encode()) + b"\x01")
    hashes = b"".join(struct.pack(">II", *entry) for entry in sorted(index))
    return _QM_MAGIC + field(0x42, hashes) + field(0x69, body)


# built once and kept: QTranslator.load(data) reads this memory for as long as it is installed
_QT_KOREAN_SUPPLEMENT_QM = qm_data(QT_KOREAN_SUPPLEMENT)


def qt_translation_dirs() -> list[str]:
    """Where Qt's own .qm files may be: Qt's translations folder (a source checkout's PySide6,
    or the bundle's copy, which PySide6's built-in qt.conf points at), then the bundle's
    PySide6 folders directly, then our own translations folder."""
    dirs = [QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)]
    base = getattr(sys, "_MEIPASS", None)
    if base:
        dirs += [str(Path(base) / "PySide6" / "Qt" / "translations"),
                 str(Path(base) / "PySide6" / "translations")]
    dirs.append(str(TRANSLATIONS_DIR))
    return [d for d in dict.fromkeys(dirs) if d]


def load_qt_translator(language: str) -> QTranslator | None:
    """Qt's own texts (standard buttons, file dialog, context menus) in `language`, or None."""
    translator = QTranslator()
    for directory in qt_translation_dirs():
        if translator.load(f"qtbase_{language}", directory):
            return translator
    return None


class Retranslatable:
    """Mixin for our windows, pages and dialogs: `retranslate_ui()` runs again whenever the
    language changes; when first shown, their labels are linked to their fields
    (ui/accessibility.py)."""

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        from pcrm_desktop.ui.accessibility import link_labels_once
        link_labels_once(self)
        super().showEvent(event)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        """Set every visible text."""


class LanguageManager:
    # The application has one set of installed translators, whichever manager installed them:
    # a second manager (a test's, the self-test's) replaces the first's instead of stacking its
    # own on top, where a leftover Korean qtbase would outvote a later English choice.
    _installed: list[QTranslator] = []

    def __init__(self) -> None:
        self.language = "ko"

    @property
    def _translators(self) -> list[QTranslator]:
        return LanguageManager._installed

    @_translators.setter
    def _translators(self, translators: list[QTranslator]) -> None:
        LanguageManager._installed = translators

    def set_language(self, language: str) -> bool:
        """Install the translators for `language` (Qt's own, and ours unless Korean, the source
        language). Returns False if our compiled translation is missing (the UI stays Korean)."""
        app = QCoreApplication.instance()
        for translator in self._translators:
            app.removeTranslator(translator)
        self._translators = []
        self.language = "ko"
        if language == "ko":
            # installed first, so Qt asks it last: only for what qtbase_ko.qm lacks
            supplement = QTranslator()
            if supplement.load(_QT_KOREAN_SUPPLEMENT_QM):
                self._translators.append(supplement)
        qt_base = load_qt_translator(language)  # Qt's own texts: buttons, dialogs, menus
        if qt_base is not None:
            self._translators.append(qt_base)
        if language != "ko":
            ours = QTranslator()
            if not ours.load(str(TRANSLATIONS_DIR / f"pcrm_{language}.qm")):
                self._translators = []
                return False
            self._translators.append(ours)
        for translator in self._translators:
            app.installTranslator(translator)
        if language == "ko":
            QLocale.setDefault(QLocale(QLocale.Language.Korean, QLocale.Country.SouthKorea))
        else:
            QLocale.setDefault(QLocale(language))
        self.language = language
        return True


def error_text(error: DomainError) -> str:
    """A domain error in the current language (Korean particles fitted to the filled-in words;
    an English text has none to fit)."""
    params = dict(error.params)
    if error.field in FIELD_LABELS:
        params.setdefault("label", QCoreApplication.translate(CONTEXT, FIELD_LABELS[error.field]))
    template = QCoreApplication.translate(CONTEXT, message_template(error.code))
    return with_particles(format_message(template, params))


def translations_present() -> bool:
    return any(Path(TRANSLATIONS_DIR).glob("*.qm"))
