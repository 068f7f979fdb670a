"""Copy, paste and drop: notes between boards, and plain text or files from other programs."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF

from pofacil.board import ops
from pofacil.board.model import Note

NOTES_MIME = "application/x-pofacil-notes"
IMPORTABLE = (".txt", ".csv", ".md", ".markdown")


def notes_to_mime(notes: list[Note]) -> QMimeData:
    """Our own format (kind, author, size, relative layout) plus one line per note as text."""
    mime = QMimeData()
    if not notes:
        return mime
    left = min(n.x for n in notes)
    top = min(n.y for n in notes)
    data = [{"text": n.text, "kind": n.kind, "author": n.author, "dx": n.x - left,
             "dy": n.y - top} for n in notes]
    mime.setData(NOTES_MIME, json.dumps(data, ensure_ascii=False).encode("utf-8"))
    mime.setText("\n".join(n.text.replace("\n", " ") for n in notes))
    return mime


def specs_from_mime(mime: QMimeData, at: QPointF) -> list[ops.NoteSpec]:
    """New notes for what was pasted or dropped at ``at``: our notes, or one per text line."""
    if mime.hasFormat(NOTES_MIME):
        try:
            data = json.loads(bytes(mime.data(NOTES_MIME).data()).decode("utf-8"))
            return [ops.NoteSpec(d["text"], kind=d["kind"], author=d["author"],
                                 x=at.x() + d["dx"], y=at.y() + d["dy"]) for d in data]
        except (ValueError, KeyError, TypeError):
            pass  # damaged clipboard content: fall back to its plain text
    lines = [line.strip() for line in mime.text().splitlines() if line.strip()]
    return [ops.NoteSpec(line, x=at.x() + (i % 6) * 180.0, y=at.y() + (i // 6) * 120.0)
            for i, line in enumerate(lines)]


def dropped_files(mime: QMimeData) -> list[Path]:
    return [Path(url.toLocalFile()) for url in mime.urls()
            if url.isLocalFile() and url.toLocalFile().lower().endswith(IMPORTABLE)]
