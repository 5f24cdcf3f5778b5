"""Fill English translations into resources/translations/pcrm_en.ts from tools/en.tsv.

en.tsv holds one "Korean<TAB>English" pair a line (\\n for a newline); a text with a
disambiguation (`tr("일", "days")`) is keyed "일|days". Run after
`python -m pcrm_desktop.ui.i18n_build --update`, then build with `... i18n_build`.
Prints every source text still without a translation.
"""
from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "translations" / "pcrm_en.ts"
TSV = ROOT / "tools" / "en.tsv"


def load_pairs() -> dict[str, str]:
    pairs = {}
    for line in TSV.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            korean, english = line.split("\t")
            pairs[korean.replace("\\n", "\n")] = english.replace("\\n", "\n")
    return pairs


def main() -> int:
    pairs = load_pairs()
    tree = ET.parse(TS)
    missing = []
    for message in tree.getroot().iter("message"):
        source = message.find("source").text
        comment = message.find("comment")  # a disambiguation: "일" the unit of days, not Sunday
        key = f"{source}|{comment.text}" if comment is not None and comment.text else source
        translation = message.find("translation")
        if key in pairs:
            translation.text = pairs[key]
            translation.attrib.pop("type", None)
        elif translation.get("type") == "unfinished" or not (translation.text or "").strip():
            missing.append(source)
    tree.write(TS, encoding="utf-8", xml_declaration=True)
    for source in missing:
        print("missing:", repr(source))
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
