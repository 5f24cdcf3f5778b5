"""`pcrm`: the same services from the command line. Korean messages; `--json` for scripts.

Exit codes: 0 done and healthy, 1 refused or unhealthy (the message says why), 2 usage error.

This is the entry (`main`) and the table of commands; each command group lives in its own
module (`database`, `moving` (copy-to), `data`, `deadline`, `reports`, `retention`, `backup`,
`audit`, `survey`), and what they share in `shared`. The arrows point one way: here → command
modules → shared.
"""
from __future__ import annotations

import argparse
from collections.abc import Callable

from pcrm_desktop import __version__, waiting
from pcrm_desktop.cli import audit, backup, data, database, deadline, moving, reports, retention, survey
from pcrm_desktop.cli.shared import WaitNotice, print_result, refused, tolerant_streams, unexpected
from pcrm_desktop.domain.errors import DomainError
from pcrm_desktop.domain.messages import korean_message

Handler = Callable[[argparse.Namespace], tuple[int, dict, str]]


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", metavar="PATH",
                        help="데이터베이스 파일 또는 sqlite:///경로 (기본: 사용자 데이터 폴더의 pcrm.db; "
                             "환경 변수 PCRM_DATABASE_URL로도 지정). 이 버전은 SQLite 파일만 엽니다")
    common.add_argument("--json", action="store_true", help="결과 요약을 JSON으로 표준 출력에")
    common.add_argument("--user", metavar="LOGIN",
                        help="이 직원 계정으로 실행 (비밀번호를 물음; 개인정보를 다루는 명령에 필요). "
                             "예약 작업: 환경 변수 PCRM_USER와 PCRM_PASSWORD_FILE(비밀번호 한 줄이 든 파일)")
    parser = argparse.ArgumentParser(prog="pcrm", description="PCRM Desktop 명령줄 도구")
    parser.add_argument("--version", action="version", version=f"pcrm {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="명령")
    database.database_parsers(sub, common)
    moving.copy_to_parser(sub, common)
    data.import_parser(sub, common)
    data.export_parser(sub, common)
    deadline.deadline_parser(sub, common)
    reports.report_parser(sub, common)
    reports.analysis_parser(sub, common)
    retention.retention_parser(sub, common)
    backup.backup_parser(sub, common)
    audit.audit_parser(sub, common)
    survey.survey_parser(sub, common)
    return parser


COMMANDS: dict[str, Handler] = {"init": database.cmd_init, "demo": database.cmd_demo,
                                "check": database.cmd_check, "self-test": database.cmd_self_test,
                                "copy-to": moving.cmd_copy_to,
                                "import": data.cmd_import, "export": data.cmd_export,
                                "deadline": deadline.cmd_deadline, "survey": survey.cmd_survey,
                                "audit": audit.cmd_audit, "retention": retention.cmd_retention,
                                "backup": backup.cmd_backup, "restore": backup.cmd_restore,
                                "report": reports.cmd_report, "analysis": reports.cmd_analysis}


def main(argv: list[str] | None = None) -> int:
    tolerant_streams()
    args = build_parser().parse_args(argv)
    try:
        with waiting.reporting_to(WaitNotice()):
            code, summary, text = COMMANDS[args.command](args)
    except DomainError as error:
        return refused(args, error.code, korean_message(error))
    except Exception:  # noqa: BLE001 - say it plainly, keep the details in the log
        return unexpected(args)
    print_result(args, summary, text)
    return code
