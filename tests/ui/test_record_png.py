"""A removed note leaves no trace in a PNG: the board exports pixel for pixel as if it had
never been written (real files, real rendering)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QImage

from pofacil.board import ops
from pofacil.board.session import Session
from pofacil.ui.png import export_png


def _board(path: Path, withdrawn: bool) -> Path:
    s = Session.create(path, title="共識營", boards=[("issue-context", None)], actor="王小明")
    try:
        board = s.workshop.ordered_boards()[0]
        cell = board.cells[0].id
        s.do(ops.add_note(s.workshop, board.id, "開放資料", author="李小華", cell=cell))
        if withdrawn:
            gone = s.do(ops.add_note(s.workshop, board.id, "請刪除這句", author="陳", cell=cell))
            s.do(ops.delete_notes(s.workshop, gone.subjects))
        out = path.with_suffix(".png")
        export_png(s.workshop, board.id, out, 1.0, session=s)
    finally:
        s.close()
    return out


def test_a_removed_note_is_not_in_the_png(tmp_path: Path) -> None:
    with_removed = QImage(str(_board(tmp_path / "a.pofacil", True)))
    never = QImage(str(_board(tmp_path / "b.pofacil", False)))
    assert not with_removed.isNull() and with_removed.size() == never.size()
    assert with_removed == never
