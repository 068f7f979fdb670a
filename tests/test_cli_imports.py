"""`pofacil info` and `check`, and the app's start, import only what they use: importing
networkx, sqlite-utils and reportlab was most of the time `info` took on a big workshop."""

import subprocess
import sys
from pathlib import Path

from pofacil.board.formats.sample import write_sample

HEAVY = ("networkx", "sqlite_utils", "reportlab", "PIL")
PROBE = """
import sys
{code}
print(" ".join(m for m in {heavy!r} if m in sys.modules))
"""


# What `info` on a sound file has no use for: building the model (its dataclasses, 20 ms to
# import), the store, the room's settings.
MODEL = (
    "dataclasses",
    "pofacil.board.model.workshop",
    "pofacil.board.model.change",
    "pofacil.board.storage.store",
    "pofacil.room.limits",
)


def imported(code: str, heavy: tuple[str, ...] = HEAVY) -> set[str]:
    out = subprocess.run(
        [sys.executable, "-c", PROBE.format(code=code, heavy=heavy)],
        capture_output=True,
        text=True,
        check=True,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": ""},
    ).stdout
    lines = out.splitlines()
    return set(lines[-1].split()) if lines else set()


def test_info_reads_the_file_with_sqlite3_alone(tmp_path: Path) -> None:
    sample = write_sample(tmp_path / "sample.pofacil")
    run = f"from pofacil.cli import main\nassert main(['info', {str(sample)!r}, '--json']) == 0"
    assert imported(run) == set()


def test_info_on_a_sound_file_builds_no_model(tmp_path: Path) -> None:
    sample = write_sample(tmp_path / "sample.pofacil")
    for args in (f"[{str(sample)!r}]", f"[{str(sample)!r}, '--json']"):
        run = f"from pofacil.cli import main\nassert main(['info', *{args}]) == 0"
        # Nor the rows one by one: that is a damaged file's path.
        assert imported(run, (*MODEL, "pofacil.board.storage.rows")) == set()


def test_check_of_a_sound_file_builds_no_model(tmp_path: Path) -> None:
    sample = write_sample(tmp_path / "sample.pofacil")
    run = f"from pofacil.cli import main\nassert main(['check', {str(sample)!r}]) == 0"
    assert imported(run, MODEL) == set()


def test_check_reads_the_file_with_sqlite3_alone(tmp_path: Path) -> None:
    sample = write_sample(tmp_path / "sample.pofacil")
    run = f"from pofacil.cli import main\nassert main(['check', {str(sample)!r}]) == 0"
    assert imported(run) == set()


def test_the_app_starts_without_the_export_libraries() -> None:
    assert imported("import pofacil.ui.app\nimport pofacil.ui.main_window") <= {"networkx"}
