"""A throwaway PostgreSQL cluster for the tests (and the benchmarks): `initdb` in a temporary
folder, listening only on a Unix socket there, with durability off (fsync, synchronous commit and
full-page writes: a test's data dies with the cluster anyway, and DROP DATABASE takes 2.7 s with
fsync on against a few hundredths without, POSTGRES.md).

Run as root (CI), the server runs as the `postgres` system user (initdb refuses root).
`python -m tests.pg_cluster` starts one, prints its admin URL and waits for Ctrl-C."""
from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

PG_BINDIRS = tuple(f"/usr/lib/postgresql/{v}/bin" for v in (17, 16, 15, 14))
PORT = 54329
TEMPLATE = "pcrm_template"


def pg_bindir() -> Path | None:
    """The server programs' folder (Debian's postgresql-NN), else None."""
    override = os.environ.get("PCRM_PG_BINDIR")
    candidates = (override,) if override else PG_BINDIRS
    for folder in candidates:
        if folder and (Path(folder) / "initdb").exists():
            return Path(folder)
    found = shutil.which("initdb")
    return Path(found).resolve().parent if found else None


@dataclass
class Cluster:
    folder: Path
    bindir: Path
    port: int = PORT
    user: str = "postgres"

    @property
    def socket_dir(self) -> Path:
        return self.folder / "socket"

    def url(self, database: str = "postgres", user: str | None = None) -> str:
        return (f"postgresql+psycopg://{user or self.user}@/{database}"
                f"?host={self.socket_dir}&port={self.port}")

    def admin_connect(self, database: str = "postgres"):
        import psycopg
        return psycopg.connect(host=str(self.socket_dir), port=self.port, user=self.user,
                               dbname=database, autocommit=True, connect_timeout=5)

    def stop(self) -> None:
        _run_as_owner([str(self.bindir / "pg_ctl"), "-D", str(self.folder / "data"),
                       "-m", "immediate", "-w", "stop"], check=False)
        shutil.rmtree(self.folder, ignore_errors=True)

    # the server's stop and start under a running program (tests of outages)
    def pause(self) -> None:
        _run_as_owner([str(self.bindir / "pg_ctl"), "-D", str(self.folder / "data"),
                       "-m", "fast", "-w", "stop"])

    def resume(self) -> None:
        self._start()

    def _start(self) -> None:
        options = (f"-c listen_addresses='' -k {self.socket_dir} -p {self.port} -c fsync=off "
                   "-c synchronous_commit=off -c full_page_writes=off -c max_connections=200 "
                   "-c shared_buffers=64MB")
        _run_as_owner([str(self.bindir / "pg_ctl"), "-D", str(self.folder / "data"),
                       "-l", str(self.folder / "server.log"), "-o", options, "-w", "-t", "60",
                       "start"])


def _as_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


def _run_as_owner(command: list[str], check: bool = True) -> subprocess.CompletedProcess:
    if _as_root():
        command = ["runuser", "-u", "postgres", "--", *command]
    return subprocess.run(command, check=check, capture_output=True, text=True)


def start(port: int = PORT) -> Cluster:
    """A new cluster, started; raise RuntimeError with the reason when it cannot be."""
    bindir = pg_bindir()
    if bindir is None:
        raise RuntimeError("PostgreSQL's server programs (initdb) are not installed: "
                           "sudo apt-get install -y postgresql-15")
    folder = Path(tempfile.mkdtemp(prefix="pcrm-pg-"))
    folder.chmod(0o755)
    (folder / "socket").mkdir()
    if _as_root():
        shutil.chown(folder, "postgres", "postgres")
        shutil.chown(folder / "socket", "postgres", "postgres")
    cluster = Cluster(folder, bindir, _free_port(port))
    try:
        _run_as_owner([str(bindir / "initdb"), "-D", str(folder / "data"), "-U", "postgres",
                       "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"])
        cluster._start()
    except subprocess.CalledProcessError as error:
        log = folder / "server.log"
        detail = (error.stderr or "") + (log.read_text() if log.exists() else "")
        shutil.rmtree(folder, ignore_errors=True)
        raise RuntimeError(f"the test PostgreSQL cluster did not start: {detail}") from error
    return cluster


def _free_port(first: int) -> int:
    """A port number whose socket file nobody else's cluster uses (sockets are per folder, but
    a second cluster on the same number confuses anyone reading `ps`)."""
    return first + os.getpid() % 500


def wait_ready(cluster: Cluster, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            cluster.admin_connect().close()
            return
        except Exception:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)


if __name__ == "__main__":
    running = start()
    print(running.url(), flush=True)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        pass
    finally:
        running.stop()
