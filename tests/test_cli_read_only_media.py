"""The command line on a write-protected stick: every read works, nothing is created beside
the file, the note goes to stderr (never into --json output), a change is refused clearly."""

import json
from pathlib import Path

from .test_cli import pofacil


def test_reads_work_on_read_only_media_and_say_so_on_stderr(
    read_only_stick: Path, tmp_path: Path
) -> None:
    before = read_only_stick.read_bytes()
    info = pofacil("info", read_only_stick, "--json")
    assert info.returncode == 0, info.stderr
    assert json.loads(info.stdout)["boards"], "stdout is the JSON alone"
    assert "read-only disk" in info.stderr
    for args in (
        ("check", read_only_stick),
        ("history", read_only_stick),
        ("export", read_only_stick, "--md", tmp_path / "out.md"),
    ):
        done = pofacil(*args)
        assert done.returncode == 0, (args, done.stderr)
        assert "read-only disk" in done.stderr and "Traceback" not in done.stderr
    refused = pofacil("import", read_only_stick, read_only_stick.with_name("more.txt"))
    assert refused.returncode == 1 and "read-only" in refused.stderr
    assert len(refused.stderr.strip().splitlines()) == 1
    assert sorted(p.name for p in read_only_stick.parent.iterdir()) == ["camp.pofacil", "more.txt"]
    assert read_only_stick.read_bytes() == before
