"""A list model that loads pages on demand, by key, in the background (the fetchMore pattern).

The model holds only rows already shown; `fetch_page(after, limit)` is run in the task lane and
returns rows that have a `.position` (the keyset position for the next page). Changing the
query resets the model; answers to an older query are dropped when they arrive.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Signal

from pcrm_desktop.ui.table_model import RowsModel
from pcrm_desktop.ui.tasks import TaskRunner

Index = QModelIndex | QPersistentModelIndex
PAGE = 100


class LazyRowsModel(RowsModel):
    loading_changed = Signal(bool)
    failed = Signal(object)

    def __init__(self, runner: TaskRunner,
                 columns: Sequence[tuple[Callable[[], str], Callable[[object], object]]]) -> None:
        super().__init__(columns)
        self.runner = runner
        self._fetch: Callable[[tuple | None, int], list] | None = None
        self._generation = 0
        self._loading = False
        self._exhausted = True

    def set_source(self, fetch_page: Callable[[tuple | None, int], list]) -> None:
        """Show the rows `fetch_page` gives, from the first page."""
        self._generation += 1
        self.beginResetModel()
        self._rows, self._fetch, self._exhausted, self._loading = [], fetch_page, False, False
        self.endResetModel()
        self.fetchMore(QModelIndex())

    def is_loading(self) -> bool:
        return self._loading

    # --- Qt's lazy loading ----------------------------------------------------------------
    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:
        return not parent.isValid() and not self._exhausted and not self._loading and self._fetch is not None

    def fetchMore(self, parent: Index = QModelIndex()) -> None:
        if not self.canFetchMore(parent):
            return
        generation, fetch = self._generation, self._fetch
        after = self._rows[-1].position if self._rows else None
        self._set_loading(True)
        self.runner.run(lambda control: fetch(after, PAGE),
                        lambda rows: self._arrived(generation, rows),
                        lambda error: self._failed(generation, error))

    def _arrived(self, generation: int, rows: list) -> None:
        if generation != self._generation:
            return  # an answer to a query the clerk has already changed
        if rows:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()
        self._exhausted = len(rows) < PAGE
        self._set_loading(False)

    def _failed(self, generation: int, error: BaseException) -> None:
        if generation == self._generation:
            self._exhausted = True
            self._set_loading(False)
            self.failed.emit(error)

    def _set_loading(self, loading: bool) -> None:
        self._loading = loading
        self.loading_changed.emit(loading)
