"""The main window: boards as tabs, the canvas, the kind palette, quick capture, menus."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMimeData, QPoint, QPointF, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QTabBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from pofacil.board import ops
from pofacil.board.model import kind_in_cell, split_label
from pofacil.board.model.errors import FileInUseError, PofacilError, ReadOnlyError
from pofacil.board.model.kinds import KINDS
from pofacil.board.model.templates import all_templates, layout_of
from pofacil.board.ops.frames import clear_frame
from pofacil.board.session import Session

from . import i18n
from .about import install_help_menu
from .actor_bar import ActorBar
from .board_actions import BoardActions
from .capture import CaptureBar
from .clipboard import NOTES_MIME, dropped_files, notes_to_mime, specs_from_mime
from .dialogs import DeletedNotesDialog, PaletteDock, PreferencesDialog
from .document import Document, translate_error
from .export_dialog import export_all_boards, export_with_dialog
from .find_bar import FindBar
from .heap import settle_heap
from .history_panel import HistoryPanel, NoteHistoryDialog
from .items import ClusterItem, LinkItem, NoteItem
from .merge_dialog import MergeDialog
from .outline_import import OutlineImport
from .plain_text import no_mnemonic, plain_label, plain_tooltip, show_message, window_title
from .room_panel import RoomActions
from .scene import BoardScene
from .timer import install_timer
from .view import BoardView
from .vote_mode import install_vote_mode
from .window_state import WindowPlacement
from .workshop_details import WorkshopDetailsDialog

MAX_RECENT = 8
log = logging.getLogger(__name__)


def open_session(parent: QWidget | None, path: Path) -> Session | None:
    """Open a workshop, offering read-only when another pofacil has it, and opening read-only
    (with a word why) one that cannot be written; None after telling why."""
    cannot_open = QCoreApplication.translate("MainWindow", "Cannot open")
    try:
        return Session.open(path)
    except ReadOnlyError as exc:
        log.info("%s cannot be written: %s", path, exc)
        try:
            session = Session.open(path, read_only=True)
        except PofacilError as again:
            log.warning("cannot open %s read-only: %s", path, again)
            show_message(parent, cannot_open, translate_error(again))
            return None
        show_message(
            parent,
            QCoreApplication.translate("MainWindow", "Opened read-only"),
            translate_error(exc)
            + "\n\n"
            + QCoreApplication.translate(
                "MainWindow",
                "It is open read-only: you can look, present and "
                "export, and File > Save a copy… makes a copy you can change.",
            ),
            QMessageBox.Icon.Information,
        )
        return session
    except FileInUseError as exc:
        log.info("%s is in use: %s", path, exc)
        answer = show_message(
            parent,
            QCoreApplication.translate("MainWindow", "Workshop in use"),
            translate_error(exc)
            + "\n\n"
            + QCoreApplication.translate("MainWindow", "Open it read-only?"),
            QMessageBox.Icon.Question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        )
        if answer == QMessageBox.StandardButton.Yes:
            try:
                return Session.open(path, read_only=True)
            except PofacilError as again:
                log.warning("cannot open %s read-only: %s", path, again)
                show_message(parent, cannot_open, translate_error(again))
    except PofacilError as exc:
        log.warning("cannot open %s: %s", path, exc)
        show_message(parent, cannot_open, translate_error(exc))
    return None


def _recent(store: QSettings) -> list[str]:
    """The recent files list; QSettings gives back whatever type it stored."""
    value = store.value("recent", [], list)
    return [str(p) for p in value] if isinstance(value, list) else []


class MainWindow(QMainWindow):
    """One workshop at a time; every change is saved as it is made."""

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.placement = WindowPlacement(self)
        self.document: Document | None = None
        self.scene: BoardScene | None = None
        self.capture_kind = "idea"
        self._last_captured: str | None = None
        self._targets: dict[str, str] = {}  # board id -> the cell or group captures go into
        self._selected_places: set[str | None] = set()  # cells or groups of the selection
        self._board_ids: list[str] = []

        self.tabs = QTabBar()
        self.tabs.setMovable(True)
        self.tabs.setTabsClosable(True)
        self.tabs.setExpanding(False)
        self.tabs.currentChanged.connect(self._tab_changed)
        self.tabs.tabMoved.connect(self._tab_moved)
        self.tabs.tabCloseRequested.connect(self._tab_close)
        self.tabs.tabBarDoubleClicked.connect(self._rename_board)
        add_board = QToolButton()
        add_board.setText("+")
        add_board.setToolTip(self.tr("Add a board"))
        add_board.clicked.connect(self.add_board)

        self.view = BoardView()
        self.outline_import = OutlineImport(self)
        self.view.typed.connect(self._typed_on_canvas)
        self.view.dropped.connect(self._dropped)
        self.view.zoom_changed.connect(self._show_zoom)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)

        self.capture = CaptureBar()
        self.capture.captured.connect(self.capture_note)
        self.capture.cancelled.connect(lambda: self.view.setFocus())
        self.capture.target_chosen.connect(self.set_capture_target)
        self.capture.target_stepped.connect(self.step_capture_target)
        self.view.target_stepped.connect(self.step_capture_target)
        self.view.compose_into = self.capture.edit
        self.view.leave_projector.connect(self.toggle_projector)
        self.find_bar = FindBar(lambda: self.scene, self._show_match)
        self.find_bar.closed.connect(lambda: self.view.setFocus())

        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.tabs, 1)
        top.addWidget(add_board)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.tab_row = QWidget()
        self.tab_row.setLayout(top)
        layout.addWidget(self.tab_row)
        self.actor_bar = ActorBar(self)
        layout.addWidget(self.actor_bar)
        layout.addWidget(self.find_bar)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.capture)
        self.setCentralWidget(central)

        self.kind_palette = PaletteDock(self)
        self.kind_palette.kind_chosen.connect(self._kind_chosen)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.kind_palette)
        self.history_panel = HistoryPanel(self)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.history_panel)
        self.history_panel.hide()

        self.saved_label = plain_label()
        self.file_label = plain_label()
        self.zoom_label = QLabel()
        self.statusBar().addPermanentWidget(self.zoom_label)
        self.statusBar().addPermanentWidget(self.saved_label)
        self.statusBar().addPermanentWidget(self.file_label)
        self._build_actions()
        self.board_actions = BoardActions(self)
        self.timer = install_timer(self)
        self.vote_mode = install_vote_mode(self)
        self.room = RoomActions(self)
        install_help_menu(self)  # last, where every platform expects Help
        self.set_session(session)
        self.placement.place()

    # -- documents -----------------------------------------------------------------------
    def set_session(self, session: Session) -> None:
        old_doc, old_scene = self.document, self.scene
        self.document = Document(session, self)
        self.document.changed.connect(self._document_changed)
        self.document.failed.connect(self._refused)
        self.document.storage_failed.connect(self._storage_failed)
        self.scene = BoardScene(self.document)
        self.scene.empty_double_clicked.connect(self._new_note_at)
        self.scene.rename_cluster_requested.connect(self._rename_cluster)
        self.scene.selectionChanged.connect(self._update_actions)
        self.scene.selectionChanged.connect(self._target_from_selection)
        self.scene.background_pressed.connect(self._target_from_press)
        self.scene.relabel_requested.connect(self.board_actions.relabel)
        self.scene.language = i18n.data_language()
        self.view.setScene(self.scene)
        if old_scene is not None:
            old_scene.detach()
        if old_doc is not None:
            old_doc.close()
        self._last_captured = None
        self._targets = {}
        self._board_ids = []
        self._rebuild_tabs()
        self.find_bar.rerun()
        self.actor_bar.attach(session)
        self.vote_mode.attach()
        self._remember_recent(session.path)
        log.info("opened %s%s", session.path, " read-only" if session.read_only else "")
        self._document_changed()
        warning = session.store.damage_warning()
        if warning is not None:  # rows left out on opening: said once, without a modal box
            self.statusBar().showMessage(translate_error(warning), 60000)
        self.room.session_changed()
        settle_heap()
        QTimer.singleShot(0, self.view.fit)

    def _document_changed(self) -> None:
        doc = self.document
        if doc is None:
            return
        self._rebuild_tabs()
        title = doc.workshop.info.title or doc.path.stem
        self.setWindowTitle(window_title(f"{title} — pofacil"))
        if doc.session.read_only:
            state, color = self.tr("Read-only"), "#868E96"
        elif doc.saved:
            state, color = self.tr("Saved"), "#1B5E20"
        else:
            state, color = self.tr("NOT SAVED: save a copy elsewhere"), "#C92A2A"
        # The state is ours and styled; the file name is the user's and stays plain text. Set
        # only when they change: a style sheet set again re-lays out the status bar and then
        # the whole window (its docks and menus) after every change.
        if self.saved_label.text() != state:
            self.saved_label.setStyleSheet(f"color: {color}; font-weight: bold")
            self.saved_label.setText(state)
        tip = plain_tooltip(str(doc.path))
        if self.file_label.toolTip() != tip:
            self.file_label.setText(f"· {doc.path.name}")
            self.file_label.setToolTip(tip)
        self._update_undo_texts()
        self._update_actions()
        self.history_panel.show_board(doc, self.current_board_id())
        self._target_from_selection(only_if_moved=True)
        self._show_capture_target()

    def _refused(self, message: str) -> None:
        log.info("refused: %s", message)
        self.statusBar().showMessage(message, 8000)

    def _storage_failed(self, message: str) -> None:
        log.warning("the workshop file stopped taking changes: %s", message)
        # The document reports this before its changed signal: show NOT SAVED behind the box,
        # not a stale Saved.
        self._document_changed()
        show_message(
            self,
            self.tr("The workshop file cannot be written"),
            message
            + "\n\n"
            + self.tr(
                "Your changes are kept in memory. Use File > Save a Copy to "
                "save them somewhere else."
            ),
        )

    # -- boards as tabs ------------------------------------------------------------------
    def _rebuild_tabs(self) -> None:
        doc = self.document
        assert doc is not None and self.scene is not None
        boards = doc.workshop.ordered_boards()
        ids = [b.id for b in boards]
        current = self.scene.board_id
        self.tabs.blockSignals(True)
        if ids != self._board_ids or any(
            self.tabs.tabText(i) != no_mnemonic(b.name) for i, b in enumerate(boards)
        ):
            while self.tabs.count():
                self.tabs.removeTab(0)
            for board in boards:
                index = self.tabs.addTab(no_mnemonic(board.name))
                self.tabs.setTabData(index, board.id)
                self.tabs.setTabToolTip(index, plain_tooltip(board.name))
            self._board_ids = ids
        self.tabs.blockSignals(False)
        if current not in ids:
            current = ids[0] if ids else None
            self.scene.set_board(current)
        if current is not None:
            self.tabs.setCurrentIndex(ids.index(current))

    def current_board_id(self) -> str | None:
        return self.scene.board_id if self.scene else None

    def _tab_changed(self, index: int) -> None:
        if (
            self.scene is not None
            and 0 <= index < len(self._board_ids)
            and self._board_ids[index] != self.scene.board_id
        ):
            self.scene.set_board(self._board_ids[index])
            self._last_captured = None
            self.view.fit()
            self.find_bar.rerun()
            self._update_actions()
            self._show_capture_target()

    def step_board(self, by: int) -> None:
        """Ctrl+PgDn / Ctrl+PgUp / Ctrl+Tab: the next or previous board, round the end; in
        every mode, since projector mode hides the tabs."""
        count = self.tabs.count()
        if count > 1:
            self.tabs.setCurrentIndex((self.tabs.currentIndex() + by) % count)

    def _tab_moved(self, _from: int, _to: int) -> None:
        assert self.document is not None
        # By id: two boards may share a name, and the tab text is the name with "&" doubled.
        order = [self.tabs.tabData(i) for i in range(self.tabs.count())]
        self._board_ids = order
        self.document.apply(ops.reorder_boards, order)

    def _tab_close(self, index: int) -> None:
        assert self.document is not None
        if len(self._board_ids) <= 1:
            self.statusBar().showMessage(self.tr("A workshop keeps at least one board."), 5000)
            return
        if self.document.apply(ops.delete_board, self._board_ids[index]):
            self.statusBar().showMessage(self.tr("Board deleted; Undo brings it back."), 5000)

    def _rename_board(self, index: int) -> None:
        assert self.document is not None
        if not 0 <= index < len(self._board_ids):
            return
        name, ok = QInputDialog.getText(
            self,
            self.tr("Rename board"),
            self.tr("Board name:"),
            QLineEdit.EchoMode.Normal,
            self.tabs.tabText(index),
        )
        if ok and name.strip():
            self.document.apply(ops.rename_board, self._board_ids[index], name)

    def add_board(self) -> None:
        assert self.document is not None
        language = i18n.data_language()
        templates = list(all_templates().values())
        names = [t.name(language) for t in templates]
        choice, ok = QInputDialog.getItem(
            self, self.tr("Add a board"), self.tr("Template:"), names, 0, False
        )
        if not ok:
            return
        template = templates[names.index(choice)]
        name, ok = QInputDialog.getText(
            self,
            self.tr("Add a board"),
            self.tr("Board name:"),
            QLineEdit.EchoMode.Normal,
            template.name(language),
        )
        if ok:
            change = self.document.apply(ops.add_board, template.id, name, language)
            if change is not None and self.scene is not None:
                self.scene.set_board(change.board)
                self._rebuild_tabs()

    # -- notes ---------------------------------------------------------------------------
    def capture_note(self, author: str, text: str) -> None:
        """A point from quick capture: into the capture target (see ops.capture), and into
        view, scrolling no more than it takes."""
        doc, scene = self.document, self.scene
        if doc is None or scene is None or scene.board_id is None:
            return
        change = doc.apply(
            ops.capture_note,
            scene.board_id,
            text,
            author=author,
            kind=self.capture_kind,
            target=self.capture_target(),
            previous=self._last_captured,
        )
        if change is not None:
            self._last_captured = change.subjects[0]
            item = scene.notes.get(self._last_captured)
            if item is not None:
                scene.flush_layout()  # its slot in a cell is known after the layout pass
                self.view.reveal(item.sceneBoundingRect())

    def capture_target(self) -> str | None:
        """The current board's capture target as chosen (ops.capture says what counts)."""
        board_id = self.current_board_id()
        return self._targets.get(board_id) if board_id is not None else None

    def set_capture_target(self, target: str | None) -> None:
        board_id = self.current_board_id()
        if board_id is None:
            return
        if target:
            self._targets[board_id] = target
        else:
            self._targets.pop(board_id, None)
        self._show_capture_target()

    def step_capture_target(self, columns: int, rows: int) -> None:
        board = self.scene.board if self.scene is not None else None
        if board is not None and board.cells:
            self.set_capture_target(ops.step_cell(board, self.capture_target(), columns, rows))

    def _show_capture_target(self) -> None:
        board = self.scene.board if self.scene is not None else None
        self.capture.show_target(board, self.capture_target())

    def _target_from_selection(self, only_if_moved: bool = False) -> None:
        """Selecting notes of one cell (or one group, on a board without a grid) aims there;
        so does moving the selected notes into another one (a drop, an undo)."""
        scene = self.scene
        board = scene.board if scene is not None else None
        if scene is None or board is None:
            return
        notes = [
            board.notes[i.note.id]
            for i in scene.selectedItems()
            if isinstance(i, NoteItem) and i.note.id in board.notes
        ]
        places = {n.cell if board.cells else n.cluster for n in notes}
        if only_if_moved and places == self._selected_places:
            return
        self._selected_places = places
        if board.cells:
            if len(places) == 1 and None not in places:
                self.set_capture_target(places.pop())
        elif notes or self._selected_cluster() is not None:
            self.set_capture_target(self._selected_cluster())

    def _target_from_press(self, cell: str) -> None:
        """A click on an empty spot: its cell on a table; next to the previous note off one."""
        board = self.scene.board if self.scene is not None else None
        if board is not None and (cell or not board.cells):
            self.set_capture_target(cell or None)

    def _selected_cluster(self) -> str | None:
        assert self.scene is not None
        for item in self.scene.selectedItems():
            if isinstance(item, ClusterItem):
                return item.cluster.id
        ids = {i.note.cluster for i in self.scene.selectedItems() if isinstance(i, NoteItem)}
        return ids.pop() if len(ids) == 1 else None

    def _new_note_at(self, pos: QPointF) -> None:
        doc, scene = self.document, self.scene
        if doc is None or scene is None or scene.board_id is None:
            return
        cell = scene.cell_at(pos)
        board = scene.board
        assert board is not None
        kind = kind_in_cell(board.cell(cell) if cell else None, self.capture_kind)
        change = doc.apply(
            ops.add_note,
            scene.board_id,
            self.tr("New note"),
            kind=kind,
            x=pos.x() - 80,
            y=pos.y() - 50,
            cell=cell,
        )
        if change is not None and change.subjects[0] in scene.notes:
            item = scene.notes[change.subjects[0]]
            scene.clearSelection()
            item.setSelected(True)
            item.start_editing()

    def _typed_on_canvas(self, text: str) -> None:
        self.capture.type_in(text)

    def _kind_chosen(self, kind: str) -> None:
        self.capture_kind = kind
        if self.scene is not None and self.scene.selected_note_ids():
            assert self.document is not None
            self.document.apply(ops.set_kind, self.scene.selected_note_ids(), kind)

    def delete_selected(self) -> None:
        doc, scene = self.document, self.scene
        if doc is None or scene is None:
            return
        links = [i.link.id for i in scene.selectedItems() if isinstance(i, LinkItem)]
        notes = scene.selected_note_ids()
        if notes:
            doc.apply(ops.delete_notes, notes)
        elif links:
            doc.apply(ops.unlink, links[0])

    def edit_selected(self) -> None:
        if self.scene is not None:
            items = [i for i in self.scene.selectedItems() if isinstance(i, NoteItem)]
            if items:
                items[0].start_editing()

    def group_selected(self) -> None:
        doc, scene = self.document, self.scene
        if doc is None or scene is None or not scene.selected_note_ids():
            return
        name, ok = QInputDialog.getText(
            self,
            self.tr("Group"),
            self.tr("Group name:"),
            QLineEdit.EchoMode.Normal,
            self.tr("Group"),
        )
        if ok:
            ids = scene.selected_note_ids()
            # The group and its frame's tidy-up (neighbours moved out of it): one step.
            doc.apply_all(
                "group",
                lambda ws: ops.cluster_notes(ws, ids, name),
                lambda ws: clear_frame(ws, ws.note(ids[0]).cluster),
            )

    def ungroup_selected(self) -> None:
        doc, scene = self.document, self.scene
        if doc is None or scene is None:
            return
        cluster = self._selected_cluster()
        if cluster is not None:
            doc.apply(ops.ungroup, cluster)

    def _rename_cluster(self, cluster_id: str) -> None:
        assert self.document is not None and self.scene is not None
        item = self.scene.clusters.get(cluster_id)
        name, ok = QInputDialog.getText(
            self,
            self.tr("Rename group"),
            self.tr("Group name:"),
            QLineEdit.EchoMode.Normal,
            item.cluster.name if item else "",
        )
        if ok:
            self.document.apply(ops.rename_cluster, cluster_id, name)

    def copy_selected(self) -> None:
        if self.scene is not None and self.scene.board is not None:
            notes = [self.scene.board.notes[i] for i in self.scene.selected_note_ids()]
            if notes:
                QGuiApplication.clipboard().setMimeData(notes_to_mime(notes))

    def paste(self) -> None:
        mime = QGuiApplication.clipboard().mimeData()
        if not self._import_lines(mime, self._paste_point()):
            self._add_specs(specs_from_mime(mime, self._paste_point()))

    def _import_lines(self, mime: QMimeData, pos: QPointF) -> bool:
        """Text from another program onto a mind map: an outline under the central topic
        (see outline_import.py). False when it is not for a mind map, or is our own notes."""
        doc, scene = self.document, self.scene
        if doc is None or scene is None or scene.board is None or mime.hasFormat(NOTES_MIME):
            return False
        if layout_of(scene.board) != "mindmap" or not mime.text().strip():
            return False
        self.outline_import.import_text(doc, scene.board.id, mime.text(), (pos.x(), pos.y()))
        return True

    def duplicate_selected(self) -> None:
        if self.scene is None or self.scene.board is None:
            return
        notes = [self.scene.board.notes[i] for i in self.scene.selected_note_ids()]
        if notes:
            at = QPointF(min(n.x for n in notes) + 30, min(n.y for n in notes) + 30)
            self._add_specs(specs_from_mime(notes_to_mime(notes), at))

    def _paste_point(self) -> QPointF:
        pos = self.view.mapToScene(self.view.mapFromGlobal(self.cursor().pos()))
        if not self.view.viewport().rect().contains(self.view.mapFromScene(pos)):
            pos = self.view.mapToScene(self.view.viewport().rect().center())
        return pos

    def _add_specs(self, specs: list[ops.NoteSpec]) -> None:
        doc, scene = self.document, self.scene
        if not specs or doc is None or scene is None or scene.board_id is None:
            return
        change = doc.apply(ops.add_notes, scene.board_id, specs, label="add notes")
        if change is not None:
            scene.select_notes(scene.notes[n] for n in change.subjects if n in scene.notes)

    def _dropped(self, mime: QMimeData, pos: QPointF) -> None:
        doc, scene = self.document, self.scene
        if doc is None or scene is None or scene.board_id is None:
            return
        files = dropped_files(mime)
        if not files:
            if not self._import_lines(mime, pos):
                self._add_specs(specs_from_mime(mime, pos))
            return
        for path in files:
            self.outline_import.import_file(doc, scene.board_id, path, (pos.x(), pos.y()))
            pos = QPointF(pos.x(), pos.y() + 400)

    def show_deleted(self) -> None:
        if self.document is not None and self.scene is not None and self.scene.board:
            DeletedNotesDialog(self.document, self.scene.board.id, self).exec()

    # -- find ----------------------------------------------------------------------------
    def open_find(self) -> None:
        self.find_bar.open_bar()

    def _show_match(self, item: NoteItem) -> None:
        assert self.scene is not None
        self.scene.clearSelection()
        item.setSelected(True)
        self.view.centerOn(item)

    # -- files ---------------------------------------------------------------------------
    def new_workshop(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("New workshop"), "", self.tr("Workshops (*.pofacil)")
        )
        if not path:
            return
        path = path if path.endswith(".pofacil") else path + ".pofacil"
        title, ok = QInputDialog.getText(self, self.tr("New workshop"), self.tr("Title:"))
        if not ok:
            return
        try:
            self.set_session(Session.create(path, title=title, boards=[("blank", None)]))
        except PofacilError as exc:
            log.warning("cannot create %s: %s", path, exc)
            show_message(self, self.tr("Cannot create"), translate_error(exc))

    def open_workshop(self, path: str | None = None) -> None:
        if not path:
            path, _ = QFileDialog.getOpenFileName(
                self, self.tr("Open workshop"), "", self.tr("Workshops (*.pofacil)")
            )
        if path:
            session = open_session(self, Path(path))
            if session is not None:
                self.set_session(session)

    def save_copy(self) -> None:
        doc = self.document
        if doc is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save a copy"),
            str(doc.path.with_name(doc.path.stem + "-copy")),
            self.tr("Workshops (*.pofacil)"),
        )
        if not path:
            return
        dest = Path(path if path.endswith(".pofacil") else path + ".pofacil")
        if doc.save_copy(dest):
            if doc.saved:
                self.statusBar().showMessage(self.tr("Copy saved."), 5000)
            else:
                # The original cannot take changes any more: carry on in the copy.
                session = open_session(self, dest)
                if session is not None:
                    self.set_session(session)
        else:
            show_message(self, self.tr("Cannot save a copy"), self.statusBar().currentMessage())

    def import_boards(self) -> None:
        """File > Import boards from another workshop…: choose the file, then its boards; the
        first board imported is shown."""
        if self.document is None:
            return
        dialog = MergeDialog(self.document, self)
        if dialog.choose_file():
            dialog.exec()
        if dialog.merged is not None and self.scene is not None:
            self.scene.set_board(dialog.merged.board)
            self._rebuild_tabs()
            self.view.fit()

    def _remember_recent(self, path: Path) -> None:
        store = i18n.settings()
        recent = [p for p in _recent(store) if p != str(path)]
        store.setValue("recent", [str(path), *recent[: MAX_RECENT - 1]])
        self._fill_recent()

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for entry in _recent(i18n.settings()):
            action = self.recent_menu.addAction(no_mnemonic(entry))
            action.triggered.connect(lambda _=False, p=entry: self.open_workshop(p))
        self.recent_menu.setEnabled(not self.recent_menu.isEmpty())

    def preferences(self) -> None:
        PreferencesDialog(self).exec()
        if self.document is not None:
            self.actor_bar.attach(self.document.session)  # a name changed there counts now

    def workshop_details(self) -> None:
        if self.document is not None:
            WorkshopDetailsDialog(self.document, self).exec()

    # -- view ----------------------------------------------------------------------------
    def toggle_full_screen(self) -> None:
        if self.view.projector:
            self.toggle_projector()  # projector mode is full screen already: leave both
        elif self.placement.presenting:
            self.placement.leave_full_screen()
        else:
            self.placement.enter_full_screen()

    def toggle_projector(self) -> None:
        on = not self.view.projector
        self.view.set_projector(on)
        self.capture.set_large(on)
        for widget in (self.menuBar(), self.kind_palette, self.statusBar(), self.tab_row):
            widget.setVisible(not on)
        if on:
            self.placement.enter_full_screen()
        else:
            self.placement.leave_full_screen()
        self.projector_action.setChecked(on)
        self.view.fit()

    def _show_zoom(self, scale: float) -> None:
        self.zoom_label.setText(f"{scale * 100:.0f}%")

    def _context_menu(self, pos: QPoint) -> None:
        assert self.scene is not None
        item = self.view.itemAt(pos)
        if isinstance(item, NoteItem) and not item.isSelected():
            self.scene.clearSelection()
            item.setSelected(True)
        menu = QMenu(self)
        kinds = menu.addMenu(self.tr("Kind"))
        language = i18n.data_language()
        for kind in KINDS:
            action = kinds.addAction(kind.zh if language == "zh" else kind.en)
            action.setIcon(self.kind_palette.icon_for(kind.id))
            action.triggered.connect(lambda _=False, k=kind.id: self._kind_chosen(k))
        kinds.setEnabled(bool(self.scene.selected_note_ids()))
        for action in (
            self.edit_action,
            self.duplicate_action,
            self.group_action,
            self.ungroup_action,
            self.delete_action,
            self.deleted_action,
        ):
            menu.addAction(action)
        if isinstance(item, NoteItem) and self.document is not None:
            note, doc = item.note.id, self.document
            menu.addAction(self.tr("History…"), lambda: NoteHistoryDialog(doc, note, self).exec())
        menu.addSeparator()
        self.board_actions.fill_context_menu(menu)
        menu.exec(self.view.mapToGlobal(pos))

    # -- actions -------------------------------------------------------------------------
    def _select_all(self) -> None:
        if self.scene is not None:
            self.scene.select_notes(self.scene.notes.values(), add=True)

    def _action(
        self,
        menu: QMenu,
        text: str,
        slot: Callable[[], object],
        *keys: QKeySequence | QKeySequence.StandardKey | str,
    ) -> QAction:
        action = QAction(text, self)
        if keys:
            action.setShortcuts([QKeySequence(k) for k in keys])
        action.triggered.connect(slot)
        menu.addAction(action)
        self.addAction(action)  # shortcuts keep working while the menu bar is hidden
        return action

    def _build_actions(self) -> None:
        bar = self.menuBar()
        std = QKeySequence.StandardKey
        file_menu = self.file_menu = bar.addMenu(self.tr("&File"))
        self._action(file_menu, self.tr("&New workshop…"), self.new_workshop, "Ctrl+N")
        self._action(file_menu, self.tr("&Open…"), lambda: self.open_workshop(), "Ctrl+O")
        self.recent_menu = file_menu.addMenu(self.tr("Open &recent"))
        self.save_copy_action = self._action(
            file_menu, self.tr("Save a &copy…"), self.save_copy, "Ctrl+Shift+S"
        )
        self.import_boards_action = self._action(
            file_menu, self.tr("&Import boards from another workshop…"), self.import_boards
        )
        self.details_action = self._action(
            file_menu, self.tr("Workshop &details…"), self.workshop_details
        )
        file_menu.addSeparator()
        self.export_action = self._action(
            file_menu,
            self.tr("&Export…"),
            lambda: export_with_dialog(self, self.document) if self.document else None,
            "Ctrl+E",
        )
        self.export_all_action = self._action(
            file_menu,
            self.tr("Export &all boards as PDF"),
            lambda: export_all_boards(self, self.document) if self.document else None,
            "Ctrl+Shift+E",
        )
        file_menu.addSeparator()
        self._action(file_menu, self.tr("&Preferences…"), self.preferences)
        self._action(file_menu, self.tr("&Quit"), self.close, "Ctrl+Q")

        edit = bar.addMenu(self.tr("&Edit"))
        self.undo_action = self._action(edit, self.tr("&Undo"), self._undo, "Ctrl+Z")
        self.redo_action = self._action(
            edit, self.tr("&Redo"), self._redo, "Ctrl+Shift+Z", "Ctrl+Y"
        )
        edit.addSeparator()
        self._action(edit, self.tr("&Copy"), self.copy_selected, std.Copy)
        self._action(edit, self.tr("&Paste"), self.paste, std.Paste)
        self.duplicate_action = self._action(
            edit, self.tr("D&uplicate"), self.duplicate_selected, "Ctrl+D"
        )
        self.delete_action = self._action(
            edit, self.tr("&Delete"), self.delete_selected, "Del", "Backspace"
        )
        self.edit_action = self._action(edit, self.tr("&Edit note"), self.edit_selected, "F2")
        self._action(
            edit,
            self.tr("Select &all"),
            self._select_all,
            "Ctrl+A",
        )
        edit.addSeparator()
        self.group_action = self._action(edit, self.tr("&Group…"), self.group_selected, "Ctrl+G")
        self.ungroup_action = self._action(
            edit, self.tr("U&ngroup"), self.ungroup_selected, "Ctrl+Shift+G"
        )
        self.deleted_action = self._action(edit, self.tr("Deleted notes…"), self.show_deleted)
        edit.addSeparator()
        self._action(edit, self.tr("&Find…"), self.open_find, "Ctrl+F")
        self._action(
            edit, self.tr("Quick &capture"), lambda: self.capture.edit.setFocus(), "Ctrl+L"
        )

        view = bar.addMenu(self.tr("&View"))
        self._action(view, self.tr("&Fit to content"), self.view.fit, "Ctrl+0")
        self._action(view, self.tr("Zoom &in"), lambda: self.view.zoom_by(1.25), "Ctrl+=", "Ctrl++")
        self._action(view, self.tr("Zoom &out"), lambda: self.view.zoom_by(0.8), "Ctrl+-")
        view.addSeparator()
        self._action(view, self.tr("F&ull screen"), self.toggle_full_screen, "F11")
        self.projector_action = self._action(
            view, self.tr("&Projector mode"), self.toggle_projector, "F5"
        )
        self.projector_action.setCheckable(True)
        history = self.history_panel.toggleViewAction()
        history.setText(self.tr("&History"))
        history.setShortcut(QKeySequence("Ctrl+Shift+H"))
        view.addAction(history)
        self.addAction(history)

        board = self.board_menu = bar.addMenu(self.tr("&Board"))
        self._action(board, self.tr("&Add board…"), self.add_board)
        self._action(
            board, self.tr("&Rename board…"), lambda: self._rename_board(self.tabs.currentIndex())
        )
        self._action(
            board, self.tr("&Delete board"), lambda: self._tab_close(self.tabs.currentIndex())
        )
        board.addSeparator()
        self._action(
            board, self.tr("&Next board"), lambda: self.step_board(1), "Ctrl+PgDown", "Ctrl+Tab"
        )
        self._action(
            board,
            self.tr("&Previous board"),
            lambda: self.step_board(-1),
            "Ctrl+PgUp",
            "Ctrl+Shift+Tab",
        )

    def _undo(self) -> None:
        if self.document is not None:
            self.document.undo()

    def _redo(self) -> None:
        if self.document is not None:
            self.document.redo()

    def _update_undo_texts(self) -> None:
        """Undo and Redo say what they will do; read after a change only (it reads the file's
        newest history line), never on a selection change."""
        assert self.document is not None
        session = self.document.session
        for action, text, plain in (
            (self.undo_action, session.undo_text(), self.tr("&Undo")),
            (self.redo_action, session.redo_text(), self.tr("&Redo")),
        ):
            if text is None:
                action.setText(plain)
                continue
            what = QCoreApplication.translate("changes", text[0]).replace("{count}", str(text[1]))
            if "{detail}" in what:  # a merge's source file, kept in its label
                step = session.undo_label() if action is self.undo_action else session.redo_label()
                what = what.replace("{detail}", split_label(step or "")[1])
            label = self.tr("&Undo: %1") if action is self.undo_action else self.tr("&Redo: %1")
            action.setText(label.replace("%1", no_mnemonic(what)))

    def _update_actions(self) -> None:
        doc, scene = self.document, self.scene
        if doc is None or scene is None:
            return
        session = doc.session
        self.undo_action.setEnabled(session.can_undo())
        self.redo_action.setEnabled(session.can_redo())
        selected = bool(scene.selected_note_ids())
        for action in (self.duplicate_action, self.edit_action, self.group_action):
            action.setEnabled(selected)
        self.ungroup_action.setEnabled(self._selected_cluster() is not None)
        self.board_actions.update()

    def closeEvent(self, event: QCloseEvent) -> None:
        doc = self.document
        if doc is not None and not doc.saved:
            answer = show_message(
                self,
                self.tr("Changes not saved"),
                self.tr(
                    "The workshop file could not be written and some changes exist only "
                    "in memory. Quit anyway and lose them?"
                ),
                QMessageBox.Icon.Question,
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                event.ignore()
                return
        self.placement.save()
        self.room.close()  # nothing listens once the window is gone
        # Closing twice (a test harness, or quit during close) must not detach twice.
        scene, self.scene, self.document = self.scene, None, None
        if scene is not None:
            scene.detach()
        if doc is not None:
            doc.close()
        event.accept()
