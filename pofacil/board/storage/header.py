"""The workshop file's header, read before SQLite is asked to open it."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from pofacil.board.model.errors import (
    NewerFileError,
    NotAWorkshopFile,
)

from .migrations import APPLICATION_ID, SCHEMA_VERSION

SQLITE_MAGIC = b"SQLite format 3\x00"


def read_header(path: Path) -> tuple[int, int]:
    """Check a file looks like a pofacil workshop before SQLite touches it.

    Returns (schema version, page count). Raises a one-line error otherwise; the file is
    only read, so a wrong file is never modified.
    """
    try:
        # stat before open: opening a FIFO (or a device) blocks until someone writes to it.
        mode = os.stat(path).st_mode
        if stat.S_ISDIR(mode):
            raise NotAWorkshopFile("{path} is a folder, not a workshop file.", path=str(path))
        if not stat.S_ISREG(mode):
            raise NotAWorkshopFile(
                "{path} is not a regular file (a pipe, socket or device), "
                "so it is not a workshop file.",
                path=str(path),
            )
        with open(path, "rb") as fh:
            header = fh.read(100)
        size = path.stat().st_size
    except FileNotFoundError:
        raise NotAWorkshopFile("{path}: no such file.", path=str(path)) from None
    except OSError as exc:
        raise NotAWorkshopFile(
            "{path} cannot be read: {reason}.", path=str(path), reason=exc.strerror or str(exc)
        ) from None
    if not header:
        raise NotAWorkshopFile("{path} is empty, not a pofacil workshop.", path=str(path))
    if len(header) < 100 or not header.startswith(SQLITE_MAGIC):
        raise NotAWorkshopFile("{path} is not a pofacil workshop file.", path=str(path))
    app_id = int.from_bytes(header[68:72], "big")
    version = int.from_bytes(header[60:64], "big", signed=True)  # user_version is signed
    if app_id != APPLICATION_ID:
        raise NotAWorkshopFile(
            "{path} is a database of another program, not a pofacil workshop.", path=str(path)
        )
    if version < 1:
        # Every pofacil file is written at version 1 or later in the same transaction that
        # marks it as ours; a lower number is damage, and migrating it would fail halfway.
        raise NotAWorkshopFile(
            "{path} is damaged: its file format version is {found}.", path=str(path), found=version
        )
    if version > SCHEMA_VERSION:
        raise NewerFileError(
            "{path} was written by a newer pofacil (file format {found}, this version reads "
            "up to {supported}); please update pofacil.",
            path=str(path),
            found=version,
            supported=SCHEMA_VERSION,
        )
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    # After a crash mid-commit the header may already count pages the file does not have yet;
    # the journal beside it (or, from an older pofacil, the write-ahead log) recovers them or
    # rolls them back, so that is no truncation.
    recovering = any(
        side.exists() and side.stat().st_size > 0
        for side in (path.with_name(path.name + "-journal"), path.with_name(path.name + "-wal"))
    )
    if size < page_size * pages and not recovering:
        raise NotAWorkshopFile(
            "{path} is damaged: the file is truncated ({size} of {expected} bytes).",
            path=str(path),
            size=size,
            expected=page_size * pages,
        )
    return version, pages
