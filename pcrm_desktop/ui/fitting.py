"""What keeps a window within a 1366×768 office screen at any text size (issue 18): pages that
scroll down instead of pushing the window past the screen's bottom, and status texts that
shorten with "…" (the whole text in their tooltip) instead of pushing it past its right edge.

A page's width must still fit at 150 % text: tests/ui/screen_checks.py fails a page that
would need a sideways scroll bar, and a table whose last column would (a table's columns are
fitted to its width by column_fit.py).
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QGridLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QWidget,
)


class PageStack(QStackedWidget):
    """A stack whose size is the shown page's, not the largest page's: one tall page (설정 at
    150 %) does not make every page scroll."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.currentChanged.connect(lambda _index: self.updateGeometry())

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        page = self.currentWidget()
        return page.sizeHint() if page is not None else super().sizeHint()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        page = self.currentWidget()
        return page.minimumSizeHint() if page is not None else super().minimumSizeHint()

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt's name
        # Qt's stack answers the tallest page's height (and a scrolling area around it takes
        # that): the shown page's, so a short page does not scroll for a tall one
        page = self.currentWidget()
        if page is None:
            return super().heightForWidth(width)
        return max(page.heightForWidth(width), page.minimumSizeHint().height())


def scrolling(content: QWidget, name: str) -> QScrollArea:
    """`content` in a frameless area that scrolls when the window is shorter (or narrower) than
    the content needs; as large as the window otherwise."""
    area = QScrollArea()
    area.setObjectName(name)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # no Tab stop of its own: Tab scrolls to what it reaches
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidgetResizable(True)
    area.setWidget(content)
    return area


class ElidingLabel(QLabel):
    """One line of text that gives way: shortened with "…" when there is no room, the whole
    text then in its tooltip. For status texts (a database path, the day's figures)."""

    def __init__(self, elide: Qt.TextElideMode = Qt.TextElideMode.ElideRight) -> None:
        super().__init__()
        self.elide = elide  # ElideMiddle for a path, whose file name is at its end

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        metrics = self.fontMetrics()
        return QSize(metrics.horizontalAdvance("…") * 4, super().minimumSizeHint().height())

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        metrics = self.fontMetrics()
        room = self.contentsRect().width()
        shown = metrics.elidedText(self.text(), self.elide, room)
        self.setToolTip(self.text() if shown != self.text() else "")
        painter.drawText(self.contentsRect(), int(self.alignment() | Qt.AlignmentFlag.AlignVCenter), shown)


class DownwardScroll(QScrollArea):
    """Scrolls down only: never narrower than its content needs (so nothing in it is squeezed
    sideways), and as short as the window makes it."""

    def __init__(self, content: QWidget, name: str = "") -> None:
        super().__init__()
        if name:
            self.setObjectName(name)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # no Tab stop of its own
        self.setWidget(content)
        content.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        # the content's texts came or changed (a language, a text size): its width is ours
        if watched is self.widget() and event.type() in (QEvent.Type.LayoutRequest, QEvent.Type.FontChange,
                                                         QEvent.Type.LanguageChange):
            self.updateGeometry()
        return super().eventFilter(watched, event)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self.updateGeometry()  # the content was filled while hidden
        super().showEvent(event)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        content = self.widget().minimumSizeHint()
        bar = self.verticalScrollBar().sizeHint().width()
        frame = 2 * self.frameWidth()
        return QSize(content.width() + bar + frame, min(content.height(), 120) + frame)


class CardRow(QWidget):
    """Figures side by side in one row when there is room, in two rows when not (150 % text on
    a 1366-wide screen): never squeezed below what their texts need."""

    def __init__(self, cards: list[QWidget], spacing: int = 8) -> None:
        super().__init__()
        self.cards, self.spacing = cards, spacing
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setSpacing(spacing)
        self.columns = 0
        self._place(len(cards))

    def _card_width(self) -> int:
        return max(card.minimumSizeHint().width() for card in self.cards)

    def _needed(self, columns: int) -> int:
        return columns * self._card_width() + (columns - 1) * self.spacing

    def _place(self, columns: int) -> None:
        if columns == self.columns:
            return
        for card in self.cards:
            self.grid.removeWidget(card)
        for column in range(max(self.columns, columns)):
            self.grid.setColumnStretch(column, 1 if column < columns else 0)
        for n, card in enumerate(self.cards):
            self.grid.addWidget(card, n // columns, n % columns)
        self.columns = columns
        self.updateGeometry()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        fewest = -(-len(self.cards) // 2)  # at most two rows
        height = super().minimumSizeHint().height()
        return QSize(self._needed(fewest), height)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        all_in_one = self._needed(len(self.cards)) <= event.size().width()
        self._place(len(self.cards) if all_in_one else -(-len(self.cards) // 2))
        super().resizeEvent(event)


class FlowRow(QWidget):
    """Buttons in a row that continue on the next line when the row is too narrow for them."""

    def __init__(self, widgets: list[QWidget], spacing: int = 6) -> None:
        super().__init__()
        self.widgets, self.spacing = widgets, spacing
        for widget in widgets:
            widget.setParent(self)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        size_policy = self.sizePolicy()
        size_policy.setHeightForWidth(True)
        self.setSizePolicy(size_policy)

    def _shown(self) -> list[QWidget]:
        return [w for w in self.widgets if not w.isHidden()]

    def _layout(self, width: int, move: bool) -> int:
        x = y = line = 0
        for widget in self._shown():
            hint = widget.sizeHint()
            if x and x + hint.width() > width:
                x, y, line = 0, y + line + self.spacing, 0
            if move:
                widget.setGeometry(x, y, hint.width(), hint.height())
            x += hint.width() + self.spacing
            line = max(line, hint.height())
        return y + line

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt's name
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt's name
        return self._layout(width, move=False)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        shown = self._shown()
        width = sum(w.sizeHint().width() for w in shown) + self.spacing * max(len(shown) - 1, 0)
        return QSize(width, self._layout(width, move=False))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        widest = max((w.sizeHint().width() for w in self._shown()), default=0)
        return QSize(widest, self._layout(widest, move=False))

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self._layout(event.size().width(), move=True)
        super().resizeEvent(event)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self._layout(self.width(), move=True)  # buttons shown or hidden since
        super().showEvent(event)


class SideBySide(QWidget):
    """Two parts side by side when the window is wide enough for both, one above the other
    when not (150 % text): neither is squeezed below what it needs."""

    def __init__(self, first: QWidget, second: QWidget, stretch: tuple[int, int] = (1, 1)) -> None:
        super().__init__()
        self.first, self.second = first, second
        self.box = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self.box.setContentsMargins(0, 0, 0, 0)
        self.box.addWidget(first, stretch[0])
        self.box.addWidget(second, stretch[1])

    def _side_by_side_width(self) -> int:
        return (self.first.minimumSizeHint().width() + self.second.minimumSizeHint().width()
                + self.box.spacing())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        first, second = self.first.minimumSizeHint(), self.second.minimumSizeHint()
        if self.box.direction() == QBoxLayout.Direction.LeftToRight:
            return QSize(max(first.width(), second.width()), max(first.height(), second.height()))
        return QSize(max(first.width(), second.width()), first.height() + second.height() + self.box.spacing())

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        wide = event.size().width() >= self._side_by_side_width()
        direction = QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom
        if direction != self.box.direction():
            self.box.setDirection(direction)
            self.updateGeometry()
        super().resizeEvent(event)


class SidePanel(QWidget):
    """A panel of wrapped texts beside a list: its natural width is about `digits` figures,
    however long its texts (a wrapped label would ask for a whole line's width), so an
    AdaptiveSplitter keeps it beside the list whenever the list has its room."""

    def __init__(self, digits: int = 44) -> None:
        super().__init__()
        self.digits = digits

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        hint = super().sizeHint()
        narrow = self.fontMetrics().horizontalAdvance("0" * self.digits)
        return QSize(max(min(hint.width(), narrow), self.minimumSizeHint().width()), hint.height())


class AdaptiveSplitter(QSplitter):
    """A list and its detail side by side, as the user dragged them, while the window is wide
    enough for both at their natural width; one above the other when not (150 % text)."""

    def __init__(self, parent: QWidget | None = None, follow_contents: bool = False) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setChildrenCollapsible(False)
        # arranged again when a part's natural width changes (figures that come after the
        # page is shown), not only when the window is resized
        self.follow_contents = follow_contents

    def _side_by_side_width(self) -> int:
        parts = [self.widget(i) for i in range(self.count())]
        return sum(part.sizeHint().width() for part in parts) + self.handleWidth() * (len(parts) - 1)

    TALL_ENOUGH = 300  # px a list keeps when the detail goes below it

    def _heights(self, width: int) -> list[int]:
        """What each part needs at this width, its wrapped texts counted."""
        heights = []
        for i in range(self.count()):
            part = self.widget(i)
            need = part.minimumSizeHint().height()
            if part.hasHeightForWidth():
                need = max(need, part.heightForWidth(width))
            heights.append(max(need, self.TALL_ENOUGH if i == 0 else 0))
        return heights

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        if not self.count() or self.orientation() == Qt.Orientation.Horizontal:
            return super().minimumSizeHint()
        widths = [self.widget(i).minimumSizeHint().width() for i in range(self.count())]
        heights = self._heights(max(self.width(), max(widths)))
        return QSize(max(widths), sum(heights) + self.handleWidth() * (self.count() - 1))

    def _arrange(self, width: int) -> None:
        wide = width >= self._side_by_side_width()
        wanted = Qt.Orientation.Horizontal if wide else Qt.Orientation.Vertical
        if wanted != self.orientation():
            self.setOrientation(wanted)
            if wanted == Qt.Orientation.Vertical:
                self.setSizes(self._heights(width))
            self.updateGeometry()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self._arrange(event.size().width())
        super().resizeEvent(event)

    def event(self, event) -> bool:
        handled = super().event(event)
        if self.follow_contents and event.type() == QEvent.Type.LayoutRequest and self.isVisible():
            self._arrange(self.width())  # a part's natural width changed (its data came)
        return handled
