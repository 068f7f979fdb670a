"""The workshop file's schema and the migrations that bring an older file up to date.

The version lives in SQLite's ``user_version`` and the file is marked as ours by its
``application_id``, both in the file header, so a file can be recognised (or refused)
before SQLite is asked to open it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # a migration is handed the database; importing sqlite-utils is the caller's
    import sqlite_utils

APPLICATION_ID = 0x50464331  # "PFC1"

TABLES: dict[str, dict[str, type]] = {
    "workshop": {"id": str, "title": str, "date": str, "venue": str, "facilitator": str},
    "boards": {
        "id": str,
        "name": str,
        "template": str,
        "position": int,
        "cells": str,
        "deleted": bool,
    },
    "notes": {
        "id": str,
        "board": str,
        "text": str,
        "kind": str,
        "x": float,
        "y": float,
        "w": float,
        "h": float,
        "cell": str,
        "cluster": str,
        "author": str,
        "created": str,
        "updated": str,
        "deleted": bool,
        "votes": int,
        "origin": str,
        "collapsed": bool,
        "seq": int,
    },
    "clusters": {"id": str, "board": str, "name": str, "color": str},
    "links": {"id": str, "board": str, "source": str, "target": str, "kind": str},
    "vote_rounds": {
        "id": str,
        "board": str,
        "scope": str,
        "members": str,
        "per_person": int,
        "per_note": int,
        "hidden": bool,
        "state": str,
        "opened": str,
        "closed": str,
    },
    "votes": {
        "id": str,
        "board": str,
        "round": str,
        "note": str,
        "source": str,
        "cast": str,
    },
    "history": {
        "id": int,
        "at": str,
        "actor": str,
        "board": str,
        "label": str,
        "patches": bytes,
        "state": str,
        "state_at": str,
        "state_by": str,
        "undone_at": str,
        "undone_by": str,
    },
    "history_entities": {"history": int, "entity": str},
    # Points sent from participants' phones (pofacil/room): see storage/inbox.py.
    "inbox": {
        "id": str,
        "key": str,
        "board": str,
        "text": str,
        "author": str,
        "received": str,
        "state": str,
    },
}


def _v1(db: sqlite_utils.Database) -> None:
    # A new file is created straight at the current schema (TABLES); the later steps only
    # add what a file written by an older pofacil lacks, so each checks before it adds.
    for name, columns in TABLES.items():
        if name != "history_entities":
            db.table(name).create(columns, pk="id", not_null={"id"})
    # WITHOUT ROWID (which sqlite-utils cannot declare): the lookup key is the table itself,
    # not a second copy of it in an index.
    db.execute(
        "CREATE TABLE history_entities (entity TEXT NOT NULL, history INTEGER NOT NULL, "
        "PRIMARY KEY (entity, history)) WITHOUT ROWID"
    )
    db.table("notes").create_index(["board"])
    db.table("clusters").create_index(["board"])
    db.table("links").create_index(["board"])
    db.table("history").create_index(["board"])
    db.table("history").create_index(["state", "id"])


def _v2(db: sqlite_utils.Database) -> None:
    """Provenance of copied notes and folded mind-map branches (the templates issue)."""
    notes = db.table("notes")
    if "origin" not in notes.columns_dict:
        notes.add_column("origin", str)
    if "collapsed" not in notes.columns_dict:
        notes.add_column("collapsed", int, not_null_default=0)


def _v3(db: sqlite_utils.Database) -> None:
    """Each note's display order (the tables issue): an older file's notes keep the order
    they were shown in, which was creation order."""
    notes = db.table("notes")
    if "seq" in notes.columns_dict:
        return
    notes.add_column("seq", int, not_null_default=0)
    order = db.execute("SELECT id FROM notes ORDER BY board, created, id").fetchall()
    db.conn.executemany(
        "UPDATE notes SET seq = ? WHERE id = ?", [(i, nid) for i, (nid,) in enumerate(order, 1)]
    )


def _v4(db: sqlite_utils.Database) -> None:
    """Who facilitated the workshop (the accountability record): shown in export headers."""
    workshop = db.table("workshop")
    if "facilitator" not in workshop.columns_dict:
        workshop.add_column("facilitator", str)


def _v5(db: sqlite_utils.Database) -> None:
    """Who undid a step that was later redone, and when (the accountability record): a redo
    overwrites ``state_at``/``state_by``, so the undo is kept beside them."""
    history = db.table("history")
    for column in ("undone_at", "undone_by"):
        if column not in history.columns_dict:
            history.add_column(column, str)


def _v6(db: sqlite_utils.Database) -> None:
    """Dot-vote rounds and the votes cast in them (the projector issue). Written out here,
    not read from TABLES: a migration keeps the schema of its day."""
    if not db.table("vote_rounds").exists():
        db.table("vote_rounds").create(
            {
                "id": str,
                "board": str,
                "scope": str,
                "members": str,
                "per_person": int,
                "per_note": int,
                "hidden": bool,
                "state": str,
                "opened": str,
                "closed": str,
            },
            pk="id",
            not_null={"id"},
        )
        db.table("vote_rounds").create_index(["board"])
    if not db.table("votes").exists():
        db.table("votes").create(
            {"id": str, "board": str, "round": str, "note": str, "source": str, "cast": str},
            pk="id",
            not_null={"id"},
        )
        db.table("votes").create_index(["board"])


# Tables a step after _v1 adds: an older file lacks them until it is migrated, so the check
# made before migrating does not ask for them.
ADDED_LATER = {"vote_rounds", "votes", "inbox"}


def _v7(db: sqlite_utils.Database) -> None:
    """The room's inbox (issue 15): points from phones, waiting for the table lead. ``key``
    is unique so a retried submission finds the point it already made. Written out here, not
    read from TABLES: a migration keeps the schema of its day."""
    if not db.table("inbox").exists():
        db.table("inbox").create(
            {
                "id": str,
                "key": str,
                "board": str,
                "text": str,
                "author": str,
                "received": str,
                "state": str,
            },
            pk="id",
            not_null={"id"},
        )
    db.execute("CREATE UNIQUE INDEX IF NOT EXISTS inbox_key ON inbox (key)")


MIGRATIONS: list[Callable[[sqlite_utils.Database], None]] = [_v1, _v2, _v3, _v4, _v5, _v6, _v7]
SCHEMA_VERSION = len(MIGRATIONS)


def migrate(
    db: sqlite_utils.Database,
    migrations: list[Callable[[sqlite_utils.Database], None]] = MIGRATIONS,
) -> int:
    """Apply the migrations the file lacks, each in its own transaction; returns the version."""
    version = db.execute("PRAGMA user_version").fetchone()[0]
    for number, step in enumerate(migrations[version:], start=version + 1):
        with db.atomic():
            step(db)
            db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            db.execute(f"PRAGMA user_version = {number}")
        version = number
    return int(version)
