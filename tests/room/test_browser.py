"""The participant's page in a real browser: Debian's Chromium driven by Playwright, at phone
size, on loopback. Skipped where Chromium is not installed (CI installs it, see .ci/run)."""

from __future__ import annotations

import os
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from pofacil.board.storage.inbox import read_points
from pofacil.room.server import Room

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed")
SHOTS = Path("/work/shots/room")


@pytest.fixture
def phone_page(tmp_path: Path) -> Iterator:
    from playwright.sync_api import sync_playwright

    from pofacil.board.formats.fonts import font_path

    # A phone has Chinese fonts; this machine may have none: the browser gets pofacil's own
    # (fontconfig, for this browser only), so a screenshot shows the page as a phone does.
    conf = tmp_path / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
        f'<include ignore_missing="yes">/etc/fonts/fonts.conf</include>'
        f"<dir>{font_path().parent}</dir></fontconfig>",
        encoding="utf-8",
    )
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox"],
            env={**os.environ, "FONTCONFIG_FILE": str(conf)},
        )
        context = browser.new_context(
            viewport={"width": 390, "height": 844},
            device_scale_factor=2,
            is_mobile=True,
            has_touch=True,
            locale="zh-TW",
        )
        page = context.new_page()
        yield page
        browser.close()


def stored(path: Path) -> list[tuple[str, str]]:
    with sqlite3.connect(path) as conn:
        return [(p.text, p.author) for p in read_points(conn)]


def test_a_phone_sends_a_chinese_point_and_sees_it_received(
    phone_page, room: Room, workshop: Path
) -> None:
    page = phone_page
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.goto(room.url())
    assert page.locator("h1").inner_text() == "把你的想法寫下來"
    page.fill("#text", "兼任 PO 沒有時間，<b>需要</b>人力")
    page.fill("#name", "")
    page.click("#send")
    page.wait_for_selector("#status.ok")
    assert page.locator("#status").inner_text() == "已收到，謝謝！"
    # The sent point is shown as typed: the markup literally, not as bold.
    assert page.locator("#sent-list li").first.inner_text() == "兼任 PO 沒有時間，<b>需要</b>人力"
    assert page.locator("#sent-list b").count() == 0
    assert stored(workshop) == [("兼任 PO 沒有時間，<b>需要</b>人力", "")]
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "participant-page-zh.png"), full_page=True)
    assert errors == []  # no script error, no refused resource (the CSP holds)


def test_the_page_in_english_and_a_name(phone_page, room: Room, workshop: Path) -> None:
    page = phone_page
    page.goto(room.short_url())  # the typed address with the room code
    page.click("#lang")
    assert page.locator("h1").inner_text() == "Write down your point"
    page.fill("#text", "Open data needs a budget")
    page.fill("#name", "Lin")
    page.click("#send")
    page.wait_for_selector("#status.ok")
    assert page.locator("#status").inner_text() == "Received, thank you!"
    page.screenshot(path=str(SHOTS / "participant-page-en.png"), full_page=True)
    assert stored(workshop) == [("Open data needs a budget", "Lin")]
    page.reload()
    assert page.locator("h1").inner_text() == "Write down your point"  # the choice is kept


def test_a_closed_room_shows_not_received(phone_page, room: Room, workshop: Path) -> None:
    page = phone_page
    page.goto(room.url())
    room.stop()
    page.fill("#text", "關了還送")
    page.click("#send")
    page.wait_for_selector("#status.bad")
    assert "沒有收到" in page.locator("#status").inner_text()
    page.screenshot(path=str(SHOTS / "participant-page-closed.png"), full_page=True)
    assert stored(workshop) == []


def test_an_unwritable_file_shows_not_received_and_a_resend_works(
    phone_page, room: Room, workshop: Path
) -> None:
    page = phone_page
    page.goto(room.url())
    moved = workshop.with_name("away.pofacil")
    workshop.rename(moved)
    page.fill("#text", "第一次沒送到")
    page.click("#send")
    page.wait_for_selector("#status.bad")
    assert "無法寫入" in page.locator("#status").inner_text()
    assert page.locator("#text").input_value() == "第一次沒送到"  # kept for sending again


def test_a_phone_spends_and_takes_back_dot_votes(phone_page, workshop: Path) -> None:
    from playwright.sync_api import expect

    from pofacil.room.sink import FileSink

    from .test_room_votes import open_vote

    notes = open_vote(workshop, per_person=2)
    sink = FileSink(workshop)
    room = Room(sink, ["127.0.0.1"], on_workshop=sink.on_workshop)
    room.start()
    try:
        page = phone_page
        page.goto(room.url())
        page.wait_for_selector("#vote:not([hidden])")
        assert page.locator("#left").inner_text() == "你還有 2 票"
        first = page.locator(f'#vote-list li[data-note="{notes[0]}"]')
        first.locator("button.add").click()
        expect(page.locator("#left")).to_have_text("你還有 1 票")
        first = page.locator(f'#vote-list li[data-note="{notes[0]}"]')
        first.locator("button.add").click()
        expect(page.locator("#left")).to_have_text("你還有 0 票")
        assert page.locator("#vote-list button.add:enabled").count() == 0  # budget spent
        page.screenshot(path=str(SHOTS / "participant-votes.png"), full_page=True)
        page.locator(f'#vote-list li[data-note="{notes[0]}"] button.back').click()
        expect(page.locator("#left")).to_have_text("你還有 1 票")
    finally:
        room.stop()
        sink.close()
    with sqlite3.connect(workshop) as conn:
        assert conn.execute("SELECT note FROM votes").fetchall() == [(notes[0],)]
