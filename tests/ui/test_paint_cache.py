"""A pan repaints from Qt's pixmap cache: no Python paint() per note, link or frame."""

from pathlib import Path

import pytest
from PySide6.QtCore import QRectF, Qt

from pofacil.ui.items import ClusterItem, LinkItem
from pofacil.ui.items.note import NoteFace

from .conftest import shown_board
from .drawn import random_workshop


def test_panning_a_board_in_view_runs_no_paint(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Counted on the way through to the real paint(); set before the items exist, since
    # PySide looks up a Python override once per item.
    painted: list[str] = []
    for cls in (NoteFace, LinkItem, ClusterItem):  # a note draws nothing itself: its face does
        original = cls.paint

        def counted(item, *args, _original=original) -> None:
            painted.append(type(item).__name__)
            _original(item, *args)

        monkeypatch.setattr(cls, "paint", counted)
    session = random_workshop(tmp_path / "random.pofacil", 1)
    scene, view = shown_board(qtbot, session, session.workshop.find_board("自由").id, 1000, 700)
    # Room around the board to pan in, all of it on screen.
    bounds = scene.itemsBoundingRect()
    view.setSceneRect(bounds.adjusted(-2000, -2000, 2000, 2000))
    view.fitInView(
        QRectF(bounds).adjusted(-200, -200, 200, 200), Qt.AspectRatioMode.KeepAspectRatio
    )
    view.viewport().grab()
    assert painted  # the first frame paints every item once
    painted.clear()
    bar = view.horizontalScrollBar()
    for step in range(10):
        bar.setValue(bar.value() + (12 if step % 2 else -12))
        view.viewport().grab()
    assert scene.links and scene.clusters
    assert painted == []
    scene.detach()
    session.close()
