"""`pcrm`: the same services from the command line. Korean messages; `--json` for scripts.

Exit codes: 0 done and healthy, 1 refused or unhealthy (the message says why), 2 usage error.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable

from pcrm_desktop import __version__
from pcrm_desktop.domain.errors import DomainError
from pcrm_desktop.domain.messages import korean_message

Handler = Callable[[argparse.Namespace], tuple[int, dict, str]]


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", metavar="PATH",
                        help="데이터베이스 파일 (기본: 사용자 데이터 폴더의 pcrm.db; "
                             "환경 변수 PCRM_DATABASE_URL로도 지정)")
    common.add_argument("--json", action="store_true", help="결과 요약을 JSON으로 표준 출력에")
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
    return parser


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
    lines = [f"데모 데이터 생성 완료 ({result.seconds:.1f}초): {backend.location.label}"]
    lines += [f"  {name}: {count:,}" for name, count in result.counts.items()]
    lines += [f"  {name}: 건너뜀 (이 버전에는 아직 없는 기능)" for name in result.skipped]
    return 0, summary, "\n".join(lines)


def cmd_check(args: argparse.Namespace) -> tuple[int, dict, str]:
    from pcrm_desktop.config import resolve_database
    from pcrm_desktop.services.maintenance import check_database
    report = check_database(resolve_database(args.db))
    summary = {"ok": report.healthy, "database": str(report.path), "integrity": report.integrity,
               "revision": report.revision, "head": report.head, "size_bytes": report.size_bytes}
    lines = [f"데이터베이스: {report.path} ({report.size_bytes:,} 바이트)",
             f"무결성 검사: {'정상' if report.integrity == 'ok' else '오류 — ' + report.integrity}",
             f"스키마: {report.revision or '없음'} (이 버전: {report.head})"]
    if report.revision != report.head:
        lines.append("스키마가 최신이 아닙니다. 'pcrm init'으로 업그레이드하십시오.")
    lines.append("결과: 정상" if report.healthy else "결과: 문제 있음")
    return (0 if report.healthy else 1), summary, "\n".join(lines)


COMMANDS: dict[str, Handler] = {"init": cmd_init, "demo": cmd_demo, "check": cmd_check}


def _stderr_progress(done: int, total: int, what: str) -> None:
    if total and (done == total or done % max(1, total // 20) == 0):
        print(f"\r{what}: {done:,}/{total:,}", end="\n" if done == total else "",
              file=sys.stderr, flush=True)


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        code, summary, text = COMMANDS[args.command](args)
    except DomainError as error:
        message = korean_message(error)
        print(message, file=sys.stderr)
        if args.json:
            print(json.dumps({"ok": False, "error": error.code, "message": message},
                             ensure_ascii=False))
        return 1
    if args.json:
        print(json.dumps(summary, ensure_ascii=False, indent=2))
    else:
        print(text)
    return code


if __name__ == "__main__":
    sys.exit(main())
