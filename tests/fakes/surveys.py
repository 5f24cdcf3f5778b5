"""Fake of the 만족도 조사 rows (db/survey_repo.py): surveys, versions, responses and answers,
and the period sums the summary reads (the real ones come from daily sums kept by triggers;
here they are added up from the answers, which is what those sums are)."""
from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import Any

from pcrm_desktop.db.citizen_repo import as_datetime
from tests.fakes.state import FakeIntegrityError, State

MODES = ("kiosk", "phone", "paper", "import")


class FakeSurveyRepository:
    def __init__(self, state: State) -> None:
        self.s = state

    # --- surveys and versions ---------------------------------------------------------------
    def by_code(self, code: str) -> dict[str, Any] | None:
        return next((dict(s) for s in self.s.surveys.values() if s["code"] == code), None)

    def add(self, code: str, title: str, linked: bool, now: datetime) -> int:
        if self.by_code(code) is not None:
            raise FakeIntegrityError(f"UNIQUE constraint failed: surveys.code ({code})")
        survey_id = self.s.new_id("surveys")
        self.s.surveys[survey_id] = {"id": survey_id, "code": code, "title": title,
                                     "linked": linked, "created_at": now, "active": True}
        return survey_id

    def _versions(self, survey_id: int) -> list[dict[str, Any]]:
        return sorted((v for v in self.s.survey_versions.values() if v["survey_id"] == survey_id),
                      key=lambda v: v["version"])

    def current_version(self, survey_id: int) -> dict[str, Any] | None:
        versions = self._versions(survey_id)
        return dict(versions[-1]) if versions else None

    def add_version(self, survey_id: int, version: int, definition: str, now: datetime) -> int:
        if survey_id not in self.s.surveys:
            raise FakeIntegrityError("FOREIGN KEY constraint failed: survey_versions.survey_id")
        if any(v["version"] == version for v in self._versions(survey_id)):
            raise FakeIntegrityError("UNIQUE constraint failed: survey_versions.survey_id, version")
        version_id = self.s.new_id("survey_versions")
        self.s.survey_versions[version_id] = {"id": version_id, "survey_id": survey_id,
                                              "version": version, "definition": definition,
                                              "created_at": now, "frozen_at": None}
        return version_id

    def replace_definition(self, version_id: int, definition: str) -> None:
        row = self.s.survey_versions.get(version_id)
        if row is not None and row["frozen_at"] is None:
            row["definition"] = definition

    def freeze(self, version_id: int, now: datetime) -> None:
        row = self.s.survey_versions.get(version_id)
        if row is not None and row["frozen_at"] is None:
            row["frozen_at"] = now

    def set_linked(self, survey_id: int, linked: bool) -> None:
        if survey_id in self.s.surveys:
            self.s.surveys[survey_id]["linked"] = linked

    def definitions(self, survey_id: int) -> list[str]:
        return [v["definition"] for v in self._versions(survey_id)]

    # --- responses ----------------------------------------------------------------------------
    def _responses(self, survey_id: int, first: datetime | None = None,
                   end: datetime | None = None) -> list[dict[str, Any]]:
        versions = {v["id"] for v in self._versions(survey_id)}
        return [r for _, r in sorted(self.s.responses.items()) if r["version_id"] in versions
                and (first is None or first <= r["submitted_at"])
                and (end is None or r["submitted_at"] < end)]

    def response_count(self, survey_id: int, version_id: int | None = None) -> int:
        return sum(version_id is None or r["version_id"] == version_id
                   for r in self._responses(survey_id))

    def _insert_response(self, response_id: int, version_id: int, mode: str, at: datetime,
                         seconds: int | None, flags: str, form_no: str | None) -> None:
        if version_id not in self.s.survey_versions:
            raise FakeIntegrityError("FOREIGN KEY constraint failed: survey_responses.version_id")
        if mode not in MODES:
            raise FakeIntegrityError("CHECK constraint failed: mode")
        if response_id in self.s.responses:
            raise FakeIntegrityError("UNIQUE constraint failed: survey_responses.id")
        self.s.took_id("survey_responses", response_id)
        self.s.responses[response_id] = {"id": response_id, "version_id": version_id,
                                         "mode": mode, "submitted_at": at, "seconds": seconds,
                                         "flags": flags, "form_no": form_no}

    def add_response(self, version_id: int, mode: str, at: datetime, seconds: int | None,
                     flags: str, answers: list[tuple[str, float | None, str | None, bool]],
                     form_no: str | None = None) -> int:
        response_id = self.next_response_id()
        self._insert_response(response_id, version_id, mode, at, seconds, flags, form_no)
        self.add_answers([(response_id, *a) for a in answers])
        return response_id

    def next_response_id(self) -> int:
        return max(self.s.responses, default=0) + 1

    def add_responses(self, rows: list[tuple[Any, ...]]) -> None:
        for response_id, version_id, mode, at, seconds, flags in rows:
            self._insert_response(response_id, version_id, mode, as_datetime(at), seconds,
                                  flags, None)

    def add_answers(self, rows: list[tuple[Any, ...]]) -> None:
        for response_id, item, value_num, value_text, na in rows:
            if response_id not in self.s.responses:
                raise FakeIntegrityError("FOREIGN KEY constraint failed: survey_answers.response_id")
            if (response_id, item) in self.s.answers:
                raise FakeIntegrityError("UNIQUE constraint failed: survey_answers")
            self.s.answers[response_id, item] = {
                "response_id": response_id, "item": item, "value_num": value_num,
                "value_text": value_text, "na": bool(na)}

    def link(self, response_id: int, complaint_id: int | None, citizen_id: int | None) -> None:
        if any(link["response_id"] == response_id for link in self.s.survey_links):
            raise FakeIntegrityError("UNIQUE constraint failed: survey_links.response_id")
        for value, known, column in ((response_id, self.s.responses, "response_id"),
                                     (complaint_id, self.s.complaints, "complaint_id"),
                                     (citizen_id, self.s.citizens, "citizen_id")):
            if value is not None and value not in known:
                raise FakeIntegrityError(f"FOREIGN KEY constraint failed: survey_links.{column}")
        self.s.survey_links.append({"response_id": response_id, "complaint_id": complaint_id,
                                    "citizen_id": citizen_id})

    def add_links(self, rows: list[tuple[Any, ...]]) -> None:
        for response_id, complaint_id, citizen_id in rows:
            self.link(response_id, complaint_id, citizen_id)

    def add_callbacks(self, rows: list[tuple[Any, ...]]) -> None:
        for response_id, complaint_id, reason, created_at in rows:
            self.add_callback(response_id, complaint_id, reason, as_datetime(created_at))

    # --- what the summary reads -------------------------------------------------------------
    def period_items(self, survey_id: int, first: datetime, end: datetime) -> list[tuple[Any, ...]]:
        """(item, n, Σx, Σx², 해당없음, ≥4, ≥6, ≥9, ≤6) per item of the days [first, end)."""
        sums: dict[str, list[float]] = {}
        days = {r["id"] for r in self._days(survey_id, first, end)}
        for (response_id, item), a in sorted(self.s.answers.items()):
            if response_id not in days:
                continue
            x = a["value_num"]
            row = sums.setdefault(item, [0, 0.0, 0.0, 0, 0, 0, 0, 0])
            if x is not None:
                for i, add in enumerate((1, x, x * x, 0, x >= 4, x >= 6, x >= 9, x <= 6)):
                    row[i] += add
            row[3] += bool(a["na"])
        return [(item, *(int(v) if i not in (1, 2) else v for i, v in enumerate(row)))
                for item, row in sorted(sums.items())]

    def _days(self, survey_id: int, first: datetime, end: datetime) -> list[dict[str, Any]]:
        """The responses of the whole days [first, end) (the daily sums are by day)."""
        return [r for r in self._responses(survey_id)
                if first.date() <= r["submitted_at"].date() < end.date()]

    def period_responses(self, survey_id: int, first: datetime,
                         end: datetime) -> list[tuple[Any, ...]]:
        """(mode, flags, responses) of the days [first, end)."""
        groups: dict[tuple[str, str], int] = {}
        for r in self._days(survey_id, first, end):
            groups[r["mode"], r["flags"]] = groups.get((r["mode"], r["flags"]), 0) + 1
        return [(mode, flags, n) for (mode, flags), n in sorted(groups.items())]

    def _link(self, response_id: int) -> dict[str, Any] | None:
        return next((link for link in self.s.survey_links if link["response_id"] == response_id),
                    None)

    def _keys(self, response: dict[str, Any], by: str) -> list[tuple[Any, Any]]:
        """(group key, label) of a response for one breakdown (joins as in BREAKDOWNS)."""
        s = self.s
        if by == "mode":
            return [(response["mode"], response["mode"])]
        link = self._link(response["id"])
        case = s.complaints.get(link["complaint_id"]) if link and link["complaint_id"] else None
        if by == "group":
            if link is None:
                return []
            citizen = link["citizen_id"] if link["citizen_id"] is not None else \
                (case["citizen_id"] if case else None)
            return [(g, s.customer_groups[g]["name"]) for c, g in sorted(s.citizen_groups)
                    if c == citizen]
        if case is None:
            return []
        if by == "channel":
            return [(case["channel"], case["channel"])]
        if by == "type":
            return [(case["type_code"], s.type_name(case["type_code"]) or case["type_code"])]
        if by == "category":
            category = s.categories.get(case["category_id"])
            if category is None:
                return []
            top = s.categories.get(category["parent_id"]) or category
            return [(top["id"], top["name"])]
        if by == "department":
            name = s.department_name(case["department_id"])
            return [] if name is None else [(case["department_id"], name)]
        raise KeyError(by)

    def breakdown(self, survey_id: int, first: datetime, end: datetime, by: str,
                  item: str = "OVERALL") -> list[tuple[Any, ...]]:
        groups: dict[Any, list[Any]] = {}
        for r in self._responses(survey_id, first, end):
            answer = self.s.answers.get((r["id"], item))
            if answer is None:
                continue
            for key, label in self._keys(r, by):
                row = groups.setdefault(key, [label, 0, 0.0, 0.0, 0])
                if answer["value_num"] is not None:
                    x = answer["value_num"]
                    row[1] += 1
                    row[2] += x
                    row[3] += x * x
                row[4] += int(answer["na"])
        return [tuple(row) for row in sorted(groups.values(), key=lambda row: -row[1])]

    def phone_sample(self, survey_id: int, first: datetime, end: datetime) -> tuple[int, int, int]:
        calls = [h for h in self.s.happy_calls.values() if h["attempts"] > 0
                 and h["last_at"] is not None and first <= h["last_at"] < end]
        answered = {self._link(r["id"])["complaint_id"] for r in self._responses(survey_id, first, end)
                    if r["mode"] == "phone" and self._link(r["id"])}
        return (len(calls), sum(h["last_outcome"] in ("answered", "refused") for h in calls),
                sum(h["complaint_id"] in answered for h in calls))

    def flagged_responses(self, survey_id: int, first: datetime, end: datetime,
                          limit: int = 200) -> list[tuple[Any, ...]]:
        rows = [r for r in self._responses(survey_id, first, end) if r["flags"] != ""]
        rows.sort(key=lambda r: r["submitted_at"], reverse=True)
        return [(r["id"], r["submitted_at"], r["mode"], r["seconds"], r["flags"])
                for r in rows[:limit]]

    def export_versions(self, survey_id: int, first: datetime,
                        end: datetime) -> list[tuple[Any, ...]]:
        answered = {r["version_id"] for r in self._responses(survey_id, first, end)}
        return [(v["id"], v["version"], v["definition"]) for v in self._versions(survey_id)
                if v["id"] in answered]

    def export_answers(self, survey_id: int, first: datetime,
                       end: datetime) -> Iterator[tuple[Any, ...]]:
        for r in self._responses(survey_id, first, end):
            head = (r["id"], r["submitted_at"], r["mode"], r["version_id"], r["flags"])
            answers = sorted((a for (rid, _), a in self.s.answers.items() if rid == r["id"]),
                             key=lambda a: a["item"])
            if not answers:
                yield (*head, None, None, None, None)
            for a in answers:
                yield (*head, a["item"], a["value_num"], a["value_text"], a["na"])

    def overview(self) -> list[dict[str, Any]]:
        return [{"id": s["id"], "code": s["code"], "title": s["title"], "linked": bool(s["linked"]),
                 "active": bool(s["active"]), "created_at": s["created_at"],
                 "version": max((v["version"] for v in self._versions(s["id"])), default=None),
                 "responses": self.response_count(s["id"])}
                for _, s in sorted(self.s.surveys.items())]

    # --- callbacks a manager owes -------------------------------------------------------------
    def add_callback(self, response_id: int, complaint_id: int | None, reason: str,
                     now: datetime) -> int:
        if response_id not in self.s.responses:
            raise FakeIntegrityError("FOREIGN KEY constraint failed: survey_callbacks.response_id")
        callback_id = self.s.new_id("survey_callbacks")
        self.s.callbacks[callback_id] = {"id": callback_id, "response_id": response_id,
                                         "complaint_id": complaint_id, "reason": reason,
                                         "created_at": now, "done_at": None, "done_by": None,
                                         "note": ""}
        return callback_id

    def callbacks(self, open_only: bool = True) -> list[dict[str, Any]]:
        s = self.s
        rows = sorted((b for b in s.callbacks.values() if not open_only or b["done_at"] is None),
                      key=lambda b: (b["created_at"], b["id"]))
        out = []
        for b in rows:
            case = s.complaints.get(b["complaint_id"]) if b["complaint_id"] else None
            citizen_id = self.callback_citizen(b["id"])
            version = s.survey_versions[s.responses[b["response_id"]]["version_id"]]
            out.append({"id": b["id"], "reason": b["reason"], "created_at": b["created_at"],
                        "done_at": b["done_at"], "done_by": b["done_by"], "note": b["note"],
                        "complaint_id": b["complaint_id"],
                        "receipt_no": case["receipt_no"] if case else None,
                        "title": case["title"] if case else None,
                        "applicant": s.citizen_name(citizen_id), "citizen_id": citizen_id,
                        "survey": s.surveys[version["survey_id"]]["code"]})
        return out

    def close_callback(self, callback_id: int, now: datetime, actor: str, note: str) -> bool:
        row = self.s.callbacks.get(callback_id)
        if row is None or row["done_at"] is not None:
            return False
        row.update(done_at=now, done_by=actor, note=note)
        return True

    def callback_citizen(self, callback_id: int) -> int | None:
        b = self.s.callbacks.get(callback_id)
        if b is None:
            return None
        link = self._link(b["response_id"])
        if link and link["citizen_id"] is not None:
            return link["citizen_id"]
        case = self.s.complaints.get(b["complaint_id"]) if b["complaint_id"] else None
        return case["citizen_id"] if case else None

    # --- office-wide settings (the same table as the office's) ----------------------------------
    def setting(self, key: str, default: str = "") -> str:
        return self.s.settings.get(key, default)

    def set_setting(self, key: str, value: str) -> None:
        self.s.settings[key] = value
