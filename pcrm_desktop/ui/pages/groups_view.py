"""고객집단: each group's size and profile (age bands, preferred channels, contacts)."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pcrm_desktop.domain.groups import GroupKind
from pcrm_desktop.services import groups as group_service
from pcrm_desktop.ui import dialogs
from pcrm_desktop.ui.i18n import Retranslatable
from pcrm_desktop.ui.labels import channel_name
from pcrm_desktop.ui.table_model import RowsModel

BANDS = ("~18", "19–34", "35–49", "50–64", "65+", "?")


def _share(part: int, whole: int) -> str:
    return f"{part / whole:.0%}" if whole else "-"


class GroupsView(Retranslatable, QWidget):
    show_members = Signal(str)   # a group code: show its members in the resident list
    changed = Signal(object)

    def __init__(self, ctx, runner) -> None:
        super().__init__()
        self.ctx, self.runner = ctx, runner
        self.model = RowsModel([
            (lambda: self.tr("고객집단"), lambda s: s.group.name),
            (lambda: self.tr("구분"), self._kind_text),
            (lambda: self.tr("인원"), lambda s: f"{s.size:,}"),
            *[(lambda b=b: b, lambda s, b=b: _share(s.age_bands.get(b, 0), s.size)) for b in BANDS],
            (lambda: self.tr("상담 (100명당)"), lambda s: f"{100 * s.interactions / s.size:.0f}" if s.size else "-")])
        self.table = QTableView()
        self.table.setObjectName("groupsTable")
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setObjectName("groupDetail")
        # two lines (channels, a saved search's conditions) with room to wrap
        self.detail.setMinimumHeight(self.fontMetrics().lineSpacing() * 3 + 4)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #4a5a6e;")
        self.members_button, self.remove_button = QPushButton(), QPushButton()
        self.members_button.setObjectName("showMembers")
        self.remove_button.setObjectName("removeSmartGroup")
        self.members_button.setEnabled(False)
        self.remove_button.setEnabled(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.members_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.detail)
        self.table.selectionModel().currentRowChanged.connect(lambda index, _: self._selected(index))
        self.table.doubleClicked.connect(lambda index: self.show_members.emit(
            self.model.row(index.row()).group.code))
        self.members_button.clicked.connect(lambda: self.selected() and self.show_members.emit(
            self.selected().group.code))
        self.remove_button.clicked.connect(self.remove_selected)
        self.retranslate_ui()

    def _kind_text(self, summary) -> str:
        return {GroupKind.DERIVED: self.tr("연령 기준"), GroupKind.ASSIGNED: self.tr("지정"),
                GroupKind.SMART: self.tr("저장한 검색")}[summary.group.kind]

    def selected(self):
        index = self.table.selectionModel().currentIndex()
        return self.model.row(index.row()) if index.isValid() else None

    def _selected(self, index) -> None:
        summary = self.model.row(index.row()) if index.isValid() else None
        self.members_button.setEnabled(summary is not None)
        self.remove_button.setEnabled(summary is not None and summary.group.kind is GroupKind.SMART)
        if summary is not None:
            self._show_detail(summary)
        else:
            self.detail.clear()

    def remove_selected(self) -> None:
        summary = self.selected()
        if summary is None or summary.group.kind is not GroupKind.SMART:
            return
        ctx, group_id = self.ctx, summary.group.id
        self.runner.run(lambda control: group_service.remove_smart_group(ctx, group_id),
                        self.changed.emit,
                        lambda error: dialogs.explain(self, self.tr("저장한 검색 지우기"), error))

    def retranslate_ui(self) -> None:
        self.table.setAccessibleName(self.tr("고객집단 목록"))
        self.note.setText(self.tr("연령 기준 집단은 출생연도로 계산하고, 지정 집단은 주민 정보에서 직원이 지정합니다. "
                                  "저장한 검색은 주민 목록의 [검색 저장…]으로 만듭니다. "
                                  "집단별 민원 건수와 만족도는 [분석·개선 › 고객집단·경로·동]에 있습니다."))
        self.members_button.setText(self.tr("주민 목록에서 보기"))
        self.remove_button.setText(self.tr("저장한 검색 지우기"))
        self.model.retranslate()

    def reload(self) -> None:
        ctx = self.ctx
        self.runner.run(lambda control: group_service.group_summaries(ctx), self._set_rows,
                        lambda error: None)

    def _set_rows(self, summaries: list) -> None:
        self.model.set_rows(summaries)
        self._selected(self.table.selectionModel().currentIndex())

    def _show_detail(self, summary) -> None:
        channels = sorted(summary.channels.items(), key=lambda kv: -kv[1])
        text = ", ".join(f"{channel_name(k) if k != '?' else self.tr('미상')} {_share(v, summary.size)}"
                         for k, v in channels)
        detail = self.tr("{group}: 선호 연락 방법 — {channels}").format(
            group=summary.group.name, channels=text or "-")
        rule = summary.group.search_rule
        if rule is not None:
            detail += "\n" + self.tr("조건: {rule}").format(rule=self._rule_text(rule))
        self.detail.setText(detail)

    def _rule_text(self, rule) -> str:
        names = {s.group.code: s.group.name for s in self.model.rows()}
        parts = []
        if rule.text:
            parts.append(self.tr("검색어 '{text}'").format(text=rule.text))
        if rule.dong_name:
            parts.append(rule.dong_name)
        parts += [names.get(code, code) for code in rule.group_codes]
        if rule.min_age is not None or rule.max_age is not None:
            parts.append(self.tr("나이 {low}~{high}").format(
                low="" if rule.min_age is None else rule.min_age,
                high="" if rule.max_age is None else rule.max_age))
        return ", ".join(parts) or "-"
