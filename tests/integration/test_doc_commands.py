"""Every command example of README.md and docs/USER_GUIDE.md runs as written (issue 18, "the
README and the guide, made true"). docs/USER_GUIDE.en.md, the English guide, must show exactly
the Korean guide's examples (test_the_english_guide_shows_the_same_examples): so running them once
covers both, instead of running every example twice.

The examples are read from the documents themselves — inline code and fenced lines that start
with `pcrm`, `.venv/bin/pcrm`, `pcrm-desktop`, `./dev.sh` or the Windows program's path — so an
example added to either document is run here too, and fails this test until it runs. Each runs
in a subprocess (the venv's `pcrm`, `pcrm-desktop`, or `python main.py` for `./dev.sh run`)
with its own HOME, data folder and PCRM_PROFILE_DIR, on a small demo database at the default
location, and must end with exit status 0.

- Placeholders (FILE, YYYY-MM-DD, CODE, 파일.csv, 로그인ID, `…` …) are replaced by real values
  from the small tables below; synopses with alternatives (`a|b`, `( … )`) are expanded by
  EXPANSIONS, plain optional parts `[ … ]` are run both without and with all of them.
- Commands with `--user` sign in as a person at a terminal: the password is typed at the prompt
  (a pseudo-terminal answers it), with no PCRM_USER/PCRM_PASSWORD_FILE. The others run as a
  scheduled run does (PCRM_USER and PCRM_PASSWORD_FILE), as the README says.
- Examples that only read share one demo database; those that change it (import, restore,
  retention run, reanchor, …) run on a copy made before any example ran; `pcrm demo` on a new
  file.
- The GUI is started with `--exit-after-show`. Not run here: `./dev.sh test` and `./dev.sh
  bundle` and the bundle's install/uninstall scripts, which CI runs itself (`.ci/run`,
  installer/check_linux.sh; `./dev.sh test` installs exactly what `./dev.sh run` installs, whose
  app part runs here), and the Windows PowerShell lines (Windows only).
"""
from __future__ import annotations

import csv
import json
import os
import pty
import re
import select
import shlex
import shutil
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import pytest

from tests.conftest import ADMIN_PASSWORD, REPO

DOCS = (REPO / "README.md", REPO / "docs" / "USER_GUIDE.md")
ENGLISH_GUIDE = REPO / "docs" / "USER_GUIDE.en.md"
BIN = Path(sys.executable).parent
BACKUP_PASSWORD = "Usb#Backup2026"
DEMO = ("--citizens", "200", "--complaints", "500", "--responses", "400", "--seed", "7")

# --- reading the examples ------------------------------------------------------------------------

PROGRAM = re.compile(r"^(pcrm|\.venv/bin/pcrm|pcrm-desktop|\./dev\.sh|\"%LOCALAPPDATA%[^\"]*\")\s")
SCRIPT = re.compile(r"^\S+\.sh$")
FENCE = re.compile(r"^```(\w*)\n(.*?)^```", re.M | re.S)
INLINE = re.compile(r"`([^`\n]+(?:\n[^`\n]+)?)`")

# Run by CI itself, not here (see the module's docstring).
CI_RUNS = {
    "./dev.sh test": ".ci/run starts with it; this test is part of it",
    "./dev.sh bundle": ".ci/run builds the bundle after the tests",
    "install.sh": "installer/check_linux.sh installs the tarball into an empty home",
    "~/.local/opt/pcrm-desktop/uninstall.sh": "installer/check_linux.sh uninstalls it again",
    "installer/check_linux.sh": ".ci/run runs it",
}
WINDOWS_ONLY = {
    r"py -3.11 -m venv .venv",
    r".venv\Scripts\python -m pip install --no-deps -r requirements.lock -r requirements-test.lock",
    r".venv\Scripts\python -m pip install --no-deps -e .",
    r".venv\Scripts\python -m pcrm_desktop.ui.i18n_build",
    r".venv\Scripts\python main.py",
    r".venv\Scripts\python -m pytest",
}
# Names of a command in running text, not examples: each must begin a runnable example.
MENTIONS = {"pcrm demo", "pcrm import", "pcrm deadline", "pcrm survey summary"}
# Synopses with alternatives: the forms they stand for.
EXPANSIONS = {
    "pcrm backup [list|prune|delete NAME] [--out FILE --reason R [--encrypt]]": [
        "pcrm backup", "pcrm backup list", "pcrm backup prune", "pcrm backup delete NAME",
        "pcrm backup --out FILE --reason R", "pcrm backup --out FILE --reason R --encrypt"],
    "pcrm restore FILE [--yes] [--other-database]": [
        "pcrm restore FILE", "pcrm restore FILE --yes", "pcrm restore FILE --yes --other-database"],
    'pcrm deadline --received "YYYY-MM-DD HH:MM" (--days N | --hours N | --type TYPE)': [
        'pcrm deadline --received "YYYY-MM-DD HH:MM" --days N',
        'pcrm deadline --received "YYYY-MM-DD HH:MM" --hours N',
        'pcrm deadline --received "YYYY-MM-DD HH:MM" --type TYPE'],
    "pcrm analysis groups --from YYYY-MM-DD --to YYYY-MM-DD [--by group|channel|dong]": [
        "pcrm analysis groups --from YYYY-MM-DD --to YYYY-MM-DD"] + [
        f"pcrm analysis groups --from YYYY-MM-DD --to YYYY-MM-DD --by {by}"
        for by in ("group", "channel", "dong")],
    "pcrm analysis groups --from … --to … [--by group|channel|dong] [--json]": [
        "pcrm analysis groups --from … --to …", "pcrm analysis groups --from … --to … --json"] + [
        f"pcrm analysis groups --from … --to … --by {by} --json" for by in ("group", "channel", "dong")],
}


def _normal(text: str) -> str:
    return " ".join(text.replace("\\|", "|").split())


def _commands(text: str) -> list[str]:
    """The document's command examples, in order: inline code and the lines of code blocks
    (a line's `# comment` dropped) that start with a program of ours or name a script."""
    found = []

    def take(candidate: str, windows: bool = False) -> None:
        candidate = _normal(candidate)
        if windows or PROGRAM.match(candidate) or SCRIPT.match(candidate):
            found.append(candidate)
    for lang, body in FENCE.findall(text):
        for line in body.splitlines():
            take(re.sub(r"\s+#\s.*$", "", line), windows=lang == "powershell" and bool(line.strip()))
    for span in INLINE.findall(FENCE.sub("", text)):
        take(span)
    return found


def doc_commands() -> list[str]:
    seen: dict[str, None] = {}
    for doc in DOCS:
        for command in _commands(doc.read_text(encoding="utf-8")):
            seen.setdefault(command)
    return list(seen)


def _expand(command: str) -> list[str]:
    """The forms to run: EXPANSIONS, else without and with every plain [ … ] part."""
    if command in EXPANSIONS:
        return EXPANSIONS[command]
    assert "|" not in command and "(" not in command, (
        f"an example with alternatives needs its forms in EXPANSIONS: {command}")
    groups = re.findall(r"\[([^\[\]]*)\]", command)
    assert command.count("[") == len(groups), f"nested [ ] need EXPANSIONS: {command}"
    if not groups:
        return [command]
    without = _normal(re.sub(r"\[[^\[\]]*\]", "", command))
    return [without, _normal(re.sub(r"\[([^\[\]]*)\]", r"\1", command))]


def runnable() -> list[str]:
    forms: dict[str, None] = {}
    for command in doc_commands():
        if command in CI_RUNS or command in WINDOWS_ONLY or command in MENTIONS:
            continue
        for form in _expand(command):
            forms.setdefault(form)
    return list(forms)


# --- where a command runs ------------------------------------------------------------------------

@dataclass
class Workspace:
    root: Path

    @property
    def home(self) -> Path:
        return self.root / "home"

    @property
    def profile(self) -> Path:
        return self.root / "profile"

    @property
    def work(self) -> Path:  # the current folder: relative file names land here
        return self.root / "work"

    @property
    def db(self) -> Path:  # the default location (README "Where the data lives")
        return self.home / ".local" / "share" / "PCRM" / "PCRM Desktop" / "pcrm.db"

    def make(self) -> Workspace:
        for folder in (self.home, self.profile, self.work):
            folder.mkdir(parents=True, exist_ok=True)
        return self

    def env(self, scheduled: bool = True) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items()
               if not k.startswith(("PCRM_USER", "PCRM_PASSWORD", "PCRM_BACKUP", "XDG_"))
               and k != "PCRM_DATABASE_URL"}
        env.update(HOME=str(self.home), XDG_DATA_HOME=str(self.home / ".local" / "share"),
                   XDG_CONFIG_HOME=str(self.home / ".config"),
                   XDG_STATE_HOME=str(self.home / ".local" / "state"),
                   PCRM_PROFILE_DIR=str(self.profile), QT_QPA_PLATFORM="offscreen")
        if scheduled:
            password = self.root / "password.txt"
            password.write_text(ADMIN_PASSWORD + "\n", encoding="utf-8")
            password.chmod(0o600)
            env.update(PCRM_USER="admin", PCRM_PASSWORD_FILE=str(password))
        return env


@dataclass
class Ran:
    code: int
    out: str
    err: str
    tty: str
    seconds: float


# The prompts a person answers at the terminal, and what they type.
PROMPTS = ((re.compile(r"백업 비밀번호: "), BACKUP_PASSWORD),
           (re.compile(r"비밀번호 확인: "), BACKUP_PASSWORD),
           (re.compile(r"(?<!백업) ?[a-z0-9][a-z0-9._-]* 비밀번호: "), ADMIN_PASSWORD),
           (re.compile(r"계속할까요\? \[y/N\] "), "y"))


def run(argv: list[str], ws: Workspace, env: dict[str, str], timeout: float = 90) -> Ran:
    """Run with a terminal as its input (a pseudo-terminal: `getpass` prompts on stderr and reads
    it with echo off, as at a console), answering PROMPTS as they appear. A session of its own,
    so no terminal the tests were started from is ever asked."""
    master, slave = pty.openpty()
    started = time.monotonic()
    proc = subprocess.Popen(argv, cwd=ws.work, env=env, stdin=slave, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, start_new_session=True)
    os.close(slave)
    out, err = proc.stdout.fileno(), proc.stderr.fileno()
    buffers = {master: b"", out: b"", err: b""}
    open_fds, answered = set(buffers), [0] * len(PROMPTS)
    try:
        while open_fds:
            if time.monotonic() - started > timeout:
                proc.kill()
                raise AssertionError(f"{shlex.join(argv)}: no end after {timeout:.0f} s\n"
                                     + buffers[err].decode(errors="replace"))
            ready, _, _ = select.select(list(open_fds), [], [], 0.2)
            for fd in ready:
                try:
                    data = os.read(fd, 65536)
                except OSError:  # the terminal's other end closed: the process ended
                    data = b""
                if not data:
                    open_fds.discard(fd)
                buffers[fd] += data
            said = (buffers[master] + buffers[err]).decode(errors="replace")
            for n, (prompt, answer) in enumerate(PROMPTS):
                if len(prompt.findall(said)) > answered[n]:
                    answered[n] += 1
                    os.write(master, (answer + "\n").encode())
        code = proc.wait(timeout=30)
    finally:
        os.close(master)
        proc.stdout.close()
        proc.stderr.close()
    return Ran(code, buffers[out].decode(errors="replace"), buffers[err].decode(errors="replace"),
               buffers[master].decode(errors="replace"), time.monotonic() - started)


def pcrm(ws: Workspace, *args: str, env: dict[str, str] | None = None) -> Ran:
    done = run([str(BIN / "pcrm"), *args], ws, env or ws.env())
    assert done.code == 0, f"pcrm {' '.join(args)}: {done.code}\n{done.out}\n{done.err}"
    return done


# --- the demo database and the files the examples need ---------------------------------------------

CITIZENS_CSV = [["이름", "출생연도", "전화", "주소", "동"],
                ["문서예", "1961", "010-2345-6789", "서울특별시 종로구 자하문로 12", "청운동"],
                ["예시민", "1990", "010-3456-7890", "서울특별시 종로구 필운대로 3", "누상동"]]
COMPLAINTS_CSV = [["접수일시", "제목", "내용", "상태", "부서", "분류"],
                  ["2026-03-02 10:15", "가로등 고장", "골목 가로등이 꺼져 있습니다.", "종결", "민원행정팀", "도로"],
                  ["2026-03-03 14:40", "쓰레기 무단투기", "공원 입구에 쓰레기가 쌓였습니다.", "처리중",
                   "민원행정팀", "환경"]]
RESPONSES_CSV = [["응답일", "전반 만족", "친절"], ["2026-03-04", "5", "4"], ["2026-03-05", "4", "9"]]
MAPPINGS = {
    "citizens": {"name": "이름", "birth_year": "출생연도", "phone": "전화", "road": "주소",
                 "dong_name": "동"},
    "complaints": {"received_at": "접수일시", "title": "제목", "content": "내용", "status": "상태",
                   "department": "부서", "category": "분류"},
    "responses": {"OVERALL": "전반 만족", "KIND": "친절", "submitted_at": "응답일", "na": ["9"]},
}


def _write_csv(path: Path, rows: list[list[str]]) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle).writerows(rows)


@dataclass
class Fixture:
    shared: Workspace      # the examples that only read run here, in the documents' order
    pristine: Path         # the state before any example: copied for those that change it
    backup_name: str       # a manual backup in backups/ beside the database
    root: Path
    copies: int = 0

    def copy(self) -> Workspace:
        self.copies += 1
        target = self.root / f"copy{self.copies}"
        shutil.copytree(self.pristine, target, symlinks=True)
        return Workspace(target)

    def fresh(self) -> Workspace:
        self.copies += 1
        return Workspace(self.root / f"fresh{self.copies}").make()


@pytest.fixture(scope="module")
def docs_fixture(tmp_path_factory) -> Fixture:
    root = tmp_path_factory.mktemp("doc-commands")
    base = Workspace(root / "base").make()
    pcrm(base, "demo", *DEMO)
    pcrm(base, "backup")
    name = json.loads(pcrm(base, "backup", "list", "--json").out)["backups"][0]["name"]
    secret = base.root / "backup-password.txt"
    secret.write_text(BACKUP_PASSWORD + "\n", encoding="utf-8")
    env = base.env() | {"PCRM_BACKUP_PASSWORD_FILE": str(secret)}
    # the guide's USB backup (E:\pcrm-20261127-0900.pcrmbak): a drive letter is a folder here
    pcrm(base, "backup", "--out", "pcrm-20261127-0900.pcrmbak", "--encrypt", "--reason", "준비",
         env=env)
    pcrm(base, "audit", "key", "export", "--out", "prepared-key.json", "--reason", "준비")
    for kind, rows in (("citizens", CITIZENS_CSV), ("complaints", COMPLAINTS_CSV),
                       ("responses", RESPONSES_CSV)):
        _write_csv(base.work / f"{kind}.csv", rows)
        (base.work / f"{kind}-mapping.json").write_text(
            json.dumps(MAPPINGS[kind], ensure_ascii=False), encoding="utf-8")
    pristine = root / "pristine"
    shutil.copytree(base.root, pristine, symlinks=True)
    return Fixture(base, pristine, name, root)


# --- from an example to a command line -------------------------------------------------------------

TODAY = date.today()
FIRST, LAST = (TODAY - timedelta(days=60)).isoformat(), TODAY.isoformat()
LAST_MONTH = (TODAY.replace(day=1) - timedelta(days=1)).strftime("%Y-%m")
# A placeholder after this option becomes this value.
BY_OPTION = {
    "--from": FIRST, "--to": LAST, "--month": LAST_MONTH,
    "--received": f"{LAST} 10:00", "--citizens": "150", "--complaints": "200",
    "--responses": "200", "--seed": "3", "--population": "100000", "--days": "3",
    "--hours": "8", "--type": "질의", "--survey": "COUNTER", "--set": "complaint=72",
    "--user": "admin", "--now": f"{LAST} 10:00",
}
PLACEHOLDERS = {"N", "S", "YYYY-MM-DD", "YYYY-MM", "YYYY-MM-DD HH:MM", "…", "CODE", "TYPE",
                "KIND=MONTHS", "LOGIN", "로그인ID", "관리자ID", "ID:HASH", "번호:해시", "PATH", "FILE",
                "1234:9f2c4a1b8e3d7c60",  # the guide's example of a printed head
                "NAME", "파일", "백업파일", "파일.csv", "MAPPING.json", "연결.json", "키.json"}
# `--out FILE` by command: a file of the kind it writes
OUT_FILES = {("export", "citizens"): "citizens-out.xlsx", ("export", "complaints"): "register-out.xlsx",
             ("export", "responses"): "responses-out.xlsx", ("backup",): "backup-out.db",
             ("audit", "key"): "key-out.json"}


def _words(argv: list[str]) -> tuple[str, ...]:
    """The command's words before its options: ("import", "citizens"), ("backup",) …"""
    words = []
    for word in argv[1:]:
        if word.startswith("-"):
            break
        words.append(word)
    return tuple(words)


def _value(token: str, option: str, words: tuple[str, ...], everything: list[str],
           fixture: Fixture, ws: Workspace, demo_db: Path) -> str:
    if option == "--db":  # every --db: the workspace's database (a new file for the demo)
        return str(demo_db if words[:1] == ("demo",) else ws.db)
    if token not in PLACEHOLDERS:
        return token
    if option in ("--expect-head",):
        found = json.loads(pcrm(ws, "audit", "verify", "--json").out)
        return f"{found['last_id']}:{found['last_hash'][:16]}"
    if option == "--out":  # FILE: a file of the kind the command writes; 키.json is a name
        if token != "FILE":
            return token
        name = next(name for key, name in OUT_FILES.items() if words[:len(key)] == key)
        return name.replace(".db", ".pcrmbak") if "--encrypt" in everything else name
    if option == "--mapping":
        return f"{words[1]}-mapping.json"
    if option in BY_OPTION:
        return BY_OPTION[option]
    if words[:1] == ("import",):
        return f"{words[1]}.csv"
    if words[:1] == ("restore",):
        return str(ws.db.parent / "backups" / fixture.backup_name)
    if words[:2] == ("backup", "delete"):
        return fixture.backup_name
    if words[:3] == ("audit", "key", "import"):
        return "prepared-key.json"
    raise AssertionError(f"no value for the placeholder {token!r} (after {option!r}) in {words}")


@dataclass
class Plan:
    argv: list[str]
    ws: Workspace
    scheduled: bool     # PCRM_USER and PCRM_PASSWORD_FILE (else typed at the prompt)
    outputs: list[Path]


def _parse(form: str) -> tuple[list[str], tuple[str, ...], list[str], bool]:
    """(the command line with our programs, its words, the documented arguments, is it the GUI)."""
    text = re.sub(r"\b[A-Z]:\\(\S+)", r"\1", form)  # E:\pcrm.pcrmbak: a file in the work folder
    argv = shlex.split(text)
    program, args = argv[0], argv[1:]
    words = _words(argv) if program != "./dev.sh" else ()
    gui = program in ("./dev.sh", "pcrm-desktop")
    if program == "./dev.sh":  # what `./dev.sh run` starts once it has installed what is needed
        assert args[:1] == ["run"], form
        argv = [str(BIN / "python"), str(REPO / "main.py"), *args[1:]]
    elif program == "pcrm-desktop":
        argv = [str(BIN / "pcrm-desktop"), *args]
    else:  # pcrm, .venv/bin/pcrm, "%LOCALAPPDATA%\…\pcrm.exe"
        assert program in ("pcrm", ".venv/bin/pcrm") or program.endswith("\\pcrm.exe"), form
        argv = [str(BIN / "pcrm"), *args]
    return argv, words, args, gui


def _kind(form: str) -> tuple[tuple[str, ...], list[str], bool]:
    return _parse(form)[1:]


def plan(form: str, fixture: Fixture) -> Plan:
    argv, words, args, gui = _parse(form)
    changes = _changes(words, args, gui)
    ws = fixture.fresh() if changes == "fresh" else fixture.copy() if changes else fixture.shared
    demo_db = ws.work / "demo-new.db"
    concrete = [argv[0]] + [_value(token, argv[i], words, argv, fixture, ws, demo_db)
                            for i, token in enumerate(argv[1:])]
    if gui and "--self-test" not in concrete:
        concrete.append("--exit-after-show")
    outputs = [ws.work / concrete[i + 1] for i, token in enumerate(concrete[:-1])
               if token in ("--out", "--xlsx", "--report")]
    return Plan(concrete, ws, "--user" not in concrete, outputs)


def _changes(words: tuple[str, ...], args: list[str], gui: bool) -> str | bool:
    """"fresh" for a new, empty database; True for a copy of the demo; False: the shared one."""
    if words[:1] == ("demo",) or (gui and "--db" not in args and "--self-test" not in args
                                  and "--windowed" not in args):
        return "fresh"
    if words[:1] in (("init",), ("restore",)) or words[:2] in (
            ("audit", "reanchor"), ("audit", "key"), ("backup", "prune"), ("backup", "delete")):
        return True
    if words[:1] == ("import",):
        return "--help" not in args
    if words[:2] == ("retention", "run"):
        return "--dry-run" not in args
    return words[:2] == ("retention", "policy") and "--set" in args


# --- the tests -------------------------------------------------------------------------------------

def test_the_documents_have_examples_and_every_name_is_one():
    commands = doc_commands()
    assert len(commands) > 40
    assert set(CI_RUNS) | set(WINDOWS_ONLY) <= set(commands), "they name what the documents show"
    forms = runnable()
    for mention in MENTIONS:
        assert mention in commands, f"{mention!r} is no longer in the documents"
        assert any(f.startswith(mention + " ") for f in forms), f"{mention!r} names no example"
    # the false examples: `pcrm export citizens|complaints` without their --reason
    assert 'pcrm export citizens --out 파일.xlsx --reason "사유"' in commands
    assert not any(c.startswith(("pcrm export citizens", "pcrm export complaints"))
                   and "--reason" not in c for c in commands)


def test_the_english_guide_shows_the_same_examples():
    """The same commands, word for word and in the same order (their Korean placeholders
    included, explained at the top of the English guide), so the runs below prove both guides."""
    korean = _commands(DOCS[1].read_text(encoding="utf-8"))
    english = _commands(ENGLISH_GUIDE.read_text(encoding="utf-8"))
    assert len(korean) > 40
    only_korean = [c for c in korean if c not in english]
    only_english = [c for c in english if c not in korean]
    assert (only_korean, only_english) == ([], []), "the guides' examples differ"
    assert english == korean, "the same examples, but in another order"


@pytest.fixture(scope="module")
def outcomes(docs_fixture: Fixture) -> dict[str, tuple[Plan, Ran] | str]:
    """Every form run once, in two lanes at the same time (two cores): the forms on the shared
    database in the documents' order, and those with a database of their own."""
    forms = runnable()
    own = [f for f in forms if _changes(*_kind(f))]
    lanes = ([f for f in forms if f not in own], own)
    results: dict[str, tuple[Plan, Ran] | str] = {}

    def lane(chosen: list[str]) -> None:
        for form in chosen:
            try:
                job = plan(form, docs_fixture)
                results[form] = job, run(job.argv, job.ws, job.ws.env(scheduled=job.scheduled))
            except AssertionError as error:
                results[form] = str(error)
    with ThreadPoolExecutor(max_workers=2) as pool:
        for future in [pool.submit(lane, chosen) for chosen in lanes]:
            future.result()
    return results


@pytest.mark.parametrize("form", runnable())
def test_the_example_runs(form: str, outcomes):
    outcome = outcomes[form]
    assert not isinstance(outcome, str), f"{form}: {outcome}"
    job, done = outcome
    assert done.code == 0, (f"{form}\n→ {shlex.join(job.argv)}\nexit {done.code}\n"
                            f"stdout: {done.out[-2000:]}\nstderr: {done.err[-2000:]}\n"
                            f"terminal: {done.tty[-500:]}")
    for path in job.outputs:
        assert path.is_file() and path.stat().st_size > 0, f"{form}: {path.name} was not written"
    if not job.scheduled:  # signed in at the prompt, not from a password file
        assert "admin 비밀번호: " in done.err + done.tty
