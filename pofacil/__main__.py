"""``python -m pofacil``: the same as the ``pofacil`` command."""

import sys

from .cli import main

sys.exit(main())
