"""A damaged workshop in the window: the readable notes open, a bad one never reaches Qt."""

import sqlite3
from pathlib import Path

import pytest

from pofacil.board import ops
from pofacil.board.formats.sample import write_sample
from pofacil.board.model.errors import DamagedHistoryError
from pofacil.board.session import Session
from pofacil.ui.main_window import MainWindow

FIRST_NOTE = "(SELECT min(rowid) FROM notes)"


def damaged_sample(tmp_path: Path, sql: str) -> Path:
    path = write_sample(tmp_path / "sample.pofacil")
    conn = sqlite3.connect(path)
    conn.executescript(sql)
    conn.commit()
    conn.close()
    return path


@pytest.mark.parametrize(
    "sql",
    [
        f"UPDATE notes SET text = X'00FF' WHERE rowid = {FIRST_NOTE}",  # segfaulted the window
        f"UPDATE notes SET x = NULL, author = X'01' WHERE rowid = {FIRST_NOTE}",
        "UPDATE boards SET cells = '[{' WHERE rowid = (SELECT min(rowid) FROM boards)",
    ],
)
def test_every_board_of_a_damaged_workshop_is_drawn(qtbot, tmp_path: Path, sql: str) -> None:
    session = Session.open(damaged_sample(tmp_path, sql))
    assert session.store.damaged
    win = MainWindow(session)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    assert "damaged row(s) could not be read" in win.statusBar().currentMessage()
    for index in range(win.tabs.count()):
        win.tabs.setCurrentIndex(index)
        qtbot.wait(10)  # paint it
    win.close()


def test_undo_of_a_garbled_history_line_leaves_the_board_as_it_was(qtbot, tmp_path: Path) -> None:
    path = write_sample(tmp_path / "sample.pofacil")
    session = Session.open(path)
    board = session.workshop.ordered_boards()[0]
    note = board.live_notes()[0]
    session.do(ops.move_notes(session.workshop, {note.id: (note.x + 50, note.y)}))
    session.close()
    conn = sqlite3.connect(path)
    conn.execute("UPDATE history SET patches = X'789C0001'")
    conn.commit()
    conn.close()
    session = Session.open(path)
    win = MainWindow(session)
    qtbot.addWidget(win)
    win.show()
    before = session.workshop.rows()
    failures: list[str] = []
    win.document.failed.connect(failures.append)
    win.document.undo()  # what Ctrl+Z does
    assert session.workshop.rows() == before
    assert len(failures) == 1 and "cannot be listed, undone or redone" in failures[0]
    with pytest.raises(DamagedHistoryError):
        session.undo()
    win.close()
