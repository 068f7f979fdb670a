"""Board templates, kept as data: built-ins in ``assets/templates/*.json``, and the user's own
("save board as template") in the per-platform config folder given by platformdirs.

A template names its grid as rows and columns. Rows may nest one level (a group row with
sub-rows); a note belongs to a cell formed by a leaf row and a column. ``layout`` says how the
board arranges notes: "free", "grid" (notes flow inside their cells) or "mindmap".
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import platformdirs

from .errors import ModelError
from .workshop import Board, Cell


@dataclass(frozen=True)
class Template:
    id: str
    names: dict[str, str]
    rows: tuple[dict[str, Any], ...]
    columns: tuple[dict[str, Any], ...]
    layout: str = "free"
    cell_columns: int = 2  # notes side by side in a cell; 0: as many as keep the table landscape
    center: dict[str, str] | None = None
    user_rows: dict[str, str] | None = None  # label pattern when the user can add rows
    builtin: bool = field(default=True, compare=False)

    def name(self, language: str = "zh") -> str:
        return self.names.get(language) or self.names["zh"]

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": self.id,
            "name": self.names,
            "layout": self.layout,
            "cell_columns": self.cell_columns,
            "rows": list(self.rows),
            "columns": list(self.columns),
        }
        if self.center:
            data["center"] = self.center
        if self.user_rows:
            data["user_rows"] = self.user_rows
        return data


def _from_json(data: dict[str, Any], builtin: bool) -> Template:
    return Template(
        id=data["id"],
        names=data["name"],
        rows=tuple(data.get("rows", ())),
        columns=tuple(data.get("columns", ())),
        layout=data.get("layout", "free"),
        cell_columns=int(data.get("cell_columns", 2)),
        center=data.get("center"),
        user_rows=data.get("user_rows"),
        builtin=builtin,
    )


@cache
def builtin_templates() -> dict[str, Template]:
    folder = resources.files("pofacil.assets") / "templates"
    out: dict[str, Template] = {}
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".json"):
            template = _from_json(json.loads(entry.read_text(encoding="utf-8")), builtin=True)
            out[template.id] = template
    order = ["blank", "mindmap", "issue-context", "concept-sheet", "hopes-fears"]
    return dict(sorted(out.items(), key=lambda kv: order.index(kv[0]) if kv[0] in order else 99))


def user_template_folder() -> Path:
    return Path(platformdirs.user_config_dir("pofacil", appauthor=False)) / "templates"


def user_templates() -> dict[str, Template]:
    """The user's saved templates; a damaged file is skipped, never fatal.

    Read once per folder and kept: a gesture or a selection change asks for its board's
    template, and must not touch the disk for it. Saving a template calls
    :func:`forget_user_templates`.
    """
    return dict(_read_user_templates(user_template_folder()))


def forget_user_templates() -> None:
    """The user-template folder changed: read it again when next asked."""
    _read_user_templates.cache_clear()


@cache
def _read_user_templates(folder: Path) -> dict[str, Template]:
    out: dict[str, Template] = {}
    if not folder.is_dir():
        return out
    for path in sorted(folder.glob("*.json")):
        try:
            template = _from_json(json.loads(path.read_text(encoding="utf-8")), builtin=False)
        except (OSError, ValueError, KeyError, TypeError):
            continue
        out[template.id] = template
    return out


def all_templates() -> dict[str, Template]:
    """Built-ins first, then the user's own."""
    return {**builtin_templates(), **user_templates()}


def get_template(template_id: str) -> Template:
    templates = all_templates()
    if template_id not in templates:
        raise ModelError(
            "Unknown template {id}; the templates are: {ids}.",
            id=template_id,
            ids=", ".join(templates),
        )
    return templates[template_id]


def layout_of(board: Board) -> str:
    """How a board arranges its notes; a board whose template is gone falls back on its cells."""
    try:
        return get_template(board.template).layout
    except ModelError:
        return "grid" if board.cells else "free"


def can_add_rows(board: Board) -> bool:
    """Whether the user may add rows to the board's grid: its template has a label pattern for
    them (a concept sheet's), and the board has a grid to add to."""
    try:
        return bool(board.cells) and get_template(board.template).user_rows is not None
    except ModelError:  # a user template since removed: its rows are as they were saved
        return False


def cell_columns(board: Board) -> int:
    """Notes side by side in the board's cells (0: cells widen as they fill, see grid.py)."""
    try:
        return get_template(board.template).cell_columns
    except ModelError:
        return 2


def build_cells(template: Template) -> tuple[Cell, ...]:
    """One cell per leaf row and column, ids ``ROW/COLUMN`` from the template's ids."""
    cells = []
    for row in template.rows:
        leaves = row.get("rows") or [row]
        group = row if row.get("rows") else {}
        for leaf in leaves:
            for column in template.columns:
                cells.append(
                    Cell(
                        id=f"{leaf['id']}/{column['id']}",
                        row=leaf["zh"],
                        column=column["zh"],
                        row_en=leaf["en"],
                        column_en=column["en"],
                        group=group.get("zh", ""),
                        group_en=group.get("en", ""),
                        kind=column.get("kind"),
                    )
                )
    return tuple(cells)


def template_from_board(board: Board, name: str) -> Template:
    """A template with the board's grid as it is now (its edited labels and added rows)."""
    rows: list[dict[str, Any]] = []
    columns: list[dict[str, Any]] = []
    groups: dict[str, dict[str, Any]] = {}
    for cell in board.cells:
        row_id, column_id = cell.ref.row, cell.ref.column
        if not any(c["id"] == column_id for c in columns):
            column: dict[str, Any] = {"id": column_id, "zh": cell.column, "en": cell.column_en}
            if cell.kind:
                column["kind"] = cell.kind
            columns.append(column)
        leaf = {"id": row_id, "zh": cell.row, "en": cell.row_en}
        if cell.group:
            if cell.group not in groups:
                groups[cell.group] = {
                    "id": f"g{len(groups) + 1}",
                    "zh": cell.group,
                    "en": cell.group_en,
                    "rows": [],
                }
                rows.append(groups[cell.group])
            siblings = groups[cell.group]["rows"]
            if not any(r["id"] == row_id for r in siblings):
                siblings.append(leaf)
        elif not any(r["id"] == row_id for r in rows):
            rows.append(leaf)
    try:
        base = get_template(board.template)
    except ModelError:
        base = Template(board.template, {"zh": name}, (), (), layout_of(board))
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "template"
    taken = set(all_templates())
    template_id = f"user-{slug}"
    number = 2
    while template_id in taken:
        template_id = f"user-{slug}-{number}"
        number += 1
    return Template(
        template_id,
        {"zh": name, "en": name},
        tuple(rows),
        tuple(columns),
        base.layout,
        base.cell_columns,
        base.center,
        base.user_rows,
        builtin=False,
    )
