"""History a person can read: each step as a sentence, in Chinese or English.

What a step did is read from its patches, not from its label: a label names the gesture
("move to cell"), the patches say which cells, which texts, from what to what. So a gesture
this module has never heard of (another helper's "reveal votes") still reads as what it
changed, and the label only picks the opening verb when nothing more telling is found.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime

from pofacil.board.model import Board, Patch, Workshop
from pofacil.board.model.kinds import KIND_BY_ID
from pofacil.board.storage.history import HistoryEntry

from .history_words import LABEL_ZH as _LABEL_ZH
from .history_words import TEXTS as _TEXTS

LANGUAGES = ("zh", "en")

# Fields that change with every edit and say nothing a reader needs.
_QUIET = {"updated", "seq", "w", "h", "collapsed"}
_SHORT = 30  # a note's text is quoted up to this many characters


@dataclass
class Names:
    """What ids stand for now: note texts, group and board names, cell labels per board."""

    notes: dict[str, str] = field(default_factory=dict)
    clusters: dict[str, str] = field(default_factory=dict)
    boards: dict[str, str] = field(default_factory=dict)
    cells: dict[tuple[str, str], str] = field(default_factory=dict)

    @classmethod
    def of(cls, workshop: Workshop, language: str = "zh") -> Names:
        names = cls()
        for board in workshop.boards.values():
            names.boards[board.id] = board.name
            names.notes.update((n.id, n.text) for n in board.notes.values())
            names.clusters.update((c.id, c.name) for c in board.clusters.values())
            for cell in board.cells:
                names.cells[(board.id, cell.id)] = cell_label(board, cell.id, language)
        return names


def cell_label(board: Board, cell_id: str, language: str) -> str:
    cell = board.cell(cell_id)
    if cell is None:
        return cell_id
    if language == "en":
        return f"{cell.row_en or cell.row} / {cell.column_en or cell.column}"
    return f"{cell.row}／{cell.column}"


def _short(text: object) -> str:
    text = " ".join(_plain(text).split())
    return text if len(text) <= _SHORT else text[: _SHORT - 1] + "…"


def _plain(value: object) -> str:
    """A value as a history line shows it. An integer past 15 digits (only a tampered or
    damaged file holds one) is told by its size: Python refuses to spell out one of over
    4,300 digits, and no reader counts them."""
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= 10**15:
        return f"{'-' if value < 0 else ''}10^{int(value.bit_length() * math.log10(2))}"
    return str(value)


def _clock(stamp: str | None) -> str:
    """``YYYY-MM-DD HH:MM`` in the time the step was taken (the room's clock)."""
    if not stamp:
        return "—"
    try:
        return datetime.fromisoformat(stamp).strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return stamp


class _Describer:
    def __init__(self, entry: HistoryEntry, names: Names, language: str) -> None:
        self.entry = entry
        self.names = names
        self.language = language
        self.t = _TEXTS[language]

    def quote(self, text: object) -> str:
        return self.t["quote"].format(_short(text)) if text not in (None, "") else ""

    def value(self, text: object) -> str:
        return self.quote(text) or self.t["none"]

    def note_text(self, patch: Patch) -> str:
        row = patch.after or patch.before or {}
        text = row.get("text") if "text" in row and patch.before is None else None
        if text is None:
            text = self.names.notes.get(patch.id, "")
        return self.quote(text)

    def cell(self, patch: Patch, cell_id: object) -> str:
        if not cell_id:
            return self.t["outside"]
        board = (patch.after or {}).get("board") or self.entry.board or ""
        return self.names.cells.get((_plain(board), _plain(cell_id)), _plain(cell_id))

    def kind(self, kind_id: object) -> str:
        kind = KIND_BY_ID.get(_plain(kind_id))
        return getattr(kind, self.language) if kind is not None else _plain(kind_id)

    def group(self, cluster_id: object) -> str:
        return self.names.clusters.get(_plain(cluster_id), _plain(cluster_id))

    # -- facts -------------------------------------------------------------------------
    def sentences(self) -> list[str]:
        """What the step changed, one clause per kind of change, in a fixed order."""
        notes = [p for p in self.entry.patches if p.entity == "note"]
        out: list[str] = []
        added = [p for p in notes if p.before is None and p.after is not None]
        copied = [p for p in added if (p.after or {}).get("origin")]
        if copied and self.entry.label in ("copy to board", "send to breakout"):
            out.append(self.t["copied"].format(count=len(copied)))
        elif added:
            out.append(self.counted("add_note", "add_notes", added))
        gone = [p for p in notes if p.after is None and p.before is not None]
        if gone:
            out.append(self.t["removed_note"].format(count=len(gone)))
        updates = [p for p in notes if p.before is not None and p.after is not None]
        out += self.cluster_sentences()  # a new group before the notes that join it
        out += self.note_updates(updates)
        out += self.board_sentences()
        out += self.link_sentences()
        out += self.info_sentences()
        return out

    def counted(self, one: str, many: str, patches: list[Patch], **more: str) -> str:
        if len(patches) == 1:
            return self.t[one].format(text=self.note_text(patches[0]), **more)
        return self.t[many].format(count=len(patches), **more)

    def changed(self, patches: list[Patch], key: str) -> list[Patch]:
        return [
            p
            for p in patches
            if key in (p.after or {}) and (p.before or {}).get(key) != (p.after or {}).get(key)
        ]

    def moved_between(
        self,
        patches: list[Patch],
        key: str,
        one: str,
        many: str,
        name: Callable[[Patch, object], str],
    ) -> list[str]:
        """A field that takes named values (a kind, a cell): from -> to for one note; for
        several, how many went where (or "…" when they went different ways)."""
        if not patches:
            return []
        if len(patches) == 1:
            p = patches[0]
            before, after = (p.before or {}).get(key), (p.after or {})[key]
            text = self.note_text(p)
            return [self.t[one].format(text=text, before=name(p, before), after=name(p, after))]
        targets = {(p.after or {})[key] for p in patches}
        after = name(patches[0], targets.pop()) if len(targets) == 1 else "…"
        return [self.t[many].format(count=len(patches), after=after)]

    def note_updates(self, updates: list[Patch]) -> list[str]:
        t, out = self.t, []
        for p in self.changed(updates, "text"):
            before, after = (p.before or {}).get("text"), (p.after or {})["text"]
            out.append(t["text"].format(before=self.value(before), after=self.value(after)))
        for p in self.changed(updates, "author"):
            before, after = (p.before or {}).get("author"), (p.after or {})["author"]
            out.append(
                t["author"].format(
                    text=self.note_text(p), before=self.value(before), after=self.value(after)
                )
            )
        kinds = self.changed(updates, "kind")
        cells = self.changed(updates, "cell")
        out += self.moved_between(kinds, "kind", "kind", "kinds", lambda _p, v: self.kind(v))
        out += self.moved_between(cells, "cell", "cell", "cells", self.cell)
        groups = self.changed(updates, "cluster")
        joined = [p for p in groups if (p.after or {})["cluster"]]
        left = [p for p in groups if not (p.after or {})["cluster"]]
        if joined:
            names = {self.group((p.after or {})["cluster"]) for p in joined}
            out.append(
                self.counted("joined", "joined_many", joined, after="、".join(sorted(names)))
            )
        if left:
            name = self.group((left[0].before or {}).get("cluster"))
            out.append(self.counted("left", "left_many", left, before=name))
        deleted = self.changed(updates, "deleted")
        gone = [p for p in deleted if (p.after or {})["deleted"]]
        back = [p for p in deleted if not (p.after or {})["deleted"]]
        if gone:
            out.append(self.counted("deleted", "deleted_many", gone))
        if back:
            out.append(self.counted("restored", "restored_many", back))
        votes = self.changed(updates, "votes")
        if len(votes) == 1:
            p = votes[0]
            out.append(
                t["votes"].format(
                    text=self.note_text(p),
                    before=_plain((p.before or {}).get("votes", 0)),
                    after=_plain((p.after or {})["votes"]),
                )
            )
        elif votes:
            out.append(t["votes_many"].format(count=len(votes)))
        told = {p.id for p in kinds + cells + groups + deleted + votes}
        told |= {p.id for p in self.changed(updates, "text") + self.changed(updates, "author")}
        moved = [p for p in updates if p.id not in told and ({"x", "y"} & set(p.after or {}))]
        if moved:
            if self.entry.label == "lay out":
                out.append(t["layout"].format(count=len(moved)))
            else:
                out.append(self.counted("moved", "moved_many", moved))
        reordered = [p for p in self.changed(updates, "seq") if p.id not in told]
        if reordered and not moved:
            out.append(t["reorder"].format(count=len(reordered)))
        return out

    def board_sentences(self) -> list[str]:
        t, out = self.t, []
        boards = [p for p in self.entry.patches if p.entity == "board"]
        positions = 0
        for p in boards:
            before, after = p.before, p.after
            if before is None and after is not None:
                out.append(t["board_added"].format(after=after.get("name", "")))
                continue
            if before is None or after is None:
                continue
            name = after.get("name") or self.names.boards.get(p.id, "")
            if "name" in after and before.get("name") != after["name"]:
                out.append(
                    t["board_renamed"].format(before=before.get("name"), after=after["name"])
                )
            if "deleted" in after and before.get("deleted") != after["deleted"]:
                key = "board_deleted" if after["deleted"] else "board_restored"
                out.append(t[key].format(before=name, after=name))
            if "cells" in after:
                out += self.cell_changes(before.get("cells"), after["cells"])
            positions += "position" in after
        if positions:
            out.append(t["boards_reordered"])
        return out

    def cell_changes(self, before: object, after: object) -> list[str]:
        def parse(cells: object) -> dict[str, dict[str, str]]:
            try:
                return {c["id"]: c for c in json.loads(str(cells or "[]"))}
            except (ValueError, TypeError, KeyError):
                return {}

        old, new = parse(before), parse(after)
        out = []
        for cid, cell in new.items():
            was = old.get(cid)
            if was is None:
                continue
            for label in ("row", "column", "group"):
                english = f"{label}_en"
                # The English label when the English UI reads it and it changed; else Chinese.
                if self.language == "en" and was.get(english) != cell.get(english):
                    label = english
                if was.get(label) != cell.get(label) and was.get(label):
                    out.append(
                        self.t["label_renamed"].format(before=was.get(label), after=cell.get(label))
                    )
        out = list(dict.fromkeys(out))  # a renamed row renames each of its cells
        added_rows = {cid.partition("/")[0] for cid in new.keys() - old.keys()}
        if new.keys() - old.keys():
            out.append(self.t["rows_added"].format(count=max(1, len(added_rows))))
        return out

    def cluster_sentences(self) -> list[str]:
        t, out = self.t, []
        for p in self.entry.patches:
            if p.entity != "cluster":
                continue
            if p.before is None and p.after is not None:
                out.append(t["group_added"].format(after=p.after.get("name", "")))
            elif p.after is None and p.before is not None:
                out.append(t["group_removed"].format(before=p.before.get("name", "")))
            elif p.before is not None and p.after is not None and "name" in p.after:
                out.append(
                    t["group_renamed"].format(before=p.before.get("name"), after=p.after["name"])
                )
        return out

    def link_sentences(self) -> list[str]:
        links = [p for p in self.entry.patches if p.entity == "link"]
        added = [p for p in links if p.before is None]
        removed = [p for p in links if p.after is None]
        out = []
        if self.entry.label in ("link", "unlink") or not any(
            p.entity == "note" for p in self.entry.patches
        ):
            if len(added) == 1:
                out.append(self.t["link_added"])
            elif added:
                out.append(self.t["links_added"].format(count=len(added)))
            if len(removed) == 1:
                out.append(self.t["link_removed"])
            elif removed:
                out.append(self.t["links_removed"].format(count=len(removed)))
        return out

    def info_sentences(self) -> list[str]:
        out = []
        for p in self.entry.patches:
            if p.entity != "workshop" or p.before is None or p.after is None:
                continue
            for key in ("title", "date", "venue", "facilitator"):
                if key in p.after and p.before.get(key) != p.after[key]:
                    out.append(
                        self.t[f"info_{key}"].format(
                            before=self.value(p.before.get(key)), after=self.value(p.after[key])
                        )
                    )
        return out

    def what(self) -> str:
        key, _, detail = self.entry.label.partition(": ")
        if key == "merge" and detail:
            count = len({p.id for p in self.entry.patches if p.entity == "board"})
            return self.t["merge"].format(count=count, detail=detail)
        parts = self.sentences()
        label = self.entry.label
        if label in _LABEL_ZH and self.language == "zh":
            label = _LABEL_ZH[label]
        if not parts:
            return self.t["generic"].format(label=label, count=len(self.entry.patches))
        if self.entry.label in _LABEL_ZH:
            # A gesture the patches alone do not name (a vote round): say it, then the facts.
            return label + (": " if self.language == "en" else "：") + self.t["sep"].join(parts)
        return self.t["sep"].join(parts)


def describe(entry: HistoryEntry, names: Names, language: str = "zh") -> str:
    """What one step changed, as a clause: "修改文字：「舊」 → 「新」"."""
    return _Describer(entry, names, language).what()


@dataclass(frozen=True)
class HistoryLine:
    """One event of the history, as a reader sees it: a step taken, undone or redone."""

    at: str
    who: str
    board: str
    text: str
    entry: int  # the history line this event is about
    event: str  # "done", "undone" or "redone"


def history_lines(
    entries: Iterable[HistoryEntry], names: Names, language: str = "zh"
) -> list[HistoryLine]:
    """Every step, and every undo and redo of a step, as sentences in time order.

    An undo is told as its own line naming who undid which step (an undone step is not
    relabelled with the undoer's name); a step undone and redone keeps its first author.
    """
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language}")
    t = _TEXTS[language]
    out: list[tuple[str, int, int, HistoryLine]] = []
    for entry in entries:
        what = describe(entry, names, language)
        board = names.boards.get(entry.board or "", "")
        when = _clock(entry.at)
        # (event, who, at): the step, then an undo, then a redo; a step undone and redone
        # keeps its undo in undone_by/undone_at, its redo in state_by/state_at.
        events = [("done", entry.actor, entry.at)]
        if entry.state == "done" and entry.undone_at and entry.undone_by:
            events.append(("undone", entry.undone_by, entry.undone_at))
        if entry.state_at and entry.state_by:
            redone = entry.state == "done"
            events.append(("redone" if redone else "undone", entry.state_by, entry.state_at))
        for order, (event, who, at) in enumerate(events):
            if event == "done":
                text = t["line"].format(who=who, when=when, what=what)
            elif event == "undone":
                text = t["undid"].format(
                    who=who, when=_clock(at), what=what, author=entry.actor, at=when[-5:]
                )
            else:
                text = t["redid"].format(who=who, when=_clock(at), what=what)
            out.append((at, entry.id, order, HistoryLine(at, who, board, text, entry.id, event)))
    out.sort(key=lambda item: (_sortable(item[0]), item[1], item[2]))
    return [item[3] for item in out]


def _sortable(stamp: str) -> str:
    try:
        return datetime.fromisoformat(stamp).astimezone().isoformat()
    except ValueError:
        return stamp
