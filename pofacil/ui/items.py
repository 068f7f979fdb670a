"""Board items: they paint the model and report gestures to the scene; they never write the model."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFocusEvent,
    QFont,
    QFontMetricsF,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPen,
    QStaticText,
    QTextOption,
)
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsSceneMouseEvent,
    QGraphicsTextItem,
    QStyleOptionGraphicsItem,
    QWidget,
)

from pofacil.board.model import Cluster, Link, Note
from pofacil.board.model.kinds import KINDS
from pofacil.board.model.limits import SIZE_MAX, SIZE_MIN, TEXT_MAX

if TYPE_CHECKING:
    from .scene import BoardScene

HANDLE = 14.0  # px in scene units: the resize corner and the link knob
MAX_TEXT_PX = 22
MIN_TEXT_PX = 9
AUTHOR_PX = 12
PADDING = 8.0


@cache
def _font(pixel_size: int) -> QFont:
    """One font object per size: building fonts in paint() costs more than drawing."""
    font = QFont()
    font.setPixelSize(pixel_size)
    return font


def fitted_pixel_size(text: str, width: float, height: float) -> int:
    """The largest text size at which ``text`` wraps inside width x height."""
    option = Qt.TextFlag.TextWordWrap
    for size in range(MAX_TEXT_PX, MIN_TEXT_PX - 1, -1):
        rect = QFontMetricsF(_font(size)).boundingRect(QRectF(0, 0, width, 1e6), option, text)
        if rect.width() <= width + 0.5 and rect.height() <= height:
            return size
    return MIN_TEXT_PX


# Paint resources shared by every note: created once, not per note per frame.
_SHADOW = QColor(0, 0, 0, 45)
_INK = QColor("#111111")
_AUTHOR_INK = QColor("#1A1A1A")  # readable on every kind's color, even brown
_BORDER = QPen(QColor(0, 0, 0, 90), 1)
_SELECTED = QPen(QColor("#1C3FAA"), 3)
_FOUND = QPen(QColor("#E8590C"), 5)
_HANDLE_PEN = QPen(QColor("#1C3FAA"), 1.5)
_HANDLE_FILL = QColor("#FFFFFF")
_ACCENT = QColor("#1C3FAA")
_FILLS = {k.id: QColor(k.color) for k in KINDS}
_TEXT_OPTION = QTextOption(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
_TEXT_OPTION.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
# Below this zoom a note's words are too small to read anyway: draw the colored paper only.
TEXT_LOD = 0.3


class NoteEditor(QGraphicsTextItem):
    """In-place editor: Enter commits, Shift+Enter is a new line, Esc cancels."""

    def __init__(self, item: NoteItem) -> None:
        super().__init__(item)
        self.note_item = item
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextEditorInteraction)
        self.setDefaultTextColor(QColor("#111111"))
        self.setFont(_font(16))
        self.setPlainText(item.note.text)
        self.setPos(PADDING / 2, PADDING / 2)
        self.setTextWidth(item.note.w - PADDING)
        self._done = False
        self._length = len(item.note.text)
        self.document().contentsChanged.connect(self._keep_within_limit)

    def _keep_within_limit(self) -> None:
        # Enter closes the editor either way, so text the model would refuse as too long
        # would be lost: take back the typing or paste that went past the limit instead.
        # Only growth is taken back, so a longer note from an older file can still shrink.
        length = len(self.toPlainText())
        if length > TEXT_MAX and length > self._length:
            self.document().undo()
            return
        self._length = length

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                self.textCursor().insertText("\n")
            else:
                self.finish(commit=True)
            return
        if key == Qt.Key.Key_Escape:
            self.finish(commit=False)
            return
        for standard, step in ((QKeySequence.StandardKey.Undo, "undo"),
                               (QKeySequence.StandardKey.Redo, "redo")):
            if event.matches(standard):
                # The workshop's undo, not the text box's own: drop this edit, then step.
                document = self.note_item.board_scene().document
                self.finish(commit=False)
                getattr(document, step)()
                return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.finish(commit=True)

    def finish(self, commit: bool) -> None:
        if self._done:
            return
        self._done = True
        self.note_item.editing_finished(self.toPlainText() if commit else None)


class NoteItem(QGraphicsItem):
    """A sticky note in its kind's color, text shrunk to fit, the speaker shown small."""

    def __init__(self, note: Note) -> None:
        super().__init__()
        self.note = note
        self.highlighted = False
        self.hidden_below = 0  # notes folded away under this one in a mind map
        self._layout_key: tuple | None = None
        self._layout: tuple[QStaticText, QStaticText | None, int] | None = None
        self.min_text_px = MIN_TEXT_PX
        self.editor: NoteEditor | None = None
        self._gesture: str | None = None  # "resize" or "link" while a handle is dragged
        self._size: tuple[float, float] = (note.w, note.h)
        self._sized()
        self._press: tuple[QPointF, tuple[float, float]] = (QPointF(), self._size)
        flags = QGraphicsItem.GraphicsItemFlag
        # No ItemSendsGeometryChanges: the scene tells frames and links when it moves notes,
        # rather than a Python itemChange() per note on every step of a drag or a relayout.
        self.setFlags(flags.ItemIsMovable | flags.ItemIsSelectable | flags.ItemIsFocusable)
        self.setAcceptHoverEvents(True)
        # Repainting from a cached pixmap keeps Python out of pans and of drags of other notes:
        # a board of 1,000 notes repaints 4x slower when every note runs paint() each frame.
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.setZValue(10)
        self.setPos(note.x, note.y)

    def board_scene(self) -> BoardScene:
        return self.scene()  # type: ignore[return-value]

    def set_note(self, note: Note) -> None:
        if (note.w, note.h) != self._size:
            self.prepareGeometryChange()
            self._size = (note.w, note.h)
            self._sized()
        self.note = note  # the scene places the item: a note in a grid cell flows in its cell
        self.update()

    def _sized(self) -> None:
        """Work out the rects Qt asks for on every paint and hit test once per size: a pan
        frame of a 5,000-note board asks for the bounding rect some 11,000 times."""
        w, h = self._size
        self._bounds = QRectF(-2, -12, w + HANDLE / 2 + 8, h + 20)
        self._shape = QPainterPath()
        self._shape.addRect(QRectF(0, 0, w, h))
        self._shape.addEllipse(QPointF(w, h / 2), HANDLE / 2, HANDLE / 2)

    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:
        return self._shape

    def note_rect(self) -> QRectF:
        return QRectF(0, 0, *self._size)

    def _text_layout(self) -> tuple[QStaticText, QStaticText | None, int]:
        """The note's laid-out text, redone only when its text, size or minimum changes."""
        key = (self.note.text, self.note.author, self._size, self.min_text_px)
        if self._layout_key != key:
            w, h = self._size
            author_h = AUTHOR_PX + 4 if self.note.author else 0
            width, height = w - 2 * PADDING, h - 2 * PADDING - author_h
            size = max(fitted_pixel_size(self.note.text, width, height), self.min_text_px)
            text = QStaticText(self.note.text)
            text.setTextFormat(Qt.TextFormat.PlainText)
            text.setTextOption(_TEXT_OPTION)
            text.setTextWidth(width)
            text.prepare(font=_font(size))
            author = None
            if self.note.author:
                author = QStaticText(self.note.author)
                author.setTextFormat(Qt.TextFormat.PlainText)
                author.prepare(font=_font(self._author_px()))
            self._layout = (text, author, size)
            self._layout_key = key
        return self._layout

    def _author_px(self) -> int:
        return max(AUTHOR_PX, self.min_text_px * 2 // 3)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        w, h = self._size
        rect = QRectF(0, 0, w, h)
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(_SHADOW)
        painter.drawRect(rect.translated(3, 4))
        painter.setBrush(_FILLS.get(self.note.kind, _HANDLE_FILL))
        selected = self.isSelected()
        painter.setPen(_FOUND if self.highlighted else _SELECTED if selected else _BORDER)
        painter.drawRoundedRect(rect, 4, 4)
        if lod >= TEXT_LOD:
            text, author, size = self._text_layout()
            if self.editor is None:
                author_h = AUTHOR_PX + 4 if author is not None else 0
                painter.save()
                painter.setClipRect(rect.adjusted(2, 2, -2, -2 - author_h))
                painter.setFont(_font(size))
                painter.setPen(_INK)
                painter.drawStaticText(QPointF(PADDING, PADDING), text)
                painter.restore()
            if author is not None:
                painter.setFont(_font(self._author_px()))
                painter.setPen(_AUTHOR_INK)
                corner = QPointF(w - PADDING - author.size().width(),
                                 h - 4 - author.size().height())
                painter.drawStaticText(corner, author)
        if self.hidden_below:
            painter.setFont(_font(13))
            badge = QRectF(w - 34, -10, 40, 22)
            painter.setPen(_HANDLE_PEN)
            painter.setBrush(_HANDLE_FILL)
            painter.drawRoundedRect(badge, 10, 10)
            painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, f"+{self.hidden_below}")
        if selected:
            painter.setPen(_HANDLE_PEN)
            painter.setBrush(_HANDLE_FILL)
            painter.drawEllipse(QPointF(w, h / 2), HANDLE / 2 - 2, HANDLE / 2 - 2)
            corner_path = QPainterPath()
            corner_path.moveTo(w, h - HANDLE)
            corner_path.lineTo(w, h)
            corner_path.lineTo(w - HANDLE, h)
            corner_path.closeSubpath()
            painter.setBrush(_ACCENT)
            painter.drawPath(corner_path)

    def _handle_at(self, pos: QPointF) -> str | None:
        if not self.isSelected():
            return None
        w, h = self._size
        if QLineF(pos, QPointF(w, h / 2)).length() <= HANDLE / 2:
            return "link"
        if pos.x() >= w - HANDLE and pos.y() >= h - HANDLE:
            return "resize"
        return None

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        self._gesture = self._handle_at(event.pos())
        if self._gesture is None:
            super().mousePressEvent(event)
            return
        event.accept()
        self._press = (event.pos(), self._size)
        if self._gesture == "link":
            self.board_scene().start_link(self)

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self._gesture == "resize":
            pressed, (w, h) = self._press
            delta = event.pos() - pressed
            self.prepareGeometryChange()
            self._size = (min(max(SIZE_MIN, round(w + delta.x())), SIZE_MAX),
                          min(max(SIZE_MIN, round(h + delta.y())), SIZE_MAX))
            self._sized()
            self.update()
            self.board_scene().note_geometry_changed(self)
        elif self._gesture == "link":
            self.board_scene().drag_link(event.scenePos())
        else:
            super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        gesture, self._gesture = self._gesture, None
        if gesture == "resize":
            self.board_scene().finish_resize(self, *self._size)
        elif gesture == "link":
            self.board_scene().finish_link(self, event.scenePos())
        else:
            super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        self.start_editing()

    def start_editing(self) -> NoteEditor:
        if self.editor is None:
            self.editor = NoteEditor(self)
            self.update()
        self.editor.setFocus(Qt.FocusReason.OtherFocusReason)
        cursor = self.editor.textCursor()
        cursor.select(cursor.SelectionType.Document)
        self.editor.setTextCursor(cursor)
        return self.editor

    def editing_finished(self, text: str | None) -> None:
        editor, self.editor = self.editor, None
        if editor is not None:
            editor.setParentItem(None)
            if editor.scene() is not None:
                editor.scene().removeItem(editor)
        self.update()
        if text is not None and text.strip() and text.strip() != self.note.text:
            self.board_scene().finish_edit(self, text)


class ClusterItem(QGraphicsItem):
    """A named frame around its notes; dragging the frame drags its notes."""

    MARGIN = 16.0
    TITLE = 30.0

    def __init__(self, cluster: Cluster) -> None:
        super().__init__()
        self.cluster = cluster
        self.count = 0
        self._rect = QRectF()
        self._drag_from: QPointF | None = None
        self.setZValue(1)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, True)

    def set_cluster(self, cluster: Cluster) -> None:
        self.cluster = cluster
        self.update()

    def fit(self, members: list[NoteItem]) -> None:
        """Wrap the frame around the notes it holds."""
        rect = QRectF()
        for item in members:
            rect = rect.united(item.note_rect().translated(item.pos()))
        rect = rect.adjusted(-self.MARGIN, -self.MARGIN - self.TITLE, self.MARGIN, self.MARGIN)
        self.count = len(members)
        if rect != self._rect:
            self.prepareGeometryChange()
            self._rect = rect
        self.update()

    def frame(self) -> QRectF:
        return QRectF(self._rect)

    def boundingRect(self) -> QRectF:
        return self._rect.adjusted(-3, -3, 3, 3)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        color = QColor(self.cluster.color)
        fill = QColor(color)
        fill.setAlpha(38)
        painter.setBrush(fill)
        painter.setPen(QPen(color, 4 if self.isSelected() else 2.5))
        painter.drawRoundedRect(self._rect, 10, 10)
        painter.setPen(color.darker(140))
        painter.setFont(_font(18))
        title = QRectF(self._rect.left() + 12, self._rect.top() + 4, self._rect.width() - 24,
                       self.TITLE)
        painter.drawText(title, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         f"{self.cluster.name} ({self.count})")

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        self._drag_from = event.scenePos()
        self.board_scene().begin_cluster_drag(self)
        event.accept()

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self._drag_from is not None:
            delta = event.scenePos() - self._drag_from
            self._drag_from = event.scenePos()
            self.board_scene().drag_cluster(self, delta)

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        self._drag_from = None
        self.board_scene().finish_cluster_drag(self)

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        self.board_scene().rename_cluster_requested.emit(self.cluster.id)

    def board_scene(self) -> BoardScene:
        return self.scene()  # type: ignore[return-value]


class LinkItem(QGraphicsItem):
    """A line between two notes: solid with an arrow for a mind-map child, dashed for a link."""

    def __init__(self, link: Link) -> None:
        super().__init__()
        self.link = link
        self._line = QLineF()
        self.setZValue(5)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, True)

    def set_ends(self, a: NoteItem, b: NoteItem) -> None:
        """From the edge of one note to the edge of the other, so the arrowhead shows."""
        rect_a = a.note_rect().translated(a.pos())
        rect_b = b.note_rect().translated(b.pos())
        centers = QLineF(rect_a.center(), rect_b.center())
        start = _edge_crossing(rect_a, centers) or centers.p1()
        end = _edge_crossing(rect_b, centers) or centers.p2()
        line = QLineF(start, end)
        if line != self._line:
            self.prepareGeometryChange()
            self._line = line

    def boundingRect(self) -> QRectF:
        return QRectF(self._line.p1(), self._line.p2()).normalized().adjusted(-12, -12, 12, 12)

    def shape(self) -> QPainterPath:
        path = QPainterPath(self._line.p1())
        path.lineTo(self._line.p2())
        stroker = QPainterPathStroker()
        stroker.setWidth(12)
        return stroker.createStroke(path)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        color = QColor("#1C3FAA") if self.isSelected() else QColor("#495057")
        pen = QPen(color, 3.5 if self.isSelected() else 2.5)
        if self.link.kind != "child":
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.drawLine(self._line)
        if self.link.kind == "child" and self._line.length() > 14:
            tip = self._line.p2()
            unit = self._line.unitVector()
            d = QPointF(unit.dx(), unit.dy()) * 12
            n = QPointF(-d.y(), d.x()) * 0.5
            painter.setBrush(QBrush(color))
            painter.drawPolygon([tip, tip - d + n, tip - d - n])


def _edge_crossing(rect: QRectF, line: QLineF) -> QPointF | None:
    """Where ``line`` crosses the border of ``rect`` (None when it does not)."""
    corners = [rect.topLeft(), rect.topRight(), rect.bottomRight(), rect.bottomLeft()]
    for i in range(4):
        kind, point = line.intersects(QLineF(corners[i], corners[(i + 1) % 4]))
        if kind == QLineF.IntersectionType.BoundedIntersection:
            return point
    return None
