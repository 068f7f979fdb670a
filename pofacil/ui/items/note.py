"""A sticky note on the board, and its in-place editor."""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from PySide6.QtCore import QLineF, QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QFocusEvent,
    QFontMetricsF,
    QGuiApplication,
    QInputMethodEvent,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPainterPath,
    QPen,
    QStaticText,
    QTextOption,
    QTransform,
)
from PySide6.QtWidgets import (
    QGraphicsRectItem,
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
from .pixmaps import FACE_PHASES, Ahead, Spot, draw_ahead, paint_paper, spot
from .selection import HANDLE, HANDLE_FILL, HANDLE_PEN, NO_SHAPE, paint_selection, selection_bounds
from .vote_dots import paint_votes

if TYPE_CHECKING:
    from pofacil.ui.scene import BoardScene

EDITOR_PX = 16
# What a note and its children paint outside its paper: the selection's outline all round,
# the "+n" badge above, the link knob and the badge to the right, the shadow and the thick
# "found" border below.
BLEED = QMarginsF(3, style.BADGE_RAISE + 2, HANDLE / 2 + 6, style.NOTE_SHADOW[1] + 4)


_WRAP = Qt.TextFlag.TextWordWrap
_SELECTED_CHANGED = QGraphicsRectItem.GraphicsItemChange.ItemSelectedHasChanged
_SCENE_CHANGED = QGraphicsRectItem.GraphicsItemChange.ItemSceneHasChanged
# What paint() draws of the note itself. A move, an undo of one, a new slot in a cell change
# none of it and keep the cached pixmaps: repainting each moved note's words cost an undo of
# a 100-note table drag, and the next drag's frames as those notes came back into view, a
# Python paint per note. (The dots a vote round shows are vote mode's to repaint.)
_DRAWN_FIELDS = ("text", "kind", "author", "votes")


def fitted_pixel_size(text: str, width: float, height: float) -> int:
    """The largest text size at which ``text`` wraps inside width x height."""

    def fits(size: int) -> bool:
        rect = QFontMetricsF(font(size)).boundingRect(QRectF(0, 0, width, 1e6), _WRAP, text)
        return rect.width() <= width + 0.5 and rect.height() <= height

    if fits(style.TEXT_MAX_PX):
        return style.TEXT_MAX_PX
    # A smaller size wraps into the same or fewer lines, so a binary search finds what a scan
    # down from the largest would (as the PDF's fit does): a few measures, not up to 13.
    low, high, best = style.TEXT_MIN_PX, style.TEXT_MAX_PX - 1, style.TEXT_MIN_PX
    while low <= high:
        mid = (low + high) // 2
        if fits(mid):
            best, low = mid, mid + 1
        else:
            high = mid - 1
    return best


def elided(text: str, size: int, width: float, height: float) -> tuple[str, QStaticText]:
    """``text`` as it fits the box at ``size``: whole, or the longest start of it that fits
    followed by "…" (never silently cut off; the full text is in the caption and the record),
    and laid out as measured, so it is not laid out again to be drawn. Measured as drawn, by
    QStaticText: its lines are a little taller than the font metrics' wrapped bounding box
    says, and a last line measured that way ran into the author's band."""

    def fitting(words: str) -> QStaticText | None:
        laid = static_text(words, width, size)
        size_ = laid.size()
        return laid if size_.width() <= width + 0.5 and size_.height() <= height + 0.5 else None

    whole = fitting(text)
    if whole is not None:
        return text, whole
    low, high = 0, len(text)  # the longest prefix that fits with its ellipsis: a search
    while low < high:
        mid = (low + high + 1) // 2
        if fitting(text[:mid].rstrip() + ELLIPSIS) is not None:
            low = mid
        else:
            high = mid - 1
    words = text[:low].rstrip() + ELLIPSIS
    return words, static_text(words, width, size)


@lru_cache(maxsize=4096)
def band_label(text: str, size: int, room: float | None = None) -> QStaticText | None:
    """A kind's tag or an author's name laid out once for every note that shows it (a few
    dozen speakers and kinds on thousands of notes), elided to ``room`` when given; None when
    nothing of it fits."""
    if room is not None:
        text = QFontMetricsF(font(size)).elidedText(text, Qt.TextElideMode.ElideRight, room)
    return static_text(text, None, size) if text else None


def static_text(text: str, width: float | None, size: int) -> QStaticText:
    """Plain ``text`` laid out once; QStaticText drops "\n", so line breaks become Unicode
    line separators, which it keeps."""
    out = QStaticText(text.replace("\r\n", "\n").replace("\n", "\u2028"))
    out.setTextFormat(Qt.TextFormat.PlainText)
    if width is not None:
        out.setTextOption(_TEXT_OPTION)
        out.setTextWidth(width)
    out.prepare(font=font(size))
    return out


@dataclass(frozen=True)
class NoteLayout:
    """A note's words as drawn at one zoom: body (None: drawn as a block), size, band."""

    body: QStaticText | None
    size: int
    author: QStaticText | None
    tag: QStaticText | None


# Paint resources shared by every note: created once, not per note per frame.
_INK = color(style.INK)
_AUTHOR_INK = color(style.AUTHOR_INK)
_BORDER = QPen(color("#000000", style.NOTE_BORDER_ALPHA), style.NOTE_BORDER_WIDTH)
# Projector mode: a washed-out image loses a faint outline; the notes keep a dark one.
_BORDER_PROJECTOR = QPen(color(style.PROJECTOR_BORDER), style.PROJECTOR_BORDER_WIDTH)
_FOUND = QPen(color(style.FOUND), style.FOUND_LINE)
_FOUND_CURRENT = QPen(color(style.FOUND_CURRENT), style.FOUND_CURRENT_LINE)
_TAG_INK = color(style.KIND_TAG_INK)
_TEXT_OPTION = QTextOption(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
_TEXT_OPTION.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
ELLIPSIS = "…"
_AHEAD_OPTION = QStyleOptionGraphicsItem()  # paint_face reads only the transform's zoom


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
        self._preedit = ""  # an input method's composition still open in the editor
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

    def inputMethodEvent(self, event: QInputMethodEvent) -> None:
        super().inputMethodEvent(event)
        self._preedit = event.preeditString()

    def commit_composition(self) -> None:
        """Put an open composition into the text as typed so far. Chewing passes Shift+Enter
        through while composing; the line break went in before the composed words
        (`需要更多人力\n，真的`). Asking the input method to commit is what ibus answers; with
        none that answers, the composition is committed here, and the input method reset."""
        if not self._preedit:
            return
        QGuiApplication.inputMethod().commit()
        if self._preedit:
            commit = QInputMethodEvent()
            commit.setCommitString(self._preedit)
            self.inputMethodEvent(commit)
            QGuiApplication.inputMethod().reset()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                self.commit_composition()
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


@lru_cache(maxsize=256)
def _face_bounds(w: float, h: float, whole: bool, line: float, selected: bool) -> QRectF:
    """What a w x h note's face draws: the whole bleed (for a fold badge or votes), or the
    paper with its outline of ``line`` and its shadow, and the selection's mark."""
    bleed = QRectF(0, 0, w, h).marginsAdded(BLEED)
    if whole:
        return bleed
    m = line / 2 + 1  # and a pixel of antialiasing
    dx, dy = style.NOTE_SHADOW
    bounds = QRectF(-m, -m, w + max(dx + 1, m) + m, h + max(dy + 1, m) + m)
    if selected:
        bounds = bounds.united(selection_bounds(w, h))
    return bounds.intersected(bleed)  # within the note, as the scene's rect


class NoteFace(QGraphicsRectItem):
    """What a note shows, drawn by a child item with a cached pixmap of its own: the paper,
    the words, the "+n" badge of a folded branch, the votes, and a selected note's outline
    and handles (see selection).

    Qt repaints an item it moves into view with a device cache it no longer holds; drawn by
    the note itself, the words were painted again in Python whenever Qt repainted the note.
    The note has no contents of its own; the face repaints when what it shows changes. Its
    rect is what it draws; it takes no clicks and has no shape, so hit tests find the note.
    """

    def __init__(self, note: NoteItem) -> None:
        super().__init__(note)
        self.note_item = note
        self.setPen(Qt.PenStyle.NoPen)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setCacheMode(QGraphicsRectItem.CacheMode.DeviceCoordinateCache)

    def shape(self) -> QPainterPath:
        return NO_SHAPE

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        self.note_item.paint_face(painter, option)


class NoteItem(QGraphicsRectItem):
    """A sticky note in its kind's color, text shrunk to fit, the speaker shown small.

    A rect item only for its rect, which is the note's bounding rect (paper and bleed, no pen):
    Qt reads it in C++. Overridden in Python, boundingRect() was called some 750 times a drag
    frame at 1,000 notes and 11,000 times a pan frame at 5,000. paint() draws the note.
    """

    def __init__(self, note: Note) -> None:
        super().__init__()
        self.face = NoteFace(self)  # before any rect: it takes the note's bounds
        self._face_look: tuple[object, ...] = ()
        self.highlighted = False  # Find matched it: this outline outranks the selection's
        self.current_match = False  # the match Find is on, marked apart from the others
        self.setPen(Qt.PenStyle.NoPen)  # before any rect: a pen would widen the bounds
        self.note = note
        self.hidden_below = 0  # notes folded away under this one in a mind map
        self._layout_key: tuple[object, ...] | None = None
        self._layout: NoteLayout | None = None
        self._fitted_key: tuple[object, ...] | None = None
        self._fitted = style.TEXT_MAX_PX
        # The face drawn while the window was idle, for its first paint (see warm_up), and
        # the scale it was last painted at.
        self._ahead: tuple[tuple[object, ...], Ahead] | None = None
        self.painted_scale = 0.0
        # Projector mode: the smallest text, in screen pixels, the room can read; 0 off.
        self.min_text_px = 0
        self.editor: NoteEditor | None = None
        self._gesture: str | None = None  # "resize" or "link" while a handle is dragged
        self._size: tuple[float, float] = (note.w, note.h)
        self._sized()
        self._press: tuple[QPointF, tuple[float, float]] = (QPointF(), self._size)
        flags = QGraphicsRectItem.GraphicsItemFlag
        # No ItemSendsGeometryChanges: the scene tells frames and links when it moves notes,
        # rather than a Python itemChange() per note on every step of a drag or a relayout.
        self.setFlags(
            flags.ItemIsMovable
            | flags.ItemIsSelectable
            | flags.ItemIsFocusable
            | flags.ItemHasNoContents  # the face draws it
        )
        self.setAcceptHoverEvents(True)
        self.setZValue(10)
        self.setPos(note.x, note.y)

    def board_scene(self) -> BoardScene:
        return self.scene()  # type: ignore[return-value]

    def update(self, *area: float | QRectF) -> None:  # type: ignore[override]
        """Repaint what the note shows: its face. (The note itself draws nothing.)"""
        self._ahead = None
        self.painted_scale = 0.0  # the face Qt holds is stale: warm_up may draw it ahead
        self._fit_face()
        self.face.update(*area)  # type: ignore[arg-type]

    def itemChange(self, change: QGraphicsRectItem.GraphicsItemChange, value: object) -> object:
        # The face draws the selection's mark. (No move reaches this: the item does not ask
        # for geometry changes.)
        if change == _SELECTED_CHANGED:
            self.update()
            scene = self.scene()
            if scene is not None:  # one not in view is drawn ahead in idle time
                scene.warm_up.soon((self.note.id,))  # type: ignore[attr-defined]
        elif change == _SCENE_CHANGED:
            self._fit_face()  # a board with votes shows their pill over the note
        return super().itemChange(change, value)

    def set_note(self, note: Note) -> None:
        drawn = any(getattr(note, f) != getattr(self.note, f) for f in _DRAWN_FIELDS)
        if (note.w, note.h) != self._size:
            self._size = (note.w, note.h)
            self._sized()  # and repaints
        self.note = note  # the scene places the item: a note in a grid cell flows in its cell
        if drawn:
            self.update()

    def _sized(self) -> None:
        """Work out the rects Qt asks for on every paint and hit test once per size."""
        w, h = self._size
        self._ahead = None
        bounds = QRectF(0, 0, w, h).marginsAdded(BLEED)
        self.setRect(bounds)  # tells Qt the bounds changed
        self._fit_face()
        self._shape = QPainterPath()
        self._shape.addRect(QRectF(0, 0, w, h))
        self._shape.addEllipse(QPointF(w, h / 2), HANDLE / 2, HANDLE / 2)

    def _fit_face(self) -> None:
        """The face's bounds: what it draws now, the paper, its outline and shadow, but for
        the votes' pill and the fold badge above it, which need the note's whole bleed. A
        drag repaints the bounds of what it moves, and blits the faces' pixmaps: a fifth of
        the note's bleed was empty pixels. Run for every note a selection change reaches
        (20,000 of them when a Ctrl+A is cleared): worked out once per look."""
        board = getattr(self.scene(), "board", None)
        whole = bool(self.hidden_below or (board is not None and board.votes))
        look = (*self._size, whole, self.outline().widthF(), self.isSelected())
        if look != self._face_look:
            self._face_look = look
            self.face.setRect(_face_bounds(*look))

    def shape(self) -> QPainterPath:
        return self._shape

    def note_rect(self) -> QRectF:
        return QRectF(0, 0, *self._size)

    def size(self) -> tuple[float, float]:
        """The paper's width and height as drawn (mid-resize, not yet the model's)."""
        return self._size

    def paper(self) -> Rect:
        """The note's paper in scene coordinates, as the shared geometry takes it: asked for
        every link and frame a drag moves, each frame, so made straight from the position."""
        at = self.pos()
        return Rect(at.x(), at.y(), *self._size)

    def text_box(self) -> QRectF:
        """Where the note's words wrap, in item coordinates."""
        return qrect(note_text_box(Rect(0, 0, *self._size), self._has_band()))

    def _tag_text(self) -> str:
        scene = self.scene()
        language = getattr(scene, "language", "zh")
        return style.kind_tag(self.note.kind, language)

    def _has_band(self) -> bool:
        return bool(self.note.author) or bool(self._tag_text())

    def badge_rect(self) -> QRectF:
        """The "+n" badge drawn while branches are folded under this note."""
        return qrect(fold_badge(Rect(0, 0, *self._size)))

    def _fitted_px(self) -> int:
        """The shrink-to-fit size, measured once per text and size: paint asks on every
        repaint, and a zoom repaints every note in view."""
        key = (self.note.text, self._has_band(), self._size)
        if self._fitted_key != key:
            box = self.text_box()
            self._fitted = fitted_pixel_size(self.note.text, box.width(), box.height())
            self._fitted_key = key
        return self._fitted

    def text_px(self, lod: float) -> int | None:
        """The size the body is drawn at this zoom, None when drawn as a block of colour:
        shrunk to fit, but in projector mode never below what the room reads."""
        fitted = self._fitted_px()
        if not self.min_text_px:
            return fitted if fitted * lod >= style.TEXT_LEGIBLE_PX else None
        need = math.ceil(self.min_text_px / lod - 1e-9)
        if need <= fitted:
            return fitted
        return need if need <= style.TEXT_MAX_PX else None

    def layout(self, lod: float) -> NoteLayout:
        """The note's laid-out words at this zoom, redone when text, size or zoom step
        changes."""
        if style.TEXT_MAX_PX * lod < style.TEXT_LEGIBLE_PX and not self.min_text_px:
            size = None  # zoomed far out over a table: not even measured
        else:
            size = self.text_px(lod)
        tag_text = self._tag_text()
        key = (self.note.text, self.note.author, tag_text, self._size, size)
        if self._layout_key != key or self._layout is None:
            box = self.text_box()
            body = None
            if size is not None:
                _, body = elided(self.note.text, size, box.width(), box.height())
            tag = band_label(tag_text, style.KIND_TAG_PX) if tag_text else None
            author = None
            if self.note.author:
                room = box.width() - (tag.size().width() + style.KIND_TAG_GAP if tag else 0)
                author = band_label(self.note.author, style.AUTHOR_PX, max(room, 0))
            self._layout = NoteLayout(body, size or 0, author, tag)
            self._layout_key = key
        return self._layout

    def outline(self) -> QPen:
        if self.current_match:
            return _FOUND_CURRENT
        if self.highlighted:
            return _FOUND
        return _BORDER_PROJECTOR if self.min_text_px else _BORDER

    def _looks(self, at: Spot) -> tuple[object, ...]:
        """What a face drawn ahead shows, beside the note (compared by identity): a change of
        any of it repaints the note, which drops the face drawn ahead anyway."""
        return (
            at.key(),
            self._size,
            self._layout_key,
            self.hidden_below,
            self.outline(),
            self.isSelected(),
        )

    def draw_ahead(self, device: QTransform) -> int:
        """Draw the face now, as its first paint through ``device`` (item to device pixels)
        will blit it; the bytes it holds (0: no pixmap for such a transform)."""
        at = spot(device, FACE_PHASES)
        if at is None or self.editor is not None:
            return 0
        self._ahead = None
        ahead = draw_ahead(at, self.face.rect(), lambda p: self.paint_face(p, _AHEAD_OPTION))
        self._ahead = ((self.note, *self._looks(at)), ahead)
        return ahead.pixmap.width() * ahead.pixmap.height() * 4

    def holds_ahead(self) -> bool:
        return self._ahead is not None

    def paint_face(self, painter: QPainter, option: QStyleOptionGraphicsItem) -> None:
        """What the face (NoteFace) draws: paper, outline, words, badge, votes."""
        ahead, self._ahead = self._ahead, None
        at = spot(painter.deviceTransform(), FACE_PHASES) if ahead is not None else None
        if ahead is not None and at is not None:
            looks, picture = ahead
            if looks[0] is self.note and looks[1:] == self._looks(at):
                picture.blit(painter, at)
                self.painted_scale = at.scale
                return
        w, h = self._size
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        self.painted_scale = painter.deviceTransform().m11()
        paint_paper(painter, style.kind_fill(self.note.kind), self.outline(), w, h)
        self.paint_words(painter, lod)
        if self.hidden_below:
            painter.setFont(font(style.BADGE_PX))
            badge = self.badge_rect()
            painter.setPen(HANDLE_PEN)
            painter.setBrush(HANDLE_FILL)
            painter.drawRoundedRect(badge, style.BADGE_RADIUS, style.BADGE_RADIUS)
            painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, f"+{self.hidden_below}")
        paint_votes(painter, self)
        if self.isSelected():
            paint_selection(painter, w, h, outline=not (self.highlighted or self.current_match))

    def paint_words(self, painter: QPainter, lod: float) -> None:
        """The body, and the band below it: the kind's tag at the left, the author's name
        at the right. Text too small to read at this zoom is left out: a block of colour."""
        w, h = self._size
        words = self.layout(lod)
        if words.body is not None and self.editor is None:
            painter.save()
            # The fitted size is measured as the PDF measures it; a line Qt lays out a hair
            # taller must not run into the band below.
            painter.setClipRect(self.text_box().adjusted(-2, -2, 2, 2))
            painter.setFont(font(words.size))
            painter.setPen(_INK)
            painter.drawStaticText(self.text_box().topLeft(), words.body)
            painter.restore()
        band_legible = style.AUTHOR_PX * lod >= style.TEXT_LEGIBLE_PX and (
            words.body is not None or not self.min_text_px
        )
        if not band_legible:
            return
        bottom = h - style.AUTHOR_INSET
        if words.tag is not None:
            painter.setFont(font(style.KIND_TAG_PX))
            painter.setPen(_TAG_INK)
            painter.drawStaticText(
                QPointF(style.NOTE_PADDING, bottom - words.tag.size().height()), words.tag
            )
        if words.author is not None:
            painter.setFont(font(style.AUTHOR_PX))
            painter.setPen(_AUTHOR_INK)
            corner = QPointF(
                w - style.NOTE_PADDING - words.author.size().width(),
                bottom - words.author.size().height(),
            )
            painter.drawStaticText(corner, words.author)

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
