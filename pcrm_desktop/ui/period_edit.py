"""A processing period as it is set for a 민원 type or category: a number and its unit (일, 주,
개월, 년 단위). Days follow 법 제19조①② (in working hours up to 5 days, in days from 6, 0 = 즉시);
weeks, months and years are counted by the calendar (제19조③). The lowest value, -1, shows a
special text ("종류 따름", "사무별로 정함") and means no period of its own (None)."""
from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QSpinBox, QWidget

from pcrm_desktop.domain.deadlines import MAX_AMOUNT, SETTING_UNITS, Unit
from pcrm_desktop.ui.i18n import Retranslatable


class PeriodEdit(Retranslatable, QWidget):
    def __init__(self, name: str, special_text: str, parent: QWidget | None = None) -> None:
        """`name` says whose period it is (the controls' accessible names), `special_text`
        what -1 (no period of its own) shows; both already translated by the caller."""
        super().__init__(parent)
        self.name, self.special_text = name, special_text
        self.amount = QSpinBox()
        self.amount.setRange(-1, MAX_AMOUNT[Unit.DAYS])
        self.amount.setValue(-1)  # nothing chosen yet: no period of its own, not 즉시
        self.unit = QComboBox()
        for unit in SETTING_UNITS:
            self.unit.addItem("", unit.value)  # a str enum would come back as str
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.amount)
        layout.addWidget(self.unit)
        self.unit.currentIndexChanged.connect(lambda _: self._unit_changed())
        self.retranslate_ui()

    def setting(self) -> tuple[int | None, Unit]:
        """(number or None, unit), as the services take them; no period of its own is None
        days, whatever unit shows."""
        value = self.amount.value()
        return (None, Unit.DAYS) if value < 0 else (value, Unit(self.unit.currentData()))

    def set_setting(self, amount: int | None, unit: str | None) -> None:
        self.unit.setCurrentIndex(max(0, self.unit.findData(Unit(unit or Unit.DAYS).value)))
        self.amount.setValue(-1 if amount is None else amount)

    def _unit_changed(self) -> None:
        unit = Unit(self.unit.currentData())
        self.amount.setMaximum(MAX_AMOUNT[unit])  # clamps the number to the unit's range
        if unit is not Unit.DAYS and self.amount.value() == 0:
            self.amount.setValue(1)  # 즉시 is 0 days only

    def retranslate_ui(self) -> None:
        # "일 단위": a bare "일" is already 일요일 (Sun) in the translations, which are by text
        texts = {Unit.DAYS: self.tr("일 단위"), Unit.WEEKS: self.tr("주 단위"),
                 Unit.MONTHS: self.tr("개월 단위"), Unit.YEARS: self.tr("년 단위")}
        for index in range(self.unit.count()):
            self.unit.setItemText(index, texts[Unit(self.unit.itemData(index))])
        self.amount.setSpecialValueText(self.special_text)
        self.amount.setAccessibleName(self.tr("{name} 처리기간").format(name=self.name))
        self.unit.setAccessibleName(self.tr("{name} 처리기간 단위").format(name=self.name))
        # said here rather than in the page's notes, which have no height to spare at 1366×768
        rule = self.tr("일: 5일 이하는 근무시간, 6일 이상은 날짜로 세고 토·일요일과 공휴일은 빼며 0일은 즉시입니다"
                       "(법 제19조①②). 주·개월·년: 접수일을 첫날로 달력으로 세어 사이의 쉬는 날도 세고, 끝나는 "
                       "날이 토요일·공휴일이면 다음 근무일로 넘깁니다(법 제19조③, 민법 제160조·제161조).")
        self.unit.setToolTip(rule)
        self.unit.setAccessibleDescription(rule)

    def set_texts(self, name: str, special_text: str) -> None:
        """New texts after a language change (the caller translates them)."""
        self.name, self.special_text = name, special_text
        self.retranslate_ui()
