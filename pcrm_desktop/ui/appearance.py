"""The Korean font on screen (the same TTF as in PDFs), the font-size setting, icons."""
from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication

from pcrm_desktop.fonts import find_korean_font
from pcrm_desktop.resources_path import resources_dir

BASE_POINT_SIZE = 10.0
ICONS_DIR = resources_dir() / "icons"


def install_korean_font(app: QApplication) -> str | None:
    """Register the Korean TTF and make it the application font; None when there is none."""
    font = find_korean_font()
    if font is None:
        return None
    families: list[str] = []
    for path in {font.regular, font.bold}:
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id >= 0:
            families += QFontDatabase.applicationFontFamilies(font_id)
    if not families:
        return None
    app.setFont(QFont(families[0], int(BASE_POINT_SIZE)))
    return families[0]


def apply_font_scale(app: QApplication, percent: int) -> None:
    font = app.font()
    font.setPointSizeF(BASE_POINT_SIZE * percent / 100)
    app.setFont(font)


def icon(name: str) -> QIcon:
    return QIcon(str(ICONS_DIR / f"{name}.svg"))


NO_FONT_MESSAGE = (
    "한국어 글꼴(NanumGothic 또는 맑은 고딕)을 찾지 못했습니다. 한글이 네모로 보일 수 있습니다.\n"
    "No Korean TrueType font was found; Hangul may show as boxes.\n\n"
    "Debian/Ubuntu: sudo apt-get install fonts-nanum\n"
    "or set PCRM_FONT to the path of a Korean .ttf file."
)
