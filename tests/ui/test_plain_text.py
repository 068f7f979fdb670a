"""User text with markup in it is shown exactly as typed, never as HTML or mnemonics."""

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QInputMethodEvent, QKeySequence, Qt, QTextDocument
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from pofacil.board import ops
from pofacil.board.formats.sample import write_sample
from pofacil.board.session import Session

MARKUP_NAME = "<h1>x<img src=y>.pofacil"


def shown(text: str, text_format: Qt.TextFormat) -> str:
    """What Qt displays for ``text`` in a widget of ``text_format`` (AutoText guesses).

    QtGui's Qt namespace is the one that has mightBeRichText.
    """
    rich = text_format == Qt.TextFormat.RichText or (
        text_format == Qt.TextFormat.AutoText and Qt.mightBeRichText(text)
    )
    if not rich:
        return text
    document = QTextDocument()
    document.setHtml(text)
    return document.toPlainText()


def tooltip_shown(tooltip: str) -> str:
    return shown(tooltip, Qt.TextFormat.AutoText)  # tooltips are always AutoText


def renders_plainly(label: QLabel) -> bool:
    """The label's pixels are those of the same label forced to plain text."""
    as_is = label.grab().toImage()
    kept = label.textFormat()
    label.setTextFormat(Qt.TextFormat.PlainText)
    plain = label.grab().toImage()
    label.setTextFormat(kept)
    return as_is == plain


def test_file_name_with_markup_in_status_bar_title_and_tooltip(
    qtbot, window, tmp_path: Path
) -> None:
    path = tmp_path / MARKUP_NAME
    Session.create(path, title="議題[*] <i>斜</i>", boards=[("blank", None)]).close()
    window.open_workshop(str(path))
    assert window.document.path == path
    labels = window.statusBar().findChildren(QLabel)
    showing = " ".join(shown(label.text(), label.textFormat()) for label in labels)
    assert MARKUP_NAME in showing and "Saved" in showing
    for label in labels:
        if label.text():
            assert renders_plainly(label), label.text()
    assert str(path) in [tooltip_shown(label.toolTip()) for label in labels]
    # Qt takes "[*]" in a window title as the modified marker and drops it.
    assert window.windowHandle().title() == "議題[*] <i>斜</i> — pofacil"


def test_board_name_with_markup_and_ampersand_in_tabs_and_menus(
    qtbot, window, tmp_path: Path
) -> None:
    name = "<b>Q&A</b> 林"
    window.document.apply(ops.rename_board, window.scene.board_id, name)
    index = window.tabs.currentIndex()
    # "&" before a letter would be drawn as an underlined Alt shortcut, not as "&".
    assert QKeySequence.mnemonic(window.tabs.tabText(index)).isEmpty()
    assert window.tabs.tabText(index).replace("&&", "&") == name
    assert tooltip_shown(window.tabs.tabToolTip(index)) == name
    window.tabs.moveTab(index, index + 1)  # tabs are matched to boards by id, not by text
    assert window.document.workshop.ordered_boards()[index + 1].name == name
    window.board_actions.add_row()  # a mind map takes no rows: refused, naming the board
    assert name in window.statusBar().currentMessage()

    copy = tmp_path / "R&D <b>組.pofacil"  # no "/": it would be a folder
    write_sample(copy)
    window.open_workshop(str(copy))
    recent = [a.text() for a in window.recent_menu.actions()]
    assert recent[0].replace("&&", "&") == str(copy)
    assert QKeySequence.mnemonic(recent[0]).isEmpty()


def test_message_box_shows_a_markup_file_name_literally(qtbot, window, tmp_path: Path) -> None:
    junk = tmp_path / MARKUP_NAME
    junk.write_bytes(b"not a workshop" * 20)
    seen: list[tuple[Qt.TextFormat, str, str, bool]] = []

    def inspect_and_close() -> None:
        boxes = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, QMessageBox) and w.isVisible()
        ]
        if not boxes:
            QTimer.singleShot(20, inspect_and_close)
            return
        box = boxes[0]
        label = box.findChild(QLabel, "qt_msgbox_label")
        seen.append(
            (
                box.textFormat(),
                box.text(),
                shown(label.text(), label.textFormat()),
                renders_plainly(label),
            )
        )
        box.close()

    QTimer.singleShot(0, inspect_and_close)
    window.open_workshop(str(junk))
    assert len(seen) == 1
    text_format, text, showing, plainly = seen[0]
    assert text_format == Qt.TextFormat.PlainText
    assert MARKUP_NAME in text and MARKUP_NAME in showing and plainly
    assert junk.read_bytes() == b"not a workshop" * 20


def test_speaker_with_markup_in_capture_preview_and_note(qtbot, window) -> None:
    edit = window.capture.edit
    edit.setFocus()
    qtbot.keyClicks(edit, "<u>")
    chinese = QInputMethodEvent()  # QTest types ASCII only; Chinese comes from the input method
    chinese.setCommitString("林")
    QApplication.sendEvent(edit, chinese)
    qtbot.keyClicks(edit, "</u>: more seats")
    preview = window.capture.preview
    assert preview.textFormat() == Qt.TextFormat.PlainText
    assert shown(preview.text(), preview.textFormat()) == "Speaker: <u>林</u>"
    assert renders_plainly(preview)
    qtbot.keyClick(window.capture.edit, Qt.Key.Key_Return)
    note = window.scene.board.notes[window._last_captured]
    assert (note.author, note.text) == ("<u>林</u>", "more seats")
