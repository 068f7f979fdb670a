"""Saving a board's grid as the user's own template, beside the built-in ones."""

from __future__ import annotations

import json
from pathlib import Path

from pofacil.board.model import Board
from pofacil.board.model.errors import ModelError, StorageError
from pofacil.board.model.templates import (
    Template,
    forget_user_templates,
    template_from_board,
    user_template_folder,
)

from .atomic import atomic_write, os_reason


def save_user_template(board: Board, name: str) -> Template:
    """Write the board's grid as a user template, listed beside the built-ins from now on."""
    if not name.strip():
        raise ModelError("A template needs a name.")
    template = template_from_board(board, name.strip())
    folder = user_template_folder()
    path = folder / f"{template.id}.json"
    text = json.dumps(template.to_json(), ensure_ascii=False, indent=2)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StorageError(
            "Could not save the template to {path}: {reason}.",
            path=str(path),
            reason=os_reason(exc),
        ) from None
    try:
        atomic_write(path, lambda tmp: _write_text(tmp, text))
    finally:
        forget_user_templates()  # even a failed write may have left the folder different
    return template


def _write_text(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")
