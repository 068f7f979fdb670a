"""Kill -9 in every phase of a file's life: the checkpoint and migration of a file an older
pofacil left behind, a big import, exports, a close and a reopen.

Each trial starts from a fresh copy of a version-1 file left in WAL mode with a pending
write-ahead log (what an older pofacil leaves when killed), so opening it checkpoints and
migrates it; the child then imports, exports and closes in a loop until it is killed. After
every kill the file opens, passes ``check``, holds every reported step, leaves no side file
after a clean close, and undoing its whole history gives back the notes it started with.
"""

import hashlib
import random
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pofacil.board.formats.sample import write_sample
from pofacil.board.session import Session

pytestmark = pytest.mark.slow

TRIALS = 60

CHILD = r"""
import hashlib, sys
from pathlib import Path
from pofacil.board.formats.importers import import_change
from pofacil.board.formats.minutes import export_csv, export_markdown
from pofacil.board.session import Session

path = Path(sys.argv[1])
csv = path.with_name("rows.csv")
i = 0
while True:
    session = Session.open(path)
    print("opened", flush=True)
    ws = session.workshop
    board = ws.ordered_boards()[0].id
    csv.write_text("text,author\n" + "".join(f"imp{i}-{k},匿名\n" for k in range(200)),
                   encoding="utf-8")
    session.do(import_change(ws, board, csv))
    print("import", i, flush=True)
    for out in (export_markdown(ws, path.with_name(f"m{i}.md")),
                export_csv(ws, path.with_name(f"c{i}.csv"))):
        print("export", out.name, hashlib.sha256(out.read_bytes()).hexdigest(), flush=True)
    session.close()
    print("closed", i, flush=True)
    i += 1
"""


def old_wal_file(path: Path) -> set[str]:
    """A version-1 workshop left in WAL mode with a pending log; returns its note texts."""
    write_sample(path)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("ALTER TABLE notes DROP COLUMN origin")
    conn.execute("ALTER TABLE notes DROP COLUMN collapsed")
    conn.execute("ALTER TABLE notes DROP COLUMN seq")
    conn.execute("PRAGMA user_version = 1")
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA wal_autocheckpoint=0")
    conn.execute("UPDATE notes SET text = text || ?", ["（" + "補" * 1500 + "）"])
    texts = {r[0] for r in conn.execute("SELECT text FROM notes")}
    files = {p: p.read_bytes() for p in path.parent.iterdir() if p.name.startswith(path.name)}
    conn.close()
    for p, data in files.items():
        p.write_bytes(data)
    return texts


def test_kills_in_every_phase_lose_nothing_reported(tmp_path: Path) -> None:
    rng = random.Random(20261201)
    template = tmp_path / "template" / "old.pofacil"
    template.parent.mkdir()
    initial = old_wal_file(template)
    phases: dict[str, int] = {}
    for trial in range(TRIALS):
        folder = tmp_path / f"t{trial}"
        shutil.copytree(template.parent, folder)
        path = folder / "old.pofacil"
        child = subprocess.Popen(
            [sys.executable, "-c", CHILD, str(path)], stdout=subprocess.PIPE, text=True
        )
        time.sleep(rng.uniform(0.2, 1.2))
        child.kill()
        lines = [line.split() for line in child.communicate()[0].splitlines() if line]
        last = lines[-1][0] if lines else "starting"
        phases[last] = phases.get(last, 0) + 1
        session = Session.open(path)
        try:
            assert session.store.check() == [], f"trial {trial}"
            texts = {n.text for b in session.workshop.boards.values() for n in b.live_notes()}
            assert initial <= texts, f"trial {trial}: starting notes lost"
            for line in lines:
                if line[0] == "import":
                    assert {f"imp{line[1]}-{k}" for k in range(200)} <= texts, f"trial {trial}"
                elif line[0] == "export":
                    data = (folder / line[1]).read_bytes()
                    assert hashlib.sha256(data).hexdigest() == line[2], f"trial {trial}"
            while session.undo() is not None:
                pass
            assert {
                n.text for b in session.workshop.boards.values() for n in b.live_notes()
            } == initial, f"trial {trial}: history"
        finally:
            session.close()
        assert sorted(p.name for p in folder.iterdir() if p.name.startswith("old.pofacil")) == [
            "old.pofacil"
        ], f"trial {trial}: side files after a clean close"
        shutil.rmtree(folder)
    # The kills landed in every phase (exports are quick: the kill rarely lands after one).
    assert {"starting", "opened", "import", "closed"} <= set(phases), phases
