"""Board templates, kept as data in ``assets/templates/*.json``.

A template names its grid as rows and columns. Rows may nest one level (a group row with
sub-rows); a note belongs to a cell formed by a leaf row and a column.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from .errors import ModelError
from .model import Cell


@dataclass(frozen=True)
class Template:
    id: str
    names: dict[str, str]
    rows: tuple[dict[str, Any], ...]
    columns: tuple[dict[str, Any], ...]

    def name(self, language: str = "zh") -> str:
        return self.names.get(language) or self.names["zh"]


@cache
def builtin_templates() -> dict[str, Template]:
    folder = resources.files("pofacil.assets") / "templates"
    out: dict[str, Template] = {}
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".json"):
            data = json.loads(entry.read_text(encoding="utf-8"))
            out[data["id"]] = Template(
                data["id"], data["name"], tuple(data.get("rows", ())), tuple(data.get("columns", ()))
            )
    return out


def get_template(template_id: str) -> Template:
    templates = builtin_templates()
    if template_id not in templates:
        raise ModelError(
            "Unknown template {id}; the templates are: {ids}.",
            id=template_id,
            ids=", ".join(templates),
        )
    return templates[template_id]


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
