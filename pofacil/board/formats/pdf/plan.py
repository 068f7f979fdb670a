"""Planning a board's pages: fit or tiles, the scale, and where the board goes on each page.

Kept apart from drawing so that the export knows every page before it draws one, and so the
choice between fitting and tiling can be tested without reading a PDF.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from pofacil.board.geometry import style
from pofacil.board.geometry.items import BoardGeometry, NoteBox, board_geometry
from pofacil.board.model import Board
from pofacil.board.model.errors import ModelError
from pofacil.board.model.kinds import KINDS, Kind

from .draw import NoteText, layout_note
from .page import Area, PageFurniture

READABLE_PT = 6.0  # "auto" tiles a board when fitting makes some note text smaller than this
TILE_TEXT_PT = 8.0  # tiles are drawn so that the smallest note text is at least this big
MAX_SCALE = 1.0  # a small board is not blown up beyond one point per board pixel
OVERLAP_PT = 36.0  # what neighbouring tiles share, on paper: room to trim and tape
# Past this a tiled board is no poster but a ream, and drawing it could take minutes and
# gigabytes (two notes 1e9 apart): refused before anything is drawn.
MAX_TILES = 200


@dataclass(frozen=True)
class PageTransform:
    """How board units map onto one page, in PDF points (origin bottom left, y upwards).

    The board point (``board_x``, ``board_y``) lands at (``left``, ``top``); one board unit is
    ``scale`` points; board y grows downwards, page y upwards. ``area`` (x, y, w, h) is the part
    of the page the board may cover on this page. ``scale_y``, when set, is the vertical scale
    of a table's overview, which may differ from the horizontal one.
    """

    scale: float
    board_x: float
    board_y: float
    left: float
    top: float
    area: tuple[float, float, float, float]
    scale_y: float | None = None

    @property
    def vertical(self) -> float:
        return self.scale if self.scale_y is None else self.scale_y

    def to_page(self, x: float, y: float) -> tuple[float, float]:
        return (
            self.left + (x - self.board_x) * self.scale,
            self.top - (y - self.board_y) * self.vertical,
        )

    def to_pixels(self, x: float, y: float, page_height: float, dpi: float) -> tuple[float, float]:
        """Where a board point is in an image of the page rendered at ``dpi`` (y downwards)."""
        px, py = self.to_page(x, y)
        return px * dpi / 72.0, (page_height - py) * dpi / 72.0


@dataclass
class BoardPlan:
    """One board's pages before they are drawn."""

    board: Board
    geo: BoardGeometry
    texts: dict[str, NoteText]
    mode: str
    scale: float
    area: Area
    legend: list[list[tuple[Kind, str]]]
    smallest_px: float | None
    regions: list[tuple[float, float]] = field(default_factory=list)  # tile origins, board units
    rows: int = 1
    columns: int = 1
    transforms: list[PageTransform] = field(default_factory=list)
    tile_boxes: list[list[NoteBox]] = field(default_factory=list)  # the notes each tile shows


def tile_count(span: float, tile: float, overlap: float) -> int:
    """Tiles of length ``tile`` overlapping by ``overlap`` needed to cover ``span``."""
    if span <= tile + 1e-6:
        return 1
    return 1 + math.ceil((span - tile) / (tile - overlap) - 1e-9)


def legend_kinds(board: Board, geo: BoardGeometry) -> list[Kind]:
    """The kinds this board shows (notes and colored columns), in palette order."""
    used = {box.note.kind for box in geo.notes} | {c.kind for c in board.cells if c.kind}
    return [k for k in KINDS if k.id in used]


def plan_board(board: Board, furniture: PageFurniture, mode: str) -> BoardPlan:
    text = furniture.text
    geo = board_geometry(board)
    texts = {box.note.id: layout_note(text, box, furniture.language) for box in geo.notes}
    sizes = [t.body.size for t in texts.values() if any(t.body.lines)]
    smallest = min(sizes) if sizes else None
    kinds = legend_kinds(board, geo)
    legend = furniture.legend_lines(kinds, furniture.legend_width(False))
    area = furniture.board_area(len(legend), tiled=False)
    if geo.empty:
        return BoardPlan(board, geo, texts, "empty", 0.0, area, legend, None)
    b = geo.bounds
    bw, bh = max(b.w, 1.0), max(b.h, 1.0)
    fit_scale = min(area.w / bw, area.h / bh, MAX_SCALE)
    readable_px = smallest if smallest is not None else style.TEXT_MAX_PX
    chosen = mode
    if mode == "auto":
        chosen = "fit" if readable_px * fit_scale >= READABLE_PT - 1e-9 else "tile"
    if chosen == "fit":
        plan = BoardPlan(board, geo, texts, "fit", fit_scale, area, legend, smallest)
        left = area.x + (area.w - bw * fit_scale) / 2
        top = area.top - (area.h - bh * fit_scale) / 2
        plan.regions = [(0.0, 0.0)]
        plan.transforms = [
            PageTransform(fit_scale, b.x, b.y, left, top, (area.x, area.y, area.w, area.h))
        ]
        return plan
    legend = furniture.legend_lines(kinds, furniture.legend_width(True))
    area = furniture.board_area(len(legend), tiled=True)
    # Never smaller than fitting in the (slightly smaller) tile area: a board readable at that
    # scale comes out as one tile rather than a page and a sliver.
    tile_fit = min(area.w / bw, area.h / bh, MAX_SCALE)
    scale = min(MAX_SCALE, max(tile_fit, TILE_TEXT_PT / readable_px))
    plan = BoardPlan(board, geo, texts, "tile", scale, area, legend, smallest)
    tile_w, tile_h, overlap = area.w / scale, area.h / scale, OVERLAP_PT / scale
    # The span of two notes at +-1e308 is infinite, which no count of tiles can cover.
    if math.isfinite(bw) and math.isfinite(bh):
        plan.columns, plan.rows = tile_count(bw, tile_w, overlap), tile_count(bh, tile_h, overlap)
    if not math.isfinite(bw * bh) or plan.columns * plan.rows > MAX_TILES:
        raise ModelError(
            "Board {board} would take more than {limit} pages when tiled; fit it "
            "on one page instead, or move its notes closer together.",
            board=board.name,
            limit=MAX_TILES,
        )
    for row in range(plan.rows):
        for column in range(plan.columns):
            x, y = column * (tile_w - overlap), row * (tile_h - overlap)
            plan.regions.append((x, y))
            plan.transforms.append(
                PageTransform(
                    scale, b.x + x, b.y + y, area.x, area.top, (area.x, area.y, area.w, area.h)
                )
            )
    plan.tile_boxes = bucket(geo, plan.rows, plan.columns, tile_w, tile_h, overlap)
    return plan


def bucket(
    geo: BoardGeometry, rows: int, columns: int, tile_w: float, tile_h: float, overlap: float
) -> list[list[NoteBox]]:
    """The notes each tile shows, found once per note rather than once per note and tile:
    a board of 5,000 notes spread over a hundred tiles would test half a million pairs."""
    b = geo.bounds
    step_x, step_y = tile_w - overlap, tile_h - overlap
    pad = 12.0  # the note border and the "+n" badge reach past the note's rectangle
    out: list[list[NoteBox]] = [[] for _ in range(rows * columns)]
    for box in geo.notes:
        x1, x2 = box.rect.x - b.x - pad, box.rect.x + box.rect.w - b.x + pad
        y1, y2 = box.rect.y - b.y - pad, box.rect.y + box.rect.h - b.y + pad
        # Tile k spans [k * step, k * step + tile]: it meets [a1, a2] when k * step <= a2
        # and k * step + tile >= a1.
        c0 = max(0, math.ceil((x1 - tile_w) / step_x))
        c1 = min(columns - 1, math.floor(x2 / step_x))
        r0 = max(0, math.ceil((y1 - tile_h) / step_y))
        r1 = min(rows - 1, math.floor(y2 / step_y))
        for row in range(r0, r1 + 1):
            for column in range(c0, c1 + 1):
                out[row * columns + column].append(box)
    return out
