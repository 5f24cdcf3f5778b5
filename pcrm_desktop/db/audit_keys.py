"""The installation's secret for the access log's keyed chain (HMAC-SHA256), kept outside the
database and outside its folder: in the user's profile (Windows: %LOCALAPPDATA%, protected with
DPAPI, so only this Windows account on this PC can read it; elsewhere a file only the user can
read, in $XDG_STATE_HOME). Recomputing the chain after an edit then needs this secret, not just
the database file. A person who can read the secret (this account, a local administrator) can
still forge entries: that is what the server's database roles are for (ARCHITECTURE, threat
model).

Keys are found by their public id (`domain.audit.key_id_of`): the log stores which key made
which stretch of entries (`audit_chain_keys`), never the key.
"""
from __future__ import annotations

import base64
import json
import os
import secrets
import sys
from pathlib import Path

from pcrm_desktop.config import profile_dir
from pcrm_desktop.domain.audit import key_id_of
from pcrm_desktop.domain.errors import DatabaseError

INSTALLATION = "audit-chain.key"
_cache: dict[str, bytes] = {}
_installation: dict[Path, tuple[str, bytes]] = {}


def keys_dir() -> Path:
    return profile_dir() / "audit-keys"


def installation_key() -> tuple[str, bytes]:
    """This installation's key and its id, made on first use (read once per process and
    profile folder: every access-log entry is signed with it)."""
    path = keys_dir() / INSTALLATION
    known = _installation.get(path)
    if known is not None:
        return known
    key = _read_key(path)
    if key is None:
        key = _create(path)
    key_id = key_id_of(key)
    _cache[key_id] = key
    _installation[path] = (key_id, key)
    return key_id, key


def load_key(key_id: str) -> bytes | None:
    """The key with this id if this PC has it (its own, or one imported), else None."""
    if key_id in _cache:
        return _cache[key_id]
    for path in (keys_dir() / INSTALLATION, keys_dir() / f"{key_id}.key"):
        key = _read_key(path)
        if key is not None:
            _cache[key_id_of(key)] = key
            if key_id_of(key) == key_id:
                return key
    return None


def export_key(key_id: str, out: Path) -> None:
    """Write a key, unprotected, for another PC that must verify this log (a replaced PC, a
    restore elsewhere). The file is the secret itself: kept like a password."""
    key = load_key(key_id)
    if key is None:
        raise DatabaseError("audit_key_unknown", key=key_id)
    _write_private(Path(out), json.dumps({"key_id": key_id, "protection": "none",
                                          "key": base64.b64encode(key).decode()}))


def import_key(source: Path) -> str:
    """Keep a key exported on another PC, protected as this PC keeps its own; its id."""
    key = _read_key(Path(source), exported=True)
    if key is None:
        raise DatabaseError("audit_key_unreadable", path=str(source))
    key_id = key_id_of(key)
    target = keys_dir() / f"{key_id}.key"
    if not target.exists():
        _store(target, key)
    _cache[key_id] = key
    return key_id


# --- files -------------------------------------------------------------------------------------

def _create(path: Path) -> bytes:
    key = secrets.token_bytes(32)
    try:
        _store(path, key)
    except FileExistsError:   # another process made it first: use theirs
        existing = _read_key(path)
        if existing is None:
            raise DatabaseError("audit_key_unreadable", path=str(path)) from None
        return existing
    return key


def _store(path: Path, key: bytes) -> None:
    if sys.platform.startswith("win"):
        record = {"protection": "dpapi", "key": base64.b64encode(_dpapi(key, True)).decode()}
    else:
        record = {"protection": "file", "key": base64.b64encode(key).decode()}
    record["key_id"] = key_id_of(key)
    _write_private(path, json.dumps(record))


def _write_private(path: Path, text: str) -> None:
    """A new file readable by this user only (0600 in a 0700 folder on POSIX)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        raise
    except OSError as exc:
        raise DatabaseError("audit_key_unwritable", path=str(path), detail=str(exc)) from exc
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())


def _read_key(path: Path, exported: bool = False) -> bytes | None:
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
        raw = base64.b64decode(record["key"], validate=True)
        protection = record.get("protection")
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError) as exc:
        if exported:
            return None
        raise DatabaseError("audit_key_unreadable", path=str(path)) from exc
    if protection == "dpapi":
        raw = _dpapi(raw, False)
    elif protection not in ("file", "none"):
        return None
    if os.name == "posix" and not exported and path.stat().st_mode & 0o077:
        path.chmod(0o600)  # someone loosened it: tighten (the key may have been read meanwhile)
    return raw if len(raw) == 32 else None


def _dpapi(data: bytes, protect: bool) -> bytes:
    """Windows' Data Protection API: bytes only this user on this PC can unprotect."""
    import ctypes
    from ctypes import wintypes

    class Blob(ctypes.Structure):
        _fields_ = [("cbData", wintypes.DWORD), ("pbData", ctypes.POINTER(ctypes.c_char))]

    buffer = ctypes.create_string_buffer(data, len(data))
    source, result = Blob(len(data), buffer), Blob()
    crypt32, kernel32 = ctypes.windll.crypt32, ctypes.windll.kernel32  # type: ignore[attr-defined]
    call = crypt32.CryptProtectData if protect else crypt32.CryptUnprotectData
    if not call(ctypes.byref(source), None, None, None, None, 0x01, ctypes.byref(result)):
        raise DatabaseError("audit_key_unreadable", path="DPAPI")
    try:
        return ctypes.string_at(result.pbData, result.cbData)
    finally:
        kernel32.LocalFree(result.pbData)
