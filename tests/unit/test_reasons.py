"""The reason asked for an export or a reveal of personal data (domain/privacy.clean_reason)."""
from __future__ import annotations

import pytest

from pcrm_desktop.domain.errors import ValidationError
from pcrm_desktop.domain.messages import korean_message
from pcrm_desktop.domain.privacy import REASON_MAX, clean_reason


@pytest.mark.parametrize("given", [None, "", "   ", "\u3000\n"])
def test_no_reason_is_refused_with_its_korean_message(given):
    with pytest.raises(ValidationError) as caught:
        clean_reason(given)
    assert (caught.value.code, caught.value.field) == ("reason_required", "reason")
    assert korean_message(caught.value).startswith("사유를 입력하십시오.")


def test_a_reason_is_trimmed_normalised_and_masked():
    assert clean_reason("  복지 대상자 명단 제출 ") == "복지 대상자 명단 제출"
    assert clean_reason("\u1100\u1161\u11a8 확인") == "각 확인"  # NFD Hangul typed on a Mac
    assert clean_reason("900101-1234567 본인 요청") == "900101-1****** 본인 요청"


def test_a_reason_has_a_length_limit():
    assert clean_reason("가" * REASON_MAX) == "가" * REASON_MAX
    with pytest.raises(ValidationError) as caught:
        clean_reason("가" * (REASON_MAX + 1))
    assert korean_message(caught.value) == f"사유는 {REASON_MAX}자 이내로 입력하십시오."
