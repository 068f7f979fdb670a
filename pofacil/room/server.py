"""The room's web server: aiohttp on a thread of its own, serving one page and taking points.

Only three kinds of path answer: ``/r/<token>`` (the QR code's address, the token 96 random
bits), ``/c/<code>`` (the short typed form with a 6-digit room code, which leads to the first)
and the page's own files and endpoint under ``/r/<token>/``; everything else is 403. Wrong
codes and tokens are limited per client address, new devices (server-issued cookies) per
client address, points per device. What arrives is handed to a *sink* that commits it (the
app's GUI thread, or a thread owning the file in ``pofacil serve``); a point is answered as
received only once the sink says the file has it. Logs carry counts and errors, never names,
texts, tokens or addresses of participants.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import hashlib
import json
import logging
import secrets
import threading
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from aiohttp import web

from pofacil.board.session import Session

from . import votes
from .addresses import check_local
from .limits import RoomSettings, Windows
from .receive import RECEIVED, REFUSED, Arrival, Receipt

log = logging.getLogger("pofacil.room")

Sink = Callable[[list[Arrival]], "concurrent.futures.Future[list[Receipt]]"]
# Runs a call with the open workshop's session on the thread that owns it (the app's GUI
# thread, or the file's thread in ``pofacil serve``): how the room reads and casts votes.
OnWorkshop = Callable[[Callable[[Session], Any]], "concurrent.futures.Future[Any]"]

DEVICE_COOKIE = "pofacil_device"
_HEADERS = {
    # The page's own files only: no CDN, no inline script, nothing framed or sent elsewhere.
    "Content-Security-Policy": "default-src 'none'; script-src 'self'; style-src 'self'; "
    "connect-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; "
    "frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}
_ASSETS = {"page.js": "text/javascript", "page.css": "text/css", "icon.svg": "image/svg+xml"}


def _asset(name: str) -> bytes:
    return resources.files("pofacil.room").joinpath("page", name).read_bytes()


@dataclass
class RoomStats:
    """What the room may log: counts only."""

    counts: Counter[str] = field(default_factory=Counter)

    def __str__(self) -> str:
        return ", ".join(f"{k} {v}" for k, v in sorted(self.counts.items())) or "nothing"


class Room:
    """A running room. :meth:`start` binds and returns once listening; :meth:`stop` closes
    every socket before it returns."""

    def __init__(
        self,
        sink: Sink,
        hosts: list[str],
        port: int = 0,
        settings: RoomSettings | None = None,
        on_workshop: OnWorkshop | None = None,
    ) -> None:
        self.hosts = [check_local(h) for h in hosts] or ["127.0.0.1"]
        self.port = port
        self.settings = settings or RoomSettings()
        self.token = secrets.token_urlsafe(12)  # 96 bits
        self.code = f"{secrets.randbelow(10**6):06d}"
        self.stats = RoomStats()
        self._sink = sink
        self._on_workshop = on_workshop
        self._votes = Windows(self.settings.votes_per_minute)
        self._devices: set[str] = set()
        self._new_devices = Windows(self.settings.new_devices_per_minute)
        self._wrong = Windows(self.settings.wrong_codes_per_minute)
        self._points = Windows(self.settings.points_per_minute)
        self._pending: list[tuple[Arrival, asyncio.Future[Receipt]]] = []
        self._draining = False
        self._closed = False
        self._loop: asyncio.AbstractEventLoop | None = None
        self._runner: web.AppRunner | None = None
        self._thread: threading.Thread | None = None
        self._page = {name: _asset(name) for name in ("index.html", *_ASSETS)}
        self._page["index.html"] = self._page["index.html"].replace(
            b"__BASE__", f"/r/{self.token}".encode()
        )

    # -- addresses ---------------------------------------------------------------------------
    def url(self, host: str | None = None) -> str:
        """The participant's address (with the token): what the QR code holds."""
        return f"{self._base(host)}/r/{self.token}"

    def short_url(self, host: str | None = None) -> str:
        """The address to type: short, with the 6-digit room code instead of the token."""
        return f"{self._base(host)}/c/{self.code}"

    def _base(self, host: str | None) -> str:
        host = host or self.hosts[0]
        shown = f"[{host}]" if ":" in host else host
        return f"http://{shown}:{self.port}"

    @property
    def listening(self) -> bool:
        return self._runner is not None

    # -- running -----------------------------------------------------------------------------
    def start(self) -> None:
        """Listen on every host (one port for all); raises OSError when a host cannot be bound."""
        started: concurrent.futures.Future[None] = concurrent.futures.Future()
        self._thread = threading.Thread(
            target=self._run, args=(started,), name="pofacil-room", daemon=True
        )
        self._thread.start()
        started.result()

    def _run(self, started: concurrent.futures.Future[None]) -> None:
        loop = self._loop = asyncio.new_event_loop()
        try:
            loop.run_until_complete(self._listen())
        except BaseException as exc:
            loop.run_until_complete(self._shutdown())
            loop.close()
            self._loop = None
            started.set_exception(exc)
            return
        started.set_result(None)
        loop.run_forever()
        loop.run_until_complete(self._shutdown())
        loop.close()

    async def _listen(self) -> None:
        app = web.Application(client_max_size=self.settings.body_bytes, handler_args=None)
        app.router.add_route("*", "/{tail:.*}", self._route)
        runner = web.AppRunner(app, access_log=None, handle_signals=False)
        await runner.setup()
        self._runner = runner
        for host in self.hosts:
            site = web.TCPSite(runner, host, self.port, reuse_address=False)
            await site.start()
            if self.port == 0:
                server = site._server
                assert isinstance(server, asyncio.base_events.Server)
                self.port = server.sockets[0].getsockname()[1]
        log.info("room open on %d address(es)", len(self.hosts))

    async def _shutdown(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None
        for _, fut in self._pending:
            if not fut.done():
                fut.set_result(Receipt("unavailable", reason="The room is closed."))

    def stop(self) -> None:
        """Close the room: the page says so to anyone still asking, then nothing listens."""
        self._closed = True
        loop, thread = self._loop, self._thread
        if loop is not None and thread is not None and thread.is_alive():
            loop.call_soon_threadsafe(loop.stop)
            thread.join()
        self._loop = self._thread = None
        log.info("room closed: %s", self.stats)

    # -- requests ---------------------------------------------------------------------------
    async def _route(self, request: web.Request) -> web.StreamResponse:
        try:
            response = await self._answer(request)
        except web.HTTPException as exc:  # aiohttp's own refusals, as a page like ours
            response = self._message(exc.status, "error")
        except Exception:
            log.exception("room: error answering a request")
            self.stats.counts["errors"] += 1
            response = self._message(500, "error")
        response.headers.update(_HEADERS)
        self.stats.counts[f"http {response.status}"] += 1
        return response

    async def _answer(self, request: web.Request) -> web.StreamResponse:
        if not self._host_ok(request.host):
            return self._message(403, "forbidden")
        if self._closed:
            return self._message(410, "closed")
        parts = request.path.strip("/").split("/")
        client = request.remote or ""
        if len(parts) == 2 and parts[0] == "c" and request.method == "GET":
            return self._code(client, parts[1])
        if parts[0] != "r" or len(parts) not in (2, 3):
            return self._message(403, "forbidden")
        if self._wrong.full(client):
            return self._message(429, "locked")
        if not secrets.compare_digest(parts[1].encode(), self.token.encode()):
            self._wrong.take(client)
            self.stats.counts["wrong tokens"] += 1
            return self._message(403, "forbidden")
        if len(parts) == 2 and request.method == "GET":
            return self._page_response(request, client)
        if len(parts) == 3 and parts[2] in _ASSETS and request.method == "GET":
            return web.Response(body=self._page[parts[2]], content_type=_ASSETS[parts[2]])
        if len(parts) == 3 and parts[2] == "points" and request.method == "POST":
            return await self._point(request)
        if len(parts) == 3 and parts[2] == "votes" and request.method in ("GET", "POST"):
            return await self._vote(request)
        return self._message(403, "forbidden")

    def _host_ok(self, host: str) -> bool:
        """The Host header names an address the room listens on (or localhost): a page of
        some other site whose name a DNS trick points here cannot talk to the room."""
        name = host.rsplit(":", 1)[0] if not host.endswith("]") else host
        name = name.strip("[]")
        return name in self.hosts or name == "localhost"

    def _code(self, client: str, code: str) -> web.StreamResponse:
        if self._wrong.full(client):
            return self._message(429, "locked")
        if secrets.compare_digest(code.encode(), self.code.encode()):
            return web.Response(status=303, headers={"Location": f"/r/{self.token}"})
        self._wrong.take(client)
        self.stats.counts["wrong codes"] += 1
        return self._message(403, "wrong code")

    def _page_response(self, request: web.Request, client: str) -> web.StreamResponse:
        response = web.Response(body=self._page["index.html"], content_type="text/html")
        if request.cookies.get(DEVICE_COOKIE) not in self._devices:
            if not self._new_devices.take(client):
                return self._message(429, "too many devices")
            device = secrets.token_urlsafe(16)
            self._devices.add(device)
            self.stats.counts["devices"] += 1
            response.set_cookie(DEVICE_COOKIE, device, httponly=True, samesite="Strict", path="/")
        return response

    async def _point(self, request: web.Request) -> web.StreamResponse:
        device = request.cookies.get(DEVICE_COOKIE)
        if device not in self._devices:
            return self._json(403, error="device")
        if (request.content_length or 0) > self.settings.body_bytes:
            return self._json(413, error="too big")
        try:
            body = json.loads(await request.read())
            text, name, key = body["text"], body.get("name", ""), body["key"]
            if not all(isinstance(v, str) for v in (text, name, key)):
                raise TypeError
        except web.HTTPRequestEntityTooLarge:
            return self._json(413, error="too big")
        except (ValueError, KeyError, TypeError, UnicodeDecodeError):
            return self._json(400, error="malformed")
        if len(text) > self.settings.point_chars or len(name) > self.settings.name_chars:
            return self._json(413, error="too long")
        if not text.strip():
            return self._json(400, error="empty")
        if not 8 <= len(key) <= 64:
            return self._json(400, error="malformed")
        if not self._points.take(device):
            self.stats.counts["rate limited"] += 1
            return self._json(429, error="slow down")
        # Scoped to the device: one phone's key can never answer for another's point.
        scoped = hashlib.sha256(f"{device}\0{key}".encode()).hexdigest()[:32]
        receipt = await self._submit(Arrival(scoped, text, name))
        self.stats.counts[f"points {receipt.status}"] += 1
        if receipt.status == RECEIVED:
            return self._json(200, received=True)
        if receipt.status == REFUSED:
            return self._json(400, error="refused")
        log.warning("room: a point was not received (%s)", receipt.reason)
        return self._json(503, error="unavailable")

    async def _vote(self, request: web.Request) -> web.StreamResponse:
        """GET: the open vote as this device sees it; POST {round, note, back}: spend a vote
        on a note or take one back."""
        device = request.cookies.get(DEVICE_COOKIE)
        if device not in self._devices or self._on_workshop is None:
            return self._json(403, error="device")
        assert device is not None
        if request.method == "GET":
            state = await asyncio.wrap_future(
                self._on_workshop(lambda s: votes.vote_state(s, device))
            )
            return self._json(200, **state)
        if (request.content_length or 0) > self.settings.body_bytes:
            return self._json(413, error="too big")
        try:
            body = json.loads(await request.read())
            round_id, note, back = body["round"], body["note"], bool(body.get("back", False))
            if not (isinstance(round_id, str) and isinstance(note, str)):
                raise TypeError
        except web.HTTPRequestEntityTooLarge:
            return self._json(413, error="too big")
        except (ValueError, KeyError, TypeError, UnicodeDecodeError):
            return self._json(400, error="malformed")
        if not self._votes.take(device):
            return self._json(429, error="slow down")
        state = await asyncio.wrap_future(
            self._on_workshop(lambda s: votes.cast(s, device, round_id, note, back))
        )
        self.stats.counts[f"votes {state.get('error', 'cast')}"] += 1
        status = {"unavailable": 503, "closed": 409, "refused": 409}.get(
            state.get("error", ""), 200
        )
        return self._json(status, **state)

    async def _submit(self, arrival: Arrival) -> Receipt:
        """Queue one point; points arriving while a batch commits go together in the next."""
        fut: asyncio.Future[Receipt] = asyncio.get_running_loop().create_future()
        self._pending.append((arrival, fut))
        if not self._draining:
            self._draining = True
            asyncio.get_running_loop().create_task(self._drain())
        return await fut

    async def _drain(self) -> None:
        try:
            while self._pending:
                # A bounded batch: the app commits it on its GUI thread, which must not stall.
                cap = self.settings.batch_points
                batch, self._pending = self._pending[:cap], self._pending[cap:]
                try:
                    receipts = await asyncio.wrap_future(self._sink([a for a, _ in batch]))
                except Exception:
                    log.exception("room: the workshop did not take a batch")
                    receipts = [Receipt("unavailable", reason="error")] * len(batch)
                for (_, fut), receipt in zip(batch, receipts, strict=True):
                    if not fut.done():
                        fut.set_result(receipt)
        finally:
            self._draining = False

    # -- answers --------------------------------------------------------------------------
    @staticmethod
    def _json(status: int, **data: Any) -> web.Response:
        return web.json_response(data, status=status)

    def _message(self, status: int, what: str) -> web.Response:
        """A short page a phone can show: the page's own script reads ``what`` to say it in
        the participant's language; the text here is for a browser without it."""
        text = _MESSAGES.get(what, what)
        html = (
            '<!doctype html><html lang="zh-Hant-TW"><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width,initial-scale=1">'
            f"<title>pofacil</title><body><h1>{text[0]}</h1><p>{text[1]}</p></body></html>"
        )
        return web.Response(status=status, text=html, content_type="text/html")


# Fixed texts only (never anything a participant sent), in both languages at once: the
# page cannot know the phone's language before the page itself loads.
_MESSAGES = {
    "closed": ("這個房間已經關閉。", "The room is closed; the point was not received."),
    "forbidden": (
        "無法使用這個網址。",
        "This address does not lead to a room. Scan the QR code again.",
    ),
    "wrong code": ("房間代碼不對。", "Wrong room code; check the code on the screen."),
    "locked": ("嘗試太多次，請一分鐘後再試。", "Too many tries; wait a minute and try again."),
    "too many devices": ("太多裝置，請一分鐘後再試。", "Too many new devices; wait a minute."),
    "error": ("發生錯誤，請再試一次。", "Something went wrong; try again."),
}
