"""Formulas typed into any field come out of every CSV and XLSX we write as text a spreadsheet
shows, never runs: a cell starting with = + - @ (or a tab or carriage return, as OWASP lists)
gets a leading apostrophe. Residents (masked and full), the 민원처리부, the survey answers and
the monthly report's tables, read back as a spreadsheet program would."""
from __future__ import annotations

import csv
import itertools
from datetime import date, datetime, timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from pcrm_desktop.domain.citizens import Address, Citizen
from pcrm_desktop.domain.complaints import Channel, Intake
from pcrm_desktop.domain.errors import DomainError
from pcrm_desktop.domain.text import mask_rrns
from pcrm_desktop.services import categories, citizens, complaints, surveys
from pcrm_desktop.services import office as office_services
from pcrm_desktop.services.citizen_export import export_citizens
from pcrm_desktop.services.complaint_export import export_register
from pcrm_desktop.services.import_common import neutralise
from pcrm_desktop.services.survey_export import export_responses
from tests.hypothesis.conftest import NOW, SURVEY
from tests.hypothesis.hostile import (
    FORMULA_STARTS,
    FORMULAS,
    assert_clear,
    examples,
    formula_text,
    nfc_trimmed,
    short_text,
)

with_office = settings(max_examples=examples(6),
                       suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
REASON = "민원 통계 작성"
SERIAL = itertools.count(1)


def cells_of(path: Path) -> list[object]:
    """Every cell as a spreadsheet program reads the file; a formula cell fails the test."""
    if path.suffix == ".csv":
        with path.open(encoding="utf-8-sig", newline="") as handle:
            return [c for row in csv.reader(handle) for c in row]
    book = load_workbook(path)  # not read-only: formulas show as their own data type
    found = []
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", f"{path.name}!{cell.coordinate} is a formula: {cell.value!r}"
                found.append(cell.value)
    return found


def assert_neutral(path: Path, typed: list[str]) -> None:
    texts = [c for c in cells_of(path) if isinstance(c, str)]
    for cell in texts:
        assert cell[:1] not in FORMULA_STARTS, f"{path.name}: {cell[:60]!r} would run"
    return texts


def add_records(office, text: str) -> str:
    """The text in every field that reaches an export; returns what the services stored."""
    stored = mask_rrns(nfc_trimmed(text))[0]
    ctx = office.ctx
    who = citizens.register_citizen(ctx, Citizen(None, "홍길동", phones=("010-1234-5678",), memo=text,
                                                 address=Address(road=text[:200], detail=text[:100])),
                                    allow_duplicate=True).citizen_id
    unique = f" {next(SERIAL)}"  # a name is taken once
    categories.add_category(ctx, text[:50 - len(unique)] + unique)
    category = max(c["id"] for c in complaints.categories(ctx))
    office_services.add_department(ctx, text[:50 - len(unique)] + unique)
    complaints.receive(ctx, Intake(NOW - timedelta(days=30), Channel.VISIT, "inquiry", text[:200], text,
                                   category_id=category, citizen_id=who))
    surveys.submit(ctx, SURVEY, "paper", {"OVERALL": 2, "TXT": text, "ONE": FORMULAS[0]})
    return stored


def run_exports(office, folder: Path) -> list[Path]:
    ctx, out = office.ctx, []
    first, last = date(2026, 1, 1), NOW.date()
    for suffix in (".csv", ".xlsx"):
        out.append(export_citizens(ctx, folder / f"citizens{suffix}", reason=REASON).path)
        out.append(export_citizens(ctx, folder / f"citizens-full{suffix}", unmasked=True, reason=REASON).path)
        out.append(export_register(ctx, first, last, folder / f"register{suffix}", reason=REASON).path)
        out.append(export_responses(ctx, SURVEY, first, last, folder / f"answers{suffix}").path)
    from pcrm_desktop.reports.monthly_xlsx import write
    from pcrm_desktop.services.monthly_report import monthly_report
    out.append(write(monthly_report(ctx, date(2026, 2, 1)), folder / "monthly.xlsx"))
    return out


@with_office
@given(text=st.one_of(formula_text, formula_text, short_text))
def test_every_export_neutralises_what_was_typed(office, tmp_path_factory, text):
    folder = tmp_path_factory.mktemp("exports")
    try:
        stored = add_records(office, text)
    except DomainError as error:  # refused as typed (a lone surrogate, a name too long …)
        assert_clear(error)
        return
    for path in run_exports(office, folder):
        texts = assert_neutral(path, [text])
        if stored and path.suffix == ".csv" and "citizens-full" in path.name:
            assert neutralise(stored) in texts  # kept, only made harmless


def test_each_formula_is_kept_as_text(office, tmp_path):
    """The typed formula is still there, whole, behind its apostrophe (CSV and XLSX)."""
    for formula in FORMULAS:
        add_records(office, formula)
    for path in run_exports(office, tmp_path):
        texts = assert_neutral(path, list(FORMULAS))
        if "citizens-full" in path.name:
            for formula in FORMULAS:
                if nfc_trimmed(formula):
                    assert neutralise(nfc_trimmed(formula)) in texts, (path.name, formula)


def test_export_text_is_never_a_formula_even_after_a_day(office, tmp_path):
    """The dates and numbers the exports write themselves stay values (no text "-" or "=")."""
    add_records(office, "보통 메모")
    for path in run_exports(office, tmp_path):
        assert_neutral(path, [])
    assert datetime(2026, 3, 2) <= NOW
