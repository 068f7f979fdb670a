"""Random operation sequences: undo all, redo all and reopening give back the right state."""

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from pofacil.board import ops
from pofacil.board.model.errors import ModelError
from pofacil.board.model.kinds import KINDS
from pofacil.board.session import Session
from pofacil.board.storage.store import Store

TEXTS = st.text(alphabet="開放政府聯絡人協作會議共識營 abc123，。", min_size=1, max_size=12)
PICK = st.integers(min_value=0, max_value=10_000)
ADD = st.tuples(st.just("add"), TEXTS, PICK)
OTHER = st.one_of(
    st.tuples(st.just("edit"), PICK, TEXTS),
    st.tuples(
        st.just("move"),
        st.lists(PICK, min_size=1, max_size=4),
        st.floats(-2000, 2000, allow_nan=False),
        st.floats(-2000, 2000, allow_nan=False),
    ),
    st.tuples(st.just("resize"), PICK, st.integers(40, 400), st.integers(30, 300)),
    st.tuples(st.just("kind"), st.lists(PICK, min_size=1, max_size=3), PICK),
    st.tuples(st.just("cell"), st.lists(PICK, min_size=1, max_size=3), PICK),
    st.tuples(st.just("place"), st.lists(PICK, min_size=1, max_size=3), PICK, PICK),
    st.tuples(st.just("cluster"), st.lists(PICK, min_size=1, max_size=3), TEXTS),
    st.tuples(st.just("leave"), st.lists(PICK, min_size=1, max_size=3)),
    st.tuples(st.just("rename_cluster"), PICK, TEXTS),
    st.tuples(st.just("link"), PICK, PICK),
    st.tuples(st.just("unlink"), PICK),
    st.tuples(st.just("delete"), st.lists(PICK, min_size=1, max_size=3)),
    st.tuples(st.just("restore"), PICK),
    st.tuples(st.just("add_board"), TEXTS),
    st.tuples(st.just("rename_board"), PICK, TEXTS),
    st.tuples(st.just("reorder"), st.randoms(use_true_random=False)),
    st.tuples(st.just("delete_board"), PICK),
    st.tuples(
        st.just("undo"),
    ),
)
# Adds are weighted up so that most sequences have notes for the other steps to work on.
STEP = st.integers(0, 9).flatmap(lambda k: ADD if k < 4 else OTHER)


def pick(items: list, n: int):
    return items[n % len(items)] if items else None


def build(ws, step: tuple) -> ops.Change:
    """The change for one random step; ModelError when it makes no sense right now."""
    boards = ws.ordered_boards()
    notes = sorted((n for b in boards for n in b.notes.values()), key=lambda n: n.id)
    live = [n for n in notes if not n.deleted]
    clusters = sorted((c for b in boards for c in b.clusters.values()), key=lambda c: c.id)
    links = sorted((lk for b in boards for lk in b.links.values()), key=lambda lk: lk.id)

    def some(idx: list[int]) -> list[str]:
        if not live:
            raise ModelError("no notes")
        board = pick(live, idx[0]).board
        same = [n for n in live if n.board == board]
        return sorted({pick(same, i).id for i in idx})

    name = step[0]
    if name == "add":
        board = pick(boards, step[2]) or (_ for _ in ()).throw(ModelError("no board"))
        cell = pick(list(board.cells), step[2] // 7)
        return ops.add_note(ws, board.id, step[1], cell=cell.id if cell else None)
    if name == "edit":
        return ops.edit_text(ws, (pick(live, step[1]) or _none()).id, step[2])
    if name == "move":
        return ops.move_notes(ws, {i: (step[2], step[3]) for i in some(step[1])})
    if name == "resize":
        return ops.resize_note(ws, (pick(live, step[1]) or _none()).id, step[2], step[3])
    if name == "kind":
        return ops.set_kind(ws, some(step[1]), pick(list(KINDS), step[2]).id)
    if name == "cell":
        ids = some(step[1])
        cells = list(ws.board(ws.note(ids[0]).board).cells)
        return ops.assign_cell(ws, ids, (pick(cells, step[2]) or _none()).id)
    if name == "place":
        ids = some(step[1])
        cells = list(ws.board(ws.note(ids[0]).board).cells)
        return ops.place_in_cell(ws, ids, (pick(cells, step[2]) or _none()).id, step[3] % 50)
    if name == "cluster":
        return ops.cluster_notes(ws, some(step[1]), step[2])
    if name == "leave":
        return ops.join_cluster(ws, some(step[1]), None)
    if name == "rename_cluster":
        return ops.rename_cluster(ws, (pick(clusters, step[1]) or _none()).id, step[2])
    if name == "link":
        a, b = pick(live, step[1]), pick(live, step[2])
        if a is None or b is None:
            raise ModelError("no notes")
        return ops.link_notes(ws, a.id, b.id, "child" if step[1] % 2 else "link")
    if name == "unlink":
        return ops.unlink(ws, (pick(links, step[1]) or _none()).id)
    if name == "delete":
        return ops.delete_notes(ws, some(step[1]))
    if name == "restore":
        gone = [n for n in notes if n.deleted]
        return ops.restore_notes(ws, [(pick(gone, step[1]) or _none()).id])
    if name == "add_board":
        return ops.add_board(ws, "issue-context" if len(step[1]) % 2 else "blank", step[1])
    if name == "rename_board":
        return ops.rename_board(ws, (pick(boards, step[1]) or _none()).id, step[2])
    if name == "reorder":
        order = [b.id for b in boards]
        step[1].shuffle(order)
        return ops.reorder_boards(ws, order)
    if name == "delete_board":
        if len(boards) < 2:
            raise ModelError("keep one board to work on")
        return ops.delete_board(ws, (pick(boards, step[1]) or _none()).id)
    raise AssertionError(name)


def _none():
    raise ModelError("nothing to pick")


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(STEP, min_size=5, max_size=30))
def test_undo_redo_and_reopen_agree(steps: list[tuple]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "prop.pofacil"
        session = Session.create(path, boards=[("issue-context", "表"), ("blank", "全體")])
        try:
            initial = session.workshop.rows()
            for step in steps:
                if step[0] == "undo":
                    session.undo()
                    continue
                try:
                    change = build(session.workshop, step)
                except ModelError:
                    continue
                session.do(change)
                event(f"applied {step[0]}")
            reader = Store.open(path, read_only=True)
            assert reader.load().rows() == session.workshop.rows()
            reader.close()
            # Random 'undo' steps may have left steps to redo: the top of history is after them.
            while session.redo() is not None:
                pass
            final = session.workshop.rows()
            while session.undo() is not None:
                pass
            assert session.workshop.rows() == initial
            while session.redo() is not None:
                pass
            assert session.workshop.rows() == final
            # Graph membership agrees with the notes' own fields after all that.
            for board in session.workshop.boards.values():
                for note in board.notes.values():
                    if note.cluster:
                        assert board.graph.has_edge(note.id, note.cluster, key="cluster")
                    assert board.graph.out_degree(note.id) == (
                        bool(note.cell)
                        + bool(note.cluster)
                        + sum(lk.source == note.id for lk in board.links.values())
                    )
        finally:
            session.close()
        reopened = Session.open(path)
        try:
            assert reopened.workshop.rows() == final
            assert reopened.store.check() == []
        finally:
            reopened.close()
