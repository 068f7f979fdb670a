"""Typing on the canvas with an input method: the first key is composed like the rest and the
text lands in the capture line; editing a note in place still gets its own composition.

The synthetic tests send QInputMethodEvents to the view (RECIPES.md: to the view, not its
viewport); the slow one runs a real ibus with Chewing under Xvfb and types with xdotool."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, QRect, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

from pofacil.board import ops
from pofacil.board.session import Session
from pofacil.ui.items import NoteEditor

from .test_board_window import next_turn
from .test_capture_target import cell_rect, click_scene, open_window

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def table(qtbot, tmp_path: Path) -> Iterator:
    window = open_window(
        qtbot, Session.create(tmp_path / "t.pofacil", boards=[("issue-context", "議題脈絡分析表")])
    )
    yield window
    window.close()


def compose(view, preedit: str, commit: str = "") -> None:
    event = QInputMethodEvent(preedit, [])
    event.setCommitString(commit)
    QApplication.sendEvent(view, event)


def test_a_composition_started_on_the_canvas_goes_to_the_capture_line(qtbot, table) -> None:
    window, view, edit = table, table.view, table.capture.edit
    click_scene(qtbot, window, cell_rect(window, "role/now").center())
    assert view.hasFocus()
    assert view.inputMethodQuery(Qt.InputMethodQuery.ImEnabled) is True
    cursor = QRect(view.inputMethodQuery(Qt.InputMethodQuery.ImCursorRectangle).toRect())
    line = QRect(view.mapFromGlobal(edit.mapToGlobal(QPoint(0, 0))), edit.size())
    assert line.contains(cursor.center()), "the candidate window opens by the capture line"

    empty = edit.grab().toImage()
    compose(view, "ㄧ")  # the very first key, as Chewing shows it
    compose(view, "ㄧㄝˋ")
    compose(view, "業務")
    assert edit.grab().toImage() != empty, "the composition shows in the line"
    assert edit.text() == "" and view.hasFocus(), "composing keeps the keys going to ibus"
    compose(view, "", "業務")
    assert edit.text() == "業務" and edit.hasFocus()
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    note = window.document.workshop.note(window._last_captured)
    assert (note.text, note.cell) == ("業務", "role/now")


def test_plain_keys_on_the_canvas_still_start_the_capture(qtbot, table) -> None:
    window = table
    click_scene(qtbot, window, QPointF(5, 5))
    qtbot.keyClicks(window.view, "PO")
    assert window.capture.edit.text() == "PO" and window.capture.edit.hasFocus()


def test_editing_a_note_in_place_keeps_its_own_composition(qtbot, table) -> None:
    window, view = table, table.view
    board = window.scene.board
    nid = window.document.apply(ops.add_note, board.id, "公文", cell="system/now").subjects[0]
    next_turn()
    item = window.scene.notes[nid]
    qtbot.mouseDClick(
        view.viewport(),
        Qt.MouseButton.LeftButton,
        pos=view.mapFromScene(item.sceneBoundingRect().center()),
    )
    assert isinstance(window.scene.focusItem(), NoteEditor)
    assert view.inputMethodQuery(Qt.InputMethodQuery.ImEnabled), "the editor takes it"
    compose(view, "ㄓㄨㄢˇ")
    compose(view, "", "轉譯")
    assert "轉譯" in item.editor.toPlainText()
    assert window.capture.edit.text() == "" and not window.capture.edit.hasFocus()
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert window.document.workshop.note(nid).text.endswith("轉譯")


# -- a real input method ---------------------------------------------------------------------
TOOLS = ("Xvfb", "dbus-daemon", "openbox", "ibus-daemon", "ibus", "xdotool")


def _wait_for(check, what: str, tries: int = 100) -> None:
    for _ in range(tries):
        if check():
            return
        time.sleep(0.1)
    raise AssertionError(f"{what} did not come up")


@pytest.fixture
def ibus_chewing(tmp_path: Path) -> Iterator[dict[str, str]]:
    """An X display with a session bus, a window manager and ibus running Chewing: the
    environment for a program to type into."""
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    assert not missing, f"install xvfb dbus-x11 openbox ibus ibus-chewing xdotool: {missing}"
    started: list[subprocess.Popen[bytes]] = []

    def start(args: list[str], **kw: object) -> subprocess.Popen[bytes]:
        process = subprocess.Popen(args, start_new_session=True, **kw)  # type: ignore[call-overload]
        started.append(process)
        return process

    read, write = os.pipe()
    start(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    with os.fdopen(read) as display_number:
        display = ":" + display_number.readline().strip()
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    env.update(DISPLAY=display, XDG_CONFIG_HOME=str(tmp_path / "config"), HOME=str(tmp_path))
    bus = start(
        ["dbus-daemon", "--session", "--nofork", "--print-address"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=env,
    )
    assert bus.stdout is not None
    env["DBUS_SESSION_BUS_ADDRESS"] = bus.stdout.readline().decode().strip()
    start(["openbox"], env=env, stderr=subprocess.DEVNULL)
    start(
        ["ibus-daemon", "--xim", "--panel=disable", "--replace"], env=env, stderr=subprocess.DEVNULL
    )

    def chewing_on() -> bool:
        subprocess.run(["ibus", "engine", "chewing"], env=env, capture_output=True, check=False)
        engine = subprocess.run(["ibus", "engine"], env=env, capture_output=True, text=True)
        return engine.stdout.strip() == "chewing"

    _wait_for(chewing_on, "ibus with Chewing")
    env.update(QT_IM_MODULE="ibus", XMODIFIERS="@im=ibus", LANG="C.UTF-8")
    try:
        yield env
    finally:
        subprocess.run(["ibus", "exit"], env=env, capture_output=True, check=False)
        for process in reversed(started):
            process.terminate()
            process.wait(timeout=10)


class Driven:
    """The window in its own process under the ibus display (ime_driver), and xdotool."""

    def __init__(self, path: Path, env: dict[str, str]) -> None:
        self.env = env
        self.app = subprocess.Popen(
            [sys.executable, "-m", "tests.ui.ime_driver", str(path)],
            cwd=ROOT,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        assert self.app.stdin is not None and self.app.stdout is not None
        self.first = json.loads(self.app.stdout.readline())

    def ask(self) -> dict:
        assert self.app.stdin is not None and self.app.stdout is not None
        self.app.stdin.write("state\n")
        self.app.stdin.flush()
        return json.loads(self.app.stdout.readline())

    def xdotool(self, *args: str) -> None:
        subprocess.run(["xdotool", *args], env=self.env, check=True)

    def quit(self) -> None:
        assert self.app.stdin is not None
        self.app.stdin.write("quit\n")
        self.app.stdin.flush()
        assert self.app.wait(timeout=30) == 0

    def kill(self) -> None:
        if self.app.poll() is None:
            self.app.kill()
            self.app.wait()


@pytest.mark.slow
def test_chewing_typed_on_the_canvas_composes_from_the_first_key(
    tmp_path: Path, ibus_chewing: dict[str, str]
) -> None:
    env = ibus_chewing
    path = tmp_path / "camp.pofacil"
    Session.create(path, boards=[("issue-context", "議題脈絡分析表")]).close()
    driven = Driven(path, env)
    ask, xdotool = driven.ask, driven.xdotool
    try:
        x, y = driven.first["click"]
        xdotool("mousemove", str(x), str(y), "click", "1")  # an empty spot in 角色／現在
        _wait_for(lambda: ask()["focus"] == "BoardView", "the canvas's focus")
        xdotool("type", "--delay", "100", "u,4j4")  # 業務 in Zhuyin
        xdotool("key", "Return")  # Chewing commits the composition
        _wait_for(lambda: ask()["line"] != "", "the committed text")
        state = ask()
        assert state["line"] == "業務", state  # not "u誒勿"
        assert state["focus"] == "_CaptureEdit"
        xdotool("key", "Return")  # the capture line takes the point
        _wait_for(lambda: ask()["notes"] != [], "the note")
        assert ask()["notes"] == [["業務", "role/now"]]
        # Editing the note in place composes in the note, not in the capture line.
        ((x, y),) = ask()["at"].values()
        xdotool("mousemove", str(x), str(y), "click", "--repeat", "2", "1")
        _wait_for(lambda: ask()["editing"], "the note's editor")
        xdotool("type", "--delay", "100", "u,4")  # 業, over the selected text
        xdotool("key", "Return")  # commits the composition
        xdotool("key", "Return")  # closes the editor
        _wait_for(lambda: not ask()["editing"], "the edit")
        state = ask()
        assert state["notes"] == [["業", "role/now"]] and state["line"] == "", state
        # With the editor gone, the canvas composes for the capture line again.
        xdotool("type", "--delay", "100", "u,4j4")
        xdotool("key", "Return")
        _wait_for(lambda: ask()["line"] != "", "the committed text")
        assert ask()["line"] == "業務"
        driven.quit()
    finally:
        driven.kill()
    session = Session.open(path)
    notes = session.workshop.find_board("議題脈絡分析表").live_notes()
    assert [(n.text, n.cell) for n in notes] == [("業", "role/now")], "saved as typed"
    session.close()


@pytest.mark.slow
def test_chewing_shift_enter_in_a_note_commits_the_composition_first(
    tmp_path: Path, ibus_chewing: dict[str, str]
) -> None:
    env = ibus_chewing
    path = tmp_path / "camp.pofacil"
    session = Session.create(path, boards=[("issue-context", "議題脈絡分析表")])
    board = session.workshop.ordered_boards()[0].id
    session.do(ops.add_note(session.workshop, board, "需要更多人力", cell="role/now"))
    session.close()
    driven = Driven(path, env)
    ask, xdotool = driven.ask, driven.xdotool
    try:
        ((x, y),) = ask()["at"].values()
        xdotool("mousemove", str(x), str(y), "click", "--repeat", "2", "1")
        _wait_for(lambda: ask()["editing"], "the note's editor")
        xdotool("key", "End")
        xdotool("type", "--delay", "100", "u,4j4")  # 業務, still composing
        time.sleep(0.5)
        assert ask()["editor"] == "需要更多人力", "the composition is not text yet"
        xdotool("key", "shift+Return")
        _wait_for(lambda: ask()["editor"] != "需要更多人力", "the line break")
        assert ask()["editor"] == "需要更多人力業務\n", ask()  # not 需要更多人力\n業務
        xdotool("key", "Return")  # closes the editor
        _wait_for(lambda: not ask()["editing"], "the edit")
        assert ask()["notes"] == [["需要更多人力業務", "role/now"]], "stored as typed, stripped"
        driven.quit()
    finally:
        driven.kill()
