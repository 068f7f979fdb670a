"""Packaging that needs no build: the trimming rules, the icons, the no-display start, the
wheel's metadata and contents. Portable: .github/workflows/installers.yml runs it on
Windows and macOS too."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
import time
import zipfile
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _load(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[path.stem] = module
    spec.loader.exec_module(module)
    return module


trim = _load(ROOT / "packaging" / "pyinstaller" / "trim.py")


# -- what the bundle leaves out --------------------------------------------------------
def _plan(links: dict[str, list[str]]) -> dict[str, set[str]]:
    files = {dest: Path(dest) for dest in links}
    return {rule.name: removed for rule, removed in trim.plan(files, lambda p: links[str(p)])}


def test_a_dropped_plugin_takes_the_libraries_only_it_used() -> None:
    steps = _plan(
        {
            "PySide6/Qt/plugins/platformthemes/libqgtk3.so": ["libgtk-3.so.0", "libglib-2.0.so.0"],
            "libgtk-3.so.0": ["libcairo.so.2", "libglib-2.0.so.0"],
            "libcairo.so.2": [],
            "libglib-2.0.so.0": [],
            "PySide6/Qt/lib/libQt6Core.so.6": ["libglib-2.0.so.0", "libicuuc.so.73"],
            "PySide6/Qt/lib/libicuuc.so.73": [],
            "PySide6/QtCore.abi3.so": ["libQt6Core.so.6"],
            "libpython3.11.so.1.0": [],  # loaded by the bootloader with dlopen
            "libdbus-1.so.3": [],  # loaded by QtDBus with dlopen
        }
    )
    assert steps["host GTK"] == {
        "PySide6/Qt/plugins/platformthemes/libqgtk3.so",
        "libgtk-3.so.0",
        "libcairo.so.2",
    }
    assert not set().union(*steps.values()) & {
        "libglib-2.0.so.0",
        "PySide6/Qt/lib/libicuuc.so.73",
        "libpython3.11.so.1.0",
        "libdbus-1.so.3",
        "PySide6/Qt/lib/libQt6Core.so.6",
    }


def test_windows_names_match_in_any_case() -> None:
    steps = _plan(
        {
            "PySide6/QtNetwork.pyd": ["Qt6Network.dll"],
            "PySide6/Qt6Network.dll": ["LIBSSL-3.dll"],
            "PySide6/QtCore.pyd": ["qt6core.dll"],
            "PySide6/Qt6Core.dll": [],
        }
    )
    assert steps["Qt network"] == {"PySide6/QtNetwork.pyd", "PySide6/Qt6Network.dll"}


def test_platform_plugins_a_laptop_needs_are_kept() -> None:
    for kept in ("xcb", "wayland", "offscreen", "windows", "cocoa"):
        for folder in ("PySide6/Qt/plugins", "PySide6/plugins"):
            dest = f"{folder}/platforms/libq{kept}.so"
            assert not any(rule.matches(dest) for rule in trim.RULES), dest
    ibus = "PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so"
    assert not any(rule.matches(ibus) for rule in trim.RULES)


# -- the icon ----------------------------------------------------------------------------
def test_checked_in_icon_pngs_are_the_svg_rendered(qapp, tmp_path: Path) -> None:
    from PIL import Image, ImageChops

    icons = _load(ROOT / "packaging" / "icons.py")
    for size in icons.PNG_SIZES:
        fresh = tmp_path / f"{size}.png"
        icons.render(size).save(str(fresh))
        with Image.open(fresh) as new, Image.open(icons.png_path(size)) as old:
            assert new.size == old.size == (size, size)
            diff = ImageChops.difference(new.convert("RGBA"), old.convert("RGBA"))
            assert max(band.getextrema()[1] for band in diff.split()) <= 8, (
                f"assets/icons/pofacil-{size}.png is stale: run packaging/icons.py"
            )


def test_ico_and_icns_are_made_at_build_time(qapp, tmp_path: Path) -> None:
    from PIL import Image

    icons = _load(ROOT / "packaging" / "icons.py")
    icons.write_bundle_icons(tmp_path)
    with Image.open(tmp_path / "pofacil.ico") as ico:
        assert {(16, 16), (32, 32), (48, 48), (256, 256)} <= ico.info["sizes"]
    with Image.open(tmp_path / "pofacil.icns") as icns:
        assert icns.size == (1024, 1024) or max(icns.info.get("sizes", [(0, 0, 0)]))[0] >= 512


# -- no display ------------------------------------------------------------------------------
def test_missing_display_is_decided_from_the_environment() -> None:
    from pofacil.ui.app import missing_display

    assert missing_display({}, "linux")
    assert missing_display({"DISPLAY": ""}, "linux")
    assert not missing_display({"DISPLAY": ":0"}, "linux")
    assert not missing_display({"WAYLAND_DISPLAY": "wayland-0"}, "linux")
    assert not missing_display({"QT_QPA_PLATFORM": "offscreen"}, "linux")
    assert not missing_display({}, "win32")
    assert not missing_display({}, "darwin")


def _pofacil(tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {"HOME": str(tmp_path), "PATH": os.environ.get("PATH", ""), "LANG": "C.UTF-8"}
    if sys.platform == "win32":
        clean["SYSTEMROOT"] = os.environ.get("SYSTEMROOT", "")
    return subprocess.run(
        [sys.executable, "-m", "pofacil"],
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="always has a display")
def test_without_a_display_the_app_says_so_in_one_line(tmp_path: Path) -> None:
    result = _pofacil(tmp_path)
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1, result.stderr
    assert "no display" in result.stderr and "pofacil export" in result.stderr
    assert not (tmp_path / ".local").exists()  # refused before making the sample copy


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="always has a display")
def test_a_platform_plugin_that_does_not_load_is_one_line_and_exit_1(tmp_path: Path) -> None:
    # xcb with no X server: Qt itself would abort (exit 134) with a screenful.
    result = _pofacil(tmp_path, QT_QPA_PLATFORM="xcb", DISPLAY=":9999")
    assert result.returncode == 1, result.stderr
    assert result.stderr.count("\n") == 1, result.stderr
    assert "platform plugin did not load" in result.stderr


# -- the wheel ---------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """A wheel built from a copy of the checkout (so no build/ lands in it), and the
    build's output."""
    work = tmp_path_factory.mktemp("wheel")
    source = work / "src"
    ignore = shutil.ignore_patterns(".git", ".venv", "build", "dist", "*.egg-info", "__pycache__")
    shutil.copytree(ROOT, source, ignore=ignore)
    built = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "-v",
            "-w",
            str(work / "out"),
            str(source),
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert built.returncode == 0, built.stdout + built.stderr
    (found,) = (work / "out").glob("pofacil-*.whl")
    return found, built.stdout + built.stderr


def test_wheel_metadata_names_both_licenses_and_both_entries(wheel: tuple[Path, str]) -> None:
    path, _log = wheel
    with zipfile.ZipFile(path) as whl:
        names = whl.namelist()
        meta = whl.read(next(n for n in names if n.endswith("METADATA"))).decode()
        entries = whl.read(next(n for n in names if n.endswith("entry_points.txt"))).decode()
    assert "License-Expression: MIT AND OFL-1.1" in meta
    assert "[console_scripts]\npofacil = pofacil.cli:main" in entries
    assert "[gui_scripts]\npofacil-gui = pofacil.cli:gui_main" in entries


def test_wheel_holds_only_what_runs(wheel: tuple[Path, str]) -> None:
    path, _log = wheel
    with zipfile.ZipFile(path) as whl:
        names = whl.namelist()
    assets = [n for n in names if n.startswith("pofacil/assets/")]
    assert not [n for n in names if n.endswith(".ts")]
    assert "pofacil/assets/fonts/README.md" not in names
    for needed in (
        "fonts/PofacilSansTC-Regular.ttf",
        "fonts/OFL.txt",
        "icons/pofacil-48.png",
        "translations/pofacil_zh_TW.qm",
        "sample/consensus-camp.json",
        "templates/mindmap.json",
    ):
        assert f"pofacil/assets/{needed}" in assets, needed
    assert not [n for n in names if n.startswith(("tests/", "bench/", "packaging/"))]


def test_the_build_gives_no_setuptools_warnings(wheel: tuple[Path, str]) -> None:
    _path, log = wheel
    for warning in (
        "SetuptoolsDeprecationWarning",
        "is absent from the `packages`",
        "Package would be ignored",
        "License classifiers are deprecated",
    ):
        assert warning not in log


def test_only_the_qt_translation_the_ui_loads_is_kept() -> None:
    rule = next(r for r in trim.RULES if r.name == "Qt translations")
    assert not rule.matches("PySide6/Qt/translations/qtbase_zh_TW.qm")
    assert rule.matches("PySide6/Qt/translations/qtbase_de.qm")
    assert rule.matches("PySide6/translations/qt_help_zh_TW.qm")


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="always has a display")
def test_an_explicit_offscreen_platform_still_opens_the_window(tmp_path: Path) -> None:
    app = subprocess.Popen(
        [sys.executable, "-m", "pofacil"],
        env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin", "QT_QPA_PLATFORM": "offscreen"},
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert started(app, tmp_path)
    finally:
        app.terminate()
        app.wait(timeout=60)


def started(app: subprocess.Popen[str], home: Path) -> bool:
    """True once the app's log says its window is up; False if it exits first."""
    while app.poll() is None:
        logs = list(home.rglob("pofacil.log"))
        if logs and "pofacil started" in logs[0].read_text(encoding="utf-8"):
            return True
        time.sleep(0.2)
    return False
