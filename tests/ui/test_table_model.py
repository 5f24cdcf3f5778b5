"""The small rows model (ui/table_model.py) when its columns' closures are gone: Python's
collector empties a closed window's lambdas (tp_clear) before Qt has torn the window down,
and the teardown still asks the model for its header and cells. The model answers nothing
instead of raising "cannot access free variable 'self'" into Qt's event loop (which failed a
UI test now and then, in whatever test was running when the collector ran)."""
from __future__ import annotations

from PySide6.QtCore import Qt

from pcrm_desktop.ui.table_model import RowsModel


class _Page:
    def __init__(self) -> None:
        self.unit = "개월"
        self.model = RowsModel([(lambda: "대상", lambda r: r[0]),
                                (lambda: f"보존기간({self.unit})", lambda r: f"{r[1]}{self.unit}")])
        self.model.set_rows([("민원", 60), ("주민", 36)])


def _empty_closures(model: RowsModel) -> int:
    emptied = 0
    for header, value in model._columns:
        for function in (header, value):
            for cell in function.__closure__ or ():
                del cell.cell_contents  # what the collector's tp_clear does to a cycle's cells
                emptied += 1
    return emptied


def test_the_model_answers_until_its_closures_go_and_nothing_after(qapp):
    page = _Page()
    model = page.model
    horizontal = Qt.Orientation.Horizontal
    assert [model.headerData(c, horizontal) for c in range(2)] == ["대상", "보존기간(개월)"]
    assert model.data(model.index(1, 1)) == "36개월"
    assert _empty_closures(model) == 2
    assert model.headerData(0, horizontal) == "대상"           # no closure: still there
    assert model.headerData(1, horizontal) is None             # its page is gone: no answer, no error
    assert model.data(model.index(0, 0)) == "민원"
    assert model.data(model.index(0, 1)) == ""
