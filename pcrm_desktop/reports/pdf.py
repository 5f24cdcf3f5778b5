"""What every PDF of the office shares: the one Korean TrueType font (embedded), page size and
margins, paragraph styles, and a table whose cells wrap (Paragraph in every cell).
reportlab is imported here only, and only when a document is made."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from pcrm_desktop.domain.errors import ConflictError, file_error
from pcrm_desktop.fonts import find_korean_font

_registered: str | None = None
PADDING = 3  # points left and right of a data_table's cell text


def korean_font() -> str:
    """Register the Korean font with reportlab once; its family name for styles."""
    global _registered
    if _registered:
        return _registered
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    font = find_korean_font()
    if font is None:  # boxes or blanks in a PDF given to a resident are worse than no PDF
        raise ConflictError("font_missing")
    pdfmetrics.registerFont(TTFont("Korean", str(font.regular)))
    pdfmetrics.registerFont(TTFont("Korean-Bold", str(font.bold)))
    addMapping("Korean", 0, 0, "Korean")
    addMapping("Korean", 1, 0, "Korean-Bold")
    addMapping("Korean", 0, 1, "Korean")
    addMapping("Korean", 1, 1, "Korean-Bold")
    # charts start from reportlab's default font: make it ours, or every chart puts an
    # unembedded Helvetica in the file's font list
    from reportlab.graphics import shapes
    shapes.STATE_DEFAULTS["fontName"] = "Korean"
    _registered = "Korean"
    return _registered


@dataclass(frozen=True)
class Styles:
    title: object
    heading: object
    body: object
    small: object
    cell: object
    cell_bold: object


def styles() -> Styles:
    from reportlab.lib.styles import ParagraphStyle
    font = korean_font()
    body = ParagraphStyle("body", fontName=font, fontSize=10.5, leading=15, wordWrap="CJK")
    return Styles(
        title=ParagraphStyle("title", parent=body, fontName="Korean-Bold", fontSize=18, leading=24,
                             alignment=1, spaceAfter=10),
        heading=ParagraphStyle("heading", parent=body, fontName="Korean-Bold", fontSize=12,
                               leading=17, spaceBefore=8, spaceAfter=4),
        body=body,
        small=ParagraphStyle("small", parent=body, fontSize=8.5, leading=12,
                             textColor="#444444"),
        # cells break only at spaces (어절), never inside a word or a figure: 'CJK' would
        # break anywhere ('(참/고)', '-43./5%p'); data_table makes its columns wide enough
        cell=ParagraphStyle("cell", parent=body, fontSize=10, leading=13, wordWrap=None),
        cell_bold=ParagraphStyle("cell_bold", parent=body, fontName="Korean-Bold", fontSize=10,
                                 leading=13, wordWrap=None))


def escape(text: object) -> str:
    from xml.sax.saxutils import escape as xml_escape
    # NanumGothic has no U+2212 (minus): it would print as a blank
    return xml_escape("" if text is None else str(text)).replace("\u2212", "-").replace("\n", "<br/>")


NBSP = "\u00a0"
_SHORT_PARENS = re.compile(r"\([^()\s]*(?: [^()\s]+){1,2}\)")  # "(n 14)", "(n 1,234)"


def keep_whole(text: object) -> str:
    """A cell's text with no-break spaces where a line must not break: inside a short
    parenthesis ("— (n 14)") and after an arrow ("▲ +3.1")."""
    text = "" if text is None else str(text)
    text = _SHORT_PARENS.sub(lambda m: m.group(0).replace(" ", NBSP), text)
    return text.replace("▲ ", "▲" + NBSP).replace("▼ ", "▼" + NBSP)


def _widest_word(text: str, font: str, size: float) -> float:
    from reportlab.pdfbase.pdfmetrics import stringWidth
    return max((stringWidth(word, font, size) for word in re.split(r"[ \n]+", text) if word),
               default=0.0)


def fit_widths(widths: list[float], needs: list[float]) -> list[float] | None:
    """Column widths as close to `widths` as lets every column hold its widest word (`needs`),
    the room taken from columns with some to spare; None when the words cannot fit at all."""
    short = sum(max(0.0, n - w) for w, n in zip(widths, needs))
    if short <= 0:
        return list(widths)
    spare = [max(0.0, w - n) for w, n in zip(widths, needs)]
    if sum(spare) < short:
        return None
    share = short / sum(spare)
    return [max(w, n) - s * share for w, n, s in zip(widths, needs, spare)]


def key_value_table(rows: list[tuple[str, str]], width: float, st: Styles):
    """Two columns (label, value), every cell a Paragraph so long text wraps."""
    from reportlab.lib import colors
    from reportlab.platypus import Paragraph, Table, TableStyle
    data = [[Paragraph(escape(k), st.cell_bold), Paragraph(escape(v), st.cell)] for k, v in rows]
    table = Table(data, colWidths=[width * 0.24, width * 0.76])
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), korean_font()),  # no default Helvetica in the file
        ("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#555555")),
        ("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#eef1f5")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 4), ("BOTTOMPADDING", (0, 0), (-1, -1), 4)]))
    return table


def data_table(headers: list[str], rows: list[list], widths: list[float], st: Styles,
               numeric: tuple[int, ...] = (), repeat: bool = True):
    """A table of figures: a shaded header row repeated on every page, every cell a Paragraph
    (long names wrap inside their column), numbers right-aligned, thin grey rules that print
    in black and white."""
    from reportlab.lib import colors
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, Table, TableStyle
    headers = [keep_whole(h) for h in headers]
    rows = [[keep_whole(v) for v in row] for row in rows]
    size, fitted = st.cell.fontSize, None
    while fitted is None:  # the cell's type, smaller only when the words cannot fit otherwise
        needs = [max([_widest_word(h, "Korean-Bold", size)]
                     + [_widest_word(r[n], st.cell.fontName, size) for r in rows if n < len(r)])
                 + 2 * PADDING + 0.5 for n, h in enumerate(headers)]
        fitted = fit_widths(list(widths), needs)
        if fitted is None and size <= 7:
            fitted = list(widths)  # past help: reportlab splits the longest words
        elif fitted is None:
            size -= 0.5
    leading = round(size * 1.3, 1)
    cell = ParagraphStyle("cell_fit", parent=st.cell, fontSize=size, leading=leading)
    right = ParagraphStyle("cell_right", parent=cell, alignment=2)
    head = ParagraphStyle("cell_head", parent=st.cell_bold, fontSize=size, leading=leading, alignment=1)
    data = [[Paragraph(escape(h), head) for h in headers]]
    for row in rows:
        data.append([Paragraph(escape(v), right if n in numeric else cell)
                     for n, v in enumerate(row)])
    table = Table(data, colWidths=fitted, repeatRows=1 if repeat else 0)
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), korean_font()),  # no default Helvetica in the file
        ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#777777")),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e4e8ee")),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("LEFTPADDING", (0, 0), (-1, -1), PADDING), ("RIGHTPADDING", (0, 0), (-1, -1), PADDING)]))
    return table


def page_counter():
    """A flowable of no size for the end of a story: the page it lands on is the count."""
    from reportlab.platypus import Flowable

    class PageCount(Flowable):
        pages = 0

        def wrap(self, *_):
            return 0, 0

        def draw(self) -> None:
            self.pages = self.canv.getPageNumber()
    return PageCount()


@dataclass(frozen=True)
class Page:
    """What every page of a report carries: the office and the report's name at the top, the
    page number ("3 / 12") and when it was made at the bottom."""
    office: str
    title: str
    made: str            # "2026-11-27 14:05 작성"
    landscape: bool = False


def _numbered_canvas(page: Page):
    """A canvas that holds its pages until the end, so each can say "n / total"."""
    from reportlab.pdfgen.canvas import Canvas

    class Numbered(Canvas):
        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self) -> None:  # noqa: N802 - reportlab's name
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self._decorate(total)
                Canvas.showPage(self)
            Canvas.save(self)

        def _decorate(self, total: int) -> None:
            from reportlab.lib.units import mm
            width, height = self._pagesize
            self.saveState()
            self.setFont(korean_font(), 8)
            self.setFillGray(0.35)
            self.drawString(20 * mm, height - 11 * mm, page.office)
            self.drawRightString(width - 20 * mm, height - 11 * mm, page.title)
            self.setStrokeGray(0.6)
            self.setLineWidth(0.4)
            self.line(20 * mm, height - 12.5 * mm, width - 20 * mm, height - 12.5 * mm)
            self.drawString(20 * mm, 10 * mm, page.made)
            self.drawRightString(width - 20 * mm, 10 * mm, f"{self._pageNumber} / {total}")
            self.restoreState()
    return Numbered


def build(out: Path, story: list, title: str, author: str, page: Page | None = None) -> None:
    """Write the document to `out` atomically (a half-written PDF never appears under its name).
    With `page`, every page gets the office, title, page number and time of making, and the
    paper turns landscape if asked (the 민원처리부)."""
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.units import mm
    from reportlab.platypus import SimpleDocTemplate
    out = Path(out)
    partial = out.with_name(f".{out.name}.partial")
    size = landscape(A4) if page is not None and page.landscape else A4
    try:
        doc = SimpleDocTemplate(str(partial), pagesize=size, leftMargin=20 * mm,
                                rightMargin=20 * mm, topMargin=18 * mm, bottomMargin=18 * mm,
                                title=title, author=author, subject=title,
                                initialFontName=korean_font())  # no stray, unembedded Helvetica
        if page is None:
            doc.build(story)
        else:
            doc.build(story, canvasmaker=_numbered_canvas(page))
        partial.replace(out)
    except OSError as error:  # a missing or read-only folder, a full disk, a file held open
        if (refused := file_error(error, out)) is None:
            raise
        raise refused from error
    finally:
        partial.unlink(missing_ok=True)


def content_width(landscape: bool = False) -> float:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    return (A4[1] if landscape else A4[0]) - 40 * mm
