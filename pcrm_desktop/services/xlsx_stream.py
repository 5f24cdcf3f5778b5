"""The first sheet of an XLSX as a stream of rows, read with expat and never held whole.

openpyxl's read-only mode read 75,000 cells a second, built its whole shared-strings table
before the first row, and trusted the sheet's own claims: a 4 MB file of 30 million one-cell rows
was still being read after 300 s at 700 MB. Here every part is checked before it is inflated
(its declared size; Excel compresses with deflate only) and counted while it is (zipfile stops
at the declared size and checks the CRC), and each row is handed on as soon as it is read, so
`tabular._table` stops at its first limit. Cell values follow openpyxl's `data_only` reading:
cached values, numbers under a date format as dates (dates and number formats use openpyxl's
own rules)."""
from __future__ import annotations

import posixpath
import re
import zipfile
from collections.abc import Callable, Generator, Iterator
from datetime import date, datetime
from pathlib import Path
from xml.parsers import expat

from pcrm_desktop.domain.errors import ValidationError

MB = 2**20
MAX_XML_BYTES = 1024 * MB      # the sheet or the shared strings, inflated (a sheet at the row
#                                and cell limits with shared strings is about 800 MB)
MAX_PART_BYTES = 64 * MB       # workbook, relationships, styles (Excel's: well under 1 MB)
MAX_PART_ELEMENTS = 100_000    # elements kept from one of them (Excel: at most 64,000 formats)
MAX_DEPTH = 256                # elements within elements (a sheet's XML nests six deep)
MAX_CELL_CHARS = 4 * MB        # one cell or shared string (Excel keeps 32,767); 4 M characters
#                                are read whole so that the importer can reject the row
CHUNK = 256 * 1024             # inflated bytes parsed at a time
EXCEL_METHODS = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)
_DIGITS = "0123456789"


# expat's handlers: an element's start (name, attributes), its end (name), and text
StartHandler = Callable[[str, dict[str, str]], object]
EndHandler = Callable[[str], object]
TextHandler = Callable[[str], object]
Attributes = dict[str, str]


class Damaged(Exception):
    """The workbook breaks its own format; tabular reports it as xlsx_unreadable."""


def sheet_rows(path: Path | str, max_rows: int, max_columns: int, max_cells: int
               ) -> Generator[tuple[int, list[str]], None, None]:
    """(row number, cell texts) for each row of the first worksheet, in the file's order."""
    with zipfile.ZipFile(path) as book:
        parts = _Parts(book)
        _tally_sheet(book, parts.sheet, max_rows, max_cells)
        strings = _shared_strings(book, parts.strings, max_cells) if parts.strings else []
        dates, timedeltas = _date_styles(book, parts.styles)
        handler = _Sheet(strings, dates, timedeltas, parts.epoch, max_columns, max_cells)
        for _ in _parse(book, parts.sheet, *handler.handlers()):
            yield from handler.ready
            handler.ready.clear()


def _tally_sheet(book: zipfile.ZipFile, name: str, max_rows: int, max_cells: int) -> None:
    """Parsing a million rows takes seconds, counting them a fraction of one: a sheet with more
    rows or cells than a table may hold is refused before it is parsed."""
    for rows, cells in _tally(book, name, ("row", "c")):
        if rows > max_rows:
            raise ValidationError("rows_too_many", field="file", row=f"{max_rows + 1:,}",
                                  max=f"{max_rows:,}")
        if cells > max_cells:
            raise ValidationError("table_too_large", field="file", row=f"{rows:,}", max=f"{max_cells:,}")


_ROOT = re.compile(rb"<([A-Za-z_][\w.-]*:)?(?:worksheet|sst)\b")


def _tally(book: zipfile.ZipFile, name: str, tags: tuple[str, ...]) -> Iterator[list[int]]:
    """Running counts of the elements named `tags` in the part's bytes, after each chunk.
    Every tag starts with "<", so a block cut before the last "<" holds whole tags only; of
    the rest, the few bytes that decide whether it starts one of ours are carried over."""
    carry, counts, patterns = b"", [0] * len(tags), None
    for chunk in _inflate(book, name):
        data = carry + chunk
        if patterns is None:
            root = _ROOT.search(data, 0, 4096)
            prefix = (root and root.group(1)) or b""
            patterns = [[b"<" + prefix + tag.encode() + end for end in (b" ", b">", b"/")]
                        for tag in tags]
        cut = data.rfind(b"<")
        cut = len(data) if cut < 0 else cut
        block, carry = data[:cut], data[cut:cut + 64]
        for index, group in enumerate(patterns):
            counts[index] += sum(block.count(pattern) for pattern in group)
        yield counts


def _info(book: zipfile.ZipFile, name: str, limit: int) -> zipfile.ZipInfo:
    try:
        info = book.getinfo(name)
    except KeyError:
        raise Damaged(f"{name}이(가) 없습니다") from None
    if info.compress_type not in EXCEL_METHODS:  # bzip2 and lzma inflate without a bound
        raise Damaged(f"{name}: 엑셀이 쓰지 않는 압축 방식({info.compress_type})")
    if info.file_size > limit:  # the declared size; zipfile never inflates past it
        raise ValidationError("xlsx_too_large", field="file", part=name, max=f"{limit // MB:,}")
    return info


def _inflate(book: zipfile.ZipFile, name: str, limit: int | None = None) -> Iterator[bytes]:
    """The part's bytes, counted as they are inflated: refused past `limit` (MAX_XML_BYTES)."""
    limit = MAX_XML_BYTES if limit is None else limit
    info = _info(book, name, limit)
    inflated = 0
    with book.open(info) as source:
        while chunk := source.read(CHUNK):
            inflated += len(chunk)
            if inflated > limit:
                raise ValidationError("xlsx_too_large", field="file", part=name, max=f"{limit // MB:,}")
            yield chunk


def _parse(book: zipfile.ZipFile, name: str, start: StartHandler, end: EndHandler,
           chars: TextHandler, limit: int | None = None) -> Iterator[None]:
    """Feeds the part to expat a chunk at a time, pausing after each."""
    parser = expat.ParserCreate()
    parser.buffer_text = True
    parser.buffer_size = CHUNK
    parser.StartElementHandler, parser.EndElementHandler = start, end
    parser.CharacterDataHandler = chars
    parser.StartDoctypeDeclHandler = _no_doctype  # entities can only be declared in one
    for chunk in _inflate(book, name, limit):
        parser.Parse(chunk, False)
        yield
    parser.Parse(b"", True)
    yield


def _ignore(*_args: object) -> None:
    pass


def _no_doctype(*_args: object) -> None:
    raise Damaged("DOCTYPE(엔티티 선언)가 있는 XML은 읽지 않습니다")


def _elements(book: zipfile.ZipFile, name: str, wanted: set[str]
              ) -> list[tuple[str, str, Attributes]]:
    """(name, parent's name, attributes) of the part's elements named in `wanted`, streamed:
    a small part is read like a sheet, so that a large one cannot become a large tree."""
    found: list[tuple[str, str, Attributes]] = []
    stack: list[str] = [""]

    def start(tag: str, attrs: Attributes) -> None:
        tag = tag[tag.find(":") + 1:]
        if tag in wanted:
            if len(found) >= MAX_PART_ELEMENTS:
                raise Damaged(f"{name}: <{tag}> 요소가 {MAX_PART_ELEMENTS:,}개를 넘습니다")
            found.append((tag, stack[-1], attrs))
        if len(stack) > MAX_DEPTH:
            raise Damaged(f"{name}: 요소가 {MAX_DEPTH}단계보다 깊이 들어 있습니다")
        stack.append(tag)

    for _ in _parse(book, name, start, lambda _tag: stack.pop(), _ignore, MAX_PART_BYTES):
        pass
    return found


class _Parts:
    """Where the first worksheet, the shared strings and the styles are, and the date system."""

    def __init__(self, book: zipfile.ZipFile) -> None:
        names = set(book.namelist())
        main = next((target for _, kind, target in _relations(book, "", names)
                     if kind == "officeDocument"), "xl/workbook.xml")
        if main not in names:
            raise Damaged("통합 문서(workbook.xml)가 없습니다: XLSX 파일이 아닙니다")
        # looked up by a sheet's id, which may be missing (None)
        relations: dict[str | None, tuple[str, str]] = {
            rid: (kind, target) for rid, kind, target in _relations(book, main, names)
            if target in names}
        workbook = _elements(book, main, {"sheet", "workbookPr"})
        self.epoch = _epoch(workbook)
        sheet = None
        for tag, _, attrs in workbook:  # the first worksheet in the workbook's order
            rid = next((v for k, v in attrs.items() if k == "id" or k.endswith(":id")), None)
            kind, target = relations.get(rid, ("", ""))
            if tag == "sheet" and target and kind != "chartsheet":
                sheet = target
                break
        if sheet is None:
            raise Damaged("워크시트가 없습니다")
        self.sheet: str = sheet
        by_kind = {kind: target for kind, target in relations.values()}
        self.strings = by_kind.get("sharedStrings")
        self.styles = by_kind.get("styles") or ("xl/styles.xml" if "xl/styles.xml" in names else None)


def _relations(book: zipfile.ZipFile, part: str, names: set[str]) -> list[tuple[str, str, str]]:
    """(id, type, target) of the part's relationships ("" for the package's own)."""
    folder = posixpath.dirname(part)
    rels = posixpath.join(folder, "_rels", posixpath.basename(part) + ".rels")
    if rels not in names:
        return []
    found = []
    for _, _, attrs in _elements(book, rels, {"Relationship"}):
        target = attrs.get("Target", "")
        target = target[1:] if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
        found.append((attrs.get("Id", ""), attrs.get("Type", "").rpartition("/")[2], target))
    return found


def _epoch(workbook: list[tuple[str, str, Attributes]]) -> datetime:
    from openpyxl.utils.datetime import CALENDAR_MAC_1904, CALENDAR_WINDOWS_1900
    mac: datetime = CALENDAR_MAC_1904  # openpyxl has no types: its two date systems' day 0
    windows: datetime = CALENDAR_WINDOWS_1900
    if any(tag == "workbookPr" and attrs.get("date1904") in ("1", "true") for tag, _, attrs in workbook):
        return mac
    return windows


def _date_styles(book: zipfile.ZipFile, name: str | None) -> tuple[set[int], set[int]]:
    """The cell styles (indexes into cellXfs) whose number format shows a date, or a duration."""
    if name is None:
        return set(), set()
    from openpyxl.styles.numbers import builtin_format_code, is_date_format, is_timedelta_format
    custom: dict[int, str | None] = {}
    formats: list[int] = []
    for tag, parent, attrs in _elements(book, name, {"numFmt", "xf"}):
        if tag == "numFmt" and parent == "numFmts":
            custom[int(attrs.get("numFmtId", -1))] = attrs.get("formatCode")
        elif tag == "xf" and parent == "cellXfs":
            formats.append(int(attrs.get("numFmtId", 0)))
    codes = [custom[i] if i in custom else builtin_format_code(i) for i in formats]
    return ({i for i, code in enumerate(codes) if is_date_format(code)},
            {i for i, code in enumerate(codes) if is_timedelta_format(code)})


class _Text:
    """expat handlers, looked up by element name (as they run for every element, a name seen
    with a prefix, <x:row>, is added to the table on first sight), that collect the text of a
    value: `<v>`, or a string's `<t>` elements outside its phonetic runs (`<rPh>`), as openpyxl
    does; refused past MAX_CELL_CHARS."""
    starts = {"t": "start_text", "rPh": "start_phonetic"}  # element → method(attributes)
    ends = {"t": "stop", "rPh": "end_phonetic"}            # element → method()

    def __init__(self) -> None:
        self.pieces: list[str] | None = None  # the value being read, None between values
        self.reading = False
        self.phonetic = False
        self.size = 0

    def handlers(self) -> tuple[StartHandler, EndHandler, TextHandler]:
        # methods by name: taking the attributes (starts) or nothing (ends)
        starts: dict[str, Callable[..., None]] = {tag: getattr(self, method)
                                                  for tag, method in self.starts.items()}
        ends: dict[str, Callable[..., None]] = {tag: getattr(self, method)
                                                for tag, method in self.ends.items()}

        def lookup(table: dict[str, Callable[..., None]], tag: str) -> Callable[..., None]:
            table[tag] = table.get(tag[tag.find(":") + 1:], _ignore)
            return table[tag]

        def start(tag: str, attrs: Attributes) -> None:
            (starts.get(tag) or lookup(starts, tag))(attrs)

        def end(tag: str) -> None:
            (ends.get(tag) or lookup(ends, tag))()
        return start, end, self.chars

    def begin(self, _attrs: Attributes | None = None) -> None:
        self.pieces, self.size, self.reading, self.phonetic = [], 0, False, False

    def chars(self, data: str) -> None:
        if self.reading:
            assert self.pieces is not None  # reading is set inside a value only (begin: [])
            self.pieces.append(data)
            self.size += len(data)
            if self.size > MAX_CELL_CHARS:
                self.too_long()

    def start_text(self, _attrs: Attributes) -> None:
        self.reading = self.pieces is not None and not self.phonetic

    def start_phonetic(self, _attrs: Attributes) -> None:
        self.phonetic = True

    def end_phonetic(self) -> None:
        self.phonetic = False

    def stop(self) -> None:
        self.reading = False

    def too_long(self) -> None:
        raise NotImplementedError


class _Strings(_Text):
    """The shared strings, each as openpyxl's `read_string_table` gives it."""
    starts = {**_Text.starts, "si": "begin"}
    ends = {**_Text.ends, "si": "end_string"}

    def __init__(self, max_strings: int) -> None:
        super().__init__()
        self.max_strings = max_strings
        self.strings: list[str] = []

    def end_string(self) -> None:
        if self.pieces is not None:
            self.strings.append("".join(self.pieces).replace("x005F_", ""))
            self.pieces = None
            if len(self.strings) > self.max_strings:
                self.too_long()

    def too_long(self) -> None:
        raise ValidationError("xlsx_strings_too_large", field="file",
                              max_strings=f"{self.max_strings:,}", max_chars=f"{MAX_CELL_CHARS:,}")


def _shared_strings(book: zipfile.ZipFile, name: str, max_strings: int) -> list[str]:
    handler = _Strings(max_strings)
    for (count,) in _tally(book, name, ("si",)):
        if count > max_strings:
            handler.too_long()
    for _ in _parse(book, name, *handler.handlers()):
        pass
    return handler.strings


def cell_text(value: object) -> str:
    """A cell as text for the importers: a whole number without ".0", a date-time with its time
    (a time of receipt), a date alone (a birth date)."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime) and value.time() != datetime.min.time():
        return value.strftime("%Y-%m-%d %H:%M:%S")  # a time of receipt keeps its time
    if isinstance(value, (datetime, date)):
        return value.strftime("%Y-%m-%d")  # a birth date typed as a date in Excel
    return str(value)


class _Sheet(_Text):
    """Turns `<sheetData>` into rows; completed rows wait in `ready`."""
    starts = {**_Text.starts, "c": "cell", "v": "start_value", "row": "row", "dimension": "claim"}
    ends = {**_Text.ends, "c": "end_cell", "v": "stop", "row": "end_row"}

    def __init__(self, strings: list[str], dates: set[int], timedeltas: set[int], epoch: datetime,
                 max_columns: int, max_cells: int) -> None:
        super().__init__()
        from openpyxl.utils.datetime import from_excel, from_ISO8601
        self.from_excel, self.from_iso, self.text = from_excel, from_ISO8601, cell_text
        self.strings, self.dates, self.timedeltas, self.epoch = strings, dates, timedeltas, epoch
        self.max_columns, self.max_cells = max_columns, max_cells
        self.ready: list[tuple[int, list[str]]] = []
        self.number = 0                    # the row being read, or the last one
        self.cells: list[str] | None = None
        self.column = 0
        self.kind: str = "n"  # the cell being read
        self.style: str | None = None
        self.width = 0                     # the sheet's claimed width, when believable
        self.letters: dict[str, int] = {}

    def start_value(self, _attrs: Attributes) -> None:
        self.reading = self.pieces is not None and self.kind != "inlineStr"

    def start_text(self, _attrs: Attributes) -> None:
        self.reading = self.pieces is not None and self.kind == "inlineStr" and not self.phonetic

    def end_row(self) -> None:
        if self.cells is not None:
            if len(self.cells) < self.width:
                self.cells += [""] * (self.width - len(self.cells))
            self.ready.append((self.number, self.cells))
            self.cells = None

    def row(self, attrs: Attributes) -> None:
        r = attrs.get("r")
        number = int(r) if r else self.number + 1
        if number <= self.number:
            raise Damaged(f"{number}행이 {self.number}행 뒤에 있습니다")
        self.number, self.cells, self.column = number, [], 0

    def claim(self, attrs: Attributes) -> None:
        """Rows are padded to the width the sheet claims, as openpyxl did, unless the claim is
        beyond belief (a 5 KB file saying A1:XFD1048576); cells beyond it are kept."""
        last = attrs.get("ref", "").rpartition(":")[2]
        letters = last.rstrip(_DIGITS)
        if letters and last[len(letters):].isdigit():
            width = self.column_of(letters)
            if width <= self.max_columns and width * int(last[len(letters):]) <= self.max_cells:
                self.width = width

    def column_of(self, letters: str) -> int:
        column = self.letters.get(letters)
        if column is None:
            if not (letters.isascii() and letters.isalpha()) or len(letters) > 3:
                raise Damaged(f"칸 주소를 알 수 없습니다: {letters[:20]}")
            column = 0
            for letter in letters.upper():
                column = column * 26 + ord(letter) - 64
            self.letters[letters] = column
        return column

    def cell(self, attrs: Attributes) -> None:
        if self.cells is None:  # a cell outside a row
            return
        ref = attrs.get("r")
        self.column = self.column_of(ref.rstrip(_DIGITS)) if ref else self.column + 1
        if self.column > self.max_columns:
            raise ValidationError("columns_too_many", field="file", row=self.number,
                                  columns=f"{self.column:,}", max=f"{self.max_columns:,}")
        self.kind, self.style = attrs.get("t", "n"), attrs.get("s")
        self.begin()

    def end_cell(self) -> None:
        if self.cells is None:
            return
        value = self.value()
        cells, index = self.cells, self.column - 1
        if index >= len(cells):
            if index > len(cells):
                cells += [""] * (index - len(cells))
            cells.append(value)
        else:
            cells[index] = value
        self.pieces = None

    def too_long(self) -> None:
        from openpyxl.utils import get_column_letter
        raise ValidationError("xlsx_cell_too_large", field="file", row=self.number,
                              column=get_column_letter(self.column), max=f"{MAX_CELL_CHARS:,}")

    def value(self) -> str:
        """The cell as text, by openpyxl's reading of its type (WorkSheetParser.parse_cell)."""
        raw = "".join(self.pieces) if self.pieces else ""
        kind = self.kind
        if kind == "inlineStr" or not raw:
            return raw
        if kind == "n":
            number = float(raw) if "." in raw or "e" in raw or "E" in raw else int(raw)
            style = int(self.style) if self.style else 0
            if style not in self.dates:
                return self.text(number)
            try:
                return self.text(self.from_excel(number, self.epoch, timedelta=style in self.timedeltas))
            except (OverflowError, ValueError):
                return "#VALUE!"
        if kind == "s":
            return self.strings[int(raw)]
        if kind == "b":
            return str(bool(int(raw)))
        if kind == "d":
            return self.text(self.from_iso(raw))
        return raw  # str (a formula's text result), e (an error such as #N/A)
