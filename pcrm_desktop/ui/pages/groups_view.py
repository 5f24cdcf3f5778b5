"""고객집단: each group's size and profile (age bands, preferred channels, contacts)."""
from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pcrm_desktop.services import groups as group_service
from pcrm_desktop.ui.i18n import Retranslatable
from pcrm_desktop.ui.labels import channel_name
from pcrm_desktop.ui.table_model import RowsModel

BANDS = ("~18", "19–34", "35–49", "50–64", "65+", "?")


def _share(part: int, whole: int) -> str:
    return f"{part / whole:.0%}" if whole else "-"


class GroupsView(Retranslatable, QWidget):
    def __init__(self, ctx, runner) -> None:
        super().__init__()
        self.ctx, self.runner = ctx, runner
        self.model = RowsModel([
            (lambda: self.tr("고객집단"), lambda s: s.group.name),
            (lambda: self.tr("구분"), lambda s: self.tr("연령 기준") if s.group.kind.value == "derived" else self.tr("지정")),
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
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #4a5a6e;")
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail)
        self.table.clicked.connect(lambda index: self._show_detail(self.model.row(index.row())))
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.note.setText(self.tr("연령 기준 집단은 출생연도로 계산하고, 지정 집단은 주민 정보에서 직원이 지정합니다. "
                                  "민원 건수와 만족도는 해당 기능이 추가되면 함께 표시됩니다."))
        self.model.retranslate()

    def reload(self) -> None:
        ctx = self.ctx
        self.runner.run(lambda control: group_service.group_summaries(ctx), self.model.set_rows,
                        lambda error: None)

    def _show_detail(self, summary) -> None:
        channels = sorted(summary.channels.items(), key=lambda kv: -kv[1])
        text = ", ".join(f"{channel_name(k) if k != '?' else self.tr('미상')} {_share(v, summary.size)}"
                         for k, v in channels)
        self.detail.setText(self.tr("{group}: 선호 연락 방법 — {channels}").format(
            group=summary.group.name, channels=text or "-"))
