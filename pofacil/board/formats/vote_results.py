"""The results of a board's closed dot votes, for the record (PDF) and the minutes (Markdown).

Beside the record's usual order (when each point was raised), each closed round adds a
section listing each cell's notes by the votes they got, most first; notes without votes are
not listed again. A round still open is not a result and is left out.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from pofacil.board.model import Board, Cell, Note, display_order
from pofacil.board.model.votes import VoteRound
from pofacil.board.ops.breakout import cell_name
from pofacil.board.ops.votes import counts, scope_notes

LABELS = {
    "zh": {
        "heading": "投票結果",
        "rule": "每人 {n} 票",
        "closed": "{time} 結束",
        "votes": "{n} 票",
        "outside": "不在格子內",
        "sep": "，",
        "open": "（",
        "close": "）",
    },
    "en": {
        "heading": "Vote results",
        "rule": "{n} vote(s) per person",
        "closed": "closed {time}",
        "votes": "{n} vote(s)",
        "outside": "Not in a cell",
        "sep": ", ",
        "open": " (",
        "close": ")",
    },
}


def closed_rounds(board: Board) -> list[VoteRound]:
    """The board's closed rounds, in the order they closed."""
    done = [r for r in board.rounds.values() if not r.is_open]
    return sorted(done, key=lambda r: (r.closed, r.opened, r.id))


def results(board: Board, rnd: VoteRound) -> list[tuple[Cell | None, list[tuple[Note, int]]]]:
    """Per cell of the board (in the table's order, then the notes in none): its live notes
    that got votes in the round, most first; ties in the board's order."""
    totals = counts(board, rnd)
    voted = [n for n in scope_notes(board, rnd) if totals[n.id] > 0]
    out: list[tuple[Cell | None, list[tuple[Note, int]]]] = []
    for cell in (*board.cells, None):
        here = [n for n in voted if (board.cell(n.cell) if n.cell else None) == cell]
        if here:
            here.sort(key=lambda n: (-totals[n.id], display_order(n)))
            out.append((cell, [(n, totals[n.id]) for n in here]))
    return out


def _when(stamp: str) -> str:
    try:
        return datetime.fromisoformat(stamp).strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return stamp


def round_title(rnd: VoteRound, language: str) -> str:
    """ "投票結果（每人 3 票，2026-12-01 10:32 結束）"."""
    labels = LABELS[language]
    details = [labels["rule"].format(n=rnd.per_person)]
    if rnd.closed:
        details.append(labels["closed"].format(time=_when(rnd.closed)))
    return labels["heading"] + labels["open"] + labels["sep"].join(details) + labels["close"]


def _place(cell: Cell | None, language: str) -> str:
    return LABELS[language]["outside"] if cell is None else cell_name(cell, language)


def record_vote_groups(board: Board, language: str) -> list[tuple[str, list[Note]]]:
    """The record's extra groups (place, notes): per closed round and cell, one group per
    number of votes, so the place column says the round, the cell and the votes."""
    labels = LABELS[language]
    groups: list[tuple[str, list[Note]]] = []
    rounds = closed_rounds(board)
    for number, rnd in enumerate(rounds, start=1):
        # Short: the place column is narrow. A second round is told apart by its number.
        title = labels["heading"] + (f" {number}" if len(rounds) > 1 else "")
        for cell, ranked in results(board, rnd):
            for note, votes in ranked:
                place = f"{title} · {_place(cell, language)} · {labels['votes'].format(n=votes)}"
                if groups and groups[-1][0] == place:
                    groups[-1][1].append(note)
                else:
                    groups.append((place, [note]))
    return groups


def markdown_vote_sections(
    board: Board, language: str, escape: Callable[[str, bool], str]
) -> list[str]:
    """Markdown lines for the minutes: per closed round a heading, per cell the notes by
    votes. ``escape(text, inline)`` keeps the user's text plain (the minutes' own)."""
    labels = LABELS[language]
    out: list[str] = []
    for rnd in closed_rounds(board):
        out.extend([f"### {escape(round_title(rnd, language), True)}", ""])
        for cell, ranked in results(board, rnd):
            out.extend([f"#### {escape(_place(cell, language), True)}", ""])
            for note, votes in ranked:
                line = (
                    f"- {labels['votes'].format(n=votes)}："
                    if language == "zh"
                    else (f"- {labels['votes'].format(n=votes)}: ")
                )
                line += escape(note.text, True)
                if note.author:
                    line += f" — {escape(note.author, True)}"
                out.append(line)
            out.append("")
    return out
