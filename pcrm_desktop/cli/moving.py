"""`pcrm copy-to URL --db FILE`: an office's single-PC file copied into a new, empty database
on the office server (services/server_move.py). Like `pcrm init`, it signs in nowhere: nobody
exists on the server yet, and signing in to the file would write to it (the file is left byte
for byte as it was). Progress on stderr like `pcrm demo`.

Handlers return (exit code, summary dict, Korean text), like every command module's."""
from __future__ import annotations

import argparse

from pcrm_desktop.cli.shared import stderr_progress


def copy_to_parser(sub, common) -> None:
    copy = sub.add_parser(
        "copy-to", parents=[common], help="이 PC의 데이터베이스 파일을 사무실 서버의 빈 데이터베이스로 옮기기",
        description="--db의 파일(기본: 이 PC의 pcrm.db)을 PostgreSQL 서버의 새 빈 데이터베이스로 모두 "
                    "복사합니다. 한 트랜잭션으로 복사한 뒤 표마다 행 수, 만족도 일별 합계, 접속기록의 "
                    "체인을 원본과 대조하고, 모두 같을 때만 확정합니다(다르면 서버는 비어 있는 그대로). "
                    "원본 파일은 읽기만 하며 바꾸지 않습니다.",
        epilog="서버 주소의 사용자는 데이터베이스를 만든 소유자 역할이어야 합니다(표를 만듦). 복사한 "
               "사실은 서버의 접속기록에 남습니다. 첨부파일(파일 옆 attachments 폴더)도 서버로 옮깁니다.")
    copy.add_argument("url", metavar="URL",
                      help="서버의 빈 데이터베이스: postgresql://사용자@서버:5432/데이터베이스")


def cmd_copy_to(args: argparse.Namespace) -> tuple[int, dict, str]:
    from pcrm_desktop.config import resolve_database
    from pcrm_desktop.services.server_move import copy_to_server
    report = copy_to_server(resolve_database(args.db), resolve_database(args.url),
                            progress=stderr_progress)
    chain = report.chain
    summary = {
        "ok": True, "source": report.source, "target": report.target,
        "source_database_id": report.source_id, "target_database_id": report.target_id,
        "migrated": report.migrated, "rows": report.rows, "seconds": round(report.seconds, 3),
        "tables": {t.name: {"source": t.source, "target": t.target} for t in report.tables},
        "survey_sums": {t.name: {"source": t.source, "target": t.target} for t in report.derived},
        "sequences": report.sequences,
        "access_log": {"verified": chain.ok, "checked": chain.checked, "last_id": chain.last_id,
                       "last_hash": chain.last_hash, "copy_entry": report.log_entry},
        "attachments": report.attachments,
        "attachments_missing": list(report.attachments_missing),
    }
    width = max(len(t.name) for t in report.tables)
    lines = [f"복사 완료 ({report.seconds:.1f}초): {report.source} → {report.target}",
             f"  표 {len(report.tables)}개, {report.rows:,}행 — 표마다 원본과 같은 수:"]
    lines += [f"    {t.name:<{width}} {t.target:>12,}" for t in report.tables]
    lines += [f"  만족도 일별 합계: 서버에서 다시 계산해 원본과 같음 "
              f"({', '.join(f'{t.name} {t.target:,}행' for t in report.derived)})",
              f"  ID 순번 {report.sequences}개를 복사한 번호 뒤로 옮김",
              f"  접속기록: {chain.checked:,}건 검증 정상 (마지막 {chain.last_id or '-'}번, "
              f"{chain.last_hash[:16] or '-'}…); 복사한 사실을 {report.log_entry}번 기록으로 남김",
              f"  데이터베이스 식별자: 서버 {report.target_id} (원본 파일 {report.source_id}은(는) "
              "그대로)",
              "  원본 파일은 바꾸지 않았습니다. 이제 모든 PC를 서버에 연결하고, 이 파일은 보관만 하십시오.",
              "  다른 PC에서 접속기록을 검증하려면 이 PC의 키가 필요합니다: pcrm audit key export / import.",
              ]
    if report.attachments:
        lines.append(f"  첨부파일 {report.attachments:,}개를 서버로 옮김 (내용을 해시로 확인)")
    if report.attachments_missing:
        lines.append(f"  첨부파일 {len(report.attachments_missing):,}개는 원본 파일 옆 attachments "
                     "폴더에 없거나 내용이 달라 옮기지 못했습니다 (기록은 옮김): "
                     + ", ".join(s[:12] for s in report.attachments_missing[:5]))
    return 0, summary, "\n".join(lines)
