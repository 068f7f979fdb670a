"""Every operation's history reads as a sentence, in Chinese and in English, naming who did it
(a real workshop file; the table lists what each step must say)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from pofacil.board import ops
from pofacil.board.formats.history_text import Names, describe, history_lines
from pofacil.board.model import Change
from pofacil.board.ops.boards import add_row, copy_notes, layout_mindmap, relabel
from pofacil.board.ops.notes import update_patch
from pofacil.board.session import Session
from pofacil.board.storage.history import HistoryEntry

Step = Callable[[Session], object]


def _table(s: Session) -> str:
    return s.workshop.find_board("議題脈絡分析表").id


def _mind(s: Session) -> str:
    return s.workshop.find_board("心智圖").id


def _note(s: Session, text: str) -> str:
    return next(
        n.id for b in s.workshop.boards.values() for n in b.notes.values() if n.text == text
    )


def _first_cell(s: Session, i: int = 0) -> str:
    return s.workshop.board(_table(s)).cells[i].id


def _do(build: Callable[[Session], ops.Change | None]) -> Step:
    def step(s: Session) -> object:
        change = build(s)
        assert change is not None
        return s.do(change)

    return step


# (what the step is, the step, what the Chinese line says, what the English line says)
CASES: list[tuple[str, Step, list[str], list[str]]] = [
    (
        "add",
        _do(lambda s: ops.add_note(s.workshop, _table(s), "新的點子")),
        ["新增便利貼「新的點子」"],
        ["added the note “新的點子”"],
    ),
    (
        "add many",
        _do(
            lambda s: ops.add_notes(s.workshop, _table(s), [ops.NoteSpec("甲"), ops.NoteSpec("乙")])
        ),
        ["新增 2 張便利貼"],
        ["added 2 notes"],
    ),
    (
        "edit text",
        _do(lambda s: ops.edit_text(s.workshop, _note(s, "開放資料"), "開放資料要好用")),
        ["修改文字：「開放資料」 → 「開放資料要好用」"],
        ["edited the text: “開放資料” → “開放資料要好用”"],
    ),
    (
        "set author",
        _do(lambda s: ops.set_author(s.workshop, _note(s, "開放資料"), "陳大文")),
        ["發言者：「李小華」 → 「陳大文」"],
        ["changed the speaker of “開放資料”: “李小華” → “陳大文”"],
    ),
    (
        "change kind",
        _do(lambda s: ops.set_kind(s.workshop, [_note(s, "開放資料")], "solution")),
        ["的類型：", "→ 解法"],
        ["changed the kind of “開放資料”:", "→ Solution"],
    ),
    (
        "move to cell",
        _do(lambda s: ops.assign_cell(s.workshop, [_note(s, "開放資料")], _first_cell(s, 1))),
        ["從「PO制度／現在的認知」移到「PO制度／未來的期待」"],
        ["from “PO system / Now: current understanding” to “PO system / Future: expectation”"],
    ),
    (
        "group",
        _do(lambda s: ops.cluster_notes(s.workshop, [_note(s, "自由")], "資料組")),
        ["新增群組「資料組」", "「自由」加入群組「資料組」"],
        ["added the group “資料組”", "put “自由” in the group “資料組”"],
    ),
    (
        "delete",
        _do(lambda s: ops.delete_notes(s.workshop, [_note(s, "自由")])),
        ["刪除便利貼「自由」"],
        ["deleted the note “自由”"],
    ),
    (
        "delete two (counts what was deleted)",
        _do(lambda s: ops.delete_notes(s.workshop, [_note(s, "自由"), _note(s, "開放資料")])),
        ["刪除 2 張便利貼"],
        ["deleted 2 notes"],
    ),
    (
        "restore",
        lambda s: (
            s.do(ops.delete_notes(s.workshop, [_note(s, "自由")])),
            s.do(ops.restore_notes(s.workshop, [_note(s, "自由")])),
        ),
        ["還原便利貼「自由」"],
        ["restored the note “自由”"],
    ),
    (
        "move",
        _do(lambda s: ops.move_notes(s.workshop, {_note(s, "中心"): (900.0, 900.0)})),
        ["移動便利貼「中心」"],
        ["moved the note “中心”"],
    ),
    (
        "rename board",
        _do(lambda s: ops.rename_board(s.workshop, _table(s), "上午的表")),
        ["白板改名：「議題脈絡分析表」→「上午的表」"],
        ["renamed the board “議題脈絡分析表” to “上午的表”"],
    ),
    (
        "rename label",
        _do(lambda s: relabel(s.workshop, _table(s), "row", _first_cell(s).split("/")[0], "制度")),
        ["標籤改名：「PO制度」→「制度」"],
        ["renamed the label “PO制度” to “制度”"],
    ),
    (
        "votes (a field another gesture may set)",
        _do(
            lambda s: Change(
                "vote",
                [update_patch(s.workshop.note(_note(s, "自由")), votes=3)],
                _table(s),
            )
        ),
        ["投票：", "票數：0 → 3"],
        ["vote: votes on “自由”: 0 → 3"],
    ),
    (
        "an unknown gesture with nothing readable",
        _do(
            lambda s: Change(
                "frobnicate",
                [update_patch(s.workshop.note(_note(s, "自由")), w=150.0)],
                _table(s),
            )
        ),
        ["frobnicate（1 項變更）"],
        ["frobnicate (1 changes)"],
    ),
    (
        "lay out (counts notes moved)",
        lambda s: (
            s.do(ops.move_notes(s.workshop, {_note(s, "分支"): (3000.0, 3000.0)})),
            s.do(layout_mindmap(s.workshop, _mind(s))),  # type: ignore[arg-type]
        ),
        ["重新排列心智圖（移動 1 張便利貼）"],
        ["laid out the mind map (1 notes moved)"],
    ),
    (
        "copy to board keeps speaker and time",
        _do(lambda s: copy_notes(s.workshop, [_note(s, "開放資料")], _mind(s))),
        ["複製 1 張便利貼（保留原發言者與時間）"],
        ["copied 1 notes (keeping their speakers and times)"],
    ),
    (
        "add row",
        _do(lambda s: add_row(s.workshop, s.workshop.find_board("概念發展單").id)),
        ["新增 1 列"],
        ["added 1 row(s)"],
    ),
    (
        "workshop details",
        _do(lambda s: ops.set_info(s.workshop, venue="台北", facilitator="王小明")),
        ["地點：（無） → 「台北」", "主持人：（無） → 「王小明」"],
        ["venue: (none) → “台北”", "facilitator: (none) → “王小明”"],
    ),
]


@pytest.fixture
def camp(tmp_path: Path) -> Session:
    s = Session.create(
        tmp_path / "h.pofacil",
        title="共識營",
        date="2026-11-20",
        boards=[("issue-context", None), ("mindmap", "心智圖"), ("concept-sheet", None)],
        actor="王小明",
    )
    table = s.workshop.find_board("議題脈絡分析表").id
    cell = s.workshop.board(table).cells[0].id
    s.do(ops.add_note(s.workshop, table, "開放資料", author="李小華", cell=cell))
    s.do(ops.add_note(s.workshop, table, "自由", author="李小華"))
    mind = s.workshop.find_board("心智圖")
    center = next(iter(mind.notes.values()))
    s.do(ops.edit_text(s.workshop, center.id, "中心"))
    s.do_all("add branch", lambda ws: ops_branch(ws, center.id))
    return s


def ops_branch(ws: ops.Workshop, note_id: str) -> ops.Change:  # type: ignore[name-defined]
    from pofacil.board.ops.boards import add_branch

    return add_branch(ws, note_id, "分支")


def _last(s: Session) -> HistoryEntry:
    return s.history()[-1]


@pytest.mark.parametrize(("what", "step", "zh", "en"), CASES, ids=[c[0] for c in CASES])
def test_each_operation_reads_as_a_sentence(
    camp: Session, what: str, step: Step, zh: list[str], en: list[str]
) -> None:
    step(camp)
    entry = _last(camp)
    for language, wanted in (("zh", zh), ("en", en)):
        text = describe(entry, Names.of(camp.workshop, language), language)
        for part in wanted:
            assert part in text, (language, text)
        line = history_lines([entry], Names.of(camp.workshop, language), language)[0].text
        assert line.startswith("王小明 "), line
        assert "(+" not in line


def test_undo_and_redo_name_who_and_which_step(camp: Session) -> None:
    note = _note(camp, "開放資料")
    camp.do(ops.edit_text(camp.workshop, note, "開放資料要好用"))
    camp.actor = "林書記"
    camp.undo()
    lines = [x.text for x in history_lines(camp.history(), Names.of(camp.workshop), "zh")]
    assert any(
        line.startswith("林書記 於 ")
        and "復原了：修改文字：「開放資料」 → 「開放資料要好用」（原由 王小明" in line
        for line in lines
    ), lines
    # The step undone is still told as its author's, not the undoer's.
    assert any(line.startswith("王小明 於 ") and "修改文字" in line for line in lines)
    camp.actor = "陳主持"
    camp.redo()
    en = [x.text for x in history_lines(camp.history(), Names.of(camp.workshop, "en"), "en")]
    assert any(line.startswith("陳主持 at ") and "redid: edited the text" in line for line in en)
    # The undo the redo reversed stays on the record, before it.
    undid = [i for i, x in enumerate(en) if x.startswith("林書記 at ") and "undid: edited" in x]
    redid = [i for i, x in enumerate(en) if "redid: edited" in x]
    assert undid and redid and undid[0] < redid[0]


def test_every_line_names_its_actor(camp: Session) -> None:
    for line in history_lines(camp.history(), Names.of(camp.workshop)):
        assert line.who == "王小明"
        assert line.text.startswith("王小明 於 ")
