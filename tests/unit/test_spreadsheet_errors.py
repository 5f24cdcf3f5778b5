"""A table written for Excel fails as the clerk can act on it (a DomainError naming the file,
caused by the OSError) when the folder is the problem, and as the OSError itself when it is
something else, so that it is logged with its traceback. Nothing half-written is left behind."""
from __future__ import annotations

import errno

import pytest

from pcrm_desktop.domain.errors import DomainError
from pcrm_desktop.reports.spreadsheet import write_audited, write_sheets, write_table

HEADERS = ["이름", "전화"]
ROWS = [["김민원", "010-1234-5678"]]


def _taken_by_a_folder(tmp_path, name):
    """`name` in tmp_path is a folder with a file in it: a file cannot replace it (EISDIR),
    an error no clerk can fix from the file dialog."""
    out = tmp_path / name
    out.mkdir()
    (out / "keep.txt").write_text("x", encoding="utf-8")
    return out


@pytest.mark.parametrize("name", ["주민.xlsx", "주민.csv"])
def test_a_missing_folder_is_told_as_the_clerk_can_act_on_it(tmp_path, name):
    out = tmp_path / "없는 폴더" / name
    with pytest.raises(DomainError) as raised:
        write_table(out, "주민", HEADERS, ROWS)
    assert raised.value.code == "folder_missing"
    assert raised.value.params["path"] == str(out)
    assert isinstance(raised.value.__cause__, FileNotFoundError)
    assert not out.parent.exists()


def test_an_error_the_clerk_cannot_act_on_is_raised_as_it_is(tmp_path):
    out = _taken_by_a_folder(tmp_path, "주민.xlsx")
    with pytest.raises(IsADirectoryError) as raised:
        write_table(out, "주민", HEADERS, ROWS)
    assert raised.value.errno == errno.EISDIR
    assert sorted(p.name for p in tmp_path.iterdir()) == ["주민.xlsx"]  # no partial file left


def test_sheets_fail_the_same_way(tmp_path):
    with pytest.raises(DomainError) as raised:
        write_sheets(tmp_path / "없는 폴더" / "보고서.xlsx", [("표", HEADERS, ROWS)])
    assert raised.value.code == "folder_missing"
    out = _taken_by_a_folder(tmp_path, "보고서.xlsx")
    with pytest.raises(IsADirectoryError):
        write_sheets(out, [("표", HEADERS, ROWS)])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["보고서.xlsx"]


def test_an_audited_export_that_cannot_take_its_name_raises_the_error_itself(tmp_path):
    """The access-log entry was committed, the file cannot appear: the OSError goes up as it
    is (it used to turn into a TypeError, `raise None`), and the written table is removed."""
    out = _taken_by_a_folder(tmp_path, "주민.xlsx")
    recorded = []
    with pytest.raises(IsADirectoryError):
        write_audited(out, "주민", HEADERS, ROWS, lambda: recorded.append(True))
    assert recorded == [True]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["주민.xlsx"]
