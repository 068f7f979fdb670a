"""The core never imports Qt, and its layers import only downwards: checked at run time and by
the import-linter contracts."""

import pkgutil
import shutil
import subprocess
import sys
from pathlib import Path

import pofacil.board

ROOT = Path(__file__).resolve().parents[2]


def test_importing_every_core_module_loads_no_qt() -> None:
    modules = [m.name for m in pkgutil.walk_packages(pofacil.board.__path__, "pofacil.board.")]
    assert len(modules) >= 25
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}: importlib.import_module(m)\n"
        "from pofacil.board.formats.sample import build_sample\n"
        "build_sample()\n"
        "bad = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken')))\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)


def test_import_linter_contract_holds() -> None:
    lint = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    assert lint, "import-linter is part of the test extra"
    result = subprocess.run([lint], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "3 kept, 0 broken" in result.stdout
