"""`pcrm backup …` and `pcrm restore …`: 백업과 복구 from the command line.

    pcrm backup                                 a verified backup in backups/ beside the database
    pcrm backup --out FILE --reason R [--encrypt]  a copy elsewhere (a USB stick); --encrypt: AES,
                                                password from PCRM_BACKUP_PASSWORD_FILE or asked
    pcrm backup list                            the backups, newest first
    pcrm backup prune                           delete what the rotation lets go (7/4/12)
    pcrm backup delete NAME                     delete one backup (admins)
    pcrm restore FILE [--yes] [--other-database]  restore (admins; another database's backup
                                                only with --other-database); a damaged one is
                                                recovered without being opened: set aside,
                                                never written

Handlers return (exit code, summary dict, Korean text), like every command module's;
`shared.session` opens the database and says who acts.
"""
from __future__ import annotations

import argparse
import os
import sys

from pcrm_desktop.cli.shared import password_for, session

ENV_BACKUP_PASSWORD_FILE = "PCRM_BACKUP_PASSWORD_FILE"


def backup_parser(sub, common) -> None:
    backup = sub.add_parser(
        "backup", parents=[common], help="백업 만들기·목록 (검사까지 마친 사본)",
        description="SQLite 온라인 백업으로 프로그램을 쓰는 중에도 안전하게 사본을 만들고 무결성을 "
                    "검사합니다. 기본 위치는 데이터베이스 옆 backups 폴더입니다. --out으로 다른 곳(USB)에 "
                    "둘 때는 사유가 필요하고 접속기록에 남습니다. --encrypt는 비밀번호로 암호화합니다"
                    "(AES-256-GCM, scrypt). 백업은 관리자·팀장, 복원은 관리자만 할 수 있습니다.",
        epilog="자동 백업(시작·종료·매일)은 매일 7개, 매주 4개, 매월 12개를 남기고 지웁니다. 수동·"
               "업그레이드 전·복원 전 백업은 관리자가 지울 때까지 남습니다. 암호화 비밀번호: 환경 변수 "
               f"{ENV_BACKUP_PASSWORD_FILE}(첫 줄), 없으면 두 번 물음.")
    backup.add_argument("what", nargs="?", choices=["list", "prune", "delete"],
                        help="list: 목록, prune: 보관 주기에 따라 정리, delete NAME: 하나 지우기")
    backup.add_argument("name", nargs="?", metavar="NAME", help="(delete) 지울 백업 파일 이름")
    backup.add_argument("--out", metavar="FILE", help="이 파일로 사본 만들기 (예: USB의 pcrm.pcrmbak)")
    backup.add_argument("--encrypt", action="store_true", help="(--out) 비밀번호로 암호화")
    backup.add_argument("--reason", default="", help="(--out) 반출 사유 (필수; 접속기록에 남음)")
    restore = sub.add_parser(
        "restore", parents=[common], help="백업으로 복원 (관리자; 지금 데이터는 복원 전 백업으로 남김)",
        description="백업 파일(backups 폴더의 이름이나 경로, 암호화 백업 포함)을 검사한 뒤 지금 데이터를 "
                    "복원 전 백업으로 남기고 데이터베이스에 씁니다. 다른 PC의 프로그램도 복원된 내용을 "
                    "봅니다. 데이터베이스가 손상되었으면 열지 않고 옆으로 옮겨 둔 뒤 백업을 새 파일로 "
                    "복원합니다(그 백업의 관리자 계정으로 확인).")
    restore.add_argument("file", metavar="FILE", help="백업 파일 (backups 폴더의 이름 또는 경로)")
    restore.add_argument("--yes", action="store_true", help="확인을 묻지 않음 (예약 작업·스크립트)")
    restore.add_argument("--other-database", action="store_true",
                         help="다른 데이터베이스의 백업인 줄 알고 복원함 (--yes로는 넘어가지 않음)")


def cmd_backup(args: argparse.Namespace) -> tuple[int, dict, str]:
    from pcrm_desktop.config import resolve_database
    if resolve_database(args.db).server:
        return _server_backup(args)
    if args.what == "list":
        return _list(args)
    if args.what == "prune":
        return _prune(args)
    if args.what == "delete":
        return _delete(args)
    if args.out:
        return _export(args)
    return _now(args)


def _server_backup(args: argparse.Namespace) -> tuple[int, dict, str]:
    """On a server: one verified backup file (pg_dump, else the program's own export)."""
    from pathlib import Path

    from pcrm_desktop.domain.errors import DomainError
    from pcrm_desktop.services.backups.server import KIND_TEXT, backup_server
    if args.what is not None or args.encrypt:
        raise DomainError("server_backup_list", field="what",
                          what=args.what or "--encrypt")
    with session(args) as ctx:
        made = backup_server(ctx, Path(args.out).expanduser() if args.out else None)
    summary = {"ok": True, "backup": {"path": str(made.path), "kind": made.kind,
                                      "size_bytes": made.size_bytes, "tables": made.tables,
                                      "rows": made.rows, "verified": True},
               "seconds": round(made.seconds, 3)}
    return 0, summary, (f"서버 백업 완료 ({KIND_TEXT[made.kind]}): {made.path} "
                        f"({_mb(made.size_bytes)}, 표 {made.tables}개, 검사 정상, "
                        f"{made.seconds:.1f}초)")


def _stderr(done: int, total: int, step: str, /, **numbers: int) -> None:
    if total and (done == total or done % max(1, total // 20) == 0):
        from pcrm_desktop.domain.progress import korean
        print(f"\r{korean(step, **numbers)} {done * 100 // total}%", end="\n" if done == total else "",
              file=sys.stderr, flush=True)


def _mb(size: int) -> str:
    return f"{size / (1 << 20):,.1f} MB"


def _entry(b) -> dict:
    return {"name": b.name, "path": str(b.path), "at": b.at.isoformat(timespec="seconds"),
            "reason": b.reason, "kind": b.kind, "size_bytes": b.size_bytes,
            "verified": b.verified, "revision": b.revision, "audit_last_id": b.audit_last_id,
            "kept": b.kept}


def _now(args: argparse.Namespace) -> tuple[int, dict, str]:
    from pcrm_desktop.services import backups
    with session(args) as ctx:
        made = backups.backup_now(ctx, progress=_stderr)
    return 0, {"ok": True, "backup": _entry(made)}, (
        f"백업 완료: {made.path} ({_mb(made.size_bytes)}, 무결성 검사 정상)")


def _export(args: argparse.Namespace) -> tuple[int, dict, str]:
    from pathlib import Path

    from pcrm_desktop.services import backups
    out = Path(args.out).expanduser()
    password = _backup_password(confirm=True) if args.encrypt else None
    with session(args) as ctx:
        if password is not None:
            done = backups.export_encrypted(ctx, out, password, args.reason, progress=_stderr)
        else:
            done = backups.export_copy(ctx, out, args.reason, progress=_stderr)
    summary = {"ok": True, "out": str(done.path), "size_bytes": done.size_bytes,
               "encrypted": done.encrypted, "seconds": round(done.seconds, 3)}
    kind = "암호화 백업" if done.encrypted else "백업 사본 (암호화하지 않음)"
    return 0, summary, f"{kind} 완료: {done.path} ({_mb(done.size_bytes)}, {done.seconds:.1f}초)"


def _list(args: argparse.Namespace) -> tuple[int, dict, str]:
    from pcrm_desktop.domain.backups import reason_text
    from pcrm_desktop.services import backups
    with session(args) as ctx:
        found = backups.list_backups(ctx)
    total = sum(b.size_bytes for b in found)
    lines = [f"백업 {len(found)}개 ({_mb(total)})" + (" — 최근부터" if found else "")]
    lines += [f"  {b.at:%Y-%m-%d %H:%M:%S}  {reason_text(b.reason):<10} {_mb(b.size_bytes):>10}  "
              f"{'검사 정상' if b.verified else '검사 안 됨'}{'  보관' if b.kept else ''}  {b.name}"
              for b in found]
    return 0, {"ok": True, "total_bytes": total, "backups": [_entry(b) for b in found]}, \
        "\n".join(lines)


def _prune(args: argparse.Namespace) -> tuple[int, dict, str]:
    from pcrm_desktop.services import backups
    with session(args) as ctx:
        removed = backups.prune(ctx)
    return 0, {"ok": True, "removed": removed}, (
        f"보관 주기에 따라 {len(removed)}개를 지웠습니다." + "".join(f"\n  {n}" for n in removed))


def _delete(args: argparse.Namespace) -> tuple[int, dict, str]:
    from pcrm_desktop.domain.errors import ValidationError
    from pcrm_desktop.services import backups
    if not args.name:
        raise ValidationError("backup_name_required", field="name")
    with session(args) as ctx:
        backups.delete_backup(ctx, args.name)
    return 0, {"ok": True, "deleted": args.name}, f"백업을 지웠습니다: {args.name}"


def cmd_restore(args: argparse.Namespace) -> tuple[int, dict, str]:
    from pathlib import Path

    from pcrm_desktop.config import resolve_database
    from pcrm_desktop.db.backup.encrypted import is_encrypted
    from pcrm_desktop.services import backups
    location = resolve_database(args.db)
    if location.server:
        return _server_restore(args, location)
    started = backups.check_at_start(location)
    if started.state == backups.START_DAMAGED:
        return _recover(args, location, started)
    if not started.ok:
        raise started.error
    _confirm(args, "복원하면 지금 데이터가 백업 시점의 데이터로 바뀝니다(지금 데이터는 복원 전 백업으로 "
                   "남깁니다).")
    candidate = Path(args.file).expanduser()
    password = _backup_password(confirm=False) if candidate.is_file() and is_encrypted(candidate) \
        else None
    with session(args) as ctx:
        done = backups.restore(ctx, args.file, password, progress=_stderr,
                               other_database=args.other_database)
    summary = {"ok": True, "restored": done.name, "pre_restore": done.pre_restore,
               "revision": done.revision, "migrated": done.migrated, "head_id": done.head_id,
               "previous_anchor_id": done.previous_anchor_id, "pages": done.pages,
               "seconds": round(done.seconds, 3)}
    lines = [f"복원 완료: {done.name} ({done.seconds:.1f}초)",
             f"  복원 전 데이터: backups/{done.pre_restore}",
             f"  접속기록: #{done.head_id if done.head_id is not None else '-'}까지 (기준점을 옮김)"]
    if done.migrated:
        lines.append(f"  스키마 {done.revision}에서 업그레이드함")
    return 0, summary, "\n".join(lines)


def _server_restore(args: argparse.Namespace, location) -> tuple[int, dict, str]:
    from pathlib import Path

    from pcrm_desktop.services.backups.server import restore_server
    _confirm(args, f"백업을 빈 서버 데이터베이스 {location.label}에 복원합니다.")
    tables = restore_server(location.url, Path(args.file).expanduser())
    return 0, {"ok": True, "restored": args.file, "server": location.label, "tables": tables}, (
        f"복원 완료: {args.file} → {location.label} (표 {tables}개)")


def _recover(args: argparse.Namespace, location, started) -> tuple[int, dict, str]:
    from pcrm_desktop.domain.errors import DomainError
    from pcrm_desktop.domain.messages import korean_message
    from pcrm_desktop.services import backups
    print(korean_message(started.error), file=sys.stderr)
    _confirm(args, "손상된 데이터베이스를 옆으로 옮겨 두고 백업을 새 데이터베이스로 복원합니다.")
    login = getattr(args, "user", None) or os.environ.get("PCRM_USER", "")
    if not login:
        raise DomainError("cli_login_required", field="login")
    done = backups.recover(location, args.file, login, password_for(login), progress=_stderr)
    summary = {"ok": True, "recovered": True, "restored": done.backup,
               "damaged_copy": str(done.damaged_copy), "migrated": done.migrated,
               "head_id": done.head_id, "seconds": round(done.seconds, 3)}
    return 0, summary, (f"복구 완료: {done.backup}을(를) 새 데이터베이스로 복원했습니다.\n"
                        f"  손상된 파일은 지우지 않고 옮겨 두었습니다: {done.damaged_copy}")


def _confirm(args: argparse.Namespace, what: str) -> None:
    from pcrm_desktop.domain.errors import DomainError
    if args.yes:
        return
    if not sys.stdin or not sys.stdin.isatty():
        raise DomainError("restore_confirm", field="yes")
    print(f"{what}\n계속할까요? [y/N] ", end="", file=sys.stderr, flush=True)  # stdout: --json
    answer = sys.stdin.readline().strip().lower()
    if answer not in ("y", "yes", "예", "ㅇ"):
        raise DomainError("restore_cancelled")


def _backup_password(confirm: bool) -> str:
    """The encryption password: the first line of PCRM_BACKUP_PASSWORD_FILE, else asked (twice
    when a new file is made)."""
    from pcrm_desktop.domain.errors import DomainError, ValidationError
    path = os.environ.get(ENV_BACKUP_PASSWORD_FILE)
    if path:
        try:
            with open(path, encoding="utf-8") as handle:
                return handle.readline().rstrip("\r\n")
        except OSError as exc:
            raise DomainError("password_file", field="password", path=path,
                              detail=exc.strerror or str(exc)) from exc
    if not sys.stdin or not sys.stdin.isatty():
        raise DomainError("backup_password_required", field="password")
    import getpass
    password = getpass.getpass("백업 비밀번호: ")
    if confirm and getpass.getpass("비밀번호 확인: ") != password:
        raise ValidationError("password_mismatch", field="password")
    return password
