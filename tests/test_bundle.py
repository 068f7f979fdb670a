"""The frozen app (packaging/build.sh), run as a user would: no Python, no venv on PATH.

Skipped unless POFACIL_BUNDLE names an unpacked build; `.ci/run` builds one and runs these.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
from contextlib import closing
from pathlib import Path

import pytest

from pofacil.board.storage.inbox import read_points
from tests.room.phone import Phone
from tests.test_packaging import started

BUNDLE = Path(os.environ.get("POFACIL_BUNDLE", ""))
pytestmark = pytest.mark.skipif(
    not os.environ.get("POFACIL_BUNDLE"),
    reason="POFACIL_BUNDLE is not set (an unpacked packaging/build.sh build; .ci/run sets it)",
)
CSV = (
    "text,author,cell\n"
    "業務單位很忙,王素琴,PO角色/現在的認知\n"
    "開放政府的承諾,李大同,部會需求/未來的期待\n"
)


def frozen(*args: str | Path, home: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """The bundle's pofacil with only what a desktop session gives it (env -i and a HOME)."""
    clean = {"HOME": str(home), "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", **env}
    return subprocess.run(
        [str(BUNDLE / "pofacil"), *map(str, args)],
        env=clean,
        cwd=home,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_the_bundle_carries_its_own_python_and_stays_small() -> None:
    internal = BUNDLE / "_internal"
    assert list(internal.glob("libpython3*.so*")), "no Python library in the bundle"
    files = [p for p in BUNDLE.rglob("*") if p.is_file() and not p.is_symlink()]
    size = sum(p.stat().st_size for p in files)
    print(f"bundle: {size / 1e6:.1f} MB unpacked in {len(files)} files")
    assert size <= 180e6
    assert not [p for p in files if p.suffix == ".ts"]
    for name in ("libgtk-3.so.0", "libQt6Network.so.6", "libqgtk3.so"):
        assert not list(BUNDLE.rglob(name)), f"{name} should be trimmed"
    for kept in (
        "libqxcb.so",
        "libqoffscreen.so",
        "libqwayland.so",
        "libibusplatforminputcontextplugin.so",
        "qtbase_zh_TW.qm",
    ):
        assert list(BUNDLE.rglob(kept)), f"{kept} is needed"
    for asset in (
        "fonts/PofacilSansTC-Regular.ttf",
        "translations/pofacil_zh_TW.qm",
        "sample/consensus-camp.json",
        "templates/issue-context.json",
        "icons/pofacil-256.png",
    ):
        assert (internal / "pofacil" / "assets" / asset).is_file(), asset


def test_new_import_info_and_exports_work_frozen(tmp_path: Path) -> None:
    (tmp_path / "notes.csv").write_text(CSV, encoding="utf-8")
    made = frozen(
        "new", "camp.pofacil", "--title", "共識營", "--board", "issue-context", home=tmp_path
    )
    assert made.returncode == 0, made.stderr
    imported = frozen("import", "camp.pofacil", "notes.csv", home=tmp_path)
    assert imported.returncode == 0, imported.stderr
    info = json.loads(frozen("info", "camp.pofacil", "--json", home=tmp_path).stdout)
    assert info["boards"][0]["notes"] == 2

    pdf = frozen("export", "camp.pofacil", "--pdf", "camp.pdf", home=tmp_path)
    assert pdf.returncode == 0, pdf.stderr
    if shutil.which("pdffonts") is None:
        pytest.skip("poppler-utils (pdffonts, pdftotext) is not installed")
    fonts = subprocess.run(["pdffonts", tmp_path / "camp.pdf"], capture_output=True, text=True)
    rows = fonts.stdout.splitlines()[2:]
    assert rows and all(row.split()[-5:-2] == ["yes", "yes", "yes"] for row in rows), fonts.stdout
    text = subprocess.run(["pdftotext", tmp_path / "camp.pdf", "-"], capture_output=True, text=True)
    for words in ("共識營", "業務單位很忙", "開放政府的承諾", "王素琴"):
        assert words in text.stdout

    # No DISPLAY: the PNG export draws offscreen by itself.
    png = frozen("export", "camp.pofacil", "--png", "camp.png", home=tmp_path)
    assert png.returncode == 0, png.stderr
    from PIL import Image

    with Image.open(tmp_path / "camp.png") as image:
        assert image.width > 1000 and image.height > 500
        colours = image.convert("RGB").getcolors(maxcolors=1 << 20)
        assert colours is not None and len(colours) > 50  # drawn, not a blank page


def test_without_a_display_it_says_so_in_one_line(tmp_path: Path) -> None:
    result = frozen(home=tmp_path)
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and "no display" in result.stderr
    assert "pofacil export" in result.stderr


def test_with_an_explicit_offscreen_platform_the_frozen_window_opens(tmp_path: Path) -> None:
    app = subprocess.Popen(
        [str(BUNDLE / "pofacil")],
        env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin", "QT_QPA_PLATFORM": "offscreen"},
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert started(app, tmp_path), app.stderr
    finally:
        app.terminate()
        app.wait(timeout=60)


# -- the room, frozen ---------------------------------------------------------------------
def test_serve_runs_frozen_and_keeps_a_phones_point(tmp_path: Path) -> None:
    """`pofacil serve` from the bundle: its first line is the participants' address, the page
    and its own files come from the bundle, a Chinese point sent over a real socket is in the
    workshop's inbox, and SIGTERM stops it cleanly."""
    assert frozen("new", "room.pofacil", home=tmp_path).returncode == 0
    clean = {"HOME": str(tmp_path), "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"}
    server = subprocess.Popen(
        [str(BUNDLE / "pofacil"), "serve", "room.pofacil", "--host", "127.0.0.1"],
        env=clean,
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert server.stdout is not None
        url = server.stdout.readline().strip()
        assert url.startswith("http://127.0.0.1:") and "/r/" in url
        phone = Phone(url)
        page = phone.get()
        assert page.status == 200 and "<html" in page.body.decode().lower()
        assert phone.send("在地的聲音要被聽見", name="王素琴").status == 200
    finally:
        server.send_signal(signal.SIGTERM)
        code = server.wait(timeout=60)
    assert code == 0, server.stderr.read() if server.stderr else ""
    with closing(sqlite3.connect(tmp_path / "room.pofacil")) as conn:
        points = read_points(conn)
    assert [(p.text, p.author) for p in points] == [("在地的聲音要被聽見", "王素琴")]
