"""Boards of another workshop copied into this one: a breakout table's laptop joining the main
workshop afterwards, as one undo step.

The other workshop is read by the caller (storage opens it read-only); this only builds the
change, so a merge is built, checked and shown like any other gesture.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Sequence
from dataclasses import dataclass

from pofacil.board.model import (
    Board,
    Change,
    Patch,
    Workshop,
    display_order,
    new_id,
    to_row,
    with_detail,
)
from pofacil.board.model.errors import ModelError


@dataclass(frozen=True)
class MergedBoard:
    """One board copied: its name there, its name here (with a suffix when it clashed) and
    how many notes came with it."""

    source: str
    name: str
    notes: int
    source_id: str = ""  # its id there, and its copy's id here
    id: str = ""

    @property
    def renamed(self) -> bool:
        return self.source != self.name


@dataclass(frozen=True)
class Merge:
    """The change a merge makes, and what to tell the user about it."""

    change: Change
    boards: tuple[MergedBoard, ...]
    left_out: int  # deleted notes of the chosen boards, not copied

    @property
    def notes(self) -> int:
        return sum(b.notes for b in self.boards)

    @property
    def board_ids(self) -> dict[str, str]:
        """Each copied board's id there -> its copy's id here."""
        return {b.source_id: b.id for b in self.boards}


def free_name(name: str, taken: set[str]) -> str:
    """``name``, or ``name (2)``, ``name (3)``… the first not taken: a clash never refuses."""
    if name not in taken:
        return name
    number = 2
    while f"{name} ({number})" in taken:
        number += 1
    return f"{name} ({number})"


def chosen_boards(other: Workshop, names: Sequence[str], source: str) -> list[Board]:
    """The live boards of ``other`` named in ``names`` (each once, in its order there), or all
    of them when none are named; an unknown name lists the boards there are."""
    boards = other.ordered_boards()
    if not names:
        return boards
    by_name = {}
    for board in reversed(boards):  # the first of two boards sharing a name wins
        by_name[board.name] = board
        by_name[board.id] = board
    for name in names:
        if name not in by_name:
            raise ModelError(
                "{source} has no board named {name}; its boards are: {names}.",
                source=source,
                name=name,
                names=", ".join(b.name for b in boards) or "none",
            )
    wanted = {by_name[n].id for n in names}
    return [b for b in boards if b.id in wanted]


def merge_boards(ws: Workshop, other: Workshop, source: str, names: Sequence[str] = ()) -> Merge:
    """Copy boards of ``other`` into ``ws`` with every note field, group, link and vote.

    Everything gets a new id; memberships and links follow the new ids. A copied note's
    ``origin`` is the note it was copied from, and its ``seq`` keeps its place in the order
    shown there. Deleted notes (and the links to them) stay
    behind, and are counted. ``source`` (the other file's name) goes into the history line.
    """
    boards = chosen_boards(other, names, source)
    if not boards:
        raise ModelError("{source} has no boards to merge.", source=source)
    taken = {b.name for b in ws.ordered_boards()}
    position = max((b.position for b in ws.boards.values()), default=-1) + 1
    board_patches: list[Patch] = []
    item_patches: list[Patch] = []
    merged = []
    left_out = 0
    for board in boards:
        name = free_name(board.name, taken)
        taken.add(name)
        copy = dataclasses.replace(board, id=new_id(), name=name, position=position)
        position += 1
        board_patches.append(Patch("board", copy.id, None, to_row(copy)))
        live = [n for n in board.notes.values() if not n.deleted]
        left_out += len(board.notes) - len(live)
        ids = {n.id: new_id() for n in live}
        clusters = {n.cluster for n in live if n.cluster in board.clusters}
        cluster_ids = {c: new_id() for c in sorted(clusters, key=str)}
        for old, new in cluster_ids.items():
            cluster = dataclasses.replace(board.clusters[old], id=new, board=copy.id)
            item_patches.append(Patch("cluster", new, None, to_row(cluster)))
        # Renumbered in the order shown there: notes sharing a seq (mind-map branches) are
        # ordered by id, and the copies' ids are new.
        for seq, note in enumerate(sorted(live, key=display_order), start=1):
            # A group missing from the board (a damaged row left out) is not invented here.
            cluster_id = cluster_ids.get(note.cluster) if note.cluster else None
            new_note = dataclasses.replace(
                note, id=ids[note.id], board=copy.id, cluster=cluster_id, origin=note.id, seq=seq
            )
            item_patches.append(Patch("note", new_note.id, None, to_row(new_note)))
        for link in board.links.values():
            if link.source in ids and link.target in ids:
                new_link = dataclasses.replace(
                    link,
                    id=new_id(),
                    board=copy.id,
                    source=ids[link.source],
                    target=ids[link.target],
                )
                item_patches.append(Patch("link", new_link.id, None, to_row(new_link)))
        # Vote rounds come along with the votes cast on the notes copied; a round keeps its
        # scope in the new ids (a deleted note or a gone cell drops out of it).
        round_ids = {r: new_id() for r in sorted(board.rounds)}
        for old_id, new_round_id in round_ids.items():
            rnd = board.rounds[old_id]
            members = [ids.get(m, m) if rnd.scope == "notes" else m for m in rnd.member_ids()]
            if rnd.scope == "notes":
                members = [m for m in members if m in ids.values()]
            new_round = dataclasses.replace(
                rnd, id=new_round_id, board=copy.id, members=json.dumps(members)
            )
            item_patches.append(Patch("vote_round", new_round_id, None, to_row(new_round)))
        for vote in board.votes.values():
            if vote.note in ids and vote.round in round_ids:
                new_vote = dataclasses.replace(
                    vote,
                    id=new_id(),
                    board=copy.id,
                    round=round_ids[vote.round],
                    note=ids[vote.note],
                )
                item_patches.append(Patch("vote", new_vote.id, None, to_row(new_vote)))
        merged.append(MergedBoard(board.name, name, len(live), board.id, copy.id))
    # Boards first: a note is put on a board that exists.
    change = Change(with_detail("merge", source), board_patches + item_patches, board_patches[0].id)
    change.subjects = [p.id for p in board_patches]
    return Merge(change, tuple(merged), left_out)
