"""Any sequence of votes, take-backs, undos and redos from the lead and from devices keeps the
round's rules: no device past its budget, the lead's undo never touches a device's vote, and
the file holds exactly what the model holds."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pofacil.board.model.errors import ModelError
from pofacil.board.model.votes import LEAD
from pofacil.board.ops import votes
from pofacil.board.session import Session
from tests.camp import TABLE, write_camp

SOURCES = [LEAD, "device:a", "device:b", "device:\u4e2d\u6587"]
steps = st.lists(
    st.one_of(
        st.tuples(st.sampled_from(["vote", "back"]), st.sampled_from(SOURCES), st.integers(0, 7)),
        st.tuples(st.sampled_from(["undo", "redo"]), st.just(LEAD), st.just(0)),
    ),
    max_size=40,
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(steps=steps, per_person=st.integers(1, 4))
def test_budgets_and_undo_hold_for_any_sequence(steps, per_person) -> None:  # type: ignore[no-untyped-def]
    with tempfile.TemporaryDirectory() as tmp:
        session = Session.open(write_camp(Path(tmp) / "camp.pofacil", total=40))
        try:
            ws = session.workshop
            board = ws.find_board(TABLE)
            notes = sorted(board.live_notes(), key=lambda n: n.seq)
            opened = votes.open_round(ws, board.id, per_person=per_person)
            rnd_id = session.do(opened).patches[0].id
            devices: dict[str, int] = {}  # device votes cast and not taken back, per source
            for action, source, index in steps:
                rnd = board.rounds.get(rnd_id)
                if action in ("undo", "redo"):
                    before = {v.id for v in board.votes.values() if v.source != LEAD}
                    getattr(session, action)()
                    after = {v.id for v in board.votes.values() if v.source != LEAD}
                    assert before == after, "the lead's undo and redo leave devices' votes"
                    continue
                if rnd is None:  # the open itself was undone
                    continue
                note = notes[index % len(notes)]
                build = votes.add_vote if action == "vote" else votes.take_back
                try:
                    change = build(ws, rnd_id, note.id, source)
                except ModelError:
                    if action == "vote":
                        assert source != LEAD and devices.get(source, 0) == per_person
                    continue
                if source == LEAD:
                    session.do(change)
                else:
                    session.record(change, source)
                    devices[source] = devices.get(source, 0) + (1 if action == "vote" else -1)
                if rnd is not None:
                    for dev in SOURCES[1:]:
                        assert votes.spent(board, rnd, dev) <= per_person
                        assert votes.spent(board, rnd, dev) == devices.get(dev, 0)
            rows = ws.rows()
            path = session.path
            session.close()
            again = Session.open(path, read_only=True)
            try:
                assert again.workshop.rows() == rows
                assert again.store.check() == []
            finally:
                again.close()
        finally:
            session.close()
