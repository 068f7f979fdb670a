"""The window fits the screen it opens on: at a projector's 1024x768 the capture bar, the
status bar, the tabs and the `+` button and the palette are all inside the screen; it is
remembered per screen; leaving full screen or projector mode puts back exactly what was
there. Each run is its own process on an offscreen screen of that size (window_driver)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from pofacil.board.formats.sample import write_sample

ROOT = Path(__file__).resolve().parents[2]


def run(path: Path, home: Path, width: int, height: int, step: str = "") -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("XDG_")}
    env.update(HOME=str(home), XDG_CONFIG_HOME=str(home / "config"), LANG="C.UTF-8")
    done = subprocess.run(
        [sys.executable, "-m", "tests.ui.window_driver", str(path), str(width), str(height), step],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def inside(part: list[int], screen: list[int]) -> bool:
    x, y, w, h = part
    sx, sy, sw, sh = screen
    return sx <= x and sy <= y and x + w <= sx + sw and y + h <= sy + sh and w > 0 and h > 0


@pytest.mark.parametrize("size", [(1024, 768), (1920, 1080), (800, 600)])
def test_everything_is_on_the_screen(tmp_path: Path, size: tuple[int, int]) -> None:
    shots = run(write_sample(tmp_path / "s.pofacil"), tmp_path, *size)
    first, screen = shots["first"], shots["screen"]
    assert first["maximized"], "the first start takes the whole screen"
    for name in ("window", "capture", "capture_edit", "target", "status", "tabs", "palette"):
        assert inside(first[name], screen), (name, first[name], screen)
    # Full screen and projector mode, then back to exactly the window there was.
    assert shots["after full screen"] == first
    assert shots["after projector"] == first
    projector = shots["projector"]
    assert projector["window"] == screen and not projector["status"] and not projector["tabs"]
    assert inside(projector["capture"], screen) and projector["capture_edit"][3] >= 24


def test_a_window_of_its_own_size_is_remembered_for_that_screen(tmp_path: Path) -> None:
    path = write_sample(tmp_path / "s.pofacil")
    shots = run(path, tmp_path, 1024, 768, "restore-normal")
    normal = shots["normal"]
    assert not normal["maximized"]
    assert shots["after full screen"] == normal and shots["after projector"] == normal
    again = run(path, tmp_path, 1024, 768)["first"]
    assert not again["maximized"] and again["window"] == normal["window"], "as it was left"
    other = run(path, tmp_path, 1920, 1080)["first"]
    assert other["maximized"], "another screen has its own memory: fitted on first use"
