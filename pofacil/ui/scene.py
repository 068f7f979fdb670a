"""The board scene: builds items from the model, follows its changes, turns gestures into ops."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication, QEvent, QLineF, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPen, QPolygonF, QTransform
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsLineItem,
    QGraphicsScene,
    QGraphicsSceneMouseEvent,
)

from pofacil.board import ops
from pofacil.board.geometry.connectors import Polyline, block_paths
from pofacil.board.geometry.grid import GridGeometry, grid_layout, slot_index
from pofacil.board.geometry.items import folded_away
from pofacil.board.model import Board, Cluster, Link, Note, Row, Touched, display_order
from pofacil.board.model.limits import clamp_position
from pofacil.board.model.templates import cell_columns
from pofacil.board.ops.frames import clear_frame

from .document import Document
from .drag_followers import DragFollowers
from .items import ClusterItem, GridItem, HeatItem, LinkItem, NoteItem
from .warm_up import LayoutWarmUp

# Posted to the scene once per event-loop turn in which something went dirty (see
# BoardScene.flush_layout), like orange-canvas-core's delayed layout activation.
_LAYOUT_REQUEST = QEvent.Type(QEvent.registerEventType())


# Qt's item index covers the board and this much more of its size on every side (at least
# INDEX_SLACK_MIN scene units): the index is rebuilt whenever it must grow (50 ms at 20,000
# notes), and a drop into a full row of a packed board pushes the notes in a frame's way out
# past the row's end, a little further each time.
INDEX_SLACK = 0.25
INDEX_SLACK_MIN = 1000.0


class BoardScene(QGraphicsScene):
    """One board of the document. Items move during a drag; the model changes on release.

    Per change the model emits one event; note items follow it at once, and what derives from
    many notes (the grid's slots, folded branches, group frames, links) is marked dirty and
    redone in one pass, :meth:`flush_layout`, posted to the next event-loop turn.
    """

    rename_cluster_requested = Signal(str)
    empty_double_clicked = Signal(QPointF)
    background_pressed = Signal(str)  # a press on no note or frame: the cell under it, or ""
    relabel_requested = Signal(str, str)  # a grid header: axis, key
    scroll_rect_changed = Signal(QRectF)  # what the scroll bars reach (see scroll_rect)

    def __init__(self, document: Document) -> None:
        super().__init__()
        self.document = document
        self.board_id: str | None = None
        self.notes: dict[str, NoteItem] = {}
        self.clusters: dict[str, ClusterItem] = {}
        self.links: dict[str, LinkItem] = {}
        # note id -> ids of the link items at its ends: asked on every note move, so a dict
        # lookup rather than a walk of the board graph's edge views.
        self._note_links: dict[str, set[str]] = {}
        self.min_text_px = 0
        self.language = "zh"
        self.heat = False
        self.grid_item: GridItem | None = None
        self.heat_item: HeatItem | None = None
        self.geometry: GridGeometry | None = None
        self._folded: set[str] = set()  # collapsed mind-map notes on this board
        self._hidden: set[str] = set()  # notes folded away under them
        self._drag_start: dict[str, QPointF] = {}
        self._followers = DragFollowers()
        self._frames_at_press: dict[str, tuple[QRectF, int]] = {}  # frame, notes in it
        self._link_line: QGraphicsLineItem | None = None
        self._dirty_grid = False
        # Cell notes the change touched: placed even if their slot stayed (a note dragged
        # within its own cell goes back to it).
        self._unslotted: set[str] = set()
        self._dirty_folds = False
        self._dirty_clusters: set[str] = set()
        self._dirty_links: set[str] = set()
        self._layout_posted = False
        self._reach = QRectF()  # what the change laid out, in scene coordinates: see _grow_rect
        self._scroll = QRectF()  # what the views scroll over: the board's bounds, grown
        self._indexed = False  # whether the rect of Qt's index is set (see _set_scroll)
        self.setBackgroundBrush(QColor("#F8F9FA"))
        self.warm_up = LayoutWarmUp(self.notes, self.views, self)
        document.workshop.changed.connect(self._on_change)

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
            # The grid repaints every cell and header in Python: without a cache, each frame
            # of a drag or pan over a table pays for it (Qt caches only the exposed part).
            self.grid_item.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
            self.addItem(self.grid_item)
            self.heat_item = HeatItem()
            self.heat_item.setVisible(self.heat)
            self.addItem(self.heat_item)
        self._dirty_grid = self._dirty_folds = True
        self.flush_layout()  # a board is shown laid out, not a turn later
        self._reach = QRectF()
        # Left to itself, Qt grows the scene rect as items move and rebuilds its whole BSP
        # index each time it grows: every frame of the first drag on a board cost 5-7x a later
        # one (15-20 ms at 5,000 notes, against 3). So the scene keeps its own rect, the
        # board's bounds, grown in the layout pass by what a change laid out; its index
        # covers more (see INDEX_SLACK), so that growing the area rarely rebuilds it.
        self._set_scroll(QRectF(self.itemsBoundingRect().toAlignedRect()))

    def _schedule_layout(self) -> None:
        if not self._layout_posted:
            self._layout_posted = True
            QCoreApplication.postEvent(self, QEvent(_LAYOUT_REQUEST))

    def customEvent(self, event: QEvent) -> None:
        if event.type() == _LAYOUT_REQUEST:
            self.flush_layout()
        else:
            super().customEvent(event)

    def flush_layout(self) -> None:
        """Redo what is dirty, once: the grid's slots, folded branches, then the group frames
        and links the notes moved by those (or by the change) touch."""
        self._layout_posted = True  # what this pass dirties is done in this pass
        try:
            if self.board is not None:
                if self._dirty_grid:
                    self._dirty_grid = False
                    self._arrange_grid()
                if self._dirty_folds:
                    self._dirty_folds = False
                    self._fold()
            clusters, self._dirty_clusters = self._dirty_clusters, set()
            links, self._dirty_links = self._dirty_links, set()
            if self.board is not None:
                for cid in clusters:
                    self._fit_cluster(cid)
                parents: set[str] = set()
                for lid in links:
                    item = self.links.get(lid)
                    if item is None:
                        continue
                    if item.link.kind == "child":
                        # A child's line may be part of its parent's leaf block, and a
                        # note that gains or loses children changes its parent's block.
                        parents.add(item.link.source)
                        parents.update(self._parents(item.link.source))
                    else:
                        self._place_link(item)
                for parent in parents:
                    self._place_family(parent)
            self._grow_rect()
        finally:
            self._layout_posted = False

    def _reached(self, item: QGraphicsItem) -> None:
        if item.isVisible():  # a frame around nothing has an empty rect at the origin
            self._reach = self._reach.united(item.sceneBoundingRect())

    def _grow_rect(self) -> None:
        """Take in what this pass laid out: the scroll rect (the views' scrollable area) grows
        to show it, and never shrinks under the user's scroll bars while the board is shown
        (as Qt's own rect does). Not mid-drag: the release's change takes it in, once."""
        if self._drag_start:
            return
        reach, self._reach = self._reach, QRectF()
        if not reach.isNull() and not self._scroll.contains(reach):
            # In whole pixels: a far edge's float width would lose the near edge's last bits.
            self._set_scroll(QRectF(self._scroll.united(reach).toAlignedRect()))

    def scroll_rect(self) -> QRectF:
        """What the scroll bars of a view on this board reach: the board's bounds, grown by
        what changes laid out and never shrunk while the board is shown."""
        return QRectF(self._scroll)

    def _set_scroll(self, rect: QRectF) -> None:
        self._scroll = QRectF(rect)
        # Qt's own rect, unset, is the items' bounds, and grows with them: always set.
        if not self._indexed or not self.sceneRect().contains(rect):
            self._indexed = True
            dx = max(INDEX_SLACK_MIN, rect.width() * INDEX_SLACK)
            dy = max(INDEX_SLACK_MIN, rect.height() * INDEX_SLACK)
            self.setSceneRect(QRectF(rect.adjusted(-dx, -dy, dx, dy).toAlignedRect()))
        self.scroll_rect_changed.emit(QRectF(rect))

    def _arrange_grid(self) -> None:
        """Put cell notes in their slots: a note in a cell has no position of its own."""
        board = self.board
        if board is None or self.grid_item is None:
            return
        before = self.geometry.notes if self.geometry is not None else {}
        touched, self._unslotted = self._unslotted, set()
        self.geometry = grid_layout(board, cell_columns(board))
        self.grid_item.set_geometry(board, self.geometry)
        self._reached(self.grid_item)
        if self.heat_item is not None:
            self.heat_item.set_geometry(self.geometry)
        # Only notes whose slot moved, or that the change touched, are placed: comparing
        # slots is cheaper than asking 2,000 items for their position. A row that grows moves
        # every note below it, so this loop stays lean.
        items, links = self.notes, self._note_links
        for nid, slot in self.geometry.notes.items():
            if (nid in touched or before.get(nid) != slot) and nid in items:
                item = items[nid]
                item.setPos(*slot)
                self._reached(item)
                if item.note.cluster or links.get(nid):
                    self.note_geometry_changed(item)

    def _fold(self) -> None:
        """Hide the notes under collapsed mind-map branches, show those no longer under one."""
        board = self.board
        assert board is not None
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
                self._reached(self.notes[nid])
        self._hidden = hidden

    def _place(self, item: NoteItem) -> None:
        note = item.note
        slot = self.geometry.notes.get(note.id) if self.geometry and note.cell else None
        pos = QPointF(*slot) if slot else QPointF(note.x, note.y)
        if item.pos() != pos:
            item.setPos(pos)
            self.note_geometry_changed(item)
        self._reached(item)

    def set_heat(self, on: bool) -> None:
        self.heat = on  # kept for the next table shown
        if self.grid_item is not None:
            self.grid_item.heat = on
            self.grid_item.update()
        if self.heat_item is not None:
            self.heat_item.setVisible(on)

    def clear_board(self) -> None:
        for item in list(self.notes.values()):
            if item.editor is not None:
                item.editor.finish(commit=False)
        self.clear()
        self.setSceneRect(QRectF())  # set_board gives the next board's own
        self._scroll = QRectF()
        self._indexed = False
        self.notes.clear()
        self.clusters.clear()
        self.links.clear()
        self._note_links.clear()
        self._link_line = None
        self.grid_item = None
        self.heat_item = None
        self.geometry = None
        self._folded = set()
        self._hidden = set()
        self._dirty_grid = self._dirty_folds = False
        self._unslotted = set()
        self._dirty_clusters = set()
        self._dirty_links = set()
        self._reach = QRectF()
        self._followers = DragFollowers()  # their items are gone with the board
        self.warm_up.clear()

    def detach(self) -> None:
        """Stop following the model: the scene is about to go away."""
        self.document.workshop.changed.disconnect(self._on_change)
        self.clear_board()

    def _add_note_item(self, note: Note) -> NoteItem:
        item = NoteItem(note)
        if note.collapsed:
            self._folded.add(note.id)
        item.min_text_px = self.min_text_px
        self.notes[note.id] = item
        self.addItem(item)
        self.warm_up.add((note.id,))
        return item

    def _add_cluster_item(self, cluster: Cluster) -> None:
        item = ClusterItem(cluster)
        self.clusters[cluster.id] = item
        self.addItem(item)
        self._dirty_clusters.add(cluster.id)

    def _add_link_item(self, link: Link) -> None:
        item = LinkItem(link)
        self.links[link.id] = item
        for end in (link.source, link.target):
            self._note_links.setdefault(end, set()).add(link.id)
        item.setVisible(False)  # until the layout pass puts it between its notes
        self.addItem(item)
        self._dirty_links.add(link.id)

    # -- following the model -----------------------------------------------------------
    def _on_change(self, touched: Touched) -> None:
        """One change of the model: follow it note by note, lay out once, a turn later."""
        if self.board is None:
            return
        for patch in touched.of("board"):
            if patch.id == self.board_id and (
                (patch.before or {}).get("cells") != (patch.after or {}).get("cells")
            ):
                self._dirty_grid = True
        for patch in touched.of("note", self.board_id):
            self._note_changed(patch.id, patch.before, patch.after)
        for patch in touched.of("cluster", self.board_id):
            self._cluster_changed(patch.id)
        for patch in touched.of("link", self.board_id):
            self._link_changed(patch.id)
            self._dirty_folds = True
        self._schedule_layout()

    def _note_changed(self, note_id: str, before: Row | None, after: Row | None) -> None:
        board = self.board
        assert board is not None
        note = board.notes.get(note_id)
        item = self.notes.get(note_id)
        self._folded.discard(note_id)
        if note is not None and note.collapsed and not note.deleted:
            self._folded.add(note_id)
        elif item is not None and item.hidden_below:
            item.hidden_below = 0
            item.update()  # its "+n" badge goes: the face's pixmap showed it
        if self._folded or self._hidden:
            self._dirty_folds = True
        if (before or {}).get("cell") or (after or {}).get("cell"):
            self._dirty_grid = True  # it joined, left or moved within a cell: slots change
            self._unslotted.add(note_id)
        if note is None or note.deleted:
            if item is not None:
                self.removeItem(item)
                del self.notes[note_id]
        elif item is None:
            item = self._add_note_item(note)
            if not note.cell:  # a cell note is reached where the grid pass puts it
                self._reached(item)
        else:
            item.set_note(note)
            if not note.cell:  # a cell note waits for its slot in the grid pass
                self._place(item)
        for cid in {(before or {}).get("cluster"), (after or {}).get("cluster")} - {None}:
            self._dirty_clusters.add(cid)  # type: ignore[arg-type]
        self._dirty_links.update(self._note_links.get(note_id, ()))

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
            for end in (item.link.source, item.link.target):
                self._note_links.get(end, set()).discard(link_id)
            self.removeItem(item)
            # The lines left at its source may now form (or stop forming) a leaf block.
            self._dirty_links.update(self._note_links.get(item.link.source, ()))
        if link is not None:
            self._add_link_item(link)

    def _fit_cluster(self, cluster_id: str) -> None:
        item, board = self.clusters.get(cluster_id), self.board
        if item is not None and board is not None and not self._followers.rides(cluster_id):
            item.fit([self.notes[n.id] for n in board.notes_in(cluster_id) if n.id in self.notes])
            self._reached(item)

    def _place_link(self, item: LinkItem, paths: tuple[Polyline, ...] | None = None) -> None:
        if self._followers.rides(item.link.id):
            return  # carried by the drag, refitted at its end
        a, b = self.notes.get(item.link.source), self.notes.get(item.link.target)
        shown = a is not None and b is not None and a.isVisible() and b.isVisible()
        item.setVisible(shown)
        if shown:
            item.set_ends(a, b, paths)  # type: ignore[arg-type]
            if item.link.id not in self._followers.links:  # reached when the drag ends
                self._reached(item)

    def _children(self, note_id: str) -> list[LinkItem]:
        links = (self.links.get(lid) for lid in self._note_links.get(note_id, ()))
        return [i for i in links if i and i.link.kind == "child" and i.link.source == note_id]

    def _parents(self, note_id: str) -> list[str]:
        links = (self.links.get(lid) for lid in self._note_links.get(note_id, ()))
        return [
            i.link.source
            for i in links
            if i and i.link.kind == "child" and i.link.target == note_id
        ]

    def _shown(self, note_id: str) -> NoteItem | None:
        item = self.notes.get(note_id)
        return item if item is not None and item.isVisible() else None

    def _place_family(self, parent: str) -> None:
        """The lines from ``parent`` to its children: one bracket when they form a leaf block
        (geometry.connectors, as the PDF decides it), else a line each."""
        items = self._children(parent)
        head = self._shown(parent)
        paths = None
        if head is not None:
            kids = {
                i.link.id: kid.paper()
                for i in items
                if (kid := self._shown(i.link.target)) is not None
            }
            branching = {
                i.link.id
                for i in items
                if any(self._shown(c.link.target) for c in self._children(i.link.target))
            }
            paths = block_paths(head.paper(), kids, branching)
        for item in items:
            self._place_link(item, paths.get(item.link.id) if paths else None)

    def note_geometry_changed(self, item: NoteItem) -> None:
        """A note item moved or resized on screen (mid-drag): its frame and links follow, in
        the one layout pass of this event-loop turn however many notes moved."""
        if item.note.cluster:
            self._dirty_clusters.add(item.note.cluster)
        self._dirty_links.update(self._note_links.get(item.note.id, ()))
        self._schedule_layout()

    # -- gestures ------------------------------------------------------------------------
    def select_notes(self, items: Iterable[NoteItem], add: bool = False) -> None:
        """Select these notes (and, unless ``add``, nothing else), telling the window once, as
        Qt's rubber band does: told per note, each listener's look at the selection so far
        made Ctrl+A on a board of 2,000 notes take 7-9 s."""
        self.blockSignals(True)
        try:
            if not add:
                self.clearSelection()
            for item in items:
                item.setSelected(True)
        finally:
            self.blockSignals(False)
        self.selectionChanged.emit()

    def selected_note_ids(self) -> list[str]:
        return [i.note.id for i in self.selectedItems() if isinstance(i, NoteItem)]

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        super().mousePressEvent(event)
        transform = self.views()[0].transform() if self.views() else QTransform()
        if self.itemAt(event.scenePos(), transform) in (None, self.grid_item):
            self.background_pressed.emit(self.cell_at(event.scenePos()) or "")
        self._set_drag_start(
            {i.note.id: i.pos() for i in self.selectedItems() if isinstance(i, NoteItem)}
        )
        self._frames_at_press = {
            cid: (item.frame(), item.count) for cid, item in self.clusters.items()
        }

    def _set_drag_start(self, start: dict[str, QPointF]) -> None:
        """What a drag moves, and the frames and links that follow it: worked out once at the
        press, so a move costs no Python step per dragged note (see DragFollowers)."""
        self._end_follow()
        self._drag_start = start
        self._followers = DragFollowers.of(
            start, self.notes, self.clusters, self.links, self._note_links, self.board
        )

    def _follow_drag(self) -> None:
        follow = self._followers
        follow.move()
        if follow.links:
            self._dirty_links |= follow.links
            self._schedule_layout()

    def _end_follow(self) -> None:
        """The drag is over: what followed it is refitted where the notes are now."""
        clusters, links = self._followers.end()
        if clusters or links:
            self._dirty_clusters |= clusters
            self._dirty_links |= links
            self._schedule_layout()

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        super().mouseMoveEvent(event)  # Qt moves the selected notes
        if self._drag_start:
            self._follow_drag()

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        self._end_follow()
        if self._drag_start:
            self._commit_drag(self._drag_start)
        self._drag_start = {}

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        transform = self.views()[0].transform() if self.views() else QTransform()
        hits = self.items(event.scenePos(), deviceTransform=transform)
        hit = next((i for i in hits if i is not self.heat_item), None)  # the tint takes no clicks
        on_cell = (
            hit is self.grid_item
            and self.grid_item is not None
            and (self.grid_item.header_at(event.scenePos().x(), event.scenePos().y()) is None)
        )
        if hit is None or on_cell:
            self.empty_double_clicked.emit(event.scenePos())
            return
        super().mouseDoubleClickEvent(event)

    def _commit_drag(self, start: dict[str, QPointF]) -> None:
        moved = {
            nid: self.notes[nid].pos()
            for nid, pos in start.items()
            if nid in self.notes and self.notes[nid].pos() != pos
        }
        if not moved:
            return
        clusters = self._cluster_drops(moved)
        place = None if clusters else self._cell_place(moved)
        if place is not None:
            cell, index = place
            if self._keeps_order(moved, cell, index):
                self._restore_from_model(moved)  # dropped back on its own place
            elif self.document.apply(ops.place_in_cell, list(moved), cell, index) is None:
                self._restore_from_model(moved)
            return
        cells = self._cell_drops(moved)
        # Dragged past the board's edge: the note stops at it (the model takes no other spot).
        positions = {nid: clamp_position(p.x(), p.y()) for nid, p in moved.items()}
        notes = self.board.notes if self.board is not None else {}
        grown = {
            cid
            for nid, cid in clusters.items()
            if cid and nid in notes and notes[nid].cluster != cid
        }
        # A frame that grows moves the notes it now runs over out of it, in the same step;
        # only then, so that a plain drop does not pay for looking around the frame.
        change = self.document.apply_all(
            "move",
            lambda ws: ops.move_notes(ws, positions, clusters, cells),
            *(lambda ws, cid=cid: clear_frame(ws, cid) for cid in sorted(grown)),
        )
        if change is None:
            self._restore_from_model(moved)

    def cell_at(self, pos: QPointF) -> str | None:
        return self.geometry.cell_at(pos.x(), pos.y()) if self.geometry else None

    def _cell_place(self, moved: dict[str, QPointF]) -> tuple[str, int] | None:
        """Where in which cell a drop puts the notes, when all of them land in one cell: the
        place the first of them (in reading order) is over."""
        if self.geometry is None:
            return None
        centers = {nid: pos + self.notes[nid].note_rect().center() for nid, pos in moved.items()}
        cells = {self.cell_at(c) for c in centers.values()}
        if len(cells) != 1 or None in cells:
            return None
        cell = cells.pop()
        assert cell is not None
        lead = min(centers.values(), key=lambda c: (c.y(), c.x()))
        return cell, slot_index(self.geometry, cell, lead.x(), lead.y(), set(moved))

    def _keeps_order(self, moved: dict[str, QPointF], cell: str, index: int) -> bool:
        """Whether ``moved`` going to ``index`` leaves the cell's order as it is (as
        ops.place_in_cell would order it): a note dropped back on its own place."""
        board, geo = self.board, self.geometry
        assert board is not None and geo is not None
        order = geo.order.get(cell, [])
        staying = [n for n in order if n not in moved]
        coming = sorted(moved, key=lambda n: display_order(board.notes[n]))
        return staying[:index] + coming + staying[index:] == order

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
        """Which frame, as it was when the drag began, each dropped note's center is in.

        A frame takes a note when it holds other notes than the dragged ones (or the note was
        already in it): told from the frame's count at press less its dragged members, so a
        drop costs the notes dropped times the frames, never a scan of the board. The notes of
        a group dragged whole stay in it.
        """
        dragging: dict[str | None, int] = {}
        for nid in moved:
            cluster = self.notes[nid].note.cluster
            dragging[cluster] = dragging.get(cluster, 0) + 1
        # A group dragged whole (by its frame, or all its notes) moves as a group: however far
        # it goes, its notes are not leaving the frame they were in at the press.
        whole = {
            cid
            for cid, (_, count) in self._frames_at_press.items()
            if dragging.get(cid, 0) >= count
        }
        centers = {
            nid: pos + self.notes[nid].note_rect().center()
            for nid, pos in moved.items()
            if self.notes[nid].note.cluster not in whole
        }
        # Only the frames the drop lands on or across can take a note: read once, not once
        # per note dropped (a thousand frames at 20,000 notes).
        spread = QPolygonF(list(centers.values())).boundingRect().adjusted(-1, -1, 1, 1)
        frames = [
            (cid, frame, count)
            for cid, (frame, count) in self._frames_at_press.items()
            if frame.intersects(spread)
        ]
        out: dict[str, str | None] = {}
        for nid, center in centers.items():
            item = self.notes[nid]
            target = None
            for cid, frame, count in frames:
                others = count > dragging.get(cid, 0)
                if frame.contains(center) and (others or item.note.cluster == cid):
                    target = cid
                    break
            if target != item.note.cluster:
                out[nid] = target
        return out

    def _restore_from_model(self, ids: Iterable[str]) -> None:
        """Put refused notes back where the model has them."""
        board = self.board
        if board is None:
            return
        for nid in ids:
            item = self.notes.get(nid)
            if item is not None and nid in board.notes:
                item.set_note(board.notes[nid])
                self._place(item)
                self.note_geometry_changed(item)

    def begin_cluster_drag(self, item: ClusterItem) -> None:
        board = self.board
        notes = board.notes_in(item.cluster.id) if board is not None else []
        members = [self.notes[n.id] for n in notes if n.id in self.notes]
        self.select_notes(members)
        self._set_drag_start({i.note.id: i.pos() for i in members})
        self._frames_at_press = {}

    def drag_cluster(self, item: ClusterItem, delta: QPointF) -> None:
        for nid in self._drag_start:
            self.notes[nid].moveBy(delta.x(), delta.y())
        self._follow_drag()

    def finish_cluster_drag(self, item: ClusterItem) -> None:
        start, self._drag_start = self._drag_start, {}
        self._end_follow()
        if start:
            self._commit_drag(start)

    def finish_resize(self, item: NoteItem, w: float, h: float) -> None:
        changed = (w, h) != (item.note.w, item.note.h)
        if changed and self.document.apply(ops.resize_note, item.note.id, w, h) is None:
            self._restore_from_model([item.note.id])

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
        """Projector mode: no note text smaller than ``px`` screen pixels (0: off)."""
        self.min_text_px = px
        for item in self.notes.values():
            item.min_text_px = px
            item.update()
