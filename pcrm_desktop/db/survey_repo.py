"""만족도 조사 rows: surveys, versions, responses and their answers, links; the answers of a
period for the summary, read as plain tuples (20,000 responses a month)."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import Connection, func, insert, select, update

from pcrm_desktop.db import tables as t
from pcrm_desktop.db.citizen_repo import sql_datetime


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
                     flags: str, answers: list[tuple[str, float | None, str | None, bool]]) -> int:
        response_id = self.c.execute(insert(t.survey_responses).values(
            version_id=version_id, mode=mode, submitted_at=at, seconds=seconds, flags=flags)
        ).inserted_primary_key[0]
        self.add_answers([(response_id, *a) for a in answers])
        return response_id

    def add_answers(self, rows: list[tuple]) -> None:
        """(response_id, item, value_num, value_text, na) rows, straight to the driver."""
        if rows:
            self.c.exec_driver_sql("INSERT INTO survey_answers (response_id, item, value_num,"
                                   " value_text, na) VALUES (?, ?, ?, ?, ?)", rows)

    def link(self, response_id: int, complaint_id: int | None, citizen_id: int | None) -> None:
        self.c.execute(insert(t.survey_links).values(response_id=response_id,
                                                     complaint_id=complaint_id, citizen_id=citizen_id))

    def period_items(self, survey_id: int, first: datetime, end: datetime):
        """Per item, over the responses of [first, end): answers, sum, sum of squares, 해당없음,
        answers of 4 and over (top two of 5 points), of 6 and over (of 7 points), of 9 and over
        and of 6 and under (0–10): all a summary needs, summed in SQL, not read row by row."""
        return self.c.exec_driver_sql(
            "SELECT a.item, count(a.value_num), coalesce(sum(a.value_num), 0),"
            " coalesce(sum(a.value_num * a.value_num), 0), sum(a.na),"
            " sum(a.value_num >= 4), sum(a.value_num >= 6), sum(a.value_num >= 9),"
            " sum(a.value_num <= 6)"
            " FROM survey_versions v JOIN survey_responses r ON r.version_id = v.id"
            " JOIN survey_answers a ON a.response_id = r.id"
            " WHERE v.survey_id = ? AND r.submitted_at >= ? AND r.submitted_at < ?"
            " GROUP BY a.item", (survey_id, sql_datetime(first), sql_datetime(end))).all()

    def period_responses(self, survey_id: int, first: datetime, end: datetime):
        """(mode, flags, responses) over [first, end)."""
        return self.c.exec_driver_sql(
            "SELECT r.mode, r.flags, count(*) FROM survey_versions v"
            " JOIN survey_responses r ON r.version_id = v.id"
            " WHERE v.survey_id = ? AND r.submitted_at >= ? AND r.submitted_at < ?"
            " GROUP BY r.mode, r.flags", (survey_id, sql_datetime(first), sql_datetime(end))).all()
