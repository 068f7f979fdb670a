"""User text shown exactly as typed: no HTML, no mnemonics, no window-title placeholders.

File names, board names, speakers and errors quoting them come from the room, not from us.
Qt guesses "rich text" from anything that looks like a tag (labels, message boxes, tooltips),
takes "&" as a keyboard mnemonic (tabs, menus, buttons) and "[*]" as the modified marker
(window titles). Everything that shows such text goes through these helpers.
"""

from __future__ import annotations

from PySide6 import QtGui
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget


def message_box(
    parent: QWidget | None,
    title: str,
    text: str,
    icon: QMessageBox.Icon = QMessageBox.Icon.Warning,
    buttons: QMessageBox.StandardButton = QMessageBox.StandardButton.Ok,
) -> QMessageBox:
    """A message box whose text is plain text (QMessageBox's own default is AutoText)."""
    box = QMessageBox(icon, title, text, buttons, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    return box


def show_message(
    parent: QWidget | None,
    title: str,
    text: str,
    icon: QMessageBox.Icon = QMessageBox.Icon.Warning,
    buttons: QMessageBox.StandardButton = QMessageBox.StandardButton.Ok,
) -> QMessageBox.StandardButton:
    """Ask or tell and wait; the button pressed.

    Replaces QMessageBox.warning/question/information, which render a file named ``<h1>x``
    as a heading.
    """
    return QMessageBox.StandardButton(message_box(parent, title, text, icon, buttons).exec())


def plain_label(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def plain_tooltip(text: str) -> str:
    """A tooltip that shows ``text`` literally (Qt renders a tooltip that looks like HTML)."""
    # Qt::convertFromPlainText lives in QtGui; PySide6 puts it on QtGui's Qt namespace only.
    return QtGui.Qt.convertFromPlainText(text, Qt.WhiteSpaceMode.WhiteSpaceNormal)


def no_mnemonic(text: str) -> str:
    """For tab, menu and button texts: "&&" is how Qt shows a literal "&"."""
    return text.replace("&", "&&")


def window_title(text: str) -> str:
    """For setWindowTitle: "[*][*]" is how Qt shows a literal "[*]"."""
    return text.replace("[*]", "[*][*]")
