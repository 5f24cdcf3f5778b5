"""A rotating log file in the data folder; never personal data beyond what an error carries."""
from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from pcrm_desktop.config import default_data_dir
from pcrm_desktop.domain.text import mask_rrns

_log_file: Path | None = None


class MaskingFormatter(logging.Formatter):
    """An error may carry what was typed or a file's name: RRN-shaped text in a message or a
    traceback is masked before the line reaches the file."""

    def format(self, record: logging.LogRecord) -> str:
        return mask_rrns(super().format(record))[0]


def log_file() -> Path:
    return _log_file or default_data_dir() / "logs" / "pcrm.log"


def setup_logging(folder: Path | None = None) -> Path:
    global _log_file
    folder = folder or default_data_dir() / "logs"
    _log_file = folder / "pcrm.log"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            _log_file, maxBytes=2_000_000, backupCount=5, encoding="utf-8")
    except OSError:
        handler = logging.StreamHandler()
    handler.setFormatter(MaskingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return _log_file
