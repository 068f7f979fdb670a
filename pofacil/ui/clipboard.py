"""Copy, paste and drop: notes between boards, and plain text or files from other programs."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

from PySide6.QtCore import QMimeData, QPointF

from pofacil.board import ops
from pofacil.board.model import Note
from pofacil.board.model.limits import NOTE_GAP, clamp_position, clean_text

NOTES_MIME = "application/x-pofacil-notes"
IMPORTABLE = (".txt", ".csv", ".md", ".markdown")


def notes_to_mime(notes: list[Note]) -> QMimeData:
    """Our own format (kind, author, size, relative layout) plus one line per note as text."""
    mime = QMimeData()
    if not notes:
        return mime
    left = min(n.x for n in notes)
    top = min(n.y for n in notes)
    data = [
        {"text": n.text, "kind": n.kind, "author": n.author, "dx": n.x - left, "dy": n.y - top}
        for n in notes
    ]
    mime.setData(NOTES_MIME, json.dumps(data, ensure_ascii=False).encode("utf-8"))
    mime.setText("\n".join(n.text.replace("\n", " ") for n in notes))
    return mime


def specs_from_mime(mime: QMimeData, at: QPointF) -> list[ops.NoteSpec]:
    """New notes for what was pasted or dropped at ``at``: our notes, or one per text line.

    The clipboard is another program's word: its text is cleaned (limits.clean_text) and a
    spot past the edge of the board is moved inside it, so a paste near the edge, or a
    duplicate of a note at the edge, still lands on the board.
    """
    if mime.hasFormat(NOTES_MIME):
        try:
            return [
                _spec(
                    d["text"],
                    at.x() + d["dx"],
                    at.y() + d["dy"],
                    kind=d["kind"],
                    author=clean_text(d["author"]),
                )
                for d in _our_notes(mime)
            ]
        except (ValueError, KeyError, TypeError, OverflowError):
            pass  # damaged clipboard content: fall back to its plain text
    lines = [line.strip() for line in mime.text().splitlines() if line.strip()]
    return [
        _spec(line, at.x() + (i % 6) * NOTE_GAP[0], at.y() + (i // 6) * NOTE_GAP[1])
        for i, line in enumerate(lines)
    ]


def _our_notes(mime: QMimeData) -> list[dict[str, Any]]:
    """Our format, or ValueError: NaN, Infinity and non-numbers are damage, not offsets
    (OverflowError for an integer too big for a float)."""

    def no_constants(name: str) -> float:
        raise ValueError(name)

    data = json.loads(
        bytes(mime.data(NOTES_MIME).data()).decode("utf-8"), parse_constant=no_constants
    )
    for d in data:
        offsets = (d["dx"], d["dy"])
        numbers = all(
            isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v)
            for v in offsets
        )
        if not numbers or not all(isinstance(d[k], str) for k in ("text", "kind", "author")):
            raise ValueError("not a pofacil note")
    notes: list[dict[str, Any]] = data
    return notes


def _spec(text: str, x: float, y: float, **fields: str) -> ops.NoteSpec:
    x, y = clamp_position(x, y)
    return ops.NoteSpec(clean_text(text), x=x, y=y, **fields)  # type: ignore[arg-type]


def dropped_files(mime: QMimeData) -> list[Path]:
    return [
        Path(url.toLocalFile())
        for url in mime.urls()
        if url.isLocalFile() and url.toLocalFile().lower().endswith(IMPORTABLE)
    ]
