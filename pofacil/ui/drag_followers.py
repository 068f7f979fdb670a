"""The group frames and links that follow a drag, worked out once at the press.

A frame whose notes all move, and a link whose ends (and, for a mind-map line, its whole
family: the leaf block's bracket is drawn from the parent and all its children) all move, only
ride along: moved by the drag's offset, they keep their cached pixmaps and run no Python
beyond one setPos a frame. Refitting a frame and repainting its pixmap cost a 100-note drag
about 1.2 ms a frame for one frame, and re-placing a line 0.1 ms a link.

A link with one end moving changes shape: it is refitted in the scene's layout pass and, while
the drag lasts, drawn without a cache (a pixmap rebuilt every frame costs more than the
painting). A frame the drag splits, some of its notes moving and some not, holds still: it is
the frame the drop is judged against (a note dropped outside it leaves the group, one dropped
inside stays), so it shows that frame rather than stretch after notes that may be leaving it.
Stretched live, it also cost every frame of such a drag a Python repaint of a frame as large as
the stretch, and the repaint of every note under it.

At the release the riders go back to the origin and everything is refitted from the model.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from PySide6.QtCore import QPointF
from PySide6.QtWidgets import QGraphicsItem

from pofacil.board.model import Board

from .items import ClusterItem, LinkItem, NoteItem

_CACHE = QGraphicsItem.CacheMode.DeviceCoordinateCache
_NO_CACHE = QGraphicsItem.CacheMode.NoCache


@dataclass
class DragFollowers:
    """Riders move with the drag; stretched links (ids) are refitted as it goes; held frames
    (ids) wait for the release."""

    anchor: tuple[NoteItem, QPointF] | None = None  # a dragged note and where it started
    riding: list[ClusterItem | LinkItem] = field(default_factory=list)
    riding_ids: set[str] = field(default_factory=set)
    held: set[str] = field(default_factory=set)
    links: set[str] = field(default_factory=set)
    uncached: list[LinkItem] = field(default_factory=list)
    offset: QPointF = field(default_factory=QPointF)  # how far the riders are carried

    @classmethod
    def of(
        cls,
        start: Mapping[str, QPointF],
        notes: Mapping[str, NoteItem],
        clusters: Mapping[str, ClusterItem],
        links: Mapping[str, LinkItem],
        note_links: Mapping[str, Iterable[str]],
        board: Board | None,
    ) -> DragFollowers:
        out = cls()
        cluster_ids: set[str] = set()
        link_ids: set[str] = set()
        for nid, at in start.items():
            item = notes.get(nid)
            if item is None:
                continue
            if out.anchor is None:
                out.anchor = (item, QPointF(at))
            if item.note.cluster:
                cluster_ids.add(item.note.cluster)
            link_ids.update(note_links.get(nid, ()))
        for cid in cluster_ids:
            frame = clusters.get(cid)
            if frame is None:
                continue
            members = board.notes_in(cid) if board is not None else []
            shown = (n.id for n in members if n.id in notes and notes[n.id].isVisible())
            if all(n in start for n in shown):
                out._ride(frame, cid)
            else:
                out.held.add(cid)
        for lid in link_ids:
            line = links.get(lid)
            if line is None:
                continue
            link = line.link
            ends = [link.source, link.target]
            if link.kind == "child":  # its bracket is the whole family's
                ends += [
                    links[k].link.target
                    for k in note_links.get(link.source, ())
                    if k in links
                    and links[k].link.kind == "child"
                    and links[k].link.source == link.source
                ]
            if all(n in start for n in ends):
                out._ride(line, lid)
            else:
                out.links.add(lid)
                if line.cacheMode() == _CACHE:
                    line.setCacheMode(_NO_CACHE)
                    out.uncached.append(line)
        return out

    def _ride(self, item: ClusterItem | LinkItem, item_id: str) -> None:
        self.riding.append(item)
        self.riding_ids.add(item_id)

    def move(self) -> None:
        """Carry the riders by the drag's offset so far."""
        if self.anchor is None or not self.riding:
            return
        item, at = self.anchor
        self.offset = item.pos() - at
        for rider in self.riding:
            rider.setPos(self.offset)

    def rides(self, item_id: str) -> bool:
        """Whether a frame or link is carried by the drag, or a frame held: the layout pass
        leaves it alone. Not while the notes stay put (a resize or a new link's drag from a
        handle starts as a drag of the selection): there the frame is refitted as the note
        changes."""
        return (item_id in self.riding_ids or item_id in self.held) and not self.offset.isNull()

    def end(self) -> tuple[set[str], set[str]]:
        """Put the riders back at the origin and the caches back on; returns the ids of the
        frames and links to refit (clusters, links)."""
        clusters, links = set(self.held), set(self.links)
        for rider in self.riding:
            rider.setPos(0, 0)
            if isinstance(rider, ClusterItem):
                clusters.add(rider.cluster.id)
            else:
                links.add(rider.link.id)
        for item in self.uncached:
            item.setCacheMode(_CACHE)
        self.riding, self.riding_ids, self.uncached = [], set(), []
        self.held, self.links = set(), set()
        return clusters, links
