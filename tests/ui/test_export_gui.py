"""File > Export in the window: the dialog's choices, one-click export of all boards, cancel."""

import subprocess
from pathlib import Path

from PySide6.QtCore import Qt

from pofacil.ui.export_dialog import ExportDialog, default_output, run_export


def test_export_all_boards_writes_a_pdf_beside_the_workshop(qtbot, window, answer_dialogs) -> None:
    window.export_all_action.trigger()
    out = window.document.path.with_name("開放政府聯絡人共識營（範例）.pdf")
    assert out.exists() and answer_dialogs and str(out) in answer_dialogs[0]
    text = subprocess.run(
        ["pdftotext", "-raw", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "議題脈絡分析表" in text and "PO 多為兼任" in text.replace("\n", "")
    assert default_output(window.document, ".pdf").name == "開放政府聯絡人共識營（範例） (2).pdf"


def test_dialog_choices_reach_the_export(qtbot, window, tmp_path: Path) -> None:
    dialog = ExportDialog(window.document, window)
    assert len(dialog.chosen_boards()) == 3
    dialog.boards.item(0).setCheckState(Qt.CheckState.Unchecked)
    dialog.format.setCurrentIndex(dialog.format.findData("png"))
    assert dialog.scale.isEnabled() and not dialog.paper.isEnabled()
    boards = dialog.chosen_boards()
    written = run_export(
        window, window.document, "png", tmp_path / "白板 圖.png", boards, scale=dialog.scale.value()
    )
    assert [p.name for p in written] == ["白板 圖-議題脈絡分析表.png", "白板 圖-第一組：PO制度.png"]
    md = run_export(window, window.document, "md", tmp_path / "紀錄.md", boards)
    assert "議題脈絡分析表" in md[0].read_text(encoding="utf-8")


def test_an_unwritable_target_is_explained(qtbot, window, tmp_path: Path, answer_dialogs) -> None:
    out = tmp_path / "missing" / "x.pdf"
    assert run_export(window, window.document, "pdf", out, [window.scene.board_id]) is None
    assert answer_dialogs and not out.exists()


def test_png_files_named_after_boards_with_a_slash(qtbot, window, tmp_path: Path) -> None:
    from pofacil.board import ops

    boards = [window.scene.board_id]
    change = window.document.apply(ops.add_board, "blank", "上午/分組")
    boards.append(change.board)
    written = run_export(window, window.document, "png", tmp_path / "圖.png", boards, scale=0.5)
    assert [p.name for p in written][1] == "圖-上午_分組.png"
    assert all(p.exists() for p in written)
