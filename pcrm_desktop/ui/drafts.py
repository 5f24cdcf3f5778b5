"""Autosave of what is typed into a form (a new 민원, a case's step), so a crash or a power cut
loses at most the last few seconds: `Autosave` writes the form's draft (services.drafts, masked)
every INTERVAL_MS while something typed is unsaved and changed since the last write, deletes it
when the form is saved or discarded (the form's `finished`), and keeps it when the form only went
away (the program stopped). The next sign-in offers the drafts back (ui/draft_offer.py).

The forms stay as they are: the fields a draft holds, and how they go back into the form, are
read here from the form's widgets."""
from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QDateTime, QObject, QTimer
from PySide6.QtWidgets import QComboBox, QDialog

from pcrm_desktop.domain.complaints import Action
from pcrm_desktop.domain.drafts import INTAKE, Draft, kind_of, new_intake_key, step_key
from pcrm_desktop.domain.text import mask_name
from pcrm_desktop.services import drafts as draft_service

log = logging.getLogger(__name__)
INTERVAL_MS = 3000


class Autosave(QObject):
    """The draft of one form: `collect()` gives its fields, `typed()` whether anything unsaved
    is in it; `restore(draft)`, when given, fills an untouched form with the draft found under
    the same kind and key once the store is open (a case's step)."""

    def __init__(self, form: QDialog, ctx, runner, kind: str, key: str,
                 collect: Callable[[], dict], typed: Callable[[], bool],
                 restore: Callable[[Draft], bool] | None = None) -> None:
        super().__init__(form)
        self.ctx, self.runner, self.kind, self.key = ctx, runner, kind, key
        self.collect, self.typed, self.restore = collect, typed, restore
        self.store: draft_service.DraftStore | None = None
        self.keep_on_finish = False  # the form went away but its work is not given up
        self.finished = False
        self._written: dict | None = None  # the fields this form last wrote (None: no draft)
        self.timer = QTimer(self, interval=INTERVAL_MS, timeout=self.flush)
        self.timer.start()
        form.finished.connect(self._finished)
        runner.run(lambda control: draft_service.open_store(ctx), self._opened,
                   lambda error: log.warning("drafts unavailable: %r", error))

    def _opened(self, store: draft_service.DraftStore) -> None:
        if self.finished:
            return
        self.store = store
        if self.restore is not None and not self.typed():
            draft = store.get(self.kind, self.key)
            if draft is not None and self.restore(draft):
                self.adopt()

    def adopt(self) -> None:
        """The form now holds its draft on disk: write again only when it changes."""
        self._written = self.collect()

    def flush(self) -> None:
        """Write the draft now if the form holds unsaved typing that changed; remove this
        form's draft when everything typed was taken out again."""
        if self.store is None:
            return
        if not self.typed():
            if self._written is not None:
                self.discard()
            return
        fields = self.collect()
        if fields == self._written:
            return
        try:
            self.store.keep(self.kind, self.key, fields, self.ctx.clock())
        except OSError:  # a full disk must not stop the typing: the next tick tries again
            log.warning("draft %s-%s not written", self.kind, self.key, exc_info=True)
            return
        self._written = fields

    def discard(self) -> None:
        self._written = None
        if self.store is not None:
            try:
                self.store.discard(self.kind, self.key)
            except OSError:
                log.warning("draft %s-%s not removed", self.kind, self.key, exc_info=True)

    def _finished(self, _result: int) -> None:
        """Saved, or given up by the clerk (Esc, 취소, ✕ after 버리고 닫기): the draft of what
        the form held goes. A form closed with nothing typed leaves the drafts alone."""
        self.timer.stop()
        self.finished = True
        if self.keep_on_finish:
            self.flush()
            return
        if self._written is None and not self.typed():
            return
        if self.store is None:  # closed before its store was open: remove it in the lane
            ctx, kind, key = self.ctx, self.kind, self.key
            self.runner.run(lambda control: draft_service.open_store(ctx).discard(kind, key),
                            lambda _: None, lambda error: None)
        self.discard()
        self.store = None  # no later tick brings it back


# --- 새 민원 (ui/complaint_intake.IntakeDialog) ------------------------------------------------

def autosave_intake(dialog) -> Autosave:
    key = new_intake_key(dialog.ctx.clock())
    return Autosave(dialog, dialog.ctx, dialog.runner, INTAKE, key,
                    lambda: intake_fields(dialog), dialog.is_dirty)


def intake_fields(d) -> dict:
    return {"received_at": d.received_at.dateTime().toPython().isoformat(timespec="minutes"),
            "channel": d.channel.currentData(), "epeople": d.epeople.text(),
            "type": d.type.currentData(), "category": d.category.currentData(),
            "title": d.title.text(), "content": d.content.toPlainText(), "dong": d.dong.text(),
            "road": d.road.text(), "department": d.department.currentData(),
            "assignee": d.assignee.currentData(), "priority": d.priority.currentData(),
            "citizen_id": d.citizen_id, "applicant_decided": d.applicant_decided,
            "applicant": mask_name(d.applicant.property("name") or "") if d.citizen_id else "",
            "files": list(d.files)}


def resume_intake(dialog, draft: Draft) -> None:
    """Fill a new intake form with a draft (its categories and staff read first, in the lane
    after the form's own reads), and keep writing to that draft."""
    from pcrm_desktop.services import complaints as complaint_service
    dialog.autosave.key = draft.key
    ctx = dialog.ctx
    dialog.runner.run(lambda control: complaint_service.categories(ctx),
                      lambda categories: _fill_intake(dialog, draft, categories),
                      lambda error: _fill_intake(dialog, draft, None))


def _fill_intake(d, draft: Draft, categories: list[dict] | None) -> None:
    f = draft.fields
    if categories is not None and categories != d.categories:
        d.categories = categories
        d.retranslate_ui()
    if f.get("received_at"):
        d.received_at.setDateTime(QDateTime(datetime.fromisoformat(f["received_at"])))
    for combo, name in ((d.channel, "channel"), (d.type, "type"), (d.category, "category"),
                        (d.department, "department"), (d.assignee, "assignee"),
                        (d.priority, "priority")):
        _choose(combo, f.get(name))
    for edit, name in ((d.epeople, "epeople"), (d.title, "title"), (d.dong, "dong"),
                       (d.road, "road")):
        edit.setText(str(f.get(name) or ""))
    d.content.setPlainText(str(f.get("content") or ""))
    d.applicant_decided = bool(f.get("applicant_decided"))
    d._set_applicant(f.get("citizen_id") or None, str(f.get("applicant") or ""))
    d.files = [p for p in f.get("files") or [] if isinstance(p, str) and Path(p).is_file()]
    d._show_files()
    d.autosave.adopt()


def _choose(combo: QComboBox, value) -> None:
    index = combo.findData(value)
    if index >= 0:
        combo.setCurrentIndex(index)


# --- a case's step (ui/complaint_action.ActionDialog): its note, or its reply ------------------

def autosave_step(dialog) -> Autosave:
    """Keyed by the case and the step: each step's note (or reply) of a case its own draft,
    which the same step's form of the same case takes up again when it opens. A step dropped
    because the case moved on keeps its draft."""
    autosave = Autosave(dialog, dialog.ctx, dialog.runner, kind_of(dialog.action),
                        step_key(dialog.case["id"], dialog.action), lambda: step_fields(dialog),
                        lambda: step_typed(dialog), lambda draft: fill_step(dialog, draft))
    dialog.dropped.connect(lambda _note: setattr(autosave, "keep_on_finish", True))
    return autosave


def step_fields(a) -> dict:
    fields = {"action": a.action.value, "receipt_no": a.case.get("receipt_no", ""),
              "note": a.note.toPlainText(), "answer": a.answer.toPlainText(),
              "agency": a.agency.text(), "result": a.result.currentData(),
              "method": a.method.currentData(),
              "notice": a.notice.toPlainText() if a._notice_typed else ""}
    if a.action is Action.EXTEND:
        fields["new_due"] = a.new_due.dateTime().toPython().isoformat(timespec="minutes")
    return fields


def step_typed(a) -> bool:
    return any(text.strip() for text in (a.note.toPlainText(), a.answer.toPlainText(),
                                         a.agency.text())) or bool(a._notice_typed)


def fill_step(a, draft: Draft) -> bool:
    """The draft into the step's form when it is a draft of the same step; False otherwise."""
    f = draft.fields
    if f.get("action") != a.action.value:
        return False
    a.note.setPlainText(str(f.get("note") or ""))
    a.answer.setPlainText(str(f.get("answer") or ""))
    a.agency.setText(str(f.get("agency") or ""))
    _choose(a.result, f.get("result"))
    _choose(a.method, f.get("method"))
    if f.get("new_due"):
        a.new_due.setDateTime(QDateTime(datetime.fromisoformat(f["new_due"])))
    if f.get("notice"):
        a.notice.setPlainText(str(f["notice"]))  # marks it typed: the template leaves it be
    return True
