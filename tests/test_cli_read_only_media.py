"""The command line on a write-protected stick: every read works, nothing is created beside
the file, the note goes to stderr (never into --json output), a change is refused clearly."""

import json
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from pofacil.board.sample import write_sample

from .test_cli import pofacil


@pytest.fixture
def stick(tmp_path: Path) -> Iterator[Path]:
    source, view = tmp_path / "stick", tmp_path / "ro"
    source.mkdir()
    view.mkdir()
    write_sample(source / "camp.pofacil")
    (source / "more.txt").write_text("一點\n", encoding="utf-8")
    if subprocess.run(["mount", "--bind", str(source), str(view)], check=False,
                      capture_output=True).returncode != 0:
        pytest.skip("cannot make a read-only mount here (needs root)")
    try:
        subprocess.run(["mount", "-o", "remount,ro,bind", str(view)], check=True)
        yield view / "camp.pofacil"
    finally:
        subprocess.run(["umount", "-l", str(view)], check=False)


def test_reads_work_on_read_only_media_and_say_so_on_stderr(stick: Path, tmp_path: Path) -> None:
    before = stick.read_bytes()
    info = pofacil("info", stick, "--json")
    assert info.returncode == 0, info.stderr
    assert json.loads(info.stdout)["boards"], "stdout is the JSON alone"
    assert "read-only disk" in info.stderr
    for args in (("check", stick), ("history", stick),
                 ("export", stick, "--md", tmp_path / "out.md")):
        done = pofacil(*args)
        assert done.returncode == 0, (args, done.stderr)
        assert "read-only disk" in done.stderr and "Traceback" not in done.stderr
    refused = pofacil("import", stick, stick.with_name("more.txt"))
    assert refused.returncode == 1 and "read-only" in refused.stderr
    assert len(refused.stderr.strip().splitlines()) == 1
    assert sorted(p.name for p in stick.parent.iterdir()) == ["camp.pofacil", "more.txt"]
    assert stick.read_bytes() == before
