"""접속기록 검토 on a real database file: the list's filters and keyset pages (with and without
the (action, at) index), whose data masked, every rule of the review flagged at its threshold
and not below it, the month's summary, the roles, the review logged once per opening, and the
monthly PDF (its text, its fonts, the chain's head) and `pcrm report access-log`."""
from __future__ import annotations

import json
import subprocess
from dataclasses import replace
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest

from pcrm_desktop.cli import main
from pcrm_desktop.domain import access_review as ar
from pcrm_desktop.domain.audit import Actor
from pcrm_desktop.domain.audit_details import is_known
from pcrm_desktop.domain.citizens import Citizen
from pcrm_desktop.domain.privacy import PermissionDenied
from pcrm_desktop.domain.progress import Step, korean
from pcrm_desktop.services import access_log, accounts, citizens, office
from pcrm_desktop.services.access_log import LogFilter
from pcrm_desktop.services.audit_trail import verify_chain
from pcrm_desktop.services.report_access_log import build_access_log
from tests.audit_db import hex_of, rows, tamper
from tests.conftest import ADMIN_PASSWORD

MARCH = date(2025, 3, 1)
END = date(2025, 3, 31)
HOLIDAY = date(2025, 3, 3)        # 삼일절 대체 휴일, a Monday
SATURDAY = date(2025, 3, 8)
TUESDAY = date(2025, 3, 11)
WEDNESDAY = date(2025, 3, 12)
NAMES = ["홍길동", "김영희", "이철수", "박민수", "최지우", "정하늘", "강바다", "조은비", "윤서연", "장도윤",
         "임채원", "한지민", "오세훈", "서지수", "신동엽", "권나라", "황보석", "안유진", "송지효", "류준열",
         "전소민", "홍진경", "고아라", "문채원", "양세찬", "배수지", "백종원", "허각수", "남궁민", "노홍철",
         "하석진", "곽도원", "성유리", "차은우", "주원석"]


def at(day: date, hh: int, mm: int = 0, ss: int = 0) -> datetime:
    return datetime.combine(day, time(hh, mm, ss))


def write(ctx, *entries) -> None:
    """(when, action, target, reason, subject) entries, each at its own time, in one commit."""
    with ctx.uow_factory() as uow:
        for when, action, target, reason, subject in entries:
            replace(ctx, clock=lambda when=when: when).audit(uow, action, target, "",
                                                             reason=reason, subject=subject)
        uow.commit()


@pytest.fixture
def staff(admin_ctx):
    """The admin, a team leader (manager) and two clerks, each at their own PC; 35 residents."""
    office.add_staff(admin_ctx, "김팀장", "kim.tm", "manager")
    office.add_staff(admin_ctx, "이주무", "lee.cs", "clerk", temporary_password="Temp#Pass2025")
    office.add_staff(admin_ctx, "박주무", "park.cs", "clerk")
    people = {m.login: m for m in office.overview(admin_ctx).staff}

    def as_(login: str, workstation: str):
        m = people[login]
        return admin_ctx.as_actor(Actor(m.id, m.login, m.role.value, workstation))
    ids = [citizens.register_citizen(admin_ctx, Citizen(None, name, 1950 + n), allow_duplicate=True)
           .citizen_id for n, name in enumerate(NAMES)]
    return {"admin": admin_ctx, "kim": as_("kim.tm", "DONG-PC01"), "lee": as_("lee.cs", "DONG-PC02"),
            "park": as_("park.cs", "DONG-PC03"), "residents": ids}


@pytest.fixture
def month(staff):
    """March 2025 as the rules should see it (and a little of February and April)."""
    lee, park, kim, ids = staff["lee"], staff["park"], staff["kim"], staff["residents"]
    # a burst: lee opens 30 different residents, the first and the last exactly 10 minutes apart
    write(lee, *[(at(TUESDAY, 14) + timedelta(seconds=600) * n / 29, "citizen.view",
                  f"citizen:{ids[n]}", "", None) for n in range(30)])
    # not a burst: park opens 29 residents in 5 minutes, and one of them again
    write(park, *[(at(TUESDAY, 14) + timedelta(seconds=10) * n, "citizen.view",
                   f"citizen:{ids[n % 29]}", "", None) for n in range(30)])
    # exports and prints around the office hours (09:00–18:00) and on days off
    write(kim, (at(WEDNESDAY, 17, 59, 59), "citizen.export", "주민.xlsx", "복지 안내 발송", None),
          (at(WEDNESDAY, 18), "citizen.export", "주민-저녁.xlsx", "복지 안내 발송", None),
          (at(WEDNESDAY, 8, 59, 59), "complaint.print", "2025-000101", "", ids[0]),
          (at(WEDNESDAY, 9), "complaint.print", "2025-000102", "", ids[1]),
          (at(WEDNESDAY, 12, 30), "report.register", "민원처리부.pdf", "", None),   # lunch: fine
          (at(SATURDAY, 10), "complaint.export", "민원처리부.xlsx", "점검", None),
          (at(HOLIDAY, 11), "survey.export", "응답.xlsx", "분석", None))
    # reasons: a reveal with one, a reveal and an export without (entries from an older version)
    write(park, (at(WEDNESDAY, 10), "citizen.reveal", f"citizen:{ids[2]}", "민원 회신 전화", None),
          (at(WEDNESDAY, 10, 5), "citizen.reveal", f"citizen:{ids[3]}", "", None),
          (at(WEDNESDAY, 10, 10), "complaint.export", "민원처리부2.xlsx", "", None))
    # failed sign-ins: lee gets the password wrong five times in a row (the fifth locks),
    # park four times
    for n in range(5):
        with pytest.raises(accounts.SignInRefused):
            accounts.sign_in(replace(staff["admin"], clock=lambda n=n: at(TUESDAY, 8, n)),
                             "lee.cs", "wrong-password")
    write(park, *[(at(TUESDAY, 8, n), "login.fail", "staff:0", "", None) for n in range(4)])
    # outside the month
    write(kim, (at(date(2025, 2, 28), 23), "citizen.export", "2월.xlsx", "", None),
          (at(date(2025, 4, 1), 9, 30), "citizen.view", f"citizen:{ids[4]}", "", None))
    return staff


def march(**kw) -> LogFilter:
    return LogFilter(MARCH, END, **kw)


def everything(ctx, f: LogFilter, limit: int = 7, **kw) -> list:
    """Every page of a filter, by key."""
    found, after = [], None
    while True:
        page = access_log.entries(ctx, f, after, limit, **kw)
        found += page
        if len(page) < limit:
            return found
        after = page[-1].position


def in_db(db_target, where: str = "1 = 1", *args) -> list[int]:
    """Ids of March's entries as another program sees them, newest first."""
    return [r[0] for r in rows(db_target, "SELECT id FROM audit_log WHERE at >= '2025-03-01' AND"
                                          f" at < '2025-04-01' AND {where} ORDER BY at DESC, id DESC",
                               *args)]


def test_filters_and_keyset_pages(month, db_target):
    kim, ids = month["kim"], month["residents"]
    # entries at the very same moment across a page boundary: the id breaks the tie
    write(month["park"], *[(at(TUESDAY, 16), "citizen.view", f"citizen:{ids[9]}", "", None)] * 9)
    whole = everything(kim, march())
    assert [r.id for r in whole] == in_db(db_target)
    assert len({r.id for r in whole}) == len(whole) > 80
    assert all(MARCH <= r.at.date() <= END for r in whole)
    assert [r.id for r in everything(kim, march(actor="lee.cs"))] == in_db(db_target, "actor = 'lee.cs'")
    exports = everything(kim, march(kind=ar.EXPORT), limit=2)
    assert [r.id for r in exports] == in_db(
        db_target, "action IN ('citizen.export', 'complaint.export', 'survey.export')")
    assert {r.kind for r in exports} == {ar.EXPORT} and len(exports) == 5
    logins = everything(kim, march(kind=ar.LOGIN))
    assert {r.action for r in logins} == {"login.fail", "account.lock"} and len(logins) == 9
    # one resident, by record number or by name, shown masked
    hong = ids[0]
    by_number = everything(kim, march(subject=str(hong)))
    assert [r.id for r in by_number] == in_db(db_target, "subject_id = ?", hong)
    assert {r.subject for r in by_number} == {f"홍*동 (#{hong})"}
    assert [r.id for r in everything(kim, march(subject="#" + str(hong)))] == [r.id for r in by_number]
    assert {r.subject_id for r in everything(kim, march(subject="홍길동"))} == {hong}
    assert everything(kim, march(subject="없는이름")) == []
    # combined: an account's views of one resident
    assert [r.id for r in everything(kim, march(actor="lee.cs", kind=ar.VIEW, subject=str(hong)))] \
        == in_db(db_target, "actor = 'lee.cs' AND subject_id = ?", hong)
    # never a full name anywhere in the rows
    assert not any(name in str(r) for r in whole for name in NAMES)
    assert sum(1 for r in whole if r.subject.startswith("홍*동")) == len(by_number)


def test_flags_on_the_rows_and_the_flagged_only_list(month, db_target):
    kim = month["kim"]
    found = access_log.anomalies(kim, MARCH, END)
    flagged = everything(kim, march(flagged_only=True))
    assert {r.id for r in flagged} == set(found.flags)
    assert all(r.flags for r in flagged)
    # the page's own flags (found around its rows) equal the month's
    assert {r.id: r.flags for r in everything(kim, march()) if r.flags} == dict(found.flags)
    assert {r.id: r.flags for r in everything(kim, march(), known=found) if r.flags} == dict(found.flags)
    # an account's flagged entries only
    lee_flagged = everything(kim, march(actor="lee.cs", flagged_only=True), known=found)
    assert {r.action for r in lee_flagged} == {"citizen.view", "login.fail", "account.lock"}
    # and of one resident among them
    hong = month["residents"][0]
    assert [(r.actor, r.subject_id) for r in everything(
        kim, march(actor="lee.cs", subject=str(hong), flagged_only=True))] == [("lee.cs", hong)]


def test_each_rule_at_its_threshold(month, db_target):
    kim = month["kim"]
    found = access_log.anomalies(kim, MARCH, END)
    by_code = {code: [f for f in found.findings if f.code == code] for code in ar.FLAGS}
    # 30 residents in exactly 10 minutes: lee; 29 in 5 minutes: not park
    [burst] = by_code[ar.BURST]
    assert (burst.actor, burst.count, len(burst.entry_ids)) == ("lee.cs", 30, 30)
    # five refused sign-ins in a day (the fifth is the lock): lee; four: not park
    [fails] = by_code[ar.FAILED_LOGINS]
    assert (fails.actor, fails.count) == ("lee.cs", 5)
    assert rows(db_target, "SELECT action FROM audit_log WHERE id = ?", fails.entry_ids[-1]) == [("account.lock",)]
    # outside office hours or on a day off; 17:59:59, 09:00:00 and the lunch hour are inside
    off = {(f.actor, f.start, f.value("when")) for f in by_code[ar.OFF_HOURS]}
    assert off == {("kim.tm", at(WEDNESDAY, 18), "after_hours"),
                   ("kim.tm", at(WEDNESDAY, 8, 59, 59), "before_hours"),
                   ("kim.tm", at(SATURDAY, 10), "토요일"),
                   ("kim.tm", at(HOLIDAY, 11), "삼일절 대체 휴일")}
    # a reveal and an export without a reason; the reveal with one, and prints, are fine
    assert {(f.actor, f.value("action")) for f in by_code[ar.NO_REASON]} == {
        ("park.cs", "citizen.reveal"), ("park.cs", "complaint.export")}
    texts = [f.text() for f in found.findings]
    assert "lee.cs: 2025-03-11(화) 14:00~14:10 주민 30명 조회 (10분 안에 최대 30명)" in texts
    assert "kim.tm: 2025-03-03(월) 11:00 설문 응답 내보내기 (삼일절 대체 휴일)" in texts
    # February's export at 23:00 without a reason belongs to February
    assert all(f.start.month == 3 for f in found.findings)


def test_a_burst_across_the_month_edge_belongs_to_both_months(staff):
    lee, ids = staff["lee"], staff["residents"]
    start = at(date(2025, 3, 31), 23, 55)
    write(lee, *[(start + timedelta(seconds=18) * n, "citizen.view", f"citizen:{ids[n]}", "", None)
                 for n in range(32)])   # 23:55:00 to 00:04:18
    for first, last in ((MARCH, END), (date(2025, 4, 1), date(2025, 4, 30))):
        [burst] = access_log.anomalies(staff["kim"], first, last).findings
        assert burst.count == 32 and burst.start == start


def test_month_summary(month, db_target):
    s = access_log.month_summary(month["kim"], date(2025, 3, 17))
    assert (s.first, s.last) == (MARCH, END)
    counted = dict(((a, k), n) for a, k, n in (
        (acc.actor, kind, acc.counts[kind]) for acc in s.accounts for kind in ar.KINDS))
    assert counted[("lee.cs", ar.VIEW)] == 30 and counted[("lee.cs", ar.LOGIN)] == 5
    assert counted[("park.cs", ar.VIEW)] == 32 and counted[("park.cs", ar.EXPORT)] == 1
    assert counted[("kim.tm", ar.EXPORT)] == 4 and counted[("kim.tm", ar.PRINT)] == 3
    assert s.total == len(in_db(db_target)) == sum(s.kinds.values())
    assert [a.actor for a in s.accounts][:2] == ["park.cs", "lee.cs"]


def test_accounts_for_the_filter(month):
    """Staff by name, then logins that are no account (the set-up's "system", and "?" for a
    failed sign-in with a login that does not exist: what was typed is not kept)."""
    with pytest.raises(accounts.SignInRefused):
        accounts.sign_in(month["admin"], "nobody", "x")
    found = access_log.accounts(month["kim"])
    assert [(a.login, a.name) for a in found] == [
        ("kim.tm", "김팀장"), ("park.cs", "박주무"), ("lee.cs", "이주무"), ("hong", "홍길동"),
        ("?", ""), ("system", "")]


def test_clerks_may_not_review(month, db_target, tmp_path):
    lee = month["lee"]
    before = rows(db_target, "SELECT count(*) FROM audit_log")[0][0]
    for call in (lambda: access_log.entries(lee, march(), record=True),
                 lambda: access_log.anomalies(lee, MARCH, END),
                 lambda: access_log.month_summary(lee, MARCH),
                 lambda: access_log.accounts(lee),
                 lambda: build_access_log(lee, MARCH, tmp_path / "x.pdf")):
        with pytest.raises(PermissionDenied):
            call()
    assert rows(db_target, "SELECT count(*) FROM audit_log")[0][0] == before
    assert not (tmp_path / "x.pdf").exists()
    assert access_log.entries(month["kim"], march(), limit=1)  # the manager may


def test_looking_is_logged_once_when_asked(month, db_target):
    kim = month["kim"]
    first = access_log.entries(kim, march(actor="lee.cs", flagged_only=True), record=True)
    access_log.entries(kim, march(actor="lee.cs", flagged_only=True), first[-1].position)
    access_log.entries(kim, march())
    logged = rows(db_target, "SELECT actor, workstation, target, detail FROM audit_log"
                           " WHERE action = 'audit.review'")
    assert logged == [("kim.tm", "DONG-PC01", "audit_log", "2025-03-01~2025-03-31; 계정 lee.cs; 이상 징후만")]
    # a name searched for is not written into the log
    access_log.entries(kim, march(subject="홍길동"), record=True)
    assert "홍길동" not in rows(db_target, "SELECT detail FROM audit_log WHERE action = 'audit.review'"
                                      " ORDER BY id DESC LIMIT 1")[0][0]


def _pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def _fonts(path: Path) -> list[list[str]]:
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    return [line.split() for line in out.splitlines()[2:] if line.strip()]


def test_monthly_pdf(month, db_target, tmp_path):
    kim = month["kim"]
    steps = []
    done = build_access_log(kim, date(2025, 3, 20), tmp_path / "점검표.pdf",
                            progress=lambda d, n, step, **numbers: steps.append((step, numbers)))
    assert done.chain.ok and done.findings == 8 and done.watched == 10 and done.pages >= 2
    # codes and numbers, never sentences: the screen and the command line word them
    assert steps[0] == (Step.ACCESS_ACCOUNTS, {}) and steps[-1] == (Step.DONE, {})
    assert korean(Step.ACCESS_CHAIN_CHECKED, n=12345) == "무결성 검사 12,345건"
    text = _pdf_text(done.path)
    squeezed = " ".join(text.split())
    for expected in ("2025년 3월 개인정보 접속기록 점검표", "청운효자동 행정복지센터", "1. 요약",
                     "2. 이상 징후", "3. 출력·반출·가린 정보 표시 목록", "4. 무결성 검증", "5. 검토자 확인",
                     "단시간 대량 조회", "로그인 실패 반복", "근무시간 외 출력·반출", "사유 없는 반출·표시",
                     "lee.cs (이주무)", "삼일절 대체 휴일", "복지 안내 발송", "민원 회신 전화", "검토 의견",
                     "서명", f"홍*동 (#{month['residents'][0]})", "kim.tm (김팀장)"):
        assert expected in squeezed, expected
    assert not any(name in text for name in NAMES[1:])   # no resident's full name
    assert "홍길동" not in text.replace("홍길동 (", "")     # (the admin's own name may appear)
    head = done.chain.last_hash
    assert " ".join(head[i:i + 8] for i in range(0, 64, 8)) in squeezed
    assert f"정상: {done.chain.checked:,}건 확인" in squeezed
    fonts = _fonts(done.path)
    assert fonts and all("NanumGothic" in f[0] and f[-5] == "yes" for f in fonts), fonts
    [(target, detail)] = rows(db_target, "SELECT target, detail FROM audit_log WHERE action = 'report.access_log'")
    assert target == "점검표.pdf"
    assert detail.startswith("2025-03: ") and f"{done.chain.last_id}:{head[:16]}" in detail
    assert is_known("report.access_log", detail)
    # the check behind the PDF leaves no audit.verify entry of its own, but moves the anchor
    assert rows(db_target, "SELECT count(*) FROM audit_log WHERE action = 'audit.verify'") == [(0,)]


def test_a_broken_chain_is_printed_and_fails_the_command(month, db_target, tmp_path, monkeypatch,
                                                         capsys):
    password = tmp_path / "password.txt"
    password.write_text(ADMIN_PASSWORD + "\n", encoding="utf-8")
    password.chmod(0o600)
    monkeypatch.setenv("PCRM_USER", "hong")
    monkeypatch.setenv("PCRM_PASSWORD_FILE", str(password))
    out = tmp_path / "cli.pdf"
    code = main(["report", "access-log", "--db", db_target, "--month", "2025-03", "--out",
                 str(out), "--json"])
    good = json.loads(capsys.readouterr().out)
    assert code == 0 and good["ok"] and good["findings"] == 8 and good["chain"]["broken_id"] is None
    # the head printed is the last entry checked (the report's own entry comes after it)
    [(head,)] = rows(db_target, f"SELECT {hex_of(db_target, 'hash')} FROM audit_log WHERE id = ?",
                     good["chain"]["last_id"])
    assert out.exists() and good["chain"]["head_hash"] == head
    assert verify_chain(month["kim"], record=False).last_id == good["chain"]["last_id"] + 1
    tamper(db_target,
           "UPDATE audit_log SET reason = '고친 사유' WHERE action = 'citizen.reveal' AND reason = ''")
    broken = rows(db_target, "SELECT id FROM audit_log WHERE reason = '고친 사유'")[0][0]
    code = main(["report", "access-log", "--db", db_target, "--month", "2025-03", "--out",
                 str(tmp_path / "broken.pdf")])
    printed = capsys.readouterr().out
    assert code == 1 and f"손상: {broken}번 기록" in printed
    assert f"손상: {broken}번 기록" in " ".join(_pdf_text(tmp_path / "broken.pdf").split())
    code = main(["report", "access-log", "--db", db_target, "--month", "2025-13", "--out",
                 str(tmp_path / "x.pdf")])
    assert code == 1 and "YYYY-MM" in capsys.readouterr().err
