"""Progress as codes and numbers (domain/progress.py): every step the services report has its
Korean text, figures are put in with thousands separators, and the command line prints the
Korean text where the services send only the code."""
from __future__ import annotations

import re
from pathlib import Path

from pcrm_desktop.cli.shared import stderr_progress
from pcrm_desktop.domain.progress import TEXTS, Step, korean, retention_step, source_text
from pcrm_desktop.domain.retention import RULES, Kind

SERVICES = Path(__file__).resolve().parents[2] / "pcrm_desktop" / "services"


def test_every_step_has_its_korean_text():
    assert set(TEXTS) == set(Step)
    assert korean(Step.REPORT_SATISFACTION) == "만족도"
    assert korean(Step.ACCESS_CHAIN_CHECKED, n=1234567) == "무결성 검사 1,234,567건"
    assert korean(retention_step(Kind.AUDIT_LOG)) == RULES[Kind.AUDIT_LOG].label
    assert source_text(retention_step(Kind.CITIZEN)) == ("retention", RULES[Kind.CITIZEN].label)
    assert korean("citizens") == "citizens" and source_text("retention.kind.nothing") is None
    assert korean(Step.ACCESS_CHAIN_CHECKED) == "무결성 검사 {n}건"  # a figure not sent: no error


def test_the_command_line_words_the_steps_in_korean(capsys):
    stderr_progress(1, 6, Step.REPORT_SUMMARY)
    stderr_progress(3, 5, Step.ACCESS_CHAIN_CHECKED, n=12345)
    stderr_progress(400, 400, Step.IMPORT_SAVE)
    assert capsys.readouterr().err == "\r요약: 1/6\r무결성 검사 12,345건: 3/5\r저장: 400/400\n"


def test_no_service_sends_a_korean_sentence_as_progress():
    """A progress call in services/ names a code, never Korean text (the screens word it)."""
    call = re.compile(r"\b(?:progress|step|_say)\(([^()]*)\)")
    found = []
    for path in SERVICES.rglob("*.py"):
        for line, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            for args in call.findall(text):
                if re.search(r"[가-힣]", args):
                    found.append(f"{path.name}:{line}: {text.strip()}")
    assert found == []
