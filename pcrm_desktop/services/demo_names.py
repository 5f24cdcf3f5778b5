"""Realistic Korean names for demo data.

Surname shares follow the 2015 census (통계청 인구주택총조사): 김 21.5 %, 이 14.7 %, 박 8.4 % …;
given names are drawn from syllables common in names given from the 1950s to the 2010s.
"""
from __future__ import annotations

import random

SURNAMES: tuple[tuple[str, float], ...] = (
    ("김", 21.5), ("이", 14.7), ("박", 8.4), ("최", 4.7), ("정", 4.3), ("강", 2.4),
    ("조", 2.1), ("윤", 2.1), ("장", 2.0), ("임", 1.7), ("한", 1.5), ("오", 1.5),
    ("서", 1.5), ("신", 1.4), ("권", 1.4), ("황", 1.4), ("안", 1.4), ("송", 1.4),
    ("전", 1.3), ("홍", 1.1), ("유", 1.1), ("고", 0.9), ("문", 0.9), ("양", 0.9),
    ("손", 0.9), ("배", 0.8), ("백", 0.8), ("허", 0.6), ("남", 0.5), ("심", 0.5),
    ("노", 0.4), ("하", 0.4), ("곽", 0.4), ("성", 0.4), ("차", 0.4), ("주", 0.4),
    ("우", 0.4), ("구", 0.4), ("민", 0.3), ("류", 0.3), ("나", 0.3), ("진", 0.3),
    ("지", 0.3), ("엄", 0.3), ("채", 0.3), ("원", 0.3), ("천", 0.2), ("방", 0.2),
    ("공", 0.2), ("현", 0.2), ("남궁", 0.02), ("황보", 0.02), ("제갈", 0.01),
)

FIRST_SYLLABLES = "민서지현수영준도하예은성재상정동진태승우유혜경미소주윤건시채나다연아"
SECOND_SYLLABLES = "준호민우현진수영희숙자철식훈윤서연아은지원빈혁석기경환희주율린하"


class NameMaker:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self._surnames = [s for s, _ in SURNAMES]
        self._weights = [w for _, w in SURNAMES]

    def surname(self) -> str:
        return self.rng.choices(self._surnames, self._weights)[0]

    def given(self) -> str:
        if self.rng.random() < 0.03:
            return self.rng.choice(SECOND_SYLLABLES)  # one-syllable given names exist: 김 솔
        return self.rng.choice(FIRST_SYLLABLES) + self.rng.choice(SECOND_SYLLABLES)

    def full(self) -> str:
        return self.surname() + self.given()
