"""Every user setting declared once, with its type and default (Picard's way).

Window geometry and state are kept apart from preferences. SETTINGS_VERSION lets a later version
upgrade old settings step by step.
"""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QByteArray, QSettings

SETTINGS_VERSION = 1


@dataclass(frozen=True)
class Option:
    key: str
    type: type
    default: object


LANGUAGE = Option("ui/language", str, "ko")
FONT_SCALE = Option("ui/font_scale", int, 100)          # percent: 100, 125, 150
LAST_USER = Option("session/last_user", str, "")
FONT_SCALES = (100, 125, 150)
LANGUAGES = ("ko", "en")


class AppSettings:
    def __init__(self, qsettings: QSettings | None = None) -> None:
        self.q = qsettings or QSettings()
        if int(self.q.value("meta/version", 0)) < SETTINGS_VERSION:
            self.q.setValue("meta/version", SETTINGS_VERSION)

    def get(self, option: Option):
        value = self.q.value(option.key, option.default)
        try:
            return option.type(value)
        except (TypeError, ValueError):
            return option.default

    def set(self, option: Option, value) -> None:
        self.q.setValue(option.key, option.type(value))

    def window_state(self, name: str) -> tuple[QByteArray | None, QByteArray | None]:
        return self.q.value(f"window/{name}/geometry"), self.q.value(f"window/{name}/state")

    def save_window_state(self, name: str, geometry: QByteArray, state: QByteArray) -> None:
        self.q.setValue(f"window/{name}/geometry", geometry)
        self.q.setValue(f"window/{name}/state", state)
        self.q.sync()
