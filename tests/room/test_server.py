"""The room's server over real sockets on loopback, as a hostile phone would use it."""

from __future__ import annotations

import json
import socket
import sqlite3
from pathlib import Path

import pytest

from pofacil.board.storage.inbox import read_points
from pofacil.room.addresses import NotLocalError, is_local, local_interfaces
from pofacil.room.limits import RoomSettings
from pofacil.room.server import Room
from pofacil.room.sink import FileSink

from .phone import Phone


def texts(path: Path) -> list[str]:
    with sqlite3.connect(path) as conn:
        return [p.text for p in read_points(conn)]


def test_a_phone_sends_a_point_and_it_is_in_the_file(room: Room, workshop: Path) -> None:
    phone = Phone(room.url())
    page = phone.get()
    assert page.status == 200 and b"<form" in page.body
    assert "pofacil_device" in {c.name for c in phone.jar}
    answer = phone.send("資料開放要有預算", "王小明")
    assert (answer.status, answer.json()) == (200, {"received": True})
    assert texts(workshop) == ["資料開放要有預算"]


def test_the_page_loads_nothing_from_elsewhere(room: Room) -> None:
    phone = Phone(room.url())
    page = phone.get()
    assert b"http" not in page.body  # no CDN, no external font or script
    assert "default-src 'none'" in page.headers["Content-Security-Policy"]
    for asset in ("page.js", "page.css"):
        answer = phone.get(f"{room.url()}/{asset}")
        assert answer.status == 200 and b"http" not in answer.body.replace(b"XMLHttpRequest", b"")


@pytest.mark.parametrize(
    "path", ["/", "/r/", "/r/wrongtoken", "/favicon.ico", "/c/", "/../etc/passwd", "/r/x/points"]
)
def test_every_other_path_is_403(room: Room, path: str) -> None:
    assert Phone(room.url()).get(f"http://127.0.0.1:{room.port}{path}").status == 403


def test_the_typed_address_with_the_room_code_leads_to_the_page(room: Room) -> None:
    phone = Phone(room.url())
    answer = phone.get(room.short_url())
    assert answer.status == 200 and b"<form" in answer.body
    assert len(room.code) == 6 and room.code.isdigit()
    assert len(room.token) >= 16  # 96 random bits, url-safe


def test_wrong_codes_lock_the_address_out_for_a_minute(room: Room) -> None:
    phone = Phone(room.url())
    wrong = f"{(int(room.code) + 1) % 10**6:06d}"
    statuses = [phone.get(f"http://127.0.0.1:{room.port}/c/{wrong}").status for _ in range(7)]
    assert statuses == [403] * 5 + [429] * 2
    assert phone.get(room.short_url()).status == 429  # even the right code, now


def test_a_thousand_wrong_tokens_lock_the_address_out(room: Room) -> None:
    phone = Phone(room.url())
    statuses = {phone.get(f"http://127.0.0.1:{room.port}/r/guess{i}").status for i in range(1000)}
    assert statuses == {403, 429}
    assert phone.get().status == 429  # the real token too, from that address


def test_a_megabyte_body_is_413_and_nothing_is_stored(room: Room, workshop: Path) -> None:
    phone = Phone(room.url())
    phone.get()
    body = json.dumps({"text": "長" * 500_000, "name": "", "key": "k" * 16}).encode()
    assert len(body) > 1_000_000
    assert phone.post(body).status == 413
    assert phone.send("好" * 2001).status == 413
    assert phone.send("好", name="名" * 61).status == 413
    assert texts(workshop) == []


@pytest.mark.parametrize(
    "body",
    [
        b"",
        b"not json",
        b"[]",
        b'{"text": 3, "key": "abcdefgh"}',
        b'{"text": "x"}',
        b'{"text": "  ", "key": "abcdefgh"}',
        b'{"text": "x", "key": "short"}',
        b'{"text": "\\ud800", "key": "abcdefgh"}',
    ],
)
def test_malformed_points_get_a_clear_400(room: Room, workshop: Path, body: bytes) -> None:
    phone = Phone(room.url())
    phone.get()
    answer = phone.post(body)
    assert answer.status == 400 and "error" in answer.json()
    assert texts(workshop) == []


def test_a_point_without_the_rooms_cookie_is_refused(room: Room) -> None:
    assert Phone(room.url()).send("沒有 cookie").status == 403


def test_each_device_sends_at_most_ten_points_a_minute(room: Room, workshop: Path) -> None:
    phone = Phone(room.url())
    phone.get()
    statuses = [phone.send(f"第 {i} 點").status for i in range(12)]
    assert statuses == [200] * 10 + [429] * 2
    assert len(texts(workshop)) == 10


def test_an_address_gets_at_most_three_new_devices_a_minute(room: Room) -> None:
    statuses = [Phone(room.url()).get().status for _ in range(5)]
    assert statuses == [200] * 3 + [429] * 2


def test_a_retried_submission_makes_one_point(room: Room, workshop: Path) -> None:
    phone = Phone(room.url())
    phone.get()
    answers = [phone.send("重送一次", key="retry-key-1") for _ in range(3)]
    assert [a.status for a in answers] == [200] * 3
    assert texts(workshop) == ["重送一次"]


def test_markup_is_stored_as_typed_and_never_echoed(room: Room, workshop: Path) -> None:
    phone = Phone(room.url())
    phone.get()
    answer = phone.send("<script>alert(1)</script>", "<img src=x onerror=alert(1)>")
    assert b"<script>" not in answer.body and b"<img" not in answer.body
    assert texts(workshop) == ["<script>alert(1)</script>"]
    assert b"alert" not in phone.get().body  # the page never shows what others sent


def test_a_file_that_cannot_take_writes_answers_503(room: Room, workshop: Path) -> None:
    phone = Phone(room.url())
    phone.get()
    workshop.rename(workshop.with_name("moved.pofacil"))
    answer = phone.send("寫不進去")
    assert (answer.status, answer.json()) == (503, {"error": "unavailable"})


def test_a_foreign_host_name_is_refused(room: Room) -> None:
    # A page elsewhere whose name a DNS trick points at the laptop cannot use the room.
    with socket.create_connection(("127.0.0.1", room.port)) as conn:
        conn.sendall(f"GET /r/{room.token} HTTP/1.1\r\nHost: evil.example\r\n\r\n".encode())
        assert conn.recv(100).startswith(b"HTTP/1.1 403")


def test_a_closed_room_says_so_then_nothing_listens(sink: FileSink) -> None:
    room = Room(sink, ["127.0.0.1"])
    room.start()
    port = room.port
    phone = Phone(room.url())
    assert phone.get().status == 200
    room.stop()
    with pytest.raises(ConnectionRefusedError):
        socket.create_connection(("127.0.0.1", port), timeout=2)


def test_nothing_listens_before_the_room_opens(sink: FileSink) -> None:
    room = Room(sink, ["127.0.0.1"], port=0)
    assert not room.listening and room.port == 0
    room.stop()  # closing a room never opened is harmless


@pytest.mark.parametrize("address", ["8.8.8.8", "0.0.0.0", "::", "2001:db8::1", "example.com"])
def test_public_addresses_are_refused(sink: FileSink, address: str) -> None:
    assert not is_local(address)
    with pytest.raises(NotLocalError):
        Room(sink, [address])


def test_local_interfaces_are_local_and_start_with_loopback() -> None:
    found = local_interfaces()
    assert found[0].loopback
    assert all(is_local(i.address) for i in found)


def test_the_server_logs_counts_never_texts_or_names(
    sink: FileSink, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level("DEBUG")
    room = Room(sink, ["127.0.0.1"], settings=RoomSettings())
    room.start()
    phone = Phone(room.url())
    phone.get()
    phone.send("秘密的想法", "陳大文")
    room.stop()
    logged = caplog.text
    assert "points received 1" in logged
    assert "秘密" not in logged and "陳大文" not in logged and room.token not in logged
