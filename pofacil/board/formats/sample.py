"""The built-in sample workshop, kept as data in ``assets/sample/`` and built into a file."""

from __future__ import annotations

import json
import os
from datetime import datetime, timedelta
from importlib import resources
from pathlib import Path
from typing import Any

from pofacil.board import ops
from pofacil.board.model import Workshop, WorkshopInfo
from pofacil.board.storage.store import Store

from .importers import created_time


def sample_data() -> dict[str, Any]:
    source = resources.files("pofacil.assets") / "sample" / "consensus-camp.json"
    data: dict[str, Any] = json.loads(source.read_text(encoding="utf-8"))
    return data


# Minutes between two points raised on a sample board: a scribe's pace in the room.
_PACE = 3


def build_sample() -> Workshop:
    """The sample as a workshop in memory, with no history: it is where a user starts.

    Its notes were said on the sample's day: each board's from its ``start`` (HH:MM), a few
    minutes apart, so the record's times read like a real camp's."""
    data = sample_data()
    info = WorkshopInfo(
        title=data["title"],
        date=data["date"],
        venue=data["venue"],
        facilitator=data.get("facilitator", ""),
    )
    ws = Workshop(info)
    for board_data in data["boards"]:
        change = ops.add_board(ws, board_data["template"], board_data["name"], with_center=False)
        for patch in change.patches:
            ws.load(patch)
        specs: list[ops.NoteSpec] = []
        links: list[tuple[str, str, str]] = []
        _flatten(board_data["notes"], None, specs, links)
        start = datetime.strptime(board_data.get("start", "09:00"), "%H:%M")
        for i, spec in enumerate(specs):
            clock = (start + timedelta(minutes=_PACE * i)).strftime("%H:%M")
            spec.created = created_time(clock, info.date)
        for patch in ops.add_notes(ws, change.board or "", specs, links).patches:
            ws.load(patch)
    return ws


def _flatten(
    notes: list[dict[str, Any]],
    parent: str | None,
    specs: list[ops.NoteSpec],
    links: list[tuple[str, str, str]],
) -> None:
    for data in notes:
        fields = {k: v for k, v in data.items() if k != "children"}
        spec = ops.NoteSpec(**fields)
        specs.append(spec)
        if parent is not None:
            links.append((parent, spec.id, "child"))
        _flatten(data.get("children", []), spec.id, specs, links)


def write_sample(path: str | os.PathLike[str]) -> Path:
    """Write the sample workshop to a new file at ``path``."""
    Store.create(path, build_sample()).close()
    return Path(path)
