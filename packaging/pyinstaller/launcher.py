"""The frozen app's entry point: the same as the ``pofacil`` command, or ``pofacil-gui`` when
the executable is the windowed one (Windows, macOS), which must never parse a command line."""

import sys
from pathlib import Path

from pofacil.cli import gui_main, main

if __name__ == "__main__":
    sys.exit(gui_main() if Path(sys.executable).stem.endswith("-gui") else main())
