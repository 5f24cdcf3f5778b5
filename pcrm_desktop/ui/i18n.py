"""Run-time language switching. Source texts are Korean; English comes from resources/translations.

Every widget sets its texts in `retranslate_ui()`, called again on QEvent.LanguageChange
(Frescobaldi's translateUI habit).
"""
from __future__ import annotations

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


class Retranslatable:
    """Mixin for widgets: `retranslate_ui()` runs again whenever the language changes."""

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        """Set every visible text."""


class LanguageManager:
    def __init__(self) -> None:
        self.language = "ko"
        self._translators: list[QTranslator] = []

    def set_language(self, language: str) -> bool:
        """Install the translators for `language` (Qt's own, and ours unless Korean, the source
        language). Returns False if our compiled translation is missing (the UI stays Korean)."""
        app = QCoreApplication.instance()
        for translator in self._translators:
            app.removeTranslator(translator)
        self._translators = []
        self.language = "ko"
        qt_base = QTranslator()  # Qt's own texts: wizard buttons, standard dialogs
        if qt_base.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
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
