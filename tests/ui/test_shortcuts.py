"""No two actions of the window answer the same key: a second one would silently never run
(Qt calls such a shortcut ambiguous and does neither)."""

from __future__ import annotations

from collections import defaultdict

from PySide6.QtGui import QAction


def test_every_shortcut_belongs_to_one_action(window) -> None:
    owners: defaultdict[str, list[str]] = defaultdict(list)
    for action in window.findChildren(QAction):
        for key in action.shortcuts():
            if not key.isEmpty():
                owners[key.toString()].append(action.text())
    assert {key: names for key, names in owners.items() if len(names) > 1} == {}
