"""The monthly access-log review (개인정보 접속기록 점검표) as PDF, A4: the month's counts per
account and kind of act, the unusual patterns with the entries behind them, every print,
export and reveal with its reason, the hash chain's check with the head hash (so the paper
copy anchors the log), and a box for the reviewing manager's signature.

It prints an AccessLogDoc and computes nothing except how a value is written. Residents appear
masked (홍*동 (#12)), as the service gave them."""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from pcrm_desktop.domain.access_review import (
    BURST,
    FAILED_LOGINS,
    FLAG_TEXTS,
    FLAGS,
    KIND_TEXTS,
    KINDS,
    NO_REASON,
    OFF_HOURS,
    PRINT,
    REVEALS,
    SUMMARY_ENTRIES_PER_FINDING,
    WHEN_TEXTS,
    Finding,
    Summary,
    action_text,
    chain_text,
    kind_of,
    rule_text,
)
from pcrm_desktop.domain.audit import ChainReport
from pcrm_desktop.domain.office import OfficeHours
from pcrm_desktop.reports import pdf

WEEKDAYS = "월화수목금토일"
PRINTS_LISTED = 300  # more prints than this in a month: counted per account, not listed


@dataclass(frozen=True)
class AccessLogDoc:
    office: str
    first: date
    last: date
    made: datetime
    made_by: str                       # "김팀장(kim.tm)"
    hours: OfficeHours
    summary: Summary
    staff: Mapping[str, str]           # login → name
    findings: Sequence[Finding]
    finding_entries: Mapping[int, Any]   # entry id → row (services.access_log.LogRow, by attribute)
    watched: Sequence                  # the month's prints, exports and reveals (LogRow)
    chain: ChainReport
    checked_at: datetime
    chain_events: Sequence = ()        # re-anchors and signing-key moves in the month (LogRow)

    @property
    def title(self) -> str:
        return f"{self.first:%Y}년 {self.first.month}월 개인정보 접속기록 점검표"


def _who(doc: AccessLogDoc, login: str) -> str:
    name = doc.staff.get(login)
    return f"{login} ({name})" if name else login


def _target(row) -> str:
    return row.subject or row.target or "-"


def render(doc: AccessLogDoc, out: Path) -> int:
    """Write the PDF; the number of pages."""
    from reportlab.platypus import Paragraph, Spacer
    st = pdf.styles()
    width = pdf.content_width()
    story = [Paragraph(pdf.escape(doc.title), st.title),
             Paragraph(pdf.escape(" · ".join(x for x in (
                 doc.office, f"기간 {doc.first} ~ {doc.last}",
                 f"작성 {doc.made:%Y-%m-%d %H:%M} {doc.made_by}",
                 f"근무시간 {doc.hours.start:%H:%M}–{doc.hours.end:%H:%M}",
                 "주민 성명은 가려서 표시합니다 (예: 홍*동).") if x)), st.small),
             Spacer(1, 8)]
    story += _summary(doc, st, width)
    story += [Spacer(1, 10)] + _findings(doc, st, width)
    story += [Spacer(1, 10)] + _watched(doc, st, width)
    story += [Spacer(1, 10)] + _chain(doc, st, width)
    story += [Spacer(1, 12)] + _signature(st, width)
    counter = pdf.page_counter()
    pdf.build(out, story + [counter], doc.title, doc.office,
              pdf.Page(doc.office, doc.title, f"{doc.made:%Y-%m-%d %H:%M} 작성"))
    return counter.pages


def _summary(doc: AccessLogDoc, st, width) -> list:
    from reportlab.platypus import KeepTogether, Paragraph, Spacer
    s = doc.summary
    counts = {code: 0 for code in FLAGS}
    for f in doc.findings:
        counts[f.code] += 1
    flagged = ", ".join(f"{FLAG_TEXTS[c]} {n:,}건" for c, n in counts.items() if n) or "없음"
    rows = [("전체 기록", f"{s.total:,}건 (계정 {len(s.accounts):,}개)"),
            ("종류별", " · ".join(f"{KIND_TEXTS[k]} {s.kinds[k]:,}" for k in KINDS)),
            ("이상 징후", flagged),
            ("무결성 검사", chain_text(doc.chain))]
    story = [Paragraph("1. 요약", st.heading), pdf.key_value_table(rows, width, st), Spacer(1, 8)]
    if not s.accounts:
        return story + [Paragraph("이 달의 접속기록이 없습니다.", st.body)]
    table_rows = [[_who(doc, a.actor)] + [f"{a.counts[k]:,}" for k in KINDS] + [f"{a.total:,}"]
                  for a in s.accounts]
    table_rows.append(["합계"] + [f"{s.kinds[k]:,}" for k in KINDS] + [f"{s.total:,}"])
    column = width * 0.7 / (len(KINDS) + 1)
    table = pdf.data_table(["계정"] + [KIND_TEXTS[k] for k in KINDS] + ["합계"], table_rows,
                           [width * 0.3] + [column] * (len(KINDS) + 1), st,
                           numeric=tuple(range(1, len(KINDS) + 2)))
    story.append(KeepTogether([Paragraph("계정별·종류별 기록 수", st.cell_bold), Spacer(1, 2), table]))
    return story


def _when(at: datetime) -> str:
    """11-27(금) 14:05:09: the month is in the title."""
    return f"{at:%m-%d}({WEEKDAYS[at.weekday()]}) {at:%H:%M:%S}"


# (header, share of the width, value) of the entry tables' columns
_COLUMNS = {
    "at": ("일시", 0.17, lambda r: _when(r.at)),
    "actor": ("계정", 0.11, lambda r: r.actor),
    "workstation": ("컴퓨터", 0.11, lambda r: r.workstation),
    "action": ("행위", 0.17, lambda r: action_text(r.action)),
    "target": ("대상", 0.15, _target),
    "reason": ("사유", 0.13, lambda r: r.reason or "-"),
}


def _entry_table(rows: Sequence, st, width, columns: Sequence[str], note=None):
    """Entries in small type, one line each where it fits; the header repeats on every page.
    `note(row)`: a last column saying why the row is listed."""
    from reportlab.lib import colors
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, Table, TableStyle
    small = ParagraphStyle("entry", parent=st.cell, fontSize=8, leading=10)
    head = ParagraphStyle("entry_head", parent=st.cell_bold, fontSize=8, leading=10, alignment=1)
    specs = [_COLUMNS[c] for c in columns] + ([("점검", 0.15, note)] if note else [])
    scale = 1 / sum(share for _, share, _ in specs)
    data = [[Paragraph(pdf.escape(h), head) for h, _, _ in specs]]
    data += [[Paragraph(pdf.escape(value(r)), small) for _, _, value in specs] for r in rows]
    table = Table(data, colWidths=[width * share * scale for _, share, _ in specs], repeatRows=1)
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), pdf.korean_font()),
        ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#777777")),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e4e8ee")),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
        ("LEFTPADDING", (0, 0), (-1, -1), 2.5), ("RIGHTPADDING", (0, 0), (-1, -1), 2.5)]))
    return table


def _findings(doc: AccessLogDoc, st, width) -> list:
    from reportlab.platypus import KeepTogether, Paragraph, Spacer
    story = [Paragraph("2. 이상 징후", st.heading)]
    story += [Paragraph(pdf.escape(f"· {FLAG_TEXTS[c]}: {rule_text(c, doc.hours)}"), st.small)
              for c in FLAGS]
    story.append(Spacer(1, 4))
    if not doc.findings:
        return story + [Paragraph("이 달에는 점검 기준에 해당하는 기록이 없습니다.", st.body)]
    for code in (BURST, FAILED_LOGINS):
        for f in (x for x in doc.findings if x.code == code):
            rows = [doc.finding_entries[i] for i in f.entry_ids[:SUMMARY_ENTRIES_PER_FINDING]
                    if i in doc.finding_entries]
            more = len(f.entry_ids) - len(rows)
            block = [Paragraph(pdf.escape(f"[{FLAG_TEXTS[code]}] {f.text()}"), st.cell_bold),
                     Spacer(1, 2), _entry_table(rows, st, width, ("at", "workstation", "action", "target"))]
            if more > 0:
                block.append(Paragraph(pdf.escape(f"… 외 {more:,}건 (접속기록 검토 화면에서 모두 볼 수 있습니다)"),
                                       st.small))
            story += ([KeepTogether(block)] if len(rows) <= 12 else block) + [Spacer(1, 6)]
    singles = [f for f in doc.findings if f.code in (OFF_HOURS, NO_REASON)]
    if singles:
        by_entry: dict[int, list[str]] = {}
        for f in singles:
            label = (WHEN_TEXTS.get(f.value("when"), f.value("when")) if f.code == OFF_HOURS
                     else "사유 없음")
            by_entry.setdefault(f.entry_ids[0], []).append(label)
        rows = sorted((doc.finding_entries[i] for i in by_entry if i in doc.finding_entries),
                      key=lambda r: (r.at, r.id))
        story += [Paragraph(pdf.escape(f"[{FLAG_TEXTS[OFF_HOURS]} · {FLAG_TEXTS[NO_REASON]}] "
                                       f"{len(rows):,}건"), st.cell_bold), Spacer(1, 2),
                  _entry_table(rows, st, width, ("at", "actor", "workstation", "action", "target", "reason"),
                               note=lambda r: ", ".join(by_entry[r.id]))]
    return story


def _watched(doc: AccessLogDoc, st, width) -> list:
    """Every export and reveal with its reason; every print too, unless the month has more
    than PRINTS_LISTED (then they are counted per account and kind; those outside office hours
    are listed one by one under 2 anyway)."""
    from collections import Counter

    from reportlab.platypus import KeepTogether, Paragraph, Spacer
    story = [Paragraph("3. 출력·반출·가린 정보 표시 목록", st.heading),
             Paragraph("개인정보를 담은 파일을 만들거나 내보낸 기록과 가린 정보를 표시한 기록입니다. "
                       "반출과 표시에는 사유가 있어야 합니다.", st.small), Spacer(1, 3)]
    if not doc.watched:
        return story + [Paragraph("이 달에는 해당 기록이 없습니다.", st.body)]
    prints = [r for r in doc.watched if kind_of(r.action) == PRINT]
    listed = [r for r in doc.watched if kind_of(r.action) != PRINT or len(prints) <= PRINTS_LISTED]
    kinds = Counter(KIND_TEXTS[kind_of(r.action)] if r.action not in REVEALS else "가린 정보 표시"
                    for r in doc.watched)
    if listed:
        story.append(_entry_table(listed, st, width,
                                  ("at", "actor", "workstation", "action", "target", "reason")))
    if len(prints) > PRINTS_LISTED:
        per = Counter((r.actor, r.action) for r in prints)
        rows = [[_who(doc, actor), action_text(action), f"{n:,}"]
                for (actor, action), n in sorted(per.items(), key=lambda kv: (-kv[1], kv[0]))]
        story += [Spacer(1, 6), KeepTogether([
            Paragraph(pdf.escape(f"출력 {len(prints):,}건: 계정별 건수 (근무시간 밖의 출력은 2.에 한 건씩 "
                                 "있습니다. 한 건씩 보려면 접속기록 검토 화면에서 종류 '출력')"),
                      st.cell_bold), Spacer(1, 2),
            pdf.data_table(["계정", "행위", "건수"], rows, [width * 0.4, width * 0.4, width * 0.2],
                           st, numeric=(2,))])]
    story.append(Paragraph(pdf.escape("합계 " + " · ".join(f"{k} {n:,}건" for k, n in sorted(kinds.items()))),
                           st.body))
    return story


def _chain(doc: AccessLogDoc, st, width) -> list:
    from reportlab.platypus import KeepTogether, Paragraph
    c = doc.chain
    rows = [("검사 결과", chain_text(c)),
            ("검사 시각", f"{doc.checked_at:%Y-%m-%d %H:%M:%S}"),
            ("검사 범위", f"{c.first_id if c.first_id is not None else '-'}번부터 "
                      f"{c.last_id if c.last_id is not None else '-'}번까지 {c.checked:,}건"),
            ("마지막 기록의 해시", _grouped(c.last_hash) if c.ok
             else f"(손상 전 마지막 정상 기록) {_grouped(c.last_hash)}")]
    if c.ok and c.last_id is not None:
        rows.append(("대조용 머리", f"{c.last_id}:{c.last_hash[:16]}"))
    if c.accepted:
        rows.append(("확인 못 한 기록", f"{c.accepted:,}건 (이 PC에 없는 서명 키, 관리자가 받아들임)"))
    events = [f"{row.at:%m-%d %H:%M} {_who(doc, row.actor)}: {action_text(row.action)}"
              + (f" — 사유: {row.reason}" if row.reason else "") for row in doc.chain_events]
    rows.append(("기준점·서명 키 변경", "\n".join(events) if events else "이 달에 없음"))
    return [KeepTogether([
        Paragraph("4. 무결성 검증 (해시 체인)", st.heading), pdf.key_value_table(rows, width, st),
        Paragraph("모든 기록은 앞 기록의 해시를 이어 받아 이 PC의 서명 키로 저장되므로, 어느 기록이든 "
                  "고치거나 지우면 여기서 드러납니다. 이 종이를 보관해 두었다가 "
                  "'pcrm audit verify --expect-head 대조용 머리'로 그때까지의 기록이 그대로인지 다시 "
                  "검사할 수 있습니다. 기준점을 다시 정한 일은 위에 사유와 함께 나옵니다.", st.small)])]


def _grouped(digest: str) -> str:
    """SHA-256 in hex, in groups of eight on two lines (easier to read out and compare)."""
    groups = [digest[i:i + 8] for i in range(0, len(digest), 8)]
    return " ".join(groups[:4]) + "\n" + " ".join(groups[4:])


def _signature(st, width) -> list:
    from reportlab.lib import colors
    from reportlab.platypus import KeepTogether, Paragraph, Table, TableStyle
    cell = st.cell
    data = [[Paragraph("검토일", st.cell_bold), Paragraph("", cell),
             Paragraph("검토자 직위·성명", st.cell_bold), Paragraph("", cell),
             Paragraph("서명", st.cell_bold), Paragraph("", cell)],
            [Paragraph("검토 의견 및 조치", st.cell_bold), Paragraph("", cell), "", "", "", ""]]
    widths = [width * f for f in (0.11, 0.21, 0.19, 0.22, 0.08, 0.19)]
    table = Table(data, colWidths=widths, rowHeights=[30, 90])
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), pdf.korean_font()),
        ("GRID", (0, 0), (-1, -1), 0.6, colors.HexColor("#333333")),
        ("SPAN", (1, 1), (-1, 1)),
        ("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#eef1f5")),
        ("BACKGROUND", (2, 0), (2, 0), colors.HexColor("#eef1f5")),
        ("BACKGROUND", (4, 0), (4, 0), colors.HexColor("#eef1f5")),
        ("VALIGN", (0, 0), (-1, 0), "MIDDLE"), ("VALIGN", (0, 1), (-1, 1), "TOP")]))
    return [KeepTogether([Paragraph("5. 검토자 확인", st.heading), table])]
