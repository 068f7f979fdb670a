import os

# Qt must never look for a display in tests; set before anything imports Qt.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest


@pytest.fixture
def read_only_stick(tmp_path: Path) -> Iterator[Path]:
    """``camp.pofacil`` (the sample) beside ``more.txt`` on a read-only mount, as on a
    write-protected stick or a CD. A read-only bind mount needs root: skipped elsewhere."""
    from pofacil.board.formats.sample import write_sample

    source, view = tmp_path / "stick", tmp_path / "ro"
    source.mkdir()
    view.mkdir()
    write_sample(source / "camp.pofacil")
    (source / "more.txt").write_text("一點\n", encoding="utf-8")
    if (
        subprocess.run(
            ["mount", "--bind", str(source), str(view)], check=False, capture_output=True
        ).returncode
        != 0
    ):
        pytest.skip("cannot make a read-only mount here (needs root)")
    try:
        subprocess.run(["mount", "-o", "remount,ro,bind", str(view)], check=True)
        yield view / "camp.pofacil"
    finally:
        subprocess.run(["umount", "-l", str(view)], check=False)
