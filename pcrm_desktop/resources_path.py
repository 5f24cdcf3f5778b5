"""Where resources/ is: beside the package in a source tree, or inside a frozen bundle."""
from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path:
    base = getattr(sys, "_MEIPASS", None)
    if base:
        return Path(base) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def docs_dir() -> Path:
    """docs/ (the user guides, Korean and English, and their pictures): the repository's, or the
    bundle's copy."""
    base = getattr(sys, "_MEIPASS", None)
    if base:
        return Path(base) / "docs"
    return Path(__file__).resolve().parent.parent / "docs"
