from collections.abc import Iterator
from pathlib import Path

import pytest

from pofacil.board.session import Session


@pytest.fixture
def session(tmp_path: Path) -> Iterator[Session]:
    """A real workshop file with an issue-context table and a blank board."""
    s = Session.create(
        tmp_path / "ws.pofacil",
        title="共識營",
        boards=[("issue-context", None), ("blank", "全體")],
        actor="tester",
    )
    yield s
    s.close()


def board_id(session: Session, name: str = "全體") -> str:
    return session.workshop.find_board(name).id
