"""File > Export: PDF, PNG, Markdown or CSV of chosen boards, with progress and cancel."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QProgressDialog,
    QWidget,
)

from pofacil.board.formats.corrections import session_corrections
from pofacil.board.formats.file_names import board_targets, safe_file_name
from pofacil.board.formats.minutes import export_csv, export_markdown
from pofacil.board.model.errors import PofacilError
from pofacil.board.storage.inbox import room_record_line

from . import i18n
from .document import Document, translate_error
from .plain_text import message_box, show_message
from .png import export_png

log = logging.getLogger(__name__)
FORMATS = {
    "pdf": "PDF (*.pdf)",
    "png": "PNG (*.png)",
    "md": "Markdown (*.md)",
    "csv": "CSV (*.csv)",
}


class ExportDialog(QDialog):
    """Choose what to export; :meth:`run` writes it and offers to open the result."""

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.setWindowTitle(self.tr("Export"))
        form = QFormLayout(self)
        self.format = QComboBox()
        for key, label in (
            ("pdf", self.tr("PDF for the report")),
            ("png", self.tr("PNG image")),
            ("md", self.tr("Markdown minutes")),
            ("csv", self.tr("CSV minutes")),
        ):
            self.format.addItem(label, key)
        form.addRow(self.tr("Format:"), self.format)
        self.boards = QListWidget()
        for board in document.workshop.ordered_boards():
            item = QListWidgetItem(board.name)
            item.setData(Qt.ItemDataRole.UserRole, board.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.boards.addItem(item)
        form.addRow(self.tr("Boards:"), self.boards)
        self.paper = QComboBox()
        self.paper.addItems(["A4", "A3"])
        form.addRow(self.tr("Paper:"), self.paper)
        self.mode = QComboBox()
        for key, label in (
            ("auto", self.tr("Automatic")),
            ("fit", self.tr("Fit to one page")),
            ("tile", self.tr("Tile across pages")),
        ):
            self.mode.addItem(label, key)
        self.mode.setToolTip(
            self.tr(
                "For free boards and mind maps; a table always prints as an overview page "
                "and detail pages."
            )
        )
        form.addRow(self.tr("Layout:"), self.mode)
        self.record = QCheckBox(self.tr("Append the meeting record"))
        self.record.setChecked(True)
        form.addRow(self.record)
        self.corrections = QCheckBox(self.tr("List each correction (original → final, who, when)"))
        form.addRow(self.corrections)
        self.scale = QDoubleSpinBox()
        self.scale.setRange(0.5, 8.0)
        self.scale.setValue(2.0)
        form.addRow(self.tr("PNG scale:"), self.scale)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.format.currentIndexChanged.connect(self._formats_changed)
        self._formats_changed()

    def _formats_changed(self) -> None:
        pdf = self.format.currentData() == "pdf"
        for widget in (self.paper, self.mode, self.record):
            widget.setEnabled(pdf)
        self.corrections.setEnabled(self.format.currentData() in ("pdf", "md"))
        self.scale.setEnabled(self.format.currentData() == "png")

    def chosen_boards(self) -> list[str]:
        return [
            self.boards.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.boards.count())
            if self.boards.item(i).checkState() == Qt.CheckState.Checked
        ]


def default_output(document: Document, suffix: str) -> Path:
    """Beside the workshop file, named after the workshop, never over an existing file."""
    stem = safe_file_name(document.workshop.info.title or document.path.stem)
    path = document.path.with_name(f"{stem}{suffix}")
    number = 2
    while path.exists():
        path = document.path.with_name(f"{stem} ({number}){suffix}")
        number += 1
    return path


def run_export(
    parent: QWidget,
    document: Document,
    fmt: str,
    out: Path,
    boards: list[str],
    paper: str = "A4",
    mode: str = "auto",
    record: bool = True,
    scale: float = 2.0,
    list_corrections: bool = False,
) -> list[Path] | None:
    """Write the export with a progress dialog; None when cancelled or refused (after saying
    why)."""
    progress = QProgressDialog(
        QCoreApplication.translate("ExportDialog", "Exporting…"),
        QCoreApplication.translate("ExportDialog", "Cancel"),
        0,
        0,
        parent,
    )
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(300)
    language = i18n.data_language()

    def step(done: int, total: int) -> bool:
        progress.setMaximum(total)
        progress.setValue(done)
        QApplication.processEvents()
        return not progress.wasCanceled()

    written: list[Path] = []
    # Corrected notes are marked in every record; a damaged history marks none.
    fixes = session_corrections(document.session) if fmt in ("pdf", "md") else None
    # The room's points are counted in the record, never shown (a point set aside stays out).
    room = room_record_line(document.session.store.conn, language)
    try:
        if fmt == "pdf":
            # reportlab is imported on the first PDF export, not at the app's start.
            from pofacil.board.formats.pdf.export import export_pdf

            report = export_pdf(
                document.workshop,
                out,
                boards,
                paper,
                mode,
                record,
                language,
                step,
                corrections=fixes,
                list_corrections=list_corrections,
                room=room,
            )
            written.append(report.path)
        elif fmt == "md":
            written.append(
                export_markdown(
                    document.workshop, out, boards, language, fixes, list_corrections, room
                )
            )
        elif fmt == "csv":
            written.append(export_csv(document.workshop, out, boards))
        else:
            chosen = [document.workshop.board(b) for b in boards]
            for n, (board, target) in enumerate(board_targets(chosen, out)):
                if not step(n, len(boards)):
                    break
                written.append(
                    export_png(
                        document.workshop,
                        board.id,
                        target,
                        scale,
                        session=document.session,
                        language=language,
                    ).path
                )
    except PofacilError as exc:
        cancelled = progress.wasCanceled()  # read first: closing the dialog counts as cancel
        progress.close()
        if not cancelled:
            log.warning("export to %s failed: %s", out, exc)
            show_message(
                parent,
                QCoreApplication.translate("ExportDialog", "Cannot export"),
                translate_error(exc),
            )
        return None
    progress.close()
    return written


def offer_to_open(parent: QWidget, written: list[Path]) -> None:
    box = message_box(
        parent,
        QCoreApplication.translate("ExportDialog", "Exported"),
        "\n".join(str(p) for p in written),
        QMessageBox.Icon.NoIcon,
        QMessageBox.StandardButton.NoButton,
    )
    open_button = box.addButton(
        QCoreApplication.translate("ExportDialog", "Open the file"),
        QMessageBox.ButtonRole.AcceptRole,
    )
    box.addButton(QMessageBox.StandardButton.Close)
    box.exec()
    if box.clickedButton() is open_button and written:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(written[0])))


def export_with_dialog(parent: QWidget, document: Document) -> list[Path] | None:
    dialog = ExportDialog(document, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.chosen_boards():
        return None
    fmt = dialog.format.currentData()
    suffix = f".{fmt}"
    path, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("ExportDialog", "Export"),
        str(default_output(document, suffix)),
        FORMATS[fmt],
    )
    if not path:
        return None
    out = Path(path if path.lower().endswith(suffix) else path + suffix)
    written = run_export(
        parent,
        document,
        fmt,
        out,
        dialog.chosen_boards(),
        dialog.paper.currentText(),
        dialog.mode.currentData(),
        dialog.record.isChecked(),
        dialog.scale.value(),
        dialog.corrections.isChecked() and dialog.corrections.isEnabled(),
    )
    if written:
        offer_to_open(parent, written)
    return written


def export_all_boards(parent: QWidget, document: Document) -> list[Path] | None:
    """One click after the breakout: every board to a PDF beside the workshop file."""
    boards = [b.id for b in document.workshop.ordered_boards()]
    written = run_export(parent, document, "pdf", default_output(document, ".pdf"), boards)
    if written:
        offer_to_open(parent, written)
    return written
