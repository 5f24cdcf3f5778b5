"""`pcrm import` and `pcrm export`: residents, 민원 history and survey answers in and out.

Handlers return (exit code, summary dict, Korean text), like every command module's."""
from __future__ import annotations

import argparse
import json
from pathlib import Path

from pcrm_desktop.cli.shared import day, session, stderr_progress


def import_parser(sub, common) -> None:
    from pcrm_desktop.services.import_fields import CITIZEN_FIELDS as FIELDS
    from pcrm_desktop.services.import_fields import COMPLAINT_FIELDS
    fields = ", ".join(f"{name}({label})" for name, (label, _) in FIELDS.items())
    complaint_fields = ", ".join(f"{name}({label})"
                                 for name, (label, _) in COMPLAINT_FIELDS.items())
    parser = sub.add_parser(
        "import", parents=[common], help="CSV/XLSX에서 가져오기",
        description="CSV(UTF-8, UTF-8 BOM, CP949/EUC-KR) 또는 XLSX에서 주민이나 민원 이력을 "
                    "가져옵니다. 유효한 행은 한 번에 모두 저장되거나, 오류가 나면 하나도 저장되지 않습니다.",
        epilog=f"--mapping 파일은 {{\"필드\": \"원본 열 이름\"}} 형태의 JSON입니다. 주민 필드: {fields}. "
               f"민원 필드: {complaint_fields} (received_at 필수; 날짜는 2026-11-27 14:05 또는 "
               "06/26/2018 10:58:54 AM 형식; 부서·분류가 없으면 새로 만듭니다). "
               "지정하지 않으면 머리글 이름으로 추정합니다. 만족도 응답(responses)은 --survey와 "
               "--mapping이 필요하며, 연결 파일은 {\"문항코드\": \"열 이름\"}에 선택 키 "
               "submitted_at(응답일 열), submitted_on(모든 행의 응답일), na(해당없음 표시 글자)를 "
               "더합니다. 예: {\"OVERALL\": \"전반 만족\", \"KIND\": \"친절\", "
               "\"submitted_at\": \"응답일\", \"na\": [\"9\"]}. 반점수(3.5)·범위 밖·형식 오류는 "
               "고치지 않고 그 행을 거부합니다.")
    parser.add_argument("what", choices=["citizens", "complaints", "responses"],
                        help="citizens: 주민, complaints: 민원, responses: 만족도 응답")
    parser.add_argument("file", metavar="FILE")
    parser.add_argument("--mapping", metavar="MAPPING.json", help="열 연결 (JSON)")
    parser.add_argument("--survey", metavar="CODE", help="(만족도 응답) 설문 코드 (예: COUNTER)")
    parser.add_argument("--skip-duplicates", action="store_true", help="(주민) 중복 의심 행은 가져오지 않음")
    parser.add_argument("--report", metavar="OUT.csv", help="거부된 행과 사유, 표시된 행을 CSV로 저장")


def export_parser(sub, common) -> None:
    export = sub.add_parser("export", parents=[common], help="자료 내보내기 (XLSX/CSV)")
    export.add_argument("what", choices=["citizens", "complaints", "responses"],
                        help="citizens: 주민, complaints: 민원처리부 (--from, --to), "
                             "responses: 만족도 응답 원자료 (--survey, --from, --to)")
    export.add_argument("--out", required=True, metavar="FILE", help=".xlsx 또는 .csv (UTF-8 BOM)")
    export.add_argument("--from", dest="first", metavar="YYYY-MM-DD",
                        help="민원처리부: 접수일 시작, 만족도 응답: 응답일 시작")
    export.add_argument("--to", dest="last", metavar="YYYY-MM-DD", help="기간 끝 (포함)")
    export.add_argument("--survey", metavar="CODE", help="만족도 응답: 설문 코드 (예: COUNTER)")
    export.add_argument("--unmasked", action="store_true",
                        help="이름·전화·전자우편을 가리지 않음 (관리자·팀장만, --reason 필요)")
    export.add_argument("--reason", default="", help="반출 사유 (주민·민원처리부는 필수; 접속기록에 남음)")


def cmd_import(args: argparse.Namespace) -> tuple[int, dict, str]:
    from pcrm_desktop.services.import_common import write_report
    if args.what == "responses":
        return _import_responses(args)
    mapping = read_mapping(args.mapping) if args.mapping else None
    with session(args) as ctx:
        if args.what == "complaints":
            from pcrm_desktop.services.complaint_import import import_complaints
            result, plan = import_complaints(ctx, Path(args.file), mapping,
                                             progress=stderr_progress)
        else:
            from pcrm_desktop.services.citizen_import import import_citizens
            result, plan = import_citizens(ctx, Path(args.file), mapping,
                                           args.skip_duplicates, progress=stderr_progress)
    if args.report:
        write_report(plan, Path(args.report))
    summary = {"ok": True, "imported": result.imported, "rejected": result.rejected,
               "duplicates": result.duplicates, "encoding": result.encoding,
               "mapping": plan.mapping, "rows": len(plan.table.rows),
               "rejections": [{"row": r.row, "code": r.code, "reason": r.reason}
                              for r in plan.rejected[:1000]]}
    unit = "건" if args.what == "complaints" else "명"
    flagged = "표시" if args.what == "complaints" else "중복 의심"
    lines = [f"가져오기 완료 ({result.encoding}): {result.imported:,}{unit} 저장, "
             f"거부 {result.rejected:,}행, {flagged} {result.duplicates:,}행"]
    if args.what == "complaints":
        summary.update(flagged=result.flagged, new_departments=result.new_departments,
                       new_categories=result.new_categories,
                       flags=[{"row": d.row, "remark": d.other} for d in plan.duplicates[:1000]])
        lines.append(f"새 부서 {result.new_departments}개, 새 분류 {result.new_categories}개")
        lines += [f"  {d.row}행: {d.other}" for d in plan.duplicates[:10]]
    else:
        summary["rrn_masked"] = result.rrn_masked
        if result.rrn_masked:
            lines.append(f"주의: 주민등록번호 형태의 숫자 {result.rrn_masked}건을 가려서 저장했습니다.")
    lines += [f"  {r.row}행: {r.reason}" for r in plan.rejected[:20]]
    if len(plan.rejected) > 20:
        lines.append(f"  … 외 {len(plan.rejected) - 20}행 (--report로 전체 저장)")
    return 0, summary, "\n".join(lines)


def _import_responses(args: argparse.Namespace) -> tuple[int, dict, str]:
    from pcrm_desktop.domain.errors import ValidationError
    from pcrm_desktop.services.import_common import write_report
    from pcrm_desktop.services.survey_import import import_responses
    for value, field in ((args.survey, "survey_option"), (args.mapping, "mapping_option")):
        if not value:
            raise ValidationError("required", field=field)
    mapping = read_json(args.mapping)
    with session(args) as ctx:
        result, plan = import_responses(ctx, Path(args.file), args.survey, mapping,
                                        progress=stderr_progress)
    if args.report:
        write_report(plan, Path(args.report))
    summary = {"ok": True, "survey": plan.survey, "version": result.version,
               "imported": result.imported, "rejected": result.rejected,
               "skipped_empty": result.skipped, "rows": len(plan.table.rows),
               "encoding": result.encoding, "mapping": plan.mapping,
               "first": str(result.first) if result.first else None,
               "last": str(result.last) if result.last else None,
               "rejected_by_code": plan.rejected_by_code(),
               "problems_by_item": plan.problems_by_item(),
               "rrn_masked": plan.rrn_masked,
               "rejections": [{"row": r.row, "code": r.code, "reason": r.reason}
                              for r in plan.rejected[:1000]]}
    lines = [(f"가져오기 완료 ({result.encoding}): 설문 {plan.survey} v{result.version}에 "
              f"{result.imported:,}건 저장, 거부 {result.rejected:,}행, 빈 행 건너뜀 {result.skipped:,}행")]
    if result.first:
        lines.append(f"응답일: {result.first} ~ {result.last}")
    lines += [f"  {r.row}행: {r.reason}" for r in plan.rejected[:20]]
    if len(plan.rejected) > 20:
        lines.append(f"  … 외 {len(plan.rejected) - 20}행 (--report로 전체 저장)")
    return 0, summary, "\n".join(lines)


def read_json(path: str) -> dict:
    """A JSON object from a file (a mapping), or a clear refusal."""
    from pcrm_desktop.domain.errors import ValidationError
    try:
        with open(path, encoding="utf-8-sig") as handle:
            mapping = json.load(handle)
    except (OSError, ValueError) as exc:
        raise ValidationError("mapping_invalid", field="mapping", detail=str(exc)) from exc
    except RecursionError:  # [[[[…]]]] nested deeper than the parser goes
        raise ValidationError("mapping_invalid", field="mapping",
                              detail="JSON이 너무 깊게 중첩되어 있음") from None
    if not isinstance(mapping, dict):
        raise ValidationError("mapping_invalid", field="mapping", detail="JSON 객체가 아님")
    return mapping


def read_mapping(path: str) -> dict[str, str]:
    from pcrm_desktop.domain.errors import ValidationError
    mapping = read_json(path)
    if not all(isinstance(v, str) for v in mapping.values()):
        raise ValidationError("mapping_invalid", field="mapping", detail="JSON 객체가 아님")
    return mapping


def cmd_export(args: argparse.Namespace) -> tuple[int, dict, str]:
    if args.what == "responses":
        return _export_responses(args)
    if args.what == "complaints":
        first, last = day(args.first, "from"), day(args.last, "to")
        from pcrm_desktop.services.complaint_export import export_register
        with session(args) as ctx:
            done = export_register(ctx, first, last, Path(args.out), args.reason)
        return 0, {"ok": True, "out": str(done.path), "rows": done.rows, "from": str(first),
                   "to": str(last)}, f"민원처리부 내보내기 완료: {done.path} ({done.rows:,}건, 민원인 가림)"
    from pcrm_desktop.services.citizen_export import export_citizens
    with session(args) as ctx:
        result = export_citizens(ctx, Path(args.out), args.unmasked, args.reason)
    summary = {"ok": True, "out": str(result.path), "rows": result.rows, "masked": result.masked}
    return 0, summary, (f"내보내기 완료: {result.path} ({result.rows:,}명, "
                        f"{'가림' if result.masked else '전체 값'})")


def _export_responses(args: argparse.Namespace) -> tuple[int, dict, str]:
    from pcrm_desktop.domain.errors import ValidationError
    from pcrm_desktop.services.survey_export import export_responses
    if not args.survey:
        raise ValidationError("required", field="survey_option")
    first, last = day(args.first, "from"), day(args.last, "to")
    with session(args) as ctx:
        done = export_responses(ctx, args.survey, first, last, Path(args.out))
    summary = {"ok": True, "out": str(done.path), "rows": done.rows, "columns": done.columns,
               "from": str(first), "to": str(last)}
    return 0, summary, (f"만족도 응답 내보내기 완료: {done.path} ({done.rows:,}건, 문항 "
                        f"{len(done.columns)}개, 익명 — 민원·주민 연결은 내보내지 않음)")
