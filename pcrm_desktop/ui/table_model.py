"""A small read-only table model over a list of dataclass rows, one function per column
(Frescobaldi's "one function per role"). For short lists only; big lists get lazy models."""
from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex


def _cell(function: Callable[..., object], *args: object) -> object:
    """A column's function called; None when its closure is gone. Columns are lambdas over
    their page (`lambda: self.tr(…)`): when a closed window is left to Python's collector, the
    collector empties those closures before Qt has torn the window down, and the teardown still
    asks the model for its header (seen in the UI suite as "cannot access free variable 'self'").
    No other NameError is possible here: ruff (F821) refuses an undefined name."""
    try:
        return function(*args)
    except NameError:
        return None


class RowsModel(QAbstractTableModel):
    def __init__(self, columns: Sequence[tuple[Callable[[], str], Callable[[object], object]]]) -> None:
        super().__init__()
        self._columns = list(columns)
        self._rows: list[object] = []

    def set_rows(self, rows: list[object]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row(self, number: int) -> object:
        return self._rows[number]

    def rows(self) -> list:
        return list(self._rows)

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        value = _cell(self._columns[index.column()][1], self._rows[index.row()])
        return "" if value is None else str(value)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return _cell(self._columns[section][0])
        return None

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, max(0, len(self._columns) - 1))


def figures_table(model, name: str):
    """A read-only table of figures: whole rows selected, no row numbers, columns as wide as
    their contents, the last one taking the rest (or fitted to the table's width by
    column_fit.fit_columns, whose least width is then the table's natural width)."""
    from PySide6.QtWidgets import QAbstractItemView, QHeaderView

    from pcrm_desktop.ui.column_fit import FittedTable
    table = FittedTable()
    table.setObjectName(name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table
