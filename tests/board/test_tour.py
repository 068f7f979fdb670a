"""The projector tour's stops, without Qt: every stop reads when fitted, and the stops of a
board show every note on it, in reading order (rows of a table and of a concept sheet,
branches of a mind map)."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from pofacil.board.formats.sample import write_sample
from pofacil.board.geometry.grid import Rect
from pofacil.board.geometry.items import board_geometry
from pofacil.board.geometry.tour import MARGIN, Screen, tour_stops
from pofacil.board.session import Session
from tests.board.mindmap_checks import morning_session
from tests.camp import TABLE, write_camp

# 1024x768 minus nothing (projector mode is full screen); 23 px text from 22 px notes.
PROJECTOR = Screen(1024, 768, 23 / 22)


def inside(inner: Rect, outer: Rect) -> bool:
    return (
        outer.x - 0.5 <= inner.x
        and outer.y - 0.5 <= inner.y
        and inner.x + inner.w <= outer.x + outer.w + 0.5
        and inner.y + inner.h <= outer.y + outer.h + 0.5
    )


def shown(stop: Rect, screen: Screen) -> Rect:
    """What a fitted stop puts on the screen: the stop and its margin, widened to the
    screen's shape."""
    scale = screen.scale_for(stop)
    w, h = screen.width / scale, screen.height / scale
    cx, cy = stop.x + stop.w / 2, stop.y + stop.h / 2
    return Rect(cx - w / 2, cy - h / 2, w, h)


def check_tour(board, screen: Screen) -> list:
    geo = board_geometry(board)
    stops = tour_stops(board, geo, screen)
    assert stops, "a board with notes has a tour"
    # A screen too small to read even one note fitted gets stops one note wide.
    one_note_reads = screen.readable(Rect(0, 0, 160 + 14, 100 + 14))
    for stop in stops:
        assert screen.readable(stop.rect) or not one_note_reads, stop
    for box in geo.notes:
        assert any(inside(box.rect, shown(s.rect, screen)) for s in stops), box.note.text
    return stops


def test_the_camp_table_is_toured_row_by_row_or_cell_by_cell(tmp_path: Path) -> None:
    session = Session.open(write_camp(tmp_path / "camp.pofacil"))
    board = session.workshop.find_board(TABLE)
    stops = check_tour(board, PROJECTOR)
    # 30-40 notes a cell do not read in one screen at 1024x768: each cell comes in blocks,
    # in reading order: the cells of a row, left to right, then the next row.
    cells = [s.id for s in stops]
    assert cells[0] == "system/now" and cells[-1] == "policy/future"
    order = [c for i, c in enumerate(cells) if i == 0 or cells[i - 1] != c]
    assert order == [
        f"{row}/{col}"
        for row in ("system", "role", "ministry", "public", "policy")
        for col in ("now", "future")
    ]
    assert all(s.parts >= 1 and 1 <= s.part <= s.parts for s in stops)
    # On a 1920x1080 screen the blocks are bigger: fewer stops.
    assert len(check_tour(board, Screen(1920, 1080, 32 / 22))) <= len(stops)
    session.close()


def test_the_sample_concept_sheet_goes_row_by_row(tmp_path: Path) -> None:
    session = Session.open(write_sample(tmp_path / "s.pofacil"))
    sheet = session.workshop.find_board("第一組：PO制度")
    stops = check_tour(sheet, Screen(1920, 1080, 32 / 22))
    assert {s.what for s in stops} <= {"row", "cell"}
    rows = [s.id.split("/")[0] for s in stops]
    assert rows == sorted(rows, key=sheet.row_ids().index), "top to bottom"
    session.close()


def test_a_mind_map_goes_branch_by_branch(tmp_path: Path) -> None:
    session = morning_session(tmp_path)
    board = session.workshop.ordered_boards()[0]
    stops = check_tour(board, Screen(1920, 1080, 32 / 22))
    assert {s.what for s in stops} == {"branch"}
    topic, *themes = [board.notes[s.id].text for s in stops if s.part == 1]
    assert topic == "共識營早上"
    assert sorted(themes) == sorted(f"主題{t}" for t in range(15)), "each theme in turn"
    session.close()


@settings(max_examples=25, deadline=None)
@given(
    width=st.integers(320, 3840),
    height=st.integers(240, 2160),
    share=st.floats(0.01, 0.08),
)
def test_every_screen_gets_a_tour_that_reads_and_shows_everything(
    tmp_path_factory, width: int, height: int, share: float
) -> None:
    folder = tmp_path_factory.mktemp("tour")
    session = Session.open(write_camp(folder / "camp.pofacil", 120, seed=width))
    board = session.workshop.find_board(TABLE)
    screen = Screen(width, height, share * height / 22)
    stops = check_tour(board, screen)
    for stop in stops:
        assert stop.rect.w > 0 and stop.rect.h > 0 and MARGIN > 0
    session.close()
