"""The workshop model: boards, notes, clusters and links, with each board's structure in networkx.

Every entity converts to and from a flat row (a dict of JSON-compatible values). A change to
the model is a list of :class:`Patch` objects, each replacing one row by another; that one
mechanism gives undo (swap before and after), history (store the patches) and storage (write
the rows) without a special case per operation.
"""

from __future__ import annotations

import dataclasses
import json
import math
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar

from .errors import ModelError
from .events import Signal
from .kinds import DEFAULT_KIND
from .limits import band_of, check_row
from .votes import Vote, VoteRound

if TYPE_CHECKING:
    import networkx as nx

NOTE_W = 160.0
NOTE_H = 100.0

Row = dict[str, Any]


@dataclass
class Note:
    """A sticky note: what someone said, where it sits, and who said it when."""

    entity: ClassVar[str] = "note"
    id: str
    board: str
    text: str
    kind: str = DEFAULT_KIND
    x: float = 0.0
    y: float = 0.0
    w: float = NOTE_W
    h: float = NOTE_H
    cell: str | None = None
    cluster: str | None = None
    author: str = ""
    created: str = ""
    updated: str = ""
    deleted: bool = False
    votes: int = 0
    origin: str | None = None  # the note this one was copied from (sorting, breakouts)
    collapsed: bool = False  # a mind-map branch folded away under this note
    seq: int = 0  # display order on its board: a cell flows its notes by this


def display_order(note: Note) -> tuple[int, str, str]:
    """Where a note comes in its cell on the board and in the PDF: by ``seq``."""
    return note.seq, note.created, note.id


def raised_order(note: Note) -> tuple[str, int, str]:
    """When a note was raised: the record's and the minutes' order. Notes imported in one
    second share ``created``; ``seq`` keeps them in the order they came."""
    return note.created, note.seq, note.id


@dataclass
class Cluster:
    """A named group of notes on one board; its frame is drawn around its notes."""

    entity: ClassVar[str] = "cluster"
    id: str
    board: str
    name: str
    color: str = "#5C7CFA"


@dataclass
class Link:
    """A typed edge between two notes: a mind-map child or a free link."""

    entity: ClassVar[str] = "link"
    id: str
    board: str
    source: str
    target: str
    kind: str = "link"  # "child" (mind map) or "link"


@dataclass(frozen=True)
class CellRef:
    """Where a cell sits in its grid: the ids of its row and column.

    A cell id is ``ROW/COLUMN``; this is the one place that reads or writes that form.
    """

    row: str
    column: str

    @classmethod
    def parse(cls, cell_id: str) -> CellRef:
        row, _, column = cell_id.partition("/")
        return cls(row, column)

    @property
    def id(self) -> str:
        return f"{self.row}/{self.column}"


@dataclass(frozen=True)
class Cell:
    """One cell of a template grid. Labels are per board so a table can be reused."""

    id: str
    row: str
    column: str
    row_en: str = ""
    column_en: str = ""
    group: str = ""
    group_en: str = ""
    kind: str | None = None

    @property
    def ref(self) -> CellRef:
        return CellRef.parse(self.id)


def kind_in_cell(cell: Cell | None, kind: str) -> str:
    """The kind a note takes in ``cell``: the column's kind when it has one, else its own.

    A note put in the solutions column is a solution, whether it was typed, dropped or copied
    there.
    """
    return cell.kind if cell is not None and cell.kind else kind


@dataclass
class Board:
    """One board of a workshop, built from a template."""

    entity: ClassVar[str] = "board"
    id: str
    name: str
    template: str = "blank"
    position: int = 0
    cells: tuple[Cell, ...] = ()
    deleted: bool = False
    notes: dict[str, Note] = field(default_factory=dict, repr=False, compare=False)
    clusters: dict[str, Cluster] = field(default_factory=dict, repr=False, compare=False)
    links: dict[str, Link] = field(default_factory=dict, repr=False, compare=False)
    rounds: dict[str, VoteRound] = field(default_factory=dict, repr=False, compare=False)
    votes: dict[str, Vote] = field(default_factory=dict, repr=False, compare=False)
    # The board's structure is built into a networkx graph on first use (see `graph`); until
    # then each edit waits here as (step, entity), to be replayed in order.
    _graph: nx.MultiDiGraph[str] | None = field(default=None, init=False, repr=False, compare=False)
    _graph_steps: list[tuple[Callable[[nx.MultiDiGraph[str], Any], None], Any]] = field(
        default_factory=list, init=False, repr=False, compare=False
    )
    # band_of(x) -> the lowest edge of the live notes in that band; None until asked for.
    _bottoms: dict[int, float] | None = field(default=None, init=False, repr=False, compare=False)
    # The highest seq of any note on the board, deleted ones included; None until asked for.
    _max_seq: int | None = field(default=None, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._edit_graph(_add_cells, self.cells)

    @property
    def graph(self) -> nx.MultiDiGraph[str]:
        """Notes, clusters and cells as nodes; links and memberships as typed edges.

        Built when first asked for, by replaying the edits made so far: a PDF export or a
        check reads a whole board without asking, and importing networkx alone costs 0.3 s.
        """
        if self._graph is None:
            import networkx as nx

            graph: nx.MultiDiGraph[str] = nx.MultiDiGraph()
            for step, entity in self._graph_steps:
                step(graph, entity)
            self._graph, self._graph_steps = graph, []
        return self._graph

    def _edit_graph(self, step: Callable[[nx.MultiDiGraph[str], Any], None], entity: Any) -> None:
        if self._graph is None:
            self._graph_steps.append((step, entity))
        else:
            step(self._graph, entity)

    def live_notes(self) -> list[Note]:
        """Notes not deleted, in creation order."""
        return [n for n in self.notes.values() if not n.deleted]

    def deleted_notes(self) -> list[Note]:
        return [n for n in self.notes.values() if n.deleted]

    def band_bottoms(self) -> dict[int, float]:
        """The lowest edge of the live notes in each column band (see limits.band_of).

        Kept up to date note by note, so placing the 20,000th note needs no scan of the board.
        """
        if self._bottoms is None:
            self._bottoms = {}
            for note in self.notes.values():
                self._placed(None, note)
        return self._bottoms

    def next_seq(self) -> int:
        """The seq a note arriving on the board (or in one of its cells) takes: after every
        other, so it comes last in its cell. Kept up to date note by note, like the bottoms."""
        if self._max_seq is None:
            self._max_seq = max((n.seq for n in self.notes.values()), default=0)
        return self._max_seq + 1

    def _placed(self, old: Note | None, new: Note | None) -> None:
        if new is not None and self._max_seq is not None and new.seq > self._max_seq:
            self._max_seq = new.seq
        bottoms = self._bottoms
        if bottoms is None:
            return
        if (
            old is not None
            and not old.deleted
            and (old.y + old.h >= bottoms.get(band_of(old.x), math.inf))
        ):
            self._bottoms = None  # the lowest note of its band moved or went: scan again
            return
        if new is not None and not new.deleted:
            band, edge = band_of(new.x), new.y + new.h
            if edge > bottoms.get(band, -math.inf):
                bottoms[band] = edge

    def cell(self, cell_id: str) -> Cell | None:
        return next((c for c in self.cells if c.id == cell_id), None)

    def find_cell(self, text: str) -> Cell | None:
        """A cell by its id or as ``ROW/COLUMN`` with its innermost labels in either language."""
        text = text.strip()
        # Labels, unlike ids, may hold a slash of their own ("政策/法規"): split at the last.
        row, _, column = text.rpartition("/")
        for cell in self.cells:
            if text == cell.id:
                return cell
            if row.strip() in (cell.row, cell.row_en) and column.strip() in (
                cell.column,
                cell.column_en,
            ):
                return cell
        return None

    def row_ids(self) -> list[str]:
        """The grid's row ids, top to bottom."""
        return list(dict.fromkeys(c.ref.row for c in self.cells))

    def column_ids(self) -> list[str]:
        """The grid's column ids, left to right."""
        return list(dict.fromkeys(c.ref.column for c in self.cells))

    def notes_in(self, node_id: str) -> list[Note]:
        """Live notes in a cell or a cluster, read off the graph's membership edges."""
        members = [u for u, _ in self.graph.in_edges(node_id) if u in self.notes]
        return [self.notes[m] for m in members if not self.notes[m].deleted]

    def children(self, note_id: str) -> list[str]:
        """Mind-map children of a note."""
        return [
            v
            for _, v, data in self.graph.out_edges(note_id, data=True)
            if data.get("type") == "child"
        ]


@dataclass
class WorkshopInfo:
    """The workshop's own details, shown in export headers."""

    entity: ClassVar[str] = "workshop"
    id: str = "workshop"
    title: str = ""
    date: str = ""
    venue: str = ""
    facilitator: str = ""


@dataclass(frozen=True)
class Patch:
    """Replace one entity's row: ``before`` None creates it, ``after`` None removes it."""

    entity: str
    id: str
    before: Row | None
    after: Row | None

    def inverse(self) -> Patch:
        return Patch(self.entity, self.id, self.after, self.before)

    def compact(self) -> Patch:
        """For an update, only the fields that changed: what history keeps on disk."""
        if self.before is None or self.after is None:
            return self
        keys = [k for k in self.after if self.before.get(k) != self.after[k]]
        return Patch(
            self.entity,
            self.id,
            {k: self.before.get(k) for k in keys},
            {k: self.after[k] for k in keys},
        )

    def expand(self, current: Row | None) -> Patch:
        """Undo :meth:`compact`, given the entity's row on either side of the change."""
        if self.before is None or self.after is None or current is None:
            return self
        return Patch(self.entity, self.id, {**current, **self.before}, {**current, **self.after})

    def to_json(self) -> Row:
        return {"entity": self.entity, "id": self.id, "before": self.before, "after": self.after}

    @classmethod
    def from_json(cls, data: Row) -> Patch:
        return cls(data["entity"], data["id"], data["before"], data["after"])


@dataclass
class Touched:
    """What one change touched, squashed per entity (tldraw's RecordsDiff): for each entity,
    its row before the change began and after it ended. ``Workshop.changed`` emits one of these
    per change, so a listener updates once however many patches the change had."""

    patches: dict[tuple[str, str], Patch] = field(default_factory=dict)

    def add(self, entity: str, entity_id: str, before: Row | None, after: Row | None) -> None:
        first = self.patches.get((entity, entity_id))
        start = first.before if first is not None else before
        self.patches[(entity, entity_id)] = Patch(entity, entity_id, start, after)

    def of(self, entity: str, board: str | None = None) -> list[Patch]:
        """The touched rows of one entity; with ``board``, only those on that board."""
        out = [p for (e, _), p in self.patches.items() if e == entity]
        if board is None:
            return out
        return [p for p in out if (p.after or p.before or {}).get("board") == board]

    def __bool__(self) -> bool:
        return bool(self.patches)


# The entities that live on a board, each in a table of its own there (see _table).
BOARD_ITEMS = ("note", "cluster", "link", "vote_round", "vote")
Item = Note | Cluster | Link | VoteRound | Vote

_FIELDS: dict[type, tuple[str, ...]] = {}


def to_row(obj: Item | Board | WorkshopInfo) -> Row:
    """The flat, JSON-compatible row of an entity (boards keep their cells as JSON text)."""
    if isinstance(obj, Board):
        return {
            "id": obj.id,
            "name": obj.name,
            "template": obj.template,
            "position": obj.position,
            "cells": json.dumps([dataclasses.asdict(c) for c in obj.cells], ensure_ascii=False),
            "deleted": obj.deleted,
        }
    # Not dataclasses.asdict: its deep copy is the slowest part of a gesture on a full board,
    # and these fields are all immutable scalars.
    names = _FIELDS.get(type(obj))
    if names is None:
        names = _FIELDS[type(obj)] = tuple(f.name for f in dataclasses.fields(obj))
    return {name: getattr(obj, name) for name in names}


def _from_row(entity: str, row: Row) -> Item | Board | WorkshopInfo:
    if entity == "board":
        cells = tuple(Cell(**c) for c in json.loads(row["cells"] or "[]"))
        return Board(
            id=row["id"],
            name=row["name"],
            template=row["template"],
            position=int(row["position"]),
            cells=cells,
            deleted=bool(row["deleted"]),
        )
    cls = {
        "note": Note,
        "cluster": Cluster,
        "link": Link,
        "workshop": WorkshopInfo,
        "vote_round": VoteRound,
        "vote": Vote,
    }[entity]
    names = _FIELDS.get(cls)
    if names is None:
        names = _FIELDS[cls] = tuple(f.name for f in dataclasses.fields(cls))
    obj: Item | WorkshopInfo = cls(**{k: row[k] for k in names if k in row})
    if isinstance(obj, Note):
        # SQLite hands back 0/1 and ints for REAL columns; keep the model's types exact so
        # a reopened workshop compares equal to the one in memory.
        obj.deleted = bool(obj.deleted)
        obj.collapsed = bool(obj.collapsed)
        obj.x, obj.y, obj.w, obj.h = float(obj.x), float(obj.y), float(obj.w), float(obj.h)
        obj.votes = int(obj.votes)
        obj.seq = int(obj.seq)
    elif isinstance(obj, VoteRound):
        obj.hidden = bool(obj.hidden)
        obj.per_person = int(obj.per_person)
        obj.per_note = int(obj.per_note)
    return obj


class Workshop:
    """A whole workshop in memory. Mutated only through :meth:`apply`, which emits ``changed``."""

    def __init__(self, info: WorkshopInfo | None = None) -> None:
        self.info = info or WorkshopInfo()
        self.boards: dict[str, Board] = {}
        self.changed: Signal[Touched] = Signal()
        # Inside atomic(): what the change has touched so far, and the rows to put back
        # (entity, id, row before) should it fail.
        self._touched: Touched | None = None
        self._undo_log: list[tuple[str, str, Row | None]] = []

    # -- queries ---------------------------------------------------------------------------
    def ordered_boards(self, include_deleted: bool = False) -> list[Board]:
        boards = [b for b in self.boards.values() if include_deleted or not b.deleted]
        return sorted(boards, key=lambda b: (b.position, b.name))

    def board(self, board_id: str) -> Board:
        try:
            return self.boards[board_id]
        except KeyError:
            raise ModelError("There is no board with id {id}.", id=board_id) from None

    def find_board(self, name_or_id: str) -> Board:
        """A live board by name (or id); the error lists the boards there are."""
        for board in self.ordered_boards():
            if name_or_id in (board.name, board.id):
                return board
        names = ", ".join(b.name for b in self.ordered_boards()) or "none"
        raise ModelError(
            "There is no board named {name}; the boards are: {names}.", name=name_or_id, names=names
        )

    def note(self, note_id: str) -> Note:
        for board in self.boards.values():
            if note_id in board.notes:
                return board.notes[note_id]
        raise ModelError("There is no note with id {id}.", id=note_id)

    def current_row(self, entity: str, entity_id: str) -> Row | None:
        """The row an entity has now, or None when it does not exist."""
        if entity == "workshop":
            return to_row(self.info)
        if entity == "board":
            board = self.boards.get(entity_id)
            return to_row(board) if board else None
        for board in self.boards.values():
            table = _table(board, entity)
            if entity_id in table:
                return to_row(table[entity_id])
        return None

    def rows(self) -> dict[str, list[Row]]:
        """Every row of the workshop, grouped by entity and sorted by id: its whole state."""
        out: dict[str, list[Row]] = {"workshop": [to_row(self.info)], "board": []}
        out.update(note=[], cluster=[], link=[], vote_round=[], vote=[])
        for board in self.boards.values():
            out["board"].append(to_row(board))
            for entity in BOARD_ITEMS:
                out[entity].extend(to_row(o) for o in _table(board, entity).values())
        for rows in out.values():
            rows.sort(key=lambda r: r.get("id", ""))
        return out

    def expand(self, patches: list[Patch]) -> list[Patch]:
        """Full rows for compact patches about to be applied in order (see Patch.compact)."""
        rows: dict[tuple[str, str], Row | None] = {}
        out = []
        for patch in patches:
            key = (patch.entity, patch.id)
            current = rows[key] if key in rows else self.current_row(*key)
            full = patch.expand(current)
            rows[key] = full.after
            out.append(full)
        return out

    # -- the one mutator -------------------------------------------------------------------
    @contextmanager
    def atomic(self) -> Iterator[Touched]:
        """Everything applied inside is one change: all of it or none, announced once.

        A block nested in another joins it. When the outermost block ends, ``changed`` is
        emitted once with all it touched (nothing when nothing changed); when it raises, every
        row it changed is put back, nothing is emitted and the exception goes on.
        """
        if self._touched is not None:
            yield self._touched
            return
        touched = self._touched = Touched()
        try:
            yield touched
        except BaseException:
            for entity, entity_id, before in reversed(self._undo_log):
                current = self.current_row(entity, entity_id)
                self.load(Patch(entity, entity_id, current, before))
            raise
        finally:
            self._touched = None
            self._undo_log = []
        if touched:
            self.changed.emit(touched)

    def apply_all(self, patches: Iterable[Patch]) -> None:
        """Apply patches in order as one change (see :meth:`atomic`).

        A row outside the board's limits raises ModelError and changes nothing.
        """
        with self.atomic() as touched:
            for patch in patches:
                check_row(patch.entity, patch.after)
                before = self.current_row(patch.entity, patch.id)
                if before == patch.after:
                    continue
                self._undo_log.append((patch.entity, patch.id, before))
                self.load(patch)
                touched.add(patch.entity, patch.id, before, patch.after)

    def apply(self, patch: Patch) -> None:
        """One patch as a change of its own; emits only when something changed."""
        self.apply_all([patch])

    def load(self, patch: Patch) -> None:
        """Put a row in place without comparing or emitting: building a workshop from its file."""
        if patch.entity == "workshop":
            assert patch.after is not None
            self.info = _from_row("workshop", patch.after)  # type: ignore[assignment]
        elif patch.entity == "board":
            self._apply_board(patch)
        else:
            self._apply_item(patch)

    def _apply_board(self, patch: Patch) -> None:
        old = self.boards.get(patch.id)
        if patch.after is None:
            if old is not None and (
                old.notes or old.clusters or old.links or old.rounds or old.votes
            ):
                raise ModelError("Board {name} still has notes.", name=old.name)
            self.boards.pop(patch.id, None)
            return
        new = _from_row("board", patch.after)
        assert isinstance(new, Board)
        if old is not None:
            # Keep the contents and graph; only the board's own fields and cells change.
            new.notes, new.clusters, new.links = old.notes, old.clusters, old.links
            new._graph, new._graph_steps = old._graph, old._graph_steps
            new.rounds, new.votes = old.rounds, old.votes
            gone = {c.id for c in old.cells} - {c.id for c in new.cells}
            if any(n.cell in gone for n in old.notes.values()):
                raise ModelError("A cell removed from board {name} still has notes.", name=new.name)
            new._edit_graph(_remove_nodes, gone)
            new._edit_graph(_add_cells, new.cells)
        self.boards[patch.id] = new

    def _apply_item(self, patch: Patch) -> None:
        row = patch.after if patch.after is not None else patch.before
        assert row is not None
        board = self.board(row["board"])
        table = _table(board, patch.entity)
        old = table.pop(patch.id, None)
        if old is not None:
            board._edit_graph(_unlink, old)
        obj = None if patch.after is None else _from_row(patch.entity, patch.after)
        if patch.entity == "note":
            board._placed(old, obj)  # type: ignore[arg-type]
        if obj is None:
            board._edit_graph(_remove_nodes, (patch.id,))
            return
        table[patch.id] = obj
        if patch.entity in ("note", "cluster", "link"):  # rounds and votes are not in the graph
            board._edit_graph(_link, obj)


def _table(board: Board, entity: str) -> dict[str, Any]:
    if entity == "note":
        return board.notes
    if entity == "cluster":
        return board.clusters
    if entity == "link":
        return board.links
    if entity == "vote_round":
        return board.rounds
    if entity == "vote":
        return board.votes
    raise ModelError("Unknown entity {entity}.", entity=entity)


def _add_cells(graph: nx.MultiDiGraph[str], cells: Iterable[Cell]) -> None:
    graph.add_nodes_from((c.id for c in cells), type="cell")


def _remove_nodes(graph: nx.MultiDiGraph[str], ids: Iterable[str]) -> None:
    graph.remove_nodes_from(ids)  # ids not in the graph are skipped


def _unlink(graph: nx.MultiDiGraph[str], obj: Note | Cluster | Link) -> None:
    """Take the edges an entity owns out of the graph; nodes go only when the entity does."""
    if isinstance(obj, Link):
        if graph.has_edge(obj.source, obj.target, key=obj.id):
            graph.remove_edge(obj.source, obj.target, key=obj.id)
    elif isinstance(obj, Note):
        for key, target in (("cell", obj.cell), ("cluster", obj.cluster)):
            if target and graph.has_edge(obj.id, target, key=key):
                graph.remove_edge(obj.id, target, key=key)


def _link(graph: nx.MultiDiGraph[str], obj: Note | Cluster | Link) -> None:
    if isinstance(obj, Link):
        graph.add_edge(obj.source, obj.target, key=obj.id, type=obj.kind)
    elif isinstance(obj, Note):
        graph.add_node(obj.id, type="note")
        if obj.cell:
            graph.add_edge(obj.id, obj.cell, key="cell", type="in_cell")
        if obj.cluster:
            graph.add_edge(obj.id, obj.cluster, key="cluster", type="in_cluster")
    else:
        graph.add_node(obj.id, type="cluster")
