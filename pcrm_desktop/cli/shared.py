"""What every `pcrm` command shares: who acts (sign-in with the password from a file or the
terminal), the dates and counts typed on the command line, progress and waiting on stderr, and
the refusal that ends a command with exit code 1.

The command modules import from here; nothing here imports a command module or the package's
entry (`pcrm_desktop.cli`)."""
from __future__ import annotations

import argparse
import json
import os
import sys
from contextlib import contextmanager

from pcrm_desktop.domain.errors import DomainError


@contextmanager
def session(args: argparse.Namespace):
    """The database of --db, open for one command, and the context it acts in: the staff
    account named by --user (or PCRM_USER), signed in with its password like at the screen,
    so the access log names who ran the command."""
    from pcrm_desktop.bootstrap import open_backend
    backend = open_backend(args.db)
    try:
        yield signed_in(backend.ctx, args)
    finally:
        backend.close()


def signed_in(ctx, args: argparse.Namespace):
    """Password from PCRM_PASSWORD_FILE (its first line; for scheduled runs), else asked on the
    terminal. A temporary password must first be changed in the program."""
    from pcrm_desktop.domain.errors import NotFoundError
    from pcrm_desktop.services import accounts, office
    if not office.is_set_up(ctx):
        raise NotFoundError("not_set_up")
    login = getattr(args, "user", None) or os.environ.get("PCRM_USER", "")
    if not login:
        raise DomainError("cli_login_required", field="login")
    sign_in = accounts.sign_in(ctx, login, password_for(login))
    if sign_in.must_change:
        raise DomainError("password_change_required", field="password")
    return ctx.as_actor(sign_in.actor)


def password_for(login: str) -> str:
    """The first line of PCRM_PASSWORD_FILE, else asked on the terminal."""
    path = os.environ.get("PCRM_PASSWORD_FILE")
    if path:
        try:
            if os.name == "posix" and os.stat(path).st_mode & 0o077:
                # Readable by others: refused before it is read (and before a wrong try counts).
                raise DomainError("password_file_open", field="password", path=path)
            with open(path, encoding="utf-8-sig") as handle:  # Notepad's BOM is not typed
                return handle.readline().rstrip("\r\n")
        except OSError as exc:
            raise DomainError("password_file", field="password", path=path,
                              detail=exc.strerror or str(exc)) from exc
    if not sys.stdin or not sys.stdin.isatty():
        # the login was given: what is missing is a terminal to ask its password on
        raise DomainError("cli_password_no_terminal", field="password", login=login)
    import getpass
    return getpass.getpass(f"{login} 비밀번호: ")


def day(text: str | None, which: str):
    """--from/--to YYYY-MM-DD as a date (`which`: "from" or "to", for the message)."""
    from datetime import date

    from pcrm_desktop.domain.errors import ValidationError
    if not text:
        raise ValidationError("required", field=f"period_{which}")
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise ValidationError("date_format", field="date", value=text) from None


def count(text: str) -> int:
    """An argparse type: a whole number, 0 or more."""
    value = int(text)
    if value < 0:
        raise argparse.ArgumentTypeError("0 이상의 정수를 입력하십시오")
    return value


def stderr_progress(done: int, total: int, step: str, /, **numbers: int) -> None:
    """A service's progress on stderr, its step worded in Korean (domain.progress)."""
    if total and (done == total or done % max(1, total // 20) == 0):
        from pcrm_desktop.domain.progress import korean
        print(f"\r{korean(step, **numbers)}: {done:,}/{total:,}", end="\n" if done == total else "",
              file=sys.stderr, flush=True)


class WaitNotice:
    """While a write waits for the lock another program holds (the window saving, another
    `pcrm`), say so on stderr once a second instead of hanging silently; a line when it ends."""

    def __init__(self) -> None:
        self.shown = 0

    def __call__(self, seconds: float | None) -> None:
        if seconds is None:
            if self.shown:
                print("", file=sys.stderr, flush=True)
            self.shown = 0
        elif int(seconds) >= self.shown:
            self.shown = int(seconds) + 1
            print(f"\r다른 사용자(또는 프로그램)가 저장 중입니다. 기다리는 중… "
                  f"({max(1, round(seconds))}초)", end="", file=sys.stderr, flush=True)


def tolerant_streams() -> None:
    """Redirected on Korean Windows (a scheduled task's log, the installer's log) the streams
    are cp949: a character it lacks is replaced rather than ending the command."""
    for stream in (sys.stdout, sys.stderr):
        if stream is not None and hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")


def print_result(args: argparse.Namespace, summary: dict, text: str) -> None:
    """A command's result: the summary as JSON with --json, else the Korean text."""
    if args.json:
        print(json.dumps(summary, ensure_ascii=False, indent=2))
    else:
        print(text)


def refused(args: argparse.Namespace, code: str, message: str) -> int:
    """The message on stderr (and `{"ok": false, …}` with --json); exit code 1."""
    print(message, file=sys.stderr)
    if args.json:
        print(json.dumps({"ok": False, "error": code, "message": message}, ensure_ascii=False))
    return 1


def unexpected(args: argparse.Namespace) -> int:
    """An error no one foresaw: said plainly, the details kept in the log; exit code 1."""
    import logging

    from pcrm_desktop.logs import log_file, setup_logging
    setup_logging()
    logging.getLogger("pcrm.cli").exception("command failed: %s", args.command)
    return refused(args, "unexpected", "예기치 않은 오류가 발생했습니다. 저장되지 않았을 수 있습니다.\n"
                                       f"자세한 내용: {log_file()}")
