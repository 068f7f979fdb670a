"""install.sh, the desktop entry and the MIME type, run for real into a throwaway XDG data
folder beside a folder laid out like the unpacked app."""

from __future__ import annotations

import configparser
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LINUX = ROOT / "packaging" / "linux"
pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="XDG desktops")


def _app(folder: Path) -> Path:
    """What build.sh lays out: the program, install.sh and its files, the bundled assets."""
    folder.mkdir(parents=True)
    for name in ("install.sh", "pofacil.desktop", "pofacil-mime.xml"):
        shutil.copy(LINUX / name, folder / name)
    (folder / "pofacil").write_text("#!/bin/sh\n")
    (folder / "pofacil").chmod(0o755)
    shutil.copytree(ROOT / "assets" / "icons", folder / "_internal/pofacil/assets/icons")
    return folder


def _install(app: Path, data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {"HOME": str(data.parent), "XDG_DATA_HOME": str(data), "PATH": os.environ["PATH"]}
    return subprocess.run(
        ["sh", str(app / "install.sh"), *args], env=env, capture_output=True, text=True
    )


def test_install_registers_menu_entry_icons_and_file_type(tmp_path: Path) -> None:
    app, data = _app(tmp_path / "my apps" / "pofacil 0.1"), tmp_path / "data"
    done = _install(app, data)
    assert done.returncode == 0, done.stderr
    entry = configparser.ConfigParser(interpolation=None)
    entry.read(data / "applications" / "pofacil.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Exec"] == f'"{app}/pofacil" %f'  # quoted: the path has spaces
    assert desktop["MimeType"] == "application/x-pofacil;"
    assert desktop["Icon"] == "pofacil"
    for size in (16, 48, 256, 512):
        assert (data / f"icons/hicolor/{size}x{size}/apps/pofacil.png").is_file()
    assert (data / "icons/hicolor/scalable/apps/pofacil.svg").is_file()
    assert (data / "mime/packages/pofacil.xml").is_file()
    if shutil.which("desktop-file-validate"):
        check = subprocess.run(
            ["desktop-file-validate", data / "applications" / "pofacil.desktop"],
            capture_output=True,
            text=True,
        )
        assert check.returncode == 0, check.stdout + check.stderr
    if shutil.which("update-mime-database"):
        # The database update.mime-database built: *.pofacil is ours.
        globs = (data / "mime" / "globs2").read_text()
        assert "application/x-pofacil:*.pofacil" in globs
    if shutil.which("gio"):
        # What a GNOME file manager sees: a real workshop file (SQLite inside) is ours.
        from pofacil.board.formats.sample import write_sample

        camp = write_sample(tmp_path / "camp.pofacil")
        env = {"HOME": str(tmp_path), "XDG_DATA_HOME": str(data), "XDG_DATA_DIRS": "/usr/share"}
        seen = subprocess.run(
            ["gio", "info", "-a", "standard::content-type", str(camp)],
            env={**env, "PATH": os.environ["PATH"]},
            capture_output=True,
            text=True,
        )
        assert "standard::content-type: application/x-pofacil" in seen.stdout, seen.stderr

    undone = _install(app, data, "--uninstall")
    assert undone.returncode == 0, undone.stderr
    assert not (data / "applications" / "pofacil.desktop").exists()
    assert not (data / "mime/packages/pofacil.xml").exists()
    assert not list((data / "icons").rglob("pofacil.*"))


def test_a_percent_in_the_path_is_doubled_for_the_desktop_entry(tmp_path: Path) -> None:
    app, data = _app(tmp_path / "100%"), tmp_path / "data"
    assert _install(app, data).returncode == 0
    text = (data / "applications" / "pofacil.desktop").read_text(encoding="utf-8")
    assert f'Exec="{tmp_path}/100%%/pofacil" %f' in text


@pytest.mark.parametrize("name", ['say "hi"', "cost $5", "back\\slash", "tick`s"])
def test_a_path_no_desktop_could_read_is_refused_plainly(tmp_path: Path, name: str) -> None:
    app, data = _app(tmp_path / name), tmp_path / "data"
    done = _install(app, data)
    assert done.returncode == 1
    assert done.stderr.count("\n") == 1 and "move the pofacil folder" in done.stderr
    assert not (data / "applications").exists()


def test_install_outside_the_app_folder_says_where_to_run_it(tmp_path: Path) -> None:
    lone = tmp_path / "lone"
    lone.mkdir()
    shutil.copy(LINUX / "install.sh", lone)
    done = _install(lone, tmp_path / "data")
    assert done.returncode == 1
    assert "run me from the unpacked pofacil folder" in done.stderr
