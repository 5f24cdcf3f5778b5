"""민원처리부 as PDF: A4 landscape, the header row repeated on every page, one line a case
(long titles wrap), late cases marked, the count at the end.

A year may hold 80,000 cases, so the cells are plain strings wrapped here (a Paragraph in
every cell made the whole ~3x slower) with row heights known in advance, and the rows go
into tables of CHUNK rows, each made only when the layout reaches it: reportlab lays out and
splits one table at a time, so time and memory grow linearly with the rows (about 0.9 ms a
row here)."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache, partial
from pathlib import Path

from pcrm_desktop.reports import pdf

CHUNK = 500
FONT_SIZE, LEADING, PAD = 8, 10, 2.5
LATE = "기한 넘김"
# the widest value each column usually holds: its width; 제목 takes the rest of the page
# (a longer 부서 or 종류 name wraps inside its column)
SAMPLES = {"접수번호": "0000-000000", "접수일시": "0000-00-00 00:00", "접수경로": "국민신문고",
           "민원인": "남궁**", "민원종류": "법정민원", "처리부서": "맞춤형복지팀",
           "처리기한": "0000-00-00 00:00", "처리일시": "0000-00-00 00:00", "처리결과": "정보제공",
           "상태": LATE}
FIXED = ("접수일시", "처리기한", "처리일시")  # one format, sized to fit: never wrapped
UNIQUE = ("접수번호", "제목")  # a value a row: not worth caching its wrapping
STATUS = 10  # the 상태 column, where a late case says so


@dataclass(frozen=True)
class RegisterDoc:
    office: str
    first: date
    last: date
    made: str               # "2026-11-27 14:05 작성"
    headers: tuple[str, ...]

    @property
    def title(self) -> str:
        return f"민원처리부 {self.first:%Y-%m-%d} ~ {self.last:%Y-%m-%d}"


@dataclass(frozen=True)
class RegisterPrinted:
    pages: int
    rows: int
    late: int


def _width(text: str, bold: bool = False) -> float:
    from reportlab.pdfbase.pdfmetrics import stringWidth
    font = pdf.korean_font()  # registers the bold face too
    return stringWidth(text, "Korean-Bold" if bold else font, FONT_SIZE)


def wrap(text: str, width: float) -> str:
    """Lines of `text` that fit `width` points: broken at spaces, a word longer than the line
    anywhere (Hangul may break between syllables)."""
    if _width(text) <= width:
        return text
    lines, line = [], ""
    for word in text.split(" "):
        candidate = f"{line} {word}" if line else word
        if _width(candidate) <= width:
            line = candidate
            continue
        if line:
            lines.append(line)
        while len(word) > 1 and _width(word) > width:
            cut = len(word) - 1
            while cut > 1 and _width(word[:cut]) > width:
                cut -= 1
            lines.append(word[:cut])
            word = word[cut:]
        line = word
    lines.append(line)
    return "\n".join(lines)


@lru_cache(maxsize=4096)
def _wrap_cached(text: str, width: float) -> str:
    return wrap(text, width)


class _Layout:
    """Column widths and the wrapping of one row into printable cells and its height."""

    def __init__(self, headers: tuple[str, ...]) -> None:
        names = [h.split("(")[0] for h in headers]
        fitted = {n: max(_width(SAMPLES[n]), _width(n, bold=True)) + 2 * PAD + 2
                  for n in names if n in SAMPLES}
        rest = pdf.content_width(landscape=True) - sum(fitted.values())
        self.widths = [fitted.get(n, rest) for n in names]
        self.room = [w - 2 * PAD for w in self.widths]
        self.fixed = [n in FIXED for n in names]
        self.unique = [n in UNIQUE for n in names]

    def cells(self, values: tuple[str, ...], late: bool) -> tuple[list[str], float]:
        cells = []
        for n, value in enumerate(values):
            value = value or ""
            if not self.fixed[n]:
                value = (wrap if self.unique[n] else _wrap_cached)(value, self.room[n])
            if n == STATUS and late:
                value = f"{value}\n{LATE}" if value else LATE
            cells.append(value)
        lines = max(c.count("\n") for c in cells) + 1
        return cells, lines * LEADING + 2 * PAD


def _table(headers: list[str], layout: _Layout, rows: list[list[str]], heights: list[float]):
    from reportlab.lib import colors
    from reportlab.platypus import Table, TableStyle
    font = pdf.korean_font()
    table = Table([headers, *rows], colWidths=layout.widths,
                  rowHeights=[LEADING + 2 * PAD + 2, *heights], repeatRows=1)
    commands = [
        ("FONTNAME", (0, 0), (-1, -1), font), ("FONTSIZE", (0, 0), (-1, -1), FONT_SIZE),
        ("LEADING", (0, 0), (-1, -1), LEADING),
        ("FONTNAME", (0, 0), (-1, 0), "Korean-Bold"), ("ALIGN", (0, 0), (-1, 0), "CENTER"),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e4e8ee")),
        ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#777777")),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), PAD), ("BOTTOMPADDING", (0, 0), (-1, -1), PAD),
        ("LEFTPADDING", (0, 0), (-1, -1), PAD), ("RIGHTPADDING", (0, 0), (-1, -1), PAD)]
    table.setStyle(TableStyle(commands))
    return table


def _lazy(make):
    """A flowable that makes its Table only when the layout reaches it: a Table keeps a
    style object for every cell (~5 kB a row), too much for 80,000 rows at once."""
    from reportlab.platypus import Flowable

    class Lazy(Flowable):
        table = None

        def _made(self):
            if self.table is None:
                self.table = make()
            return self.table

        def wrap(self, width, height):
            return self._made().wrapOn(self.canv, width, height)

        def split(self, width, height):
            return self._made().splitOn(self.canv, width, height)

        def draw(self) -> None:
            self._made().drawOn(self.canv, 0, 0)
    lazy = Lazy()
    lazy.hAlign = "CENTER"  # as the Table's own: flush with the pages' header rule
    return lazy


def _story_head(doc: RegisterDoc, st) -> list:
    from reportlab.platypus import Paragraph
    return [Paragraph("민원처리부", st.title),
            Paragraph(pdf.escape(f"접수 기간: {doc.first:%Y-%m-%d} ~ {doc.last:%Y-%m-%d}  ·  "
                                 f"{doc.office}  ·  민원인 성명은 가려서 표시합니다 (예: 홍*동)."),
                      st.small)]


def render(doc: RegisterDoc, rows: Iterable, out: Path) -> RegisterPrinted:
    """The register of `rows` (each with .values in the order of doc.headers, and .late),
    consumed once, to `out`."""
    from reportlab.platypus import Paragraph, Spacer
    st = pdf.styles()
    layout = _Layout(doc.headers)
    headers = list(doc.headers)
    story = _story_head(doc, st) + [Spacer(1, 6)]
    chunk, heights, count, late = [], [], 0, 0
    for row in rows:
        cells, height = layout.cells(row.values, row.late)
        chunk.append(cells)
        heights.append(height)
        late += row.late
        count += 1
        if len(chunk) == CHUNK:
            story.append(_lazy(partial(_table, headers, layout, chunk, heights)))
            chunk, heights = [], []
    if chunk:
        story.append(_lazy(partial(_table, headers, layout, chunk, heights)))
    if count == 0:
        story.append(Paragraph("이 기간에 접수된 민원이 없습니다.", st.heading))
    story += [Spacer(1, 8), Paragraph(pdf.escape(_total(count, late)), st.body)]
    end = pdf.page_counter()
    story.append(end)
    pdf.build(out, story, doc.title, doc.office,
              page=pdf.Page(doc.office, doc.title, doc.made, landscape=True))
    return RegisterPrinted(end.pages, count, late)


def _total(count: int, late: int) -> str:
    text = f"합계 {count:,}건"
    if late:
        text += (f" (그중 {LATE} {late:,}건: 처리기한 뒤에 처리했거나, 작성 시각 현재 처리기한이 "
                 "지났는데 아직 처리 중인 민원)")
    return text
