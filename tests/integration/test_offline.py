"""Offline by construction: the block the whole suite runs under works, in this process and in
children, and the application imports nothing that talks to a network.

The block itself is tests/netblock/pcrm_netblock.py, installed by tests/conftest.py.
"""
from __future__ import annotations

import ast
import os
import socket
import subprocess
import sys
import urllib.error
import urllib.request
from datetime import date
from pathlib import Path

import pytest

from tests.conftest import NETBLOCK, NETBLOCK_DIR, REPO
from tests.netblock import pcrm_netblock as netblock

PACKAGE = REPO / "pcrm_desktop"
DESTINATION = ("93.184.216.34", 80)  # example.com's old address: never reached


# --- the block in this process -----------------------------------------------------------------

def test_the_block_is_installed_for_the_session():
    assert netblock.is_installed()
    assert os.environ["PYTHONPATH"].split(os.pathsep)[0] == str(NETBLOCK_DIR)
    assert os.environ[netblock.ENV_RECORD]


def test_connect_to_an_address_is_refused_naming_it():
    with NETBLOCK.expecting() as seen:
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
            with pytest.raises(netblock.NetworkBlocked, match=r"93\.184\.216\.34:80"):
                sock.connect(DESTINATION)
            with pytest.raises(OSError, match=r"93\.184\.216\.34:80"):  # an OSError, as offline
                sock.connect_ex(DESTINATION)
        with pytest.raises(netblock.NetworkBlocked, match=r"93\.184\.216\.34:80"):
            socket.create_connection(DESTINATION, timeout=1)
        with (socket.socket(socket.AF_INET6, socket.SOCK_STREAM) as sock,
              pytest.raises(netblock.NetworkBlocked, match=r"\[2606:2800:220:1::\]:443")):
            sock.connect(("2606:2800:220:1::", 443))
        with (socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock,
              pytest.raises(netblock.NetworkBlocked, match=r"8\.8\.8\.8:53")):
            sock.sendto(b"\0", ("8.8.8.8", 53))
    assert len(seen) == 5
    assert all("93.184.216.34:80" in s for s in seen[:3])


def test_name_lookups_are_refused_naming_the_name():
    with NETBLOCK.expecting() as seen:
        with pytest.raises(netblock.NetworkBlocked, match="example.com"):
            socket.getaddrinfo("example.com", 443)
        with pytest.raises(netblock.NetworkBlocked, match="example.com"):
            socket.gethostbyname("example.com")
        with pytest.raises(netblock.NetworkBlocked, match="example.com"):
            socket.create_connection(("example.com", 443), timeout=1)
        with pytest.raises(netblock.NetworkBlocked, match="93.184.216.34"):
            socket.gethostbyaddr("93.184.216.34")
        with (socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock,
              pytest.raises(netblock.NetworkBlocked, match="example.com:80")):
            sock.connect(("example.com", 80))  # the name would be resolved inside connect
    assert len(seen) == 5 and all("example.com" in s or "93.184.216.34" in s for s in seen)


def test_a_library_that_swallows_the_error_is_still_recorded():
    """urllib turns the refusal into URLError; the attempt is on record all the same."""
    with NETBLOCK.expecting() as seen, pytest.raises(urllib.error.URLError):
        urllib.request.urlopen("http://example.com/update-check", timeout=1)
    assert any("example.com" in s for s in seen)


def test_local_sockets_keep_working():
    """AF_UNIX (D-Bus, socketpair) and loopback are not the network."""
    with NETBLOCK.expecting() as seen:
        left, right = socket.socketpair()
        with left, right:
            left.sendall(b"ping")
            assert right.recv(4) == b"ping"
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as server:
            server.bind(("127.0.0.1", 0))
            server.listen(1)
            with socket.create_connection(server.getsockname(), timeout=5) as client:
                peer, _ = server.accept()
                with peer:
                    client.sendall(b"pong")
                    assert peer.recv(4) == b"pong"
        assert socket.getaddrinfo("localhost", 80)
        assert socket.gethostname()  # the workstation name: no look-up
    assert seen == []


# --- the block in child processes --------------------------------------------------------------

_CHILD_TRIES = """
import socket, urllib.request
assert socket._pcrm_netblock is not None, "no block in the child"
for attempt in (lambda: socket.create_connection(("93.184.216.34", 80), timeout=1),
                lambda: socket.getaddrinfo("example.org", 443),
                lambda: urllib.request.urlopen("https://example.net/", timeout=1)):
    try:
        attempt()
    except Exception:
        pass  # swallowed on purpose: the record must still show it
print("child done")
"""


def _child_env(record: Path, **extra: str) -> dict[str, str]:
    env = os.environ.copy()  # what the suite's own children get: PYTHONPATH with the block
    env[netblock.ENV_RECORD] = str(record)
    env.update(extra)
    return env


def test_a_child_process_is_blocked_and_its_swallowed_attempts_recorded(tmp_path):
    record = tmp_path / "child-attempts.log"
    done = subprocess.run([sys.executable, "-c", _CHILD_TRIES], cwd=tmp_path, capture_output=True,
                          text=True, timeout=60, env=_child_env(record))
    assert done.returncode == 0, done.stderr
    assert "child done" in done.stdout
    lines, _ = netblock.read_record(str(record))
    assert len(lines) == 3, lines
    assert "93.184.216.34:80" in lines[0]
    assert "example.org" in lines[1]
    assert "example.net" in lines[2]
    assert all(line.split("\t")[0].isdigit() for line in lines)  # the child's pid


def test_the_block_keeps_a_shadowed_sitecustomize(tmp_path):
    """Our sitecustomize comes first on PYTHONPATH; one further along still runs."""
    other = tmp_path / "other"
    other.mkdir()
    (other / "sitecustomize.py").write_text("import builtins\nbuiltins._other_site_ran = True\n")
    env = _child_env(tmp_path / "record.log",
                     PYTHONPATH=os.pathsep.join([str(NETBLOCK_DIR), str(other)]))
    code = "import builtins, socket; print(builtins._other_site_ran, socket._pcrm_netblock is not None)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                          env=env)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["True", "True"]


def test_the_app_and_the_command_line_run_with_no_attempt(tmp_path):
    """`pcrm demo`, the monthly report (reportlab, openpyxl, the holidays package) and the GUI's
    start, each a child process under the block: nothing is even attempted."""
    record = tmp_path / "attempts.log"
    env = _child_env(record, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path / "home"),
                     XDG_DATA_HOME=str(tmp_path / "data"), XDG_CONFIG_HOME=str(tmp_path / "config"))
    db = tmp_path / "demo.db"

    def run(*args: str) -> subprocess.CompletedProcess:
        done = subprocess.run([sys.executable, *args], cwd=REPO, capture_output=True, text=True,
                              timeout=180, env=env)
        assert done.returncode == 0, f"{args}: {done.stderr}"
        return done

    run("-m", "pcrm_desktop.cli", "demo", "--db", str(db), "--citizens", "200",
        "--complaints", "300", "--responses", "200", "--json")
    month = date.today().strftime("%Y-%m")
    run("-m", "pcrm_desktop.cli", "report", "monthly", "--db", str(db), "--month", month,
        "--out", str(tmp_path / "monthly.pdf"), "--xlsx", str(tmp_path / "monthly.xlsx"))
    # the holidays package is imported only to seed a year the calendar does not have yet
    run("-m", "pcrm_desktop.cli", "deadline", "--db", str(db), "--received",
        f"{date.today().year + 3}-03-02 10:00", "--days", "7")
    shown = run(str(REPO / "main.py"), "--db", str(db), "--exit-after-show")
    assert "shown_ms=" in shown.stdout
    assert (tmp_path / "monthly.pdf").stat().st_size > 0
    assert netblock.read_record(str(record))[0] == []


def test_holidays_reportlab_openpyxl_import_offline(tmp_path):
    record = tmp_path / "attempts.log"
    code = ("import holidays, reportlab.pdfgen.canvas, openpyxl\n"
            "assert holidays.country_holidays('KR', years=2031, language='ko')\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                          env=_child_env(record))
    assert done.returncode == 0, done.stderr
    assert netblock.read_record(str(record))[0] == []


# --- nothing in the application can talk to a network ------------------------------------------

# Modules (and their submodules) that open connections or exist to do so.
NETWORK_MODULES = {
    "socket", "ssl", "socketserver", "asyncio", "selectors", "http", "urllib.request",
    "urllib.response", "urllib.robotparser", "urllib3", "requests", "httpx", "aiohttp",
    "websocket", "websockets", "ftplib", "smtplib", "smtpd", "poplib", "imaplib", "nntplib",
    "telnetlib", "xmlrpc", "webbrowser", "paramiko", "grpc", "zmq", "pycurl", "mailbox",
    "PySide6.QtNetwork", "PySide6.QtNetworkAuth", "PySide6.QtWebEngineCore",
    "PySide6.QtWebEngineWidgets", "PySide6.QtWebEngineQuick", "PySide6.QtWebChannel",
    "PySide6.QtWebSockets", "PySide6.QtWebView", "PySide6.QtHttpServer", "PySide6.QtRemoteObjects",
    "PySide6.QtBluetooth", "PySide6.QtNfc", "PySide6.QtSerialBus", "PySide6.QtMqtt",
}

# Each legitimate use, with what it may touch and why. Anything else fails the test.
ALLOWED = {
    # The workstation's name for the access log (접속기록 "from which PC"); gethostname() reads
    # the local kernel's name and sends nothing anywhere.
    ("config.py", "socket"): {"gethostname"},
}


def _forbidden(module: str) -> bool:
    return any(module == name or module.startswith(name + ".") for name in NETWORK_MODULES)


def _imports(tree: ast.AST) -> list[tuple[str, int]]:
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(alias.name, node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.append((node.module, node.lineno))
            # `from PySide6 import QtNetwork`, `from urllib import request`
            found += [(f"{node.module}.{alias.name}", node.lineno) for alias in node.names]
        elif (isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant)
              and isinstance(node.args[0].value, str)
              and ((isinstance(node.func, ast.Attribute) and node.func.attr == "import_module")
                   or (isinstance(node.func, ast.Name) and node.func.id == "__import__"))):
            found.append((node.args[0].value, node.lineno))
    return found


def _attributes_used(tree: ast.AST, module: str) -> set[str]:
    return {node.attr for node in ast.walk(tree)
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name)
            and node.value.id == module}


def _sources() -> list[Path]:
    files = sorted(PACKAGE.rglob("*.py"))
    assert len(files) > 50
    return files


def test_no_module_imports_a_network_module():
    offences, allowed_seen = [], set()
    for path in _sources():
        relative = path.relative_to(PACKAGE).as_posix()
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for module, line in _imports(tree):
            if not _forbidden(module):
                continue
            if (relative, module) in ALLOWED:
                allowed_seen.add((relative, module))
                extra = _attributes_used(tree, module) - ALLOWED[relative, module]
                if extra:
                    offences.append(f"{relative}:{line} uses {module}.{sorted(extra)}")
                continue
            offences.append(f"{relative}:{line} imports {module}")
    assert offences == []
    assert allowed_seen == set(ALLOWED), "an allow-list entry no longer needed: remove it"


def test_the_import_scan_catches_network_imports():
    """The scan itself: each way of importing a network module is found."""
    source = ("import socket\nfrom urllib import request\nfrom PySide6 import QtNetwork\n"
              "from PySide6.QtWebEngineWidgets import QWebEngineView\nimport http.client as h\n"
              "import importlib\nimportlib.import_module('requests')\nfrom urllib.parse import quote\n")
    found = [module for module, _ in _imports(ast.parse(source)) if _forbidden(module)]
    assert found == ["socket", "urllib.request", "PySide6.QtNetwork",
                     "PySide6.QtWebEngineWidgets", "PySide6.QtWebEngineWidgets.QWebEngineView",
                     "http.client", "requests"]


def test_no_url_is_written_into_the_application():
    """No update check, telemetry, web font or online help: no http(s)/ftp address in the code,
    and the system viewer is only ever handed local files."""
    offences = []
    for path in _sources():
        relative = path.relative_to(PACKAGE).as_posix()
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for node in ast.walk(tree):
            if (isinstance(node, ast.Constant) and isinstance(node.value, str)
                    and any(scheme in node.value.lower() for scheme in ("http://", "https://",
                                                                        "ftp://", "ws://", "wss://"))):
                offences.append(f"{relative}:{node.lineno} {node.value[:60]!r}")
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                    and node.func.attr == "openUrl":
                argument = node.args[0] if node.args else None
                if not (isinstance(argument, ast.Call) and isinstance(argument.func, ast.Attribute)
                        and argument.func.attr == "fromLocalFile"):
                    offences.append(f"{relative}:{node.lineno} openUrl without fromLocalFile")
    assert offences == []
