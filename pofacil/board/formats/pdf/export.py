"""PDF export: the boards as they look on screen, in vector form, and the meeting record.

A table board (one with a grid) prints as an overview page and detail pages reflowed for
paper (table_plan.py). Any other board gets one page ("fit") or a set of overlapping tiles
("tile") at a scale where the smallest note text stays readable; "auto" fits unless that would
shrink some note's text below ``READABLE_PT`` on paper. Text is real text in the bundled font
(embedded as a subset), so the published PDF can be searched and quoted. Everything is
planned first (geometry, text fitting, tiles, record pages), so the page count is known
before the first page is drawn; the file is then written through :func:`atomic_write`, so a
failed or cancelled export leaves no file behind.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from reportlab import rl_config
from reportlab.pdfgen.canvas import Canvas

from pofacil.board.geometry.grid import Rect
from pofacil.board.model import Board, Workshop
from pofacil.board.model.errors import ModelError, PofacilError
from pofacil.board.storage.atomic import atomic_write

from .draw import BoardPainter
from .page import PAPERS, PageFurniture
from .plan import (
    MAX_SCALE,
    OVERLAP_PT,
    READABLE_PT,
    TILE_TEXT_PT,
    BoardPlan,
    PageTransform,
    plan_board,
    tile_count,
)
from .text import FontText

if TYPE_CHECKING:
    from ..corrections import Corrections
    from .record import RecordPage
    from .table_plan import TablePlan

MODES = ("auto", "fit", "tile")
LANGUAGES = ("zh", "en")
__all__ = [
    "LANGUAGES",
    "MAX_SCALE",
    "MODES",
    "OVERLAP_PT",
    "READABLE_PT",
    "TILE_TEXT_PT",
    "BoardExport",
    "ExportCancelled",
    "PageInfo",
    "PageTransform",
    "PdfReport",
    "Progress",
    "export_pdf",
    "tile_count",
]

Progress = Callable[[int, int], bool | None]


class ExportCancelled(PofacilError):
    """The user cancelled an export; nothing was written."""

    template = "The export was cancelled; no file was written."


@dataclass(frozen=True)
class PageInfo:
    """One page of the export: a board page (with its tile, 1-based) or a record page.

    ``role``: "board" (a fitted page or a tile), "overview" or "detail" (a table board's
    pages; the overview's transform maps the screen's grid onto it), or "record".
    """

    number: int
    board: str | None
    tile: tuple[int, int] | None = None
    transform: PageTransform | None = None
    role: str = "board"


@dataclass(frozen=True)
class BoardExport:
    """What became of one board: how it was laid out and on which pages."""

    id: str
    name: str
    mode: str  # "fit", "tile", "empty" or "table" (an overview page, then detail pages)
    scale: float  # points per board unit (a table: across its overview)
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
    # Notes whose text did not fit even at the smallest size; on a table's detail pages they end
    # in "…（全文見紀錄）" and the record has them in full.
    truncated_notes: int = 0

    def board(self, board_id: str) -> BoardExport:
        return next(b for b in self.boards if b.id == board_id)


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
    corrections: Corrections | None = None,
    list_corrections: bool = False,
    room: str | None = None,
) -> PdfReport:
    """Write ``workshop`` (or the boards named in ``boards``, by id or name) as one PDF.

    ``paper`` is "A4" or "A3" (landscape); ``mode`` "auto", "fit" or "tile" (for free boards
    and mind maps: a table always prints as an overview and detail pages); ``record`` appends
    the meeting record, in which a note in ``corrections`` is marked as corrected and
    ``list_corrections`` adds the corrections section, and ``room`` (the inbox's counts as a
    line) a section of its own; ``language`` ("zh" or "en") is that
    of every label. ``progress(done,
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
    # Table boards and the record have modules of their own, imported only for an export
    # that has them: a free board's PDF without the record starts 30-40 ms sooner.
    plans: list[BoardPlan | TablePlan] = []
    for board in chosen:
        if board.cells:
            from .table_plan import plan_table

            plans.append(plan_table(board, furniture))
        else:
            plans.append(plan_board(board, furniture, mode))
    record_pages: list[RecordPage] = []
    if record:
        from .record import plan_record

        record_pages = plan_record(
            chosen, text, size, language, workshop.info.date, corrections, list_corrections, room
        )
    total = sum(_page_count(p) for p in plans) + len(record_pages)

    pages: list[PageInfo] = []
    exports: list[BoardExport] = []
    number = 0
    for plan in plans:
        first = number + 1
        if not isinstance(plan, BoardPlan):
            number += 1
            ov = plan.overview
            pages.append(PageInfo(number, plan.board.id, None, ov.transform, "overview"))
            for _ in plan.details.pages:
                number += 1
                pages.append(PageInfo(number, plan.board.id, role="detail"))
            exports.append(
                BoardExport(
                    plan.board.id,
                    plan.board.name,
                    "table",
                    ov.transform.scale,
                    1,
                    1,
                    tuple(range(first, number + 1)),
                    plan.smallest_pt,
                    len(plan.geo.notes),
                    len(plan.board.deleted_notes()),
                )
            )
            continue
        if plan.mode == "empty":
            number += 1
            pages.append(PageInfo(number, plan.board.id))
        for i, transform in enumerate(plan.transforms):
            number += 1
            tile = divmod(i, plan.columns)
            pages.append(PageInfo(number, plan.board.id, (tile[0] + 1, tile[1] + 1), transform))
        exports.append(
            BoardExport(
                plan.board.id,
                plan.board.name,
                plan.mode,
                plan.scale,
                plan.rows,
                plan.columns,
                tuple(range(first, number + 1)),
                None if plan.smallest_px is None else plan.smallest_px * plan.scale,
                len(plan.geo.notes),
                len(plan.board.deleted_notes()),
            )
        )
    record_numbers = tuple(range(number + 1, number + 1 + len(record_pages)))
    pages += [PageInfo(n, None, role="record") for n in record_numbers]

    def tick(done: int) -> None:
        if progress is not None and progress(done, total) is False:
            raise ExportCancelled()

    def write(tmp: Path) -> None:
        tick(0)
        # Open the file before drawing: an unwritable folder fails now, not after a minute.
        with open(tmp, "wb") as handle:
            canvas = Canvas(
                handle,
                pagesize=size,
                pageCompression=1,
                initialFontName=text.name,  # type: ignore[arg-type]
                lang="zh-TW" if language == "zh" else "en",
            )
            canvas.setTitle(furniture.title)
            canvas.setSubject(", ".join(b.name for b in chosen))
            canvas.setCreator("pofacil")
            canvas.showOutline()
            furniture.c = canvas
            painter = BoardPainter(canvas, text, language)
            done = 0

            def finish() -> None:
                nonlocal done
                done += 1
                furniture.footer(done, total)
                canvas.showPage()
                tick(done)

            for i, plan in enumerate(plans):
                bookmark(canvas, f"board{i}", plan.board.name, 0)
                if not isinstance(plan, BoardPlan):
                    _draw_table(canvas, furniture, plan, finish)
                    continue
                for index in range(max(1, len(plan.transforms))):
                    _draw_board_page(canvas, furniture, painter, plan, index)
                    finish()
            if record_pages:
                _draw_record(canvas, furniture, record_pages, finish)
            with _plain_streams():
                canvas.save()

    path = atomic_write(out, write)
    return PdfReport(
        path=path,
        paper=paper_key,
        page_size=size,
        pages=total,
        boards=exports,
        page_info=pages,
        record_pages=record_numbers,
        replaced_chars=text.replaced,
        missing_chars=frozenset(text.missing),
        truncated_notes=sum(
            sum(not t.body.fits for t in p.texts.values())
            if isinstance(p, BoardPlan)
            else p.truncated
            for p in plans
        ),
    )


def _page_count(plan: BoardPlan | TablePlan) -> int:
    return max(1, len(plan.transforms)) if isinstance(plan, BoardPlan) else plan.page_count


def bookmark(canvas: Canvas, key: str, title: str, level: int) -> None:
    """An entry in the PDF's outline (the reader's bookmarks pane) for the page begun now."""
    canvas.bookmarkPage(key)
    canvas.addOutlineEntry(title, key, level=level)


def _draw_table(
    canvas: Canvas, furniture: PageFurniture, plan: TablePlan, finish: Callable[[], None]
) -> None:
    """A table board's overview page, then its detail pages."""
    from .overview import draw_overview
    from .table_draw import draw_detail_page

    furniture.header(plan.board.name, furniture.labels["overview"])
    furniture.legend(plan.legend)
    draw_overview(canvas, furniture.text, plan.overview, plan.area)
    finish()
    for k, detail in enumerate(plan.details.pages):
        right = furniture.labels["details"].format(page=k + 1, pages=len(plan.details.pages))
        furniture.header(plan.board.name, right)
        furniture.legend(plan.legend)
        draw_detail_page(canvas, furniture.text, plan.details, detail)
        finish()


def _draw_record(
    canvas: Canvas,
    furniture: PageFurniture,
    pages: list[RecordPage],
    finish: Callable[[], None],
) -> None:
    """The meeting record's pages, bookmarked by board."""
    from .record import draw_record_page

    for k, page in enumerate(pages):
        if k == 0:
            bookmark(canvas, "record", furniture.labels["record"], 0)
        for j, block in enumerate(page.blocks):
            if not block.continued:
                bookmark(canvas, f"record{k}.{j}", block.name, 1)
        draw_record_page(canvas, furniture, page, furniture.text, furniture.language)
        finish()


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


def _draw_board_page(
    canvas: Canvas, furniture: PageFurniture, painter: BoardPainter, plan: BoardPlan, index: int
) -> None:
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
        view = Rect(tf.board_x - pad, tf.board_y - pad, area.w / s + 2 * pad, area.h / s + 2 * pad)
    # One unit = one board pixel, y downwards: the board is drawn in its own coordinates.
    canvas.transform(s, 0, 0, -s, tf.left - s * tf.board_x, tf.top + s * tf.board_y)
    painter.draw(
        board, plan.geo, plan.texts, view, plan.tile_boxes[index] if tiled else plan.geo.notes
    )
    canvas.restoreState()
    furniture.header(board.name, right)
    furniture.legend(plan.legend)
    if tiled:
        row, column = divmod(index, plan.columns)
        furniture.tile_marks(area, OVERLAP_PT, row, column, plan.rows, plan.columns)
        b = plan.geo.bounds
        furniture.overview(b.w, b.h, plan.regions, area.w / s, area.h / s, index)
