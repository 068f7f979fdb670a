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


class ImportProblem(PofacilError):
    """One bad row of an import source: the line it starts on, and why (an error of its own,
    so the UI translates both)."""

    template = "line {line}: {reason}"

    def __init__(self, line: int, reason: PofacilError) -> None:
        self.line = line
        self.reason = reason
        super().__init__(line=line, reason=reason)


class ImportFormatError(PofacilError):
    """An import source has bad rows; nothing was imported."""

    SHOWN = 20  # problems listed in the message; a wholly wrong file has one per line

    def __init__(self, source: str, problems: list[ImportProblem]) -> None:
        self.problems = problems
        lines = "; ".join(str(p) for p in problems[: self.SHOWN])
        if len(problems) > self.SHOWN:
            super().__init__(
                "{source}: nothing imported, {count} bad rows, the first {shown}: {lines}",
                source=source,
                count=len(problems),
                shown=self.SHOWN,
                lines=lines,
            )
        else:
            super().__init__(
                "{source}: nothing imported, {count} bad row(s): {lines}",
                source=source,
                count=len(problems),
                lines=lines,
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
