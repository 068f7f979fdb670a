"""Python's garbage collector kept out of a large workshop's gestures.

What an open workshop holds (its notes, graph, history and the scene's items, some millions of
objects at 20,000 notes) lives until the file is closed; a full collection walks all of it,
about 150 ms at 20,000 notes, and one falling inside a drop or a drag's frame is a stall the
room sees. So once a workshop is open, the heap is collected and frozen: later collections
walk only what was made since. Objects frozen are freed by their reference counts as ever;
only cycles among them wait, until the next workshop is opened and the heap is thawed and
collected first.
"""

from __future__ import annotations

import gc


def settle_heap() -> None:
    """A workshop has just been opened in the window: collect what the last one left, then
    freeze what this one holds."""
    gc.unfreeze()
    gc.collect()
    gc.freeze()
