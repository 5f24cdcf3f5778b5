"""`pcrm audit …`: the access log's chain from the command line.

    pcrm audit verify [--expect-head ID:HASH …]   check the chain and every witness of its head
    pcrm audit reanchor --reason TEXT              set the witnesses anew after an alarm (admin)
    pcrm audit key export --out FILE --reason TEXT this PC's signing key, for another PC (admin)
    pcrm audit key import FILE                     another PC's key, so its entries verify here

Handlers return (exit code, summary dict, Korean text), like every command module's;
`shared.session` opens the database and says who acts.
"""
from __future__ import annotations

import argparse
import sys

from pcrm_desktop.cli.shared import session
from pcrm_desktop.domain.audit import ChainReport, parse_head


def audit_parser(sub, common) -> None:
    parser = sub.add_parser(
        "audit", parents=[common], help="접속기록: 해시 사슬 무결성 검사, 기준점, 서명 키",
        description="verify: 접속기록의 모든 항목을 이 PC의 서명 키로 처음부터 다시 계산해 사슬을 "
                    "확인하고, 데이터베이스 파일 밖에 남긴 앞선 검사의 머리(데이터베이스 옆 "
                    "*.audit-anchor.json, 사용자 프로필 폴더, 백업 목록, --expect-head로 준 인쇄된 "
                    "머리)와 맞춰 봅니다. 고치거나 지우거나 끝을 자른 기록, 없어지거나 읽을 수 없는 "
                    "기준점이 있으면 1로 끝납니다. reanchor: 경보를 확인한 뒤 관리자가 사유와 함께 "
                    "기준점을 다시 정합니다 (접속기록에 남음). key export/import: 다른 PC에서 이 "
                    "기록을 검증할 수 있도록 서명 키를 옮깁니다. 검사는 관리자·팀장, 나머지는 "
                    "관리자만 할 수 있습니다.")
    parser.add_argument("what", choices=["verify", "reanchor", "key"])
    parser.add_argument("action", nargs="?", choices=["export", "import"],
                        help="(key) export: 이 PC의 키를 파일로, import: 다른 PC의 키를 이 PC에")
    parser.add_argument("file", nargs="?", metavar="FILE", help="(key import) 가져올 키 파일")
    parser.add_argument("--expect-head", action="append", default=[], metavar="ID:HASH",
                        type=_head, help="(verify) 앞서 인쇄한 머리 (번호:해시, 해시는 16자 이상): "
                                         "사슬에 그대로 있어야 함; 여러 번 쓸 수 있음")
    parser.add_argument("--reason", metavar="TEXT", help="(reanchor, key export) 사유 (필수)")
    parser.add_argument("--out", metavar="FILE", help="(key export) 키를 쓸 파일")


def _head(text: str) -> tuple[int, str]:
    try:
        return parse_head(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            "번호:해시 형식이어야 합니다 (예: 1234:9f2c4a…, 해시는 16자 이상)") from None


def cmd_audit(args: argparse.Namespace) -> tuple[int, dict, str]:
    if args.what == "verify":
        return _verify(args)
    if args.what == "reanchor":
        return _reanchor(args)
    return _key(args)


def _progress(n: int) -> None:
    print(f"\r확인: {n:,}건", end="", file=sys.stderr, flush=True)


def _summary(report: ChainReport) -> dict:
    return {"ok": report.ok, "checked": report.checked, "first_id": report.first_id,
            "last_id": report.last_id, "last_hash": report.last_hash,
            "broken_id": report.broken_id, "problem": report.problem or None,
            "witness": report.witness or None, "witnesses": report.witnesses,
            "accepted": report.accepted}


def _verify(args: argparse.Namespace) -> tuple[int, dict, str]:
    from pcrm_desktop.domain.access_review import WITNESS_ALARMS, chain_problem
    from pcrm_desktop.domain.errors import DomainError
    from pcrm_desktop.domain.messages import korean_message
    from pcrm_desktop.services.audit_trail import guard_problems, verify_chain
    with session(args) as ctx:
        report = verify_chain(ctx, progress=_progress, expect=args.expect_head)
        guards = guard_problems(ctx)
    summary = dict(_summary(report), access_log_guards=guards)
    # the log's triggers (and on a server its grants) missing or changed: the chain may verify
    # today, but nothing stops the next edit (the same list as `pcrm check`)
    warning = ("\n접속기록 보호 장치가 없어지거나 바뀌었습니다 (누가 기록을 고치려 했을 수 있습니다): "
               + ", ".join(guards)) if guards else ""
    if report.ok:
        text = (f"접속기록 정상: {report.checked:,}건 확인 (#{report.first_id}–#{report.last_id}), "
                f"기준점 {report.witnesses}개와 일치\n마지막 해시: {report.last_hash}")
        if report.accepted:
            text += (f"\n이 PC에 서명 키가 없어 관리자가 확인 없이 받아들인 기록: "
                     f"{report.accepted:,}건")
        summary["ok"] = not guards
        return (1 if guards else 0), summary, text + warning
    problem = chain_problem(report)
    if report.problem in WITNESS_ALARMS:
        return 1, summary, korean_message(DomainError("audit_witness_alarm", problem=problem)) + warning
    text = korean_message(DomainError("audit_broken", entry=report.broken_id, problem=problem))
    return 1, summary, text + f"\n그 앞의 {report.checked:,}건은 정상입니다." + warning


def _reanchor(args: argparse.Namespace) -> tuple[int, dict, str]:
    from pcrm_desktop.services.audit_trail import reanchor
    with session(args) as ctx:
        report = reanchor(ctx, args.reason or "", progress=_progress)
    text = (f"접속기록 기준점을 다시 정했습니다: #{report.last_id} {report.last_hash}\n"
            f"사유와 이전 기준점은 접속기록에 남았습니다 (audit.reanchor).")
    if report.accepted:
        text += f"\n이 PC에 서명 키가 없는 기록 {report.accepted:,}건을 확인 없이 받아들였습니다."
    return 0, _summary(report), text


def _key(args: argparse.Namespace) -> tuple[int, dict, str]:
    from pcrm_desktop.domain.errors import ValidationError
    from pcrm_desktop.services import audit_trail
    if args.action == "export":
        if not args.out:
            raise ValidationError("required", field="out", label="--out")
        with session(args) as ctx:
            key_id = audit_trail.export_key(ctx, args.out, args.reason or "")
        return 0, {"ok": True, "key_id": key_id, "out": args.out}, (
            f"서명 키 {key_id}를 {args.out}에 썼습니다. 이 파일은 비밀번호처럼 보관하고, 다른 PC에서 "
            f"pcrm audit key import로 가져온 뒤 지우십시오.")
    if args.action == "import":
        if not args.file:
            raise ValidationError("required", field="file", label="FILE")
        with session(args) as ctx:
            key_id = audit_trail.import_key(ctx, args.file)
        return 0, {"ok": True, "key_id": key_id}, f"서명 키 {key_id}를 가져왔습니다."
    raise ValidationError("required", field="action", label="export | import")
