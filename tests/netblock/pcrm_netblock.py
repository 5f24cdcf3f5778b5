"""Refuse every internet connection from this process: PCRM Desktop is offline by construction.

Installed by tests/conftest.py in the pytest process and, through tests/netblock/sitecustomize.py
on PYTHONPATH, in every Python child process the tests start (`pcrm …`, the GUI).

What is refused, for AF_INET/AF_INET6 only (AF_UNIX, e.g. D-Bus, and socketpair are untouched):
`socket.connect`/`connect_ex`/`sendto`/`sendmsg` to an address that is not loopback,
`socket.create_connection` to a non-local host, and every name look-up of a non-local name
(`getaddrinfo`, `gethostbyname(_ex)`, `gethostbyaddr`, `getnameinfo`). Loopback stays allowed:
it leaves no machine and Python itself builds socketpair from it on some platforms.
Parsing a numeric address (getaddrinfo("93.184.216.34", 80)) is no look-up; its connect is refused.

Each refusal raises `NetworkBlocked` (an OSError, as an offline PC would give) naming the
destination, and is recorded: in `attempts` here and, when PCRM_NETBLOCK_RECORD names a file, as
a line in that file. Code that swallows the OSError is still caught: the tests fail on any record.
Standard library only: this module is imported before anything else in a child.
"""
from __future__ import annotations

import ipaddress
import os
import socket
import sys
from contextlib import contextmanager

ENV_RECORD = "PCRM_NETBLOCK_RECORD"
_LOCAL_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback"}
_INTERNET = (socket.AF_INET, socket.AF_INET6)


class NetworkBlocked(OSError):
    """A network connection or name look-up was refused: the app must not use the network."""


def _text(host) -> str:
    if isinstance(host, (bytes, bytearray)):
        return bytes(host).decode("ascii", "replace")
    return "" if host is None else str(host)


def is_local(host) -> bool:
    """localhost names and loopback addresses (None/"" is the local wildcard)."""
    name = _text(host).strip().strip("[]").lower().rstrip(".")
    if not name or name in _LOCAL_NAMES or name.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(name.split("%")[0]).is_loopback
    except ValueError:
        return False


def _is_numeric(host) -> bool:
    try:
        ipaddress.ip_address(_text(host).strip().strip("[]").split("%")[0])
    except ValueError:
        return False
    return True


def _where(address) -> str:
    if isinstance(address, tuple) and len(address) >= 2:
        host = _text(address[0])
        return f"[{host}]:{address[1]}" if ":" in host else f"{host}:{address[1]}"
    return repr(address)


class Guard:
    def __init__(self, record_file: str | None) -> None:
        self.record_file = record_file
        self.attempts: list[str] = []
        self.originals: dict[str, object] = {}

    def refuse(self, what: str):
        self.attempts.append(what)
        if self.record_file:
            command = " ".join(sys.argv)[:200].replace("\t", " ").replace("\n", " ")
            try:
                with open(self.record_file, "a", encoding="utf-8") as record:
                    record.write(f"{os.getpid()}\t{command}\t{what}\n")
            except OSError:
                pass
        raise NetworkBlocked(f"PCRM Desktop is offline: the tests refused a network access: {what}")

    @contextmanager
    def expecting(self):
        """For the test that proves the block: its attempts go to a list of its own."""
        saved, record_file = self.attempts, self.record_file
        self.attempts, self.record_file = [], None
        try:
            yield self.attempts
        finally:
            self.attempts, self.record_file = saved, record_file


def current() -> Guard | None:
    return getattr(socket, "_pcrm_netblock", None)


def install(record_file: str | None = None) -> Guard:
    """Patch the socket module once per process; a second call returns the same guard."""
    guard = current()
    if guard is not None:
        return guard
    guard = Guard(record_file)
    cls = socket.socket
    original = guard.originals
    for name in ("connect", "connect_ex", "sendto", "sendmsg"):
        original[name] = getattr(cls, name)
    for name in ("create_connection", "getaddrinfo", "gethostbyname", "gethostbyname_ex",
                 "gethostbyaddr", "getnameinfo"):
        original[name] = getattr(socket, name)

    def connect(self, address):
        if self.family in _INTERNET and not is_local(address[0] if isinstance(address, tuple) else None):
            guard.refuse(f"connect to {_where(address)} ({socket.AddressFamily(self.family).name})")
        return original["connect"](self, address)

    def connect_ex(self, address):
        if self.family in _INTERNET and not is_local(address[0] if isinstance(address, tuple) else None):
            guard.refuse(f"connect_ex to {_where(address)} ({socket.AddressFamily(self.family).name})")
        return original["connect_ex"](self, address)

    def sendto(self, data, *args):
        address = args[-1] if args else None
        if self.family in _INTERNET and isinstance(address, tuple) and not is_local(address[0]):
            guard.refuse(f"sendto {_where(address)} ({socket.AddressFamily(self.family).name})")
        return original["sendto"](self, data, *args)

    def sendmsg(self, buffers, *args):
        address = args[2] if len(args) >= 3 else None
        if self.family in _INTERNET and isinstance(address, tuple) and not is_local(address[0]):
            guard.refuse(f"sendmsg to {_where(address)} ({socket.AddressFamily(self.family).name})")
        return original["sendmsg"](self, buffers, *args)

    def create_connection(address, *args, **kwargs):
        if not is_local(address[0]):
            guard.refuse(f"create_connection to {_where(address)}")
        return original["create_connection"](address, *args, **kwargs)

    def getaddrinfo(host, *args, **kwargs):
        if not (is_local(host) or _is_numeric(host)):
            guard.refuse(f"name look-up (getaddrinfo) of {_text(host)!r}")
        return original["getaddrinfo"](host, *args, **kwargs)

    def gethostbyname(name):
        if not (is_local(name) or _is_numeric(name)):
            guard.refuse(f"name look-up (gethostbyname) of {_text(name)!r}")
        return original["gethostbyname"](name)

    def gethostbyname_ex(name):
        if not is_local(name):
            guard.refuse(f"name look-up (gethostbyname_ex) of {_text(name)!r}")
        return original["gethostbyname_ex"](name)

    def gethostbyaddr(address):
        if not is_local(address):
            guard.refuse(f"address look-up (gethostbyaddr) of {_text(address)!r}")
        return original["gethostbyaddr"](address)

    def getnameinfo(sockaddr, flags):
        if not (is_local(sockaddr[0]) or flags & socket.NI_NUMERICHOST):
            guard.refuse(f"address look-up (getnameinfo) of {_where(sockaddr)}")
        return original["getnameinfo"](sockaddr, flags)

    cls.connect, cls.connect_ex, cls.sendto, cls.sendmsg = connect, connect_ex, sendto, sendmsg
    socket.create_connection = create_connection
    socket.getaddrinfo = getaddrinfo
    socket.gethostbyname = gethostbyname
    socket.gethostbyname_ex = gethostbyname_ex
    socket.gethostbyaddr = gethostbyaddr
    socket.getnameinfo = getnameinfo
    socket._pcrm_netblock = guard
    return guard


def is_installed() -> bool:
    """The guard is in place and nobody has put the original functions back."""
    guard = current()
    return (guard is not None and socket.socket.connect is not guard.originals["connect"]
            and socket.getaddrinfo is not guard.originals["getaddrinfo"]
            and socket.create_connection is not guard.originals["create_connection"])


def read_record(path: str | None, start: int = 0) -> tuple[list[str], int]:
    """The lines children recorded after byte `start`, and the new end of the file."""
    if not path or not os.path.exists(path):
        return [], start
    with open(path, "rb") as record:
        record.seek(start)
        data = record.read()
    return [line for line in data.decode("utf-8", "replace").splitlines() if line], start + len(data)
