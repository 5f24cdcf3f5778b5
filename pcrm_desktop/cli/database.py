"""`pcrm init`, `pcrm demo`, `pcrm check` and `pcrm self-test`: the database file itself (made
or upgraded, filled with demo data, checked) and the installed program's self-test. None of them
signs in: they run before there is an office, or never open its data.

Handlers return (exit code, summary dict, Korean text), like every command module's."""
from __future__ import annotations

import argparse

from pcrm_desktop.cli.shared import count, stderr_progress


def database_parsers(sub, common) -> None:
    sub.add_parser("init", parents=[common], help="데이터베이스 만들기/업그레이드")
    demo = sub.add_parser("demo", parents=[common], help="빈 데이터베이스에 데모 데이터 채우기")
    demo.add_argument("--citizens", type=count, default=1000, metavar="N", help="주민 수")
    demo.add_argument("--complaints", type=count, default=0, metavar="N", help="민원 수")
    demo.add_argument("--responses", type=count, default=0, metavar="N", help="만족도 응답 수")
    demo.add_argument("--seed", type=int, default=1, metavar="S", help="같은 값이면 같은 데이터")
    demo.add_argument("--now", metavar="'YYYY-MM-DD HH:MM'",
                      help="컴퓨터 시계 대신 이 시각에 만든 것으로 함: 같은 --seed와 --now면 "
                           "기록 시각과 접속기록까지 같은 데이터")
    sub.add_parser("check", parents=[common], help="무결성 검사와 스키마 버전 (정상일 때만 0)")
    sub.add_parser("self-test", parents=[common],
                   help="설치된 프로그램 자가진단: 임시 데이터베이스, 기록 쓰기·읽기, 한글 PDF, 화면·번역 "
                        "(사무실 데이터베이스는 열지 않음; 모두 정상일 때만 0)")


def cmd_init(args: argparse.Namespace) -> tuple[int, dict, str]:
    from pcrm_desktop.bootstrap import open_backend
    backend = open_backend(args.db)
    m = backend.migration
    backend.close()
    summary = {"ok": True, "database": str(backend.location.label),
               "from_revision": m.from_revision, "revision": m.to_revision,
               "backup": str(m.backup) if m.backup else None}
    new = "새 파일" if backend.location.path else "새 데이터베이스"
    text = (f"데이터베이스 준비 완료: {backend.location.label}\n"
            f"스키마: {m.from_revision or new} → {m.to_revision}")
    if m.backup:
        text += f"\n업그레이드 전 백업: {m.backup}"
    return 0, summary, text


def cmd_demo(args: argparse.Namespace) -> tuple[int, dict, str]:
    from pcrm_desktop.bootstrap import open_backend
    from pcrm_desktop.services.demo import ADMIN_LOGIN, DEMO_KIOSK_PIN, DEMO_PASSWORD, DemoRequest, fill_demo
    from pcrm_desktop.services.demo_clock import fixed_clock, parse_now
    now = parse_now(args.now) if args.now is not None else None  # refused before a file is made
    backend = open_backend(args.db, clock=fixed_clock(now) if now else None)
    try:
        request = DemoRequest(citizens=args.citizens, complaints=args.complaints,
                              responses=args.responses, seed=args.seed)
        result = fill_demo(backend.ctx, request, progress=stderr_progress)
    finally:
        backend.close()
    summary = {"ok": True, "database": backend.location.label, "seed": args.seed,
               "now": now.strftime("%Y-%m-%d %H:%M") if now else None,
               "counts": result.counts, "skipped": result.skipped,
               "seconds": round(result.seconds, 3)}
    summary["accounts"] = {"admin": ADMIN_LOGIN, "password": DEMO_PASSWORD,
                           "kiosk_pin": DEMO_KIOSK_PIN}
    lines = [f"데모 데이터 생성 완료 ({result.seconds:.1f}초): {backend.location.label}",
             f"  데모 계정: {ADMIN_LOGIN}(관리자), manager1·manager2(팀장), clerk01…(주무관), "
             f"kiosk(키오스크) — 비밀번호 모두 {DEMO_PASSWORD}, 키오스크 직원 PIN {DEMO_KIOSK_PIN}"]
    lines += [f"  {name}: {number:,}" for name, number in result.counts.items()]
    lines += [f"  {name}: 건너뜀 (이 버전에는 아직 없는 기능)" for name in result.skipped]
    return 0, summary, "\n".join(lines)


def cmd_check(args: argparse.Namespace) -> tuple[int, dict, str]:
    from pcrm_desktop.config import resolve_database
    from pcrm_desktop.db.health import folder_writable
    from pcrm_desktop.services.maintenance import check_database
    report = check_database(resolve_database(args.db))
    read_only = report.path is not None and not folder_writable(report.path.parent)
    summary = {"ok": report.healthy, "database": report.label, "integrity": report.integrity,
               "revision": report.revision, "head": report.head, "size_bytes": report.size_bytes,
               "read_only_folder": read_only, "access_log_guards": list(report.guards),
               "server": report.path is None}
    kind = "데이터베이스 서버" if report.path is None else "데이터베이스"
    integrity = ("모든 표 읽기·서버 체크섬 정상" if report.path is None else "정상") \
        if report.integrity == "ok" else "오류 — " + report.integrity
    lines = [f"{kind}: {report.label} ({report.size_bytes:,} 바이트)",
             f"무결성 검사: {integrity}",
             f"스키마: {report.revision or '없음'} (이 버전: {report.head})"]
    if read_only and report.path is not None:
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


def cmd_self_test(args: argparse.Namespace) -> tuple[int, dict, str]:
    from pcrm_desktop import selftest
    report = selftest.run()
    return (0 if report.ok else 1), report.as_dict(), report.text()
