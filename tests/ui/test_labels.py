"""Codes shown by name: the dashboard's recent activity names every logged action the way the
access-log review does (one table, domain/access_review.ACTIONS), in Korean and in English."""
from __future__ import annotations

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
