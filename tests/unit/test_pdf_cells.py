"""Issue 18/12: a table cell of any report breaks only between words, never inside a word or
a figure ('(참/고)', '-43./5%p'), and its columns widen to hold their widest word."""
from __future__ import annotations

import re
import subprocess

import pytest

from pcrm_desktop.reports import pdf

HEADERS = ["집단", "접수", "처리", "기한 내 처리율", "격차", "처리일수", "격차", "만족도", "n", "격차"]
ROWS = [["기초생활수급자", "1,234", "1,180", "74.5% (참고)", "낮음 -43.5%p", "12.3 (참고)",
         "길다 +12.3일", "76.1 (참고)", "1,234", "높음 +10.2점"],
        ["외국인 주민", "17", "14", "— (n 14)", "표본 부족", "— (n 1,234)", "표본 부족", "▲ +12.3",
         "11", "차이 없음"]]


def _pdf_text(path) -> str:
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout
    return re.sub(r" +", " ", text.replace("\u00a0", " "))


def test_fit_widths_gives_each_column_its_widest_word_from_the_others():
    assert pdf.fit_widths([50, 50, 100], [10, 10, 10]) == [50, 50, 100]
    fitted = pdf.fit_widths([20, 80, 100], [40, 10, 10])
    assert fitted[0] == 40 and sum(fitted) == pytest.approx(200) and fitted[2] < 100
    assert pdf.fit_widths([20, 20], [30, 30]) is None


def test_keep_whole_binds_short_parentheses_and_arrows():
    assert pdf.keep_whole("— (n 1,234)") == "— (n\u00a01,234)"
    assert pdf.keep_whole("▲ +3.1") == "▲\u00a0+3.1"
    long = "민원인·방문 주민 (연결형은 처리한 민원의 민원인)"
    assert pdf.keep_whole(long) == long  # a long aside may still wrap between its words


@pytest.mark.parametrize("share", [1.0, 0.75])  # the page's width; a cramped one (smaller type)
def test_narrow_columns_never_split_a_word_or_a_figure(tmp_path, share):
    from reportlab.platypus import Paragraph
    st = pdf.styles()
    width = pdf.content_width() * share
    widths = [width * f for f in (0.13, 0.065, 0.065, 0.115, 0.12, 0.1, 0.12, 0.11, 0.055, 0.12)]
    table = pdf.data_table(HEADERS, ROWS, widths, st, numeric=(1, 2, 3, 5, 7, 8))
    assert sum(table._colWidths) == pytest.approx(width)  # widened columns borrow, never overflow
    out = tmp_path / "cells.pdf"
    pdf.build(out, [Paragraph("표", st.heading), table], "표", "test")
    text = _pdf_text(out)
    for unit in ["처리율", "처리일수", "기초생활수급자", "1,234", "(참고)", "-43.5%p", "+12.3일", "74.5%",
                 "+10.2점", "(n 14)", "(n 1,234)", "▲ +12.3", "76.1", "12.3"]:
        assert unit in text, unit
    assert text.count("(참고)") == 3 and text.count("(n 1,234)") == 1
