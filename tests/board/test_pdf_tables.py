"""Table boards on paper, read back from real PDFs: an overview page, then detail pages that
break between cells' notes, repeat the headers, print every note once at >= 7 pt, never cut a
note nor draw over one; the 300-note camp on A4 and A3; long notes; bookmarks and metadata.

The camp is tests/camp.py's (the morning of a consensus camp sorted into the issue-context
table); the drawing is read with pypdf (content stream, text with its size and place) and
poppler (pdftotext, pdffonts).
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from pypdf import PdfReader
from pypdf.generic import ContentStream

from pofacil.board import ops
from pofacil.board.formats.minutes import note_time
from pofacil.board.formats.pdf.export import PdfReport, export_pdf
from pofacil.board.formats.pdf.page import HEADER_H, LABELS, MARGIN
from pofacil.board.model import Board, Workshop, display_order
from pofacil.board.model.kinds import KIND_BY_ID
from pofacil.board.ops.boards import add_row, relabel
from pofacil.board.session import Session
from tests.camp import TABLE, write_camp

from .test_pdf import flat, page_count, pdf_text, run

HEADERS = ("現在的認知", "未來的期待")


@dataclass
class Drawn:
    """What one page paints: every path's box (PDF points, y up) in painting order, which of
    them are notes (rounded rectangles filled and stroked), and every text with its size."""

    paths: list[tuple[float, float, float, float]] = field(default_factory=list)
    notes: list[int] = field(default_factory=list)  # indices into ``paths``
    texts: list[tuple[str, float, float, float]] = field(default_factory=list)  # s, x, y, pt


def drawn(path: Path, page: int) -> Drawn:
    """Page ``page`` (1-based) read back; every page draws in page coordinates (no ``cm``)."""
    reader = PdfReader(path)
    pdf_page = reader.pages[page - 1]
    out = Drawn()
    points: list[tuple[float, float]] = []
    curved = False
    for operands, op in ContentStream(pdf_page.get_contents(), reader).operations:
        if op == b"cm":
            assert [float(v) for v in operands] == [1, 0, 0, 1, 0, 0]
        elif op in (b"m", b"l", b"c"):
            nums = [float(v) for v in operands]
            points += [(nums[i], nums[i + 1]) for i in range(0, len(nums), 2)]
            curved |= op == b"c"
        elif op == b"re":
            x, y, w, h = (float(v) for v in operands)
            points += [(x, y), (x + w, y + h)]
        elif op in (b"S", b"s", b"f", b"f*", b"B", b"B*", b"b", b"b*"):
            xs, ys = [p[0] for p in points], [p[1] for p in points]
            out.paths.append((min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys)))
            if curved and op in (b"B", b"B*"):
                out.notes.append(len(out.paths) - 1)
            points, curved = [], False
        elif op == b"n":
            points, curved = [], False

    def visit(s: str, cm: list, tm: list, _font: object, size: float) -> None:
        if not s.strip():
            return
        size *= math.hypot(tm[2], tm[3])
        last = out.texts[-1] if out.texts else None
        if last is not None and (last[1], last[2], last[3]) == (tm[4], tm[5], size):
            # One string drawn in two of the font's subsets comes as two pieces at one place.
            out.texts[-1] = (last[0] + s.strip(), *last[1:])
        else:
            out.texts.append((s.strip(), tm[4], tm[5], size))

    pdf_page.extract_text(visitor_text=visit)
    return out


def inside(x: float, y: float, box: tuple[float, float, float, float]) -> bool:
    return box[0] <= x <= box[0] + box[2] and box[1] <= y <= box[1] + box[3]


def overlap(a: tuple[float, ...], b: tuple[float, ...], margin: float = 0.3) -> bool:
    """The interiors meet (more than a hairline: a note's own border touches its cell's)."""
    return (
        a[0] + margin < b[0] + b[2]
        and b[0] + margin < a[0] + a[2]
        and a[1] + margin < b[1] + b[3]
        and b[1] + margin < a[1] + a[3]
    )


@dataclass
class Camp:
    workshop: Workshop
    board: Board
    a4: PdfReport
    a3: PdfReport
    a4_path: Path
    a3_path: Path

    def details(self, report: PdfReport) -> list[int]:
        return [p.number for p in report.page_info if p.role == "detail"]


@pytest.fixture(scope="module")
def camp(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Camp]:
    folder = tmp_path_factory.mktemp("camp")
    session = Session.open(write_camp(folder / "camp.pofacil"), read_only=True)
    try:
        ws = session.workshop
        a4, a3 = folder / "a4.pdf", folder / "a3.pdf"
        yield Camp(
            ws,
            ws.find_board(TABLE),
            export_pdf(ws, a4),
            export_pdf(ws, a3, paper="A3", record=False),
            a4,
            a3,
        )
    finally:
        session.close()


def page_texts(path: Path, pages: list[int]) -> dict[int, str]:
    return {n: pdf_text(path, n, n) for n in pages}


# -- the camp ------------------------------------------------------------------------------------
@pytest.mark.parametrize("paper", ["a4", "a3"])
def test_the_camp_table_is_an_overview_then_few_detail_pages(camp: Camp, paper: str) -> None:
    report: PdfReport = getattr(camp, paper)
    path: Path = getattr(camp, f"{paper}_path")
    b = report.board(camp.board.id)
    assert b.mode == "table" and b.notes == 300
    assert report.page_info[0].role == "overview" and b.pages[0] == 1
    assert len(b.pages) <= (10 if paper == "a4" else 7)
    assert camp.details(report) == list(b.pages[1:])
    assert page_count(path) == report.pages
    overview = pdf_text(path, 1, 1)
    assert "總覽" in overview and all(h in overview for h in HEADERS)
    # The busiest cells are named with their counts, busiest first.
    counts = {c.id: len(camp.board.notes_in(c.id)) for c in camp.board.cells}
    busiest = max(counts, key=counts.__getitem__)
    cell = camp.board.cell(busiest)
    assert cell is not None
    line = next(s for s in overview.splitlines() if s.startswith("最多便利貼："))
    assert flat(line).startswith(
        flat(f"最多便利貼：{cell.row}／{cell.column}（{counts[busiest]}）")
    )
    assert line.count("（") == 3
    for page, text in page_texts(path, camp.details(report)).items():
        assert all(h in text for h in HEADERS), page  # every detail page repeats the headers


@pytest.mark.parametrize("paper", ["a4", "a3"])
def test_every_note_prints_once_and_cells_break_only_between_their_notes(
    camp: Camp, paper: str
) -> None:
    report: PdfReport = getattr(camp, paper)
    pages = page_texts(getattr(camp, f"{paper}_path"), camp.details(report))
    flat_pages = {n: flat(t) for n, t in pages.items()}
    everything = "".join(flat_pages.values())
    where: dict[str, int] = {}
    for note in camp.board.live_notes():
        assert everything.count(flat(note.text)) == 1, note.text
        where[note.id] = next(n for n, t in flat_pages.items() if flat(note.text) in t)
    for cell in camp.board.cells:
        notes = sorted(camp.board.notes_in(cell.id), key=display_order)
        on = [where[n.id] for n in notes]
        # In the cell's order, over consecutive pages; a page after the first says （續）.
        assert on == sorted(on) and set(on) == set(range(on[0], on[-1] + 1)), cell.id
        for page in sorted(set(on))[1:]:
            assert flat(f"{cell.row}（續）") in flat_pages[page], (cell.id, page)
        first = flat_pages[on[0]]
        assert flat(cell.row) in first


@pytest.mark.parametrize("paper", ["a4", "a3"])
def test_note_text_and_authors_are_big_enough_never_cut_nor_drawn_over(
    camp: Camp, paper: str
) -> None:
    report: PdfReport = getattr(camp, paper)
    width, height = report.page_size
    authors = {n.author for n in camp.board.live_notes() if n.author}
    sizes: dict[str, list[float]] = {"text": [], "author": []}
    for page in camp.details(report):
        d = drawn(getattr(camp, f"{paper}_path"), page)
        boxes = [d.paths[i] for i in d.notes]
        assert boxes, page
        for i, box in zip(d.notes, boxes, strict=True):
            x, y, w, h = box
            # Wholly on the page, between the header and the footer: no note is cut.
            assert y >= MARGIN - 1e-6 and y + h <= height - MARGIN - HEADER_H + 1e-6, box
            assert x >= 0 and x + w <= width, box
            # Nothing painted after a note reaches into it: no line, mark or other note.
            later = [p for p in d.paths[i + 1 :] if overlap(p, box)]
            assert later == [], (page, box, later[:3])
        for s, x, y, size in d.texts:
            if any(inside(x, y, b) for b in boxes):
                sizes["author" if s in authors else "text"].append(size)
    assert min(sizes["text"]) >= 7 - 1e-6
    assert min(sizes["author"]) >= 5.5 - 1e-6
    assert report.board(camp.board.id).smallest_text_pt == pytest.approx(min(sizes["text"]))
    assert len(sizes["author"]) == sum(1 for n in camp.board.live_notes() if n.author)


def test_bookmarks_metadata_and_embedded_fonts(camp: Camp) -> None:
    reader = PdfReader(camp.a4_path)
    outline = reader.outline
    titles = [e.title for e in outline if not isinstance(e, list)]
    assert titles == [TABLE, "會議紀錄"]
    assert reader.get_destination_page_number(outline[0]) == 0
    record = next(e for e in outline if not isinstance(e, list) and e.title == "會議紀錄")
    assert reader.get_destination_page_number(record) + 1 == camp.a4.record_pages[0]
    sections = outline[outline.index(record) + 1]
    assert [s.title for s in sections] == [TABLE]  # one record section per board
    meta = reader.metadata
    assert meta is not None and meta.title == "共識營" and meta.subject == TABLE
    assert meta.creator == "pofacil"
    rows = run("pdffonts", camp.a4_path).splitlines()[2:]
    assert rows and all(r.split()[-5:-2] == ["yes", "yes", "yes"] for r in rows)


# -- long notes, notes outside the cells, the other table templates --------------------------------
def table_session(tmp_path: Path, template: str, name: str) -> Session:
    return Session.create(
        tmp_path / f"{template}.pofacil", title="分組討論", boards=[(template, name)], actor="t"
    )


@pytest.mark.parametrize(
    ("language", "mark"), [("zh", "…（全文見紀錄）"), ("en", "… (full text in the record)")]
)
def test_a_2000_character_note_is_cut_on_the_board_and_whole_in_the_record(
    tmp_path: Path, language: str, mark: str
) -> None:
    s = table_session(tmp_path, "issue-context", "表")
    ws = s.workshop
    board = ws.find_board("表")
    long = "".join(f"第{i}句：協作會議的結論要有後續追蹤。" for i in range(1, 200))[:2000]
    assert len(long) == 2000
    specs = [
        ops.NoteSpec(long, cell="system/now", author="王素琴"),
        ops.NoteSpec("需要PO交流平台", cell="system/now", author="林志明"),
    ]
    s.do(ops.add_notes(ws, board.id, specs))
    out = tmp_path / f"long-{language}.pdf"
    report = export_pdf(ws, out, language=language)
    assert report.truncated_notes == 1
    details = [p.number for p in report.page_info if p.role == "detail"]
    board_text = pdf_text(out, details[0], details[-1])
    assert flat(mark) in flat(board_text) and flat(long[:40]) in flat(board_text)
    assert flat(long) not in flat(board_text)
    # The record page after page, without the furniture between: header down to the table's
    # column heads, and the footer's "n / N".
    labels = LABELS[language]
    head = flat("".join(labels[k] for k in ("place", "text", "kind", "author", "time")))
    words = ""
    for page in report.record_pages:
        text = flat(pdf_text(out, page, page)).removesuffix(f"{page}/{report.pages}")
        words += text[text.index(head) + len(head) :]
    # The first part of the row carries the note's kind, author and time after its lines.
    note = ws.note(specs[0].id)
    kind = KIND_BY_ID[note.kind]
    after = flat(
        (kind.zh if language == "zh" else kind.en)
        + "王素琴"
        + note_time(note.created, ws.info.date)
    )
    assert after in words
    words = words.replace(after, "", 1)
    assert words.count(flat(long)) == 1 and "需要PO交流平台" in words
    assert len(report.record_pages) >= 2  # 2,000 characters run over onto a second page
    s.close()


def test_notes_outside_the_cells_follow_the_table_under_their_group(tmp_path: Path) -> None:
    s = table_session(tmp_path, "issue-context", "表")
    ws = s.workshop
    board_id = ws.find_board("表").id
    inside_specs = [ops.NoteSpec(f"格內{i}", cell="role/future") for i in range(5)]
    loose = [ops.NoteSpec(f"參考便利貼{i:02d}", x=2000.0 + i * 170, y=100.0) for i in range(30)]
    s.do(ops.add_notes(ws, board_id, inside_specs + loose))
    s.do(ops.cluster_notes(ws, [n.id for n in loose[:12]], "來源：PO角色／未來的期待"))
    out = tmp_path / "loose.pdf"
    report = export_pdf(ws, out, record=False)
    details = [p.number for p in report.page_info if p.role == "detail"]
    text = flat(pdf_text(out, details[0], details[-1]))
    for spec in inside_specs + loose:
        assert text.count(flat(spec.text)) == 1, spec.text
    # After the table's last row: the cluster's notes under its name, then the others.
    found = {t[0]: (page, -t[2]) for page in details for t in drawn(out, page).texts}
    order = ["政策需求", "來源：PO角色／未來的期待", "參考便利貼00", "參考便利貼11"]
    order += ["其他便利貼", "參考便利貼12", "參考便利貼29"]
    assert sorted(order, key=found.__getitem__) == order
    s.close()


@pytest.mark.parametrize(
    ("template", "headers", "notes"),
    [
        ("concept-sheet", ("問題", "解法", "風險與障礙", "克服方法", "負責單位", "願景"), 90),
        ("hopes-fears", None, 80),
    ],
)
def test_concept_sheet_and_hopes_fears_follow_the_same_page_rules(
    tmp_path: Path, template: str, headers: tuple[str, ...] | None, notes: int
) -> None:
    s = table_session(tmp_path, template, "分組")
    ws = s.workshop
    board = ws.find_board("分組")
    cells = [c.id for c in board.cells]
    specs = [
        ops.NoteSpec(
            f"第{i}則：" + "需要跨部會支援" * (1 + i % 4), cell=cells[i % len(cells)], author="匿名"
        )
        for i in range(notes)
    ]
    s.do(ops.add_notes(ws, board.id, specs))
    for paper in ("A4", "A3"):
        out = tmp_path / f"{template}-{paper}.pdf"
        report = export_pdf(ws, out, paper=paper, record=False)
        b = report.board(board.id)
        assert b.mode == "table" and report.page_info[0].role == "overview"
        assert b.smallest_text_pt is not None and b.smallest_text_pt >= 7
        labels = headers or tuple(dict.fromkeys(c.column for c in board.cells))
        details = [p.number for p in report.page_info if p.role == "detail"]
        assert details
        every = ""
        for page in details:
            text = pdf_text(out, page, page)
            assert all(flat(h) in flat(text) for h in labels), (paper, page)
            every += flat(text)
            d = drawn(out, page)
            for i in d.notes:
                assert [p for p in d.paths[i + 1 :] if overlap(p, d.paths[i])] == []
        for spec in specs:
            assert every.count(flat(spec.text)) == 1, spec.text
    s.close()


def test_empty_tables_extreme_labels_and_many_rows_stay_on_their_pages(tmp_path: Path) -> None:
    s = table_session(tmp_path, "concept-sheet", "分組")
    ws = s.workshop
    board = ws.find_board("分組")
    s.do(ops.add_board(ws, "hopes-fears", "空的", with_center=False))
    for _ in range(25):
        s.do(add_row(ws, board.id))
    s.do(relabel(ws, board.id, "row", "r1", "很長的列名" * 400))
    s.do(relabel(ws, board.id, "column", "problem", "問題" * 200))
    board = ws.find_board("分組")
    cells = [c.id for c in board.cells]
    specs = [ops.NoteSpec(f"便利貼{i:03d}", cell=cells[(i * 7) % len(cells)]) for i in range(120)]
    s.do(ops.add_notes(ws, board.id, specs))
    out = tmp_path / "edge.pdf"
    report = export_pdf(ws, out, record=False)
    empty = report.board(ws.find_board("空的").id)
    assert empty.mode == "table" and len(empty.pages) == 2 and empty.notes == 0
    width, height = report.page_size
    details = [p.number for p in report.page_info if p.role == "detail"]
    every = "".join(flat(pdf_text(out, n, n)) for n in details)
    for spec in specs:
        assert every.count(spec.text) == 1, spec.text
    for page in details:
        d = drawn(out, page)
        for x, y, w, h in d.paths:  # labels cut to the page, not run off it
            assert y >= MARGIN - 1 and y + h <= height - MARGIN + 1e-6 and x + w <= width
        assert len(d.notes) == len({d.paths[i] for i in d.notes})
    assert sum(len(drawn(out, n).notes) for n in details) == len(specs)
    s.close()
