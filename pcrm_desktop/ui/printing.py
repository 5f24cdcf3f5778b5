"""Printing a PDF the app made: the system's print dialog (`ask_printer`, a module function a
test replaces with a PDF printer), the pages drawn by PDFium off the GUI thread, and painted on
the printer in the page's own orientation. Used by the reports page and the 민원 documents."""
from __future__ import annotations

import io
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QWidget

PRINT_DPI = 150  # sharp enough for text on paper, small enough to keep every page in memory


def ask_printer(parent: QWidget | None):
    """The system's print dialog on a high-resolution printer; None when cancelled. A module
    function (like `dialogs.ask_*`) so a test can hand back a PDF printer instead."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    if QPrintDialog(printer, parent).exec() != QPrintDialog.DialogCode.Accepted:
        return None
    return printer


def print_images(path: Path, control, dpi: int = PRINT_DPI) -> list[tuple[bool, bytes]]:
    """(landscape, PNG) of every page, drawn one at a time off the GUI thread."""
    import pypdfium2
    document = pypdfium2.PdfDocument(str(path))
    try:
        pages = []
        for index in range(len(document)):
            control.check()
            page = document[index]
            landscape = page.get_width() > page.get_height()
            buffer = io.BytesIO()
            page.render(scale=dpi / 72).to_pil().convert("RGB").save(buffer, "PNG", optimize=False)
            pages.append((landscape, buffer.getvalue()))
            page.close()
            control.progress(index + 1, len(document), f"{index + 1}쪽")
        return pages
    finally:
        document.close()


def paint_pages(printer, pages: list[tuple[bool, bytes]]) -> bool:
    """Each page image scaled to the printable area; False when the printer cannot be opened."""
    from PySide6.QtGui import QPageLayout, QPainter
    if pages:
        printer.setPageOrientation(QPageLayout.Orientation.Landscape if pages[0][0]
                                   else QPageLayout.Orientation.Portrait)
    painter = QPainter()
    if not painter.begin(printer):
        return False
    try:
        for index, (_landscape, png) in enumerate(pages):
            if index:
                printer.newPage()
            image = QImage.fromData(png, "PNG")
            target = painter.viewport()
            size = image.size().scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.setViewport(target.x(), target.y(), size.width(), size.height())
            painter.setWindow(image.rect())
            painter.drawImage(0, 0, image)
            painter.setViewport(target)
    finally:
        painter.end()
    return True


def print_made(parent: QWidget, runner, make: Callable[[Path], Path], title: str,
               done: Callable[[int], None] | None = None) -> bool:
    """Ask for a printer; then, in the lane, `make(folder)` a PDF in a temporary folder (the
    service that makes it also writes its access-log entry), draw its pages and remove the
    file; the pages go to the printer on the GUI thread. False when the clerk cancelled."""
    printer = ask_printer(parent)
    if printer is None:
        return False

    def work(control) -> list[tuple[bool, bytes]]:
        folder = Path(tempfile.mkdtemp(prefix="pcrm-print-"))
        try:  # the PDF holds a full name: it does not outlive the printing
            return print_images(make(folder), control)
        finally:
            shutil.rmtree(folder, ignore_errors=True)

    def printed(pages) -> None:
        from pcrm_desktop.ui import dialogs
        if not paint_pages(printer, pages):
            dialogs.show_error(parent, title, QCoreApplication.translate(
                "printing", "프린터를 열 수 없습니다."))
        elif done is not None:
            done(len(pages))

    from pcrm_desktop.ui import dialogs
    runner.run(work, printed, lambda error: dialogs.explain(parent, title, error),
               label=QCoreApplication.translate("printing", "인쇄 준비 중…"), parent=parent)
    return True
