"""The breakout timer on the real window, driven by a fake clock so every second is exact."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from pofacil.ui import timer as timer_module
from pofacil.ui.timer import DIGITS_SHARE, Countdown, install_timer, parse_length, shown_time


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def timed(window, clock: Clock):  # type: ignore[no-untyped-def]
    """The window with its timer's clock replaced by the fake one."""
    window.timer.countdown.clock = clock
    return window


def _pixel(window, where: str = "centre") -> QColor:  # type: ignore[no-untyped-def]
    overlay = window.timer.overlay
    image = overlay.grab().toImage()
    x = 4 if where == "edge" else image.width() // 2
    return QColor(image.pixel(x, image.height() // 2 if where == "edge" else 4))


def test_a_countdown_turns_amber_then_red_then_flashes_at_zero(timed, clock, qtbot, monkeypatch):
    beeps = []
    monkeypatch.setattr(QApplication, "beep", lambda: beeps.append(clock.now))
    controls = timed.timer
    controls.countdown.finished.disconnect()
    controls.countdown.finished.connect(QApplication.beep)
    overlay = controls.overlay
    assert not overlay.isVisible()
    controls.start(3 * 60)
    assert overlay.isVisible() and controls.countdown.phase() == "normal"
    assert shown_time(controls.countdown.remaining()) == "3:00"
    assert overlay.colors()[0] == QColor("#FFFFFF")
    clock.now += 60.0  # 2:00 left: amber
    controls.countdown.tick()
    assert controls.countdown.phase() == "amber" and overlay.colors()[0] == QColor("#F59F00")
    assert _pixel(timed) == QColor("#F59F00"), "drawn amber, not only meant to be"
    clock.now += 89.5  # 0:30.5 left, shown 0:31: still amber
    controls.countdown.tick()
    assert controls.countdown.phase() == "amber"
    assert shown_time(controls.countdown.remaining()) == "0:31"
    clock.now += 0.5
    controls.countdown.tick()
    assert controls.countdown.phase() == "red" and overlay.colors()[0] == QColor("#C92A2A")
    assert beeps == []
    clock.now += 30.0
    controls.countdown.tick()
    controls.countdown.tick()
    assert controls.countdown.phase() == "zero" and shown_time(0) == "0:00"
    assert beeps == [clock.now], "one beep at zero, not one per tick"
    flashes = set()
    for _ in range(4):
        clock.now += 0.5
        flashes.add(overlay.colors()[0].name())
    assert flashes == {"#c92a2a", "#ffffff"}, "flashes at zero"


def test_pause_resume_one_more_minute_and_stop(timed, clock, qtbot):
    countdown = timed.timer.countdown
    timed.timer.start(5 * 60)
    clock.now += 100
    countdown.pause()
    clock.now += 1000  # paused: time passes, the countdown does not
    assert countdown.remaining() == pytest.approx(200)
    countdown.add(60)
    assert countdown.remaining() == pytest.approx(260)
    countdown.resume()
    clock.now += 10
    assert countdown.remaining() == pytest.approx(250)
    clock.now += 300  # past zero; one more minute brings it back
    countdown.tick()
    assert countdown.phase() == "zero"
    countdown.add(60)
    assert countdown.remaining() == pytest.approx(60) and countdown.phase() == "amber"
    countdown.stop()
    assert not countdown.active and not timed.timer.overlay.isVisible()


def test_the_keyboard_runs_it_and_it_survives_a_board_switch(timed, clock, qtbot):
    countdown = timed.timer.countdown
    timed.view.setFocus()
    qtbot.keyClick(timed.view, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    assert countdown.active and countdown.remaining() == pytest.approx(300)  # last length: 5
    clock.now += 20
    qtbot.keyClick(timed.view, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    assert countdown.paused
    qtbot.keyClick(timed.view, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    assert not countdown.paused
    qtbot.keyClick(
        timed.view,
        Qt.Key.Key_T,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert countdown.remaining() == pytest.approx(340)
    assert timed.tabs.count() > 1
    timed.tabs.setCurrentIndex(1)
    clock.now += 40
    countdown.tick()
    assert countdown.active and countdown.remaining() == pytest.approx(300)
    assert timed.timer.overlay.isVisible()


@pytest.mark.parametrize("size", [(1024, 768), (1920, 1080), (800, 600)])
def test_the_digits_are_at_least_8_percent_of_the_view(timed, qtbot, size):
    timed.resize(*size)
    timed.timer.start(15 * 60)
    qtbot.wait(10)
    overlay = timed.timer.overlay
    viewport = timed.view.viewport()
    assert overlay.digits_height() >= DIGITS_SHARE * viewport.height()
    area = viewport.geometry()
    box = overlay.geometry()
    assert area.contains(box) and box.top() <= area.top() + 12, "in the top-right corner"
    assert box.right() >= area.right() - 12
    # Panning the board leaves it where it is.
    timed.view.horizontalScrollBar().setValue(timed.view.horizontalScrollBar().maximum())
    timed.view.verticalScrollBar().setValue(timed.view.verticalScrollBar().maximum())
    assert overlay.geometry() == box


def test_projector_mode_shows_it_large(timed, qtbot):
    timed.timer.start(10 * 60)
    timed.toggle_projector()
    qtbot.wait(20)
    try:
        overlay = timed.timer.overlay
        assert overlay.isVisible()
        assert overlay.digits_height() >= DIGITS_SHARE * timed.view.viewport().height()
    finally:
        timed.toggle_projector()


@pytest.mark.parametrize(
    "text,seconds",
    [
        ("7", 420),
        ("7:30", 450),
        ("2.5", 150),
        (" 10 ", 600),
        ("0:45", 45),
        ("1440", 86400),
        ("７：３０", 450),
    ],
)
def test_any_length_can_be_typed(text, seconds):
    assert parse_length(text) == seconds


@pytest.mark.parametrize("text", ["", "0", "abc", "-5", "7:75", "1441", "1e9", "5 min", "٣"])
def test_a_bad_length_is_refused(text):
    assert parse_length(text) is None


def test_a_bad_typed_length_is_told_and_starts_nothing(timed, monkeypatch):
    monkeypatch.setattr(
        timer_module.QInputDialog, "getText", staticmethod(lambda *a, **k: ("soon", True))
    )
    timed.timer.ask_length()
    assert not timed.timer.countdown.active
    assert "7:30" in timed.statusBar().currentMessage()


def test_a_countdown_alone_without_a_window(qapp):
    clock = Clock()
    countdown = Countdown(clock)
    assert not countdown.active and countdown.remaining() == 0
    countdown.pause()
    countdown.add(60)  # nothing running: nothing to lengthen
    assert not countdown.active
    assert install_timer is not None
