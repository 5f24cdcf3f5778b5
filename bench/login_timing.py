"""How long a refused sign-in takes for a login that does not exist and for a known login with a
wrong password, at the real scrypt cost (issue 17: the two must be indistinguishable by time,
medians within 15 % of each other). Prints both medians and their ratio.

    .venv/bin/python bench/login_timing.py [--attempts 15]

Each attempt forgets what earlier sign-ins of the process made (as a new `pcrm` command starts);
the two kinds are interleaved so that the machine's load drifts over both alike.
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--attempts", type=int, default=15)
    args = parser.parse_args()
    os.environ.pop("PCRM_SCRYPT_N", None)   # the real cost
    folder = Path(tempfile.mkdtemp(prefix="pcrm-bench-login-"))
    os.environ["PCRM_PROFILE_DIR"] = str(folder / "profile")
    from pcrm_desktop.bootstrap import open_backend
    from pcrm_desktop.domain.office import OfficeProfile
    from pcrm_desktop.services import accounts, office
    from pcrm_desktop.services.accounts import SignInRefused
    backend = open_backend(str(folder / "pcrm.db"))
    ctx = backend.ctx
    admin = ctx.as_actor(office.complete_first_run(
        ctx, OfficeProfile("시험동 행정복지센터"), ["민원팀"], "관리자", "admin", "Bench#Pass2026"))
    clerks = 5   # three wrong passwords each at most: none reaches the lock (five)
    for n in range(clerks):
        office.add_staff(admin, f"직원{n}", f"clerk{n}", "clerk", temporary_password="Temp#Pass2026")

    def refused(login: str) -> float:
        start = time.perf_counter()
        try:
            accounts.sign_in(ctx, login, "Wrong#Pass2026")
        except SignInRefused:
            return time.perf_counter() - start
        raise AssertionError("a wrong password was accepted")

    refused("clerk0"), refused("nobody")     # warm both paths once
    unknown, known = [], []
    for n in range(args.attempts):
        unknown.append(refused(f"nobody{n}"))
        known.append(refused(f"clerk{n % clerks}"))
    backend.close()
    slow, fast = statistics.median(unknown), statistics.median(known)
    print(f"refused sign-in, median of {args.attempts} (interleaved), real scrypt cost")
    print(f"  unknown login          {slow * 1000:8.1f} ms")
    print(f"  known, wrong password  {fast * 1000:8.1f} ms")
    print(f"  difference             {abs(slow - fast) / min(slow, fast) * 100:8.1f} % "
          "(target: within 15 %)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
