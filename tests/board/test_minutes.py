"""The meeting record: Markdown a reader can follow, CSV that imports back to the same notes."""

import csv
import html
import io
import re
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pofacil.board import ops
from pofacil.board.formats.importers import import_change
from pofacil.board.formats.minutes import CSV_HEADER, export_csv, export_markdown, markdown_text
from pofacil.board.formats.sample import build_sample
from pofacil.board.model import Workshop, WorkshopInfo, raised_order
from pofacil.board.model.errors import ImportFormatError, ModelError, StorageError
from pofacil.board.model.kinds import KINDS
from pofacil.board.session import Session
from pofacil.board.storage.store import Store

from .conftest import board_id

TABLE = "議題脈絡分析表"
MIND_MAP = "全體分享心智圖"
SHEET = "第一組：PO制度"


def load(ws: Workshop, change: ops.Change) -> None:
    for patch in change.patches:
        ws.apply(patch)


def sections(markdown: str) -> dict[str, list[str]]:
    """Each heading's text -> the non-empty lines under it, up to the next heading."""
    out: dict[str, list[str]] = {}
    current = ""
    for line in markdown.splitlines():
        if line.startswith("#"):
            current = line.lstrip("#").strip()
            out[current] = []
        elif line.strip():
            out.setdefault(current, []).append(line)
    return out


def test_markdown_has_the_workshop_boards_cells_and_every_note(tmp_path: Path) -> None:
    ws = build_sample()
    out = export_markdown(ws, tmp_path / "紀錄 草稿.md")
    text = out.read_text(encoding="utf-8")
    assert out == tmp_path / "紀錄 草稿.md"
    assert text.startswith("# 開放政府聯絡人共識營（範例）\n")
    assert "日期：2026-11-20" in text and "地點：行政院大禮堂" in text
    boards = re.findall(r"^## (.+)$", text, flags=re.MULTILINE)
    assert boards == [b.name for b in ws.ordered_boards()]
    for board in ws.ordered_boards():
        for note in board.live_notes():
            author = f" — {note.author}" if note.author else ""
            assert re.search(
                rf"^\s*- {re.escape(note.text)}{re.escape(author)}", text, re.MULTILINE
            ), note.text

    # Grid boards: one "row / column" heading per cell, in the grid's order, notes under it.
    table = ws.find_board(TABLE)
    part = re.split(r"^## ", text, flags=re.MULTILINE)[2]
    assert part.startswith(TABLE)
    cell_headings = re.findall(r"^#{3,4} (.+ / .+)$", part, flags=re.MULTILINE)
    assert cell_headings == [f"{c.row} / {c.column}" for c in table.cells]
    assert "### 協作會議如何接地氣" in text  # the group row above its three sub-rows
    parts = sections(text)
    assert parts["PO制度 / 現在的認知"] == [
        f"- {n.text} — {n.author}（問題，{_shown_time(n.created)}）"
        for n in sorted(table.notes_in("system/now"), key=raised_order)
    ], "in the order they were raised"
    assert len(parts["PO角色 / 未來的期待"]) == 2


def _shown_time(stamp: str) -> str:
    """The sample's notes were said on its day: the time alone."""
    assert stamp.startswith(build_sample().info.date)
    return stamp[11:16]


def test_concept_sheet_drops_the_kind_its_column_states_and_unused_rows() -> None:
    ws = build_sample()
    text = markdown_text(ws, [ws.find_board(SHEET).id])
    parts = sections(text)
    assert parts["第1列 / 問題"][0].startswith("- PO 多為兼任，業務單位很忙 — 王素琴（")
    assert "問題，" not in parts["第1列 / 問題"][0]
    assert "第3列 / 問題" not in parts, "an added row nobody used is not a topic"


def test_mind_map_branches_nest_under_their_parent() -> None:
    ws = build_sample()
    text = markdown_text(ws, [ws.find_board(MIND_MAP).id])
    lines = [line for line in text.splitlines() if line.lstrip().startswith("- ")]
    depth = {
        line.strip()[2:].split("（")[0].split(" — ")[0]: (len(line) - len(line.lstrip())) // 2
        for line in lines
    }
    assert depth["PO 的角色與未來"] == 0
    assert depth["PO 制度"] == depth["PO 角色"] == depth["協作會議如何接地氣"] == 1
    assert depth["PO 多為兼任，業務單位很忙"] == 2
    at = [line.strip() for line in lines]
    i = next(i for i, line in enumerate(at) if line.startswith("- PO 制度"))
    assert at[i + 1].startswith("- PO 多為兼任"), "children follow their parent"


def test_removed_notes_are_left_out_and_counted(session: Session) -> None:
    table = session.workshop.find_board(TABLE)
    change = session.do(
        ops.add_notes(
            session.workshop,
            table.id,
            [
                ops.NoteSpec("留下來的", cell="system/now", author="甲"),
                ops.NoteSpec("被斷章取義", cell="system/now", author="乙"),
                ops.NoteSpec("請移除", cell="role/now"),
            ],
        )
    )
    session.do(ops.delete_notes(session.workshop, change.subjects[1:]))
    zh = markdown_text(session.workshop, [table.id])
    assert "留下來的 — 甲" in zh
    assert "被斷章取義" not in zh and "請移除" not in zh
    assert "1 則便利貼。另有 2 則已移除，未列入。" in zh
    assert sections(zh)["PO角色 / 現在的認知"] == ["（無）"]
    en = markdown_text(session.workshop, [table.id], language="en")
    assert "1 note(s). 2 removed, not listed." in en
    assert "### PO system / Now: current understanding" in en


def test_clusters_are_headings_then_the_ungrouped(session: Session) -> None:
    ws = session.workshop
    blank = board_id(session)
    session.do(
        ops.add_notes(
            ws,
            blank,
            [
                ops.NoteSpec("兼任", cluster="c1", author="王"),
                ops.NoteSpec("考核", cluster="c1", votes=3),
                ops.NoteSpec("散落的一張"),
            ],
            new_clusters={"c1": "人力"},
        )
    )
    parts = sections(markdown_text(ws, [blank]))
    assert [line.split("（")[0] for line in parts["人力"]] == ["- 兼任 — 王", "- 考核"]
    assert "3 票" in parts["人力"][1]
    assert [line.split("（")[0] for line in parts["未分組"]] == ["- 散落的一張"]


def test_a_board_of_loose_notes_needs_no_section_heading(session: Session) -> None:
    ws = session.workshop
    session.do(ops.add_notes(ws, board_id(session), [ops.NoteSpec("只有一張")]))
    text = markdown_text(ws, [board_id(session)])
    assert "未分組" not in text and "\n- 只有一張（想法，" in text


def test_markdown_characters_in_notes_stay_text(session: Session) -> None:
    ws = session.workshop
    session.do(
        ops.add_notes(
            ws,
            board_id(session),
            [ops.NoteSpec("*重要* [連結](x) <b>\n# 不是標題\n1. 不是清單", author="_王_")],
        )
    )
    text = markdown_text(ws, [board_id(session)])
    item = text[text.index("- \\*重要") :]
    assert item.startswith(
        "- \\*重要\\* \\[連結\\](x) \\<b\\>\\\n  \\# 不是標題\\\n  1\\. 不是清單 — \\_王\\_"
    )


TRICKY = [
    "&lt;",
    "&amp; &copy; &#42;",
    "*x*",
    "_x_",
    "# 不是標題",
    "[連結](x)",
    "<b>粗</b>",
    "`code`",
    "- 不是清單",
    "+ 也不是",
    "1. 第一",
    "2) 第二",
    "a\\b",
    "***",
    "---",
    "===",
    "> 引言",
    "~~刪~~",
    "a|b",
    "![圖](x.png)",
    "<http://x>",
    "\\*",
    "a_b_c",
]


def test_markdown_renders_every_note_as_typed(session: Session) -> None:
    """Through a real CommonMark parser: each note's bullet shows exactly its text."""
    markdown_it = pytest.importorskip("markdown_it")
    ws = session.workshop
    session.do(ops.set_info(ws, title="&lt;共識營&gt; *草稿*"))
    session.do(ops.add_notes(ws, board_id(session), [ops.NoteSpec(t) for t in TRICKY]))
    rendered = markdown_it.MarkdownIt("commonmark").render(markdown_text(ws, [board_id(session)]))
    assert "<h1>&amp;lt;共識營&amp;gt; *草稿*</h1>" in rendered
    items = [html.unescape(i) for i in re.findall(r"<li>(.*?)</li>", rendered, re.S)]
    assert [i.rpartition("（")[0] for i in items] == TRICKY


def test_unknown_boards_and_languages_are_refused() -> None:
    ws = build_sample()
    with pytest.raises(ModelError, match="no board named nope; the boards are: 全體分享心智圖, "):
        markdown_text(ws, ["nope"])
    with pytest.raises(ModelError, match="no board named nope"):
        export_csv(ws, Path(tempfile.gettempdir()) / "never.csv", ["nope"])
    with pytest.raises(ModelError, match="language"):
        markdown_text(ws, language="fr")


def test_chosen_boards_only_in_board_order() -> None:
    ws = build_sample()
    ids = [ws.find_board(SHEET).id, ws.find_board(TABLE).id, ws.find_board(SHEET).id]
    text = markdown_text(ws, ids)
    assert re.findall(r"^## (.+)$", text, flags=re.MULTILINE) == [TABLE, SHEET], "as the PDF"


def test_csv_has_a_bom_the_import_header_and_a_board_column(tmp_path: Path) -> None:
    ws = build_sample()
    out = export_csv(ws, tmp_path / "minutes.csv")
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf"), "Excel on Windows needs the BOM for Chinese"
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert (
        tuple(rows[0])
        == CSV_HEADER
        == (
            "board",
            "text",
            "kind",
            "cell",
            "cluster",
            "author",
            "created",
            "x",
            "y",
            "votes",
            "id",
            "parent",
        )
    )
    table_rows = [r for r in rows[1:] if r[0] == TABLE]
    assert len(rows) - 1 == sum(len(b.live_notes()) for b in ws.ordered_boards())
    assert table_rows[0][1:4] == ["PO 多為兼任，業務單位很忙", "problem", "system/now"]


def test_writing_into_a_missing_folder_fails_cleanly(tmp_path: Path) -> None:
    with pytest.raises(StorageError):
        export_markdown(build_sample(), tmp_path / "沒有這個資料夾" / "紀錄.md")
    assert not (tmp_path / "沒有這個資料夾").exists()


# -- round trip ------------------------------------------------------------------------------


def note_facts(ws: Workshop) -> dict[str, list[tuple]]:
    """What a CSV round trip must keep, per board name, in board order."""
    out = {}
    for board in ws.ordered_boards():
        out[board.name] = [
            (
                n.text,
                n.kind,
                n.cell,
                board.clusters[n.cluster].name if n.cluster else None,
                n.author,
                n.x,
                n.y,
                n.votes,
            )
            for n in board.live_notes()
        ]
    return out


def empty_twin(ws: Workshop) -> Workshop:
    """A new workshop with boards of the same names and templates, and no notes."""
    twin = Workshop(WorkshopInfo(title="twin"))
    for board in ws.ordered_boards():
        load(twin, ops.add_board(twin, board.template, board.name, with_center=False))
    return twin


def round_trip(ws: Workshop, folder: Path) -> Workshop:
    path = export_csv(ws, folder / "紀錄 匯出.csv")
    twin = empty_twin(ws)
    first = twin.ordered_boards()[0].id
    load(twin, import_change(twin, first, path))
    return twin


def test_sample_round_trips_through_csv(tmp_path: Path) -> None:
    ws = build_sample()
    assert note_facts(round_trip(ws, tmp_path)) == note_facts(ws)


def test_round_trip_into_a_file_backed_workshop_is_one_undo_step(tmp_path: Path) -> None:
    sample = build_sample()
    path = export_csv(sample, tmp_path / "minutes.csv")
    Store.create(tmp_path / "new.pofacil", empty_twin(sample)).close()
    session = Session.open(tmp_path / "new.pofacil")
    try:
        ws = session.workshop
        session.do(import_change(ws, ws.find_board(TABLE).id, path))
        assert note_facts(ws) == note_facts(build_sample())
        session.undo()
        assert all(not b.live_notes() for b in ws.ordered_boards())
    finally:
        session.close()


# Texts a CSV can trip over: separators, quotes, line breaks, Chinese, and spaces inside.
_TRICKY = st.sampled_from(
    [",", '"', "\n", "\r\n", "'", ";", "\t", " ", "開放政府", "，", "「」", "=1+1", "#", "\u3000"]
)
_TEXT = (
    st.lists(st.characters(blacklist_categories=("Cs", "Cc")) | _TRICKY, min_size=1, max_size=30)
    .map("".join)
    .map(str.strip)
    .filter(bool)
)


@st.composite
def workshops(draw: st.DrawFn) -> Workshop:
    ws = Workshop(WorkshopInfo(title="隨機"))
    load(ws, ops.add_board(ws, "blank", "自由 白板"))
    load(ws, ops.add_board(ws, "issue-context", TABLE))
    for board in ws.ordered_boards():
        cells = [c.id for c in board.cells]
        cluster_names = draw(st.lists(_TEXT, max_size=3))
        clusters = {f"{board.id}-c{i}": name for i, name in enumerate(cluster_names)}
        specs = []
        for _ in range(draw(st.integers(0, 6))):
            specs.append(
                ops.NoteSpec(
                    text=draw(_TEXT),
                    kind=draw(st.sampled_from([k.id for k in KINDS])),
                    x=draw(st.floats(-1e6, 1e6, allow_nan=False)),
                    y=draw(st.floats(-1e6, 1e6, allow_nan=False)),
                    cell=draw(st.sampled_from([None, *cells])),
                    cluster=draw(st.sampled_from([None, *clusters])),
                    author=draw(st.just("") | _TEXT),
                    votes=draw(st.integers(0, 10_000)),
                )
            )
        if specs:
            used = {s.cluster for s in specs}
            load(
                ws,
                ops.add_notes(
                    ws, board.id, specs, (), {k: v for k, v in clusters.items() if k in used}
                ),
            )
    return ws


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(workshops())
def test_any_notes_round_trip_through_csv(ws: Workshop) -> None:
    if not any(b.live_notes() for b in ws.ordered_boards()):
        return  # nothing to import: an empty record is refused on import, by design
    with tempfile.TemporaryDirectory() as folder:
        assert note_facts(round_trip(ws, Path(folder))) == note_facts(ws)


# -- the board column on import --------------------------------------------------------------


def test_board_column_sends_rows_to_their_boards(session: Session, tmp_path: Path) -> None:
    src = tmp_path / "multi.csv"
    src.write_text(
        "board,text,cell,cluster\n"
        f"{TABLE},兼任很忙,system/now,\n"
        "全體,開場,,人力\n"
        ",沒寫白板,,\n"
        f"{TABLE},也談人力,role/now,人力\n",
        encoding="utf-8",
    )
    ws = session.workshop
    change = session.do(import_change(ws, board_id(session, "全體"), src))
    table, blank = ws.find_board(TABLE), ws.find_board("全體")
    assert [n.text for n in table.live_notes()] == ["兼任很忙", "也談人力"]
    assert [n.text for n in blank.live_notes()] == ["開場", "沒寫白板"]
    # The same cluster name on two boards is two clusters, one per board.
    assert [c.name for c in table.clusters.values()] == ["人力"]
    assert [c.name for c in blank.clusters.values()] == ["人力"]
    assert table.live_notes()[1].cluster in table.clusters
    assert len(change.subjects) == 4 and session.undo_label() == "import"
    session.undo()
    assert not table.notes and not blank.notes and not table.clusters


def test_unknown_board_is_a_bad_row_and_nothing_is_imported(
    session: Session, tmp_path: Path
) -> None:
    src = tmp_path / "bad.csv"
    src.write_text(
        f'text,board\n好的,{TABLE}\n錯的,第九組\n"多行\n文字",全體\n又錯,第十組\n', encoding="utf-8"
    )
    with pytest.raises(ImportFormatError) as info:
        import_change(session.workshop, board_id(session), src)
    assert [(p.line, str(p.reason)) for p in info.value.problems] == [
        (3, "unknown board '第九組'"),
        (6, "unknown board '第十組'"),
    ]


def test_cells_are_checked_against_the_rows_own_board(session: Session, tmp_path: Path) -> None:
    src = tmp_path / "cells.csv"
    src.write_text(
        f"board,text,cell\n全體,沒有格子,system/now\n{TABLE},有格子,system/now\n", encoding="utf-8"
    )
    with pytest.raises(ImportFormatError) as info:
        import_change(session.workshop, board_id(session, TABLE), src)
    assert [(p.line, str(p.reason)) for p in info.value.problems] == [
        (2, "unknown cell 'system/now' on board 全體")
    ]


def test_deleted_boards_are_not_import_targets(session: Session, tmp_path: Path) -> None:
    session.do(ops.delete_board(session.workshop, board_id(session, "全體")))
    src = tmp_path / "x.csv"
    src.write_text("board,text\n全體,一\n", encoding="utf-8")
    with pytest.raises(ImportFormatError, match="unknown board"):
        import_change(session.workshop, board_id(session, TABLE), src)
