"""Property tests for the record: any history line reads as a sentence (whatever gesture made
it, a newer pofacil's included), and any ``created`` value imports as a time or is refused with
a message, never a traceback."""

from __future__ import annotations

from datetime import datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from pofacil.board.formats.history_text import Names, describe, history_lines
from pofacil.board.formats.importers import created_time
from pofacil.board.model import Patch
from pofacil.board.model.errors import ModelError
from pofacil.board.storage.history import HistoryEntry

from .strategies import ANY_TEXT, NUMBERS

FIELDS = ["text", "author", "kind", "cell", "cluster", "deleted", "votes", "x", "y", "seq"]
FIELDS += ["name", "cells", "position", "title", "date", "venue", "facilitator", "origin"]
VALUES = ANY_TEXT | NUMBERS | st.booleans() | st.none()
ROWS = st.dictionaries(st.sampled_from(FIELDS) | ANY_TEXT, VALUES, max_size=6)
PATCHES = st.builds(
    Patch,
    st.sampled_from(["note", "board", "cluster", "link", "workshop"]),
    ANY_TEXT,
    ROWS | st.none(),
    ROWS | st.none(),
)
LABELS = (
    st.sampled_from(
        ["move", "lay out", "vote", "reveal votes", "merge: a.pofacil", "copy to board"]
    )
    | ANY_TEXT
)
STAMPS = st.sampled_from(["2026-11-20T10:42:00+08:00", "", "not a time"]) | ANY_TEXT


@settings(max_examples=300, deadline=None)
@given(
    LABELS,
    st.lists(PATCHES, max_size=8),
    st.sampled_from(["done", "undone", "dropped"]),
    STAMPS,
    STAMPS,
    st.sampled_from(["zh", "en"]),
)
def test_any_history_line_reads_as_a_sentence(
    label: str, patches: list[Patch], state: str, at: str, state_at: str, language: str
) -> None:
    entry = HistoryEntry(1, at, "王小明", None, label, state, state_at or None, "林書記", patches)
    text = describe(entry, Names(), language)
    assert isinstance(text, str) and text
    lines = history_lines([entry], Names(), language)
    assert len(lines) == (2 if state_at else 1)
    done = next(x for x in lines if x.event == "done")
    assert done.text.startswith("王小明 ") and done.who == "王小明"
    assert all(x.text.startswith("林書記 ") for x in lines if x.event != "done")


@settings(max_examples=300, deadline=None)
@given(
    ANY_TEXT
    | st.from_regex(r"\d{1,2}:\d{2}(:\d{2})?", fullmatch=True)
    | st.datetimes().map(lambda d: d.isoformat())
    | st.datetimes(timezones=st.timezones()).map(lambda d: d.isoformat()),
    st.booleans(),
)
def test_any_created_value_is_a_time_or_a_clear_refusal(value: str, dated: bool) -> None:
    try:
        stamp = created_time(value, "2026-11-20" if dated else "")
    except ModelError as exc:
        assert str(exc)  # a message for the import's line list
        return
    when = datetime.fromisoformat(stamp)
    assert when.tzinfo is not None  # stored with its offset, read back the same everywhere
    assert created_time(stamp, "") == stamp  # what export --csv writes imports unchanged
