"""The board scene: builds items from the model, follows its changes, turns gestures into ops."""

from __future__ import annotations

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPen, QTransform
from PySide6.QtWidgets import QGraphicsLineItem, QGraphicsScene, QGraphicsSceneMouseEvent

from pofacil.board import ops
from pofacil.board.geometry.grid import GridGeometry, grid_layout
from pofacil.board.geometry.items import folded_away
from pofacil.board.model import Board, Patch
from pofacil.board.model.limits import clamp_position
from pofacil.board.model.templates import cell_columns

from .document import Document
from .items import ClusterItem, GridItem, LinkItem, NoteItem


class BoardScene(QGraphicsScene):
    """One board of the document. Items move during a drag; the model changes on release."""

    rename_cluster_requested = Signal(str)
    empty_double_clicked = Signal(QPointF)
    relabel_requested = Signal(str, str)  # a grid header: axis, key

    def __init__(self, document: Document) -> None:
        super().__init__()
        self.document = document
        self.board_id: str | None = None
        self.notes: dict[str, NoteItem] = {}
        self.clusters: dict[str, ClusterItem] = {}
        self.links: dict[str, LinkItem] = {}
        self.min_text_px = 0
        self.language = "zh"
        self.heat = False
        self.grid_item: GridItem | None = None
        self.geometry: GridGeometry | None = None
        self._folded: set[str] = set()  # collapsed mind-map notes on this board
        self._hidden: set[str] = set()  # notes folded away under them
        self._drag_start: dict[str, QPointF] = {}
        self._frames_at_press: dict[str, QRectF] = {}
        self._link_line: QGraphicsLineItem | None = None
        self.setBackgroundBrush(QColor("#F8F9FA"))
        document.workshop.changed.connect(self._on_patch)

    # -- building ------------------------------------------------------------------------
    @property
    def board(self) -> Board | None:
        if self.board_id is None:
            return None
        return self.document.workshop.boards.get(self.board_id)

    def set_board(self, board_id: str | None) -> None:
        self.clear_board()
        self.board_id = board_id
        board = self.board
        if board is None:
            return
        for note in board.live_notes():
            self._add_note_item(note)
        for cluster in board.clusters.values():
            self._add_cluster_item(cluster)
        for link in board.links.values():
            self._add_link_item(link)
        if board.cells:
            self.grid_item = GridItem()
            self.grid_item.language = self.language
            self.grid_item.heat = self.heat
            self.grid_item.relabel_requested.connect(self.relabel_requested)
            self.addItem(self.grid_item)
        self._arrange()

    def _arrange(self) -> None:
        """Put cell notes in their slots and fold collapsed branches: both derive from the model.

        Only what can have changed is touched, so a capture on a 5,000-note board stays cheap.
        """
        board = self.board
        if board is None:
            return
        if self.grid_item is not None:
            self.geometry = grid_layout(board, cell_columns(board))
            self.grid_item.set_geometry(board, self.geometry)
            for nid in self.geometry.notes:
                if nid in self.notes:
                    self._place(self.notes[nid])
        folded = {nid for nid in self._folded if nid in self.notes}
        hidden: set[str] = set()
        if folded:
            folds = folded_away(board, folded)  # the branches the PDF leaves out too
            for nid in folded:
                below = folds.get(nid, set())
                hidden |= below
                self.notes[nid].hidden_below = len(below)
                self.notes[nid].update()
        for nid in self._hidden ^ hidden:
            if nid in self.notes:
                self.notes[nid].setVisible(nid not in hidden)
                self.note_geometry_changed(self.notes[nid])
        self._hidden = hidden

    def _place(self, item: NoteItem) -> None:
        note = item.note
        slot = self.geometry.notes.get(note.id) if self.geometry and note.cell else None
        pos = QPointF(*slot) if slot else QPointF(note.x, note.y)
        if item.pos() != pos:
            item.setPos(pos)

    def set_heat(self, on: bool) -> None:
        self.heat = on  # kept for the next table shown
        if self.grid_item is not None:
            self.grid_item.heat = on
            self.grid_item.update()

    def clear_board(self) -> None:
        for item in list(self.notes.values()):
            if item.editor is not None:
                item.editor.finish(commit=False)
        self.clear()
        self.notes.clear()
        self.clusters.clear()
        self.links.clear()
        self._link_line = None
        self.grid_item = None
        self.geometry = None
        self._folded = set()
        self._hidden = set()

    def detach(self) -> None:
        """Stop following the model: the scene is about to go away."""
        self.document.workshop.changed.disconnect(self._on_patch)
        self.clear_board()

    def _add_note_item(self, note) -> NoteItem:
        item = NoteItem(note)
        if note.collapsed:
            self._folded.add(note.id)
        item.min_text_px = self.min_text_px
        self.notes[note.id] = item
        self.addItem(item)
        return item

    def _add_cluster_item(self, cluster) -> None:
        item = ClusterItem(cluster)
        self.clusters[cluster.id] = item
        self.addItem(item)
        self._fit_cluster(cluster.id)

    def _add_link_item(self, link) -> None:
        item = LinkItem(link)
        self.links[link.id] = item
        self.addItem(item)
        self._place_link(item)

    # -- following the model -----------------------------------------------------------
    def _on_patch(self, patch: Patch) -> None:
        board = self.board
        if board is None:
            return
        row = patch.after or patch.before or {}
        if patch.entity == "board":
            if patch.id == self.board_id and (patch.before or {}).get("cells") != row.get("cells"):
                self._arrange()
            return
        if row.get("board") != self.board_id:
            return
        if patch.entity == "note":
            self._note_changed(patch.id, patch.before, patch.after)
            self._arrange()
        elif patch.entity == "cluster":
            self._cluster_changed(patch.id)
        elif patch.entity == "link":
            self._link_changed(patch.id)
            self._arrange()

    def _note_changed(self, note_id: str, before: dict | None, after: dict | None) -> None:
        board = self.board
        assert board is not None
        note = board.notes.get(note_id)
        item = self.notes.get(note_id)
        self._folded.discard(note_id)
        if note is not None and note.collapsed and not note.deleted:
            self._folded.add(note_id)
        elif item is not None and item.hidden_below:
            item.hidden_below = 0
        if note is None or note.deleted:
            if item is not None:
                self.removeItem(item)
                del self.notes[note_id]
        elif item is None:
            self._add_note_item(note)
        else:
            item.set_note(note)
            self._place(item)
        for cid in {(before or {}).get("cluster"), (after or {}).get("cluster")} - {None}:
            self._fit_cluster(cid)  # type: ignore[arg-type]
        for link in self._links_of(note_id):
            self._place_link(link)

    def _links_of(self, note_id: str) -> list[LinkItem]:
        """Link items touching a note, read off the board graph rather than a scan of all."""
        board = self.board
        if board is None or note_id not in board.graph:
            return []
        keys = [k for _, _, k in board.graph.out_edges(note_id, keys=True)]
        keys += [k for _, _, k in board.graph.in_edges(note_id, keys=True)]
        return [self.links[k] for k in keys if k in self.links]

    def _cluster_changed(self, cluster_id: str) -> None:
        board = self.board
        assert board is not None
        cluster = board.clusters.get(cluster_id)
        item = self.clusters.get(cluster_id)
        if cluster is None:
            if item is not None:
                self.removeItem(item)
                del self.clusters[cluster_id]
        elif item is None:
            self._add_cluster_item(cluster)
        else:
            item.set_cluster(cluster)
            self._fit_cluster(cluster_id)

    def _link_changed(self, link_id: str) -> None:
        board = self.board
        assert board is not None
        link = board.links.get(link_id)
        item = self.links.pop(link_id, None)
        if item is not None:
            self.removeItem(item)
        if link is not None:
            self._add_link_item(link)

    def _fit_cluster(self, cluster_id: str) -> None:
        item, board = self.clusters.get(cluster_id), self.board
        if item is not None and board is not None:
            item.fit([self.notes[n.id] for n in board.notes_in(cluster_id) if n.id in self.notes])

    def _place_link(self, item: LinkItem) -> None:
        a, b = self.notes.get(item.link.source), self.notes.get(item.link.target)
        shown = a is not None and b is not None and a.isVisible() and b.isVisible()
        item.setVisible(shown)
        if shown:
            item.set_ends(a, b)  # type: ignore[arg-type]

    def note_geometry_changed(self, item: NoteItem) -> None:
        """A note item moved or resized on screen (mid-drag): frames and links follow."""
        if item.note.cluster:
            self._fit_cluster(item.note.cluster)
        for link in self._links_of(item.note.id):
            self._place_link(link)

    # -- gestures ------------------------------------------------------------------------
    def selected_note_ids(self) -> list[str]:
        return [i.note.id for i in self.selectedItems() if isinstance(i, NoteItem)]

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        super().mousePressEvent(event)
        self._drag_start = {i.note.id: i.pos() for i in self.selectedItems()
                            if isinstance(i, NoteItem)}
        self._frames_at_press = {cid: item.frame() for cid, item in self.clusters.items()}

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if self._drag_start:
            self._commit_drag(self._drag_start)
        self._drag_start = {}

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        transform = self.views()[0].transform() if self.views() else QTransform()
        hit = self.itemAt(event.scenePos(), transform)
        on_cell = hit is self.grid_item and self.grid_item is not None and (
            self.grid_item.header_at(event.scenePos().x(), event.scenePos().y()) is None)
        if hit is None or on_cell:
            self.empty_double_clicked.emit(event.scenePos())
            return
        super().mouseDoubleClickEvent(event)

    def _commit_drag(self, start: dict[str, QPointF]) -> None:
        moved = {nid: self.notes[nid].pos() for nid, pos in start.items()
                 if nid in self.notes and self.notes[nid].pos() != pos}
        if not moved:
            return
        clusters = self._cluster_drops(moved)
        cells = self._cell_drops(moved)
        # Dragged past the board's edge: the note stops at it (the model takes no other spot).
        change = self.document.apply(
            ops.move_notes, {nid: clamp_position(p.x(), p.y()) for nid, p in moved.items()},
            clusters, cells)
        if change is None:
            self._restore_from_model()
        self._arrange()  # a note dragged within its own cell goes back to its slot

    def cell_at(self, pos: QPointF) -> str | None:
        return self.geometry.cell_at(pos.x(), pos.y()) if self.geometry else None

    def _cell_drops(self, moved: dict[str, QPointF]) -> dict[str, str | None]:
        """The grid cell under each dropped note's center (None: dropped off the grid)."""
        if self.geometry is None:
            return {}
        out: dict[str, str | None] = {}
        for nid, pos in moved.items():
            item = self.notes[nid]
            center = pos + item.note_rect().center()
            cell = self.cell_at(center)
            if cell != item.note.cell:
                out[nid] = cell
        return out

    def _cluster_drops(self, moved: dict[str, QPointF]) -> dict[str, str | None]:
        """Which frame, as it was when the drag began, each dropped note's center is in."""
        dragged = set(moved)
        out: dict[str, str | None] = {}
        for nid, pos in moved.items():
            item = self.notes[nid]
            center = pos + item.note_rect().center()
            target = None
            for cid, frame in self._frames_at_press.items():
                others = [i for i in self.notes.values()
                          if i.note.cluster == cid and i.note.id not in dragged]
                if frame.contains(center) and (others or item.note.cluster == cid):
                    target = cid
                    break
            if target != item.note.cluster:
                out[nid] = target
        return out

    def _restore_from_model(self) -> None:
        board = self.board
        if board is None:
            return
        for nid, item in self.notes.items():
            if nid in board.notes:
                item.set_note(board.notes[nid])
                self._place(item)
                self.note_geometry_changed(item)

    def begin_cluster_drag(self, item: ClusterItem) -> None:
        self.clearSelection()
        members = [i for i in self.notes.values() if i.note.cluster == item.cluster.id]
        for member in members:
            member.setSelected(True)
        self._drag_start = {i.note.id: i.pos() for i in members}
        self._frames_at_press = {}

    def drag_cluster(self, item: ClusterItem, delta: QPointF) -> None:
        for nid in self._drag_start:
            self.notes[nid].moveBy(delta.x(), delta.y())

    def finish_cluster_drag(self, item: ClusterItem) -> None:
        start, self._drag_start = self._drag_start, {}
        if start:
            self._commit_drag(start)

    def finish_resize(self, item: NoteItem, w: float, h: float) -> None:
        changed = (w, h) != (item.note.w, item.note.h)
        if changed and self.document.apply(ops.resize_note, item.note.id, w, h) is None:
            self._restore_from_model()

    def finish_edit(self, item: NoteItem, text: str) -> None:
        self.document.apply(ops.edit_text, item.note.id, text)

    def start_link(self, item: NoteItem) -> None:
        start = item.pos() + QPointF(item.note.w, item.note.h / 2)
        self._link_line = QGraphicsLineItem(QLineF(start, start))
        self._link_line.setPen(QPen(QColor("#1C3FAA"), 2.5, Qt.PenStyle.DashLine))
        self._link_line.setZValue(50)
        self.addItem(self._link_line)

    def drag_link(self, pos: QPointF) -> None:
        if self._link_line is not None:
            line = self._link_line.line()
            line.setP2(pos)
            self._link_line.setLine(line)

    def finish_link(self, item: NoteItem, pos: QPointF) -> None:
        if self._link_line is not None:
            self.removeItem(self._link_line)
            self._link_line = None
        target = self.note_at(pos)
        if target is not None and target is not item:
            self.document.apply(ops.link_notes, item.note.id, target.note.id, "link")

    def note_at(self, pos: QPointF) -> NoteItem | None:
        for candidate in self.items(pos):
            if isinstance(candidate, NoteItem):
                return candidate
        return None

    def set_min_text_px(self, px: int) -> None:
        """Projector mode: no note text smaller than ``px`` scene pixels."""
        self.min_text_px = px
        for item in self.notes.values():
            item.min_text_px = px
            item.update()
