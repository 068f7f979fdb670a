"""What Undo and Redo say: each change label's English text, counted, from the file's history."""

import re
import sqlite3
from pathlib import Path

import pofacil
from pofacil.board import ops
from pofacil.board.model import LABEL_TEXTS, label_text
from pofacil.board.session import Session

# make_change("move", ...), Change("lay out", ...), apply_all("add branch", ...), label="import"
LABEL_CALL = re.compile(r'\b(?:make_change|Change|do_all|apply_all)\(\s*"([^"]+)"')
LABEL_WORD = re.compile(r'\blabel\s*=\s*"([^"]+)"')


def test_the_text_counts_the_notes_a_change_touched(tmp_path: Path) -> None:
    s = Session.create(tmp_path / "t.pofacil", boards=[("blank", "全體")])
    ws = s.workshop
    board = ws.find_board("全體").id
    ids = s.do(ops.add_notes(ws, board, [ops.NoteSpec(t) for t in "甲乙丙"])).subjects
    assert s.undo_text() == ("add {count} notes", 3)
    s.do(ops.move_notes(ws, {i: (500.0, 500.0) for i in ids}))
    assert s.undo_text() == ("move {count} notes", 3)
    s.do(ops.edit_text(ws, ids[0], "丁"))
    assert s.undo_text() == ("edit a note's text", 1)
    s.undo()
    assert s.redo_text() == ("edit a note's text", 1) and s.undo_text() == ("move {count} notes", 3)
    s.close()
    again = Session.open(tmp_path / "t.pofacil")  # read back from the history on disk
    assert again.undo_text() == ("move {count} notes", 3)
    again.do(ops.delete_notes(again.workshop, ids[:1]))
    assert again.undo_text() == ("delete {count} note", 1)
    again.close()


def test_every_label_the_code_gives_a_change_has_a_text() -> None:
    """A new operation with no Undo text would show its bare English label in Chinese."""
    root = Path(pofacil.__file__).parent
    used = set()
    for path in root.rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        used |= set(LABEL_CALL.findall(source)) | set(LABEL_WORD.findall(source))
    assert {"move", "add notes", "turn into need", "collapse", "lay out", "import"} <= used
    assert used <= set(LABEL_TEXTS), used - set(LABEL_TEXTS)
    assert label_text("a label from a newer pofacil", []) == ("a label from a newer pofacil", 0)


def test_a_damaged_history_line_has_no_text(tmp_path: Path) -> None:
    s = Session.create(tmp_path / "d.pofacil", boards=[("blank", "全體")])
    s.do(ops.add_note(s.workshop, s.workshop.find_board("全體").id, "甲"))
    s.close()
    conn = sqlite3.connect(tmp_path / "d.pofacil")
    conn.execute("UPDATE history SET patches = X'789C0001'")
    conn.commit()
    conn.close()
    again = Session.open(tmp_path / "d.pofacil")
    assert again.can_undo() and again.undo_text() is None  # Undo explains when pressed
    again.close()
