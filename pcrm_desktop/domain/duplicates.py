"""Weighted matching of two resident records ("이 주민과 같은 사람일 수 있습니다").

Weights: the same normalised phone is strong evidence (0.45), the same name (0.35) or a name
one syllable off (0.15), the same birth year (0.15, a conflicting one −0.25), the same address
(0.15) or the same 동 (0.05). A pair scoring 0.6 or more is shown to the clerk; nothing is merged
without the clerk.
"""
from __future__ import annotations

from dataclasses import dataclass

from pcrm_desktop.domain.phone import digits_of
from pcrm_desktop.domain.text import nfc

THRESHOLD = 0.6


@dataclass(frozen=True)
class MatchFacts:
    """What matching needs of a record; built from a Citizen or from an import row."""
    name: str
    phones: tuple[str, ...]
    birth_year: int | None
    road: str
    dong_name: str

    def prepared(self) -> Prepared:
        return Prepared(_name_key(self.name), frozenset(digits_of(p) for p in self.phones if p),
                        self.birth_year, nfc(self.road).replace(" ", ""), nfc(self.dong_name))


@dataclass(frozen=True)
class Prepared:
    """MatchFacts normalised once, so that scoring many pairs (an import) stays cheap."""
    name_key: str
    phone_digits: frozenset[str]
    birth_year: int | None
    road_key: str
    dong_name: str


def prepared_clean(name: str, phones: tuple[str, ...], birth_year: int | None, road: str,
                   dong_name: str) -> Prepared:
    """Prepared for a record that passed citizens.clean_citizen: its text is already NFC and
    its phones canonical (010-1234-5678), so the digits are the number without hyphens.
    The same result as MatchFacts(...).prepared(), without normalising again (imports)."""
    return Prepared(name.replace(" ", "").lower(), frozenset(p.replace("-", "") for p in phones),
                    birth_year, road.replace(" ", ""), dong_name)


@dataclass(frozen=True)
class Match:
    score: float
    reasons: tuple[str, ...]  # codes: same_phone, same_name, similar_name, same_birth_year …

    @property
    def likely(self) -> bool:
        return self.score >= THRESHOLD


def _name_key(name: str) -> str:
    return nfc(name).replace(" ", "").lower()


def _one_syllable_apart(a: str, b: str) -> bool:
    if len(a) != len(b) or len(a) < 2:
        return False
    return sum(x != y for x, y in zip(a, b)) == 1


def score(a: MatchFacts | Prepared, b: MatchFacts | Prepared) -> Match:
    a = a.prepared() if isinstance(a, MatchFacts) else a
    b = b.prepared() if isinstance(b, MatchFacts) else b
    total, reasons = 0.0, []
    if a.phone_digits & b.phone_digits:
        total += 0.45
        reasons.append("same_phone")
    name_a, name_b = a.name_key, b.name_key
    if name_a and name_a == name_b:
        total += 0.35
        reasons.append("same_name")
    elif _one_syllable_apart(name_a, name_b):
        total += 0.15
        reasons.append("similar_name")
    if a.birth_year and b.birth_year:
        if a.birth_year == b.birth_year:
            total += 0.15
            reasons.append("same_birth_year")
        else:
            total -= 0.25
            reasons.append("different_birth_year")
    if a.road_key and a.road_key == b.road_key:
        total += 0.15
        reasons.append("same_address")
    elif a.dong_name and a.dong_name == b.dong_name:
        total += 0.05
        reasons.append("same_dong")
    return Match(round(max(0.0, min(1.0, total)), 2), tuple(reasons))
