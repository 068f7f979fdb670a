"""Kill -9 at random moments: the file stays sound and keeps every step reported committed."""

import random
import subprocess
import sys
import time
from pathlib import Path

from pofacil.board import ops
from pofacil.board.session import Session
from pofacil.board.storage.store import Store

TRIALS = 50

# The child reports a step only after Session.do returned, i.e. after its transaction committed.
CHILD = r"""
import sys
from pofacil.board import ops
from pofacil.board import ops
from pofacil.board.session import Session

s = Session.open(sys.argv[1])
ws = s.workshop
board = ws.ordered_boards()[0].id
print("ready", flush=True)
i = 0
while True:
    nid = s.do(ops.add_note(ws, board, f"note {i}", author="scribe")).subjects[0]
    print("add", i, nid, flush=True)
    if i % 5 == 4:
        live = [n.id for n in ws.board(board).live_notes()]
        s.do(ops.move_notes(ws, {n: (ws.note(n).x + 1, ws.note(n).y) for n in live}))
        print("move", i, flush=True)
    if i % 7 == 6:
        s.do(ops.edit_text(ws, nid, f"note {i} edited"))
        print("edit", i, nid, flush=True)
    i += 1
"""


def run_and_kill(path: Path, rng: random.Random) -> list[list[str]]:
    """Let the child report a few steps, then kill it at a random moment of the next ones.

    Waiting for reports rather than for wall time keeps the trials doing real work on a
    loaded machine, where a fixed sleep can end before the child has opened the file.
    """
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(path)], stdout=subprocess.PIPE)
    assert child.stdout is not None
    assert child.stdout.readline().strip() == b"ready"
    seen = [child.stdout.readline() for _ in range(rng.randint(1, 8))]
    time.sleep(rng.uniform(0.0, 0.03))
    child.kill()
    out, _ = child.communicate()
    lines = b"".join(seen).decode() + out.decode(errors="replace")
    # The kill can cut a report mid-line: only a whole line is a report.
    complete = lines.split("\n")[:-1]
    return [line.split() for line in complete if line.strip()]


def test_sigkill_never_loses_a_committed_step(tmp_path: Path) -> None:
    rng = random.Random(20261123)
    path = tmp_path / "crash.pofacil"
    session = Session.create(path, boards=[("blank", "全體")])
    board = session.workshop.ordered_boards()[0].id
    # Every move shifts every note by one: the anchor's x counts the moves in the file.
    anchor = session.do(ops.add_note(session.workshop, board, "anchor", x=0.0)).subjects[0]
    session.close()
    expected: dict[str, str] = {anchor: "anchor"}  # note id -> text reported committed
    moves = 0
    for trial in range(TRIALS):
        reports = run_and_kill(path, rng)
        reported_moves = moves
        for report in reports:
            if report[0] == "add":
                expected[report[2]] = f"note {report[1]}"
            elif report[0] == "edit":
                expected[report[2]] = f"note {report[1]} edited"
            else:
                reported_moves += 1
        store = Store.open(path)  # read-write: the next trial continues on the same file
        try:
            assert store.check() == [], f"trial {trial}"
            notes = {n.id: n for b in store.load().boards.values() for n in b.notes.values()}
        finally:
            store.close()
        for nid, text in expected.items():
            # A step may have committed after its report was cut off: an edit can be ahead.
            assert notes[nid].text in (text, f"{text} edited"), f"trial {trial}: {nid} lost"
        unreported = set(notes) - set(expected)
        assert len(unreported) <= 1, "only the step cut off by the kill may be unreported"
        expected.update((nid, notes[nid].text) for nid in unreported)
        moves = int(notes[anchor].x)
        assert reported_moves <= moves <= reported_moves + 1, f"trial {trial}"
    assert len(expected) > 2 * TRIALS, "the child got real work done between kills"
    assert moves > 5
