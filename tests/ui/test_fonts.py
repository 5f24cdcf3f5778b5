"""One Korean TrueType font for screens (and PDFs); CFF fonts are skipped; none is said plainly."""
from __future__ import annotations

from PySide6.QtGui import QFontDatabase, QFontMetrics
from PySide6.QtWidgets import QApplication

from pcrm_desktop import fonts
from pcrm_desktop.ui.appearance import install_korean_font


def test_a_truetype_korean_font_is_found_and_used(qapp):
    found = fonts.find_korean_font()
    assert found is not None and found.regular.suffix.lower() == ".ttf"
    family = install_korean_font(qapp)
    assert family in QFontDatabase.families()
    assert QApplication.font().family() == family
    metrics = QFontMetrics(QApplication.font())
    assert all(metrics.inFontUcs4(ord(ch)) for ch in "민원처리부 주민 만족도")


def test_cff_fonts_are_skipped(tmp_path, monkeypatch):
    cff = tmp_path / "NotoSansCJK.otf"
    cff.write_bytes(b"OTTO" + b"\0" * 100)
    monkeypatch.setenv(fonts.ENV_FONT, str(cff))
    found = fonts.find_korean_font()
    assert found is not None and found.regular != cff, "a CFF font cannot be embedded by reportlab"


def test_no_font_is_reported(qapp, monkeypatch):
    monkeypatch.setattr(fonts, "candidates", lambda: [])
    import pcrm_desktop.ui.appearance as appearance
    monkeypatch.setattr(appearance, "find_korean_font", fonts.find_korean_font)
    assert install_korean_font(qapp) is None
    assert "fonts-nanum" in appearance.NO_FONT_MESSAGE
