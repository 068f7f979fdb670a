"""Committing what phones send: a batch of points in one transaction with its history line.

A point is acknowledged only after this returns it as received: it is then in the workshop
file, and so is the history line saying it arrived (state ``recorded``: no undo step of the table
lead, and the lead's redo is kept). A retried submission (same key) finds its point and makes
no second one. With ``direct``, each point also becomes a note at once, placed like a quick
capture; otherwise it waits in the inbox for the lead.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from pofacil.board.model import Change, Patch, new_id, now
from pofacil.board.model.errors import ModelError, PofacilError
from pofacil.board.model.limits import check_text
from pofacil.board.model.points import Point
from pofacil.board.ops.inbox import ARRIVE_LABEL, accept_point, moderate
from pofacil.board.ops.notes import note_text
from pofacil.board.session import Session
from pofacil.board.storage.connection import connect
from pofacil.board.storage.inbox import known_keys
from pofacil.board.storage.store import Store

ROOM_ACTOR = "room"  # who history says made a line: the room, never a participant's name
# The history state of a line that is no undo step of the lead (Store.commit), shared with
# the votes phones cast.
RECORDED = "recorded"

RECEIVED = "received"
REFUSED = "refused"  # the point itself is not acceptable (empty, too long): the phone is told
UNAVAILABLE = "unavailable"  # the file cannot take it now: not received, try again


@dataclass(frozen=True)
class Arrival:
    """One submission as the server hands it over (already within the room's limits)."""

    key: str
    text: str
    author: str = ""


@dataclass(frozen=True)
class Receipt:
    status: str
    point: str | None = None  # the point's id, when received
    reason: str = ""  # the English template of why not, for the log and the page


@dataclass
class Placement:
    """Where points go: the board, and with ``direct`` the capture target on it."""

    board: str | None = None
    direct: bool = False
    target: str | None = None
    previous: str | None = None


def receive(session: Session, arrivals: list[Arrival], place: Placement) -> list[Receipt]:
    """Commit ``arrivals`` (one transaction for all) and say, for each, what became of it."""
    if session.read_only or session.storage_error is not None:
        return [Receipt(UNAVAILABLE, reason="The workshop file cannot take changes now.")] * len(
            arrivals
        )
    ws = session.workshop
    board = _board(session, place)
    if not place.direct:
        return receive_into(session.store, arrivals, board)[0]
    receipts, points = _new_points(session.store, arrivals, board)
    if not points:
        return receipts
    patches = [Patch("point", p.id, None, p.row()) for p in points]
    try:
        # One atomic block: the notes are shown only once the file has them, and taken back
        # out of the model if it refuses them.
        with ws.atomic():
            for point in points:
                change = accept_point(
                    ws, point, board, target=place.target, previous=place.previous
                )
                ws.apply_all(change.patches)
                patches += change.patches
                place.previous = point.id
            session.store.commit(Change(ARRIVE_LABEL, patches, board), ROOM_ACTOR, state=RECORDED)
    except PofacilError as exc:
        return _not_received(receipts, points, exc)
    return receipts


def receive_into(
    store: Store, arrivals: list[Arrival], board: str
) -> tuple[list[Receipt], list[Point]]:
    """Commit ``arrivals`` to the inbox of ``board`` through ``store`` alone, without the
    model: what the app does on the room's own thread, with a second connection to the file,
    so the window never waits for the disk. Also returns the points the file now has."""
    receipts, points = _new_points(store, arrivals, board)
    if not points:
        return receipts, []
    change = Change(ARRIVE_LABEL, [Patch("point", p.id, None, p.row()) for p in points], board)
    try:
        store.commit(change, ROOM_ACTOR, state=RECORDED)
    except PofacilError as exc:
        return _not_received(receipts, points, exc), []
    return receipts, points


def _new_points(
    store: Store, arrivals: list[Arrival], board: str
) -> tuple[list[Receipt], list[Point]]:
    """A receipt per arrival (a retry answered with its point), and the points to commit."""
    try:
        seen = known_keys(store.conn, {a.key for a in arrivals})
    except sqlite3.Error:  # a file that cannot be read now: not received
        reason = "The workshop file cannot be read now."
        return [Receipt(UNAVAILABLE, reason=reason)] * len(arrivals), []
    receipts: list[Receipt] = []
    points: list[Point] = []
    stamp = now()
    for arrival in arrivals:
        if arrival.key in seen:
            receipts.append(Receipt(RECEIVED, seen[arrival.key]))
            continue
        try:
            text, author = note_text(arrival.text), check_text(arrival.author.strip())
        except ModelError as exc:
            receipts.append(Receipt(REFUSED, reason=exc.template))
            continue
        point = Point(new_id(), arrival.key, board, text, author, stamp)
        points.append(point)
        seen[arrival.key] = point.id
        receipts.append(Receipt(RECEIVED, point.id))
    return receipts, points


def _not_received(receipts: list[Receipt], points: list[Point], exc: PofacilError) -> list[Receipt]:
    """The receipts once the commit failed: none of ``points`` was received."""
    ids = {p.id for p in points}
    return [Receipt(UNAVAILABLE, reason=exc.template) if r.point in ids else r for r in receipts]


def _board(session: Session, place: Placement) -> str:
    """The board points go to: the one asked for while it lives, else the first."""
    boards = session.workshop.ordered_boards()
    if place.board is not None and any(b.id == place.board for b in boards):
        return place.board
    if not boards:
        raise ModelError("The workshop has no board.")
    return boards[0].id


def moderate_point(session: Session, point: Point, state: str) -> None:
    """Set a point aside or put it back: written with a history line of the room (no undo
    step: the lead's undo and redo stay as they were). StorageError when the file refuses."""
    session.store.ensure_writable()
    session.store.commit(moderate(point, state), session.actor, state=RECORDED)


def side_store(store: Store) -> Store:
    """A second connection to ``store``'s open file, for another thread of the same app: it
    shares the app's lock on the file (never releases it: close it with ``.conn.close()``)
    and, like the app's, refuses to write once the file was moved or deleted."""
    return Store(store.path, connect(store.path, read_only=False), store._lock)
