"""The frozen app's window under a real X server looks like the pip install's.

Both open the same sample workshop at the same size on one Xvfb screen, with fresh settings;
the board (the view's viewport, located by the pip install itself) must match pixel for
pixel, within a little anti-aliasing. Skipped unless POFACIL_BUNDLE names an unpacked build
and Xvfb with Qt's xcb libraries is installed (`.ci/run` has both).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from pofacil.board.formats.sample import write_sample

BUNDLE = Path(os.environ.get("POFACIL_BUNDLE", ""))
pytestmark = [
    pytest.mark.skipif(
        not os.environ.get("POFACIL_BUNDLE"),
        reason="POFACIL_BUNDLE is not set (an unpacked packaging/build.sh build; .ci/run sets it)",
    ),
    pytest.mark.skipif(shutil.which("Xvfb") is None, reason="Xvfb is not installed"),
]
SCREEN = (1280, 800)  # the main window's own size, so it fills the screen exactly

# Run with the pip install's Python under the X server: open the window the way `pofacil
# FILE` does, let it paint until two grabs agree, then print where the board is and save
# the whole screen.
PIP_WINDOW = """
import sys
from PySide6.QtCore import QPoint
from pofacil.ui.app import create_app, first_session
from pofacil.ui.main_window import MainWindow

app = create_app()
window = MainWindow(first_session(sys.argv[1]))
window.show()
previous = None
for _ in range(200):
    app.processEvents()
    shot = app.primaryScreen().grabWindow(0).toImage()
    if previous is not None and shot == previous:
        break
    previous = shot
    app.thread().msleep(100)
viewport = window.view.viewport()
corner = viewport.mapToGlobal(QPoint(0, 0))
print(corner.x(), corner.y(), viewport.width(), viewport.height())
shot.save(sys.argv[2])
"""
GRAB = """
import sys
from PySide6.QtGui import QGuiApplication
app = QGuiApplication(sys.argv[:1])
app.primaryScreen().grabWindow(0).save(sys.argv[1])
"""


@pytest.fixture
def display(tmp_path: Path) -> Iterator[str]:
    read, write = os.pipe()
    server = subprocess.Popen(
        [
            "Xvfb",
            "-displayfd",
            str(write),
            "-screen",
            "0",
            f"{SCREEN[0]}x{SCREEN[1]}x24",
            "-nolisten",
            "tcp",
        ],
        pass_fds=(write,),
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    # Xvfb writes the number, then a newline, once it accepts clients: read up to the newline,
    # or the pipe closed under it kills the server with SIGPIPE.
    with os.fdopen(read, "rb") as pipe:
        number = pipe.readline().decode().strip()
    assert number, "Xvfb did not start"
    yield f":{number}"
    server.terminate()
    server.wait(timeout=30)


def _env(home: Path, display: str) -> dict[str, str]:
    home.mkdir(parents=True, exist_ok=True)
    return {"HOME": str(home), "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "DISPLAY": display}


def _grab(path: Path, display: str, home: Path) -> None:
    env = {**_env(home, display), "QT_QPA_PLATFORM": "xcb"}
    subprocess.run([sys.executable, "-c", GRAB, str(path)], env=env, check=True, timeout=120)


def test_frozen_window_shows_the_board_as_the_pip_install_does(
    tmp_path: Path, display: str
) -> None:
    from PIL import Image, ImageChops

    for side in ("pip", "frozen"):
        (tmp_path / side).mkdir()
        write_sample(tmp_path / side / "共識營.pofacil")

    pip_env = {**_env(tmp_path / "pip-home", display), "QT_QPA_PLATFORM": "xcb"}
    placed = subprocess.run(
        [
            sys.executable,
            "-c",
            PIP_WINDOW,
            str(tmp_path / "pip" / "共識營.pofacil"),
            str(tmp_path / "pip.png"),
        ],
        env=pip_env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert placed.returncode == 0, placed.stderr
    x, y, w, h = map(int, placed.stdout.split()[-4:])
    board = (x, y, x + w, y + h)
    assert w > 600 and h > 400, board

    home = tmp_path / "frozen-home"
    app = subprocess.Popen(
        [str(BUNDLE / "pofacil"), str(tmp_path / "frozen" / "共識營.pofacil")],
        env=_env(home, display),  # QT_QPA_PLATFORM unset: the app finds the X server itself
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        previous = None
        for attempt in range(120):  # the frozen app's cold start, then painting, settles
            shot_path = tmp_path / f"frozen-{attempt % 2}.png"
            _grab(shot_path, display, home)
            shot = Image.open(shot_path).convert("RGB").crop(board)
            drawn = len(shot.getcolors(1 << 20) or []) > 8  # not the bare black screen
            if (
                drawn
                and previous is not None
                and not ImageChops.difference(shot, previous).getbbox()
            ):
                break
            assert app.poll() is None, app.communicate()[1]
            previous = shot
            time.sleep(0.5)
        else:
            pytest.fail("the frozen window never settled")
    finally:
        app.terminate()
        app.wait(timeout=30)
    shutil.copy(shot_path, tmp_path / "frozen.png")

    expected = Image.open(tmp_path / "pip.png").convert("RGB").crop(board)
    diff = ImageChops.difference(shot, expected).convert("L").point(lambda v: 255 if v > 48 else 0)
    differing = diff.histogram()[255]
    print(f"board {board}: {differing} of {w * h} pixels differ")
    assert differing <= w * h // 1000, f"{differing} pixels of the board differ"
    shots = os.environ.get("POFACIL_SHOTS")
    if shots:
        Path(shots).mkdir(parents=True, exist_ok=True)
        shutil.copy(tmp_path / "pip.png", Path(shots) / "gui-pip.png")
        shutil.copy(tmp_path / "frozen.png", Path(shots) / "gui-frozen.png")
