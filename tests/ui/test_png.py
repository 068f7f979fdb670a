"""PNG export: the real board scene drawn into an image, checked by size and by pixels."""

from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage

from pofacil.board.formats.sample import build_sample, write_sample
from pofacil.board.geometry.grid import grid_layout
from pofacil.board.model.errors import ModelError, PofacilError, StorageError
from pofacil.board.model.kinds import KIND_BY_ID
from pofacil.board.model.templates import cell_columns
from pofacil.board.session import Session
from pofacil.ui.png import MARGIN, export_png, fitted_scale

TABLE = "議題脈絡分析表"


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    return write_sample(tmp_path / "範例 工作坊.pofacil")


def board_of(path: Path, name: str):
    session = Session.open(path, read_only=True)
    try:
        return session.workshop.find_board(name)
    finally:
        session.close()


def close_to(pixel: QColor, color: str, tolerance: int = 10) -> bool:
    want = QColor(color)
    return all(
        abs(a - b) <= tolerance
        for a, b in (
            (pixel.red(), want.red()),
            (pixel.green(), want.green()),
            (pixel.blue(), want.blue()),
        )
    )


def test_issue_context_board_at_twice_the_screen_size(qapp, sample: Path, tmp_path: Path) -> None:
    board = board_of(sample, TABLE)
    out = tmp_path / "匯出 圖片" / "議題 脈絡.png"
    out.parent.mkdir()
    result = export_png(sample, board.id, out, scale=2.0)
    assert result.path == out and not result.capped and result.scale == 2.0
    image = QImage(str(out))
    assert not image.isNull()
    assert (image.width(), image.height()) == (result.width, result.height)

    # The scene's items are the grid (drawn 2 px beyond its cells) and the notes inside it.
    geo = grid_layout(board, cell_columns(board))
    want_w = (geo.bounds.w + 4 + 2 * MARGIN) * 2
    want_h = (geo.bounds.h + 4 + 2 * MARGIN) * 2
    assert abs(image.width() - want_w) <= 4 and abs(image.height() - want_h) <= 4

    # Every note's kind color, where the grid puts the note (just inside its top edge).
    x0, y0 = result.source[:2]
    seen = set()
    for note in board.live_notes():
        x, y = geo.notes[note.id]
        px, py = round((x + note.w / 2 - x0) * 2), round((y + 4 - y0) * 2)
        pixel = image.pixelColor(px, py)
        assert close_to(pixel, KIND_BY_ID[note.kind].color), (note.text, pixel.name())
        seen.add(note.kind)
    assert len(seen) >= 5, "several kinds, several colors"

    # White paper around the board, and a picture that is mostly not paper.
    assert image.pixelColor(3, 3) == QColor("white")
    samples = [
        image.pixelColor(x, y)
        for x in range(0, image.width(), 17)
        for y in range(0, image.height(), 17)
    ]
    colored = [c for c in samples if c != QColor("white")]
    assert len(colored) > len(samples) * 0.3
    assert len({c.name() for c in colored}) > 20
    assert image.dotsPerMeterX() == round(96 * 2 / 0.0254), "prints at twice the screen size"


def test_open_session_and_in_memory_workshop_give_the_same_picture(
    qapp, sample: Path, tmp_path: Path
) -> None:
    session = Session.open(sample)
    try:
        board = session.workshop.find_board(TABLE)
        from_session = export_png(
            session.workshop, board.id, tmp_path / "a.png", 1.0, session=session
        )
        assert not session.read_only, "the caller's session is used, not reopened"
    finally:
        session.close()
    ws = build_sample()
    in_memory = export_png(ws, ws.find_board(TABLE).id, tmp_path / "b.png", 1.0)
    assert (from_session.width, from_session.height) == (in_memory.width, in_memory.height)
    with pytest.raises(ValueError):
        export_png(
            ws, ws.find_board(TABLE).id, tmp_path / "c.png", session=Session(None, build_sample())
        )  # type: ignore[arg-type]


def test_huge_scales_are_lowered_and_said_so(qapp, sample: Path, tmp_path: Path) -> None:
    board = board_of(sample, TABLE)
    result = export_png(sample, board.id, tmp_path / "big.png", scale=50, max_side=800)
    assert result.capped and result.scale < 50 and result.requested_scale == 50
    assert max(result.width, result.height) <= 800
    assert "lowered from 50" in result.describe()
    image = QImage(str(result.path))
    assert max(image.width(), image.height()) <= 800
    assert fitted_scale(1000, 1000, 100, max_side=10**9, max_pixels=4_000_000) == 2.0


def test_every_sample_board_and_an_empty_one(qapp, tmp_path: Path) -> None:
    from pofacil.board import ops

    ws = build_sample()
    for patch in ops.add_board(ws, "blank", "空白 板", with_center=False).patches:
        ws.apply(patch)
    for board in ws.ordered_boards():
        result = export_png(ws, board.id, tmp_path / f"{board.name}.png", 1.0)
        assert QImage(str(result.path)).width() == result.width > 100


def test_unknown_board_and_unwritable_place_leave_no_file(
    qapp, sample: Path, tmp_path: Path
) -> None:
    with pytest.raises(ModelError, match="no board named no-such-board; the boards are: 全體"):
        export_png(sample, "no-such-board", tmp_path / "x.png")
    missing = tmp_path / "沒有 資料夾" / "x.png"
    with pytest.raises(StorageError, match="Could not write"):
        export_png(sample, board_of(sample, TABLE).id, missing)
    assert not missing.parent.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["範例 工作坊.pofacil"]


def test_bad_scale_is_a_user_error(qapp, sample: Path, tmp_path: Path) -> None:
    with pytest.raises(PofacilError, match="more than 0"):
        export_png(sample, board_of(sample, TABLE).id, tmp_path / "x.png", scale=0)
