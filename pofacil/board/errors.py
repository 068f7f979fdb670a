"""Errors a user can cause. Each carries an English template and its parameters.

The template doubles as the Qt translation source text, so the UI can show the same
message in Traditional Chinese (``QCoreApplication.translate("errors", err.template)``)
while the command line prints the English one.
"""

from __future__ import annotations


class PofacilError(Exception):
    """A user-facing error: a message that needs no traceback."""

    template = "{reason}"

    def __init__(self, template: str | None = None, **params: object) -> None:
        if template is not None:
            self.template = template
        self.params = params
        super().__init__(self.template.format(**params))


class NotAWorkshopFile(PofacilError):
    """The file is not a pofacil workshop (or is damaged beyond opening)."""


class NewerFileError(PofacilError):
    """The file was written by a newer pofacil."""


class FileInUseError(PofacilError):
    """Another pofacil process has the file open for writing."""


class NeedsRecoveryError(PofacilError):
    """A crash left an unfinished change that only a writable open can roll back."""


class ReadOnlyError(PofacilError):
    """The workshop was opened read-only."""


class StorageError(PofacilError):
    """Writing the workshop file failed (disk full, device removed, permission)."""


class ImportFormatError(PofacilError):
    """An import source has bad rows; nothing was imported."""

    def __init__(self, source: str, problems: list[tuple[int, str]]) -> None:
        self.problems = problems
        lines = "; ".join(f"line {n}: {why}" for n, why in problems[:20])
        more = f" (and {len(problems) - 20} more)" if len(problems) > 20 else ""
        super().__init__(
            "{source}: nothing imported, {count} bad row(s): {lines}{more}",
            source=source,
            count=len(problems),
            lines=lines,
            more=more,
        )


class ModelError(PofacilError):
    """An operation that makes no sense for the current workshop (unknown board, note...)."""


class UnstorableChange(ModelError):
    """SQLite refused a value of a change; the change was rolled back, on disk and in memory."""


class DamagedHistoryError(PofacilError):
    """A line of the workshop's history cannot be read; the notes themselves can."""


class DamagedRowsWarning(PofacilError):
    """Not raised: the one-time warning that rows of a workshop were left out on opening.

    A PofacilError for its translatable template, so the window and the command line word it
    the same way.
    """
