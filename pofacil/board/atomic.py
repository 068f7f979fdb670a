"""Write a file all at once or not at all.

Exports go onto USB sticks and shared folders minutes before a presentation; a crash, a full
disk or a cancelled export must never leave a truncated file under the name the user chose
(a half PDF opens as "damaged" on the projector laptop). So every export writes a hidden
temporary file beside the target and renames it over the target only once it is complete.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable
from pathlib import Path

from .errors import StorageError


def temp_path_for(out: Path) -> Path:
    """A hidden, unique path in ``out``'s folder with ``out``'s suffix.

    The same folder, because ``os.replace`` is only atomic within one file system; the same
    suffix, because some writers (Qt's image writer) pick the format from it.
    """
    return out.with_name(f".{out.stem}.{uuid.uuid4().hex[:8]}.partial{out.suffix}")


def _reason(exc: OSError) -> str:
    # strerror is the human part ("Permission denied"); str(exc) repeats errno and the path.
    return exc.strerror or str(exc) or type(exc).__name__


def atomic_write(out: str | os.PathLike[str], write: Callable[[Path], None]) -> Path:
    """Call ``write(tmp)`` with a temporary path beside ``out``, then rename it to ``out``.

    On any exception the temporary file is removed and ``out`` is left as it was (absent, or
    its previous content). An ``OSError`` becomes a :class:`StorageError` with a one-line
    message; any other exception (a cancelled export, a model error) passes through unchanged.
    Returns ``out`` as a :class:`Path`.
    """
    out = Path(out)
    tmp = temp_path_for(out)
    try:
        write(tmp)
        os.replace(tmp, out)
    except BaseException as exc:
        try:
            tmp.unlink(missing_ok=True)
        except OSError:
            pass  # the folder itself is gone or unwritable: there is nothing left to clean
        if isinstance(exc, OSError):
            raise StorageError(
                "Could not write {path}: {reason}.", path=str(out), reason=_reason(exc)
            ) from exc
        raise
    return out
