"""PDF export, read back with poppler: text, fonts, pixels, pages, the record, and failures.

Real workshop files (the sample, or ones built through Session and ops), real PDFs, and the
same tools a reader's machine has: pdftotext, pdffonts, pdfinfo, pdftoppm.
"""

from __future__ import annotations

import math
import os
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image

from pofacil.board import ops
from pofacil.board.formats.fonts import missing_glyphs
from pofacil.board.formats.minutes import note_time
from pofacil.board.formats.pdf.export import OVERLAP_PT, ExportCancelled, PdfReport, export_pdf
from pofacil.board.formats.pdf.text import NO_END, NO_START, FontText
from pofacil.board.formats.sample import write_sample
from pofacil.board.geometry.items import board_geometry
from pofacil.board.model import Board, Workshop
from pofacil.board.model.errors import ModelError, StorageError
from pofacil.board.model.kinds import KIND_BY_ID
from pofacil.board.ops.boards import set_collapsed
from pofacil.board.session import Session
from pofacil.board.storage.atomic import atomic_write

pytestmark = pytest.mark.skipif(
    not all(shutil.which(t) for t in ("pdftotext", "pdffonts", "pdfinfo", "pdftoppm")),
    reason="poppler-utils is needed to read the PDF back",
)


# -- helpers ---------------------------------------------------------------------------------
def run(*args: object) -> str:
    return subprocess.run(
        [str(a) for a in args], check=True, capture_output=True, text=True, timeout=120
    ).stdout


def pdf_text(path: Path, first: int | None = None, last: int | None = None) -> str:
    pages = [*(["-f", first] if first else []), *(["-l", last] if last else [])]
    return run("pdftotext", "-raw", *pages, path, "-")


def flat(text: str) -> str:
    """Whitespace and line breaks removed: text wrapped in a note compares with the note."""
    return re.sub(r"\s+", "", text)


def page_count(path: Path) -> int:
    return int(re.search(r"^Pages:\s+(\d+)", run("pdfinfo", path), re.MULTILINE).group(1))


def render(path: Path, page: int, folder: Path, dpi: int = 50) -> Image.Image:
    prefix = folder / f"page-{page}"
    run("pdftoppm", "-r", dpi, "-png", "-f", page, "-l", page, "-singlefile", path, prefix)
    return Image.open(f"{prefix}.png").convert("RGB")


def matching(
    image: Image.Image, points: list[tuple[float, float]], color: str, tolerance: int = 12
) -> float:
    """The share of ``points`` (pixels) whose color is ``color``."""
    want = tuple(int(color[i : i + 2], 16) for i in (1, 3, 5))
    hits = 0
    for x, y in points:
        pixel = image.getpixel((int(x), int(y)))
        hits += all(abs(p - w) <= tolerance for p, w in zip(pixel, want, strict=False))
    return hits / len(points)


def check_note_colors(
    report: PdfReport, board: Board, pdf: Path, folder: Path, page: int, dpi: int = 50
) -> int:
    """Every visible note wholly on ``page`` shows its kind's color where it should be.

    Probes the note's padding (5 board units inside its left and top edges, where no text
    is drawn) and the page just outside those edges (7 units out): the first must be the
    kind's color, the second must not. A note drawn 8 units (about 2 pt) off fails this.
    """
    info = report.page_info[page - 1]
    assert info.transform is not None
    tf, page_h = info.transform, report.page_size[1]
    ax, ay, aw, ah = tf.area
    image = render(pdf, page, folder, dpi)
    checked = 0
    for box in board_geometry(board).notes:
        r = box.rect
        (x0, y0), (x1, y1) = tf.to_page(r.x, r.y), tf.to_page(r.x + r.w, r.y + r.h)
        e = 0.5  # points: rounding at the area's edges
        if not (ax - e <= x0 and x1 <= ax + aw + e and ay - e <= y1 and y0 <= ay + ah + e):
            continue  # not wholly on this tile
        ys = [r.y + r.h * (0.15 + 0.1 * i) for i in range(8)]
        xs = [r.x + r.w * (0.15 + 0.06 * i) for i in range(8)]  # short of the "+n" badge
        inside = [(r.x + 5, y) for y in ys] + [(x, r.y + 5) for x in xs]
        outside = [(r.x - 7, y) for y in ys] + [(x, r.y - 7) for x in xs]
        color = KIND_BY_ID[box.note.kind].color
        pixels = [[tf.to_pixels(x, y, page_h, dpi) for x, y in pts] for pts in (inside, outside)]
        assert matching(image, pixels[0], color) >= 0.9, (box.note.text, "inside")
        assert matching(image, pixels[1], color) <= 0.25, (box.note.text, "outside")
        checked += 1
    return checked


@pytest.fixture(scope="module")
def sample_export(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple]:
    folder = tmp_path_factory.mktemp("sample")
    session = Session.open(write_sample(folder / "範例.pofacil"), read_only=True)
    try:
        out = folder / "共識營.pdf"
        yield session.workshop, export_pdf(session.workshop, out), out, folder
    finally:
        session.close()


def new_session(tmp_path: Path, boards: list[tuple[str, str]], name: str = "ws") -> Session:
    return Session.create(
        tmp_path / f"{name}.pofacil",
        title="測試工作坊",
        boards=boards,
        date="2026-11-20",
        venue="行政院",
        actor="tester",
    )


def grid_notes(
    session: Session,
    board_name: str,
    n: int,
    cols: int,
    text: str = "便利貼",
    author: str = "王素琴",
) -> list[str]:
    board_id = session.workshop.find_board(board_name).id
    kinds = list(KIND_BY_ID)
    specs = [
        ops.NoteSpec(
            f"{text} {i}",
            kind=kinds[i % len(kinds)],
            author=author,
            x=(i % cols) * 180.0,
            y=(i // cols) * 120.0,
        )
        for i in range(n)
    ]
    session.do(ops.add_notes(session.workshop, board_id, specs))
    return [s.id for s in specs]


# -- the sample, read back -------------------------------------------------------------------
def test_every_note_title_board_and_record_is_text(sample_export: tuple) -> None:
    ws, report, out, _ = sample_export
    text = pdf_text(out)
    whole = flat(text)
    assert flat(ws.info.title) in whole and ws.info.date in text and flat(ws.info.venue) in whole
    for board in ws.ordered_boards():
        assert flat(board.name) in whole
        for note in board.live_notes():
            assert flat(note.text) in whole, note.text
            assert not note.author or flat(note.author) in whole
    assert "會議紀錄" in text and "已刪除 0 則" in text
    assert f"1 / {report.pages}" in text and f"{report.pages} / {report.pages}" in text
    # The mind map on one page, each of the two table boards on an overview and a detail page.
    assert page_count(out) == report.pages == 5 + len(report.record_pages)
    # The record lists each note with its time, and its cell by row and column.
    record = flat(pdf_text(out, report.record_pages[0], report.pages))
    for board in ws.ordered_boards():
        for note in board.live_notes():
            assert flat(note.text) in record
            # Said on the sample's day: the time alone.
            assert note.created.startswith(ws.info.date)
            assert flat(note_time(note.created, ws.info.date)) in record
    assert flat("PO制度 / 現在的認知") in record
    # One line for a place: the row group gives way when the whole does not fit.
    assert flat("部會需求 / 現在的認知") in record


def test_board_pages_follow_board_order_with_header_and_legend(sample_export: tuple) -> None:
    ws, report, out, _ = sample_export
    number = 1
    for board in ws.ordered_boards():
        pages = report.board(board.id).pages
        assert pages[0] == number
        assert report.board(board.id).mode == ("table" if board.cells else "fit")
        assert len(pages) == (2 if board.cells else 1)
        for page_number in pages:
            page = flat(pdf_text(out, page_number, page_number))
            assert flat(board.name) in page and flat(ws.info.title) in page
            assert "圖例" in page
            shown = {KIND_BY_ID[n.kind].zh for n in board.live_notes()}
            assert all(label in page for label in shown)
        number += len(pages)


def test_only_the_bundled_font_embedded_as_subsets(sample_export: tuple) -> None:
    _, _, out, _ = sample_export
    rows = run("pdffonts", out).splitlines()[2:]
    assert rows
    for row in rows:
        name, *_, emb, sub, uni, _obj, _gen = row.split()
        assert "PofacilSansTC" in name and name[6] == "+", row
        assert (emb, sub, uni) == ("yes", "yes", "yes"), row


def test_each_note_has_its_kind_color_where_it_is(sample_export: tuple) -> None:
    ws, report, out, folder = sample_export
    checked = 0
    # A table's notes are reflowed on its detail pages (test_pdf_tables.py checks them there).
    drawn_as_on_screen = [b for b in ws.ordered_boards() if not b.cells]
    for board in drawn_as_on_screen:
        (page,) = report.board(board.id).pages
        checked += check_note_colors(report, board, out, folder, page)
    assert drawn_as_on_screen and checked == sum(len(b.live_notes()) for b in drawn_as_on_screen)


def test_no_note_character_is_missing_from_the_font(sample_export: tuple) -> None:
    ws, report, _, _ = sample_export
    texts = "".join(n.text + n.author for b in ws.ordered_boards() for n in b.live_notes())
    assert missing_glyphs(texts) == set()
    assert report.replaced_chars == 0 and report.missing_chars == frozenset()
    assert report.truncated_notes == 0


def test_a_character_the_font_lacks_is_replaced_visibly_and_counted(tmp_path: Path) -> None:
    s = new_session(tmp_path, [("blank", "板")])
    board_id = s.workshop.find_board("板").id
    s.do(ops.add_note(s.workshop, board_id, "讚😀好\u200b棒", author="匿名\U000f0000"))
    assert missing_glyphs("😀\U000f0000") == {"😀", "\U000f0000"}
    report = export_pdf(s.workshop, tmp_path / "x.pdf")
    assert report.replaced_chars == 2 and report.missing_chars == {"😀", "\U000f0000"}
    text = flat(pdf_text(tmp_path / "x.pdf"))
    assert "讚?好棒" in text and "匿名?" in text and "😀" not in text
    s.close()


# -- layouts ---------------------------------------------------------------------------------
def test_tile_mode_page_count_follows_bounds_scale_and_overlap(tmp_path: Path) -> None:
    s = new_session(tmp_path, [("blank", "大板")])
    grid_notes(s, "大板", 300, 25)
    board = s.workshop.find_board("大板")
    out = tmp_path / "tiles.pdf"
    report = export_pdf(s.workshop, out, mode="tile", record=False)
    b = report.board(board.id)
    first = report.page_info[b.pages[0] - 1].transform
    assert first is not None and b.mode == "tile"
    bounds = board_geometry(board).bounds
    _, _, area_w, area_h = first.area
    overlap = OVERLAP_PT / b.scale

    def tiles(span: float, tile: float) -> int:  # k tiles cover k * tile - (k - 1) * overlap
        return max(1, math.ceil((span - overlap) / (tile - overlap) - 1e-9))

    columns, rows = tiles(bounds.w, area_w / b.scale), tiles(bounds.h, area_h / b.scale)
    assert (b.rows, b.columns) == (rows, columns) and rows * columns > 1
    assert report.pages == page_count(out) == rows * columns
    assert b.smallest_text_pt is not None and b.smallest_text_pt >= 8 - 1e-6
    text = pdf_text(out)
    assert "第 1 列，第 1 欄" in text and f"第 {rows} 列，第 {columns} 欄" in text
    whole = flat(text)
    assert all(flat(n.text) in whole for n in board.live_notes())
    # Neighbouring tiles share a band of the board: the second starts before the first ends.
    second = report.page_info[b.pages[1] - 1].transform
    assert second is not None
    assert second.board_x == pytest.approx(first.board_x + (area_w - OVERLAP_PT) / b.scale)
    assert check_note_colors(report, board, out, tmp_path, b.pages[-1]) > 0
    s.close()


def test_auto_fits_a_small_board_and_tiles_a_huge_one(tmp_path: Path) -> None:
    s = new_session(tmp_path, [("blank", "小"), ("blank", "大")])
    grid_notes(s, "小", 6, 3)
    grid_notes(s, "大", 400, 20)
    report = export_pdf(s.workshop, tmp_path / "auto.pdf", record=False)
    small = report.board(s.workshop.find_board("小").id)
    huge = report.board(s.workshop.find_board("大").id)
    assert small.mode == "fit" and small.pages == (1,) and small.smallest_text_pt >= 6
    assert huge.mode == "tile" and len(huge.pages) > 1 and huge.smallest_text_pt >= 6
    fitted = export_pdf(s.workshop, tmp_path / "fit.pdf", mode="fit", record=False)
    forced = fitted.board(s.workshop.find_board("大").id)
    assert forced.mode == "fit" and forced.smallest_text_pt < 6 and fitted.pages == 2
    s.close()


def test_a3_pages_are_a3_landscape(tmp_path: Path) -> None:
    s = new_session(tmp_path, [("blank", "板")])
    grid_notes(s, "板", 3, 3)
    report = export_pdf(s.workshop, tmp_path / "a3.pdf", paper="A3", record=False)
    assert report.page_size == pytest.approx((1190.55, 841.89), abs=0.1)
    assert "1190.55 x 841.89 pts" in run("pdfinfo", tmp_path / "a3.pdf")
    s.close()


def test_empty_board_one_note_board_and_english_labels(tmp_path: Path) -> None:
    s = new_session(tmp_path, [("blank", "空白"), ("blank", "一則")])
    grid_notes(s, "一則", 1, 1, text="只有一則")
    out = tmp_path / "small.pdf"
    report = export_pdf(s.workshop, out)
    empty = report.board(s.workshop.find_board("空白").id)
    one = report.board(s.workshop.find_board("一則").id)
    assert empty.mode == "empty" and empty.pages == (1,) and empty.smallest_text_pt is None
    assert one.mode == "fit" and one.pages == (2,) and one.notes == 1
    assert flat("（沒有便利貼）") in flat(pdf_text(out, 1, 1))
    assert "只有一則" in flat(pdf_text(out, 2, 2))
    assert check_note_colors(report, s.workshop.find_board("一則"), out, tmp_path, 2) == 1
    export_pdf(s.workshop, tmp_path / "en.pdf", language="en")
    text = pdf_text(tmp_path / "en.pdf")
    assert "(no notes)" in text and "Meeting record" in text and "Legend" in text
    assert "1 note, 0 notes removed" in text and "Problem" in text
    s.close()


def test_five_thousand_notes(tmp_path: Path) -> None:
    """Budget: ~10 s on the 2-core CI machine (build 0.5 s, export ~4 s, reading back)."""
    s = new_session(tmp_path, [("blank", "全體")])
    grid_notes(s, "全體", 5000, 70, text="議題")
    board = s.workshop.find_board("全體")
    out = tmp_path / "5000.pdf"
    report = export_pdf(s.workshop, out, mode="auto")
    b = report.board(board.id)
    assert b.mode == "tile" and b.notes == 5000 and report.pages == page_count(out)
    record = flat(pdf_text(out, report.record_pages[0], report.pages))
    assert all(f"議題{i}" in record for i in (0, 1234, 4999))
    assert record.count("王素琴") == 5000
    s.close()


def test_collapsed_branches_are_left_out_like_on_screen(tmp_path: Path) -> None:
    s = new_session(tmp_path, [("blank", "心智圖")])
    board_id = s.workshop.find_board("心智圖").id
    specs = [ops.NoteSpec(t, x=x, y=0.0) for t, x in (("根", 0.0), ("枝", 300.0), ("葉", 600.0))]
    links = [(specs[0].id, specs[1].id, "child"), (specs[1].id, specs[2].id, "child")]
    s.do(ops.add_notes(s.workshop, board_id, specs, links))
    s.do(set_collapsed(s.workshop, [specs[1].id], True))
    geo = board_geometry(s.workshop.board(board_id))
    assert [b.note.text for b in geo.notes] == ["根", "枝"] and geo.notes[1].folded == 1
    (link,) = geo.links
    assert (link.x1, link.x2) == (160.0, 300.0)  # from edge to edge, the hidden leaf unlinked
    text = flat(pdf_text(export_pdf(s.workshop, tmp_path / "m.pdf", record=False).path))
    assert "根" in text and "枝" in text and "葉" not in text and "+1" in text
    s.close()


def test_cluster_frame_wraps_its_shown_members_with_a_title_band(tmp_path: Path) -> None:
    s = new_session(tmp_path, [("blank", "板")])
    ids = grid_notes(s, "板", 3, 3)
    s.do(ops.cluster_notes(s.workshop, ids[:2], "人力"))
    geo = board_geometry(s.workshop.find_board("板"))
    (frame,) = geo.clusters
    assert frame.title == "人力 (2)"
    assert (frame.rect.x, frame.rect.y) == (-16.0, -46.0)
    assert (frame.rect.w, frame.rect.h) == (180.0 + 160.0 + 32.0, 100.0 + 32.0 + 30.0)
    assert geo.bounds.y == -46.0 and geo.bounds.w == 2 * 180.0 + 160.0 + 16.0
    text = flat(pdf_text(export_pdf(s.workshop, tmp_path / "c.pdf", record=False).path))
    assert "人力(2)" in text
    s.close()


_FONT = FontText()
_TEXTS = st.text(
    st.sampled_from([*list("開放政府的角色與未來，。「」（）PO data 2026 abc"), "\n"]), max_size=60
)


@settings(max_examples=150, deadline=None)
@given(text=_TEXTS, width=st.floats(100, 300), size=st.integers(9, 22))
def test_wrapping_keeps_every_character_and_the_width(text: str, width: float, size: int) -> None:
    """Widths of at least 4.5 em, as in every note (144 board units at 22 px at most)."""
    assert flat("".join(_FONT.wrap(text, width, size))) == flat(text)  # only spaces go
    for paragraph in text.split("\n"):
        lines = _FONT.wrap(paragraph, width, size)
        for i, line in enumerate(lines):
            body = line.rstrip("".join(NO_START))  # closing punctuation may hang past the edge
            assert _FONT.width(body, size) <= width + 1e-6, (line, width, size)
            assert i == 0 or line[:1] not in NO_START, lines
            assert i == len(lines) - 1 or line[-1:] not in NO_END, lines


# -- the record ------------------------------------------------------------------------------
def test_record_on_off_and_removed_notes_counted_not_listed(tmp_path: Path) -> None:
    s = new_session(tmp_path, [("blank", "全體")])
    ids = grid_notes(s, "全體", 4, 4)
    s.do(ops.edit_text(s.workshop, ids[1], "請刪除這一則"))
    s.do(ops.delete_notes(s.workshop, [ids[1]]))
    with_record = export_pdf(s.workshop, tmp_path / "with.pdf")
    text = pdf_text(tmp_path / "with.pdf")
    assert "會議紀錄" in text and "3 則便利貼，已刪除 1 則" in text
    assert "請刪除這一則" not in flat(text)
    assert with_record.record_pages == (2,)
    without = export_pdf(s.workshop, tmp_path / "without.pdf", record=False)
    assert without.pages == 1 and without.record_pages == ()
    assert "會議紀錄" not in pdf_text(tmp_path / "without.pdf")
    english = pdf_text(export_pdf(s.workshop, tmp_path / "en.pdf", language="en").path)
    assert "3 notes, 1 note removed" in english
    s.close()


# -- files and failures ----------------------------------------------------------------------
def test_names_with_spaces_and_chinese(tmp_path: Path) -> None:
    s = new_session(tmp_path, [("blank", "板")])
    grid_notes(s, "板", 2, 2)
    folder = tmp_path / "工作坊 資料"
    folder.mkdir()
    out = folder / "會議 紀錄 2026.pdf"
    report = export_pdf(s.workshop, out)
    assert report.path == out and out.read_bytes().startswith(b"%PDF")
    assert page_count(out) == report.pages
    assert sorted(p.name for p in folder.iterdir()) == ["會議 紀錄 2026.pdf"]
    s.close()


def test_progress_reaches_total_and_cancel_leaves_no_file(tmp_path: Path) -> None:
    s = new_session(tmp_path, [("blank", "板"), ("blank", "二")])
    grid_notes(s, "板", 5, 5)
    calls: list[tuple[int, int]] = []
    report = export_pdf(
        s.workshop,
        tmp_path / "ok.pdf",
        progress=lambda done, total: calls.append((done, total)) or True,
    )
    assert [d for d, _ in calls] == list(range(report.pages + 1))
    assert {t for _, t in calls} == {report.pages}
    out = tmp_path / "cancelled.pdf"
    with pytest.raises(ExportCancelled):
        export_pdf(s.workshop, out, progress=lambda done, total: done < 2)
    assert not out.exists()
    out.write_bytes(b"the previous export")
    with pytest.raises(ExportCancelled):
        export_pdf(s.workshop, out, progress=lambda done, total: False)
    assert out.read_bytes() == b"the previous export"
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".pdf") == [
        "cancelled.pdf",
        "ok.pdf",
    ]
    s.close()


def test_unwritable_output_is_a_storage_error_and_leaves_nothing(tmp_path: Path) -> None:
    s = new_session(tmp_path, [("blank", "板")])
    grid_notes(s, "板", 2, 2)
    with pytest.raises(StorageError, match=r"Could not write .*沒有\.pdf: No such file"):
        export_pdf(s.workshop, tmp_path / "不存在" / "沒有.pdf")
    if os.name == "posix" and os.geteuid() != 0:  # root writes anywhere
        locked = tmp_path / "唯讀"
        locked.mkdir()
        locked.chmod(0o500)
        try:
            with pytest.raises(StorageError) as err:
                export_pdf(s.workshop, locked / "x.pdf")
            assert "\n" not in str(err.value) and "Permission denied" in str(err.value)
            assert list(locked.iterdir()) == []
        finally:
            locked.chmod(0o700)
    s.close()


def test_unknown_board_is_a_model_error_naming_the_boards(tmp_path: Path) -> None:
    s = new_session(tmp_path, [("blank", "第一組"), ("blank", "第二組")])
    with pytest.raises(ModelError, match="第九組; the boards are: 第一組, 第二組"):
        export_pdf(s.workshop, tmp_path / "x.pdf", boards=["第九組"])
    second = s.workshop.find_board("第二組")
    report = export_pdf(s.workshop, tmp_path / "x.pdf", boards=[second.id], record=False)
    assert [b.name for b in report.boards] == ["第二組"] and report.pages == 1
    for bad in ({"paper": "A5"}, {"mode": "zoom"}, {"language": "fr"}):
        with pytest.raises(ModelError):
            export_pdf(s.workshop, tmp_path / "y.pdf", **bad)  # type: ignore[arg-type]
    assert not (tmp_path / "y.pdf").exists()
    with pytest.raises(ModelError):
        export_pdf(Workshop(), tmp_path / "y.pdf")
    s.close()


def test_atomic_write_keeps_the_old_file_when_the_writer_fails(tmp_path: Path) -> None:
    out = tmp_path / "紀錄.md"
    out.write_text("old")

    def half(tmp: Path) -> None:
        assert tmp.parent == tmp_path and tmp.name.startswith(".") and tmp.suffix == ".md"
        tmp.write_text("half")
        raise ValueError("writer broke")

    with pytest.raises(ValueError):
        atomic_write(out, half)
    assert out.read_text() == "old" and [p.name for p in tmp_path.iterdir()] == ["紀錄.md"]
    assert atomic_write(out, lambda tmp: tmp.write_text("new")) == out
    assert out.read_text() == "new" and [p.name for p in tmp_path.iterdir()] == ["紀錄.md"]


def test_a_tiling_past_200_pages_is_refused_before_drawing(tmp_path: Path) -> None:
    s = new_session(tmp_path, [("blank", "板")])
    board = s.workshop.find_board("板").id
    s.do(
        ops.add_notes(
            s.workshop,
            board,
            [ops.NoteSpec("這裡", x=-900_000.0, y=0.0), ops.NoteSpec("很遠", x=900_000.0, y=0.0)],
        )
    )
    calls: list[int] = []
    for mode in ("auto", "tile"):
        with pytest.raises(ModelError, match="板 would take more than 200 pages when tiled"):
            export_pdf(
                s.workshop,
                tmp_path / "far.pdf",
                mode=mode,
                progress=lambda done, total: calls.append(done) or True,
            )
    assert calls == [] and not [p for p in tmp_path.iterdir() if "ws.pofacil" not in p.name]
    assert export_pdf(s.workshop, tmp_path / "far.pdf", mode="fit").pages == 2
    s.close()


def test_a_failure_while_drawing_leaves_no_partial_file(tmp_path: Path) -> None:
    s = new_session(tmp_path, [("blank", "板")])
    grid_notes(s, "板", 30, 6)

    def fail(done: int, total: int) -> bool:
        if done == 1:
            raise MemoryError  # what a huge board does halfway through
        return True

    with pytest.raises(MemoryError):
        export_pdf(s.workshop, tmp_path / "out.pdf", progress=fail)
    assert not [p for p in tmp_path.iterdir() if "ws.pofacil" not in p.name]
    s.close()
