"""A 민원's two documents, 접수증 ("receipt") and 회신문 ("answer"), from the case window and the
intake form: saved as a PDF where the clerk chooses, or printed on the printer the clerk
chooses. Both are made by services/complaint_documents, with the applicant's full name, so the
access log records each. Their words are the case window's (translation context CaseDialog)."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from pcrm_desktop.ui import dialogs, printing


def _maker(kind: str):
    from pcrm_desktop.services import complaint_documents as documents
    return documents.receipt_pdf if kind == "receipt" else documents.answer_pdf


def document_title(kind: str) -> str:
    return (QCoreApplication.translate("CaseDialog", "접수증") if kind == "receipt"
            else QCoreApplication.translate("CaseDialog", "회신문"))


def save_pdf(parent: QWidget, ctx, runner, complaint_id: int, receipt_no: str, kind: str) -> None:
    """The document as a PDF file, in the background; where it went, or why not, is told."""
    title = document_title(kind)
    path = dialogs.ask_save_path(parent, title, f"{title}_{receipt_no}.pdf",
                                 QCoreApplication.translate("CaseDialog", "PDF (*.pdf)"))
    if not path:
        return
    make = _maker(kind)
    runner.run(lambda control: make(ctx, complaint_id, path),
               lambda saved: dialogs.show_info(parent, title, QCoreApplication.translate(
                   "CaseDialog", "저장했습니다: {path}").format(path=saved)),
               lambda error: dialogs.explain(parent, title, error),
               label=QCoreApplication.translate("CaseDialog", "PDF를 만드는 중…"), parent=parent)


def print_document(parent: QWidget, ctx, runner, complaint_id: int, receipt_no: str,
                   kind: str) -> bool:
    """Print a case's 접수증 ("receipt") or 회신문 ("answer"); False when the clerk cancelled."""
    title = document_title(kind)
    make = _maker(kind)
    name = f"{'접수증' if kind == 'receipt' else '회신문'}_{receipt_no}_인쇄.pdf"
    return printing.print_made(parent, runner,
                               lambda folder: make(ctx, complaint_id, folder / name), title)


def print_receipt(parent: QWidget | None, ctx, runner, result) -> None:
    """The applicant at the counter gets the 접수증 on paper (the same document, logged)."""
    print_document(parent, ctx, runner, result.complaint_id, result.receipt_no, "receipt")


def received_box(parent: QWidget | None, title: str, text: str, print_text: str,
                 on_print) -> QMessageBox:
    """"접수했습니다" with [확인] and [접수증 인쇄…]; opened, not run, so the intake's caller goes on
    (and a test reads and clicks it instead of hanging on it)."""
    box = QMessageBox(QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.Ok,
                      parent)
    box.setObjectName("receivedBox")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.print_button = box.addButton(print_text, QMessageBox.ButtonRole.ActionRole)
    box.print_button.setObjectName("receivedPrint")
    box.print_button.clicked.connect(on_print)
    box.setDefaultButton(QMessageBox.StandardButton.Ok)
    box.open()
    return box
