"""The operations a user can do. Each builds one :class:`Change`: one gesture, one undo step.

Builders only read the workshop and validate; :class:`~pofacil.board.session.Session` applies
the change to the model and writes it to the file in one transaction.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace

from pofacil.board.model import (
    LINK_KINDS,
    Board,
    Change,
    Cluster,
    Link,
    Note,
    Patch,
    Workshop,
    display_order,
    kind_in_cell,
    new_id,
    now,
    to_row,
)
from pofacil.board.model.errors import ModelError
from pofacil.board.model.kinds import DEFAULT_KIND, KIND_BY_ID
from pofacil.board.model.limits import (
    BAND,
    HOME,
    PLACE_MAX,
    band_of,
    check_coordinate,
    check_size,
    check_text,
    check_votes,
    flow,
)
from pofacil.board.model.templates import build_cells, get_template
from pofacil.board.model.votes import VoteRound

CLUSTER_COLORS = ("#5C7CFA", "#F76707", "#2B8A3E", "#C2255C", "#1098AD", "#7048E8")


def update_patch(obj: Note | Cluster | Link | Board | VoteRound, **fields: object) -> Patch | None:
    before = to_row(obj)
    after = {**before, **fields}
    return None if before == after else Patch(obj.entity, obj.id, before, after)


def make_change(label: str, board: str | None, patches: Iterable[Patch | None]) -> Change:
    kept = [p for p in patches if p is not None]
    if not kept:
        raise ModelError("Nothing to change.")
    return Change(label, kept, board)


def selected_notes(ws: Workshop, ids: Iterable[str]) -> list[Note]:
    notes = [ws.note(i) for i in ids]
    if not notes:
        raise ModelError("No notes selected.")
    return notes


def note_text(text: str) -> str:
    text = text.strip()
    if not text:
        raise ModelError("A note needs some text.")
    return check_text(text)


def _check_kind(kind: str) -> str:
    if kind not in KIND_BY_ID:
        raise ModelError("Unknown note kind {kind}.", kind=kind)
    return kind


def _check_cell(board: Board, cell: str | None) -> None:
    if cell is not None and board.cell(cell) is None:
        raise ModelError("Board {board} has no cell {cell}.", board=board.name, cell=cell)


@dataclass
class NoteSpec:
    """What a new note needs; fields left None get the board's defaults."""

    text: str
    kind: str | None = None
    x: float | None = None
    y: float | None = None
    cell: str | None = None
    cluster: str | None = None
    author: str = ""
    votes: int = 0
    id: str = field(default_factory=new_id)


def add_notes(
    ws: Workshop,
    board_id: str,
    specs: list[NoteSpec],
    links: Iterable[tuple[str, str, str]] = (),
    new_clusters: Mapping[str, str] = {},
    label: str = "add note",
    origin: tuple[float, float] | None = None,
) -> Change:
    """Add notes (and the clusters and links among them) as one step.

    ``new_clusters`` maps a new cluster id to its name; ``links`` are (source, target, kind).
    Notes without a position are laid out in rows from ``origin``, by default below
    everything already on the board.
    """
    board = ws.board(board_id)
    stamp = now()
    patches: list[Patch] = []
    for i, (cid, name) in enumerate(new_clusters.items()):
        color = CLUSTER_COLORS[(len(board.clusters) + i) % len(CLUSTER_COLORS)]
        patches.append(Patch("cluster", cid, None, to_row(Cluster(cid, board.id, name, color))))
    known_clusters = set(board.clusters) | set(new_clusters)
    unplaced = [s for s in specs if s.x is None or s.y is None]
    spots = iter(
        flow(origin if origin is not None else next_free_spot(board), len(unplaced))
        if unplaced
        else []
    )
    seq = board.next_seq()
    for spec in specs:
        _check_cell(board, spec.cell)
        if spec.cluster is not None and spec.cluster not in known_clusters:
            raise ModelError("Board {board} has no such cluster.", board=board.name)
        cell = board.cell(spec.cell) if spec.cell else None
        kind = spec.kind or kind_in_cell(cell, DEFAULT_KIND)
        spot = next(spots) if spec.x is None or spec.y is None else (spec.x, spec.y)
        x = spot[0] if spec.x is None else spec.x
        y = spot[1] if spec.y is None else spec.y
        note = Note(
            id=spec.id,
            board=board.id,
            text=note_text(spec.text),
            kind=_check_kind(kind),
            x=check_coordinate(x),
            y=check_coordinate(y),
            cell=spec.cell,
            cluster=spec.cluster,
            author=check_text(spec.author.strip()),
            created=stamp,
            updated=stamp,
            votes=check_votes(spec.votes),
            seq=seq,
        )
        seq += 1
        patches.append(Patch("note", note.id, None, to_row(note)))
    ids = {s.id for s in specs}
    for source, target, kind in links:
        # board.notes is looked into, not copied: a copy per capture is slow on a big board.
        if (
            not all(n in ids or n in board.notes for n in (source, target))
            or kind not in LINK_KINDS
        ):
            raise ModelError("A link needs two notes on the same board.")
        link = Link(new_id(), board.id, source, target, kind)
        patches.append(Patch("link", link.id, None, to_row(link)))
    if len(specs) > 1 and label == "add note":
        label = "add notes"
    change = make_change(label, board.id, patches)
    change.subjects = [s.id for s in specs]
    return change


def next_free_spot(board: Board) -> tuple[float, float]:
    """Below everything already on the board, so new notes never land on old ones.

    Near the bottom of the board's range: below the notes of the first band (a column of
    rows, see limits.band_of) that still has room, so placement never leaves the range.
    """
    bottoms = board.band_bottoms()
    if not bottoms:
        return HOME
    below = max(bottoms.values()) + 20.0
    if below <= PLACE_MAX:
        return HOME[0], below
    for band in range(band_of(PLACE_MAX - BAND) + 1):  # bands a whole row fits in
        below = bottoms[band] + 20.0 if band in bottoms else HOME[1]
        if below <= PLACE_MAX:
            return HOME[0] + band * BAND, below
    raise ModelError("This board is full; put the notes on a new board.")


def add_note(ws: Workshop, board_id: str, text: str, **spec: object) -> Change:
    return add_notes(ws, board_id, [NoteSpec(text, **spec)])  # type: ignore[arg-type]


def edit_text(ws: Workshop, note_id: str, text: str) -> Change:
    note = ws.note(note_id)
    return make_change(
        "edit text", note.board, [update_patch(note, text=note_text(text), updated=now())]
    )


def set_author(ws: Workshop, note_id: str, author: str) -> Change:
    note = ws.note(note_id)
    return make_change(
        "set author",
        note.board,
        [update_patch(note, author=check_text(author.strip()), updated=now())],
    )


def move_notes(
    ws: Workshop,
    positions: Mapping[str, tuple[float, float]],
    clusters: Mapping[str, str | None] | None = None,
    cells: Mapping[str, str | None] | None = None,
) -> Change:
    """Move many notes as one step (a drag of a selection).

    ``clusters`` and ``cells`` give the notes the drag carried into (or out of) a cluster or a
    grid cell, so a drop is still one step; a note dropped in a cell whose column has a kind
    takes that kind; a cluster the drag emptied goes in the same step.
    """
    notes = selected_notes(ws, positions)
    board = ws.board(notes[0].board)
    clusters = clusters or {}
    cells = cells or {}
    for target in set(clusters.values()) - {None}:
        if target not in board.clusters:
            raise ModelError("Board {board} has no such cluster.", board=board.name)
    for cell_id in set(cells.values()) - {None}:
        _check_cell(board, cell_id)
    patches: list[Patch | None] = []
    seq = board.next_seq()
    for n in notes:
        cell_id = cells.get(n.id, n.cell)
        in_cell = board.cell(cell_id) if cell_id and n.id in cells else None
        kind = kind_in_cell(in_cell, n.kind)
        x, y = positions[n.id]
        arrives = cell_id is not None and cell_id != n.cell
        patches.append(
            update_patch(
                n,
                x=check_coordinate(x),
                y=check_coordinate(y),
                cluster=clusters.get(n.id, n.cluster),
                cell=cell_id,
                kind=kind,
                seq=seq if arrives else n.seq,
            )
        )
        seq += arrives
    leaving = {n.id for n in notes if clusters.get(n.id, n.cluster) != n.cluster}
    patches += _drop_emptied_clusters(board, leaving, keep=clusters.values()) if leaving else []
    return make_change("move", board.id, patches)


def resize_note(ws: Workshop, note_id: str, w: float, h: float) -> Change:
    w, h = check_size(w, h)
    note = ws.note(note_id)
    return make_change("resize", note.board, [update_patch(note, w=w, h=h)])


def set_kind(ws: Workshop, note_ids: Iterable[str], kind: str) -> Change:
    notes = selected_notes(ws, note_ids)
    kind = _check_kind(kind)
    return make_change("change kind", notes[0].board, [update_patch(n, kind=kind) for n in notes])


def assign_cell(ws: Workshop, note_ids: Iterable[str], cell: str | None) -> Change:
    notes = selected_notes(ws, note_ids)
    board = ws.board(notes[0].board)
    _check_cell(board, cell)
    target = board.cell(cell) if cell else None
    seq = board.next_seq()
    patches = []
    for n in notes:
        arrives = cell is not None and cell != n.cell
        patches.append(
            update_patch(
                n, cell=cell, kind=kind_in_cell(target, n.kind), seq=seq if arrives else n.seq
            )
        )
        seq += arrives
    return make_change("move to cell", board.id, patches)


def place_in_cell(ws: Workshop, note_ids: Iterable[str], cell: str, index: int) -> Change:
    """Put notes at ``index`` in a cell's order (a drag to a place in a cell), as one step.

    The notes may come from the cell itself (reordering it) or from elsewhere on the board.
    The cell's order is renumbered with the seq values it and the arriving notes already
    hold, so only the notes whose place changed are written, and seq stays unique.
    """
    notes = selected_notes(ws, note_ids)
    board = ws.board(notes[0].board)
    _check_cell(board, cell)
    target = board.cell(cell)
    moving = {n.id for n in notes}
    staying = sorted((n for n in board.notes_in(cell) if n.id not in moving), key=display_order)
    index = max(0, min(index, len(staying)))
    order = staying[:index] + sorted(notes, key=display_order) + staying[index:]
    values = sorted(n.seq for n in order)
    if len(set(values)) < len(values):  # seq shared (notes from an older file): fresh ones
        start = board.next_seq()
        values = list(range(start, start + len(order)))
    patches = [
        update_patch(n, seq=value, cell=cell, kind=kind_in_cell(target, n.kind))
        for n, value in zip(order, values, strict=True)
    ]
    label = "move to cell" if any(n.cell != cell for n in notes) else "reorder"
    return make_change(label, board.id, patches)


def cluster_notes(ws: Workshop, note_ids: Iterable[str], name: str) -> Change:
    """Group notes under a new named cluster; they leave any cluster they were in."""
    notes = selected_notes(ws, note_ids)
    board = ws.board(notes[0].board)
    cluster = Cluster(
        new_id(),
        board.id,
        note_text(name),
        CLUSTER_COLORS[len(board.clusters) % len(CLUSTER_COLORS)],
    )
    patches: list[Patch | None] = [Patch("cluster", cluster.id, None, to_row(cluster))]
    patches += [update_patch(n, cluster=cluster.id) for n in notes]
    patches += _drop_emptied_clusters(board, {n.id for n in notes})
    change = make_change("group", board.id, patches)
    change.subjects = [cluster.id]
    return change


def join_cluster(ws: Workshop, note_ids: Iterable[str], cluster_id: str | None) -> Change:
    """Put notes into an existing cluster, or take them out of theirs (``None``).

    A cluster left with no notes is removed in the same step, so no empty frame stays behind.
    """
    notes = selected_notes(ws, note_ids)
    board = ws.board(notes[0].board)
    if cluster_id is not None and cluster_id not in board.clusters:
        raise ModelError("Board {board} has no such cluster.", board=board.name)
    patches: list[Patch | None] = [update_patch(n, cluster=cluster_id) for n in notes]
    patches += _drop_emptied_clusters(board, {n.id for n in notes}, keep=[cluster_id])
    return make_change("ungroup" if cluster_id is None else "group", board.id, patches)


def _drop_emptied_clusters(
    board: Board, leaving: set[str], keep: Iterable[str | None] = ()
) -> list[Patch]:
    """Remove clusters whose every note is leaving them, unless notes are joining them.

    Only the clusters the leaving notes were in are looked at, and their members are read off
    the graph: a drop costs what it moved, not the whole board.
    """
    kept = set(keep)
    out = []
    for cluster_id in dict.fromkeys(board.notes[n].cluster for n in leaving if n in board.notes):
        if cluster_id is None or cluster_id in kept or cluster_id not in board.clusters:
            continue
        members = {u for u, _ in board.graph.in_edges(cluster_id) if u in board.notes}
        if members <= leaving:
            out.append(Patch("cluster", cluster_id, to_row(board.clusters[cluster_id]), None))
    return out


def ungroup(ws: Workshop, cluster_id: str) -> Change:
    board = _board_of(ws, "cluster", cluster_id)
    members = [n.id for n in board.notes.values() if n.cluster == cluster_id]
    patches: list[Patch | None] = [update_patch(board.notes[m], cluster=None) for m in members]
    patches.append(Patch("cluster", cluster_id, to_row(board.clusters[cluster_id]), None))
    return make_change("ungroup", board.id, patches)


def rename_cluster(ws: Workshop, cluster_id: str, name: str) -> Change:
    board = _board_of(ws, "cluster", cluster_id)
    return make_change(
        "rename group", board.id, [update_patch(board.clusters[cluster_id], name=note_text(name))]
    )


def link_notes(ws: Workshop, source: str, target: str, kind: str = "link") -> Change:
    a, b = ws.note(source), ws.note(target)
    if a.board != b.board or source == target or kind not in LINK_KINDS:
        raise ModelError("A link joins two different notes on the same board.")
    board = ws.board(a.board)
    for link in board.links.values():
        if {link.source, link.target} == {source, target}:
            raise ModelError("These notes are already linked.")
    link = Link(new_id(), a.board, source, target, kind)
    change = make_change("link", a.board, [Patch("link", link.id, None, to_row(link))])
    change.subjects = [link.id]
    return change


def unlink(ws: Workshop, link_id: str) -> Change:
    board = _board_of(ws, "link", link_id)
    return make_change(
        "unlink", board.id, [Patch("link", link_id, to_row(board.links[link_id]), None)]
    )


def delete_notes(ws: Workshop, note_ids: Iterable[str]) -> Change:
    """Soft delete: the notes stay in the file, listed as deleted and restorable."""
    notes = selected_notes(ws, note_ids)
    stamp = now()
    return make_change(
        "delete", notes[0].board, [update_patch(n, deleted=True, updated=stamp) for n in notes]
    )


def restore_notes(ws: Workshop, note_ids: Iterable[str]) -> Change:
    notes = selected_notes(ws, note_ids)
    stamp = now()
    return make_change(
        "restore", notes[0].board, [update_patch(n, deleted=False, updated=stamp) for n in notes]
    )


def add_board(
    ws: Workshop,
    template_id: str,
    name: str | None = None,
    language: str = "zh",
    with_center: bool = True,
) -> Change:
    template = get_template(template_id)
    name = (name or template.name(language)).strip()
    if any(b.name == name for b in ws.ordered_boards()):
        raise ModelError("There is already a board named {name}.", name=name)
    position = max((b.position for b in ws.boards.values()), default=-1) + 1
    board = Board(new_id(), note_text(name), template.id, position, build_cells(template))
    patches = [Patch("board", board.id, None, to_row(board))]
    if template.center and with_center:
        # A mind map starts from its central topic, placed where the view opens.
        stamp = now()
        center = Note(
            new_id(),
            board.id,
            template.center.get(language) or template.center["zh"],
            "idea",
            400.0,
            300.0,
            created=stamp,
            updated=stamp,
            seq=1,
        )
        patches.append(Patch("note", center.id, None, to_row(center)))
    change = make_change("add board", board.id, patches)
    change.subjects = [board.id]
    return change


def rename_board(ws: Workshop, board_id: str, name: str) -> Change:
    board = ws.board(board_id)
    name = note_text(name)
    if any(b.name == name and b.id != board_id for b in ws.ordered_boards()):
        raise ModelError("There is already a board named {name}.", name=name)
    return make_change("rename board", board_id, [update_patch(board, name=name)])


def reorder_boards(ws: Workshop, board_ids: list[str]) -> Change:
    live = ws.ordered_boards()
    if sorted(board_ids) != sorted(b.id for b in live):
        raise ModelError("The new order must list every board once.")
    patches = [update_patch(ws.board(bid), position=i) for i, bid in enumerate(board_ids)]
    return make_change("reorder boards", None, patches)


def delete_board(ws: Workshop, board_id: str) -> Change:
    """Soft delete: the board and its notes stay in the file and come back with undo."""
    board = ws.board(board_id)
    return make_change("delete board", board_id, [update_patch(board, deleted=True)])


def set_info(
    ws: Workshop, title: str | None = None, date: str | None = None, venue: str | None = None
) -> Change:
    info = ws.info
    new = replace(
        info,
        title=info.title if title is None else title.strip(),
        date=info.date if date is None else date.strip(),
        venue=info.venue if venue is None else venue.strip(),
    )
    before, after = to_row(info), to_row(new)
    return make_change(
        "workshop details",
        None,
        [None if before == after else Patch("workshop", "workshop", before, after)],
    )


def _board_of(ws: Workshop, entity: str, entity_id: str) -> Board:
    for board in ws.boards.values():
        if entity_id in (board.clusters if entity == "cluster" else board.links):
            return board
    raise ModelError("There is no {entity} with id {id}.", entity=entity, id=entity_id)
