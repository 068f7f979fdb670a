"""Simulated phones for the load trial and the benchmark: real HTTP over loopback, each phone
from an address of its own (127.0.0.2, 127.0.0.3, ...) as the room's per-address limits expect.

Runs on its own thread with its own event loop, so the app under test keeps its GUI thread.
"""

from __future__ import annotations

import asyncio
import secrets
import threading
import time
from dataclasses import dataclass, field

import aiohttp


@dataclass
class LoadResult:
    acked: list[str] = field(default_factory=list)  # texts answered 200
    failed: list[int] = field(default_factory=list)  # statuses of the others
    latencies: list[float] = field(default_factory=list)  # seconds per acknowledged point
    seconds: float = 0.0  # first request to last answer

    @property
    def per_second(self) -> float:
        return len(self.acked) / self.seconds if self.seconds else 0.0

    def p95(self) -> float:
        ordered = sorted(self.latencies)
        return ordered[int(0.95 * (len(ordered) - 1))] if ordered else 0.0


async def _phone(url: str, n: int, points: int, result: LoadResult) -> None:
    connector = aiohttp.TCPConnector(local_addr=(f"127.0.0.{2 + n % 250}", 0))
    # unsafe: keep cookies from an IP address, as a phone's browser does.
    jar = aiohttp.CookieJar(unsafe=True)
    async with aiohttp.ClientSession(connector=connector, cookie_jar=jar) as session:
        async with session.get(url) as page:
            assert page.status == 200, page.status
            await page.read()
        for i in range(points):
            text = f"手機 {n} 第 {i} 點：資料開放需要預算"
            body = {
                "text": text,
                "name": "" if i % 3 else f"參與者{n}",
                "key": secrets.token_hex(8),
            }
            start = time.perf_counter()
            async with session.post(url + "/points", json=body) as answer:
                await answer.read()
                if answer.status == 200:
                    result.latencies.append(time.perf_counter() - start)
                    result.acked.append(text)
                else:
                    result.failed.append(answer.status)


async def _load(url: str, phones: int, points: int) -> LoadResult:
    result = LoadResult()
    start = time.perf_counter()
    await asyncio.gather(*(_phone(url, n, points, result) for n in range(phones)))
    result.seconds = time.perf_counter() - start
    return result


def run_load(url: str, phones: int = 60, points: int = 20) -> LoadResult:
    return asyncio.run(_load(url, phones, points))


def start_load(
    url: str, phones: int = 60, points: int = 20
) -> tuple[threading.Thread, list[LoadResult]]:
    """The load on a thread of its own; the list gets the result when the thread ends."""
    out: list[LoadResult] = []
    thread = threading.Thread(target=lambda: out.append(run_load(url, phones, points)))
    thread.start()
    return thread, out


def start_load_process(url: str, out: str, phones: int = 60, points: int = 20):  # type: ignore[no-untyped-def]
    """The load from another process, as real phones are: the app under test shares no
    interpreter lock with its clients. The result is written to ``out`` as JSON."""
    import subprocess
    import sys

    return subprocess.Popen(
        [sys.executable, "-m", "tests.room.load", url, str(phones), str(points), out]
    )


def read_result(out: str) -> LoadResult:
    import json
    from pathlib import Path

    data = json.loads(Path(out).read_text(encoding="utf-8"))
    return LoadResult(data["acked"], data["failed"], data["latencies"], data["seconds"])


if __name__ == "__main__":
    import json
    import sys
    from pathlib import Path

    done = run_load(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]))
    Path(sys.argv[4]).write_text(json.dumps(done.__dict__, ensure_ascii=False), encoding="utf-8")
