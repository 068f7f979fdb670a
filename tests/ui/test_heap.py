"""A workshop's heap is frozen once open, and thawed and collected when the next one opens."""

import gc
import weakref

from pofacil.ui.heap import settle_heap


class Loop:
    """An object in a reference cycle: only the collector frees it."""

    def __init__(self) -> None:
        self.me = self


def test_what_a_closed_workshop_left_in_cycles_is_freed_at_the_next_open() -> None:
    held = Loop()
    gone = weakref.ref(held)
    settle_heap()  # a workshop opened: what it holds is frozen
    assert gc.get_freeze_count() > 0
    del held  # the workshop is closed: its cycles are garbage, frozen
    gc.collect()
    assert gone() is not None, "a frozen cycle waits"
    settle_heap()  # the next workshop opened
    assert gone() is None


def test_garbage_made_since_the_freeze_is_collected_as_ever() -> None:
    settle_heap()
    loop = Loop()
    gone = weakref.ref(loop)
    del loop
    gc.collect()
    assert gone() is None
