"""One clerk's process for the concurrency test on a server (tests/integration/
test_server_concurrency.py): for SECONDS, in a loop, receive a 민원, register a resident and
submit a survey answer, each its own transaction; every acknowledged write (the service
returned) is appended to OUT as one JSON line; a refusal is appended with its code.

    python -m tests.integration.server_clerk URL LOGIN SECONDS OUT"""
from __future__ import annotations

import json
import sys
import time
from datetime import datetime

from pcrm_desktop.bootstrap import open_backend
from pcrm_desktop.domain.citizens import Address, Citizen
from pcrm_desktop.domain.complaints import Channel, Intake
from pcrm_desktop.domain.errors import DomainError
from pcrm_desktop.services import citizens, complaints, surveys
from pcrm_desktop.services.office import actor_for


def main(url: str, login: str, seconds: float, out: str) -> int:
    backend = open_backend(url, seed_calendar=False)
    ctx = backend.ctx.as_actor(actor_for(backend.ctx, login, strict=True))
    deadline = time.monotonic() + seconds
    n = 0
    with open(out, "a", encoding="utf-8") as sink:
        def note(**fields) -> None:
            sink.write(json.dumps(fields, ensure_ascii=False) + "\n")
            sink.flush()
        while time.monotonic() < deadline:
            n += 1
            for kind, write in (("complaint", _complaint), ("citizen", _citizen),
                                ("response", _response)):
                try:
                    note(kind=kind, **write(ctx, login, n))
                except DomainError as refused:  # a documented conflict: said, nothing written
                    note(kind=kind, refused=refused.code)
    backend.close()
    return 0


def _complaint(ctx, login: str, n: int) -> dict:
    done = complaints.receive(ctx, Intake(datetime.now(), Channel.VISIT, "inquiry",
                                          f"{login} 동시 접수 {n}", "내용", None, None))
    return {"id": done.complaint_id, "receipt_no": done.receipt_no}


def _citizen(ctx, login: str, n: int) -> dict:
    done = citizens.register_citizen(ctx, Citizen(
        None, f"동시{login[-2:]}{n}", 1970, phones=(f"010-{n % 10000:04d}-{int(login[-2:]):04d}",),
        address=Address("서울특별시 종로구 자하문로 92", f"{n}호", "", "청운동")))
    return {"id": done.citizen_id}


def _response(ctx, login: str, n: int) -> dict:
    done = surveys.submit(ctx, "COUNTER", "kiosk", {"OVERALL": 1 + n % 5})
    return {"id": done.response_id, "value": 1 + n % 5}


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2], float(sys.argv[3]), sys.argv[4]))
