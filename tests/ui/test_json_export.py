"""``pofacil export FILE --json OUT`` run as a process: the JSON says what a user sees."""

import json
import random
import subprocess
import sys
from pathlib import Path

import pytest

from pofacil.board import ops
from pofacil.board.formats.sample import write_sample
from pofacil.board.session import Session
from pofacil.ui.fonts import install_app_font

from .drawn import Box, close, screen_of


@pytest.fixture(autouse=True)
def _font(qapp) -> None:
    install_app_font(qapp)


def export_json(workshop: Path, out: Path) -> dict:
    done = subprocess.run(
        [sys.executable, "-m", "pofacil", "export", str(workshop), "--json", str(out)],
        check=False,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"wrote {out}")
    return json.loads(out.read_text(encoding="utf-8"))


def issue_board(path: Path, notes: int = 300) -> Path:
    """An issue-context table with ``notes`` notes spread over its cells, a few deleted."""
    rng = random.Random(9)
    session = Session.create(
        path, title="議題脈絡", boards=[("issue-context", "議題")], actor="tester"
    )
    board = session.workshop.find_board("議題")
    cells = [c.id for c in board.cells]
    specs = [
        ops.NoteSpec(
            f"便利貼 {i} " + "資料" * rng.randint(0, 12),
            cell=rng.choice(cells),
            author=rng.choice(["", "林志明"]),
        )
        for i in range(notes + 5)
    ]
    session.do(ops.add_notes(session.workshop, board.id, specs))
    session.do(ops.cluster_notes(session.workshop, [s.id for s in specs[:4]], "人力"))
    session.do(ops.delete_notes(session.workshop, [s.id for s in specs[-5:]]))
    session.close()
    return path


def inside(inner: list[float], outer: list[float]) -> bool:
    x, y, w, h = inner
    X, Y, W, H = outer
    return x >= X and y >= Y and x + w <= X + W and y + h <= Y + H


def overlap(a: list[float], b: list[float]) -> bool:
    return a[0] < b[0] + b[2] and b[0] < a[0] + a[2] and a[1] < b[1] + b[3] and b[1] < a[1] + a[3]


def check(data: dict, path: Path) -> None:
    """Against the file itself and against the real scene drawing the same workshop."""
    assert data["schema"] == 1
    session = Session.open(path, read_only=True)
    try:
        ws = session.workshop
        assert data["workshop"] == {
            "title": ws.info.title,
            "date": ws.info.date,
            "venue": ws.info.venue,
            "facilitator": ws.info.facilitator,
        }
        assert [b["name"] for b in data["boards"]] == [b.name for b in ws.ordered_boards()]
        for entry, board in zip(data["boards"], ws.ordered_boards(), strict=True):
            assert entry["template"] == board.template
            live = {n.id for n in board.live_notes()}
            ids = [n["id"] for n in entry["notes"]]
            assert sorted(ids) == sorted(live) and len(ids) == len(set(ids))
            assert entry["deleted_notes"] == len(board.deleted_notes())
            places: dict[str | None, list[int]] = {}
            for n in entry["notes"]:
                places.setdefault(n["cell"], []).append(n["seq"])
            for cell, seqs in places.items():
                assert seqs == list(range(1, len(seqs) + 1)), f"{cell}: listed in display order"
            cells = {c["id"]: c for c in entry["cells"]}
            assert [c["id"] for c in entry["cells"]] == [c.id for c in board.cells]
            drawn = [n for n in entry["notes"] if n["rect"] is not None]
            for n in drawn:
                if n["cell"] is not None:
                    assert inside(n["rect"], cells[n["cell"]]["rect"]), n["text"]
            for i, a in enumerate(drawn):
                for b in drawn[i + 1 :]:
                    assert not overlap(a["rect"], b["rect"]), (a["text"], b["text"])
            for n in entry["notes"]:
                note = board.notes[n["id"]]
                assert (n["text"], n["kind"], n["author"], n["votes"], n["cluster"]) == (
                    note.text,
                    note.kind,
                    note.author,
                    note.votes,
                    note.cluster,
                )
            screen = screen_of(session, board.id)
            rects: dict[str, Box] = {n["id"]: tuple(n["rect"]) for n in drawn}
            assert rects.keys() == screen.notes.keys()
            assert all(close(rects[nid], screen.notes[nid]) for nid in rects)
            frames = sorted(tuple(c["rect"]) for c in entry["clusters"] if c["rect"])
            assert len(frames) == len(screen.frames)
            assert all(close(a, b) for a, b in zip(frames, sorted(screen.frames), strict=True))
            lines = [link for link in entry["links"] if link["start"] is not None]
            assert len(lines) == len(screen.lines)
            for link in lines:
                (x1, y1), (x2, y2) = link["start"], link["end"]
                box = (min(x1, x2), min(y1, y2), abs(x2 - x1), abs(y2 - y1))
                assert any(close(box, s) for s in screen.lines)
    finally:
        session.close()


def test_the_sample_as_json(tmp_path: Path) -> None:
    path = write_sample(tmp_path / "sample.pofacil")
    data = export_json(path, tmp_path / "sample.json")
    check(data, path)
    table = data["boards"][1]
    assert table["cells"][0]["row"] and table["cells"][0]["column_en"]
    assert any(n["cell"] for n in table["notes"])


def test_three_hundred_notes_in_a_table_as_json(tmp_path: Path) -> None:
    path = issue_board(tmp_path / "issue.pofacil")
    data = export_json(path, tmp_path / "議題.json")
    check(data, path)
    (board,) = data["boards"]
    assert len(board["notes"]) == 300 and board["deleted_notes"] == 5
    (frame,) = board["clusters"]
    assert frame["name"] == "人力" and frame["notes"] == 4 and frame["rect"]
