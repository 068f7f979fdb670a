"""Board items, one module per kind: they paint the model and report gestures to the scene;
they never write the model. Every rectangle and colour comes from ``pofacil.board.geometry``,
the same source the PDF draws from."""

from .cluster import ClusterItem
from .grid import GridItem, HeatItem
from .link import LinkItem
from .note import NoteEditor, NoteItem

__all__ = ["ClusterItem", "GridItem", "HeatItem", "LinkItem", "NoteEditor", "NoteItem"]
