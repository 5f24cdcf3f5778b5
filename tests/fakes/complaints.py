"""Fakes of the 민원 writes (db/complaint_repo.py) and their read side (db/complaint_queries.py):
queues filtered, sorted and paged by key in Python as the SQL does it."""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime, time, timedelta
from typing import Any

from pcrm_desktop.db.citizen_repo import as_datetime
from pcrm_desktop.db.complaint_queries import RECEIPT_QUERY, SORTS
from pcrm_desktop.db.complaint_repo import CaseRow
from pcrm_desktop.domain.complaint_queues import QUEUES, QueueRow
from pcrm_desktop.domain.complaints import OPEN, Intake, PastCase, Status
from pcrm_desktop.domain.deadlines import Period, period_code, stored_period
from tests.fakes.state import FakeIntegrityError, NoSqlOnFakes, State, stored

# complaints' columns and their defaults (db/tables.py)
COMPLAINT_DEFAULTS: dict[str, Any] = {
    "epeople_no": "", "source_no": "", "citizen_id": None, "category_id": None, "content": "",
    "road": "", "dong_name": "", "department_id": None, "assignee_id": None,
    "priority": "normal", "extended": False, "transferred_to": "", "done_at": None,
    "result": None, "answer": "", "flags": "", "version": 1}
COMPLAINT_COLUMNS = frozenset(COMPLAINT_DEFAULTS) | {
    "id", "receipt_no", "received_at", "channel", "type_code", "title", "status", "open",
    "period_unit", "period_amount", "due_at", "updated_at"}
DATETIME_COLUMNS = ("received_at", "due_at", "done_at", "updated_at", "at")


def _midnight(day: date) -> datetime:
    return datetime.combine(day, time.min)


class FakeComplaintRepository:
    def __init__(self, state: State) -> None:
        self.s = state

    @property
    def c(self) -> Any:
        raise NoSqlOnFakes("uow.complaints.c: this service runs SQL itself; test it on a file")

    def _check_references(self, row: Mapping[str, Any]) -> None:
        """The FOREIGN KEY constraints of complaints (SQLite enforces them: foreign_keys=ON)."""
        s = self.s
        for column, known in (("citizen_id", s.citizens), ("category_id", s.categories),
                              ("department_id", {d.id for d in s.departments}),
                              ("assignee_id", {m.id for m in s.staff})):
            if row.get(column) is not None and row[column] not in known:
                raise FakeIntegrityError(f"FOREIGN KEY constraint failed: complaints.{column}")
        if all(t["code"] != row["type_code"] for t in s.complaint_types):
            raise FakeIntegrityError("FOREIGN KEY constraint failed: complaints.type_code")

    def _insert(self, row: dict[str, Any]) -> int:
        if any(c["receipt_no"] == row["receipt_no"] for c in self.s.complaints.values()):
            raise FakeIntegrityError(f"UNIQUE constraint failed: complaints.receipt_no"
                                     f" ({row['receipt_no']})")
        self._check_references(row)
        self.s.complaints[row["id"]] = row
        return row["id"]

    def next_receipt_number(self, year: int) -> int:
        self.s.receipt_counters[year] = self.s.receipt_counters.get(year, 0) + 1
        return self.s.receipt_counters[year]

    def add(self, intake: Intake, receipt_no: str, status: Status, period: Period,
            due_at: datetime, now: datetime) -> int:
        return self._insert({
            **COMPLAINT_DEFAULTS, "id": self.s.new_id("complaints"), "receipt_no": receipt_no,
            "received_at": intake.received_at, "channel": intake.channel.value,
            "epeople_no": intake.epeople_no, "citizen_id": intake.citizen_id,
            "type_code": intake.type_code, "category_id": intake.category_id,
            "title": intake.title, "content": intake.content, "road": intake.road,
            "dong_name": intake.dong_name, "department_id": intake.department_id,
            "assignee_id": intake.assignee_id, "priority": intake.priority.value,
            "status": status.value, "open": status in OPEN, "period_unit": period_code(period),
            "period_amount": period.amount, "due_at": due_at, "updated_at": now})

    def get(self, complaint_id: int) -> CaseRow | None:
        r = self.s.complaints.get(complaint_id)
        if r is None:
            return None
        return CaseRow(r["id"], r["receipt_no"], Status(r["status"]), r["received_at"],
                       r["due_at"], stored_period(r["period_unit"], r["period_amount"]),
                       bool(r["extended"]), r["citizen_id"], r["category_id"], r["type_code"],
                       r["assignee_id"], r["department_id"], r["version"])

    def change(self, complaint_id: int, version: int, now: datetime, **values: Any) -> bool:
        unknown = set(values) - COMPLAINT_COLUMNS
        if unknown:
            raise FakeIntegrityError(f"no such column: {sorted(unknown)}")
        if "status" in values:
            status = Status(values["status"])
            values["status"], values["open"] = status.value, status in OPEN
        row = self.s.complaints.get(complaint_id)
        if row is None or row["version"] != version:
            return False
        changed = {**row, **values, "version": version + 1, "updated_at": now}
        self._check_references(changed)
        self.s.complaints[complaint_id] = changed
        return True

    def add_event(self, complaint_id: int, at: datetime, staff_id: int | None, actor: str,
                  kind: str, from_status: Status | None, to_status: Status | None,
                  note: str = "") -> None:
        if complaint_id not in self.s.complaints:
            raise FakeIntegrityError("FOREIGN KEY constraint failed: complaint_events.complaint_id")
        self.s.events.append({
            "id": self.s.new_id("complaint_events"), "complaint_id": complaint_id, "at": at,
            "staff_id": staff_id, "actor": actor, "kind": kind,
            "from_status": from_status.value if from_status else None,
            "to_status": to_status.value if to_status else None, "note": note})

    def link(self, a: int, b: int, now: datetime) -> None:
        first, second = sorted((a, b))
        if first == second:
            raise FakeIntegrityError("CHECK constraint failed: order")
        self.s.links.setdefault((first, second), now)  # ON CONFLICT DO NOTHING

    def open_cases(self) -> list[tuple[int, datetime, Period, datetime]]:
        return [(r["id"], r["received_at"], stored_period(r["period_unit"], r["period_amount"]),
                 r["due_at"]) for r in self.s.complaints.values()
                if r["open"] and not r["extended"]]

    def set_due_dates(self, rows: list[tuple[int, datetime, datetime]], now: datetime,
                      staff_id: int | None, actor: str, why: str) -> None:
        for complaint_id, old, new in rows:
            row = self.s.complaints[complaint_id]
            row.update(due_at=new, version=row["version"] + 1, updated_at=now)
            self.s.events.append({
                "id": self.s.new_id("complaint_events"), "complaint_id": complaint_id, "at": now,
                "staff_id": staff_id, "actor": actor, "kind": "due_moved", "from_status": None,
                "to_status": None,
                "note": f"{why}: 처리기한 {old:%Y-%m-%d %H:%M} → {new:%Y-%m-%d %H:%M}"})

    # --- attachments ------------------------------------------------------------------------
    def add_attachment(self, complaint_id: int, name: str, size: int, sha256: str,
                       at: datetime, actor: str) -> int:
        if complaint_id not in self.s.complaints:
            raise FakeIntegrityError("FOREIGN KEY constraint failed: complaint_attachments")
        attachment_id = self.s.new_id("complaint_attachments")
        self.s.attachments[attachment_id] = {
            "id": attachment_id, "complaint_id": complaint_id, "name": name, "size": size,
            "sha256": sha256, "added_at": at, "actor": actor}
        return attachment_id

    def attachments(self, complaint_id: int) -> list[dict[str, Any]]:
        return [dict(a) for _, a in sorted(self.s.attachments.items())
                if a["complaint_id"] == complaint_id]

    def attachment(self, attachment_id: int) -> dict[str, Any] | None:
        row = self.s.attachments.get(attachment_id)
        return dict(row) if row else None

    # --- bulk (demo, import) -------------------------------------------------------------------
    def bulk_add_cases(self, columns: tuple[str, ...], rows: list[tuple[Any, ...]]) -> None:
        for row in self._stored_rows(columns, rows):
            self.s.took_id("complaints", row["id"])
            self._insert({**COMPLAINT_DEFAULTS, **row, "open": bool(row["open"])})

    def bulk_add_events(self, columns: tuple[str, ...], rows: list[tuple[Any, ...]]) -> None:
        for row in self._stored_rows(columns, rows):
            self.s.events.append({"id": self.s.new_id("complaint_events"), "note": "",
                                  "from_status": None, "to_status": None, **row})

    @staticmethod
    def _stored_rows(columns: tuple[str, ...], rows: list[tuple[Any, ...]]) -> list[dict[str, Any]]:
        """Rows as the real repository takes them (date-times as stored text), read back."""
        found = []
        for values in rows:
            row = dict(zip(columns, values))
            for column in DATETIME_COLUMNS:
                if column in row:
                    row[column] = as_datetime(row[column])
            found.append(row)
        return found

    def receipt_counters(self, years: Iterable[int]) -> dict[int, int]:
        return {year: self.s.receipt_counters.get(year, 0) for year in years}

    def max_id(self) -> int:
        return max(self.s.complaints, default=0)

    def set_receipt_counter(self, year: int, last: int) -> None:
        self.s.receipt_counters[year] = max(self.s.receipt_counters.get(year, last), last)


class FakeComplaintRead:
    def __init__(self, state: State) -> None:
        self.s = state

    # --- queues ---------------------------------------------------------------------------
    def _children(self) -> dict[int, list[int]]:
        children: dict[int, list[int]] = {}
        for c in self.s.categories.values():
            if c["parent_id"] is not None:
                children.setdefault(c["parent_id"], []).append(c["id"])
        return children

    def _in_queue(self, r: dict[str, Any], f: Any, now: datetime) -> bool:
        """complaint_queries.queue_condition, row by row."""
        today = _midnight(now.date())
        minute = now.replace(second=0, microsecond=0)
        due, is_open = r["due_at"], bool(r["open"])
        if not {
            "mine": lambda: r["assignee_id"] == f.staff_id and is_open,
            "team": lambda: r["department_id"] == f.department_id and is_open,
            "unassigned": lambda: r["assignee_id"] is None and is_open,
            "due_today": lambda: is_open and today <= due < today + timedelta(days=1),
            "d3": lambda: is_open and today <= due < today + timedelta(days=4),
            "overdue": lambda: is_open and due < minute,
            "open": lambda: is_open,
            "all": lambda: True,
        }[f.queue]():
            return False
        if f.department_id is not None and f.queue != "team" and r["department_id"] != f.department_id:
            return False
        if f.type_code and r["type_code"] != f.type_code:
            return False
        if f.category_id is not None and r["category_id"] not in \
                [f.category_id, *self._children().get(f.category_id, ())]:
            return False
        if f.status and r["status"] != f.status:
            return False
        if f.received_from is not None and r["received_at"] < _midnight(f.received_from):
            return False
        if f.received_to is not None and \
                r["received_at"] >= _midnight(f.received_to + timedelta(days=1)):
            return False
        if f.done_on is not None and not (r["done_at"] is not None and _midnight(f.done_on)
                                          <= r["done_at"] < _midnight(f.done_on + timedelta(days=1))):
            return False
        words = f.text.strip()
        if words and RECEIPT_QUERY.fullmatch(words):
            return r["receipt_no"].startswith(words)
        if words:  # the title's trigram index (3+ characters) or LIKE: both ignore case
            return words.replace("\x00", "").casefold() in r["title"].casefold()
        return True

    def page(self, f: Any, now: datetime, after: tuple[Any, ...] | None = None,
             limit: int = 100, sort: str = "due") -> list[QueueRow]:
        column, descending = SORTS[sort]
        column = column.removeprefix("c.")

        def position(r: dict[str, Any]) -> tuple[Any, int]:
            value = r[column]
            return (stored(value) if isinstance(value, datetime) else value), r["id"]
        rows = sorted((r for r in self.s.complaints.values() if self._in_queue(r, f, now)),
                      key=position, reverse=descending)
        if after is not None:
            rows = [r for r in rows if (position(r) < tuple(after) if descending
                                        else position(r) > tuple(after))]
        s = self.s
        return [QueueRow(r["id"], r["receipt_no"], r["received_at"], r["type_code"],
                         (s.categories.get(r["category_id"]) or {}).get("name", ""), r["title"],
                         s.citizen_name(r["citizen_id"]) or "", s.staff_name(r["assignee_id"]) or "",
                         r["status"], r["due_at"], r["priority"], position(r))
                for r in rows[:limit]]

    def counts(self, staff_id: int | None, department_id: int | None,
               now: datetime) -> dict[str, int]:
        from pcrm_desktop.domain.complaint_queues import QueueFilter
        return {queue: sum(self._in_queue(r, QueueFilter(
            queue, staff_id, department_id if queue == "team" else None), now)
            for r in self.s.complaints.values()) for queue in QUEUES}

    def count(self, queue: str, staff_id: int | None, now: datetime) -> int:
        from pcrm_desktop.domain.complaint_queues import QueueFilter
        return sum(self._in_queue(r, QueueFilter(queue, staff_id), now)
                   for r in self.s.complaints.values())

    def today(self, staff_id: int | None, now: datetime) -> dict[str, int]:
        today, minute = _midnight(now.date()), now.replace(second=0, microsecond=0)
        tomorrow, day4 = today + timedelta(days=1), today + timedelta(days=4)
        cases = list(self.s.complaints.values())
        return {
            "received": sum(today <= r["received_at"] < tomorrow for r in cases),
            "done": sum(r["done_at"] is not None and today <= r["done_at"] < tomorrow
                        for r in cases),
            "overdue": sum(bool(r["open"]) and r["due_at"] < minute for r in cases),
            "mine_soon": sum(r["assignee_id"] == staff_id and bool(r["open"])
                             and r["due_at"] < day4 for r in cases),
        }

    # --- one case ---------------------------------------------------------------------------
    def detail(self, complaint_id: int) -> dict[str, Any] | None:
        r = self.s.complaints.get(complaint_id)
        if r is None:
            return None
        s = self.s
        citizen = s.citizens.get(r["citizen_id"]) if r["citizen_id"] is not None else None
        category = s.categories.get(r["category_id"]) or {}
        parent = s.categories.get(category.get("parent_id")) or {}
        return {**r, "applicant": citizen.name if citizen else "",
                "applicant_birth_year": citizen.birth_year if citizen else None,
                "assignee": s.staff_name(r["assignee_id"]) or "",
                "department": s.department_name(r["department_id"]) or "",
                "category": category.get("name", ""), "parent_category": parent.get("name", ""),
                "type_name": s.type_name(r["type_code"]) or r["type_code"]}

    def events(self, complaint_id: int) -> list[dict[str, Any]]:
        rows = sorted((e for e in self.s.events if e["complaint_id"] == complaint_id),
                      key=lambda e: (e["at"], e["id"]))
        return [{"at": e["at"], "actor": self.s.staff_name(e["staff_id"]) or e["actor"],
                 "staff_id": e["staff_id"], "kind": e["kind"], "from_status": e["from_status"],
                 "to_status": e["to_status"], "note": e["note"]} for e in rows]

    def links(self, complaint_id: int) -> list[dict[str, Any]]:
        others = [b if a == complaint_id else a for a, b in self.s.links
                  if complaint_id in (a, b)]
        rows = sorted((self.s.complaints[i] for i in others), key=lambda r: r["received_at"])
        return [{"id": r["id"], "receipt_no": r["receipt_no"],
                 "received_at": r["received_at"], "title": r["title"],
                 "status": r["status"]} for r in rows]

    def earlier(self, citizen_id: int | None, category_id: int | None, road: str = "",
                exclude_id: int | None = None,
                before: tuple[Any, ...] | None = None) -> list[PastCase]:
        if category_id is None or (citizen_id is None and not road):
            return []
        rows = [r for r in self.s.complaints.values()
                if (r["citizen_id"] == citizen_id if citizen_id is not None else r["road"] == road)
                and r["category_id"] == category_id and r["id"] != exclude_id
                and (before is None
                     or (r["received_at"], r["id"]) < (as_datetime(before[0]), before[1]))]
        rows.sort(key=lambda r: r["received_at"], reverse=True)
        return [PastCase(r["id"], r["receipt_no"], r["received_at"], r["title"], Status(r["status"]),
                         r["status"] in ("done", "closed") and r["answer"] != "")
                for r in rows[:20]]

    def register(self, first: date, last: date) -> Iterable[Mapping[str, Any]]:
        s = self.s
        rows = sorted((r for r in s.complaints.values() if _midnight(first) <= r["received_at"]
                       < _midnight(last + timedelta(days=1))), key=lambda r: r["receipt_no"])
        return [{"receipt_no": r["receipt_no"], "received_at": r["received_at"],
                 "applicant": s.citizen_name(r["citizen_id"]) or "", "title": r["title"],
                 "department": s.department_name(r["department_id"]) or "",
                 "due_at": r["due_at"], "done_at": r["done_at"],
                 "result": r["result"], "status": r["status"],
                 "type_name": s.type_name(r["type_code"]) or r["type_code"],
                 "channel": r["channel"]} for r in rows]

    def categories(self) -> list[dict[str, Any]]:
        cats = self.s.categories

        def order(c: dict[str, Any]) -> tuple[int, bool, int]:
            parent = cats.get(c["parent_id"])
            return (parent["position"] if parent else c["position"], c["parent_id"] is not None,
                    c["position"])
        shown = [c for c in cats.values()
                 if c["active"] and (c["parent_id"] is None or cats[c["parent_id"]]["active"])]
        return [{"id": c["id"], "parent_id": c["parent_id"], "name": c["name"],
                 "period_days": c["period_days"], "period_unit": c["period_unit"],
                 "parent": cats[c["parent_id"]]["name"] if c["parent_id"] else ""}
                for c in sorted(shown, key=order)]
