"""File names made from board names, shared by the command line and the window's export.

A board name is typed by a facilitator ("上午/分組"), so it may hold characters a file system
refuses; every path built from one goes through :func:`safe_file_name`.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Protocol, TypeVar

# Characters Windows, macOS or a USB stick's FAT file system refuse in a file name.
_UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')
_RESERVED = {
    "CON",
    "PRN",
    "AUX",
    "NUL",
    *(f"COM{i}" for i in range(1, 10)),
    *(f"LPT{i}" for i in range(1, 10)),
}


class Named(Protocol):
    @property
    def name(self) -> str: ...


B = TypeVar("B", bound=Named)


def safe_file_name(name: str) -> str:
    """A board name made fit for a file name everywhere; Chinese and spaces are kept."""
    cleaned = _UNSAFE.sub("_", name).strip().rstrip(". ")
    if not cleaned or cleaned.split(".")[0].upper() in _RESERVED:
        cleaned = f"_{cleaned}"
    return cleaned[:120]


def board_targets(boards: list[B], out: Path) -> list[tuple[B, Path]]:
    """One board: OUT itself. Several: ``OUT-stem-NAME.suffix`` beside OUT, no two alike."""
    if len(boards) == 1:
        return [(boards[0], out)]
    taken: set[str] = set()
    targets = []
    for board in boards:
        stem = f"{out.stem}-{safe_file_name(board.name)}"
        candidate, number = stem, 2
        while candidate.casefold() in taken:  # case-insensitive file systems (Windows, macOS)
            candidate, number = f"{stem}-{number}", number + 1
        taken.add(candidate.casefold())
        targets.append((board, out.with_name(candidate + out.suffix)))
    return targets
