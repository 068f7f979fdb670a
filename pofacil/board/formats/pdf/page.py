"""What surrounds a board on a PDF page: header, footer, legend, and the marks of a tile.

All in PDF points with y upwards (reportlab's own coordinates); the board itself is drawn by
``pdf_draw`` under the transform pdf.py sets up for the area this module leaves free.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.pagesizes import A3, A4, landscape
from reportlab.pdfgen.canvas import Canvas

from pofacil.board.model import WorkshopInfo
from pofacil.board.model.kinds import Kind

from .text import FontText

PAPERS: dict[str, tuple[float, float]] = {"A4": landscape(A4), "A3": landscape(A3)}
MARGIN = 28.0
HEADER_H = 52.0  # title line, board line, rule, and room for the crop marks of a tile
GAP = 8.0  # between the board area and the legend band
LEGEND_PT = 8.0
LEGEND_LINE = 13.0
SWATCH = 9.0
OVERVIEW_W = 64.0  # the little map of tiles, bottom right of a tile page
OVERVIEW_H = 40.0
MARK = 8.0  # crop mark length, outside the corners of a tile's area
INK = HexColor("#111111")
MUTED = HexColor("#555555")
RULE = HexColor("#ADB5BD")
TILE_NOW = HexColor("#74C0FC")

LABELS = {
    "zh": {
        "legend": "圖例",
        "empty": "（沒有便利貼）",
        "tile": "第 {row} 列，第 {column} 欄（共 {rows} × {columns} 頁）",
        "untitled": "未命名工作坊",
        "record": "會議紀錄",
        "continued": "（續）",
        "full_text": "…（全文見紀錄）",
        "other": "其他便利貼",
        "overview": "總覽",
        "details": "明細 {page} / {pages}",
        "busiest": "最多便利貼：",
        "list_sep": "、",
        "summary": "{live} 則便利貼，已刪除 {removed} 則",
        "place": "位置",
        "text": "內容",
        "kind": "類別",
        "author": "發言者",
        "time": "時間",
        "none": "—",
        "facilitator": "主持人：{}",
        "corrections": "修正紀錄",
        "corrections_summary": "{} 項修正（原文 → 現在，修正者，時間）",
        "room": "現場手機意見",
        "board": "白板",
        "correction": "便利貼與修正",
    },
    "en": {
        "legend": "Legend",
        "empty": "(no notes)",
        "tile": "row {row}, column {column} (of {rows} × {columns} pages)",
        "untitled": "Untitled workshop",
        "record": "Meeting record",
        "continued": " (continued)",
        "full_text": "… (full text in the record)",
        "other": "Other notes",
        "overview": "Overview",
        "details": "details {page} of {pages}",
        "busiest": "Most notes: ",
        "list_sep": ", ",
        "place": "Place",
        "text": "Note",
        "kind": "Kind",
        "author": "Author",
        "time": "Time",
        "none": "—",
        "facilitator": "Facilitator: {}",
        "corrections": "Corrections",
        "corrections_summary": "{} correction(s) (original → now, by whom, when)",
        "room": "Points from phones",
        "board": "Board",
        "correction": "Note and correction",
    },
}


@dataclass(frozen=True)
class Area:
    """A rectangle on the page in PDF points, y upwards: ``y`` is its bottom edge."""

    x: float
    y: float
    w: float
    h: float

    @property
    def top(self) -> float:
        return self.y + self.h


class PageFurniture:
    """Draws the parts of a page that are not the board, for one export."""

    c: Canvas  # set by the exporter once the file is open; planning needs no canvas

    def __init__(
        self, text: FontText, paper: tuple[float, float], info: WorkshopInfo, language: str
    ) -> None:
        self.text = text
        self.width, self.height = paper
        self.labels = LABELS[language]
        self.language = language
        self.title = text.clean(info.title.strip() or self.labels["untitled"])
        facilitator = info.facilitator.strip()
        parts = [info.date, info.venue]
        parts.append(self.labels["facilitator"].format(facilitator) if facilitator else "")
        self.details = text.clean(" · ".join(p.strip() for p in parts if p.strip()))

    # -- geometry ---------------------------------------------------------------------------
    def legend_lines(self, kinds: list[Kind], width: float) -> list[list[tuple[Kind, str]]]:
        """The legend's entries flowed into lines no wider than ``width``."""
        lines: list[list[tuple[Kind, str]]] = [[]]
        x = self.text.width(self.labels["legend"], LEGEND_PT) + 10
        for kind in kinds:
            label = self.text.clean(kind.zh if self.language == "zh" else kind.en)
            w = SWATCH + 4 + self.text.width(label, LEGEND_PT) + 12
            if lines[-1] and x + w > width:
                lines.append([])
                x = self.text.width(self.labels["legend"], LEGEND_PT) + 10
            lines[-1].append((kind, label))
            x += w
        return lines if kinds else []

    def board_area(self, legend_rows: int, tiled: bool) -> Area:
        """Where the board goes: below the header, above the legend band."""
        band = max(legend_rows * LEGEND_LINE, OVERVIEW_H if tiled else 0.0)
        bottom = MARGIN + band + (GAP if band else 0.0)
        top = self.height - MARGIN - HEADER_H
        return Area(MARGIN, bottom, self.width - 2 * MARGIN, top - bottom)

    def legend_width(self, tiled: bool) -> float:
        return self.width - 2 * MARGIN - (OVERVIEW_W + 16 if tiled else 0.0)

    # -- drawing ----------------------------------------------------------------------------
    def _text(
        self, x: float, y: float, s: str, size: float, color: Color = INK, anchor: str = "left"
    ) -> None:
        c = self.c
        c.setFillColor(color)
        c.setFont(self.text.name, size)
        if anchor == "right":
            c.drawRightString(x, y, s)
        elif anchor == "center":
            c.drawCentredString(x, y, s)
        else:
            c.drawString(x, y, s)

    def header(self, subtitle: str, right: str = "") -> None:
        """Workshop title with date and venue, then the board (or section) name."""
        top = self.height - MARGIN
        details_w = self.text.width(self.details, 9)
        title_w = self.width - 2 * MARGIN - details_w - 16
        self._text(MARGIN, top - 14, self.text.shorten(self.title, title_w, 15), 15)
        if self.details:
            self._text(self.width - MARGIN, top - 13, self.details, 9, MUTED, "right")
        right_w = self.text.width(right, 9)
        name_w = self.width - 2 * MARGIN - right_w - 16
        self._text(MARGIN, top - 31, self.text.shorten(self.text.clean(subtitle), name_w, 11), 11)
        if right:
            self._text(self.width - MARGIN, top - 31, right, 9, MUTED, "right")
        self.c.setStrokeColor(RULE)
        self.c.setLineWidth(0.6)
        self.c.line(MARGIN, top - 38, self.width - MARGIN, top - 38)

    def footer(self, page: int, pages: int) -> None:
        self._text(self.width / 2, MARGIN / 2 - 3, f"{page} / {pages}", 9, MUTED, "center")

    def legend(self, lines: list[list[tuple[Kind, str]]]) -> None:
        c = self.c
        label = self.labels["legend"]
        indent = MARGIN + self.text.width(label, LEGEND_PT) + 10
        top = MARGIN + len(lines) * LEGEND_LINE
        for i, entries in enumerate(lines):
            baseline = top - (i + 1) * LEGEND_LINE + 3
            if i == 0:
                self._text(MARGIN, baseline, label, LEGEND_PT, MUTED)
            x = indent
            for kind, text in entries:
                c.setFillColor(HexColor(kind.color))
                c.setStrokeColor(HexColor("#6C757D"))
                c.setLineWidth(0.5)
                c.rect(x, baseline - 1, SWATCH, SWATCH, stroke=1, fill=1)
                self._text(x + SWATCH + 4, baseline, text, LEGEND_PT)
                x += SWATCH + 4 + self.text.width(text, LEGEND_PT) + 12

    def empty(self, area: Area) -> None:
        self._text(
            area.x + area.w / 2, area.top - area.h / 2, self.labels["empty"], 14, MUTED, "center"
        )

    def tile_label(self, row: int, column: int, rows: int, columns: int) -> str:
        return self.labels["tile"].format(row=row, column=column, rows=rows, columns=columns)

    def tile_marks(
        self, area: Area, overlap: float, row: int, column: int, rows: int, columns: int
    ) -> None:
        """Crop marks at the area's corners; dashed lines where the neighbouring tiles begin
        and registration targets in the shared bands, so printed tiles can be taped together.
        ``row`` and ``column`` count from 0 here."""
        c = self.c
        c.saveState()
        c.setStrokeColor(INK)
        c.setLineWidth(0.5)
        x0, x1, y0, y1 = area.x, area.x + area.w, area.y, area.top
        for x, sx in ((x0, -1), (x1, 1)):
            for y, sy in ((y0, -1), (y1, 1)):
                c.line(x + sx * 2, y, x + sx * (2 + MARK), y)
                c.line(x, y + sy * 2, x, y + sy * (2 + MARK))
        c.setStrokeColor(MUTED)
        c.setDash([3, 3])
        mid_x, mid_y = (x0 + x1) / 2, (y0 + y1) / 2
        targets = []
        if column > 0:
            c.line(x0 + overlap, y0, x0 + overlap, y1)
            targets.append((x0 + overlap / 2, mid_y))
        if column < columns - 1:
            c.line(x1 - overlap, y0, x1 - overlap, y1)
            targets.append((x1 - overlap / 2, mid_y))
        if row > 0:
            c.line(x0, y1 - overlap, x1, y1 - overlap)
            targets.append((mid_x, y1 - overlap / 2))
        if row < rows - 1:
            c.line(x0, y0 + overlap, x1, y0 + overlap)
            targets.append((mid_x, y0 + overlap / 2))
        c.setDash([])
        c.setStrokeColor(INK)
        for x, y in targets:
            c.circle(x, y, 5, stroke=1, fill=0)
            c.line(x - 8, y, x + 8, y)
            c.line(x, y - 8, x, y + 8)
        c.restoreState()

    def overview(
        self,
        board_w: float,
        board_h: float,
        regions: list[tuple[float, float]],
        tile_w: float,
        tile_h: float,
        current: int,
    ) -> None:
        """A small map of the board with every tile outlined and this one filled."""
        c = self.c
        span_w = max(max(x for x, _ in regions) + tile_w, board_w)
        span_h = max(max(y for _, y in regions) + tile_h, board_h)
        k = min(OVERVIEW_W / span_w, OVERVIEW_H / span_h)
        left = self.width - MARGIN - span_w * k
        top = MARGIN + OVERVIEW_H
        c.saveState()
        c.setLineWidth(0.5)
        c.setStrokeColor(RULE)
        c.setFillColor(HexColor("#F1F3F5"))
        c.rect(left, top - board_h * k, board_w * k, board_h * k, stroke=1, fill=1)
        c.setStrokeColor(MUTED)
        for i, (x, y) in enumerate(regions):
            c.setFillColor(TILE_NOW)
            c.rect(
                left + x * k,
                top - (y + tile_h) * k,
                tile_w * k,
                tile_h * k,
                stroke=1,
                fill=1 if i == current else 0,
            )
        c.restoreState()
