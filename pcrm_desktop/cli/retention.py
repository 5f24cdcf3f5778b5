"""`pcrm retention …`: 보존기간과 파기 from the command line (a scheduled monthly run).

    pcrm retention run [--dry-run]            what is past its period; without --dry-run, destroy it
    pcrm retention policy [--set KIND=MONTHS]  the periods (kinds: complaint, citizen, …)
    pcrm retention ledger [--limit N]          the destruction ledger (파기 대장)

Handlers return (exit code, summary dict, Korean text), like every command module's;
`shared.session` opens the database and says who acts.
"""
from __future__ import annotations

import argparse

from pcrm_desktop.cli.shared import session, stderr_progress
from pcrm_desktop.domain.retention import KINDS, RULES


def retention_parser(sub, common) -> None:
    kinds = ", ".join(f"{kind.value}({RULES[kind].label})" for kind in KINDS)
    parser = sub.add_parser(
        "retention", parents=[common], help="보존기간과 파기 (파기 대장에 기록)",
        description="보존기간이 지난 개인정보를 복구할 수 없게 파기하고 파기 대장에 남깁니다. 민원은 "
                    "통계 항목만 남기고 익명 처리합니다. 먼저 --dry-run으로 건수를 확인하십시오. "
                    "파기는 관리자만, 미리보기와 대장 조회는 팀장도 할 수 있습니다.",
        epilog=f"대상(KIND): {kinds}. 백업 파일은 파기하지 않으니 백업 보관 주기로 지워지게 하십시오.")
    parser.add_argument("what", choices=["run", "policy", "ledger"],
                        help="run: 파기 (--dry-run: 건수만), policy: 보존기간 보기/바꾸기, "
                             "ledger: 파기 대장")
    parser.add_argument("--dry-run", action="store_true",
                        help="(run) 아무것도 지우지 않고 지울 건수만 보여 줌")
    parser.add_argument("--set", action="append", default=[], metavar="KIND=MONTHS",
                        help="(policy) 보존기간을 개월로 정함, 여러 번 쓸 수 있음 (관리자)")
    parser.add_argument("--limit", type=int, default=50, metavar="N",
                        help="(ledger) 최근 N건 (기본 50)")


def cmd_retention(args: argparse.Namespace) -> tuple[int, dict, str]:
    return {"run": _run, "policy": _policy, "ledger": _ledger}[args.what](args)


def _kinds(candidates) -> list[dict]:
    return [{"kind": c.kind.value, "label": RULES[c.kind].label, "months": c.months,
             "cutoff": c.cutoff.isoformat(), "count": c.count, "related": dict(c.related)}
            for c in candidates]


def _lines(candidates) -> list[str]:
    return [f"  {RULES[c.kind].label}: {c.count:,}건 ({c.months}개월, {c.cutoff} 이전)"
            for c in candidates]


def _run(args: argparse.Namespace) -> tuple[int, dict, str]:
    from pcrm_desktop.services import retention
    with session(args) as ctx:
        if args.dry_run:
            found = retention.preview(ctx)
        else:
            done = retention.run(ctx, progress=stderr_progress)
    if args.dry_run:
        total = sum(c.count for c in found)
        summary = {"ok": True, "dry_run": True, "total": total, "kinds": _kinds(found)}
        return 0, summary, "\n".join(
            [f"파기 미리보기 (아무것도 지우지 않음): 모두 {total:,}건"] + _lines(found))
    summary = {"ok": True, "dry_run": False, "total": done.total, "at": done.at.isoformat(),
               "kinds": _kinds(done.done), "ledger_ids": done.ledger_ids,
               "files_removed": done.files_removed, "files_failed": done.files_failed,
               "compact": done.compact, "seconds": round(done.seconds, 3)}
    head = (f"파기 완료: 모두 {done.total:,}건, 파기 대장 {len(done.ledger_ids)}건"
            f" ({done.seconds:.1f}초)")
    lines = [head, *_lines(done.done)]
    if done.files_removed or done.files_failed:
        lines.append(f"  첨부 파일: {done.files_removed}개 덮어쓴 뒤 삭제"
                     + (f", 지우지 못함 {len(done.files_failed)}개" if done.files_failed else ""))
    if not done.compact.get("wal_emptied"):
        lines.append(("  주의: 데이터베이스 파일 정리(VACUUM)를 마치지 못했습니다. 다른 PC에서 프로그램을 "
                      "닫고 다시 실행하십시오: ") + str(done.compact.get("error", "")))
    return 0, summary, "\n".join(lines)


def _policy(args: argparse.Namespace) -> tuple[int, dict, str]:
    from pcrm_desktop.domain.errors import ValidationError
    from pcrm_desktop.domain.retention import check_months, kind_of
    from pcrm_desktop.services import retention
    wanted = []
    for item in args.set:
        kind, sep, months = item.partition("=")
        if not sep:
            raise ValidationError("retention_months_format", field="months", value=item)
        kind = kind_of(kind)
        wanted.append((kind, check_months(kind, months)))
    with session(args) as ctx:
        before = {p.kind: p.months for p in retention.policies(ctx)}
        if wanted:
            retention.set_policies(ctx, dict(wanted))
        current = retention.policies(ctx)
    changed = [p.kind.value for p in current if p.months != before[p.kind]]
    summary = {"ok": True, "changed": changed, "policies": [
        {"kind": p.kind.value, "label": p.rule.label, "months": p.months,
         "default_months": p.rule.default_months, "minimum_months": p.rule.minimum_months,
         "counted_from": p.rule.counted_from, "basis": p.rule.basis} for p in current]}
    lines = [f"보존기간{' (바꿈: ' + ', '.join(changed) + ')' if changed else ''}"]
    lines += [f"  {p.kind.value} {p.rule.label}: {p.months}개월 {p.rule.counted_from}"
              f" (기본 {p.rule.default_months}, 최소 {p.rule.minimum_months})" for p in current]
    return 0, summary, "\n".join(lines)


def _ledger(args: argparse.Namespace) -> tuple[int, dict, str]:
    from pcrm_desktop.services import retention
    with session(args) as ctx:
        entries = retention.ledger(ctx, max(1, args.limit))
    summary = {"ok": True, "entries": [
        {"id": e.id, "at": e.at.isoformat(timespec="seconds"), "actor": e.actor,
         "workstation": e.workstation, "kind": e.kind.value, "label": RULES[e.kind].label,
         "months": e.months, "cutoff": e.cutoff.isoformat(), "count": e.count,
         "method": e.method, "detail": e.detail} for e in entries]}
    lines = [f"파기 대장: {len(entries)}건" + (" (최근부터)" if entries else "")]
    lines += [f"  {e.id}. {e.at:%Y-%m-%d %H:%M} {e.actor}@{e.workstation} {RULES[e.kind].label}"
              f" {e.count:,}건 ({e.cutoff} 이전, {e.months}개월)" for e in entries]
    return 0, summary, "\n".join(lines)
