"""Write a file all at once or not at all, and durably.

Exports go onto USB sticks and shared folders minutes before a presentation; a crash, a full
disk, a cancelled export or a power cut must never leave a truncated file under the name the
user chose (a half PDF opens as "damaged" on the projector laptop). So every writer goes
through :func:`atomic_write`: a hidden temporary file beside the target, flushed to the disk,
renamed over the target, and the rename itself flushed. Without the two fsyncs a power cut
seconds after "wrote out.pdf" can leave a 0-byte file under the chosen name.
"""

from __future__ import annotations

import contextlib
import os
import uuid
from collections.abc import Callable
from pathlib import Path

from pofacil.board.model.errors import StorageError


def temp_path_for(out: Path) -> Path:
    """A hidden, unique path in ``out``'s folder with ``out``'s suffix.

    The same folder, because ``os.replace`` is only atomic within one file system; the same
    suffix, because some writers (Qt's image writer) pick the format from it; a short fixed
    stem, so a target name near the file system's limit still leaves room for it.
    """
    return out.with_name(f".pofacil-{uuid.uuid4().hex[:8]}.partial{out.suffix}")


def os_reason(exc: OSError) -> str:
    """The human part of an OSError ("Permission denied"); str(exc) repeats errno and path."""
    return exc.strerror or str(exc) or type(exc).__name__


def fsync_path(path: Path) -> None:
    """Flush a file's content to the disk."""
    fd = os.open(path, os.O_RDWR | getattr(os, "O_BINARY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_folder(folder: Path) -> None:
    """Flush a folder's entries (a rename, a new or removed name) to the disk.

    Windows has no such call (NTFS journals the rename itself); some file systems refuse it.
    """
    if os.name == "nt":  # pragma: no cover - Windows builds only
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # EINVAL on file systems that cannot sync a folder; the rename still happened
    finally:
        os.close(fd)


def atomic_write(
    out: str | os.PathLike[str], write: Callable[[Path], None], *, replace: bool = True
) -> Path:
    """Call ``write(tmp)`` with a new, empty temporary file beside ``out``, then move it there.

    The temporary file is created exclusively (never someone else's file), flushed to the disk
    once written, renamed to ``out`` and the folder flushed, so ``out`` is either its previous
    content or the complete new one, even across a power cut. With ``replace=False`` an
    existing ``out`` is never replaced: :class:`StorageError` instead.

    On any exception the temporary file is removed and ``out`` is left as it was. An
    ``OSError`` becomes a :class:`StorageError` with a one-line message; any other exception
    (a cancelled export, a model error) passes through unchanged. Returns ``out``.
    """
    out = Path(out)
    tmp = temp_path_for(out)
    try:
        # The mode honours the umask, unlike mkstemp's private 0600.
        os.close(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
    except OSError as exc:
        raise StorageError(
            "Could not write {path}: {reason}.", path=str(out), reason=os_reason(exc)
        ) from exc
    try:
        write(tmp)
        fsync_path(tmp)
        if replace:
            os.replace(tmp, out)
        else:
            _move_no_clobber(tmp, out)
        fsync_folder(out.parent)
    except BaseException as exc:
        # The folder itself may be gone or unwritable: then there is nothing left to clean.
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
        if isinstance(exc, FileExistsError) and not replace:
            raise StorageError(
                "{path} already exists; choose another name.", path=str(out)
            ) from None
        if isinstance(exc, OSError):
            raise StorageError(
                "Could not write {path}: {reason}.", path=str(out), reason=os_reason(exc)
            ) from exc
        raise
    return out


def _move_no_clobber(tmp: Path, out: Path) -> None:
    # A hard link fails when the name exists: no window in which a file created meanwhile
    # could be clobbered.
    try:
        os.link(tmp, out)
    except FileExistsError:
        raise
    except OSError:
        if out.exists():
            raise FileExistsError(str(out)) from None
        os.replace(tmp, out)  # file systems without hard links (FAT on a USB stick)
        return
    tmp.unlink()
