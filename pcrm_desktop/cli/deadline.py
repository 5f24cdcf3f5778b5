"""`pcrm deadline`: a 민원's deadline worked out from the command line, step by step.

Handlers return (exit code, summary dict, Korean text), like every command module's."""
from __future__ import annotations

import argparse


def deadline_parser(sub, common) -> None:
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
