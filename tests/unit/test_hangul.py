"""The 두벌식 composition automaton behind the kiosk's on-screen keyboard (issue 18)."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pcrm_desktop.domain.hangul import (
    CHOSEONG,
    JAMO_NAMES,
    JONGSEONG,
    JUNGSEONG,
    HangulComposer,
    Syllable,
    compose,
    keystrokes,
)


@pytest.mark.parametrize(("keys", "typed"), [
    ("ㅎㅏㄴㄱㅡㄹ", "한글"),
    ("ㄷㅏㄹㄱㅏ", "달가"),        # ㄺ: its ㄱ moves on
    ("ㄷㅏㄹㄱ", "닭"),
    ("ㅇㅏㄴㅈㅏ", "안자"),        # ㄵ: its ㅈ moves on
    ("ㅇㅏㄴㅈ", "앉"),
    ("ㄱㅏㄱㅏ", "가가"),          # a single final moves whole
    ("ㄱㅏㄱ", "각"),
    ("ㄱㅗㅏ", "과"),
    ("ㅇㅗㅐ", "왜"),
    ("ㅇㅗㅣ", "외"),
    ("ㅁㅜㅓ", "뭐"),
    ("ㅇㅜㅔ", "웨"),
    ("ㅇㅜㅣ", "위"),
    ("ㅇㅡㅣ", "의"),
    ("ㅂㅓㅂㅅ", "벖"),           # ㅂ+ㅅ is the final ㅄ (as in 없다)
    ("ㅇㅓㅂㅅㄷㅏ", "없다"),
    ("ㄱㅏㅂㅅㅇㅣ", "값이"),
    ("ㅁㅏㄴㅎㅇㅣ", "많이"),       # ㅇ does not join ㄶ: 많 is finished
    ("ㅇㅏㄴㅎㅏ", "안하"),
    ("ㅂㅏㄹㅂㅏㅂ", "발밥"),
    ("ㄷㅏㄹㄱㅅ", "닭ㅅ"),         # no triple final
    ("ㄱㅏㅁㅅㅏㅎㅏㅂㄴㅣㄷㅏ", "감사합니다"),
    ("ㅈㅗㅎㅇㅏㅇㅛ", "좋아요"),
    ("ㄲㅏ", "까"),
    ("ㄱㄱㅏ", "ㄱ가"),            # two ㄱ are not ㄲ: that is the Shift key
    ("ㄱㅏㄸ", "가ㄸ"),            # ㄸ ㅃ ㅉ are never a final
    ("ㄱㅏㄸㅏ", "가따"),
    ("ㄱㅏㄲㅏ", "가까"),          # ㄲ and ㅆ are finals, and move whole
    ("ㅇㅣㅆㄷㅏ", "있다"),
    ("ㄱㅏㅆㅏ", "가싸"),
    ("ㄱㅗㄱㅏ", "고가"),          # a vowel after a final takes the final, not ㅘ
    ("ㅏㅏ", "ㅏㅏ"),
    ("ㅗㅏ", "ㅘ"),               # a lone double vowel
    ("ㅏㄱ", "ㅏㄱ"),
    ("ㄱㅅ", "ㄱㅅ"),             # a lone consonant joins nothing
    ("ㅎㅏㄴ ㄱㅡㄹ", "한 글"),
    ("ㅎㅏ1ㄴ", "하1ㄴ"),
    ("ㅇㅏa", "아a"),
    ("", ""),
])
def test_typing(keys, typed):
    assert compose(keys) == typed


@pytest.mark.parametrize(("keys", "typed"), [
    ("ㅎㅏㄴ\b", "하"),
    ("ㅎㅏㄴ\b\b", "ㅎ"),
    ("ㅎㅏㄴ\b\b\b", ""),
    ("ㄷㅏㄹㄱ\b", "달"),          # one key of a double final
    ("ㄱㅗㅏ\b", "고"),            # one key of a double vowel
    ("ㄱㅗㅏㅇ\b\b", "고"),
    ("ㄱㅏㄱㅏ\b", "가ㄱ"),         # the moved consonant stays with the new syllable
    ("ㄱㅏㄱㅏ\b\b", "가"),
    ("ㄷㅏㄹㄱㅏ\b\b", "달"),
    ("ㄷㅏㄹㄱㅏ\b\b\b", ""),       # past the new syllable: the finished 달 goes whole
    ("ㅎㅏㄴㄱㅡㄹ\b\b\bㅡ", "한ㅡ"),
    ("ㅎㅏㄴ\bㄹ", "할"),
    ("ㅎㅏ \b\b", ""),
    ("\b\bㄱ", "ㄱ"),
])
def test_backspace(keys, typed):
    assert compose(keys) == typed


def test_each_key_shows_the_syllable_being_composed():
    composer = HangulComposer()
    seen = [(composer.feed(key), composer.composing) for key in "ㅎㅏㄴㄱㅡㄹ"]
    # ㄴ+ㄱ is no double final: the ㄱ finishes 한 and begins the next syllable
    assert seen == [("", "ㅎ"), ("", "하"), ("", "한"), ("한", "ㄱ"), ("", "그"), ("", "글")]
    assert composer.commit() == "글" and composer.composing == ""
    assert not composer.backspace()


def test_a_vowel_after_a_final_commits_the_syllable_before():
    composer = HangulComposer()
    for key in "ㄷㅏㄹㄱ":
        assert composer.feed(key) == ""
    assert composer.composing == "닭"
    assert composer.feed("ㅏ") == "달" and composer.composing == "가"


def test_unicode_arithmetic():
    assert Syllable("ㅎ", "ㅏ", "ㄴ").text == chr(0xAC00 + (18 * 21 + 0) * 28 + 4) == "한"
    assert Syllable("ㄱ", "ㅏ").text == "가" and Syllable("ㅎ", "ㅣ", "ㅎ").text == "힣"
    assert Syllable("ㄱ").text == "ㄱ" and Syllable(jung="ㅘ").text == "ㅘ"


def test_every_syllable_is_typed_by_its_keys():
    """All 11,172 modern syllables, each from its own 2-set keystrokes."""
    for index in range(19 * 21 * 28):
        syllable = chr(0xAC00 + index)
        assert compose(keystrokes(syllable)) == syllable
    assert len(CHOSEONG) == 19 and len(JUNGSEONG) == 21 and len(JONGSEONG) == 28


syllables = st.integers(0, 19 * 21 * 28 - 1).map(lambda n: chr(0xAC00 + n))


@given(st.lists(st.one_of(syllables, st.sampled_from(" .?1a")), max_size=12).map("".join))
def test_any_text_of_whole_syllables_is_typed_back(text):
    """A final consonant followed by the next syllable's initial never merges wrongly."""
    assert compose(keystrokes(text)) == text


@given(st.lists(st.sampled_from(sorted(JAMO_NAMES)), min_size=1, max_size=8))
def test_backspace_undoes_the_composing_syllable_key_by_key(keys):
    composer = HangulComposer()
    committed = "".join(composer.feed(key) for key in keys)
    steps = 0
    while composer.backspace():
        steps += 1
    assert 1 <= steps <= 7 and composer.composing == ""
    assert compose([*keys, *"\b" * steps]) == committed


def test_every_key_has_a_name_in_both_languages():
    keys = set("ㅂㅈㄷㄱㅅㅛㅕㅑㅐㅔㅁㄴㅇㄹㅎㅗㅓㅏㅣㅋㅌㅊㅍㅠㅜㅡㅃㅉㄸㄲㅆㅒㅖ")
    assert keys == set(JAMO_NAMES)
    assert all(ko and en.isascii() for ko, en in JAMO_NAMES.values())
