"""The screen and the PDF draw a board alike: what each actually draws, compared within 0.5 px.

The screen side comes from the real scene's items, the PDF side from the page's content stream
(see ``drawn.py``); a test patches one shared constant and sees both sides move, and another
diverges one side only and sees the comparison fail.
"""

from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from pypdf.generic import ContentStream

from pofacil.board.formats.pdf.export import PageTransform, export_pdf
from pofacil.board.formats.pdf.text import FontText
from pofacil.board.formats.sample import write_sample
from pofacil.board.geometry import items as geometry
from pofacil.board.geometry import style
from pofacil.board.geometry.grid import Rect
from pofacil.board.session import Session
from pofacil.ui.fonts import install_app_font
from pofacil.ui.items import cluster

from .drawn import (
    TOLERANCE,
    Box,
    Paper,
    Screen,
    close,
    export_page,
    paper_of,
    random_workshop,
    screen_of,
    unmatched,
)

FONT = FontText()


@pytest.fixture(autouse=True)
def _font(qapp) -> None:
    install_app_font(qapp)  # the text fitting on screen measures with the bundled font


@pytest.fixture
def sample(tmp_path: Path) -> Iterator[Session]:
    session = Session.open(write_sample(tmp_path / "sample.pofacil"), read_only=True)
    yield session
    session.close()


def both(session: Session, board_id: str, folder: Path) -> tuple[Screen, Paper]:
    pdf, tf = export_page(session, board_id, folder)
    return screen_of(session, board_id), paper_of(pdf, 0, tf)


def differences(screen: Screen, paper: Paper) -> list[str]:
    """Everything one side draws and the other does not, or draws elsewhere."""
    out = []
    shapes = list(screen.notes.values()) + screen.badges + screen.frames + screen.grid
    only_screen, only_paper = unmatched(shapes, paper.boxes)
    if only_screen or only_paper:
        out.append(f"boxes: screen only {only_screen[:4]}, PDF only {only_paper[:4]}")
    only_screen, only_paper = unmatched(screen.lines, paper.strokes)
    if only_screen or only_paper:
        out.append(f"links: screen only {only_screen[:4]}, PDF only {only_paper[:4]}")
    if len(screen.arrows) != len(paper.fills) or not all(
        any(
            len(a) == len(f) and all(close(p, q) for p, q in zip(a, f, strict=True))
            for f in paper.fills
        )
        for a in screen.arrows
    ):
        out.append(f"arrowheads: screen {screen.arrows[:2]}, PDF {paper.fills[:2]}")
    for nid, rect in screen.notes.items():
        # The note's first text on paper is its body: its top left is where the screen's is.
        index = next(i for i, b in enumerate(paper.boxes) if close(b, rect))
        x, baseline, size, _ = next(t for t in paper.texts if t[3] == index)
        top = baseline - FONT.ascent * size
        sx, sy = screen.text[nid]
        if abs(x - sx) > TOLERANCE or abs(top - sy) > TOLERANCE:
            out.append(f"text of {nid}: screen at {(sx, sy)}, PDF at {(x, top)}")
    for left, middle in screen.titles:
        titles = [
            t
            for t in paper.texts
            if abs(t[0] - left) <= TOLERANCE
            and abs(t[1] - FONT.ascent * t[2] + FONT.line_height * t[2] / 2 - middle) <= 1
        ]
        if not titles:
            out.append(f"cluster title at {(left, middle)} not on paper")
    return out


def overview_boxes(pdf: Path, tf: PageTransform) -> tuple[list[Box], int]:
    """The filled-and-stroked rectangles of a table's overview page (its cells and headers),
    turned back into board pixels with the overview's two scales, and how many fill-only
    rectangles (note blocks) it draws."""
    reader = PdfReader(pdf)
    content = ContentStream(reader.pages[0].get_contents(), reader)
    boxes, fills, pending = [], 0, None
    for operands, op in content.operations:
        if op == b"re":
            pending = [float(v) for v in operands]
        elif op in (b"B", b"B*") and pending is not None and pending[1] >= tf.area[1]:
            x, y, w, h = pending  # above the legend's swatches: the board's area
            boxes.append(
                (
                    tf.board_x + (x - tf.left) / tf.scale,
                    tf.board_y + (tf.top - (y + h)) / tf.vertical,
                    w / tf.scale,
                    h / tf.vertical,
                )
            )
        elif op in (b"f", b"f*") and pending is not None:
            fills += 1
        if op != b"re":
            pending = None
    return boxes, fills


def overview_differences(session: Session, board_id: str, folder: Path) -> list[str]:
    """A table board's overview page against the screen's grid: every cell where the screen
    has it (both axes scaled), every column header over its column, every row and group
    header beside its rows, nothing else boxed, and a block for each note in a cell."""
    pdf = folder / "overview.pdf"
    report = export_pdf(session.workshop, pdf, boards=[board_id], record=False)
    info = report.page_info[0]
    assert info.role == "overview" and info.transform is not None
    tf = info.transform
    screen = screen_of(session, board_id)
    boxes, fills = overview_boxes(pdf, tf)
    parts = screen.grid_parts
    out = []
    only_screen, rest = unmatched(parts["cells"], boxes)
    if only_screen:
        out.append(f"cells: screen only {only_screen[:4]}")
    for name, axis in (("columns", 0), ("rows", 1), ("groups", 1)):
        for header in parts[name]:
            hit = next(
                (
                    b
                    for b in rest
                    if abs(b[axis] - header[axis]) <= TOLERANCE
                    and abs(b[axis + 2] - header[axis + 2]) <= TOLERANCE
                    and (axis == 1 or abs(b[1] + b[3] - header[1] - header[3]) <= TOLERANCE)
                ),
                None,
            )
            if hit is None:
                out.append(f"{name[:-1]} header {header} not on paper")
            else:
                rest.remove(hit)
    if rest:
        out.append(f"PDF only {rest[:4]}")
    in_cells = sum(1 for n in session.workshop.board(board_id).live_notes() if n.cell)
    # One block per note in a cell (the pills behind the counts are rounded, no rectangles).
    if fills != in_cells:
        out.append(f"{fills} fills for {in_cells} notes in {len(parts['cells'])} cells")
    return out


def test_the_sample_boards_draw_alike(sample: Session, tmp_path: Path) -> None:
    tables = 0
    for board in sample.workshop.ordered_boards():
        if board.cells:
            tables += 1
            assert overview_differences(sample, board.id, tmp_path) == [], board.name
            continue
        screen, paper = both(sample, board.id, tmp_path)
        assert screen.notes, board.name
        assert differences(screen, paper) == [], board.name
    assert tables == 2


@pytest.mark.parametrize("seed", [1, 2])
def test_random_boards_draw_alike(tmp_path: Path, seed: int) -> None:
    session = random_workshop(tmp_path / "random.pofacil", seed)
    try:
        for board in session.workshop.ordered_boards():
            if board.cells:
                assert overview_differences(session, board.id, tmp_path) == [], board.name
                continue
            screen, paper = both(session, board.id, tmp_path)
            assert differences(screen, paper) == [], board.name
        free = both(session, session.workshop.find_board("自由").id, tmp_path)[0]
        # What the comparison covered: frames, a folded branch's badge, arrows, free links.
        assert len(free.frames) == 2 and free.badges and free.arrows
        assert len(free.lines) > len(free.arrows)
    finally:
        session.close()


def test_a_shared_constant_moves_both_sides(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = random_workshop(tmp_path / "random.pofacil", 3)
    try:
        board = session.workshop.find_board("自由").id
        before = both(session, board, tmp_path)
        monkeypatch.setattr(style, "CLUSTER_MARGIN", style.CLUSTER_MARGIN + 14)
        monkeypatch.setattr(style, "NOTE_PADDING", style.NOTE_PADDING + 3)
        after = both(session, board, tmp_path)
        assert differences(*after) == []
        for frames in (
            (before[0].frames, after[0].frames),
            (frames_on_paper(*before), frames_on_paper(*after)),
        ):
            assert len(frames[0]) == len(frames[1]) == 2
            for old, new in zip(*map(sorted, frames), strict=True):
                assert close(new, (old[0] - 14, old[1] - 14, old[2] + 28, old[3] + 28))
        # The words moved in by the padding on screen; differences() above found the PDF's
        # words where the screen's are now.
        for nid, (x, y) in before[0].text.items():
            assert close((x + 3, y + 3, 0, 0), (*after[0].text[nid], 0, 0))
    finally:
        session.close()


def frames_on_paper(screen: Screen, paper: Paper) -> list:
    """The PDF's boxes that are no note or badge: the cluster frames of a free board."""
    others = list(screen.notes.values()) + screen.badges
    return [b for b in paper.boxes if not any(close(b, o) for o in others)]


def test_a_copy_that_diverges_on_one_side_is_caught(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A screen that frames clusters with its own margin, as ClusterItem.MARGIN once did.
    session = random_workshop(tmp_path / "random.pofacil", 4)
    try:
        board = session.workshop.find_board("自由").id

        def wider(members: list[Rect]) -> Rect:
            r = geometry.cluster_frame(members)
            return Rect(r.x - 14, r.y - 14, r.w + 28, r.h + 28)

        monkeypatch.setattr(cluster, "cluster_frame", wider)
        found = differences(*both(session, board, tmp_path))
        # The frames and their titles are where paper does not have them.
        assert found[0].startswith("boxes: screen only")
        assert sum(f.startswith("cluster title") for f in found) == 2
    finally:
        session.close()
