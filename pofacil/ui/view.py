"""The board view: zoom, pan, fit, and projector mode."""

from __future__ import annotations

import math
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QMimeData, QPointF, QRect, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QInputMethodEvent,
    QKeyEvent,
    QMouseEvent,
    QNativeGestureEvent,
    QPainter,
    QPixmapCache,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QGestureEvent, QGraphicsView, QWidget

from .capture import target_step
from .clipboard import dropped_files
from .items import NoteEditor, NoteItem
from .projector import Caption, Strip, Tour, draw_cell_labels, readable_px
from .scene import BoardScene

MIN_SCALE = 0.1
MAX_SCALE = 6.0
FIT_MARGIN = 40.0  # board units left around what a fit shows
# Notes, frames and links repaint from device-coordinate pixmaps in Qt's pixmap cache. Its
# default 10 MB is about one screenful, and a frame or a long link across the screen takes a
# screenful by itself: the notes' pixmaps were evicted and every pan frame painted them again
# in Python. 64 MB keeps a few screenfuls.
PIXMAP_CACHE_KB = 64 * 1024


class BoardView(QGraphicsView):
    """Shows a board; typing on it goes to quick capture."""

    typed = Signal(str)  # printable text typed on the canvas with no input method composing
    zoom_changed = Signal(float)
    dropped = Signal(QMimeData, QPointF)  # text or files dropped from another program
    tab_pressed = Signal()  # mind map: add a child to the selected note
    enter_pressed = Signal()  # mind map: add a sibling
    target_stepped = Signal(int, int)  # Alt+arrow: move the capture target (columns, rows)
    leave_projector = Signal()  # Esc in projector mode
    # The board's area changed size. What is laid over it follows this rather than filter the
    # viewport's events: a Python event filter there runs for each move and paint of a drag.
    viewport_resized = Signal()
    projector_toggled = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.MinimalViewportUpdate)
        self.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.viewport().grabGesture(Qt.GestureType.PinchGesture)
        self.setAcceptDrops(True)
        QPixmapCache.setCacheLimit(max(QPixmapCache.cacheLimit(), PIXMAP_CACHE_KB))
        self.projector = False
        self.tour = Tour(self)
        self.caption = Caption(self, self.viewport())
        self.stop_title = Strip(self, self.viewport(), top=True)  # where a tour stop is
        self._space = False
        self._pan_from: QPointF | None = None
        # Where a composition started on the canvas goes (the quick-capture line); see
        # inputMethodEvent.
        self.compose_into: QWidget | None = None

    def board_scene(self) -> BoardScene:
        return self.scene()  # type: ignore[return-value]

    # -- zoom ----------------------------------------------------------------------------
    def scale_factor(self) -> float:
        return self.transform().m11()

    def zoom_by(self, factor: float) -> None:
        current = self.scale_factor()
        target = min(MAX_SCALE, max(MIN_SCALE, current * factor))
        if not math.isclose(target, current):
            self.scale(target / current, target / current)
            self.zoom_changed.emit(target)

    def set_zoom(self, scale: float) -> None:
        self.zoom_by(scale / self.scale_factor())

    def fit(self) -> None:
        """Show everything on the board, in projector mode too: too small to read, the notes
        are blocks and the cells say their names and counts; the tour zooms in to read."""
        rect = self.board_scene().itemsBoundingRect()
        if rect.isEmpty():
            rect = QRectF(0, 0, 800, 600)
        self.tour.reset()
        self.stop_title.hide()
        self.show_rect(rect)

    def show_rect(self, rect: QRectF) -> None:
        """Fit ``rect`` and a margin into the view (a tour stop, a whole board)."""
        rect = rect.adjusted(-FIT_MARGIN, -FIT_MARGIN, FIT_MARGIN, FIT_MARGIN)
        self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)
        scale = self.scale_factor()
        clamped = min(MAX_SCALE, max(MIN_SCALE, scale))
        if not math.isclose(clamped, scale):
            self.scale(clamped / scale, clamped / scale)
            self.centerOn(rect.center())
        self.zoom_changed.emit(self.scale_factor())

    def reveal(self, rect: QRectF, margin: int = 40) -> None:
        """Scroll just enough to show ``rect`` (a new note), not at all if it is in view: a
        board that jumped under the room's eyes loses their place."""
        visible = self.mapToScene(self.viewport().rect()).boundingRect()
        if visible.contains(rect):
            return
        self.ensureVisible(rect, margin, margin)

    def set_projector(self, on: bool) -> None:
        self.projector = on
        self._apply_text_rule()
        self.setBackgroundBrush(QColor("#FFFFFF") if on else QColor("#F8F9FA"))
        self.tour.reset()
        self.stop_title.hide()
        self.show_caption()
        self.projector_toggled.emit(on)

    def _apply_text_rule(self) -> None:
        # The view's height, not the viewport's: the tour's title strip takes some of that.
        px = readable_px(self.height()) if self.projector else 0
        scene = self.board_scene()
        if scene is not None and scene.min_text_px != px:
            scene.set_min_text_px(px)

    def show_caption(self) -> None:
        """Projector mode: the one selected note's full text in the caption strip."""
        scene = self.board_scene()
        selected = [i for i in scene.selectedItems() if isinstance(i, NoteItem)] if scene else []
        self.caption.show_note(selected[0] if len(selected) == 1 else None, self.projector)

    def setScene(self, scene: BoardScene) -> None:  # type: ignore[override]
        old = self.board_scene()
        if old is not None:
            old.selectionChanged.disconnect(self.show_caption)
            old.scroll_rect_changed.disconnect(self.setSceneRect)
        super().setScene(scene)
        scene.selectionChanged.connect(self.show_caption)
        # The scroll bars reach the board's bounds, not the wider area Qt's index covers.
        scene.scroll_rect_changed.connect(self.setSceneRect)
        self.setSceneRect(scene.scroll_rect())
        self._apply_text_rule()
        self.tour.reset()
        self.show_caption()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.projector:
            self._apply_text_rule()
            self.show_caption()

    def drawForeground(self, painter: QPainter, rect: QRectF | QRect) -> None:
        super().drawForeground(painter, rect)
        if self.projector:
            draw_cell_labels(self, painter, QRectF(rect))

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.zoom_by(math.pow(1.0015, event.angleDelta().y()))
            event.accept()
            return
        super().wheelEvent(event)

    def viewportEvent(self, event: QEvent) -> bool:
        # Every event of the board's area passes here, a drag's moves and paints included:
        # told apart by their Python class, not by type(), which builds an enum each call.
        if isinstance(event, QNativeGestureEvent) and (
            event.gestureType() == Qt.NativeGestureType.ZoomNativeGesture
        ):
            self.zoom_by(1.0 + event.value())
            return True
        if isinstance(event, QGestureEvent):
            pinch = event.gesture(Qt.GestureType.PinchGesture)
            if pinch is not None:
                self.zoom_by(pinch.scaleFactor())  # type: ignore[attr-defined]
                return True
        handled = super().viewportEvent(event)
        if isinstance(event, QResizeEvent):
            self.viewport_resized.emit()
        return handled

    # -- pan -----------------------------------------------------------------------------
    def _start_pan(self, event: QMouseEvent) -> None:
        self._pan_from = event.position()
        self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.MiddleButton or (
            self._space and event.button() == Qt.MouseButton.LeftButton
        ):
            self._start_pan(event)
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._pan_from is not None:
            delta = event.position() - self._pan_from
            self._pan_from = event.position()
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() - int(delta.x()))
            self.verticalScrollBar().setValue(self.verticalScrollBar().value() - int(delta.y()))
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._pan_from is not None:
            self._pan_from = None
            self.viewport().unsetCursor()
            event.accept()
            return
        super().mouseReleaseEvent(event)

    # -- typing goes to quick capture --------------------------------------------------
    def _editing(self) -> bool:
        return isinstance(self.scene().focusItem() if self.scene() else None, NoteEditor)

    def event(self, event: QEvent) -> bool:
        # Tab would move keyboard focus to the next widget before keyPressEvent sees it.
        if (
            event.type() == QEvent.Type.KeyPress
            and not self._editing()
            and event.key() == Qt.Key.Key_Tab  # type: ignore[attr-defined]
            and not event.modifiers()  # type: ignore[attr-defined]
        ):
            self.tab_pressed.emit()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.projector and not self._editing() and not event.modifiers():
            page = {Qt.Key.Key_PageDown: 1, Qt.Key.Key_PageUp: -1}.get(Qt.Key(event.key()))
            if page is not None:
                self.tour.step(page)
                return
            if event.key() == Qt.Key.Key_Escape:
                self.leave_projector.emit()
                return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not self._editing():
            self.enter_pressed.emit()
            return
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat() and not self._editing():
            self._space = True
            self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
            return
        step = target_step(event)
        if step is not None and not self._editing():
            self.target_stepped.emit(*step)
            return
        text = event.text()
        no_command = not event.modifiers() & (
            Qt.KeyboardModifier.ControlModifier
            | Qt.KeyboardModifier.AltModifier
            | Qt.KeyboardModifier.MetaModifier
        )
        if not self._editing() and no_command and text and text.isprintable():
            self.typed.emit(text)
            return
        super().keyPressEvent(event)

    def keyReleaseEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat() and self._space:
            self._space = False
            self.viewport().unsetCursor()
            return
        super().keyReleaseEvent(event)

    # An input method only sees keys while the focus object says it takes them. The canvas has
    # no text item in focus unless a note is being edited, so Qt's view answered "no": the
    # first key of "u,4j4" (業務 in Zhuyin) arrived as a plain "u", and the rest composed
    # without it. So the canvas takes input-method events for the capture line: it shows the
    # composition there, and hands over the focus once the text is committed (moving the focus
    # mid-composition makes Qt commit the raw keys typed so far).
    def _composing_for(self) -> QWidget | None:
        return None if self._editing() else self.compose_into

    def inputMethodQuery(self, query: Qt.InputMethodQuery) -> Any:
        target = self._composing_for()
        if target is None:
            return super().inputMethodQuery(query)
        if query == Qt.InputMethodQuery.ImEnabled:
            return True
        value = target.inputMethodQuery(query)
        if isinstance(value, QRect | QRectF):  # the candidate window opens by the line
            rect = QRectF(value)
            top_left = self.mapFromGlobal(target.mapToGlobal(rect.topLeft().toPoint()))
            return QRectF(QPointF(top_left), rect.size())
        return value

    def inputMethodEvent(self, event: QInputMethodEvent) -> None:
        target = self._composing_for()
        if target is None:
            super().inputMethodEvent(event)
            return
        forwarded = QInputMethodEvent(event.preeditString(), event.attributes())
        forwarded.setCommitString(
            event.commitString(), event.replacementStart(), event.replacementLength()
        )
        QCoreApplication.sendEvent(target, forwarded)
        event.accept()
        if event.commitString() and not event.preeditString():
            target.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- drops from other programs -----------------------------------------------------
    @staticmethod
    def _droppable(mime: QMimeData) -> bool:
        return bool(dropped_files(mime)) or (mime.hasText() and not mime.hasUrls())

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._droppable(event.mimeData()):
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if self._droppable(event.mimeData()):
            event.acceptProposedAction()
        else:
            super().dragMoveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        if self._droppable(event.mimeData()):
            event.acceptProposedAction()
            self.dropped.emit(event.mimeData(), self.mapToScene(event.position().toPoint()))
        else:
            super().dropEvent(event)
