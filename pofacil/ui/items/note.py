"""A sticky note on the board, and its in-place editor."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QLineF, QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QFocusEvent,
    QFontMetricsF,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPainterPath,
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

from pofacil.board.geometry import style
from pofacil.board.geometry.grid import Rect
from pofacil.board.geometry.items import fold_badge, note_text_box
from pofacil.board.model import Note
from pofacil.board.model.limits import SIZE_MAX, SIZE_MIN, TEXT_MAX

from .paint import color, font, qrect
from .vote_dots import paint_votes

if TYPE_CHECKING:
    from pofacil.ui.scene import BoardScene

HANDLE = 14.0  # px in scene units: the resize corner and the link knob
EDITOR_PX = 16
# What a note paints outside its paper: the "+n" badge above, the link knob and the badge to
# the right, the shadow and the thick "found" border below.
BLEED = QMarginsF(2, style.BADGE_RAISE + 2, HANDLE / 2 + 6, style.NOTE_SHADOW[1] + 4)


def fitted_pixel_size(text: str, width: float, height: float) -> int:
    """The largest text size at which ``text`` wraps inside width x height."""
    option = Qt.TextFlag.TextWordWrap
    for size in range(style.TEXT_MAX_PX, style.TEXT_MIN_PX - 1, -1):
        rect = QFontMetricsF(font(size)).boundingRect(QRectF(0, 0, width, 1e6), option, text)
        if rect.width() <= width + 0.5 and rect.height() <= height:
            return size
    return style.TEXT_MIN_PX


# Paint resources shared by every note: created once, not per note per frame.
_SHADOW = color("#000000", style.SHADOW_ALPHA)
_INK = color(style.INK)
_AUTHOR_INK = color(style.AUTHOR_INK)
_BORDER = QPen(color("#000000", style.NOTE_BORDER_ALPHA), style.NOTE_BORDER_WIDTH)
_SELECTED = QPen(color(style.ACCENT), 3)
_FOUND = QPen(color(style.FOUND), 5)
_HANDLE_PEN = QPen(color(style.ACCENT), style.BADGE_LINE)
_HANDLE_FILL = color("#FFFFFF")
_ACCENT = color(style.ACCENT)
_TEXT_OPTION = QTextOption(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
_TEXT_OPTION.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)


class NoteEditor(QGraphicsTextItem):
    """In-place editor: Enter commits, Shift+Enter is a new line, Esc cancels."""

    def __init__(self, item: NoteItem) -> None:
        super().__init__(item)
        self.note_item = item
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextEditorInteraction)
        self.setDefaultTextColor(_INK)
        self.setFont(font(EDITOR_PX))
        self.setPlainText(item.note.text)
        self.setPos(style.NOTE_PADDING / 2, style.NOTE_PADDING / 2)
        self.setTextWidth(item.note.w - style.NOTE_PADDING)
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
        for standard, step in (
            (QKeySequence.StandardKey.Undo, "undo"),
            (QKeySequence.StandardKey.Redo, "redo"),
        ):
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
        self._layout_key: tuple[object, ...] | None = None
        self._layout: tuple[QStaticText, QStaticText | None, int] | None = None
        self.min_text_px = style.TEXT_MIN_PX
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
        self._bounds = QRectF(0, 0, w, h).marginsAdded(BLEED)
        self._shape = QPainterPath()
        self._shape.addRect(QRectF(0, 0, w, h))
        self._shape.addEllipse(QPointF(w, h / 2), HANDLE / 2, HANDLE / 2)

    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:
        return self._shape

    def note_rect(self) -> QRectF:
        return QRectF(0, 0, *self._size)

    def text_box(self) -> QRectF:
        """Where the note's words wrap, in item coordinates."""
        return qrect(note_text_box(Rect(0, 0, *self._size), bool(self.note.author)))

    def badge_rect(self) -> QRectF:
        """The "+n" badge drawn while branches are folded under this note."""
        return qrect(fold_badge(Rect(0, 0, *self._size)))

    def _text_layout(self) -> tuple[QStaticText, QStaticText | None, int]:
        """The note's laid-out text, redone only when its text, size or minimum changes."""
        key = (self.note.text, self.note.author, self._size, self.min_text_px)
        if self._layout_key != key:
            box = self.text_box()
            size = max(
                fitted_pixel_size(self.note.text, box.width(), box.height()), self.min_text_px
            )
            text = QStaticText(self.note.text)
            text.setTextFormat(Qt.TextFormat.PlainText)
            text.setTextOption(_TEXT_OPTION)
            text.setTextWidth(box.width())
            text.prepare(font=font(size))
            author = None
            if self.note.author:
                author = QStaticText(self.note.author)
                author.setTextFormat(Qt.TextFormat.PlainText)
                author.prepare(font=font(self._author_px()))
            self._layout = (text, author, size)
            self._layout_key = key
        assert self._layout is not None
        return self._layout

    def _author_px(self) -> int:
        return max(style.AUTHOR_PX, self.min_text_px * 2 // 3)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        w, h = self._size
        rect = QRectF(0, 0, w, h)
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(_SHADOW)
        painter.drawRect(rect.translated(*style.NOTE_SHADOW))
        painter.setBrush(color(style.kind_fill(self.note.kind)))
        selected = self.isSelected()
        painter.setPen(_FOUND if self.highlighted else _SELECTED if selected else _BORDER)
        painter.drawRoundedRect(rect, style.NOTE_RADIUS, style.NOTE_RADIUS)
        # Text smaller than this on screen is noise: the note is a clean block of its colour
        # (and, zoomed out over a whole table, its text is not even laid out).
        legible = style.TEXT_MAX_PX * lod >= style.TEXT_LEGIBLE_PX
        if legible:
            text, author, size = self._text_layout()
            legible = size * lod >= style.TEXT_LEGIBLE_PX
        if legible:
            if self.editor is None:
                author_h = style.AUTHOR_BAND if author is not None else 0
                painter.save()
                painter.setClipRect(rect.adjusted(2, 2, -2, -2 - author_h))
                painter.setFont(font(size))
                painter.setPen(_INK)
                painter.drawStaticText(self.text_box().topLeft(), text)
                painter.restore()
            if author is not None and self._author_px() * lod >= style.TEXT_LEGIBLE_PX:
                painter.setFont(font(self._author_px()))
                painter.setPen(_AUTHOR_INK)
                corner = QPointF(
                    w - style.NOTE_PADDING - author.size().width(),
                    h - style.AUTHOR_INSET - author.size().height(),
                )
                painter.drawStaticText(corner, author)
        if self.hidden_below:
            painter.setFont(font(style.BADGE_PX))
            badge = self.badge_rect()
            painter.setPen(_HANDLE_PEN)
            painter.setBrush(_HANDLE_FILL)
            painter.drawRoundedRect(badge, style.BADGE_RADIUS, style.BADGE_RADIUS)
            painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, f"+{self.hidden_below}")
        paint_votes(painter, self)
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
            self._size = (
                min(max(SIZE_MIN, round(w + delta.x())), SIZE_MAX),
                min(max(SIZE_MIN, round(h + delta.y())), SIZE_MAX),
            )
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
            editor.setParentItem(None)  # type: ignore[arg-type]
            if editor.scene() is not None:
                editor.scene().removeItem(editor)
        self.update()
        if text is not None and text.strip() and text.strip() != self.note.text:
            self.board_scene().finish_edit(self, text)
