"""PDF export: the boards as they look on screen, in vector form, and the meeting record.

Each board gets one page ("fit") or a set of overlapping tiles ("tile") at a scale where the
smallest note text stays readable; "auto" fits unless that would shrink some note's text
below ``READABLE_PT`` on paper. Text is real text in the bundled font (embedded as a subset),
so the published PDF can be searched and quoted. Everything is planned first (geometry, text
fitting, tiles, record pages), so the page count is known before the first page is drawn; the
file is then written through :func:`atomic_write`, so a failed or cancelled export leaves no
file behind.
"""

from __future__ import annotations

import math
import os
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from reportlab import rl_config
from reportlab.pdfgen.canvas import Canvas

from .atomic import atomic_write
from .errors import ModelError, PofacilError
from .geometry import BoardGeometry, NoteBox, board_geometry
from .grid import Rect
from .kinds import KINDS, Kind
from .model import Board, Workshop
from .pdf_draw import MAX_TEXT_PX, BoardPainter, NoteText, layout_note
from .pdf_page import PAPERS, Area, PageFurniture
from .pdf_record import RecordPage, draw_record_page, plan_record
from .pdf_text import FontText

READABLE_PT = 6.0  # "auto" tiles a board when fitting makes some note text smaller than this
TILE_TEXT_PT = 8.0  # tiles are drawn so that the smallest note text is at least this big
MAX_SCALE = 1.0  # a small board is not blown up beyond one point per board pixel
OVERLAP_PT = 36.0  # what neighbouring tiles share, on paper: room to trim and tape
MODES = ("auto", "fit", "tile")
LANGUAGES = ("zh", "en")

Progress = Callable[[int, int], bool | None]


class ExportCancelled(PofacilError):
    """The user cancelled an export; nothing was written."""

    template = "The export was cancelled; no file was written."


@dataclass(frozen=True)
class PageTransform:
    """How board units map onto one page, in PDF points (origin bottom left, y upwards).

    The board point (``board_x``, ``board_y``) lands at (``left``, ``top``); one board unit is
    ``scale`` points; board y grows downwards, page y upwards. ``area`` (x, y, w, h) is the part
    of the page the board may cover on this page.
    """

    scale: float
    board_x: float
    board_y: float
    left: float
    top: float
    area: tuple[float, float, float, float]

    def to_page(self, x: float, y: float) -> tuple[float, float]:
        return (self.left + (x - self.board_x) * self.scale,
                self.top - (y - self.board_y) * self.scale)

    def to_pixels(self, x: float, y: float, page_height: float, dpi: float) -> tuple[float, float]:
        """Where a board point is in an image of the page rendered at ``dpi`` (y downwards)."""
        px, py = self.to_page(x, y)
        return px * dpi / 72.0, (page_height - py) * dpi / 72.0


@dataclass(frozen=True)
class PageInfo:
    """One page of the export: a board page (with its tile, 1-based) or a record page."""

    number: int
    board: str | None
    tile: tuple[int, int] | None = None
    transform: PageTransform | None = None


@dataclass(frozen=True)
class BoardExport:
    """What became of one board: how it was laid out and on which pages."""

    id: str
    name: str
    mode: str  # "fit", "tile" or "empty"
    scale: float  # points per board unit
    rows: int
    columns: int
    pages: tuple[int, ...]
    smallest_text_pt: float | None  # the smallest note text on paper, None without notes
    notes: int  # notes drawn (live and not folded away)
    removed: int  # deleted notes, left out


@dataclass
class PdfReport:
    """What :func:`export_pdf` wrote."""

    path: Path
    paper: str
    page_size: tuple[float, float]
    pages: int
    boards: list[BoardExport]
    page_info: list[PageInfo]
    record_pages: tuple[int, ...] = ()
    replaced_chars: int = 0  # characters the font lacks, drawn as the fallback mark
    missing_chars: frozenset[str] = frozenset()
    truncated_notes: int = 0  # notes whose text did not fit even at the smallest size

    def board(self, board_id: str) -> BoardExport:
        return next(b for b in self.boards if b.id == board_id)


@dataclass
class _Plan:
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


def _legend_kinds(board: Board, geo: BoardGeometry) -> list[Kind]:
    """The kinds this board shows (notes and colored columns), in palette order."""
    used = {box.note.kind for box in geo.notes} | {c.kind for c in board.cells if c.kind}
    return [k for k in KINDS if k.id in used]


def _plan_board(board: Board, furniture: PageFurniture, mode: str) -> _Plan:
    text = furniture.text
    geo = board_geometry(board)
    texts = {box.note.id: layout_note(text, box) for box in geo.notes}
    sizes = [t.body.size for t in texts.values() if any(t.body.lines)]
    smallest = min(sizes) if sizes else None
    kinds = _legend_kinds(board, geo)
    legend = furniture.legend_lines(kinds, furniture.legend_width(False))
    area = furniture.board_area(len(legend), tiled=False)
    if geo.empty:
        return _Plan(board, geo, texts, "empty", 0.0, area, legend, None)
    b = geo.bounds
    bw, bh = max(b.w, 1.0), max(b.h, 1.0)
    fit_scale = min(area.w / bw, area.h / bh, MAX_SCALE)
    readable_px = smallest if smallest is not None else MAX_TEXT_PX
    chosen = mode
    if mode == "auto":
        chosen = "fit" if readable_px * fit_scale >= READABLE_PT - 1e-9 else "tile"
    if chosen == "fit":
        plan = _Plan(board, geo, texts, "fit", fit_scale, area, legend, smallest)
        left = area.x + (area.w - bw * fit_scale) / 2
        top = area.top - (area.h - bh * fit_scale) / 2
        plan.regions = [(0.0, 0.0)]
        plan.transforms = [PageTransform(fit_scale, b.x, b.y, left, top,
                                         (area.x, area.y, area.w, area.h))]
        return plan
    legend = furniture.legend_lines(kinds, furniture.legend_width(True))
    area = furniture.board_area(len(legend), tiled=True)
    scale = min(MAX_SCALE, max(fit_scale, TILE_TEXT_PT / readable_px))
    plan = _Plan(board, geo, texts, "tile", scale, area, legend, smallest)
    tile_w, tile_h, overlap = area.w / scale, area.h / scale, OVERLAP_PT / scale
    plan.columns = tile_count(bw, tile_w, overlap)
    plan.rows = tile_count(bh, tile_h, overlap)
    for row in range(plan.rows):
        for column in range(plan.columns):
            x, y = column * (tile_w - overlap), row * (tile_h - overlap)
            plan.regions.append((x, y))
            plan.transforms.append(PageTransform(scale, b.x + x, b.y + y, area.x, area.top,
                                                 (area.x, area.y, area.w, area.h)))
    plan.tile_boxes = _bucket(geo, plan.rows, plan.columns, tile_w, tile_h, overlap)
    return plan


def _bucket(geo: BoardGeometry, rows: int, columns: int, tile_w: float, tile_h: float,
            overlap: float) -> list[list[NoteBox]]:
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


def _chosen_boards(workshop: Workshop, boards: Sequence[str] | None) -> list[Board]:
    ordered = workshop.ordered_boards()
    if boards is None:
        return ordered
    wanted = {workshop.find_board(b).id for b in boards}  # ModelError names the boards there are
    return [b for b in ordered if b.id in wanted]


def export_pdf(
    workshop: Workshop,
    out: str | os.PathLike[str],
    boards: Sequence[str] | None = None,
    paper: str = "A4",
    mode: str = "auto",
    record: bool = True,
    language: str = "zh",
    progress: Progress | None = None,
) -> PdfReport:
    """Write ``workshop`` (or the boards named in ``boards``, by id or name) as one PDF.

    ``paper`` is "A4" or "A3" (landscape); ``mode`` "auto", "fit" or "tile"; ``record`` appends
    the meeting record; ``language`` ("zh" or "en") is that of every label. ``progress(done,
    total)`` is called before the first page and after every page; returning ``False`` cancels
    with :class:`ExportCancelled`. Raises :class:`ModelError` for an unknown board or option,
    :class:`StorageError` when ``out`` cannot be written. ``out`` is never left half-written.
    """
    paper_key = paper.upper()
    if paper_key not in PAPERS:
        raise ModelError("Unknown paper size {paper}; use A4 or A3.", paper=paper)
    if mode not in MODES:
        raise ModelError("Unknown PDF layout {mode}; use auto, fit or tile.", mode=mode)
    if language not in LANGUAGES:
        raise ModelError("Unknown language {language}; use zh or en.", language=language)
    chosen = _chosen_boards(workshop, boards)
    if not chosen:
        raise ModelError("The workshop has no boards to export.")
    text = FontText()
    size = PAPERS[paper_key]
    furniture = PageFurniture(text, size, workshop.info, language)
    plans = [_plan_board(board, furniture, mode) for board in chosen]
    record_pages: list[RecordPage] = plan_record(chosen, text, size, language) if record else []
    total = sum(max(1, len(p.transforms)) for p in plans) + len(record_pages)

    pages: list[PageInfo] = []
    exports: list[BoardExport] = []
    number = 0
    for plan in plans:
        first = number + 1
        if plan.mode == "empty":
            number += 1
            pages.append(PageInfo(number, plan.board.id))
        for i, transform in enumerate(plan.transforms):
            number += 1
            tile = divmod(i, plan.columns)
            pages.append(PageInfo(number, plan.board.id, (tile[0] + 1, tile[1] + 1), transform))
        exports.append(BoardExport(
            plan.board.id, plan.board.name, plan.mode, plan.scale, plan.rows, plan.columns,
            tuple(range(first, number + 1)),
            None if plan.smallest_px is None else plan.smallest_px * plan.scale,
            len(plan.geo.notes), len(plan.board.deleted_notes()),
        ))
    record_numbers = tuple(range(number + 1, number + 1 + len(record_pages)))
    pages += [PageInfo(n, None) for n in record_numbers]

    def tick(done: int) -> None:
        if progress is not None and progress(done, total) is False:
            raise ExportCancelled()

    def write(tmp: Path) -> None:
        tick(0)
        # Open the file before drawing: an unwritable folder fails now, not after a minute.
        with open(tmp, "wb") as handle:
            canvas = Canvas(handle, pagesize=size, pageCompression=1, initialFontName=text.name,
                            lang="zh-TW" if language == "zh" else "en")
            canvas.setTitle(furniture.title)
            canvas.setSubject(", ".join(b.name for b in chosen))
            canvas.setCreator("pofacil")
            furniture.c = canvas
            painter = BoardPainter(canvas, text, language)
            done = 0
            for plan in plans:
                for index in range(max(1, len(plan.transforms))):
                    _draw_board_page(canvas, furniture, painter, plan, index)
                    done += 1
                    furniture.footer(done, total)
                    canvas.showPage()
                    tick(done)
            for page in record_pages:
                draw_record_page(canvas, furniture, page, text, language)
                done += 1
                furniture.footer(done, total)
                canvas.showPage()
                tick(done)
            with _plain_streams():
                canvas.save()

    path = atomic_write(out, write)
    return PdfReport(
        path=path, paper=paper_key, page_size=size, pages=total, boards=exports,
        page_info=pages, record_pages=record_numbers, replaced_chars=text.replaced,
        missing_chars=frozenset(text.missing),
        truncated_notes=sum(not t.body.fits for p in plans for t in p.texts.values()),
    )


@contextmanager
def _plain_streams() -> Iterator[None]:
    """Compressed streams without reportlab's default ASCII85 layer on top.

    ASCII85 makes binary streams 7-bit safe, which no PDF reader needs any more; it adds a
    quarter to the file and, in pure Python, a third of the export time of a large board.
    reportlab reads the switch from its global config when it writes the file, so it is
    turned off only for that moment.
    """
    saved = rl_config.useA85
    rl_config.useA85 = 0
    try:
        yield
    finally:
        rl_config.useA85 = saved


def _draw_board_page(canvas: Canvas, furniture: PageFurniture, painter: BoardPainter,
                     plan: _Plan, index: int) -> None:
    board, area = plan.board, plan.area
    tiled = plan.mode == "tile"
    right = ""
    if tiled:
        row, column = divmod(index, plan.columns)
        right = furniture.tile_label(row + 1, column + 1, plan.rows, plan.columns)
    elif not plan.geo.notes:
        right = furniture.labels["empty"]
    if plan.mode == "empty":
        furniture.header(board.name)
        furniture.empty(area)
        return
    tf = plan.transforms[index]
    s = tf.scale
    canvas.saveState()
    view = None
    if tiled:
        clip = canvas.beginPath()
        clip.rect(area.x, area.y, area.w, area.h)
        canvas.clipPath(clip, stroke=0, fill=0)
        pad = 40.0  # board units: a badge or a stroke may reach a little past its rectangle
        view = Rect(tf.board_x - pad, tf.board_y - pad, area.w / s + 2 * pad,
                    area.h / s + 2 * pad)
    # One unit = one board pixel, y downwards: the board is drawn in its own coordinates.
    canvas.transform(s, 0, 0, -s, tf.left - s * tf.board_x, tf.top + s * tf.board_y)
    painter.draw(board, plan.geo, plan.texts, view,
                 plan.tile_boxes[index] if tiled else plan.geo.notes)
    canvas.restoreState()
    furniture.header(board.name, right)
    furniture.legend(plan.legend)
    if tiled:
        row, column = divmod(index, plan.columns)
        furniture.tile_marks(area, OVERLAP_PT, row, column, plan.rows, plan.columns)
        b = plan.geo.bounds
        furniture.overview(b.w, b.h, plan.regions, area.w / s, area.h / s, index)
