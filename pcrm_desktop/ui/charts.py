"""The two charts drawn by hand: the survey page's item scores (bars with their 95 % ranges) and
the analysis page's importance–performance grid. Every length comes from the font's metrics, so
at 150 % text and in English no label is cut at the drawing's edge (issue 18); a label that
still has no room is shortened with "…"."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from pcrm_desktop.domain.survey_stats import Estimate
from pcrm_desktop.ui.labels import item_label

LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
CENTRE = Qt.AlignmentFlag.AlignCenter


class _Chart(QWidget):
    """A drawing whose texts each get a box of a full line's height, shortened with "…" to the
    box's width; the boxes of the last drawing are kept (in the widget's coordinates) in
    `texts`, so a test can see that every one lies inside the widget."""

    def __init__(self) -> None:
        super().__init__()
        self.texts: list[tuple[QRectF, str]] = []

    def _text(self, painter: QPainter, rect: QRectF, align, text: str) -> None:
        shown = painter.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, int(rect.width()))
        painter.drawText(rect, align, shown)
        self.texts.append((painter.transform().mapRect(rect), shown))


class ScoreChart(_Chart):
    """Horizontal bars of 100-point item scores with their 95 % ranges; a suppressed item
    shows no bar, only its n. Its natural width holds the longest item name, a bar and the
    figures after it: a splitter puts it below the tables when that does not fit beside."""

    BAR_ROOM = 220   # px the bars have at their natural width
    LEAST_BAR = 120  # and at the least

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("surveyChart")
        self.rows: list[tuple[str, Estimate]] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def set_rows(self, rows: list[tuple[str, Estimate]]) -> None:
        self.rows = rows
        self.updateGeometry()
        self.update()

    # --- measures -------------------------------------------------------------------------
    def _row_height(self) -> int:
        return max(28, self.fontMetrics().height() + 10)

    def _label_width(self) -> int:
        return max((self.fontMetrics().horizontalAdvance(label) for label, _ in self.rows), default=40) + 10

    @staticmethod
    def value_text(e: Estimate) -> str:
        note = QCoreApplication.translate("SurveysPage", "참고") if e.visibility == "reference" else ""
        return f"{e.value:.1f}  n {e.n}" + (f" {note}" if note else "")

    @staticmethod
    def hidden_text(e: Estimate) -> str:
        return QCoreApplication.translate("SurveysPage", "n {n} — 30 미만, 표시하지 않음").format(n=e.n)

    def _value_width(self) -> int:
        metrics = self.fontMetrics()
        return max((metrics.horizontalAdvance(self.value_text(e)) for _, e in self.rows if e.shown),
                   default=metrics.horizontalAdvance("100.0  n 000")) + 12

    def _height(self) -> int:
        return 8 + self._row_height() * len(self.rows) + self.fontMetrics().height() + 8

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(self._label_width() + self.BAR_ROOM + self._value_width(), max(120, self._height()))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(min(self._label_width(), 160) + self.LEAST_BAR + self._value_width(),
                     max(120, self._height()))

    # --- drawing --------------------------------------------------------------------------
    def paintEvent(self, event) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.texts = []
        metrics, row = self.fontMetrics(), self._row_height()
        right = self._value_width()
        label_width = min(self._label_width(), max(60, self.width() - right - self.LEAST_BAR))
        width = max(50, self.width() - label_width - right)
        top, text_height = 8, metrics.height()
        bottom = top + row * len(self.rows)
        painter.setPen(QPen(QColor("#999")))
        tick_width = metrics.horizontalAdvance("100") + 4
        for tick in (0, 25, 50, 75, 100):
            x = label_width + width * tick / 100
            painter.drawLine(int(x), top, int(x), bottom)
            self._text(painter, QRectF(max(0.0, x - tick_width / 2), bottom + 2, tick_width, text_height),
                       CENTRE, str(tick))
        for n, (label, e) in enumerate(self.rows):
            y = top + row * n
            painter.setPen(QPen(QColor("#222")))
            self._text(painter, QRectF(0, y, label_width - 8, row), RIGHT, label)
            if not e.shown:
                room = QRectF(label_width + 6, y, width + right - 12, row)
                hidden = self.hidden_text(e)
                painter.fillRect(QRectF(room.left(), y + (row - text_height) / 2,
                                        min(room.width(), metrics.horizontalAdvance(hidden) + 4), text_height),
                                 self.palette().window())  # the grid's lines not through the words
                painter.setPen(QPen(QColor("#888")))
                self._text(painter, room, LEFT, hidden)
                continue
            self._bar(painter, e, label_width, width, y, row)
            self._text(painter, QRectF(label_width + width + 8, y, right - 8, row), LEFT, self.value_text(e))
        painter.end()

    @staticmethod
    def _bar(painter: QPainter, e: Estimate, left: float, width: float, y: float, row: int) -> None:
        middle = y + row / 2
        color = QColor("#1f5fa8") if e.visibility == "shown" else QColor("#8fb0d8")
        painter.fillRect(QRectF(left, middle - 7, width * e.value / 100, 14), color)
        painter.setPen(QPen(QColor("#333"), 1.5))
        low, high = left + width * e.low / 100, left + width * e.high / 100
        painter.drawLine(int(low), int(middle), int(high), int(middle))
        painter.drawLine(int(low), int(middle - 5), int(low), int(middle + 5))
        painter.drawLine(int(high), int(middle - 5), int(high), int(middle + 5))


class IpaChart(_Chart):
    """Performance (100-point score) across, importance (r with OVERALL) up, cut at the means:
    the upper-left quadrant holds the items to fix first. The margins hold the axes' values
    and titles; the quadrants' names and the items' names stay inside the plot."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("ipaChart")
        self.ipa = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_ipa(self, ipa) -> None:
        self.ipa = ipa
        self.update()

    def _small(self) -> QFont:
        small = QFont(self.font())
        small.setPointSizeF(max(7.0, small.pointSizeF() * 0.85))
        return small

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        # not taller than the page has at 150 % text: it grows into any room there is
        line = QFontMetrics(self._small()).height()
        return QSize(max(420, 36 * line), max(260, 13 * line))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        line = QFontMetrics(self._small()).height()
        return QSize(max(360, 24 * line), max(220, 11 * line))

    def margins(self, metrics: QFontMetrics) -> tuple[int, int, int, int]:
        """(left, right, top, bottom): room for the axes' titles and values outside the plot."""
        line = metrics.height()
        values = max(metrics.horizontalAdvance(s) for s in ("0.00", "-0.00", "1.00"))
        return line + 6 + values + 8, 12, line // 2 + 6, 2 * line + 10

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt's name
        ipa = self.ipa
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setFont(self._small())
        self.texts = []
        metrics = QFontMetrics(painter.font())
        left, right, top, bottom = self.margins(metrics)
        plot = QRectF(left, top, self.width() - left - right, self.height() - top - bottom)
        painter.setPen(QPen(QColor("#777")))
        painter.drawRect(plot)
        points = [i for i in (ipa.items if ipa else []) if i.importance is not None
                  and i.performance.value is not None]
        if not ipa or not ipa.enough or not points:
            painter.drawText(plot, CENTRE | Qt.TextFlag.TextWordWrap,
                             self.tr("응답이 100건 이상일 때 그립니다 (지금 {n}건).").format(
                                 n=ipa.responses if ipa else 0))
            painter.end()
            return
        xs = [i.performance.value for i in points]
        ys = [i.importance for i in points]
        bounds = (min(xs + [ipa.mean_performance]) - 3, max(xs + [ipa.mean_performance]) + 3,
                  min(ys + [ipa.mean_importance]) - 0.05, max(ys + [ipa.mean_importance]) + 0.05)

        def at(x: float, y: float) -> tuple[float, float]:
            x0, x1, y0, y1 = bounds
            return (plot.left() + (x - x0) / (x1 - x0) * plot.width(),
                    plot.top() + (1 - (y - y0) / (y1 - y0)) * plot.height())
        mx, my = at(ipa.mean_performance, ipa.mean_importance)
        painter.fillRect(QRectF(plot.left(), plot.top(), mx - plot.left(), my - plot.top()),
                         QColor("#fbe9e7"))  # fix first
        painter.setPen(QPen(QColor("#999"), 1, Qt.PenStyle.DashLine))
        painter.drawLine(int(mx), int(plot.top()), int(mx), int(plot.bottom()))
        painter.drawLine(int(plot.left()), int(my), int(plot.right()), int(my))
        painter.setPen(QPen(QColor("#444")))
        self._quadrants(painter, metrics, plot)
        self._axes(painter, metrics, plot, at, bounds, ipa.mean_performance, ipa.mean_importance)
        self._points(painter, metrics, plot, at, points)
        painter.end()

    def _quadrants(self, painter: QPainter, metrics: QFontMetrics, plot: QRectF) -> None:
        line, half = metrics.height(), plot.width() / 2 - 8
        for text, y, align in ((self.tr("먼저 개선"), plot.top() + 2, Qt.AlignmentFlag.AlignLeft),
                               (self.tr("유지 강화"), plot.top() + 2, Qt.AlignmentFlag.AlignRight),
                               (self.tr("점진 개선"), plot.bottom() - line - 2, Qt.AlignmentFlag.AlignLeft),
                               (self.tr("과잉 가능"), plot.bottom() - line - 2, Qt.AlignmentFlag.AlignRight)):
            x = plot.left() + 4 if align == Qt.AlignmentFlag.AlignLeft else plot.right() - 4 - half
            self._text(painter, QRectF(x, y, half, line), align | Qt.AlignmentFlag.AlignVCenter, text)

    def _axes(self, painter: QPainter, metrics: QFontMetrics, plot: QRectF, at, bounds,
              mean_x: float, mean_y: float) -> None:
        x0, x1, y0, y1 = bounds
        line = metrics.height()
        self._text(painter, QRectF(plot.left(), plot.bottom() + line + 6, plot.width(), line), CENTRE,
                   self.tr("성과 (100점 점수) →"))
        for x in (x0, mean_x, x1):  # the axes' values: both ends and the mean
            px, _ = at(x, y0)
            text = f"{x:.1f}"
            half = metrics.horizontalAdvance(text) / 2 + 2
            px = min(max(px, plot.left() + half), plot.right() - half)  # the end values inside
            self._text(painter, QRectF(px - half, plot.bottom() + 3, 2 * half, line), CENTRE, text)
        for y in (y0, mean_y, y1):
            _, py = at(x0, y)
            py = min(max(py, line / 2 + 1), self.height() - line / 2 - 1)
            self._text(painter, QRectF(line + 6, py - line / 2, plot.left() - line - 12, line), RIGHT,
                       f"{y:.2f}")
        painter.save()
        painter.translate(2, plot.center().y())
        painter.rotate(-90)
        self._text(painter, QRectF(-plot.height() / 2, 0, plot.height(), line), CENTRE,
                   self.tr("중요도 (전반적 만족과의 상관) →"))
        painter.restore()

    def _points(self, painter: QPainter, metrics: QFontMetrics, plot: QRectF, at, points) -> None:
        """Each item's dot and name, the name on the dot's left when the right has no room, and
        never above, below or beside the plot."""
        line = metrics.height()
        for item in points:
            x, y = at(item.performance.value, item.importance)
            fix = item.quadrant == "fix_first"
            painter.setBrush(QColor("#b03a2e") if fix else QColor("#1f5fa8"))
            painter.setPen(QPen(QColor("#222")))
            painter.drawEllipse(QRectF(x - 5, y - 5, 10, 10))
            name = item_label(item.label)
            room_right, room_left = plot.right() - x - 9, x - plot.left() - 9
            on_left = metrics.horizontalAdvance(name) > room_right and room_left > room_right
            room = max(20.0, room_left if on_left else room_right)
            text_y = min(max(y - line / 2, plot.top() + 1), plot.bottom() - line - 1)
            rect = QRectF(x - 9 - room, text_y, room, line) if on_left else QRectF(x + 9, text_y, room, line)
            self._text(painter, rect, RIGHT if on_left else LEFT, name)
