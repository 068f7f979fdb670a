"""Notes in mind-map tree order, for the record and the minutes: a parent, then its children
one level deeper, depth-first; notes without a parent among them in the order given."""

from __future__ import annotations

from pofacil.board.model import Board, Note


def nested(board: Board, notes: list[Note]) -> list[tuple[Note, int]]:
    """``notes`` depth-first with their depth: a mind-map child of a note in ``notes`` comes
    right after its parent's earlier children, one level deeper. Siblings keep the order of
    ``notes``. A note with several parents goes under the first; a cycle of child links is
    cut where it is first met, so every note comes once."""
    members = {n.id for n in notes}
    parent_of: dict[str, str] = {}
    for parent in notes:
        for child in board.children(parent.id):
            if child in members and child != parent.id:
                parent_of.setdefault(child, parent.id)
    order = {n.id: i for i, n in enumerate(notes)}
    kids_of: dict[str, list[str]] = {}
    for child in sorted(parent_of, key=order.__getitem__):
        kids_of.setdefault(parent_of[child], []).append(child)
    out: list[tuple[Note, int]] = []
    seen: set[str] = set()

    def walk(note: Note) -> None:
        # A stack, not recursion: a legal Markdown import can nest a thousand levels deep.
        stack = [(note.id, 0)]
        while stack:
            note_id, depth = stack.pop()
            if note_id in seen:  # a cycle of child links must not hang the export
                continue
            seen.add(note_id)
            out.append((board.notes[note_id], depth))
            stack.extend((kid, depth + 1) for kid in reversed(kids_of.get(note_id, [])))

    for note in notes:
        if note.id not in parent_of:
            walk(note)
    for note in notes:  # whatever a cycle kept from being reached from a root
        if note.id not in seen:
            walk(note)
    return out
