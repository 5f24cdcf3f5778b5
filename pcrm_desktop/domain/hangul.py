"""Hangul composition for the 두벌식 (2-set) keyboard: jamo keys in, syllables out.

The kiosk's on-screen keyboard sends one jamo a touch, as a physical 2-set keyboard does under
an input method. A syllable is built in Unicode's order (초성 19 × 중성 21 × 종성 28 from U+AC00);
a vowel after a final consonant takes it (or the second half of a double final) as the next
syllable's initial (각 + ㅏ → 가가, 닭 + ㅏ → 달가), and backspace undoes the last key inside the
syllable being composed. Keys are Hangul compatibility jamo (ㄱ U+3131 …), as printed on keys.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

CHOSEONG = tuple("ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ")
JUNGSEONG = tuple("ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ")
JONGSEONG = ("",) + tuple("ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ")
FIRST_SYLLABLE = 0xAC00  # 가

VOWEL_PAIRS = {("ㅗ", "ㅏ"): "ㅘ", ("ㅗ", "ㅐ"): "ㅙ", ("ㅗ", "ㅣ"): "ㅚ", ("ㅜ", "ㅓ"): "ㅝ",
               ("ㅜ", "ㅔ"): "ㅞ", ("ㅜ", "ㅣ"): "ㅟ", ("ㅡ", "ㅣ"): "ㅢ"}
FINAL_PAIRS = {("ㄱ", "ㅅ"): "ㄳ", ("ㄴ", "ㅈ"): "ㄵ", ("ㄴ", "ㅎ"): "ㄶ", ("ㄹ", "ㄱ"): "ㄺ",
               ("ㄹ", "ㅁ"): "ㄻ", ("ㄹ", "ㅂ"): "ㄼ", ("ㄹ", "ㅅ"): "ㄽ", ("ㄹ", "ㅌ"): "ㄾ",
               ("ㄹ", "ㅍ"): "ㄿ", ("ㄹ", "ㅎ"): "ㅀ", ("ㅂ", "ㅅ"): "ㅄ"}
SPLIT_FINAL = {pair: keys for keys, pair in FINAL_PAIRS.items()}
SPLIT_VOWEL = {pair: keys for keys, pair in VOWEL_PAIRS.items()}

CONSONANT_KEYS = frozenset(CHOSEONG)   # ㄸ ㅃ ㅉ begin a syllable, never end one
VOWEL_KEYS = frozenset(JUNGSEONG) - frozenset(VOWEL_PAIRS.values())
SINGLE_FINALS = frozenset(JONGSEONG[1:]) - frozenset(FINAL_PAIRS.values())

# What a screen reader says for a key, in Korean and in English (the letters' own names).
JAMO_NAMES: dict[str, tuple[str, str]] = {
    "ㄱ": ("기역", "giyeok"), "ㄲ": ("쌍기역", "ssanggiyeok"), "ㄴ": ("니은", "nieun"),
    "ㄷ": ("디귿", "digeut"), "ㄸ": ("쌍디귿", "ssangdigeut"), "ㄹ": ("리을", "rieul"),
    "ㅁ": ("미음", "mieum"), "ㅂ": ("비읍", "bieup"), "ㅃ": ("쌍비읍", "ssangbieup"),
    "ㅅ": ("시옷", "siot"), "ㅆ": ("쌍시옷", "ssangsiot"), "ㅇ": ("이응", "ieung"),
    "ㅈ": ("지읒", "jieut"), "ㅉ": ("쌍지읒", "ssangjieut"), "ㅊ": ("치읓", "chieut"),
    "ㅋ": ("키읔", "kieuk"), "ㅌ": ("티읕", "tieut"), "ㅍ": ("피읖", "pieup"),
    "ㅎ": ("히읗", "hieut"), "ㅏ": ("아", "a"), "ㅐ": ("애", "ae"), "ㅑ": ("야", "ya"),
    "ㅒ": ("얘", "yae"), "ㅓ": ("어", "eo"), "ㅔ": ("에", "e"), "ㅕ": ("여", "yeo"),
    "ㅖ": ("예", "ye"), "ㅗ": ("오", "o"), "ㅛ": ("요", "yo"), "ㅜ": ("우", "u"),
    "ㅠ": ("유", "yu"), "ㅡ": ("으", "eu"), "ㅣ": ("이", "i"),
}


@dataclass(frozen=True)
class Syllable:
    """The syllable being composed; each part a compatibility jamo or empty."""
    cho: str = ""
    jung: str = ""
    jong: str = ""

    @property
    def text(self) -> str:
        if self.cho and self.jung:
            index = (CHOSEONG.index(self.cho) * 21 + JUNGSEONG.index(self.jung)) * 28 \
                + JONGSEONG.index(self.jong)
            return chr(FIRST_SYLLABLE + index)
        return self.cho or self.jung  # a lone consonant or vowel shows as the jamo itself


EMPTY = Syllable()


class HangulComposer:
    """Feed keys one at a time; each returns the text it finished (committed). The syllable
    still open is `composing`: shown by the caller after the committed text."""

    def __init__(self) -> None:
        self._now = EMPTY
        self._before: list[Syllable] = []  # the syllable before each of its keys, for backspace

    @property
    def composing(self) -> str:
        return self._now.text

    def feed(self, key: str) -> str:
        if key in VOWEL_KEYS:
            return self._vowel(key)
        if key in CONSONANT_KEYS:
            return self._consonant(key)
        return self.commit() + key  # a space, digit, letter or sign ends the syllable

    def backspace(self) -> bool:
        """Undo the last key of the composing syllable; False when nothing is composing (the
        caller then deletes the character before the cursor)."""
        if self._now == EMPTY:
            return False
        self._now = self._before.pop() if self._before else EMPTY
        return True

    def commit(self) -> str:
        done = self._now.text
        self._now, self._before = EMPTY, []
        return done

    def _vowel(self, key: str) -> str:
        now = self._now
        if now.jong:  # the final consonant moves on to begin the next syllable
            keep, moved = SPLIT_FINAL.get(now.jong, ("", now.jong))
            done = replace(now, jong=keep).text
            self._now, self._before = Syllable(moved, key), [EMPTY, Syllable(moved)]
            return done
        if now.jung:
            pair = VOWEL_PAIRS.get((now.jung, key))
            if pair:
                return self._push(replace(now, jung=pair))
            return self._restart(Syllable(jung=key))
        return self._push(replace(now, jung=key))

    def _consonant(self, key: str) -> str:
        now = self._now
        if now == EMPTY:
            return self._push(Syllable(key))
        if not (now.cho and now.jung):  # a lone consonant or vowel: the key begins anew
            return self._restart(Syllable(key))
        if not now.jong and key in SINGLE_FINALS:
            return self._push(replace(now, jong=key))
        pair = FINAL_PAIRS.get((now.jong, key)) if now.jong else None
        return self._push(replace(now, jong=pair)) if pair else self._restart(Syllable(key))

    def _push(self, syllable: Syllable) -> str:
        self._before.append(self._now)
        self._now = syllable
        return ""

    def _restart(self, syllable: Syllable) -> str:
        done = self._now.text
        self._now, self._before = syllable, [EMPTY]
        return done


def compose(keys: Iterable[str]) -> str:
    """The text a run of keys types; "\\b" is backspace (for tests and the user guide)."""
    composer, text = HangulComposer(), ""
    for key in keys:
        if key == "\b":
            if not composer.backspace():
                text = text[:-1]
            continue
        text += composer.feed(key)
    return text + composer.composing


def keystrokes(text: str) -> str:
    """The 2-set keys that type `text` (a syllable's double vowel and double final as their
    two keys); anything else is kept as it is."""
    keys = []
    for char in text:
        index = ord(char) - FIRST_SYLLABLE
        if not 0 <= index < 19 * 21 * 28:
            keys.append(char)
            continue
        jung, jong = JUNGSEONG[index // 28 % 21], JONGSEONG[index % 28]
        keys.append(CHOSEONG[index // 28 // 21] + "".join(SPLIT_VOWEL.get(jung, (jung,)))
                    + "".join(SPLIT_FINAL.get(jong, (jong,))))
    return "".join(keys)
