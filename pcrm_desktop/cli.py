"""`pcrm`: the same services from the command line. Korean messages; `--json` for scripts.

Exit codes: 0 done and healthy, 1 refused or unhealthy (the message says why), 2 usage error.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from contextlib import contextmanager

from pcrm_desktop import (__version__, cli_audit, cli_backup, cli_data, cli_reports,
                          cli_retention, cli_survey, waiting)
from pcrm_desktop.domain.errors import DomainError
from pcrm_desktop.domain.messages import korean_message

Handler = Callable[[argparse.Namespace], tuple[int, dict, str]]


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", metavar="PATH",
                        help="데이터베이스 파일 (기본: 사용자 데이터 폴더의 pcrm.db; "
                             "환경 변수 PCRM_DATABASE_URL로도 지정)")
    common.add_argument("--json", action="store_true", help="결과 요약을 JSON으로 표준 출력에")
    common.add_argument("--user", metavar="LOGIN",
                        help="이 직원 계정으로 실행 (비밀번호를 물음; 개인정보를 다루는 명령에 필요). "
                             "예약 작업: 환경 변수 PCRM_USER와 PCRM_PASSWORD_FILE(비밀번호 한 줄이 든 파일)")
    parser = argparse.ArgumentParser(prog="pcrm", description="PCRM Desktop 명령줄 도구")
    parser.add_argument("--version", action="version", version=f"pcrm {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="명령")
    sub.add_parser("init", parents=[common], help="데이터베이스 만들기/업그레이드")
    demo = sub.add_parser("demo", parents=[common], help="빈 데이터베이스에 데모 데이터 채우기")
    demo.add_argument("--citizens", type=_count, default=1000, metavar="N", help="주민 수")
    demo.add_argument("--complaints", type=_count, default=0, metavar="N", help="민원 수")
    demo.add_argument("--responses", type=_count, default=0, metavar="N", help="만족도 응답 수")
    demo.add_argument("--seed", type=int, default=1, metavar="S", help="같은 값이면 같은 데이터")
    sub.add_parser("check", parents=[common], help="무결성 검사와 스키마 버전 (정상일 때만 0)")
    sub.add_parser("self-test", parents=[common],
                   help="설치된 프로그램 자가진단: 임시 데이터베이스, 기록 쓰기·읽기, 한글 PDF, 화면·번역 "
                        "(사무실 데이터베이스는 열지 않음; 모두 정상일 때만 0)")
    cli_data.import_parser(sub, common)
    cli_data.export_parser(sub, common)
    _deadline_parser(sub, common)
    cli_reports.report_parser(sub, common)
    cli_reports.analysis_parser(sub, common)
    cli_retention.retention_parser(sub, common)
    cli_backup.backup_parser(sub, common)
    cli_audit.audit_parser(sub, common)
    cli_survey.survey_parser(sub, common)
    return parser


def _deadline_parser(sub, common) -> None:
    parser = sub.add_parser(
        "deadline", parents=[common], help="민원 처리기한 계산 (계산 과정과 함께)",
        description="접수 일시와 처리기간으로 처리기한을 계산하고 그 과정을 보여 줍니다. 5일 이하는 "
                    "근무시간(하루 8시간)으로, 6일 이상은 접수일을 1일째로 하여 날로 세며, 토·일요일과 "
                    "공휴일·임시공휴일(데이터베이스의 휴일 달력)은 세지 않습니다. 즉시 = 3근무시간.")
    parser.add_argument("--received", required=True, metavar='"YYYY-MM-DD HH:MM"', help="접수 일시")
    period = parser.add_mutually_exclusive_group(required=True)
    period.add_argument("--days", type=int, metavar="N", help="처리기간 (일)")
    period.add_argument("--hours", type=int, metavar="N", help="처리기간 (근무시간)")
    period.add_argument("--type", metavar="TYPE",
                        help="민원 종류의 기본 처리기간: 질의, 건의, 고충, 기타(즉시) "
                             "또는 inquiry, suggestion, grievance, other")


def _count(text: str) -> int:
    value = int(text)
    if value < 0:
        raise argparse.ArgumentTypeError("0 이상의 정수를 입력하십시오")
    return value


def cmd_init(args: argparse.Namespace) -> tuple[int, dict, str]:
    from pcrm_desktop.bootstrap import open_backend
    backend = open_backend(args.db)
    m = backend.migration
    backend.close()
    summary = {"ok": True, "database": str(backend.location.label),
               "from_revision": m.from_revision, "revision": m.to_revision,
               "backup": str(m.backup) if m.backup else None}
    text = f"데이터베이스 준비 완료: {backend.location.label}\n스키마: {m.from_revision or '새 파일'} → {m.to_revision}"
    if m.backup:
        text += f"\n업그레이드 전 백업: {m.backup}"
    return 0, summary, text


def cmd_demo(args: argparse.Namespace) -> tuple[int, dict, str]:
    from pcrm_desktop.bootstrap import open_backend
    from pcrm_desktop.services.demo import DemoRequest, fill_demo
    backend = open_backend(args.db)
    try:
        request = DemoRequest(citizens=args.citizens, complaints=args.complaints,
                              responses=args.responses, seed=args.seed)
        result = fill_demo(backend.ctx, request, progress=_stderr_progress)
    finally:
        backend.close()
    summary = {"ok": True, "database": backend.location.label, "seed": args.seed,
               "counts": result.counts, "skipped": result.skipped,
               "seconds": round(result.seconds, 3)}
    from pcrm_desktop.services.demo import ADMIN_LOGIN, DEMO_KIOSK_PIN, DEMO_PASSWORD
    summary["accounts"] = {"admin": ADMIN_LOGIN, "password": DEMO_PASSWORD,
                           "kiosk_pin": DEMO_KIOSK_PIN}
    lines = [f"데모 데이터 생성 완료 ({result.seconds:.1f}초): {backend.location.label}",
             f"  데모 계정: {ADMIN_LOGIN}(관리자), manager1·manager2(팀장), clerk01…(주무관), "
             f"kiosk(키오스크) — 비밀번호 모두 {DEMO_PASSWORD}, 키오스크 직원 PIN {DEMO_KIOSK_PIN}"]
    lines += [f"  {name}: {count:,}" for name, count in result.counts.items()]
    lines += [f"  {name}: 건너뜀 (이 버전에는 아직 없는 기능)" for name in result.skipped]
    return 0, summary, "\n".join(lines)


def cmd_check(args: argparse.Namespace) -> tuple[int, dict, str]:
    from pcrm_desktop.config import resolve_database
    from pcrm_desktop.db.health import folder_writable
    from pcrm_desktop.services.maintenance import check_database
    report = check_database(resolve_database(args.db))
    read_only = not folder_writable(report.path.parent)
    summary = {"ok": report.healthy, "database": str(report.path), "integrity": report.integrity,
               "revision": report.revision, "head": report.head, "size_bytes": report.size_bytes,
               "read_only_folder": read_only, "access_log_guards": list(report.guards)}
    lines = [f"데이터베이스: {report.path} ({report.size_bytes:,} 바이트)",
             f"무결성 검사: {'정상' if report.integrity == 'ok' else '오류 — ' + report.integrity}",
             f"스키마: {report.revision or '없음'} (이 버전: {report.head})"]
    if read_only:
        lines.append(f"폴더가 읽기 전용입니다: {report.path.parent}\n  검사는 읽기만으로 했습니다. "
                     "이 폴더에서는 프로그램과 'pcrm init'이 데이터베이스를 열어 저장할 수 없으니, "
                     "쓸 수 있는 폴더로 옮기거나 폴더 권한(또는 USB의 쓰기 방지)을 확인하십시오.")
    if report.revision != report.head:
        lines.append("스키마가 최신이 아닙니다. 'pcrm init'으로 업그레이드하십시오.")
    if report.guards:
        lines.append("접속기록 보호 장치가 없어지거나 바뀌었습니다 (누가 기록을 고치려 했을 수 있습니다): "
                     + ", ".join(report.guards) + "\n  'pcrm audit verify'로 기록을 검사하고, "
                     "고치기 전 백업과 대조하십시오.")
    lines.append("결과: 정상" if report.healthy else "결과: 문제 있음")
    return (0 if report.healthy else 1), summary, "\n".join(lines)


@contextmanager
def _session(args: argparse.Namespace):
    """The database of --db, open for one command, and the context it acts in: the staff
    account named by --user (or PCRM_USER), signed in with its password like at the screen,
    so the access log names who ran the command."""
    from pcrm_desktop.bootstrap import open_backend
    backend = open_backend(args.db)
    try:
        yield _signed_in(backend.ctx, args)
    finally:
        backend.close()


def _signed_in(ctx, args: argparse.Namespace):
    """Password from PCRM_PASSWORD_FILE (its first line; for scheduled runs), else asked on the
    terminal. A temporary password must first be changed in the program."""
    import os

    from pcrm_desktop.domain.errors import NotFoundError
    from pcrm_desktop.services import accounts, office
    if not office.is_set_up(ctx):
        raise NotFoundError("not_set_up")
    login = getattr(args, "user", None) or os.environ.get("PCRM_USER", "")
    if not login:
        raise DomainError("cli_login_required", field="login")
    sign_in = accounts.sign_in(ctx, login, _password(login))
    if sign_in.must_change:
        raise DomainError("password_change_required", field="password")
    return ctx.as_actor(sign_in.actor)


def _password(login: str) -> str:
    import os
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


def _day(text: str | None, which: str):
    from datetime import date

    from pcrm_desktop.domain.errors import ValidationError
    if not text:
        raise ValidationError("required", field=f"period_{which}")
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise ValidationError("date_format", field="date", value=text) from None


def cmd_deadline(args: argparse.Namespace) -> tuple[int, dict, str]:
    from datetime import datetime

    from pcrm_desktop.bootstrap import open_backend
    from pcrm_desktop.domain.deadlines import Period, period_label
    from pcrm_desktop.domain.errors import ValidationError
    from pcrm_desktop.services import calendar
    try:
        received = datetime.strptime(args.received.strip(), "%Y-%m-%d %H:%M")
    except ValueError:
        raise ValidationError("received_format", field="received", value=args.received) from None
    backend = open_backend(args.db)
    try:
        if args.type:
            period = calendar.type_period(backend.ctx, args.type)
        elif args.hours is not None:
            period = Period.of_hours(args.hours)
        else:
            period = Period.of_days(args.days)
        result = calendar.deadline(backend.ctx, received, period)
    finally:
        backend.close()
    steps = result.explanation()
    summary = {"ok": True, "received": received.isoformat(timespec="minutes"),
               "period": {"unit": period.unit.value, "amount": period.amount,
                          "immediate": period.immediate, "label": period_label(period)},
               "due": result.due.isoformat(timespec="minutes"), "steps": steps}
    return 0, summary, "\n".join(steps)


def cmd_self_test(args: argparse.Namespace) -> tuple[int, dict, str]:
    from pcrm_desktop import selftest
    report = selftest.run()
    return (0 if report.ok else 1), report.as_dict(), report.text()


COMMANDS: dict[str, Handler] = {"init": cmd_init, "demo": cmd_demo, "check": cmd_check,
                                "self-test": cmd_self_test,
                                "import": cli_data.cmd_import, "export": cli_data.cmd_export,
                                "deadline": cmd_deadline, "survey": cli_survey.cmd_survey,
                                "audit": cli_audit.cmd_audit, "retention": cli_retention.cmd_retention,
                                "backup": cli_backup.cmd_backup, "restore": cli_backup.cmd_restore,
                                "report": cli_reports.cmd_report, "analysis": cli_reports.cmd_analysis}


def _stderr_progress(done: int, total: int, what: str) -> None:
    if total and (done == total or done % max(1, total // 20) == 0):
        print(f"\r{what}: {done:,}/{total:,}", end="\n" if done == total else "",
              file=sys.stderr, flush=True)


class _WaitNotice:
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
            print(f"\r다른 사용자(또는 프로그램)가 저장 중입니다. 기다리는 중… ({max(1, round(seconds))}초)",
                  end="", file=sys.stderr, flush=True)


def _refused(args: argparse.Namespace, code: str, message: str) -> int:
    print(message, file=sys.stderr)
    if args.json:
        print(json.dumps({"ok": False, "error": code, "message": message}, ensure_ascii=False))
    return 1


def main(argv: list[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        # Redirected on Korean Windows (a scheduled task's log, the installer's log) the
        # streams are cp949: a character it lacks is replaced rather than ending the command.
        if stream is not None and hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")
    args = build_parser().parse_args(argv)
    try:
        with waiting.reporting_to(_WaitNotice()):
            code, summary, text = COMMANDS[args.command](args)
    except DomainError as error:
        return _refused(args, error.code, korean_message(error))
    except Exception:  # noqa: BLE001 - say it plainly, keep the details in the log
        import logging

        from pcrm_desktop.logs import log_file, setup_logging
        setup_logging()
        logging.getLogger("pcrm.cli").exception("command failed: %s", args.command)
        return _refused(args, "unexpected", "예기치 않은 오류가 발생했습니다. 저장되지 않았을 수 있습니다.\n"
                                            f"자세한 내용: {log_file()}")
    if args.json:
        print(json.dumps(summary, ensure_ascii=False, indent=2))
    else:
        print(text)
    return code


if __name__ == "__main__":
    sys.exit(main())
