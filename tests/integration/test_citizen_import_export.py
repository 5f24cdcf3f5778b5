"""Reading spreadsheets (services/tabular.py), importing residents (services/citizen_import.py)
and exporting them (services/citizen_export.py), through the services and the `pcrm` CLI."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from pcrm_desktop.cli import main
from pcrm_desktop.db.citizen_repo import CitizenRepository
from pcrm_desktop.domain.audit import Actor
from pcrm_desktop.domain.citizens import Address, Citizen
from pcrm_desktop.domain.errors import ValidationError
from pcrm_desktop.domain.privacy import PermissionDenied
from pcrm_desktop.services import citizens as S
from pcrm_desktop.services.citizen_export import HEADERS, export_citizens
from pcrm_desktop.services.citizen_import import (
    commit_import,
    guess_mapping,
    import_citizens,
    plan_import,
    write_report,
)
from pcrm_desktop.services.context import ServiceContext
from pcrm_desktop.services.groups import list_groups
from pcrm_desktop.services.tabular import read_table
from tests.conftest import SHARED_DATA
from tests.dbutil import rows

BOM = b"\xef\xbb\xbf"
CLERK = Actor(staff_id=None, login="clerk01", role="clerk", workstation="창구1")
MANAGER = Actor(staff_id=None, login="manager1", role="manager", workstation="팀장석")


def csv_bytes(rows: list[list[str]], encoding: str) -> bytes:
    buffer = io.StringIO(newline="")
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    return buffer.getvalue().encode(encoding)


def write_csv(path: Path, rows: list[list[str]], encoding: str = "utf-8") -> Path:
    path.write_bytes(csv_bytes(rows, encoding))
    return path




def count(db: Path, table: str) -> int:
    return rows(db, f"SELECT count(*) FROM {table}")[0][0]


def run_json(capsys, *argv: str) -> tuple[int, dict, str]:
    code = main([*argv, "--json"])
    out, err = capsys.readouterr()
    return code, json.loads(out), err


# --- reading tables ----------------------------------------------------------------------------

SMALL = [["이름", "전화", "메모"], ["홍길동", "010-1234-5678", "전입 문의"], ["김철수", "02-123-4567", ""]]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp949"])
def test_read_table_detects_the_encoding(tmp_path, encoding):
    path = write_csv(tmp_path / "people.csv", SMALL, encoding)
    if encoding == "cp949":
        with pytest.raises(UnicodeDecodeError):
            path.read_bytes().decode("utf-8")  # the test file really is not UTF-8
    assert path.read_bytes().startswith(BOM) == (encoding == "utf-8-sig")
    table = read_table(path)
    assert table.encoding == encoding
    assert table.headers == ["이름", "전화", "메모"]  # no BOM character in the first header
    assert table.rows == SMALL[1:]
    assert table.path == path


def test_read_table_real_cp949_file():
    path = SHARED_DATA / "kr_kalis_minwon_qa_20240101.csv"
    raw = path.read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    table = read_table(path)
    assert table.encoding == "cp949"
    assert len(table.rows) == 468
    assert table.headers[0] == "번호"
    assert table.headers == ["번호", "하위분류", "제목", "문의내용", "답변부서", "답변내용"]
    assert all(len(r) == 6 for r in table.rows)
    assert table.rows[0][0] == "1"
    assert "국가주요시설물" in table.rows[0][1]


def test_read_table_real_utf8_file_with_embedded_newlines():
    path = SHARED_DATA / "kr_seoul_eungdapso_minwon_qa.csv"
    table = read_table(path)
    assert table.encoding == "utf-8"
    assert table.headers == ["질문", "답변"]
    assert len(table.rows) == 617
    assert path.read_bytes().count(b"\n") > 5000  # many more physical lines than records
    assert "\n" in table.rows[0][0]
    assert table.rows[0][0].startswith("지하철역 승강기 닫힘 버튼 활성화")
    assert all(len(r) == 2 for r in table.rows)


def test_read_table_xlsx(tmp_path):
    from openpyxl import Workbook
    book = Workbook()
    sheet = book.active
    sheet.append(["이름", "출생연도", "전화", "메모"])
    sheet.append(["홍길동", 1968, "010-1234-5678", None])
    sheet.append(["김철수", 1970.0, None, "메모"])
    sheet.append([None, None, None, None])   # a blank row is skipped
    sheet.append(["이영희", 1.5])             # a short row is padded
    path = tmp_path / "people.xlsx"
    book.save(path)
    table = read_table(path)
    assert table.encoding == "xlsx"
    assert table.headers == ["이름", "출생연도", "전화", "메모"]
    assert table.rows == [["홍길동", "1968", "010-1234-5678", ""],
                          ["김철수", "1970", "", "메모"],
                          ["이영희", "1.5", "", ""]]


def test_read_table_damaged_xlsx(tmp_path):
    path = tmp_path / "broken.xlsx"
    path.write_bytes(b"PK\x03\x04 not really a workbook")
    with pytest.raises(ValidationError) as caught:
        read_table(path)
    assert caught.value.code == "xlsx_unreadable"


@pytest.mark.parametrize("content", [b"", b"   \r\n\n", b",,\r\n,,\r\n", BOM])
def test_read_table_empty(tmp_path, content):
    path = tmp_path / "empty.csv"
    path.write_bytes(content)
    with pytest.raises(ValidationError) as caught:
        read_table(path)
    assert caught.value.code == "file_empty"


def test_read_table_missing(tmp_path):
    with pytest.raises(ValidationError) as caught:
        read_table(tmp_path / "nowhere.csv")
    assert caught.value.code == "file_missing"


def test_read_table_unknown_encoding(tmp_path):
    raw = b"\xff\xfe\xfd" * 100
    for encoding in ("utf-8", "cp949"):
        with pytest.raises(UnicodeDecodeError):
            raw.decode(encoding)
    path = tmp_path / "junk.csv"
    path.write_bytes(raw)
    with pytest.raises(ValidationError) as caught:
        read_table(path)
    assert caught.value.code == "encoding_unknown"
    assert path.read_bytes() == raw


def test_read_table_pads_short_rows_and_keeps_long_ones(tmp_path):
    path = write_csv(tmp_path / "ragged.csv", [["이름", "전화", "메모"], ["홍길동"],
                                               ["김철수", "02-123-4567", "메모", "넘침"]])
    assert read_table(path).rows == [["홍길동", "", ""], ["김철수", "02-123-4567", "메모", "넘침"]]


def test_guess_mapping():
    headers = ["성명", "생년월일", "휴대폰", "집전화", "도로명주소", "행정동", "비고", "기타"]
    assert guess_mapping(headers) == {
        "name": "성명", "birth_year": "생년월일", "phone": "휴대폰", "phone2": "집전화",
        "road": "도로명주소", "dong_name": "행정동", "memo": "비고"}
    # spaces and case are ignored; an unknown header is left out
    assert guess_mapping(["Name", " 전화 번호", "고객명"]) == {"name": "Name", "phone": " 전화 번호"}
    assert guess_mapping(["고객명", "핸드폰 번호"]) == {}


# --- importing ---------------------------------------------------------------------------------

HEADER = ["이름", "출생연도", "성별", "전화", "주소", "동", "메모"]
FORMULA = '=HYPERLINK("http://example.com","열기")'
IMPORT_ROWS = [
    HEADER,
    ["김영희", "1975", "여", "010-1111-2222", "서울특별시 종로구 자하문로 1", "청운동", ""],    # 2 ok
    ["", "1980", "남", "010-3333-0000", "서울특별시 종로구 효자로 2", "효자동", FORMULA],     # 3 no name
    ["이철수", "abc", "남", "010-4444-0000", "", "", ""],                                   # 4 birth year
    ["박민수", "1985", "남", "010-12", "", "", ""],                                         # 5 phone
    ["최지우", "1990", "여", "010-5555-0000", "주소", "동", "메모", "넘치는 열"],              # 6 extra
    ["정수민", "1992", "여", "010-6666-0000", "서울특별시 종로구 사직로 3", "사직동",
     "주민번호 900101-2345678 확인"],                                                     # 7 ok, RRN
    ["홍길순", "1960", "여", "010-7777-8888", "", "", ""],                                  # 8 dup: DB
    ["김영희", "75", "여", "01011112222", "", "", ""],                                      # 9 dup: row 2
    ["강감찬", "1948", "남", "02-123-4567", "서울특별시 종로구 삼청로 4", "삼청동", ""],        # 10 ok
]
VALID = ["김영희", "정수민", "홍길순", "김영희", "강감찬"]


@pytest.fixture
def existing(admin_ctx) -> int:
    return S.register_citizen(admin_ctx, Citizen(None, "홍길순", 1960, phones=("010-7777-8888",))
                              ).citizen_id


@pytest.fixture
def cp949_file(tmp_path) -> Path:
    return write_csv(tmp_path / "주민명부.csv", IMPORT_ROWS, "cp949")


def names_in(db: Path) -> list[str]:
    return sorted(n for (n,) in rows(db, "SELECT name FROM citizens"))


def test_import_cp949_file(admin_ctx, db_path, existing, cp949_file):
    result, plan = import_citizens(admin_ctx, cp949_file)
    assert result.encoding == "cp949"
    assert (result.imported, result.rejected, result.duplicates) == (5, 4, 2)
    assert result.rrn_masked == 1
    assert [(r.row, r.code) for r in plan.rejected] == [
        (3, "required"), (4, "birth_year_format"), (5, "phone_format"), (6, "columns_extra")]
    assert all(r.reason and r.reason != r.code for r in plan.rejected)
    assert plan.rejected[1].reason == "출생연도 형식이 올바르지 않습니다: abc. 예: 1968"
    assert plan.rejected[3].values == tuple(IMPORT_ROWS[5])
    assert [(d.row, d.other) for d in plan.duplicates] == [(8, f"기존 주민 #{existing}"),
                                                          (9, "파일 2행")]
    assert all(d.score >= 0.6 for d in plan.duplicates)

    assert names_in(db_path) == sorted(["홍길순", *VALID])
    assert count(db_path, "citizens") == 6
    [(memo,)] = rows(db_path, "SELECT memo FROM citizens WHERE name = '정수민'")
    assert memo == "주민번호 900101-2****** 확인"
    assert rows(db_path, "SELECT birth_year FROM citizens WHERE name = '김영희'") == [(1975,), (1975,)]
    [(number,)] = rows(db_path, "SELECT p.number FROM citizen_phones p JOIN citizens c"
                                " ON c.id = p.citizen_id WHERE c.name = '강감찬'")
    assert number == "02-123-4567"
    [(target, detail)] = rows(db_path, "SELECT target, detail FROM audit_log"
                                       " WHERE action = 'citizen.import'")
    assert target == "주민명부.csv"
    assert detail.startswith("5명 가져옴, 거부 4행, 중복 의심 2행")
    # imported people are searchable at once (bulk insert keeps the indexes)
    assert len(S.search(admin_ctx, "영희")) == 2
    assert [i.name for i in S.search(admin_ctx, "삼청")] == ["강*찬"]
    assert [i.name for i in S.search(admin_ctx, "2222")] == ["김*희", "김*희"]


def test_import_skipping_duplicates(admin_ctx, db_path, existing, cp949_file):
    result, plan = import_citizens(admin_ctx, cp949_file, skip_duplicates=True)
    assert (result.imported, result.rejected, result.duplicates) == (3, 4, 2)
    assert names_in(db_path) == sorted(["홍길순", "김영희", "정수민", "강감찬"])
    assert rows(db_path, "SELECT count(*) FROM citizens WHERE name = '홍길순'") == [(1,)]
    [(detail,)] = rows(db_path, "SELECT detail FROM audit_log WHERE action = 'citizen.import'")
    assert "중복 의심 제외" in detail


def test_plan_import_writes_nothing(admin_ctx, db_path, existing, cp949_file):
    before = count(db_path, "audit_log")
    plan = plan_import(admin_ctx, read_table(cp949_file), guess_mapping(HEADER))
    assert len(plan.valid) == 5 and len(plan.rejected) == 4
    assert count(db_path, "citizens") == 1
    assert count(db_path, "audit_log") == before


def test_rejection_rows_count_blank_lines_like_excel(admin_ctx, tmp_path):
    """Rejected.row is 'as Excel numbers it': a blank line is a row in Excel, so the rejected
    row after it is row 4 (header 1, 홍길동 2, blank 3)."""
    path = tmp_path / "gaps.csv"
    path.write_bytes("이름,출생연도\r\n홍길동,1968\r\n\r\n,1970\r\n".encode())
    _, plan = import_citizens(admin_ctx, path)
    assert [(r.row, r.code) for r in plan.rejected] == [(4, "required")]


def test_import_with_unknown_group_and_known_groups(admin_ctx, db_path, tmp_path):
    path = write_csv(tmp_path / "groups.csv", [
        ["이름", "고객집단"], ["가나다", "장애인, BASIC_LIVING"], ["라마바", "우주인"]])
    result, plan = import_citizens(admin_ctx, path)
    assert (result.imported, [(r.row, r.code) for r in plan.rejected]) == (1, [(3, "group_unknown")])
    codes = {g.id: g.code for g in list_groups(admin_ctx)}
    linked = {codes[g] for (g,) in rows(db_path, "SELECT group_id FROM citizen_groups")}
    assert linked == {"DISABLED", "BASIC_LIVING"}


def _xlsx(path: Path, rows: list[list]) -> Path:
    from openpyxl import Workbook
    book = Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


def test_import_xlsx(admin_ctx, db_path, tmp_path):
    path = _xlsx(tmp_path / "명단.xlsx", [
        ["성명", "출생연도", "휴대폰", "비고"],
        ["홍길동", 1968, "010-1234-5678", None],
        ["김철수", "1970", "010 2222 3333", "메모"],
        [None, 1980, None, "이름 없음"],
    ])
    result, plan = import_citizens(admin_ctx, path)
    assert (result.encoding, result.imported, result.rejected) == ("xlsx", 2, 1)
    assert [(r.row, r.code) for r in plan.rejected] == [(4, "required")]
    assert rows(db_path, "SELECT name, birth_year FROM citizens ORDER BY name") == [
        ("김철수", 1970), ("홍길동", 1968)]


def test_import_xlsx_with_birth_dates_typed_as_dates(admin_ctx, db_path, tmp_path):
    """Excel stores a typed 생년월일 as a date cell; openpyxl gives a datetime, which must give
    the birth year, not a birth_year_format rejection of every row."""
    from datetime import date, datetime
    path = _xlsx(tmp_path / "생년월일.xlsx", [
        ["이름", "생년월일"], ["홍길동", datetime(1968, 3, 2)], ["김철수", date(1970, 1, 5)]])
    result, plan = import_citizens(admin_ctx, path)
    assert [(r.row, r.code) for r in plan.rejected] == []
    assert result.imported == 2
    assert rows(db_path, "SELECT name, birth_year FROM citizens ORDER BY name") == [
        ("김철수", 1970), ("홍길동", 1968)]


def test_import_mapping_must_name_the_name_column(admin_ctx, db_path, cp949_file):
    table = read_table(cp949_file)
    for mapping in ({"phone": "전화"}, {"name": "성명"}):
        with pytest.raises(ValidationError) as caught:
            plan_import(admin_ctx, table, mapping)
        assert caught.value.code == "mapping_invalid"
    assert count(db_path, "citizens") == 0


def test_import_all_or_nothing_when_the_audit_fails(admin_ctx, db_path, existing, cp949_file,
                                                    monkeypatch):
    before = {t: count(db_path, t) for t in ("citizens", "citizen_phones", "citizen_grams",
                                             "citizen_fts", "audit_log")}

    def broken_audit(self, uow, action, target="", detail=""):
        raise RuntimeError("audit log unavailable")

    monkeypatch.setattr(ServiceContext, "audit", broken_audit)
    with pytest.raises(RuntimeError):
        import_citizens(admin_ctx, cp949_file)
    assert {t: count(db_path, t) for t in before} == before
    assert names_in(db_path) == ["홍길순"]


def test_import_all_or_nothing_when_the_second_chunk_fails(admin_ctx, db_path, tmp_path,
                                                          monkeypatch):
    surnames, syllables = "김이박최정강조윤장임", "가나다라마바사아자차카타파하거너더러머버서어저처"
    names = [s + a + b for s in surnames for a in syllables for b in syllables][:5003]
    assert len(set(names)) == 5003
    path = write_csv(tmp_path / "big.csv", [["이름", "출생연도", "고객집단"]] + [
        [n, str(1940 + i % 60), "장애인" if i % 7 == 0 else ""] for i, n in enumerate(names)])
    original = CitizenRepository.bulk_add
    calls: list[int] = []

    def failing_second_chunk(self, citizens, now):
        calls.append(len(citizens))
        if len(calls) == 2:
            raise OSError("disk full")
        return original(self, citizens, now)

    monkeypatch.setattr(CitizenRepository, "bulk_add", failing_second_chunk)
    with pytest.raises(OSError):
        import_citizens(admin_ctx, path)
    assert calls == [5000, 3]  # the first chunk had been written inside the transaction
    for table in ("citizens", "citizen_phones", "citizen_grams", "citizen_fts", "citizen_groups"):
        assert count(db_path, table) == 0, table
    assert rows(db_path, "SELECT count(*) FROM audit_log WHERE action = 'citizen.import'") == [(0,)]

    monkeypatch.setattr(CitizenRepository, "bulk_add", original)
    result, _ = import_citizens(admin_ctx, path)  # the same file then imports whole
    assert result.imported == 5003
    assert count(db_path, "citizens") == 5003
    assert count(db_path, "citizen_groups") == len(range(0, 5003, 7))


def test_import_cancelled_writes_nothing(admin_ctx, db_path, cp949_file):
    plan = plan_import(admin_ctx, read_table(cp949_file), guess_mapping(HEADER))
    with pytest.raises(ValidationError) as caught:
        commit_import(admin_ctx, plan, cancelled=lambda: True)
    assert caught.value.code == "import_cancelled"
    assert count(db_path, "citizens") == 0


def test_import_refused_to_the_kiosk(admin_ctx, db_path, cp949_file):
    kiosk = admin_ctx.as_actor(Actor(None, "kiosk", "kiosk", "민원실"))
    with pytest.raises(PermissionDenied) as caught:
        import_citizens(kiosk, cp949_file)
    assert caught.value.code == "forbidden"
    assert count(db_path, "citizens") == 0


def test_write_report(admin_ctx, existing, cp949_file, tmp_path):
    _, plan = import_citizens(admin_ctx, cp949_file)
    out = tmp_path / "report.csv"
    write_report(plan, out)
    raw = out.read_bytes()
    assert raw.startswith(BOM)
    lines = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert lines[0] == ["행", "결과", "사유", *HEADER]
    rejected = [line for line in lines[1:] if line[1] == "거부"]
    assert [(int(r[0]), r[2]) for r in rejected] == [(r.row, r.reason) for r in plan.rejected]
    assert [int(r[0]) for r in rejected] == [3, 4, 5, 6]
    no_name = rejected[0]
    assert no_name[3:] == ["", "1980", "남", "010-3333-0000", "서울특별시 종로구 효자로 2", "효자동",
                           "'" + FORMULA]  # the formula is written as text
    assert rejected[3][3:] == IMPORT_ROWS[5]  # the extra column is kept in the report
    flagged = [line for line in lines[1:] if line[1] == "중복 의심"]
    assert [int(r[0]) for r in flagged] == [8, 9]
    assert f"기존 주민 #{existing}" in flagged[0][2] and "파일 2행" in flagged[1][2]
    assert len(lines) == 1 + 4 + 2


# --- import from the command line --------------------------------------------------------------

def test_cli_import_with_a_mapping_file(capsys, tmp_path):
    db = tmp_path / "cli.db"
    source = write_csv(tmp_path / "명단.csv", [
        ["고객명", "태어난 해", "핸드폰 번호", "참고"],
        ["홍길동", "1968", "010-1234-5678", "첫 방문"],
        ["김철수", "1970", "010 2222 3333", ""],
        ["", "1980", "", "이름 없음"],
        ["홍길동", "1968", "01012345678", "다시 적음"],
    ], "cp949")
    mapping = tmp_path / "mapping.json"
    assert guess_mapping(["고객명", "태어난 해", "핸드폰 번호", "참고"]) == {}  # the mapping is needed
    mapping.write_text(json.dumps({"name": "고객명", "birth_year": "태어난 해", "phone": "핸드폰 번호",
                                   "memo": "참고"}, ensure_ascii=False), encoding="utf-8")
    report = tmp_path / "report.csv"
    for fresh in (db, tmp_path / "cli2.db"):  # an office with its accounts (the demo's, no residents)
        assert run_json(capsys, "demo", "--citizens", "0", "--db", str(fresh))[0] == 0
    code, summary, _ = run_json(capsys, "import", "citizens", str(source), "--mapping", str(mapping),
                                "--report", str(report), "--db", str(db))
    assert code == 0
    assert (summary["imported"], summary["rejected"], summary["duplicates"]) == (3, 1, 1)
    assert summary["encoding"] == "cp949"
    assert summary["mapping"] == {"name": "고객명", "birth_year": "태어난 해", "phone": "핸드폰 번호",
                                  "memo": "참고"}
    assert summary["rejections"] == [{"row": 4, "code": "required",
                                      "reason": summary["rejections"][0]["reason"]}]
    assert sorted(n for (n,) in rows(db, "SELECT name FROM citizens")) == ["김철수", "홍길동", "홍길동"]
    assert rows(db, "SELECT number FROM citizen_phones WHERE digits = '01022223333'") == [
        ("010-2222-3333",)]
    assert report.read_bytes().startswith(BOM)

    # skipping the flagged row, into a fresh file
    db2 = tmp_path / "cli2.db"
    code, summary, _ = run_json(capsys, "import", "citizens", str(source), "--mapping", str(mapping),
                                "--skip-duplicates", "--db", str(db2))
    assert (code, summary["imported"], summary["duplicates"]) == (0, 2, 1)


def test_cli_import_refusals(capsys, tmp_path):
    db = tmp_path / "cli.db"
    source = write_csv(tmp_path / "명단.csv", [["고객명", "핸드폰"], ["홍길동", "010-1234-5678"]])
    code, summary, err = run_json(capsys, "import", "citizens", str(source), "--db", str(db))
    assert (code, summary["error"]) == (1, "not_set_up")  # no office, so no account to act as
    assert run_json(capsys, "demo", "--citizens", "0", "--db", str(db))[0] == 0
    # without a mapping, '고객명' is not guessed as the name column
    code, summary, err = run_json(capsys, "import", "citizens", str(source), "--db", str(db))
    assert (code, summary["ok"], summary["error"]) == (1, False, "mapping_invalid")
    assert "열 연결" in err
    bad = tmp_path / "bad.json"
    bad.write_text("[1, 2", encoding="utf-8")
    code, summary, _ = run_json(capsys, "import", "citizens", str(source), "--mapping", str(bad),
                                "--db", str(db))
    assert (code, summary["error"]) == (1, "mapping_invalid")
    junk = tmp_path / "junk.csv"
    junk.write_bytes(b"\xff\xfe\xfd" * 50)
    code, summary, _ = run_json(capsys, "import", "citizens", str(junk), "--db", str(db))
    assert (code, summary["error"]) == (1, "encoding_unknown")
    assert rows(db, "SELECT count(*) FROM citizens") == [(0,)]


# --- exporting ---------------------------------------------------------------------------------

MEMO = "=cmd|' /C calc'!A0"


@pytest.fixture
def exportable(admin_ctx) -> dict[str, int]:
    disabled = next(g.id for g in list_groups(admin_ctx) if g.code == "DISABLED")
    made = {}
    for name, phones, email, memo, groups in [
            ("홍길동", ("010-1234-5678",), "hong@example.com", "", ()),
            ("김철수", ("02-123-4567", "010-2222-3333"), "", MEMO, ()),
            ("이영희", (), "", "@SUM(1+1)", (disabled,))]:
        citizen = Citizen(None, name, 1970, phones=phones, email=email, memo=memo,
                          address=Address("서울특별시 종로구 자하문로 92", "", "", "청운동"))
        made[name] = S.register_citizen(admin_ctx, citizen, group_ids=groups,
                                        allow_duplicate=True).citizen_id
    return made


def read_export_csv(path: Path) -> list[list[str]]:
    raw = path.read_bytes()
    assert raw.startswith(BOM)
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


def test_export_csv_masked_by_default(admin_ctx, exportable, tmp_path, db_path):
    out = tmp_path / "주민.csv"
    result = export_citizens(admin_ctx, out, reason="경로당 안내문 발송")
    assert (result.path, result.rows, result.masked) == (out, 3, True)
    lines = read_export_csv(out)
    assert lines[0] == HEADERS
    assert [line[1] for line in lines[1:]] == ["김*수", "이*희", "홍*동"]  # name order
    text = out.read_bytes().decode("utf-8-sig")
    for secret in ("홍길동", "김철수", "이영희", "010-1234-5678", "02-123-4567", "010-2222-3333",
                   "hong@example.com", "1234", "2222"):
        assert secret not in text
    by_name = {line[1]: dict(zip(HEADERS, line)) for line in lines[1:]}
    assert by_name["홍*동"]["전화"] == "010-****-5678"
    assert by_name["홍*동"]["전자우편"] == "ho**@example.com"
    assert by_name["김*수"]["전화"] == "02-***-4567, 010-****-3333"
    assert by_name["김*수"]["메모"] == "'" + MEMO          # neutralised formula
    assert by_name["이*희"]["메모"] == "'@SUM(1+1)"
    assert by_name["이*희"]["고객집단"] == "장애인"
    assert by_name["홍*동"]["번호"] == str(exportable["홍길동"])
    [(target, detail, reason)] = rows(db_path, "SELECT target, detail, reason FROM audit_log"
                                               " WHERE action = 'citizen.export'")
    assert target == "주민.csv"
    assert (detail, reason) == ("3명, 가림", "경로당 안내문 발송")


def test_export_xlsx(admin_ctx, exportable, tmp_path):
    from openpyxl import load_workbook
    out = tmp_path / "주민.xlsx"
    assert export_citizens(admin_ctx, out, reason="동 행사 안내").rows == 3
    book = load_workbook(out, read_only=True)
    try:
        sheet = book.worksheets[0]
        assert sheet.title == "주민"
        values = [list(r) for r in sheet.iter_rows(values_only=True)]
    finally:
        book.close()
    assert values[0] == HEADERS
    assert len(values) == 4
    body = {r[1]: r for r in values[1:]}
    assert set(body) == {"김*수", "이*희", "홍*동"}
    assert body["김*수"][11] == "'" + MEMO
    assert body["홍*동"][2] == 1970 and body["홍*동"][0] == exportable["홍길동"]
    assert not any("홍길동" in str(v) or "010-1234-5678" in str(v) for r in values for v in r)


def test_every_export_needs_a_reason(admin_ctx, exportable, tmp_path, db_path):
    """Masked or not, the file holds personal data (addresses, memos): no reason, no export."""
    out = tmp_path / "full.csv"
    for unmasked in (True, False):
        for reason in ("", "   "):
            with pytest.raises(ValidationError) as caught:
                export_citizens(admin_ctx, out, unmasked=unmasked, reason=reason)
            assert caught.value.code == "reason_required"
    assert not out.exists()
    assert rows(db_path, "SELECT count(*) FROM audit_log WHERE action = 'citizen.export'") == [(0,)]

    result = export_citizens(admin_ctx, out, unmasked=True, reason="감사 자료 제출")
    assert (result.rows, result.masked) == (3, False)
    text = out.read_bytes().decode("utf-8-sig")
    assert "홍길동" in text and "010-1234-5678" in text and "hong@example.com" in text
    assert "'" + MEMO in text
    [(detail, reason)] = rows(db_path, "SELECT detail, reason FROM audit_log"
                                       " WHERE action = 'citizen.export'")
    assert (detail, reason) == ("3명, 전체 값", "감사 자료 제출")


def test_export_unmasked_needs_admin_or_manager(admin_ctx, exportable, tmp_path):
    clerk = admin_ctx.as_actor(CLERK)
    out = tmp_path / "full.csv"
    with pytest.raises(PermissionDenied) as caught:
        export_citizens(clerk, out, unmasked=True, reason="필요해서")
    assert (caught.value.code, caught.value.params["role"]) == ("forbidden", "clerk")
    assert not out.exists()
    assert export_citizens(clerk, tmp_path / "masked.csv",  # a masked export is allowed
                           reason="경로당 안내문 발송").masked
    manager = admin_ctx.as_actor(MANAGER)
    assert export_citizens(manager, out, unmasked=True, reason="정보공개 청구 대응").rows == 3
    kiosk = admin_ctx.as_actor(Actor(None, "kiosk", "kiosk", "민원실"))
    with pytest.raises(PermissionDenied):
        export_citizens(kiosk, tmp_path / "kiosk.csv", reason="안내")


def test_export_format(admin_ctx, exportable, tmp_path):
    with pytest.raises(ValidationError) as caught:
        export_citizens(admin_ctx, tmp_path / "people.txt", reason="안내")
    assert caught.value.code == "export_format"
    assert not (tmp_path / "people.txt").exists()


def test_export_round_trips_through_import(admin_ctx, exportable, tmp_path, db_path):
    out = tmp_path / "full.xlsx"
    export_citizens(admin_ctx, out, unmasked=True, reason="다른 센터로 이관")
    table = read_table(out)
    assert table.headers == HEADERS
    assert sorted(r[1] for r in table.rows) == ["김철수", "이영희", "홍길동"]


def test_cli_export(capsys, admin_ctx, exportable, tmp_path, db_path, db_target, monkeypatch):
    monkeypatch.setenv("PCRM_USER", "hong")  # the fixture's admin runs the commands
    out = tmp_path / "cli.csv"
    code, summary, _ = run_json(capsys, "export", "citizens", "--out", str(out), "--db", db_target)
    assert (code, summary["error"]) == (1, "reason_required")  # masked, still personal data
    assert not out.exists()
    code, summary, _ = run_json(capsys, "export", "citizens", "--out", str(out), "--reason",
                                "안내문 발송", "--db", db_target)
    assert code == 0
    assert summary == {"ok": True, "out": str(out), "rows": 3, "masked": True}
    assert [line[1] for line in read_export_csv(out)[1:]] == ["김*수", "이*희", "홍*동"]

    full = tmp_path / "cli-full.xlsx"
    code, summary, _ = run_json(capsys, "export", "citizens", "--out", str(full), "--unmasked",
                                "--db", db_target)
    assert (code, summary["error"]) == (1, "reason_required")
    assert not full.exists()
    code, summary, _ = run_json(capsys, "export", "citizens", "--out", str(full), "--unmasked",
                                "--reason", "감사", "--db", db_target)
    assert (code, summary["rows"], summary["masked"]) == (0, 3, False)
    assert full.is_file()
    logged = rows(db_path, "SELECT detail, reason FROM audit_log"
                           " WHERE action = 'citizen.export' ORDER BY id")
    assert logged == [("3명, 가림", "안내문 발송"), ("3명, 전체 값", "감사")]

    main(["export", "citizens", "--out", str(tmp_path / "plain.csv"), "--reason", "안내",
          "--db", db_target])
    assert "내보내기 완료" in capsys.readouterr().out
