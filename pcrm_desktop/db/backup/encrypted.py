"""Encrypted copies for a USB stick (`.pcrmbak`): scrypt turns the password into an AES-256
key; the file is a small header and the database in chunks, each sealed with AES-GCM (see
FORMAT below). Streaming: two chunks in memory whatever the size."""
from __future__ import annotations

import contextlib
import os
import struct
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from pcrm_desktop.db.backup.files import (
    Progress,
    check_space,
    ensure_folder,
    fsync_dir,
    storage_error,
)
from pcrm_desktop.domain.backups import ENCRYPTED_SUFFIX
from pcrm_desktop.domain.errors import DatabaseError

# FORMAT (version 1), all integers big-endian:
#   header  magic "PCRMBAK" 0x00 (8) | version (1) | KDF 1 = scrypt (1) | log2 n (1) | r (1) |
#           p (1) | chunk size (4) | salt (16) | nonce prefix (8)                 = 41 bytes
#   check   AES-GCM tag of nothing, nonce = prefix ‖ 0xFFFFFFFF, AAD = header    = 16 bytes
#           (a wrong password fails here, before anything is written)
#   chunks  AES-GCM(key, nonce = prefix ‖ index as 4 bytes, chunk, AAD = header ‖ index (8) ‖
#           final (1)) — every chunk holds `chunk size` bytes of the database but the last,
#           which is marked final (and may be shorter, even empty).
# The header is in every chunk's AAD (its KDF parameters and salt cannot be changed); the index
# in the nonce and AAD makes reordering fail; the final flag makes cutting off whole chunks at
# the end fail (the new last chunk was sealed as not final); anything appended after the final
# chunk fails. The key is scrypt(password NFC, salt) → 32 bytes (AES-256).
MAGIC = b"PCRMBAK\x00"
VERSION = 1
KDF_SCRYPT = 1
CHUNK_SIZE = 1 << 20
TAG = 16
_HEADER = struct.Struct(">8sBBBBBI16s8s")
_CHECK_COUNTER = 0xFFFFFFFF
LOG2_N, SCRYPT_R, SCRYPT_P = 17, 8, 1          # 128 MiB and about half a second per try
# what a header may ask for: at most 128 × 8 × 2**20 bytes = 1 GiB of scrypt memory
LIMITS = {"log2n": (10, 20), "r": (1, 8), "p": (1, 4), "chunk": (4096, 64 << 20)}


def default_log2n() -> int:
    """scrypt's cost: 2**17, or lower when PCRM_SCRYPT_N says so (the test suite's switch for
    password hashes, domain/accounts.py). The header carries it, so any cost decrypts."""
    value = os.environ.get("PCRM_SCRYPT_N")
    if value and value.isdigit() and int(value) >= 2:
        return max(LIMITS["log2n"][0], int(value).bit_length() - 1)
    return LOG2_N


def is_encrypted(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(len(MAGIC)) == MAGIC
    except OSError:
        return False


def _key(password: str, salt: bytes, log2n: int, r: int, p: int) -> bytes:
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt
    secret = unicodedata.normalize("NFC", password).encode("utf-8")
    return Scrypt(salt=salt, length=32, n=1 << log2n, r=r, p=p).derive(secret)


def _nonce(prefix: bytes, counter: int) -> bytes:
    return prefix + counter.to_bytes(4, "big")


def _aad(header: bytes, index: int, final: bool) -> bytes:
    return header + index.to_bytes(8, "big") + (b"\x01" if final else b"\x00")


def encrypt_file(plain: Path, out: Path, password: str, progress: Progress | None = None,
                 log2n: int | None = None, chunk_size: int = CHUNK_SIZE,
                 before_rename: Callable[[int], None] | None = None) -> int:
    """Encrypt `plain` into `out` (written as `<out>.part`, flushed, then renamed; `before_rename
    (size)` runs just before the rename, and a failure there removes the file). Constant
    memory: one chunk at a time. Returns the bytes written."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM
    log2n = default_log2n() if log2n is None else log2n
    salt, prefix = os.urandom(16), os.urandom(8)
    header = _HEADER.pack(MAGIC, VERSION, KDF_SCRYPT, log2n, SCRYPT_R, SCRYPT_P, chunk_size,
                          salt, prefix)
    aes = AESGCM(_key(password, salt, log2n, SCRYPT_R, SCRYPT_P))
    total = plain.stat().st_size
    if not out.parent.is_dir():  # a USB stick pulled out: say so, never make the folder here
        raise DatabaseError("backup_folder_missing", path=str(out.parent))
    check_space(out.parent, total + total // 64 + 4096)
    part = out.with_name(out.name + ".part")
    written = 0
    try:
        with plain.open("rb") as source, part.open("wb") as target:
            target.write(header)
            target.write(aes.encrypt(_nonce(prefix, _CHECK_COUNTER), b"", header))
            index, done = 0, 0
            chunk = source.read(chunk_size)
            while True:
                following = source.read(chunk_size) if len(chunk) == chunk_size else b""
                final = not following
                target.write(aes.encrypt(_nonce(prefix, index), chunk, _aad(header, index, final)))
                done += len(chunk)
                if progress is not None:
                    progress(done, total)
                if final:
                    break
                chunk, index = following, index + 1
                if index >= _CHECK_COUNTER:
                    raise DatabaseError("backup_io", path=str(out), detail="file too large")
            target.flush()
            os.fsync(target.fileno())
            written = target.tell()
        if before_rename is not None:
            before_rename(written)
        os.replace(part, out)
        fsync_dir(out.parent)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            part.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise storage_error(exc, out) from exc
        raise
    return written


@dataclass(frozen=True)
class EncryptedHeader:
    version: int
    log2n: int
    r: int
    p: int
    chunk_size: int
    salt: bytes
    prefix: bytes
    raw: bytes


def read_header(handle, name: str) -> EncryptedHeader:
    raw = handle.read(_HEADER.size)
    if len(raw) < len(MAGIC) or raw[:len(MAGIC)] != MAGIC:
        raise DatabaseError("backup_not_encrypted", name=name)
    if len(raw) < _HEADER.size:
        raise DatabaseError("backup_tampered", name=name, detail="header")
    magic, version, kdf, log2n, r, p, chunk, salt, prefix = _HEADER.unpack(raw)
    if version != VERSION or kdf != KDF_SCRYPT:
        raise DatabaseError("backup_format", name=name, version=version)
    for value, key in ((log2n, "log2n"), (r, "r"), (p, "p"), (chunk, "chunk")):
        low, high = LIMITS[key]
        if not low <= value <= high:  # a crafted header must not make us allocate gigabytes
            raise DatabaseError("backup_tampered", name=name, detail="header")
    return EncryptedHeader(version, log2n, r, p, chunk, salt, prefix, raw)


def decrypt_file(encrypted: Path, out: Path, password: str,
                 progress: Progress | None = None) -> int:
    """Decrypt into `out` (via `<out>.part`, renamed only when every chunk authenticated).
    A wrong password is found before any file is created; a changed, cut or reordered file
    removes what was written. Returns the plaintext size."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM
    name = encrypted.name
    try:
        handle = encrypted.open("rb")
    except OSError as exc:
        if isinstance(exc, FileNotFoundError):
            raise DatabaseError("backup_not_found", name=str(encrypted)) from exc
        raise storage_error(exc, encrypted) from exc
    part = out.with_name(out.name + ".part")
    created = False
    try:
        with handle:
            header = read_header(handle, name)
            aes = AESGCM(_key(password, header.salt, header.log2n, header.r, header.p))
            check = handle.read(TAG)
            try:
                aes.decrypt(_nonce(header.prefix, _CHECK_COUNTER), check, header.raw)
            except InvalidTag:
                raise DatabaseError("backup_password_wrong", name=name) from None
            total = max(0, encrypted.stat().st_size - _HEADER.size - TAG)
            sealed = header.chunk_size + TAG
            ensure_folder(out.parent)
            check_space(out.parent, total)
            created = True
            size = 0
            with part.open("wb") as target:
                index, done = 0, 0
                chunk = handle.read(sealed)
                if len(chunk) < TAG:
                    raise DatabaseError("backup_tampered", name=name, detail="cut short")
                while True:
                    following = handle.read(sealed)
                    final = not following
                    if not final and len(chunk) != sealed:
                        raise DatabaseError("backup_tampered", name=name, detail=f"chunk {index}")
                    try:
                        plain = aes.decrypt(_nonce(header.prefix, index), chunk,
                                            _aad(header.raw, index, final))
                    except InvalidTag:
                        detail = "cut short" if final else f"chunk {index}"
                        raise DatabaseError("backup_tampered", name=name, detail=detail) from None
                    if not final and len(plain) != header.chunk_size:
                        raise DatabaseError("backup_tampered", name=name, detail=f"chunk {index}")
                    target.write(plain)
                    size += len(plain)
                    done += len(chunk)
                    if progress is not None:
                        progress(done, total)
                    if final:
                        break
                    chunk, index = following, index + 1
                target.flush()
                os.fsync(target.fileno())
        os.replace(part, out)
        fsync_dir(out.parent)
    except BaseException as exc:
        if created:
            with contextlib.suppress(OSError):
                part.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise storage_error(exc, out) from exc
        raise
    return size


def suggested_encrypted_name(db_path: Path, now: datetime) -> str:
    return f"{db_path.stem}-{now:%Y%m%d-%H%M}{ENCRYPTED_SUFFIX}"
