"""Files that inflate: how fast `pcrm import citizens` refuses them, and at what peak memory.

    python bench/xlsx_bomb.py [--rows 10000000] [--runs 1] [--keep]

Builds (in the temp folder, cached) an XLSX whose one sheet holds `--rows` one-cell rows and no
`<dimension>` (a few MB: 48 bytes of XML a row, deflated about 1,000:1), the same rows as a CSV,
and a 30-million-row XLSX (issue 17's file: its sheet claims 1.4 GB inflated), then runs
`pcrm import citizens FILE` on each as its own process, into a demo database without residents,
and prints the exit status, the wall time, the process's peak RSS (`os.wait4`) and the first line
of the refusal. Issue 17's target: refused (exit 1) within 30 s, under 400 MB.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import PYTHON, REPO, demo_database, env, print_table  # noqa: E402

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
DOC = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
ROW = b'<row><c t="inlineStr"><is><t>a</t></is></c></row>'
PARTS = {
    "[Content_Types].xml":
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    "_rels/.rels": f'<Relationships xmlns="{RELS}"><Relationship Id="rId1" '
                   f'Type="{DOC}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    "xl/workbook.xml": f'<workbook xmlns="{MAIN}" xmlns:r="{DOC}"><sheets>'
                       '<sheet name="명단" sheetId="1" r:id="rId1"/></sheets></workbook>',
    "xl/_rels/workbook.xml.rels": f'<Relationships xmlns="{RELS}"><Relationship Id="rId1" '
                                  f'Type="{DOC}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
}


def write_xlsx_bomb(path: Path, rows: int) -> Path:
    """One sheet of `rows` rows of one cell "a" under a header "자료" that
    maps to no field (a file under the row limit then ends at the mapping error), no dimension."""
    block = ROW * 10_000
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as book:
        for name, text in PARTS.items():
            book.writestr(name, text)
        with book.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            sheet.write(f'<worksheet xmlns="{MAIN}"><sheetData>'.encode())
            sheet.write('<row><c t="inlineStr"><is><t>자료</t></is></c></row>'.encode())
            for _ in range(rows // 10_000):
                sheet.write(block)
            sheet.write(ROW * (rows % 10_000) + b"</sheetData></worksheet>")
    return path


def write_csv_bomb(path: Path, rows: int) -> Path:
    with path.open("wb") as handle:
        handle.write("자료\r\n".encode())
        block = b"a\r\n" * 10_000
        for _ in range(rows // 10_000):
            handle.write(block)
        handle.write(b"a\r\n" * (rows % 10_000))
    return path


def run_import(path: Path, db: Path) -> tuple[int, float, float, str]:
    """(exit status, seconds, peak RSS in MB, the first line of stderr) of one `pcrm import`."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        child = subprocess.Popen([PYTHON, "-m", "pcrm_desktop.cli", "import", "citizens", str(path),
                                  "--db", str(db)], cwd=REPO, env=env(), stdout=out, stderr=err)
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - started
        child.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        message = err.read().decode("utf-8", "replace").strip().splitlines()
    return child.returncode, seconds, usage.ru_maxrss / 1024, (message or [""])[-1][:160]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=10_000_000)
    parser.add_argument("--runs", type=int, default=1)
    args = parser.parse_args()
    folder = Path(tempfile.gettempdir()) / "pcrm-bench-cache"
    folder.mkdir(exist_ok=True)
    db = demo_database(folder, "bomb-target", "--citizens", "0")
    files = []
    for label, name, writer, rows in (
            (f"XLSX, {args.rows:,} rows", f"bomb-{args.rows}.xlsx", write_xlsx_bomb, args.rows),
            (f"CSV, {args.rows:,} rows", f"bomb-{args.rows}.csv", write_csv_bomb, args.rows),
            ("XLSX, 30,000,000 rows", "bomb-30000000.xlsx", write_xlsx_bomb, 30_000_000)):
        path = folder / name
        if not path.exists():
            started = time.perf_counter()
            writer(path, rows)
            print(f"built {path.name} ({path.stat().st_size / 2**20:.1f} MB) in "
                  f"{time.perf_counter() - started:.1f} s")
        files.append((label, path))
    table = []
    for label, path in files:
        for _ in range(args.runs):
            code, seconds, peak, message = run_import(path, db)
            table.append([label, f"{path.stat().st_size / 2**20:.1f}", code, f"{seconds:.1f}",
                          f"{peak:.0f}", message])
    print_table("pcrm import citizens FILE (target: exit 1 within 30 s, under 400 MB)",
                ["file", "MB on disk", "exit", "seconds", "peak RSS MB", "message"], table)


if __name__ == "__main__":
    main()
