"""The 접수증 and 회신문 are signed by the office's head: "청운효자동장" for the demo's
"청운효자동 행정복지센터 (데모)" (not "…(데모)장"), "종로구 청운효자동장" for a real 동 office's
full name, read from the PDFs' text."""
from __future__ import annotations

from dataclasses import replace

import pytest
from pypdf import PdfReader

from pcrm_desktop.services import complaint_documents, office
from pcrm_desktop.services.demo import DemoRequest, fill_demo
from tests.audit_db import rows


@pytest.fixture
def demo(backend):
    fill_demo(backend.ctx, DemoRequest(citizens=40, complaints=80, seed=7))
    return backend.ctx.as_actor(office.actor_for(backend.ctx, None))


def _text(path) -> str:
    return "".join(page.extract_text() for page in PdfReader(path).pages)


def _signature(text: str) -> str:
    """The line under the date that closes the letter."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    dated = max(i for i, line in enumerate(lines) if line.endswith("일") and "년" in line)
    return lines[dated + 1]


@pytest.mark.parametrize("name, signer", [
    (None, "청운효자동장"),                                  # the demo's own office name
    ("종로구 청운효자동 행정복지센터", "종로구 청운효자동장"),
    ("종로구청", "종로구청장"),
])
def test_receipt_and_answer_are_signed_by_the_head_of_the_office(demo, db_target, tmp_path,
                                                                 name, signer):
    profile = office.overview(demo).profile
    if name is None:
        assert "(데모)" in profile.name
    else:
        office.update_office(demo, replace(profile, name=name))
    case_id = rows(db_target, "SELECT id FROM complaints WHERE result IS NOT NULL ORDER BY id"
                            " LIMIT 1")[0][0]
    for make in (complaint_documents.receipt_pdf, complaint_documents.answer_pdf):
        text = _text(make(demo, case_id, tmp_path / f"{make.__name__}.pdf"))
        assert _signature(text) == signer, make.__name__
        assert "(데모)장" not in text
