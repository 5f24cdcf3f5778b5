"""Residents: writes, the two-character and full-text search indexes, and history moves."""
from __future__ import annotations

from datetime import date, datetime
from functools import lru_cache
from operator import itemgetter

from sqlalchemy import Connection, and_, column, delete, insert, or_, select, text, update
from sqlalchemy import table as table_clause

from pcrm_desktop.db import dialect
from pcrm_desktop.db import tables as t
from pcrm_desktop.domain.citizens import Address, Channel, Citizen, Gender
from pcrm_desktop.domain.duplicates import MatchFacts
from pcrm_desktop.domain.phone import digits_of
from pcrm_desktop.domain.text import nfc
from pcrm_desktop.domain.timestamps import (  # noqa: F401 - db/ modules import them from here
    as_datetime,
    sql_date,
    sql_datetime,
)


def name_key(name: str) -> str:
    """The sort and search form of a name: NFC, no spaces, lower case (for Latin names)."""
    return nfc(name).replace(" ", "").lower()


def bigrams(value: str) -> set[str]:
    value = name_key(value)
    return {value[i:i + 2] for i in range(len(value) - 1)}


@lru_cache(maxsize=8192)
def _place_grams(place: str) -> frozenset[str]:
    """Grams of a 동 or road name: a district has a few hundred of them, shared by thousands."""
    return frozenset(bigrams(place))


def search_grams(name: str, dong_name: str, road: str = "") -> set[str]:
    """Pieces that a two-character search can meet: the name, the 동 and the road name
    (the …로 or …길 word of the address, not the city or 구 before it)."""
    grams = bigrams(name) | _place_grams(dong_name)
    for word in nfc(road).split():
        if word.endswith(("로", "길")) and not word[0].isdigit():
            grams |= _place_grams(word)
    return grams


FIELD_COLUMNS = ("name", "name_key", "birth_year", "birth_date", "gender", "email", "road",
                 "address_detail", "dong_code", "dong_name", "preferred_channel",
                 "preferred_language", "accessibility", "memo")


def citizen_fields(c: Citizen) -> tuple:
    """The stored columns of a resident, in FIELD_COLUMNS order."""
    a = c.address
    return (c.name, name_key(c.name), c.birth_year, c.birth_date, c.gender.value, c.email,
            a.road, a.detail, a.dong_code, a.dong_name,
            c.preferred_channel.value if c.preferred_channel else None,
            c.preferred_language, ",".join(c.accessibility), c.memo)


def citizen_values(c: Citizen, now: datetime) -> dict:
    return dict(zip(FIELD_COLUMNS, citizen_fields(c)), updated_at=now)


PHONE_COLUMNS = ("citizen_id", "number", "digits", "tail4", "position")
GRAM_COLUMNS = ("gram", "citizen_id")
FTS_COLUMNS = ("rowid", "address", "phones")
# The address and phone-digit text index (SQLite: an FTS5 table; a server: a plain table with
# pg_trgm indexes). rowid = citizens.id on both: the same writes serve both.
citizen_fts = table_clause("citizen_fts", *(column(name) for name in FTS_COLUMNS))


def child_rows(citizen_id: int, c: Citizen, phones: list, grams: list, fts: list) -> None:
    """Append the rows of the phone, two-character and full-text tables for one resident."""
    digits = []
    for position, number in enumerate(c.phones):
        d = digits_of(number)
        digits.append(d)
        phones.append((citizen_id, number, d, d[-4:], position))
    a = c.address
    grams.extend((g, citizen_id) for g in search_grams(c.name, a.dong_name, a.road))
    fts.append((citizen_id, " ".join(x for x in (a.road, a.detail, a.dong_name) if x),
                " ".join(digits)))


CITIZEN_COLUMNS = ("id", *FIELD_COLUMNS, "version", "created_at", "updated_at")


def citizen_tuple(citizen_id: int, c: Citizen, stamp: str) -> tuple:
    fields = citizen_fields(c)
    if c.birth_date is not None:  # the driver gets the text SQLAlchemy's Date type would store
        fields = (*fields[:3], sql_date(c.birth_date), *fields[4:])
    return (citizen_id, *fields, 1, stamp, stamp)


DELETE_FTS = text("DELETE FROM citizen_fts WHERE rowid = :rowid")


class CitizenRepository:
    def __init__(self, connection: Connection) -> None:
        self.c = connection

    # --- writes ---------------------------------------------------------------------------
    def add(self, citizen: Citizen, now: datetime) -> int:
        values = citizen_values(citizen, now)
        citizen_id = self.c.execute(insert(t.citizens).values(created_at=now, version=1, **values)
                                    ).inserted_primary_key[0]
        self._write_children(citizen_id, citizen)
        return citizen_id

    def update(self, citizen: Citizen, now: datetime) -> bool:
        """Write if nobody changed the record since `citizen.version` was read."""
        old = self._indexed(citizen.id)
        done = self.c.execute(update(t.citizens).where(
            t.citizens.c.id == citizen.id, t.citizens.c.version == citizen.version
        ).values(version=t.citizens.c.version + 1, **citizen_values(citizen, now)))
        if done.rowcount != 1:
            return False
        self._clear_children(citizen.id, old)
        self._write_children(citizen.id, citizen)
        return True

    def _write_children(self, citizen_id: int, citizen: Citizen) -> None:
        phones: list[tuple] = []
        grams: list[tuple] = []
        fts: list[tuple] = []
        child_rows(citizen_id, citizen, phones, grams, fts)
        self._write_child_rows(phones, sorted(grams), fts)

    def _write_child_rows(self, phones: list[tuple], grams: list[tuple], fts: list[tuple]) -> None:
        dialect.bulk_insert(self.c, t.citizen_phones, PHONE_COLUMNS, phones)
        dialect.bulk_insert(self.c, t.citizen_grams, GRAM_COLUMNS, grams)
        dialect.bulk_insert(self.c, citizen_fts, FTS_COLUMNS, fts)

    def _indexed(self, citizen_id: int) -> tuple[str, str, str]:
        row = self.c.execute(select(t.citizens.c.name, t.citizens.c.dong_name, t.citizens.c.road)
                             .where(t.citizens.c.id == citizen_id)).first()
        return (row.name, row.dong_name, row.road) if row else ("", "", "")

    def _clear_children(self, citizen_id: int, indexed: tuple[str, str, str]) -> None:
        self.c.execute(delete(t.citizen_phones).where(t.citizen_phones.c.citizen_id == citizen_id))
        for gram in search_grams(*indexed):
            self.c.execute(delete(t.citizen_grams).where(
                t.citizen_grams.c.gram == gram, t.citizen_grams.c.citizen_id == citizen_id))
        self.c.execute(DELETE_FTS, dict(rowid=citizen_id))

    def delete(self, citizen_id: int) -> None:
        self._clear_children(citizen_id, self._indexed(citizen_id))
        self.c.execute(delete(t.citizens).where(t.citizens.c.id == citizen_id))

    def bulk_add(self, citizens: list[Citizen], now: datetime) -> list[int]:
        """Insert many at once (imports, demo) in the caller's transaction. Rows go as tuples
        (dialect.bulk_insert: on SQLite straight to the driver's executemany, SQLAlchemy's
        per-row parameter handling would cost more than SQLite itself), with explicit ids: a
        server's sequence is moved past them."""
        first = dialect.next_id(self.c, "citizens")  # above every id ever used (AUTOINCREMENT's rule)
        ids = list(range(first, first + len(citizens)))
        stamp = sql_datetime(now)
        phones: list[tuple] = []
        grams: list[tuple] = []
        fts: list[tuple] = []
        rows = []
        for i, c in zip(ids, citizens):
            rows.append(citizen_tuple(i, c, stamp))
            child_rows(i, c, phones, grams, fts)
        # In index order, so each insert lands next to the previous one. Rows were added in id
        # order and the sort is stable: sorting by the gram alone gives (gram, id) order.
        grams.sort(key=itemgetter(0))
        dialect.bulk_insert(self.c, t.citizens, CITIZEN_COLUMNS, rows)
        self._write_child_rows(phones, grams, fts)
        return ids

    def bulk_link_groups(self, rows: list[tuple[int, int, date]]) -> None:
        """(citizen_id, group_id, since) rows."""
        dialect.bulk_insert(self.c, t.citizen_groups, ("citizen_id", "group_id", "since"),
                            [(c, g, sql_date(d)) for c, g, d in rows])

    def bulk_add_interactions(self, rows: list[tuple]) -> None:
        """(citizen_id, at, channel, kind, summary, staff_id) rows."""
        dialect.bulk_insert(
            self.c, t.interactions, ("citizen_id", "at", "channel", "kind", "summary", "staff_id"),
            [(r[0], sql_datetime(r[1]), *r[2:]) for r in rows])

    # --- reads ----------------------------------------------------------------------------
    def get(self, citizen_id: int) -> Citizen | None:
        row = self.c.execute(select(t.citizens).where(t.citizens.c.id == citizen_id)).mappings().first()
        if row is None:
            return None
        phones = self.c.execute(select(t.citizen_phones.c.number).where(
            t.citizen_phones.c.citizen_id == citizen_id).order_by(t.citizen_phones.c.position)
        ).scalars().all()
        return row_to_citizen(row, tuple(phones))

    def exists(self, citizen_id: int) -> bool:
        return self.c.execute(select(t.citizens.c.id).where(t.citizens.c.id == citizen_id)).first() is not None

    def candidates(self, facts: MatchFacts, exclude_id: int | None = None) -> list[Citizen]:
        """Every record that may be the same person: a shared phone number, or the same name
        and birth year (without a shared phone nothing else reaches the duplicate threshold,
        see domain.duplicates). Both lookups are indexed and small even for common names."""
        digits = [digits_of(p) for p in facts.phones if p]
        by_phone = select(t.citizen_phones.c.citizen_id).where(t.citizen_phones.c.digits.in_(digits))
        same_person = and_(t.citizens.c.name_key == name_key(facts.name),
                           t.citizens.c.birth_year == facts.birth_year)
        query = select(t.citizens.c.id).where(or_(same_person, t.citizens.c.id.in_(by_phone)))
        if exclude_id is not None:
            query = query.where(t.citizens.c.id != exclude_id)
        ids = self.c.execute(query).scalars().all()
        return [c for c in (self.get(i) for i in ids) if c is not None]

    # --- groups, interactions, consents ---------------------------------------------------
    def group_ids(self, citizen_id: int) -> list[int]:
        return list(self.c.execute(select(t.citizen_groups.c.group_id).where(
            t.citizen_groups.c.citizen_id == citizen_id)).scalars())

    def set_groups(self, citizen_id: int, group_ids: list[int], since: date) -> None:
        current = set(self.group_ids(citizen_id))
        wanted = set(group_ids)
        if current - wanted:
            self.c.execute(delete(t.citizen_groups).where(and_(
                t.citizen_groups.c.citizen_id == citizen_id,
                t.citizen_groups.c.group_id.in_(current - wanted))))
        if wanted - current:
            self.c.execute(insert(t.citizen_groups), [
                dict(citizen_id=citizen_id, group_id=g, since=since) for g in sorted(wanted - current)])

    def add_interaction(self, citizen_id: int, at: datetime, channel: str, kind: str,
                        summary: str, staff_id: int | None) -> int:
        return self.c.execute(insert(t.interactions).values(
            citizen_id=citizen_id, at=at, channel=channel, kind=kind, summary=summary,
            staff_id=staff_id)).inserted_primary_key[0]

    def add_consent(self, citizen_id: int, purpose: str, items: str, given_on: date,
                    retention_until: date, method: str) -> int:
        return self.c.execute(insert(t.consents).values(
            citizen_id=citizen_id, purpose=purpose, items=items, given_on=given_on,
            retention_until=retention_until, method=method)).inserted_primary_key[0]

    def move_history(self, from_id: int, to_id: int, since: date) -> dict[str, int]:
        """Move everything attached to `from_id` onto `to_id`; say how many rows of each."""
        moved = {}
        for table in (t.interactions, t.consents, t.complaints, t.survey_links):
            moved[table.name] = self.c.execute(update(table).where(
                table.c.citizen_id == from_id).values(citizen_id=to_id)).rowcount
        groups = set(self.group_ids(from_id)) | set(self.group_ids(to_id))
        moved["citizen_groups"] = len(set(self.group_ids(from_id)) - set(self.group_ids(to_id)))
        self.set_groups(to_id, sorted(groups), since)
        return moved


def row_to_citizen(row, phones: tuple[str, ...]) -> Citizen:
    return Citizen(
        id=row["id"], name=row["name"], birth_year=row["birth_year"], birth_date=row["birth_date"],
        gender=Gender(row["gender"]), phones=phones, email=row["email"],
        address=Address(row["road"], row["address_detail"], row["dong_code"], row["dong_name"]),
        preferred_channel=Channel(row["preferred_channel"]) if row["preferred_channel"] else None,
        preferred_language=row["preferred_language"],
        accessibility=tuple(a for a in row["accessibility"].split(",") if a),
        memo=row["memo"], version=row["version"])
