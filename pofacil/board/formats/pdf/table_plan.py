"""A table board's pages, planned: one overview page, then its detail pages."""

from __future__ import annotations

from dataclasses import dataclass

from pofacil.board.geometry.items import BoardGeometry, board_geometry
from pofacil.board.model import Board
from pofacil.board.model.kinds import Kind

from .overview import Overview, plan_overview
from .page import Area, PageFurniture
from .plan import legend_kinds
from .table import DetailPlan, plan_details


@dataclass
class TablePlan:
    board: Board
    geo: BoardGeometry
    legend: list[list[tuple[Kind, str]]]
    area: Area
    overview: Overview
    details: DetailPlan

    @property
    def page_count(self) -> int:
        return 1 + len(self.details.pages)

    @property
    def smallest_pt(self) -> float | None:
        sizes = [n.size for n in self.details.laid_out if n.lines]
        return min(sizes) if sizes else None

    @property
    def truncated(self) -> int:
        return sum(not n.fits for n in self.details.laid_out)


def plan_table(board: Board, furniture: PageFurniture) -> TablePlan:
    text, language = furniture.text, furniture.language
    geo = board_geometry(board)
    legend = furniture.legend_lines(legend_kinds(board, geo), furniture.legend_width(False))
    area = furniture.board_area(len(legend), tiled=False)
    return TablePlan(
        board,
        geo,
        legend,
        area,
        plan_overview(board, geo, text, area, language),
        plan_details(board, geo, text, area, language),
    )
