"""Power cuts, not only kills: the disk keeps only what was flushed to it.

``kill -9`` leaves the page cache alone, so it cannot see a missing fsync. Here the workshop
lives on a small ext4 file system on a loop device, mounted with ``commit=60`` so nothing
reaches the "disk" unless it is flushed. A writer is frozen (SIGSTOP) at random moments and
the disk image copied at once: the copy is what a power cut at that moment leaves. Each copy
must open, pass ``check``, hold every step the writer had reported as committed (notes,
edits, moves, imports, a clean close, exports with their exact bytes), and undoing every
step of its history must give back the empty board it started from. Control runs with
``synchronous=OFF`` must lose something, which proves the test can see a loss.

Needs root and loop devices (CI has both); skipped with the reason elsewhere.
"""

import hashlib
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from pofacil.board.model.errors import PofacilError
from pofacil.board.session import Session

pytestmark = pytest.mark.slow

# The writer reports a step only after the call that made it durable returned.
WRITER = r"""
import hashlib, sys
from pathlib import Path
from pofacil.board import ops
from pofacil.board.storage import connection
from pofacil.board.formats.importers import import_change
from pofacil.board.formats.minutes import export_markdown
from pofacil.board.model.errors import PofacilError
from pofacil.board.session import Session

path, mode = Path(sys.argv[1]), sys.argv[2]
connection.SYNCHRONOUS = mode
csv = path.with_name("rows.csv")
session = Session.open(path)
print("ready", flush=True)
i = 0
while mode == "EXPORTS":
    out = export_markdown(session.workshop, path.with_name(f"e{i}.md"))
    print("export", out.name, hashlib.sha256(out.read_bytes()).hexdigest(), flush=True)
    i += 1
while True:
    ws = session.workshop
    board = ws.ordered_boards()[0].id
    nid = session.do(ops.add_note(ws, board, f"n{i}", x=float(i % 50) * 10, y=0.0)).subjects[0]
    print("add", i, flush=True)
    if i % 4 == 3:
        live = ws.board(board).live_notes()
        session.do(ops.move_notes(ws, {n.id: (n.x, n.y + 1) for n in live}))
        print("move", i, flush=True)
    if i % 6 == 5:
        session.do(ops.edit_text(ws, nid, f"n{i} edited"))
        print("edit", i, flush=True)
    if mode == "EXTRA" and i % 9 == 8:
        out = export_markdown(ws, path.with_name(f"e{i}.md"))
        print("export", out.name, hashlib.sha256(out.read_bytes()).hexdigest(), flush=True)
    if i % 17 == 16:
        csv.write_text("text,author\n" + "".join(f"imp{i}-{k},匿名\n" for k in range(30)),
                       encoding="utf-8")
        session.do(import_change(ws, board, csv))
        print("import", i, flush=True)
    if i % 13 == 12:
        session.close()
        print("closed", i, flush=True)
        session = Session.open(path)
    i += 1
"""


@dataclass
class Reported:
    """What the writer had said was done when it was frozen."""

    adds: set[str] = field(default_factory=set)
    edits: set[int] = field(default_factory=set)
    moves: int = 0
    imports: list[int] = field(default_factory=list)
    exports: dict[str, str] = field(default_factory=dict)
    closes: int = 0

    @classmethod
    def parse(cls, lines: list[str]) -> "Reported":
        seen = cls()
        for line in lines:
            what, *rest = line.split()
            if what == "add":
                seen.adds.add(f"n{rest[0]}")
            elif what == "edit":
                seen.edits.add(int(rest[0]))
            elif what == "move":
                seen.moves += 1
            elif what == "import":
                seen.imports.append(int(rest[0]))
            elif what == "export":
                seen.exports[rest[0]] = rest[1]
            elif what == "closed":
                seen.closes += 1
        return seen


def run(*args: str) -> None:
    subprocess.run(args, check=True, capture_output=True)


class LoopDisk:
    """A small ext4 file system on a loop device, mounted with commit=60."""

    def __init__(self, folder: Path) -> None:
        self.image, self.mount = folder / "disk.img", folder / "disk"
        self.mount.mkdir()
        self.mounted = False

    def fresh(self) -> Path:
        """Unmount, make a new empty file system and mount it; returns the mount point."""
        self.unmount()
        with open(self.image, "wb") as fh:
            fh.truncate(24 << 20)
        run("mkfs.ext4", "-q", str(self.image))
        run("mount", "-o", "loop,commit=60", str(self.image), str(self.mount))
        self.mounted = True
        return self.mount

    def unmount(self) -> None:
        if self.mounted:
            run("umount", str(self.mount))
            self.mounted = False


@pytest.fixture
def loop_disk(tmp_path: Path) -> Iterator[LoopDisk]:
    if os.geteuid() != 0 or shutil.which("mkfs.ext4") is None:
        pytest.skip("power-loss trials need root and mkfs.ext4 for a loop-mounted ext4")
    disk = LoopDisk(tmp_path)
    try:
        disk.fresh()
    except subprocess.CalledProcessError as exc:
        pytest.skip(f"loop devices are not available here: {exc.stderr.decode().strip()}")
    try:
        yield disk
    finally:
        disk.unmount()


class Writer:
    """The writer process with its reported lines collected as they come."""

    def __init__(self, path: Path, mode: str) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(path), mode], stdout=subprocess.PIPE, text=True
        )
        assert self.proc.stdout is not None
        assert self.proc.stdout.readline().strip() == "ready"
        self.lines: list[str] = []
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.append(line.strip())

    def wait_for_a_step(self, seconds: float = 30.0) -> None:
        """Until the writer has reported its first step: its first operation imports what the
        ready line did not need (the model loads lazily), and a cut before that sees nothing."""
        deadline = time.monotonic() + seconds
        while not self.lines and time.monotonic() < deadline:
            time.sleep(0.005)

    def freeze(self) -> list[str]:
        self.proc.send_signal(signal.SIGSTOP)
        time.sleep(0.03)  # what it wrote to the pipe before the stop reaches our list
        return list(self.lines)

    def thaw(self) -> None:
        self.proc.send_signal(signal.SIGCONT)

    def end(self) -> None:
        self.proc.kill()
        self.proc.wait()


def lost_in(image_copy: Path, mount: Path, seen: Reported) -> list[str]:
    """What the power-cut copy lacks of what was reported; checks history and side files."""
    run("mount", "-o", "loop", str(image_copy), str(mount))
    try:
        path = mount / "ws.pofacil"
        try:
            session = Session.open(path)
        except (PofacilError, sqlite3.Error) as exc:  # a damaged file is a loss too
            return [f"cannot open: {exc}"]
        try:
            problems = session.store.check()
            notes = session.workshop.ordered_boards()[0].live_notes()
            texts = {n.text for n in notes}
            lost = [f"check: {p}" for p in problems]
            lost += [
                f"note {t}"
                for t in sorted(seen.adds)
                if t not in texts and f"{t} edited" not in texts
            ]
            lost += [f"edit n{i}" for i in sorted(seen.edits) if f"n{i} edited" not in texts]
            lost += [
                f"import {i}"
                for i in seen.imports
                if not all(f"imp{i}-{k}" in texts for k in range(30))
            ]
            anchor = next((n for n in notes if n.text == "n0"), None)
            if anchor is not None and anchor.y < seen.moves:
                lost.append(f"moves: {anchor.y:.0f} of {seen.moves}")
            for name, digest in seen.exports.items():
                out = mount / name
                if not out.exists() or hashlib.sha256(out.read_bytes()).hexdigest() != digest:
                    lost.append(f"export {name}")
            while session.undo() is not None:
                pass
            if session.workshop.ordered_boards()[0].live_notes():
                lost.append("undoing the whole history does not give the empty board")
        finally:
            session.close()
        leftovers = [p.name for p in mount.iterdir() if p.name.startswith("ws.pofacil-")]
        if leftovers:
            lost.append(f"side files after a clean close: {leftovers}")
        return lost
    finally:
        run("umount", str(mount))


def trials(
    disk: LoopDisk, tmp_path: Path, mode: str, count: int, seed: int, per_writer: int = 10
) -> list[list[str]]:
    """``count`` power cuts, a fresh file system and writer every ``per_writer`` of them (so
    undoing the whole history stays quick)."""
    rng = random.Random(seed)
    copy, check_mount = tmp_path / "cut.img", tmp_path / "cut"
    check_mount.mkdir(exist_ok=True)
    results: list[list[str]] = []
    while len(results) < count:
        path = disk.fresh() / "ws.pofacil"
        Session.create(path, boards=[("blank", "全體")]).close()
        os.sync()  # the starting file is on the disk; only the writer's steps are at stake
        writer = Writer(path, mode)
        try:
            writer.wait_for_a_step()
            for _ in range(min(per_writer, count - len(results))):
                time.sleep(rng.uniform(0.01, 0.15))
                seen = Reported.parse(writer.freeze())
                shutil.copyfile(disk.image, copy)  # the power cut: only what reached the disk
                results.append(lost_in(copy, check_mount, seen))
                writer.thaw()
        finally:
            writer.end()
    return results


POWER_CUTS = int(os.environ.get("POFACIL_POWER_CUTS", "120"))


def test_a_power_cut_never_loses_a_committed_step(loop_disk: LoopDisk, tmp_path: Path) -> None:
    results = trials(loop_disk, tmp_path, "EXTRA", POWER_CUTS, seed=20261201)
    failures = [(n, lost) for n, lost in enumerate(results) if lost]
    assert failures == [], failures[:3]


def test_a_power_cut_never_leaves_a_reported_export_empty(
    loop_disk: LoopDisk, tmp_path: Path
) -> None:
    results = trials(loop_disk, tmp_path, "EXPORTS", 20, seed=11, per_writer=5)
    failures = [(n, lost) for n, lost in enumerate(results) if lost]
    assert failures == [], failures[:3]


def test_the_trials_see_a_loss_when_nothing_is_flushed(loop_disk: LoopDisk, tmp_path: Path) -> None:
    results = trials(loop_disk, tmp_path, "OFF", 6, seed=7, per_writer=3)
    assert sum(bool(lost) for lost in results) >= 3, results
