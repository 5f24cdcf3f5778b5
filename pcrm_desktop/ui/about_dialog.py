"""PCRM Desktop 정보: which program, which database at which schema, which folders — what a
support call asks first — and the open-source components with their licences (the LGPL-3.0 for
Qt, the OFL for the font: users must be able to read them).

The schema is read from the database, and the components' metadata and licence files from disk
(a third of a second the first time), both in the task lane; the dialog shows at once and fills
in when they arrive.
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from pcrm_desktop import APP_NAME, licences
from pcrm_desktop.domain.errors import DomainError
from pcrm_desktop.domain.messages import with_particles
from pcrm_desktop.services import about
from pcrm_desktop.ui.appearance import icon
from pcrm_desktop.ui.i18n import Retranslatable, error_text
from pcrm_desktop.ui.table_model import RowsModel, figures_table
from pcrm_desktop.ui.tasks import TaskRunner

LOADING = object()  # the schema before its answer came


def licence_catalogue() -> tuple[list[licences.Component], dict[str, str]]:
    """The components and each one's full licence text (for the task lane: disk reads)."""
    found = licences.components()
    texts = {c.name: licences.full_text(c) for c in found}
    texts[licences.NOTICE] = licences.resource_text(licences.NOTICE)
    return found, texts


class AboutDialog(Retranslatable, QDialog):
    def __init__(self, database: Path | None, database_label: str, runner: TaskRunner,
                 parent: QWidget | None = None, server: str | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.database, self.database_label, self.runner = database, database_label, runner
        self.server = server  # an office server's URL (its schema is read there)
        self.installation = about.installation()
        self.schema: object = LOADING     # the stored revision (None: the database has none)
        self.schema_error: str | None = None  # why it could not be read ("" when unexplained)
        self.texts: dict[str, str] = {}
        self._build()
        self.retranslate_ui()
        self.resize(760, 600)
        self._load()

    # --- construction -------------------------------------------------------------------------
    def _build(self) -> None:
        self.tabs = QTabWidget(objectName="aboutTabs")
        self.tabs.addTab(self._facts_tab(), "")
        self.tabs.addTab(self._licences_tab(), "")
        self.copy_button = QPushButton(objectName="aboutCopy", clicked=self.copy_facts)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, rejected=self.reject)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addLayout(self._header())
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)

    def _header(self) -> QHBoxLayout:
        logo = QLabel(pixmap=icon("app").pixmap(56, 56))
        self.title = QLabel(objectName="aboutTitle")
        self.title.setStyleSheet("font-size: 16pt; font-weight: bold;")
        self.tagline = QLabel(objectName="aboutTagline", wordWrap=True)
        text = QVBoxLayout()
        text.addWidget(self.title)
        text.addWidget(self.tagline)
        header = QHBoxLayout()
        header.addWidget(logo, 0, Qt.AlignmentFlag.AlignTop)
        header.addLayout(text, 1)
        return header

    def _facts(self) -> list[tuple[str, Callable[[], str], Callable[[], str]]]:
        """(name, label, value) of each line of the 정보 tab, in the current language."""
        info, folder = self.installation, self.database.parent if self.database else None
        return [
            ("version", lambda: self.tr("버전"), lambda: info.version),
            ("database", lambda: self.tr("데이터베이스 파일") if self.database
             else self.tr("데이터베이스 서버"), lambda: str(self.database or self.database_label)),
            ("folder", lambda: self.tr("데이터 폴더"), lambda: str(folder or "—")),
            ("log", lambda: self.tr("로그 파일"), lambda: str(info.log_file)),
            ("schema", lambda: self.tr("데이터베이스 스키마"), self._schema_text),
            ("expected", lambda: self.tr("이 프로그램의 스키마"), lambda: info.schema),
            ("python", lambda: "Python", lambda: info.python),
            ("qt", lambda: "Qt", qVersion),
            ("pyside", lambda: "PySide6", lambda: PySide6.__version__),
            ("bundle", lambda: self.tr("실행 형태"), lambda: self.tr(
                "설치본 (PyInstaller 번들)") if info.bundled else self.tr("소스 코드에서 실행")),
        ]

    def _facts_tab(self) -> QWidget:
        tab = QWidget()
        form = QFormLayout(tab)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.fact_labels: dict[str, tuple[QLabel, QLineEdit]] = {}
        for name, _label, _value in self._facts():
            # A long path (no spaces) does not wrap in a label: a bare line edit scrolls, and
            # lets a clerk select and copy it.
            label = QLabel()
            value = QLineEdit(objectName=f"about_{name}", readOnly=True, frame=False)
            value.setStyleSheet("QLineEdit { background: transparent; }")
            form.addRow(label, value)
            self.fact_labels[name] = (label, value)
        return tab

    def _licences_tab(self) -> QWidget:
        self.licence_intro = QLabel(objectName="licenceIntro", wordWrap=True)
        self.licence_model = RowsModel([
            (lambda: self.tr("구성요소"), lambda c: c.name),
            (lambda: self.tr("버전"), lambda c: c.version or "—"),
            (lambda: self.tr("라이선스"), lambda c: c.licence or self.tr("알 수 없음")),
        ])
        self.licence_table = figures_table(self.licence_model, "licenceTable")
        self.licence_table.selectionModel().currentRowChanged.connect(
            lambda current, _old: self._show_licence(current.row()))
        self.licence_text = QPlainTextEdit(objectName="licenceText", readOnly=True)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.licence_table)
        split.addWidget(self.licence_text)
        split.setSizes([220, 200])
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addWidget(self.licence_intro)
        layout.addWidget(split, 1)
        return tab

    def retranslate_ui(self) -> None:
        self.licence_table.setAccessibleName(self.tr("구성 요소와 라이선스"))
        self.licence_text.setAccessibleName(self.tr("라이선스 전문"))
        self.setWindowTitle(self.tr("PCRM Desktop 정보"))
        self.title.setText(f"{APP_NAME} {self.installation.version}")
        self.tagline.setText(self.tr("지방자치단체 공공고객관리(PCRM) — 오프라인 민원·고객만족 관리"))
        self.tabs.setTabText(0, self.tr("정보"))
        self.tabs.setTabText(1, self.tr("오픈소스 라이선스"))
        self.copy_button.setText(self.tr("정보 복사"))
        self.copy_button.setToolTip(self.tr("위 정보를 클립보드에 복사합니다 (문의할 때 붙여 넣기)"))
        for name, label, _value in self._facts():
            self.fact_labels[name][0].setText(label())
            self._refresh_fact(name)
        self.licence_intro.setText(self.tr(
            "PCRM Desktop에 함께 들어 있는 공개 소프트웨어입니다. 항목을 고르면 아래에 라이선스 "
            "전문이 나옵니다. Qt와 PySide6는 LGPL-3.0에 따라 고치지 않은 공유 라이브러리로 들어 "
            "있어, 프로그램 폴더에서 호환되는 다른 버전으로 바꿀 수 있습니다."))
        self.licence_model.retranslate()
        if not self.texts:
            self.licence_text.setPlainText(self.tr("불러오는 중…"))

    # --- loading ------------------------------------------------------------------------------
    def _load(self) -> None:
        database = self.database or self.server
        if database is None:
            self._schema_failed(None)
        else:
            self.runner.run(lambda control: about.stored_schema(database), self._schema_read,
                            self._schema_failed)
        self.runner.run(lambda control: licence_catalogue(), self._show_catalogue,
                        self._catalogue_failed)

    def _schema_read(self, revision: str | None) -> None:
        self.schema = revision
        self._refresh_fact("schema")

    def _schema_failed(self, error: BaseException | None) -> None:
        self.schema = None
        self.schema_error = error_text(error) if isinstance(error, DomainError) else ""
        self._refresh_fact("schema")

    def _schema_text(self) -> str:
        expected = self.installation.schema
        if self.schema is LOADING:
            return self.tr("확인하는 중…")
        if self.schema_error is not None:
            return self.tr("읽지 못했습니다. {reason}").format(reason=self.schema_error).strip()
        if self.schema is None:
            return self.tr("없음 (빈 데이터베이스)")
        if self.schema == expected:
            return self.tr("{revision} (최신)").format(revision=self.schema)
        return with_particles(self.tr("{revision} — 이 프로그램은 {expected}을(를) 씁니다").format(
            revision=self.schema, expected=expected))

    def _refresh_fact(self, name: str) -> None:
        text = next(value for key, _label, value in self._facts() if key == name)()
        field = self.fact_labels[name][1]
        field.setText(text)
        field.setToolTip(text)
        field.setCursorPosition(0)  # the start of a path too long to show whole

    def _show_catalogue(self, catalogue) -> None:
        found, self.texts = catalogue
        self.licence_model.set_rows(found)
        self.licence_text.setPlainText(self.texts.get(licences.NOTICE) or "")

    def _catalogue_failed(self, error: BaseException) -> None:
        self.licence_text.setPlainText(self.tr("라이선스 정보를 읽지 못했습니다: {error}").format(
            error=error))

    def _show_licence(self, row: int) -> None:
        if row < 0:
            return
        component = self.licence_model.row(row)
        self.licence_text.setPlainText(self.texts.get(component.name) or self.tr(
            "이 구성요소의 라이선스 전문이 이 설치본에 없습니다. 프로그램 폴더의 "
            "THIRD_PARTY_LICENSES.txt를 보십시오."))

    # --- actions ------------------------------------------------------------------------------
    def copy_facts(self) -> None:
        """Everything on the 정보 tab as plain lines, for an e-mail or a support ticket."""
        lines = [APP_NAME] + [f"{label()}: {value()}" for _name, label, value in self._facts()]
        QApplication.clipboard().setText("\n".join(lines))
