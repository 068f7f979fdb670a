"""Who is at the keyboard: a bar inside the window asks the facilitator's or scribe's name once.

It never blocks: the board works while the bar is open, and until a name is given history
lines carry the login name (the last resort). ``POFACIL_ACTOR`` skips the question; the name is
kept for every workshop, or for this workshop only when asked, and changed in Preferences.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from pofacil.board.session import ACTOR_VARIABLE, Session, actor_name

from . import i18n

_KEY = "actor"


def _workshop_key(path: Path) -> str:
    # QSettings keys treat "/" as groups: the path is kept as one key, by its characters.
    return "actor_of/" + str(path.resolve()).replace("/", "|").replace("\\", "|")


def stored_actor(path: Path | None) -> str | None:
    """The name to record for ``path``: the environment's, this workshop's, then everyone's."""
    named = actor_name(os.environ.get(ACTOR_VARIABLE))
    if named:
        return named
    store = i18n.settings()
    if path is not None:
        named = actor_name(str(store.value(_workshop_key(path), "") or ""))
        if named:
            return named
    return actor_name(str(store.value(_KEY, "") or ""))


def remember_actor(name: str, path: Path | None = None) -> None:
    """Keep ``name`` for every workshop, or (with ``path``) for that workshop only."""
    store = i18n.settings()
    store.setValue(_workshop_key(path) if path is not None else _KEY, name)


class ActorBar(QWidget):
    """ "Who is at the keyboard?" with a name field, an only-this-workshop box and OK."""

    named = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("actorBar")
        self.setStyleSheet("#actorBar { background: #FFF3BF; }")
        self.session: Session | None = None
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 4, 8, 4)
        question = QLabel(self.tr("Who is at the keyboard? The history records this name:"))
        question.setWordWrap(True)  # wraps rather than widen the window past an 800 px screen
        row.addWidget(question, 2)
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("facilitator or scribe"))
        self.name.setMaxLength(80)
        self.name.returnPressed.connect(self.accept)
        row.addWidget(self.name, 1)
        self.only_here = QCheckBox(self.tr("Only for this workshop"))
        row.addWidget(self.only_here)
        self.ok = QPushButton(self.tr("OK"))
        self.ok.clicked.connect(self.accept)
        row.addWidget(self.ok)
        later = QPushButton(self.tr("Not now"))
        later.clicked.connect(self.hide)
        row.addWidget(later)
        self.message = QLabel()
        self.message.setStyleSheet("color: #C92A2A")
        row.addWidget(self.message)
        self.hide()

    def attach(self, session: Session) -> None:
        """Use the stored name for ``session``, or ask for one (a read-only workshop records
        nothing, so it asks nothing)."""
        self.session = session
        known = stored_actor(session.path)
        if known is not None:
            session.actor = known
            self.hide()
        elif not session.read_only:
            self.name.clear()
            self.message.clear()
            self.show()

    def accept(self) -> None:
        name = actor_name(self.name.text())
        if name is None:
            self.message.setText(self.tr("Type a name first."))
            return
        path = self.session.path if self.session is not None else None
        remember_actor(name, path if self.only_here.isChecked() else None)
        if self.session is not None:
            self.session.actor = name
        self.hide()
        self.named.emit(name)
