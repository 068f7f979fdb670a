"""The built-in sample workshop that the README's run command opens."""

from pathlib import Path

from pofacil.board.formats.fonts import missing_glyphs
from pofacil.board.formats.sample import write_sample
from pofacil.board.session import Session


def test_sample_is_a_sound_consensus_camp(tmp_path: Path) -> None:
    path = write_sample(tmp_path / "sample.pofacil")
    s = Session.open(path)
    try:
        assert s.store.check() == []
        assert s.undo_label() is None, "the sample starts with a clean history"
        boards = s.workshop.ordered_boards()
        assert [b.template for b in boards] == ["mindmap", "issue-context", "concept-sheet"]
        mindmap, table, sheet = boards
        assert {n.kind for n in sheet.live_notes()} == {
            "problem",
            "solution",
            "obstacle",
            "overcome",
            "owner",
            "vision",
        }
        assert all(n.kind == sheet.cell(n.cell).kind for n in sheet.live_notes())
        assert len(mindmap.live_notes()) == 13 and len(mindmap.links) == 12
        root = next(n for n in mindmap.live_notes() if n.text == "PO 的角色與未來")
        assert len(mindmap.children(root.id)) == 3
        assert all(n.cell for n in table.live_notes())
        assert max(len(table.notes_in(c.id)) for c in table.cells) == 3
        texts = "".join(n.text + n.author for b in boards for n in b.notes.values())
        assert missing_glyphs(texts + s.workshop.info.title) == set()
    finally:
        s.close()
