"""How an office's name is signed and said (domain/office_names.py): a 동·읍·면 office's letters
are signed by its head (청운효자동장), other offices as "<name>장"; notes in brackets such as the
demo's "(데모)" are neither signed nor said."""
from __future__ import annotations

import pytest

from pcrm_desktop.domain.happy_call import call_script
from pcrm_desktop.domain.office_names import head_title, plain_name


@pytest.mark.parametrize("name, signer", [
    ("종로구 청운효자동 행정복지센터", "종로구 청운효자동장"),
    ("청운효자동 행정복지센터 (데모)", "청운효자동장"),          # the demo's office
    ("청운효자동행정복지센터", "청운효자동장"),
    ("동대문구 회기동 주민센터", "동대문구 회기동장"),            # 동 in the district's name too
    ("가평읍 행정복지센터", "가평읍장"),
    ("북면사무소", "북면장"),
    ("종로구청", "종로구청장"),
    ("동작구 행정복지센터", "동작구 행정복지센터장"),            # no 동 of its own: as typed
    ("종로구청 (임시)", "종로구청장"),
    ("", ""),
])
def test_who_signs_the_letters(name, signer):
    assert head_title(name) == signer


def test_notes_in_brackets_are_left_out_of_the_spoken_name():
    assert plain_name("청운효자동 행정복지센터 (데모)") == "청운효자동 행정복지센터"
    assert plain_name("  청운효자동   행정복지센터（시범）") == "청운효자동 행정복지센터"
    assert plain_name("(데모)") == "(데모)"                   # nothing but a note: kept


def test_the_happy_call_script_names_the_office():
    intro = "○○행정복지센터입니다. 민원 처리에 대해 세 가지만 여쭙겠습니다."
    assert call_script(intro, "청운효자동 행정복지센터 (데모)") == \
        "청운효자동 행정복지센터입니다. 민원 처리에 대해 세 가지만 여쭙겠습니다."
    assert call_script(intro, "종로구청") == "종로구청입니다. 민원 처리에 대해 세 가지만 여쭙겠습니다."
    assert call_script(intro, "") == intro                    # no office yet: as written
    assert call_script("안녕하십니까.", "종로구청") == "안녕하십니까."
