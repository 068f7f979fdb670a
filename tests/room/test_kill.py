"""kill -9 of ``pofacil serve`` while phones send: no acknowledged point is lost, none doubled."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

from pofacil.board.formats.sample import write_sample
from pofacil.board.storage.inbox import read_points

from .phone import Phone


def serve(path: Path, *extra: str) -> tuple[subprocess.Popen[str], str]:
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "pofacil",
            "serve",
            str(path),
            "--host",
            "127.0.0.1",
            "--points-per-minute",
            "100000",
            "--devices-per-minute",
            "1000",
            *extra,
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    assert process.stdout is not None
    url = process.stdout.readline().strip()
    assert url.startswith("http://127.0.0.1:") and "/r/" in url, process.stderr.read()
    return process, url


def test_serve_prints_the_address_first_and_stops_cleanly_on_sigterm(tmp_path: Path) -> None:
    path = write_sample(tmp_path / "w.pofacil")
    process, url = serve(path)
    phone = Phone(url)
    phone.get()
    assert phone.send("第一點").status == 200
    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=30) == 0
    assert process.stdout is not None and process.stderr is not None
    out, err = process.stdout.read(), process.stderr.read()
    assert "room code" in out and "第一點" not in out + err


def test_kill_9_loses_no_acknowledged_point(tmp_path: Path) -> None:
    path = write_sample(tmp_path / "w.pofacil")
    process, url = serve(path)
    acked: list[str] = []
    lock = threading.Lock()
    enough = threading.Event()

    def phone(n: int) -> None:
        device = Phone(url)
        device.get()
        for i in range(10_000):
            text = f"手機 {n} 的第 {i} 點"
            try:
                answer = device.send(text)
            except OSError:
                return  # the server is gone
            if answer.status == 200:
                with lock:
                    acked.append(text)
                    if len(acked) >= 150:
                        enough.set()

    threads = [threading.Thread(target=phone, args=(n,)) for n in range(6)]
    for thread in threads:
        thread.start()
    assert enough.wait(120), "the phones got points through"
    process.kill()  # SIGKILL, mid-stream
    process.wait()
    for thread in threads:
        thread.join()
    with sqlite3.connect(path) as conn:
        stored = [p.text for p in read_points(conn)]
    missing = set(acked) - set(stored)
    assert not missing, f"{len(missing)} acknowledged points lost"
    assert len(stored) == len(set(stored)), "no point stored twice"
    # The file opens and checks sound after the kill.
    check = subprocess.run(
        [sys.executable, "-m", "pofacil", "check", str(path)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert check.returncode == 0, check.stdout + check.stderr


def test_direct_serve_puts_points_on_the_board(tmp_path: Path) -> None:
    path = write_sample(tmp_path / "w.pofacil")
    process, url = serve(path, "--direct")
    phone = Phone(url)
    phone.get()
    assert phone.send("直接上板").status == 200
    process.send_signal(signal.SIGINT)
    assert process.wait(timeout=30) == 0
    with sqlite3.connect(path) as conn:
        notes = conn.execute("SELECT author FROM notes WHERE text = '直接上板'").fetchall()
    assert notes == [("匿名（現場）",)]
