"""The room under load: points a second end to end (HTTP -> committed in the file) and p95
latency with 60 phones, beside the same number of bare commits through the store.

Run: .venv/bin/python bench/room_bench.py [--phones 60] [--points 20] [--rounds 3] [--dir DIR]

Each round runs, in turn (interleaved, so the machine's noise falls on both alike):
- the room: a server (the one ``pofacil serve`` runs, committing on a thread of its own)
  on loopback, and from another process 60 phones on addresses of their own (127.0.0.x)
  sending 20 points each as fast as they are answered; a point counts once answered 200,
  which the server says only after the file has it;
- bare commits: the same number of points, each committed alone through Store.commit (one
  transaction and its history line per point, the fsyncs included), on one thread.
Run it on the disk a user has (ext4 here, not tmpfs): DIR defaults to a folder beside this
script. Prints points a second and p95 per round, their medians, and the room's as a ratio.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests.room.load: the phones

from pofacil.board.formats.sample import write_sample
from pofacil.board.model import Change, Patch, new_id, now
from pofacil.board.model.points import Point
from pofacil.board.storage.store import Store
from pofacil.room.limits import RoomSettings
from pofacil.room.server import Room
from pofacil.room.sink import FileSink
from tests.room.load import read_result, start_load_process

LOAD = RoomSettings(points_per_minute=100_000, new_devices_per_minute=1_000)


def room_round(folder: Path, phones: int, points: int, n: int) -> tuple[float, float]:
    path = write_sample(folder / f"room{n}.pofacil")
    sink = FileSink(path)
    room = Room(sink, ["127.0.0.1"], settings=LOAD)
    room.start()
    try:
        out = folder / f"load{n}.json"
        process = start_load_process(room.url(), str(out), phones, points)
        process.wait()
        result = read_result(str(out))
    finally:
        room.stop()
        sink.close()
    assert len(result.acked) == phones * points and not result.failed, result.failed[:5]
    return result.per_second, result.p95()


def bare_round(folder: Path, count: int, n: int) -> tuple[float, float]:
    path = write_sample(folder / f"bare{n}.pofacil")
    store = Store.open(path)
    board = store.load().ordered_boards()[0].id
    times = []
    start = time.perf_counter()
    try:
        for i in range(count):
            point = Point(new_id(), f"k{i}", board, f"第 {i} 點：資料開放需要預算", "", now())
            t = time.perf_counter()
            store.commit(
                Change("point from the room", [Patch("point", point.id, None, point.row())], board),
                "room",
                state="recorded",
            )
            times.append(time.perf_counter() - t)
    finally:
        store.close()
    seconds = time.perf_counter() - start
    return count / seconds, sorted(times)[int(0.95 * (len(times) - 1))]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--phones", type=int, default=60)
    parser.add_argument("--points", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--dir", type=Path, default=Path(__file__).parent / ".bench-files")
    args = parser.parse_args()
    folder = args.dir / "room"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    count = args.phones * args.points
    print(f"{args.phones} phones x {args.points} points = {count}, {args.rounds} rounds:")
    room, bare = [], []
    try:
        for n in range(args.rounds):
            room.append(room_round(folder, args.phones, args.points, n))
            bare.append(bare_round(folder, count, n))
            print(
                f"  round {n + 1}: room {room[-1][0]:6.0f} points/s "
                f"p95 {room[-1][1] * 1000:6.1f} ms"
                f"   bare commits {bare[-1][0]:6.0f} points/s p95 {bare[-1][1] * 1000:6.1f} ms"
            )
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    rate, tail = statistics.median(r for r, _ in room), statistics.median(t for _, t in room)
    bare_rate, bare_tail = (
        statistics.median(r for r, _ in bare),
        statistics.median(t for _, t in bare),
    )
    print(
        f"  median: room {rate:.0f} points/s, p95 {tail * 1000:.1f} ms (a phone's whole "
        f"request); bare commits {bare_rate:.0f} points/s, p95 {bare_tail * 1000:.1f} ms (one "
        f"commit)\n  room / bare: {rate / bare_rate:.2f}x the points a second "
        "(the room commits what arrives together in one transaction)"
    )


if __name__ == "__main__":
    main()
