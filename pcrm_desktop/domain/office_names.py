"""How an office's name is said and signed.

The name is kept as the office typed it in 설정 › 기관 정보, notes included ("청운효자동
행정복지센터 (데모)"). On the phone the note is left out; under a letter the office's head
signs in the name of the office as 공문서 do: a 동·읍·면 office (행정복지센터, 주민센터,
사무소) by its 동장·읍장·면장 ("종로구 청운효자동장"), any other office as "<name>장"
("종로구청장").
"""
from __future__ import annotations

import re

_NOTE = re.compile(r"\s*[(\uff08][^()\uff08\uff09]*[)\uff09]")  # (데모), （임시）
_LOCAL_OFFICE = re.compile(
    r"^(?P<area>.*?(?:동|읍|면))\s*(?:행정복지센터|주민센터|주민자치센터|사무소)$")


def plain_name(name: str) -> str:
    """The name without notes in brackets: "청운효자동 행정복지센터 (데모)" → "청운효자동
    행정복지센터"; a name that is nothing but a note stays as it is."""
    plain = " ".join(_NOTE.sub("", name).split())
    return plain or " ".join(name.split())


def head_title(name: str) -> str:
    """Who signs the office's letters: "종로구 청운효자동 행정복지센터" → "종로구 청운효자동장",
    "가평읍사무소" → "가평읍장", "종로구청" → "종로구청장"; "" for no name."""
    plain = plain_name(name)
    if not plain:
        return ""
    local = _LOCAL_OFFICE.match(plain)
    return f"{(local.group('area') if local else plain).rstrip()}장"
