"""A real-size workshop file for the tamper tests: ~300 notes on every kind of board, with
a history of imports, moves, edits, groups, links, deletions, an undo and a redo."""

from __future__ import annotations

from pathlib import Path

from pofacil.board import ops
from pofacil.board.formats.importers import import_change
from pofacil.board.formats.sample import write_sample
from pofacil.board.ops import votes
from pofacil.board.session import Session

WORDS = (
    "兼任 PO 很忙",
    "資料開放",
    "跨部會協調",
    "公民參與",
    "預算不足",
    "希望有考核",
    "*重要*",
    "&lt;標記&gt;",
    "1. 第一",
    "- 清單",
    "# 標題",
    "emoji 🙂",
    "a_b_c",
)


def room_points(session: Session) -> None:
    """Points from phones (the room), waiting and set aside (an accepted one would be a note
    more than the tests count)."""
    from pofacil.board.model.points import SET_ASIDE
    from pofacil.board.storage.inbox import read_points
    from pofacil.room.receive import Arrival, Placement, moderate_point, receive

    arrivals = [
        Arrival(f"key-{i}", WORDS[i % len(WORDS)], "林小姐" if i % 2 else "") for i in range(9)
    ]
    receive(session, arrivals, Placement())
    waiting = read_points(session.store.conn)
    moderate_point(session, waiting[1], SET_ASIDE)


def build_workshop(path: Path) -> Path:
    write_sample(path)
    session = Session.open(path, actor="tester")
    try:
        ws = session.workshop
        boards = ws.ordered_boards()
        for round_ in range(10):
            board = boards[round_ % len(boards)]
            source = path.with_name(f"round{round_}.md")
            lines = []
            for i in range(26):
                depth = i % 4 if round_ % 2 else 0
                lines.append("  " * depth + f"- {WORDS[(round_ + i) % len(WORDS)]} {round_}-{i}")
            source.write_text("\n".join(lines) + "\n", encoding="utf-8")
            imported = session.do(import_change(ws, board.id, source, author="王素琴"))
            notes = [board.notes[i] for i in imported.subjects]
            session.do(ops.move_notes(ws, {n.id: (n.x + 30, n.y + 15) for n in notes[:12]}))
            session.do(ops.edit_text(ws, notes[-1].id, f"改過的 {round_}"))
            if not board.cells and round_ % 2 == 0:  # a flat import: no links yet
                session.do(ops.cluster_notes(ws, [n.id for n in notes[2:6]], f"群組 {round_}"))
                session.do(ops.link_notes(ws, notes[0].id, notes[7].id))
            session.do(ops.delete_notes(ws, [notes[1].id]))
        # A closed dot vote on a table, with the lead's and a phone's votes, and an open one.
        table = next(b for b in boards if b.cells)
        voted = table.live_notes()[:3]
        rnd = session.do(votes.open_round(ws, table.id, per_person=2)).patches[0].id
        for note in voted:
            session.do(votes.add_vote(ws, rnd, note.id))
        session.record(votes.add_vote(ws, rnd, voted[0].id, "device:a1"), "device:a1")
        session.do(votes.close_round(ws, rnd))
        session.do(votes.open_round(ws, boards[0].id))
        session.undo()
        session.redo()
        session.undo()
        room_points(session)
    finally:
        session.close()
    for source in path.parent.glob("round*.md"):
        source.unlink()
    return path
