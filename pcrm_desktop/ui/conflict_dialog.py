"""When two clerks saved the same record: show both versions and let the second one choose.

- `FieldConflictDialog`: field by field, only where "내가 고친 값" and "다른 사람이 저장한 값"
  differ. Defaults: a field only I changed keeps mine, a field only they changed takes theirs,
  a field we both changed asks (saving waits until every such field is chosen). The caller
  puts the chosen values into its form and saves against the stored version; if someone saved
  again meanwhile, the same happens again. Cancel changes nothing: the form keeps what was typed.
- `CaseMovedDialog`: a 민원 step refused because the case moved on (status, assignee, due date):
  what changed and who did what since, then re-apply the step on the case as it is now, or
  drop it. The note typed for it is kept either way.

The values shown are the ones the calling screen shows (the edit form shows full values; the
stored record was read for this by the service, which logs it like opening the form).
"""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from pcrm_desktop.domain.citizens import Citizen
from pcrm_desktop.domain.complaints import Action, Status, allowed_actions
from pcrm_desktop.domain.messages import with_particles
from pcrm_desktop.ui.complaint_labels import (
    action_name,
    action_title,
    moment,
    result_name,
    status_name,
)
from pcrm_desktop.ui.i18n import Retranslatable
from pcrm_desktop.ui.labels import accessibility_name, channel_name

MINE, THEIRS = "mine", "theirs"
BOTH_STYLE = "background: #fff4e5; border-radius: 3px; padding: 1px 4px; color: #5a3b00;"
CHOSEN_STYLE = "padding: 6px; border: 2px solid #2e7d32; border-radius: 3px; background: #f1f8f1;"
OTHER_STYLE = "padding: 6px; border: 1px solid #c8c8c8; border-radius: 3px; color: #666;"


@dataclass(frozen=True)
class FieldRow:
    """One field that differs: display texts and who changed it since the version read."""
    key: str
    label: str
    mine: str
    theirs: str
    mine_changed: bool
    theirs_changed: bool

    @property
    def default(self) -> str | None:
        if self.mine_changed and not self.theirs_changed:
            return MINE
        if self.theirs_changed and not self.mine_changed:
            return THEIRS
        return None  # both changed it: the clerk decides


def differing(base: dict, mine: dict, theirs: dict) -> list[tuple[str, bool, bool]]:
    """(key, I changed it, they changed it) for every key whose two new values differ."""
    return [(key, mine[key] != base.get(key), theirs[key] != base.get(key))
            for key in mine if mine[key] != theirs.get(key)]


# --- residents ------------------------------------------------------------------------------
CITIZEN_FIELDS = ("name", "birth_year", "gender", "phones", "email", "road", "detail", "dong",
                  "preferred_channel", "preferred_language", "accessibility", "memo", "groups")
LANGUAGE_NAMES = {"ko": "한국어", "en": "English", "zh": "中文", "vi": "Tiếng Việt", "ja": "日本語",
                  "th": "ภาษาไทย", "ru": "Русский", "uz": "Oʻzbekcha", "mn": "Монгол", "tl": "Filipino"}


def citizen_values(c: Citizen, group_ids) -> dict[str, object]:
    """What the resident form edits, comparable across versions (phones: the form's two)."""
    return {"name": c.name, "birth_year": c.birth_year, "gender": c.gender.value,
            "phones": tuple(c.phones[:2]), "email": c.email, "road": c.address.road,
            "detail": c.address.detail, "dong": c.address.dong_name,
            "preferred_channel": c.preferred_channel.value if c.preferred_channel else "",
            "preferred_language": c.preferred_language,
            "accessibility": frozenset(c.accessibility), "memo": c.memo,
            "groups": frozenset(group_ids)}


def citizen_label(key: str) -> str:
    labels = {
        "name": QCoreApplication.translate("ConflictDialog", "이름"),
        "birth_year": QCoreApplication.translate("ConflictDialog", "출생연도"),
        "gender": QCoreApplication.translate("ConflictDialog", "성별"),
        "phones": QCoreApplication.translate("ConflictDialog", "전화"),
        "email": QCoreApplication.translate("ConflictDialog", "전자우편"),
        "road": QCoreApplication.translate("ConflictDialog", "도로명주소"),
        "detail": QCoreApplication.translate("ConflictDialog", "상세주소"),
        "dong": QCoreApplication.translate("ConflictDialog", "법정동"),
        "preferred_channel": QCoreApplication.translate("ConflictDialog", "선호 연락 방법"),
        "preferred_language": QCoreApplication.translate("ConflictDialog", "선호 언어"),
        "accessibility": QCoreApplication.translate("ConflictDialog", "접근성 필요"),
        "memo": QCoreApplication.translate("ConflictDialog", "메모"),
        "groups": QCoreApplication.translate("ConflictDialog", "고객집단 (지정)"),
    }
    return labels[key]


def citizen_text(key: str, value, group_names: dict[int, str]) -> str:
    empty = QCoreApplication.translate("ConflictDialog", "(비어 있음)")
    unset = QCoreApplication.translate("ConflictDialog", "선택 안 함")
    if key == "gender":
        return {"F": QCoreApplication.translate("ConflictDialog", "여"),
                "M": QCoreApplication.translate("ConflictDialog", "남")}.get(value, unset)
    if key == "preferred_channel":
        return channel_name(value) if value else unset
    if key == "preferred_language":
        return LANGUAGE_NAMES.get(value, value)
    if key == "accessibility":
        return ", ".join(accessibility_name(a) for a in sorted(value)) or empty
    if key == "groups":
        return ", ".join(sorted(group_names.get(g, f"#{g}") for g in value)) or empty
    if key == "phones":
        return ", ".join(value) or empty
    if value is None or value == "":
        return empty
    return str(value)


def citizen_rows(base: dict, mine: dict, theirs: dict,
                 group_names: dict[int, str]) -> list[FieldRow]:
    return [FieldRow(key, citizen_label(key), citizen_text(key, mine[key], group_names),
                     citizen_text(key, theirs[key], group_names), mine_changed, theirs_changed)
            for key, mine_changed, theirs_changed in differing(base, mine, theirs)]


class FieldConflictDialog(Retranslatable, QDialog):
    """Both versions of the fields that differ; a choice per field."""

    def __init__(self, rows: list[FieldRow], record: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conflictDialog")
        self.rows, self.record = rows, record
        self.groups: dict[str, QButtonGroup] = {}
        self.buttons_of: dict[str, dict[str, QRadioButton]] = {}
        self.values: dict[tuple[str, str], QLabel] = {}
        self.notes: dict[str, QLabel] = {}
        self.intro = QLabel()
        self.intro.setObjectName("conflictIntro")
        self.intro.setWordWrap(True)
        grid = self._build_grid()
        self._build_buttons()
        self._lay_out(grid)
        self.retranslate_ui()
        self.resize(820, min(720, 220 + 80 * len(rows)))

    # --- construction ---------------------------------------------------------------------
    def _build_grid(self) -> QGridLayout:
        """A line per differing field: its name and who changed it, then both values, each
        with its choice."""
        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(8)
        self.headers = [QLabel() for _ in range(3)]
        for column, header in enumerate(self.headers):
            header.setStyleSheet("font-weight: bold;")
            grid.addWidget(header, 0, column)
        for n, row in enumerate(self.rows, start=1):
            grid.addLayout(self._field_cell(row), n, 0)
            group = QButtonGroup(self)
            self.groups[row.key] = group
            self.buttons_of[row.key] = {}
            for column, (side, text) in enumerate(((MINE, row.mine), (THEIRS, row.theirs)), start=1):
                grid.addLayout(self._value_cell(row, side, text, group), n, column)
            if row.default is not None:
                self.buttons_of[row.key][row.default].setChecked(True)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        grid.setRowStretch(len(self.rows) + 1, 1)
        return grid

    def _field_cell(self, row: FieldRow) -> QVBoxLayout:
        name = QLabel(f"<b>{row.label}</b>")
        note = QLabel()
        note.setObjectName(f"conflictNote_{row.key}")
        if row.mine_changed and row.theirs_changed:
            note.setStyleSheet(BOTH_STYLE)
        self.notes[row.key] = note
        cell = QVBoxLayout()
        cell.addWidget(name)
        cell.addWidget(note)
        cell.addStretch(1)
        return cell

    def _value_cell(self, row: FieldRow, side: str, text: str, group: QButtonGroup) -> QVBoxLayout:
        """One side's value under its choice; a click on the value chooses it too."""
        button = QRadioButton()
        button.setObjectName(f"conflict_{row.key}_{side}")
        group.addButton(button)
        self.buttons_of[row.key][side] = button
        value = QLabel(text)
        value.setObjectName(f"conflictValue_{row.key}_{side}")
        value.setWordWrap(True)
        value.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        value.setMinimumWidth(220)
        value.setMaximumHeight(160)
        value.setCursor(Qt.CursorShape.PointingHandCursor)
        value.mousePressEvent = lambda _event, b=button: b.setChecked(True)
        self.values[row.key, side] = value
        box = QVBoxLayout()
        box.setSpacing(2)
        box.addWidget(button)
        box.addWidget(value)
        box.addStretch(1)
        return box

    def _build_buttons(self) -> None:
        self.pending = QLabel()
        self.pending.setObjectName("conflictPending")
        self.pending.setStyleSheet("color: #b00020;")
        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setObjectName("conflictSave")
        self.cancel_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
        self.cancel_button.setObjectName("conflictCancel")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        for group in self.groups.values():
            group.buttonToggled.connect(self._update)

    def _lay_out(self, grid: QGridLayout) -> None:
        inner = QWidget()
        inner.setLayout(grid)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.pending)
        layout.addWidget(self.buttons)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("다른 사람이 먼저 저장했습니다"))
        self.intro.setText(with_particles(self.tr(
            "이 화면을 연 뒤 다른 사용자가 {record}을(를) 저장했습니다. 내 변경은 아직 저장하지 않았습니다.\n"
            "두 값이 다른 항목만 아래에 보입니다. 항목마다 남길 값을 고르십시오. 나만 고친 항목은 내 값, "
            "다른 사람만 고친 항목은 그 사람의 값이 미리 골라져 있고, 둘 다 고친 항목은 직접 고르십시오. "
            "나머지 항목은 두 사람의 변경이 모두 들어갑니다.").format(record=self.record)))
        for header, text in zip(self.headers, (self.tr("항목"), self.tr("내가 고친 값"),
                                               self.tr("다른 사람이 저장한 값"))):
            header.setText(text)
        for row in self.rows:
            self.notes[row.key].setText(
                self.tr("둘 다 고침 — 고르십시오") if row.mine_changed and row.theirs_changed
                else self.tr("내가 고침") if row.mine_changed else self.tr("다른 사람이 고침"))
            self.buttons_of[row.key][MINE].setText(self.tr("내 값 유지"))
            self.buttons_of[row.key][THEIRS].setText(self.tr("이 값 사용"))
        self.save_button.setText(self.tr("고른 값으로 저장"))
        self.cancel_button.setText(self.tr("돌아가기 (저장 안 함)"))
        self._update()

    def choose(self, key: str, side: str) -> None:
        self.buttons_of[key][side].setChecked(True)

    def choices(self) -> dict[str, str | None]:
        return {key: next((side for side, b in buttons.items() if b.isChecked()), None)
                for key, buttons in self.buttons_of.items()}

    def unchosen(self) -> list[str]:
        return [key for key, side in self.choices().items() if side is None]

    def _update(self, *_args) -> None:
        for key, side in self.choices().items():
            for option in (MINE, THEIRS):
                self.values[key, option].setStyleSheet(
                    CHOSEN_STYLE if side == option else OTHER_STYLE if side else
                    "padding: 6px; border: 1px dashed #e0a030; border-radius: 3px;")
        left = self.unchosen()
        self.save_button.setEnabled(not left)
        self.pending.setText(self.tr("아직 고르지 않은 항목: {fields}").format(
            fields=", ".join(r.label for r in self.rows if r.key in left)) if left else "")

    def accept(self) -> None:
        if self.unchosen():
            return
        super().accept()


# --- 민원 -----------------------------------------------------------------------------------
class CaseMovedDialog(Retranslatable, QDialog):
    """A 민원 step was refused because the case moved on. `choice` after closing: "reapply"
    (the same step on the case as it is now), "drop" (not at all), or None (back to the form)."""

    REAPPLY, DROP = "reapply", "drop"

    def __init__(self, seen: dict, current: dict, action: Action, note: str,
                 parent: QWidget | None = None,
                 me: tuple[int | None, frozenset[str]] = (None, frozenset())) -> None:
        super().__init__(parent)
        self.setObjectName("caseMovedDialog")
        self.seen, self.current, self.action, self.note = seen, current, action, note
        self.me = me  # (staff id, names) of the clerk: their own steps are "another window"
        self.choice: str | None = None
        self.allowed = action in allowed_actions(Status(current["status"]),
                                                 bool(current["extended"]))
        self.intro = QLabel()
        self.intro.setObjectName("caseMovedIntro")
        self.intro.setWordWrap(True)
        self.table = QGridLayout()
        self.table.setHorizontalSpacing(16)
        self.steps = QLabel()
        self.steps.setObjectName("caseMovedSteps")
        self.steps.setWordWrap(True)
        self.kept = QLabel()
        self.kept.setObjectName("caseMovedNote")
        self.kept.setWordWrap(True)
        self.kept.setStyleSheet("color: #444;")
        self.refused = QLabel()
        self.refused.setObjectName("caseMovedRefused")
        self.refused.setWordWrap(True)
        self.refused.setStyleSheet("color: #b00020;")
        self.reapply_button, self.drop_button, self.back_button = (QPushButton() for _ in range(3))
        self.reapply_button.setObjectName("caseMovedReapply")
        self.drop_button.setObjectName("caseMovedDrop")
        self.back_button.setObjectName("caseMovedBack")
        self.reapply_button.setEnabled(self.allowed)
        self.reapply_button.setDefault(self.allowed)
        self.reapply_button.clicked.connect(lambda: self._close(self.REAPPLY))
        self.drop_button.clicked.connect(lambda: self._close(self.DROP))
        self.back_button.clicked.connect(self.reject)
        buttons = QDialogButtonBox()
        for button in (self.reapply_button, self.drop_button, self.back_button):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(self.table)
        layout.addWidget(self.steps)
        layout.addWidget(self.kept)
        layout.addWidget(self.refused)
        layout.setSpacing(12)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.retranslate_ui()
        self.resize(700, 380)

    def changes(self) -> list[tuple[str, str, str]]:
        """(what, as I saw it, as it is now) for the workflow fields that changed."""
        seen, now = self.seen, self.current

        def who(case):
            return " ".join(x for x in (case.get("department") or "", case.get("assignee") or "")
                            if x) or self.tr("(미배정)")

        def due(case):
            return moment(case["due_at"]) + (self.tr(" (연장)") if case.get("extended") else "")

        def result(case):
            return result_name(case["result"]) if case.get("result") else "-"
        rows = [(self.tr("상태"), status_name(seen["status"]), status_name(now["status"])),
                (self.tr("담당"), who(seen), who(now)), (self.tr("처리기한"), due(seen), due(now)),
                (self.tr("처리 결과"), result(seen), result(now))]
        return [row for row in rows if row[1] != row[2]]

    def new_steps(self) -> list[dict]:
        """Steps in the case's history after the last one this clerk had seen."""
        seen_events = self.seen.get("events") or []
        last = seen_events[-1]["at"] if seen_events else None
        return [e for e in self.current.get("events", []) if last is None or e["at"] > last]

    def _mine(self, event: dict) -> bool:
        staff_id, names = self.me
        if event.get("staff_id") is not None and staff_id is not None:
            return event["staff_id"] == staff_id
        return event.get("actor") in names

    def who_text(self) -> str:
        """Who moved the case on and when: by name, or "this account, in another window"."""
        steps = self.new_steps()
        if not steps:
            at = self.current.get("updated_at")
            return self.tr("이 화면을 연 뒤 {at}에 이 민원이 바뀌었습니다.").format(
                at=moment(at) if at else "-")
        at = moment(steps[-1]["at"])
        others = list(dict.fromkeys(e["actor"] for e in steps if not self._mine(e)))
        if not others:
            return self.tr("이 화면을 연 뒤 같은 계정의 다른 창(또는 다른 PC)에서 {at}에 이 민원을 "
                           "처리했습니다.").format(at=at)
        return self.tr("이 화면을 연 뒤 {who} 님이 {at}에 이 민원을 처리했습니다.").format(
            who=", ".join(others), at=at)

    def retranslate_ui(self) -> None:
        name = action_title(self.action)
        self.setWindowTitle(self.tr("민원이 그사이 바뀌었습니다"))
        self.intro.setText(with_particles(self.tr(
            "{no}: {who} 내 처리 '{action}'은(는) 아직 저장하지 않았습니다. "
            "바뀐 내용을 확인하고, 지금 상태의 민원에 다시 적용할지 정하십시오."
        ).format(no=self.seen.get("receipt_no", ""), who=self.who_text(), action=name)))
        while self.table.count():
            item = self.table.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        changes = self.changes()
        if changes:
            for column, text in enumerate((self.tr("항목"), self.tr("내가 본 값"), self.tr("지금 값"))):
                header = QLabel(text)
                header.setStyleSheet("font-weight: bold;")
                self.table.addWidget(header, 0, column)
            for n, (what, before, after) in enumerate(changes, start=1):
                for column, text in enumerate((what, before, after)):
                    cell = QLabel(text)
                    cell.setObjectName(f"caseMoved_{n}_{column}")
                    self.table.addWidget(cell, n, column)
        steps = self.new_steps()
        self.steps.setText(self.tr("그사이 처리된 내용:") + "\n" + "\n".join(
            f"· {moment(e['at'])}  {e['actor']}  {action_name(e['kind'])}"
            + (f" → {status_name(e['to_status'])}" if e.get("to_status") else "")
            for e in steps) if steps else self.tr("(그사이 새로 기록된 처리 단계는 없습니다)"))
        self.kept.setText(self.tr("내가 쓴 내용은 지워지지 않습니다: {note}").format(
            note=self.note.strip() or self.tr("(없음)")))
        self.refused.setText("" if self.allowed else with_particles(self.tr(
            "지금 상태({status})에서는 '{action}'을(를) 할 수 없습니다. 적용하지 않거나 돌아가십시오.").format(
            status=status_name(self.current["status"]), action=name)))
        self.reapply_button.setText(self.tr("지금 상태에 다시 적용"))
        self.drop_button.setText(self.tr("적용하지 않음"))
        self.back_button.setText(self.tr("돌아가기"))

    def _close(self, choice: str) -> None:
        self.choice = choice
        self.accept()
