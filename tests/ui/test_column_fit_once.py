"""A fit measures each column once (issue 19's benchmark: the 민원 list's first rows after a tab
change came twice as late as before the fitted columns, because every fit measured each
column measured from its rows three times: for what it wants, for how narrow it may go, and
again for the table's least width). The widths stay what the columns want."""
from __future__ import annotations

from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QTableView

from pcrm_desktop.ui.column_fit import content, fit_columns, stretch, text


class CountingTable(QTableView):
    """Counts the columns measured from their rows."""

    def __init__(self) -> None:
        super().__init__()
        self.asked: list[int] = []

    def sizeHintForColumn(self, column: int) -> int:  # noqa: N802 - Qt's name
        self.asked.append(column)
        return super().sizeHintForColumn(column)


def _table(qtbot) -> CountingTable:
    model = QStandardItemModel(60, 4)
    for row in range(60):
        model.setItem(row, 0, QStandardItem(f"2026-{row:06d}"))
        model.setItem(row, 1, QStandardItem("처리 중" if row % 2 else "접수"))
        model.setItem(row, 2, QStandardItem("도로/교통" if row % 3 else "환경/위생/청소"))
        model.setItem(row, 3, QStandardItem("가로등 고장 신고 " * (row % 4 + 1)))
    model.setHorizontalHeaderLabels(["접수번호", "상태", "분류", "제목"])
    table = CountingTable()
    table.setModel(model)
    qtbot.addWidget(table)
    table.resize(900, 400)
    table.show()
    qtbot.waitExposed(table)
    return table


def test_each_column_measured_from_its_rows_once_a_fit(qtbot):
    table = _table(qtbot)
    fit = fit_columns(table, [content(), content(), text(), stretch("가로등 고장 신고")])
    table.asked.clear()
    fit.apply()
    assert sorted(table.asked) == [0, 1, 2]   # the title has a sample: not measured from rows


def test_the_widths_are_what_the_columns_want(qtbot):
    table = _table(qtbot)
    fit = fit_columns(table, [content(), content(), text(), stretch("가로등 고장 신고")])
    header = table.horizontalHeader()
    for column in (0, 1):   # content columns: their widest row or header, on a wide table
        wanted = max(fit._header_width(column), table.sizeHintForColumn(column))
        assert header.sectionSize(column) == wanted
    assert header.sectionSize(2) == max(fit._header_width(2), table.sizeHintForColumn(2))
    # the title takes what is left, and nothing scrolls sideways
    assert sum(header.sectionSize(c) for c in range(4)) == table.viewport().width()
    assert fit.least_total() == sum(fit.least_width(c) for c in range(4))
