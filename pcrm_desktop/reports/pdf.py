"""What every PDF of the office shares: the one Korean TrueType font (embedded), page size and
margins, paragraph styles, and a table whose cells wrap (Paragraph in every cell).
reportlab is imported here only, and only when a document is made."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pcrm_desktop.domain.errors import ConflictError
from pcrm_desktop.fonts import find_korean_font

_registered: str | None = None


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
        cell=ParagraphStyle("cell", parent=body, fontSize=10, leading=13),
        cell_bold=ParagraphStyle("cell_bold", parent=body, fontName="Korean-Bold", fontSize=10,
                                 leading=13))


def escape(text: object) -> str:
    from xml.sax.saxutils import escape as xml_escape
    return xml_escape("" if text is None else str(text)).replace("\n", "<br/>")


def key_value_table(rows: list[tuple[str, str]], width: float, st: Styles):
    """Two columns (label, value), every cell a Paragraph so long text wraps."""
    from reportlab.lib import colors
    from reportlab.platypus import Paragraph, Table, TableStyle
    data = [[Paragraph(escape(k), st.cell_bold), Paragraph(escape(v), st.cell)] for k, v in rows]
    table = Table(data, colWidths=[width * 0.24, width * 0.76])
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#555555")),
        ("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#eef1f5")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 4), ("BOTTOMPADDING", (0, 0), (-1, -1), 4)]))
    return table


def build(out: Path, story: list, title: str, author: str) -> None:
    """Write the document to `out` atomically (a half-written PDF never appears under its name)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import SimpleDocTemplate
    out = Path(out)
    partial = out.with_name(f".{out.name}.partial")
    try:
        doc = SimpleDocTemplate(str(partial), pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm,
                                topMargin=18 * mm, bottomMargin=18 * mm, title=title,
                                author=author, subject=title)
        doc.build(story)
        partial.replace(out)
    finally:
        partial.unlink(missing_ok=True)


def content_width() -> float:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    return A4[0] - 40 * mm
