"""만족도 조사 rows: surveys, versions, responses and their answers, links; the answers of a
period for the summary, read as plain tuples (20,000 responses a month)."""
from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

from sqlalchemy import Connection, func, insert, select, text, update

from pcrm_desktop.db import dialect
from pcrm_desktop.db import tables as t
from pcrm_desktop.db.citizen_repo import as_datetime, sql_datetime
from pcrm_desktop.db.repositories import office_setting, set_office_setting


class SurveyRepository:
    def __init__(self, connection: Connection) -> None:
        self.c = connection

    def by_code(self, code: str) -> dict | None:
        row = self.c.execute(select(t.surveys).where(t.surveys.c.code == code)).mappings().first()
        return dict(row) if row else None

    def list(self) -> list[dict]:
        return [dict(r) for r in self.c.execute(select(t.surveys).order_by(t.surveys.c.id)).mappings()]

    def add(self, code: str, title: str, linked: bool, now: datetime) -> int:
        return self.c.execute(insert(t.surveys).values(code=code, title=title, linked=linked,
                                                       created_at=now)).inserted_primary_key[0]

    def current_version(self, survey_id: int) -> dict | None:
        v = t.survey_versions
        row = self.c.execute(select(v).where(v.c.survey_id == survey_id)
                             .order_by(v.c.version.desc()).limit(1)).mappings().first()
        return dict(row) if row else None

    def add_version(self, survey_id: int, version: int, definition: str, now: datetime) -> int:
        return self.c.execute(insert(t.survey_versions).values(
            survey_id=survey_id, version=version, definition=definition, created_at=now)
        ).inserted_primary_key[0]

    def replace_definition(self, version_id: int, definition: str) -> None:
        v = t.survey_versions
        self.c.execute(update(v).where(v.c.id == version_id, v.c.frozen_at.is_(None))
                       .values(definition=definition))

    def freeze(self, version_id: int, now: datetime) -> None:
        v = t.survey_versions
        self.c.execute(update(v).where(v.c.id == version_id, v.c.frozen_at.is_(None))
                       .values(frozen_at=now))

    def set_linked(self, survey_id: int, linked: bool) -> None:
        self.c.execute(update(t.surveys).where(t.surveys.c.id == survey_id).values(linked=linked))

    def response_count(self, survey_id: int, version_id: int | None = None) -> int:
        r, v = t.survey_responses, t.survey_versions
        query = select(func.count()).select_from(r.join(v, v.c.id == r.c.version_id)).where(
            v.c.survey_id == survey_id)
        if version_id is not None:
            query = query.where(r.c.version_id == version_id)
        return self.c.execute(query).scalar_one()

    def add_response(self, version_id: int, mode: str, at: datetime, seconds: int | None,
                     flags: str, answers: list[tuple[str, float | None, str | None, bool]],
                     form_no: str | None = None) -> int:
        response_id = self.c.execute(insert(t.survey_responses).values(
            version_id=version_id, mode=mode, submitted_at=at, seconds=seconds, flags=flags,
            form_no=form_no)).inserted_primary_key[0]
        self.add_answers([(response_id, *a) for a in answers])
        return response_id

    def next_response_id(self) -> int:
        """The id the next response will get, for bulk writers that number their rows (the
        import and the demo) while holding the write lock."""
        r = t.survey_responses
        return self.c.execute(select(func.coalesce(func.max(r.c.id), 0))).scalar_one() + 1

    # Bulk rows (the import's and the demo's) as tuples, date-times as sql_datetime text:
    # dialect.bulk_insert hands them to SQLite's driver at full speed (a Core insert a row cost
    # 0.4 ms, most of a 6,500-row import), to a server through the tables' types.
    def add_responses(self, rows: list[tuple]) -> None:
        """(id, version_id, mode, submitted_at, seconds, flags) rows."""
        dialect.bulk_insert(self.c, t.survey_responses,
                            ("id", "version_id", "mode", "submitted_at", "seconds", "flags"), rows)

    def add_links(self, rows: list[tuple]) -> None:
        """(response_id, complaint_id, citizen_id) rows."""
        dialect.bulk_insert(self.c, t.survey_links, ("response_id", "complaint_id", "citizen_id"),
                            rows)

    def add_callbacks(self, rows: list[tuple]) -> None:
        """(response_id, complaint_id, reason, created_at) rows."""
        dialect.bulk_insert(self.c, t.survey_callbacks,
                            ("response_id", "complaint_id", "reason", "created_at"), rows)

    def add_answers(self, rows: list[tuple]) -> None:
        """(response_id, item, value_num, value_text, na) rows."""
        dialect.bulk_insert(self.c, t.survey_answers,
                            ("response_id", "item", "value_num", "value_text", "na"), rows)

    def link(self, response_id: int, complaint_id: int | None, citizen_id: int | None) -> None:
        self.c.execute(insert(t.survey_links).values(response_id=response_id,
                                                     complaint_id=complaint_id, citizen_id=citizen_id))

    def period_items(self, survey_id: int, first: datetime, end: datetime) -> list[tuple]:
        """Per item, over the days [first, end): answers, sum, sum of squares, 해당없음, answers
        of 4 and over (top two of 5 points), of 6 and over (of 7 points), of 9 and over and of
        6 and under (0–10): all a summary needs, from the daily sums the triggers keep (a few
        hundred rows a month, not 200,000 answers). `first` and `end` are midnights. Counts as
        ints, sums as floats on both backends."""
        return [(item, int(n), float(total), float(total_sq), *(int(x) for x in rest))
                for item, n, total, total_sq, *rest in self.c.execute(text(
                    "SELECT d.item, sum(d.n), sum(d.total), sum(d.total_sq), sum(d.na),"
                    " sum(d.top5), sum(d.top7), sum(d.promoters), sum(d.detractors)"
                    " FROM survey_versions v JOIN survey_item_days d ON d.version_id = v.id"
                    " WHERE v.survey_id = :survey AND d.day >= :first AND d.day < :end"
                    " GROUP BY d.item ORDER BY d.item"), _days(survey_id, first, end))]

    def period_responses(self, survey_id: int, first: datetime, end: datetime) -> list[tuple]:
        """(mode, flags, responses) over the days [first, end), from the daily sums."""
        return [(mode, flags, int(n)) for mode, flags, n in self.c.execute(text(
            "SELECT d.mode, d.flags, sum(d.n) FROM survey_versions v"
            " JOIN survey_response_days d ON d.version_id = v.id"
            " WHERE v.survey_id = :survey AND d.day >= :first AND d.day < :end"
            " GROUP BY d.mode, d.flags HAVING sum(d.n) > 0 ORDER BY d.mode, d.flags"),
            _days(survey_id, first, end))]

    # --- the month's breakdowns and the phone sample ----------------------------------------

    BREAKDOWNS = {
        # dimension → (SQL of the group key, SQL of its label, joins after the answers)
        "mode": ("r.mode", "r.mode", ""),
        "channel": ("c.channel", "c.channel", " JOIN survey_links l ON l.response_id = r.id"
                    " JOIN complaints c ON c.id = l.complaint_id"),
        "type": ("c.type_code", "coalesce(ct.name, c.type_code)",
                 " JOIN survey_links l ON l.response_id = r.id"
                 " JOIN complaints c ON c.id = l.complaint_id"
                 " LEFT JOIN complaint_types ct ON ct.code = c.type_code"),
        "category": ("coalesce(p.id, k.id)", "coalesce(p.name, k.name)",
                     " JOIN survey_links l ON l.response_id = r.id"
                     " JOIN complaints c ON c.id = l.complaint_id"
                     " JOIN complaint_categories k ON k.id = c.category_id"
                     " LEFT JOIN complaint_categories p ON p.id = k.parent_id"),
        "department": ("c.department_id", "d.name", " JOIN survey_links l ON l.response_id = r.id"
                       " JOIN complaints c ON c.id = l.complaint_id"
                       " JOIN departments d ON d.id = c.department_id"),
        # a response linked to a resident only counts too; membership is today's, not the
        # one on the day of the answer (groups keep no history of leaving)
        "group": ("g.id", "g.name", " JOIN survey_links l ON l.response_id = r.id"
                  " LEFT JOIN complaints c ON c.id = l.complaint_id"
                  " JOIN citizen_groups cg ON cg.citizen_id = coalesce(l.citizen_id, c.citizen_id)"
                  " JOIN customer_groups g ON g.id = cg.group_id"),
    }

    def breakdown(self, survey_id: int, first: datetime, end: datetime, by: str,
                  item: str = "OVERALL") -> list[tuple]:
        """(label, answers, sum, sum of squares, 해당없음) of one item per group of `by` over
        [first, end); a group-by in SQL, never rows read one by one. A resident in two customer
        groups counts in both. The most answered first, ties in key order (one order on both
        backends)."""
        key, label, joins = self.BREAKDOWNS[by]
        sql = dialect.of(self.c)
        return [(name, int(n), float(total), float(total_sq), int(na))
                for name, n, total, total_sq, na in self.c.execute(text(
                    f"SELECT {label}, count(a.value_num), coalesce(sum(a.value_num), 0),"
                    f" coalesce(sum(a.value_num * a.value_num), 0), {sql.count_true('a.na')}"
                    " FROM survey_versions v JOIN survey_responses r ON r.version_id = v.id"
                    " JOIN survey_answers a ON a.response_id = r.id AND a.item = :item"
                    f"{joins}"
                    " WHERE v.survey_id = :survey AND r.submitted_at >= :first"
                    " AND r.submitted_at < :end"
                    f" GROUP BY {key}, {label} ORDER BY count(a.value_num) DESC, {key}"),
                    {"item": item, **_span(survey_id, first, end)})]

    def phone_sample(self, survey_id: int, first: datetime, end: datetime) -> tuple[int, int, int]:
        """Happy calls whose last attempt fell in [first, end): attempted, reached (someone
        took the call: 응답 or 거절, the contacted), and completed (a phone response of this
        survey, given in the same period, linked to the case)."""
        sql = dialect.of(self.c)
        completed = ("EXISTS (SELECT 1 FROM survey_links l"
                     " JOIN survey_responses r ON r.id = l.response_id AND r.mode = 'phone'"
                     "  AND r.submitted_at >= :first AND r.submitted_at < :end"
                     " JOIN survey_versions v ON v.id = r.version_id AND v.survey_id = :survey"
                     " WHERE l.complaint_id = h.complaint_id)")
        reached = sql.count_true("h.last_outcome IN ('answered', 'refused')")
        row = self.c.execute(text(
            f"SELECT count(*), {reached}, {sql.count_true(completed)}"
            " FROM happy_calls h WHERE h.attempts > 0 AND h.last_at >= :first AND h.last_at < :end"),
            _span(survey_id, first, end)).one()
        return int(row[0]), int(row[1]), int(row[2])

    def flagged_responses(self, survey_id: int, first: datetime, end: datetime,
                          limit: int = 200) -> list[tuple]:
        """(id, submitted_at, mode, seconds, flags) of the responses of the period with a
        quality flag, newest first (for the results screen)."""
        return [(i, as_datetime(at), mode, seconds, flags)
                for i, at, mode, seconds, flags in self.c.execute(text(
                    "SELECT r.id, r.submitted_at, r.mode, r.seconds, r.flags FROM survey_versions v"
                    " JOIN survey_responses r ON r.version_id = v.id"
                    " WHERE v.survey_id = :survey AND r.submitted_at >= :first"
                    " AND r.submitted_at < :end AND r.flags != ''"
                    " ORDER BY r.submitted_at DESC, r.id DESC LIMIT :limit"),
                    {**_span(survey_id, first, end), "limit": limit})]

    def export_versions(self, survey_id: int, first: datetime, end: datetime) -> list[tuple]:
        """(version id, version, definition) of the versions answered in [first, end)."""
        return [tuple(r) for r in self.c.execute(text(
            "SELECT v.id, v.version, v.definition FROM survey_versions v WHERE v.survey_id = :survey"
            " AND EXISTS (SELECT 1 FROM survey_responses r WHERE r.version_id = v.id"
            " AND r.submitted_at >= :first AND r.submitted_at < :end) ORDER BY v.version"),
            _span(survey_id, first, end))]

    def export_answers(self, survey_id: int, first: datetime, end: datetime) -> Iterator[tuple]:
        """(response, submitted_at, mode, version id, flags, item, value_num, value_text, na) of
        every answer of [first, end), by response and item, as they stream (a month may hold
        20,000 responses); a response without answers once, with item None. Times as
        datetimes, 해당없음 as a bool on both backends."""
        rows = self.c.execute(text(
            "SELECT r.id, r.submitted_at, r.mode, r.version_id, r.flags, a.item, a.value_num,"
            " a.value_text, a.na FROM survey_versions v JOIN survey_responses r"
            " ON r.version_id = v.id LEFT JOIN survey_answers a ON a.response_id = r.id"
            " WHERE v.survey_id = :survey AND r.submitted_at >= :first AND r.submitted_at < :end"
            " ORDER BY r.id, a.item").execution_options(stream_results=True, max_row_buffer=2000),
            _span(survey_id, first, end))
        for rid, at, mode, version_id, flags, item, number, value_text, na in rows:
            yield (rid, as_datetime(at), mode, version_id, flags, item, number, value_text,
                   None if na is None else bool(na))

    def definitions(self, survey_id: int) -> list[str]:
        """Every version's questionnaire JSON, oldest first."""
        v = t.survey_versions
        return list(self.c.execute(select(v.c.definition).where(v.c.survey_id == survey_id)
                                   .order_by(v.c.version)).scalars())

    def overview(self) -> list[dict]:
        """Every survey with its current version and how many responses it has."""
        return [{**r, "linked": bool(r["linked"]), "active": bool(r["active"]),
                 "created_at": as_datetime(r["created_at"]), "responses": int(r["responses"])}
                for r in self.c.execute(text(
                    "SELECT s.id, s.code, s.title, s.linked, s.active, s.created_at,"
                    " (SELECT max(version) FROM survey_versions WHERE survey_id = s.id) AS version,"
                    " (SELECT count(*) FROM survey_versions v JOIN survey_responses r"
                    "  ON r.version_id = v.id WHERE v.survey_id = s.id) AS responses"
                    " FROM surveys s ORDER BY s.id")).mappings()]

    # --- callbacks a manager owes -------------------------------------------------------------

    def add_callback(self, response_id: int, complaint_id: int | None, reason: str,
                     now: datetime) -> int:
        return self.c.execute(insert(t.survey_callbacks).values(
            response_id=response_id, complaint_id=complaint_id, reason=reason, created_at=now)
        ).inserted_primary_key[0]

    def callbacks(self, open_only: bool = True) -> list[dict]:
        """The callbacks with their 민원 (receipt number, title, applicant) and survey."""
        where = "WHERE b.done_at IS NULL" if open_only else ""
        return [{**r, "created_at": as_datetime(r["created_at"]),
                 "done_at": as_datetime(r["done_at"])} for r in self.c.execute(text(
            "SELECT b.id, b.reason, b.created_at, b.done_at, b.done_by, b.note, b.complaint_id,"
            " c.receipt_no, c.title, ci.name AS applicant, coalesce(l.citizen_id, c.citizen_id)"
            " AS citizen_id, s.code AS survey"
            " FROM survey_callbacks b JOIN survey_responses r ON r.id = b.response_id"
            " JOIN survey_versions v ON v.id = r.version_id JOIN surveys s ON s.id = v.survey_id"
            " LEFT JOIN survey_links l ON l.response_id = b.response_id"
            " LEFT JOIN complaints c ON c.id = b.complaint_id"
            " LEFT JOIN citizens ci ON ci.id = coalesce(l.citizen_id, c.citizen_id)"
            f" {where} ORDER BY b.created_at, b.id")).mappings()]

    def close_callback(self, callback_id: int, now: datetime, actor: str, note: str) -> bool:
        cb = t.survey_callbacks
        done = self.c.execute(update(cb).where(cb.c.id == callback_id, cb.c.done_at.is_(None))
                              .values(done_at=now, done_by=actor, note=note))
        return done.rowcount == 1

    def callback_citizen(self, callback_id: int) -> int | None:
        """Whose data a callback is about: the response's linked resident, else its 민원's."""
        return self.c.execute(text(
            "SELECT coalesce(l.citizen_id, c.citizen_id) FROM survey_callbacks b"
            " LEFT JOIN survey_links l ON l.response_id = b.response_id"
            " LEFT JOIN complaints c ON c.id = b.complaint_id WHERE b.id = :callback"),
            {"callback": callback_id}).scalar()

    # --- office-wide settings ---------------------------------------------------------------

    def setting(self, key: str, default: str = "") -> str:
        return office_setting(self.c, key, default)

    def set_setting(self, key: str, value: str) -> None:
        set_office_setting(self.c, key, value)


def _days(survey_id: int, first: datetime, end: datetime) -> dict:
    """The bounds of the daily sums' "YYYY-MM-DD" days (text on both backends)."""
    return {"survey": survey_id, "first": first.date().isoformat(), "end": end.date().isoformat()}


def _span(survey_id: int, first: datetime, end: datetime) -> dict:
    return {"survey": survey_id, "first": sql_datetime(first), "end": sql_datetime(end)}
