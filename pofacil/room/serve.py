"""``pofacil serve FILE``: the room without the app, for a laptop whose window is closed.

Its first line of output is the participant's address with its token (what a QR code would
hold); the next lines give the short address with the room code. It runs until interrupted
(Ctrl+C or SIGTERM); points wait in the workshop's inbox for the app, or with ``--direct``
go straight onto the board.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from .limits import RoomSettings


def add_parser(sub: Any) -> None:
    serve = sub.add_parser(
        "serve", help="open the room: phones on the local network send points to the inbox"
    )
    serve.add_argument("file", type=Path)
    serve.add_argument(
        "--host",
        action="append",
        default=[],
        metavar="ADDRESS",
        help="a local address to listen on (repeatable; default: this computer's local "
        "network addresses and loopback)",
    )
    serve.add_argument("--port", type=int, default=0, help="the port (default: a free one)")
    serve.add_argument("--board", help="the board points go to (default: the first board)")
    serve.add_argument(
        "--direct", action="store_true", help="put points straight onto the board, not the inbox"
    )
    serve.add_argument(
        "--points-per-minute",
        type=int,
        default=RoomSettings.points_per_minute,
        help=argparse.SUPPRESS,  # for load tests
    )
    serve.add_argument(
        "--devices-per-minute",
        type=int,
        default=RoomSettings.new_devices_per_minute,
        help=argparse.SUPPRESS,
    )


def run(args: argparse.Namespace) -> int:
    # Here, not at the top: every other command builds this parser, and should not pay for
    # the server's imports (``pofacil info`` is timed against a bare sqlite3 script).
    import logging

    from .addresses import check_local
    from .server import Room
    from .sink import FileSink

    hosts = [check_local(h) for h in args.host] or _default_hosts()
    sink = FileSink(args.file)
    try:
        if args.board:
            sink.place.board = sink.run(lambda s: s.workshop.find_board(args.board).id)
        sink.place.direct = args.direct
        settings = RoomSettings(
            points_per_minute=args.points_per_minute,
            new_devices_per_minute=args.devices_per_minute,
        )
        room = Room(sink, hosts, args.port, settings, on_workshop=sink.on_workshop)
        try:
            room.start()
        except OSError as exc:
            print(f"pofacil: the room cannot listen ({exc.strerror or exc}).", file=sys.stderr)
            return 1
        shown = next((h for h in room.hosts if not h.startswith("127.") and h != "::1"), None)
        print(room.url(shown), flush=True)
        print(f"short address: {room.short_url(shown)}  room code: {room.code}", flush=True)
        print(
            "Points go to the "
            + ("board" if args.direct else "inbox")
            + "; Ctrl+C closes the room.",
            flush=True,
        )
        logging.basicConfig(level=logging.INFO, format="%(message)s")
        _wait_for_interrupt()
        room.stop()  # logs what the room received, as counts
    finally:
        sink.close()
    return 0


def _default_hosts() -> list[str]:
    from .addresses import local_interfaces

    return [i.address for i in local_interfaces()]


def _wait_for_interrupt() -> None:
    import signal
    import threading

    done = threading.Event()

    def stop(_signum: int, _frame: object) -> None:
        done.set()

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        while not done.wait(0.5):
            pass
    except KeyboardInterrupt:
        pass
    finally:
        signal.signal(signal.SIGTERM, previous)
