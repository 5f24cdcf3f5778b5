"""Korean particles fitted to the word before them: a message written "{label}을(를) 입력하십시오."
reads "주소를 입력하십시오." once {label} is filled in. Pure text rules, no Qt."""
from __future__ import annotations

import re

# "을(를)" written in a template because the word before it is filled in later: once it is,
# the particle that fits is known. (batchim form, open-syllable form) for each written shape.
_PARTICLES = {
    "을(를)": ("을", "를"), "를(을)": ("을", "를"), "이(가)": ("이", "가"), "가(이)": ("이", "가"),
    "은(는)": ("은", "는"), "는(은)": ("은", "는"), "과(와)": ("과", "와"), "와(과)": ("과", "와"),
    "으로(로)": ("으로", "로"), "(으)로": ("으로", "로"),
}
_PARTICLE = re.compile("|".join(re.escape(shape) for shape in
                                sorted(_PARTICLES, key=len, reverse=True)))
_HANGUL_FIRST, _HANGUL_LAST = 0xAC00, 0xD7A3
_JONGSEONG = ("", "ㄱ", "ㄲ", "ㄳ", "ㄴ", "ㄵ", "ㄶ", "ㄷ", "ㄹ", "ㄺ", "ㄻ", "ㄼ", "ㄽ", "ㄾ", "ㄿ",
              "ㅀ", "ㅁ", "ㅂ", "ㅄ", "ㅅ", "ㅆ", "ㅇ", "ㅈ", "ㅊ", "ㅋ", "ㅌ", "ㅍ", "ㅎ")
# the final sound of each digit's and letter's Korean reading: 영 일 이 삼 사 오 육 칠 팔 구;
# 엘 엠 엔 알 end in a consonant, the other letters (에이, 비, 씨 …) in a vowel
_DIGIT_FINAL = dict(zip("0123456789", ("ㅇ", "ㄹ", "", "ㅁ", "", "", "ㄱ", "ㄹ", "ㄹ", "")))
_LETTER_FINAL = {"l": "ㄹ", "m": "ㅁ", "n": "ㄴ", "r": "ㄹ"}
_CLOSERS = "'\"’”」』》〉]>"  # not "}": an unfilled {label} stays unknown
_ROUND = {")": "(", "）": "（"}


def with_particles(text: str) -> str:
    """Korean text with each "을(를)", "이(가)", "은(는)", "과(와)", "(으)로" … resolved from the
    word before it ("주소를", "기관 이름을", "'kim'을"); kept as written when that word's sound
    is unknown. English texts have no such shapes and come back unchanged."""
    return _PARTICLE.sub(lambda match: _resolve(text, match), text)


def _resolve(text: str, match: re.Match[str]) -> str:
    final = _final_sound(text, match.start())
    if final is None:
        return match.group()
    with_final, without = _PARTICLES[match.group()]
    if with_final == "으로" and final == "ㄹ":
        return without  # 서울로, 1(일)로: ㄹ takes 로
    return with_final if final else without


def _final_sound(text: str, end: int) -> str | None:
    """The final consonant ("" for none) of the sound just before `end`, looking past closing
    quotes, and past a round bracket to the word it glosses (사과(沙果)를); None if unknown."""
    i = end - 1
    while i >= 0:
        char = text[i]
        if char in _CLOSERS:
            i -= 1
        elif char in _ROUND:
            opening = text.rfind(_ROUND[char], 0, i)
            if opening > 0 and not text[opening - 1].isspace():
                i = opening - 1
            else:  # the bracket starts the word: its inside is what is read
                i -= 1
        else:
            return _sound_of(char)
    return None


def _sound_of(char: str) -> str | None:
    code = ord(char)
    if _HANGUL_FIRST <= code <= _HANGUL_LAST:
        return _JONGSEONG[(code - _HANGUL_FIRST) % 28]
    if char in _DIGIT_FINAL:
        return _DIGIT_FINAL[char]
    if char.isascii() and char.isalpha():
        return _LETTER_FINAL.get(char.lower(), "")
    return None
