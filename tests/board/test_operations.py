"""Each operation changes the model and the file in one step, and undo takes it back."""

from pathlib import Path

import pytest

from pofacil.board import ops
from pofacil.board.model.errors import ModelError
from pofacil.board.session import Session

from .conftest import board_id


def reopened_rows(session: Session) -> dict:
    other = Session.open(session.path, read_only=True)
    try:
        return other.workshop.rows()
    finally:
        other.close()


def add(session: Session, text: str, board: str = "全體", **spec: object) -> str:
    return session.do(
        ops.add_note(session.workshop, board_id(session, board), text, **spec)
    ).subjects[0]


def test_add_edit_and_undo_reach_the_file(session: Session) -> None:
    start = session.workshop.rows()
    nid = add(session, "業務單位很忙", author="王素琴", kind="problem")
    session.do(ops.edit_text(session.workshop, nid, "業務單位太忙"))
    note = session.workshop.note(nid)
    assert (note.text, note.author, note.kind) == ("業務單位太忙", "王素琴", "problem")
    assert reopened_rows(session) == session.workshop.rows()
    session.undo()
    assert session.workshop.note(nid).text == "業務單位很忙"
    session.undo()
    assert session.workshop.rows() == start == reopened_rows(session)
    assert session.undo() is None
    session.redo()
    session.redo()
    assert session.workshop.note(nid).text == "業務單位太忙"
    assert session.redo() is None


def test_moving_many_notes_is_one_step(session: Session) -> None:
    ids = [add(session, f"意見{i}") for i in range(5)]
    before = {i: (session.workshop.note(i).x, session.workshop.note(i).y) for i in ids}
    session.do(ops.move_notes(session.workshop, {i: (500.0 + n, 300.0) for n, i in enumerate(ids)}))
    assert session.workshop.note(ids[3]).x == 503.0
    assert session.undo_label() == "move"
    session.undo()
    assert {i: (session.workshop.note(i).x, session.workshop.note(i).y) for i in ids} == before
    assert reopened_rows(session) == session.workshop.rows()


def test_resize_kind_cell_and_their_checks(session: Session) -> None:
    table = session.workshop.find_board("議題脈絡分析表")
    nid = add(session, "PO 多為兼任", board="議題脈絡分析表")
    session.do(ops.resize_note(session.workshop, nid, 220, 140))
    session.do(ops.set_kind(session.workshop, [nid], "problem"))
    session.do(ops.assign_cell(session.workshop, [nid], "system/now"))
    note = session.workshop.note(nid)
    assert (note.w, note.h, note.kind, note.cell) == (220.0, 140.0, "problem", "system/now")
    assert [n.id for n in table.notes_in("system/now")] == [nid]
    with pytest.raises(ModelError, match="no cell"):
        ops.assign_cell(session.workshop, [nid], "nowhere")
    with pytest.raises(ModelError, match="Unknown note kind"):
        ops.set_kind(session.workshop, [nid], "rumour")
    with pytest.raises(ModelError, match="smaller"):
        ops.resize_note(session.workshop, nid, 5, 5)
    with pytest.raises(ModelError, match="needs some text"):
        ops.edit_text(session.workshop, nid, "   ")
    session.undo()
    assert table.notes_in("system/now") == []


def test_a_cell_takes_its_column_kind(tmp_path: Path) -> None:
    s = Session.create(tmp_path / "k.pofacil", boards=[("issue-context", "表")])
    try:
        table = s.workshop.find_board("表")
        nid = s.do(ops.add_note(s.workshop, table.id, "x", cell="role/future")).subjects[0]
        assert s.workshop.note(nid).cell == "role/future"
    finally:
        s.close()


def test_clusters_group_rename_leave_and_ungroup(session: Session) -> None:
    a, b, c = (add(session, t) for t in ("人力不足", "經費不足", "時間不足"))
    change = session.do(ops.cluster_notes(session.workshop, [a, b], "資源"))
    cluster = change.subjects[0]
    board = session.workshop.find_board("全體")
    assert {n.id for n in board.notes_in(cluster)} == {a, b}
    session.do(ops.rename_cluster(session.workshop, cluster, "資源不足"))
    assert board.clusters[cluster].name == "資源不足"
    session.do(ops.join_cluster(session.workshop, [c], cluster))
    session.do(ops.join_cluster(session.workshop, [a, b, c], None))
    assert cluster not in board.clusters, "an emptied cluster is removed in the same step"
    session.undo()
    assert {n.id for n in board.notes_in(cluster)} == {a, b, c}
    session.do(ops.ungroup(session.workshop, cluster))
    assert board.clusters == {} and all(n.cluster is None for n in board.notes.values())
    session.undo()
    assert board.clusters[cluster].name == "資源不足"
    assert reopened_rows(session) == session.workshop.rows()


def test_links_follow_the_graph(session: Session) -> None:
    a, b = add(session, "PO 制度"), add(session, "兼任")
    link = session.do(ops.link_notes(session.workshop, a, b, "child")).subjects[0]
    board = session.workshop.find_board("全體")
    assert board.children(a) == [b]
    with pytest.raises(ModelError, match="already linked"):
        ops.link_notes(session.workshop, b, a)
    with pytest.raises(ModelError):
        ops.link_notes(session.workshop, a, a)
    session.do(ops.unlink(session.workshop, link))
    assert board.children(a) == []
    session.undo()
    assert board.children(a) == [b]


def test_soft_delete_lists_and_restores(session: Session) -> None:
    nid = add(session, "說錯了，請刪除", author="李美玲")
    session.do(ops.delete_notes(session.workshop, [nid]))
    board = session.workshop.find_board("全體")
    assert [n.id for n in board.deleted_notes()] == [nid] and board.live_notes() == []
    session.do(ops.restore_notes(session.workshop, [nid]))
    assert [n.text for n in board.live_notes()] == ["說錯了，請刪除"]
    labels = [e.label for e in session.history(entity=nid)]
    assert labels == ["add note", "delete", "restore"]


def test_boards_add_rename_reorder_delete(session: Session) -> None:
    ws = session.workshop
    new = session.do(ops.add_board(ws, "blank", "第一組")).subjects[0]
    assert [b.name for b in ws.ordered_boards()] == ["議題脈絡分析表", "全體", "第一組"]
    with pytest.raises(ModelError, match="already a board"):
        ops.add_board(ws, "blank", "第一組")
    with pytest.raises(ModelError, match="Unknown template"):
        ops.add_board(ws, "kanban")
    session.do(ops.rename_board(ws, new, "第二組"))
    order = [b.id for b in reversed(ws.ordered_boards())]
    session.do(ops.reorder_boards(ws, order))
    assert [b.name for b in ws.ordered_boards()] == ["第二組", "全體", "議題脈絡分析表"]
    session.do(ops.delete_board(ws, new))
    assert [b.name for b in ws.ordered_boards()] == ["全體", "議題脈絡分析表"]
    session.undo()
    assert ws.find_board("第二組").id == new
    assert reopened_rows(session) == ws.rows()


def test_workshop_details(session: Session) -> None:
    session.do(ops.set_info(session.workshop, venue="行政院", date="2026-11-20"))
    assert reopened_rows(session)["workshop"][0]["venue"] == "行政院"
    # The same details again make no step (the caller says nothing changed).
    assert not ops.set_info(session.workshop, venue=" 行政院 ").patches
    with pytest.raises(ModelError, match="YYYY-MM-DD"):
        ops.set_info(session.workshop, date="2026/11/20")


def test_model_emits_only_real_changes(session: Session) -> None:
    seen = []
    session.workshop.changed.connect(seen.append)
    nid = add(session, "一")
    session.do(ops.move_notes(session.workshop, {nid: (10.0, 10.0)}))
    assert [list(t.patches) for t in seen] == [[("note", nid)], [("note", nid)]]
    with pytest.raises(ModelError, match="Nothing to change"):
        ops.move_notes(session.workshop, {nid: (10.0, 10.0)})
    session.workshop.changed.disconnect(seen.append)
    session.undo()
    assert len(seen) == 2


def test_a_change_is_one_event_naming_all_it_touched(session: Session) -> None:
    a, b, c = (add(session, t) for t in ("甲", "乙", "丙"))
    seen = []
    session.workshop.changed.connect(seen.append)
    cluster = session.do(ops.cluster_notes(session.workshop, [a, b], "框")).subjects[0]
    assert len(seen) == 1
    assert {p.id for p in seen[0].of("note")} == {a, b}
    assert [p.id for p in seen[0].of("cluster")] == [cluster]
    assert seen[0].of("note", board="elsewhere") == []
    # Two steps, one undo step, one event; a note touched by both is named once, from its
    # row before the first step to its row after the last.
    session.do_all(
        "two steps",
        lambda w: ops.edit_text(w, c, "改"),
        lambda w: ops.move_notes(w, {c: (500.0, 40.0)}),
    )
    assert len(seen) == 2
    (patch,) = seen[1].of("note")
    assert (patch.before["text"], patch.after["text"], patch.after["x"]) == ("丙", "改", 500.0)
    session.workshop.changed.disconnect(seen.append)


def test_a_drag_into_a_frame_joins_in_one_step(session: Session) -> None:
    a, b, c = (add(session, t) for t in ("甲", "乙", "丙"))
    cluster = session.do(ops.cluster_notes(session.workshop, [a], "框")).subjects[0]
    other = session.do(ops.cluster_notes(session.workshop, [c], "別框")).subjects[0]
    session.do(
        ops.move_notes(
            session.workshop,
            {b: (300.0, 40.0), c: (320.0, 60.0)},
            clusters={b: cluster, c: cluster},
        )
    )
    board = session.workshop.find_board("全體")
    assert {n.id for n in board.notes_in(cluster)} == {a, b, c}
    assert other not in board.clusters, "the frame the drag emptied is gone"
    assert session.workshop.note(b).x == 300.0
    session.undo()
    assert board.clusters[other].name == "別框" and session.workshop.note(c).cluster == other
    with pytest.raises(ModelError, match="no such cluster"):
        ops.move_notes(session.workshop, {a: (1.0, 1.0)}, clusters={a: "nope"})
