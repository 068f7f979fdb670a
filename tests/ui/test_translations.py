"""The Traditional Chinese UI: complete, compiled, and actually used by the real window."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QSettings, QStandardPaths, QTranslator
from PySide6.QtWidgets import QApplication

from pofacil.board.formats.sample import write_sample
from pofacil.board.model.errors import NotAWorkshopFile
from pofacil.board.session import Session
from pofacil.ui import i18n

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "packaging" / "i18n" / "update_translations.py"
CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture
def own_settings(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Recent files and the language go to a throwaway file, never the tester's own config.

    i18n.settings() names its QSettings explicitly, so test mode alone would not redirect it
    on every platform (the Windows registry ignores QSettings.setPath); replace it.
    """
    QStandardPaths.setTestModeEnabled(True)
    ini = str(tmp_path / "pofacil-settings.ini")
    monkeypatch.setattr(i18n, "settings", lambda: QSettings(ini, QSettings.Format.IniFormat))


@pytest.fixture
def restore_english(qapp: QApplication) -> Iterator[None]:
    """Whatever a test installs, the next test starts in English with the locale it had."""
    locale = QLocale()
    yield
    i18n.install_translators(qapp, "en")
    QLocale.setDefault(locale)


def test_every_string_is_translated() -> None:
    """CI fails on a new string without a translation, or a stale .ts or .qm."""
    result = subprocess.run(
        [sys.executable, str(SCRIPT), "--check"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_compiled_translation_translates_known_strings() -> None:
    # Loaded the way the app does: from the installed package's data.
    qm = resources.files("pofacil.assets") / "translations" / "pofacil_zh_TW.qm"
    translator = QTranslator()
    assert translator.load(str(qm))
    assert translator.translate("MainWindow", "&File") == "檔案(&F)"
    assert translator.translate("MainWindow", "Saved") == "已儲存"
    assert translator.translate("CaptureBar", "Speaker: %1") == "發言者：%1"
    chinese = translator.translate("errors", "{path} is not a pofacil workshop file.")
    assert CJK.search(chinese) and "{path}" in chinese
    assert chinese.format(path="營隊.pofacil").startswith("營隊.pofacil")


def test_core_errors_reach_the_user_in_chinese(qapp: QApplication, restore_english) -> None:
    from pofacil.ui.document import translate_error

    error = NotAWorkshopFile("{path} is not a pofacil workshop file.", path="營隊.pofacil")
    i18n.install_translators(qapp, "zh_TW")
    assert translate_error(error) == "營隊.pofacil 不是 pofacil 工作坊檔案。"
    i18n.install_translators(qapp, "en")
    assert translate_error(error) == "營隊.pofacil is not a pofacil workshop file."


def menu_titles(qapp: QApplication, qtbot, tmp_path: Path, language: str) -> list[str]:
    """The real main window's menu bar, built after installing ``language``."""
    from pofacil.ui.main_window import MainWindow

    i18n.set_language(language)  # so the kind palette follows too, as after a restart
    i18n.install_translators(qapp, language)
    window = MainWindow(Session.open(write_sample(tmp_path / f"s-{language}.pofacil")))
    try:
        return [action.text() for action in window.menuBar().actions()]
    finally:
        window.close()


def test_main_window_menus_follow_the_language(
    qapp: QApplication, qtbot, tmp_path: Path, own_settings, restore_english
) -> None:
    chinese = menu_titles(qapp, qtbot, tmp_path, "zh_TW")
    english = menu_titles(qapp, qtbot, tmp_path, "en")
    assert len(chinese) == len(english) >= 4
    assert "&File" in english and "檔案(&F)" in chinese
    for zh, en in zip(chinese, english, strict=True):
        assert zh != en
        assert CJK.search(zh), zh
        assert not CJK.search(en), en
        # Windows-style mnemonic after the Chinese text: typeable with Alt+letter.
        assert re.fullmatch(r"[^&]+\(&[A-Z]\)", zh), zh


def test_undo_and_redo_say_what_they_will_do(
    qapp: QApplication, qtbot, tmp_path: Path, own_settings, restore_english
) -> None:
    from pofacil.board import ops
    from pofacil.ui.main_window import MainWindow

    expected = {
        "zh_TW": (
            "復原(&U)：移動 3 張便利貼",
            "重做(&R)：移動 3 張便利貼",
            "復原(&U)：移動 1 張便利貼",
            "復原(&U)",
        ),
        "en": ("&Undo: move 3 notes", "&Redo: move 3 notes", "&Undo: move 1 note", "&Undo"),
    }
    for language, (undo, redo, one, nothing) in expected.items():
        i18n.set_language(language)
        i18n.install_translators(qapp, language)
        window = MainWindow(Session.open(write_sample(tmp_path / f"u-{language}.pofacil")))
        try:
            notes = window.scene.board.live_notes()
            window.document.apply(ops.move_notes, {n.id: (n.x + 10, n.y) for n in notes[:3]})
            assert window.undo_action.text() == undo
            window.undo_action.trigger()
            assert window.redo_action.text() == redo and window.undo_action.text() == nothing
            window.document.apply(ops.move_notes, {notes[0].id: (notes[0].x + 10, notes[0].y)})
            assert window.undo_action.text() == one
        finally:
            window.close()
