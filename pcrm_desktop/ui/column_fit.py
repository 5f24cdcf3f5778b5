"""A table's columns within the table's width (issue 18: a 1366-wide screen at 150 % text must
show a list's last columns, 처리기한 and D-day, without a sideways scroll).

Each column says what it holds:
- `content`: a short value of known shape (a number, a status, a due date): as wide as its
  widest sample or its header, never narrower;
- `text`: free text (a category, a reason): as wide as a typical sample when there is room,
  narrower when there is not, down to its `least` (shortened with "…", or by its own `short`
  form, a date without its time; the whole text stays in the cell's tooltip);
- `stretch`: a text column that also takes what is left over (a title).
When even the narrowest widths do not fit (150 % text in English), the columns marked
`gives_way` are hidden, 1 first, and come back when the table is wide enough again.

The widths are worked out again whenever the table's width, font or headers change. A user
may still drag a column wider; the next change of width fits them again.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSize, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QTableView,
    QToolTip,
)

CONTENT, TEXT, STRETCH = "content", "text", "stretch"

Sample = str | Callable[[], str | Sequence[str]] | None  # a callable: in this language's words


@dataclass(frozen=True)
class Column:
    kind: str = CONTENT
    sample: Sample = None    # the widest value(s) expected; None: measured from the rows present
    extra: int = 0           # px beside the text (a combo's arrow)
    least: Sample = None     # a text column's narrowest useful value; None: about 8 digits
    short: Callable[[str], str] | None = None   # the cell's text when it does not fit whole
    gives_way: int = 0       # hidden in this order (1 first) when nothing else fits; 0: never


def content(sample: Sample = None, extra: int = 0, gives_way: int = 0) -> Column:
    return Column(CONTENT, sample, extra, gives_way=gives_way)


def text(sample: Sample = None, least: Sample = None, short: Callable[[str], str] | None = None,
         gives_way: int = 0) -> Column:
    return Column(TEXT, sample, least=least, short=short, gives_way=gives_way)


def stretch(sample: Sample = None) -> Column:
    return Column(STRETCH, sample)


def before_brackets(shown: str) -> str:
    """A figure without what follows it in brackets: "72.4 (n 45, 참고)" → "72.4"."""
    return shown.split(" (", 1)[0]


def share(room: int, fixed: Sequence[int | None], wanted: Sequence[int], least: Sequence[int],
          stretch_at: int | None) -> list[int]:
    """Widths for the columns: `fixed` ones kept (None marks a flexible one); each flexible
    column between its `least` and `wanted`, all shrunk in the same proportion when room is
    short; what is left over goes to the stretch column (index `stretch_at`), or without one
    is shared by the flexible columns (or given to the last column)."""
    widths = [w if w is not None else 0 for w in fixed]
    flexible = [i for i, w in enumerate(fixed) if w is None]
    left = room - sum(w for w in fixed if w is not None)
    low, high = sum(least[i] for i in flexible), sum(wanted[i] for i in flexible)
    scale = 1.0 if high <= low else max(0.0, min(1.0, (left - low) / (high - low)))
    for i in flexible:
        widths[i] = int(least[i] + scale * (wanted[i] - least[i]))
    rest = room - sum(widths)
    if rest > 0 and widths:
        takers = [stretch_at] if stretch_at is not None else flexible or [len(widths) - 1]
        for n, i in enumerate(takers):
            widths[i] += rest // len(takers) + (1 if n < rest % len(takers) else 0)
    return widths


class ShorteningDelegate(QStyledItemDelegate):
    """Draws a cell's short form (a date without its time) when the whole text does not fit,
    rather than cutting it with "…"."""

    def __init__(self, short: Callable[[str], str], parent: QObject) -> None:
        super().__init__(parent)
        self.short = short
        self._measuring = False

    def sizeHint(self, option, index):  # noqa: N802 - Qt's name
        self._measuring = True  # the whole text's width, whatever the column's now
        try:
            return super().sizeHint(option, index)
        finally:
            self._measuring = False

    def initStyleOption(self, option, index) -> None:  # noqa: N802 - Qt's name
        super().initStyleOption(option, index)
        room = option.rect.width() - 8
        if not self._measuring and option.text and option.fontMetrics.horizontalAdvance(option.text) > room:
            option.text = self.short(option.text)


class ColumnFit(QObject):
    """Keeps `table`'s columns within its viewport (see the module's text)."""

    def __init__(self, table: QTableView, columns: Sequence[Column]) -> None:
        super().__init__(table)
        self.table, self.columns = table, list(columns)
        self.dropped: set[int] = set()   # the columns hidden for want of room
        self._busy, self._least = False, 0
        header = table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setTextElideMode(Qt.TextElideMode.ElideRight)  # a narrowed header: "On-time ra…"
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        for column, spec in enumerate(self.columns):
            if spec.short is not None:
                table.setItemDelegateForColumn(column, ShorteningDelegate(spec.short, table))
        self._later = QTimer(self, singleShot=True, interval=0)
        self._later.timeout.connect(self.apply)
        table.viewport().installEventFilter(self)
        table.installEventFilter(self)
        header.viewport().installEventFilter(self)
        self._watch(table.model())

    def _watch(self, model) -> None:
        if model is None:
            return
        model.headerDataChanged.connect(lambda *_: self._later.start())
        model.modelReset.connect(self._later.start)
        if any(c.sample is None for c in self.columns):  # measured from the rows: again when more come
            model.rowsInserted.connect(lambda *_: self._later.start())
            model.dataChanged.connect(lambda *_: self._later.start())

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        kind = event.type()
        if kind not in (QEvent.Type.ToolTip, QEvent.Type.Resize, QEvent.Type.FontChange, QEvent.Type.StyleChange,
                        QEvent.Type.LanguageChange, QEvent.Type.Show) or not shiboken6.isValid(self.table):
            return False  # (and the table's own events while it is being destroyed)
        if watched is self.table.horizontalHeader().viewport() and kind == QEvent.Type.ToolTip:
            return self._header_tip(event)
        if watched is self.table.viewport() and kind == QEvent.Type.Resize:
            if event.size().width() != event.oldSize().width():
                self.apply()
        elif watched is self.table and kind in (QEvent.Type.FontChange, QEvent.Type.StyleChange,
                                                QEvent.Type.LanguageChange, QEvent.Type.Show):
            self._later.start()
        return False

    # --- measuring ------------------------------------------------------------------------
    def _padding(self) -> int:
        style = self.table.style()
        return 2 * (style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, self.table) + 1) + 10

    def _header_width(self, column: int) -> int:
        header = self.table.horizontalHeader()
        title = self.table.model().headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
        margin = header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
        return header.fontMetrics().horizontalAdvance(str(title or "")) + 2 * margin + 8

    def _text_width(self, sample: Sample, extra: int) -> int:
        sample = sample() if callable(sample) else sample
        samples = [sample] if isinstance(sample, str) else list(sample or [])
        metrics = self.table.fontMetrics()
        return max((metrics.horizontalAdvance(s) for s in samples), default=0) + self._padding() + extra

    def _sample_width(self, column: int) -> int:
        spec = self.columns[column]
        if spec.sample is None:
            return self.table.sizeHintForColumn(column) + spec.extra
        return self._text_width(spec.sample, spec.extra)

    def _digits(self, n: int) -> int:
        return self.table.fontMetrics().horizontalAdvance("0") * n + self._padding()

    def wanted_width(self, column: int) -> int:
        """What the column needs shown whole: its header, and its sample."""
        return max(self._header_width(column), self._sample_width(column))

    def least_width(self, column: int, wanted: int | None = None) -> int:
        """How narrow the column may become: a content column, not at all. `wanted`: the
        column's wanted_width when the caller has it already (measuring rows is not free)."""
        spec = self.columns[column]
        wanted = self.wanted_width(column) if wanted is None else wanted
        if spec.kind == CONTENT:
            return wanted
        if spec.kind == STRETCH:
            return self._digits(12)
        least = self._digits(8) if spec.least is None else self._text_width(spec.least, spec.extra)
        return min(wanted, least)

    def least_total(self, wanted: dict[int, int] | None = None) -> int:
        """The narrowest the columns go, all of them shown."""
        model = self.table.model()
        count = min(model.columnCount(), len(self.columns)) if model is not None else 0
        return sum(self.least_width(i, None if wanted is None else wanted.get(i)) for i in range(count))

    # --- fitting --------------------------------------------------------------------------
    def apply(self) -> None:
        model = self.table.model()
        if self._busy or model is None or not self.table.viewport().width():
            return
        self._busy = True
        try:
            count = min(model.columnCount(), len(self.columns))
            # each column measured once a fit (a column measured from its rows asks every row
            # shown; fitting does not change what a column wants)
            wanted = {i: self.wanted_width(i) for i in range(count)}
            self._fit(count, wanted)
            least = self.least_total(wanted)
            if least != self._least:  # a splitter beside the table weighs its width anew
                self._least = least
                self.table.updateGeometry()
        finally:
            self._busy = False

    def _fit(self, count: int, wanted: dict[int, int]) -> None:
        room = self.table.viewport().width()
        least = {i: self.least_width(i, wanted[i]) for i in range(count)}
        shown = list(range(count))
        for column in sorted((i for i in shown if self.columns[i].gives_way),
                             key=lambda i: self.columns[i].gives_way):
            if sum(least[i] for i in shown) <= room:
                break
            shown.remove(column)
        for column in range(count):
            self.table.setColumnHidden(column, column not in shown)
        self.dropped = set(range(count)) - set(shown)
        self._say_dropped()
        kinds = [self.columns[i].kind for i in shown]
        stretch_at = kinds.index(STRETCH) if STRETCH in kinds else None
        widths = share(room, [wanted[i] if self.columns[i].kind == CONTENT else None for i in shown],
                       [max(wanted[i], least[i]) for i in shown], [least[i] for i in shown], stretch_at)
        header = self.table.horizontalHeader()
        for column, width in zip(shown, widths):
            if header.sectionSize(column) != width:
                header.resizeSection(column, width)

    def _header_tip(self, event) -> bool:
        """A header's whole name (a narrowed one ends in "…"), and the hidden columns."""
        header = self.table.horizontalHeader()
        column = header.logicalIndexAt(event.pos())
        title = self.table.model().headerData(column, Qt.Orientation.Horizontal,
                                              Qt.ItemDataRole.DisplayRole) if column >= 0 else None
        tip = "\n".join(t for t in (str(title or ""), header.toolTip()) if t)
        if not tip:
            return False
        QToolTip.showText(event.globalPos(), tip, header)
        return True

    def _say_dropped(self) -> None:
        """The header's tooltip names the hidden columns, so a clerk knows they are there."""
        model = self.table.model()
        names = [str(model.headerData(i, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole))
                 for i in sorted(self.dropped)]
        self.table.horizontalHeader().setToolTip(QCoreApplication.translate(
            "ColumnFit", "자리가 좁아 숨긴 열: {columns} (창을 넓히거나 글자 크기를 줄이면 보입니다)").format(
                columns=", ".join(names)) if names else "")


class FittedTable(QTableView):
    """A table whose natural width is what its fitted columns need at the least: a splitter
    beside it (AdaptiveSplitter) puts its neighbour below rather than squeeze the columns."""

    column_fit: ColumnFit | None = None

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        hint = super().sizeHint()
        if self.column_fit is None:
            return hint
        width = (self.column_fit.least_total() + 2 * self.frameWidth()
                 + self.verticalScrollBar().sizeHint().width())
        return QSize(width, hint.height())


def fit_columns(table: QTableView, columns: Sequence[Column]) -> ColumnFit:
    """Fit `table`'s columns now and whenever its width or texts change; kept as the table's
    `column_fit`."""
    fit = ColumnFit(table, columns)
    table.column_fit = fit
    fit.apply()
    return fit
