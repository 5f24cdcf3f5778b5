"""Codes shown by name: the dashboard's recent activity names every logged action the way the
access-log review does (one table, domain/access_review.ACTIONS), in Korean and in English."""
from __future__ import annotations

import re

from pcrm_desktop.domain.access_review import ACTIONS
from pcrm_desktop.ui.i18n import LanguageManager
from pcrm_desktop.ui.labels import action_name


def test_every_logged_action_has_a_name_not_its_code(qapp):
    assert action_name("complaint.view") == "민원 열람"
    assert action_name("report.monthly") != "report.monthly"
    for action in ACTIONS:
        assert action_name(action) != action


def test_action_names_follow_the_language(qapp):
    languages = LanguageManager()
    try:
        assert languages.set_language("en")
        assert action_name("complaint.view").isascii()
    finally:
        languages.set_language("ko")
    assert action_name("unknown.code") == "unknown.code"  # a code from a newer version: as is


def test_progress_steps_are_worded_in_the_language_shown(qapp):
    """Services report progress as codes and numbers; the screen words them."""
    from pcrm_desktop.domain.progress import Step, retention_step
    from pcrm_desktop.domain.retention import Kind
    from pcrm_desktop.ui.labels import progress_text, worded
    shown = []
    report = worded(lambda done, total, text: shown.append((done, total, text)))
    report(3, 5, Step.ACCESS_CHAIN_CHECKED, n=12345)
    report(2, 8, retention_step(Kind.COMPLAINT))
    report(1, 6, Step.REPORT_SUMMARY)
    report(10, 20, "citizens")  # the demo's own step names: shown as they are
    assert shown == [(3, 5, "무결성 검사 12,345건"), (2, 8, "종결 민원"), (1, 6, "요약"),
                     (10, 20, "citizens")]
    languages = LanguageManager()
    try:
        assert languages.set_language("en")
        assert progress_text(Step.REPORT_SUMMARY) == "Summary"
        assert progress_text(Step.ACCESS_CHAIN_CHECKED, n=12345) == \
            "Checking integrity: 12,345 entries"
        hangul = re.compile(r"[가-힣]")
        for step in Step:  # every step has its English text
            assert not hangul.search(progress_text(step)), step
        for kind in Kind:
            assert not hangul.search(progress_text(retention_step(kind))), kind
    finally:
        languages.set_language("ko")
