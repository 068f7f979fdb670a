"""``pofacil export``: boards as PDF, PNG, Markdown, CSV or JSON, straight after the breakout.

The workshop is opened read-only, so exporting works while the app has the file open. Qt
(for PNG) and reportlab (for PDF) are imported only when that format is asked for: the
other formats, and the rest of the command line, work without them.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pofacil.board.model.errors import PofacilError

if TYPE_CHECKING:
    from pofacil.board.formats.corrections import Corrections
    from pofacil.board.model import Board, Workshop
    from pofacil.board.model.errors import DamagedRowsWarning
    from pofacil.board.session import Session
    from pofacil.board.storage.store import Store

FORMATS = {
    "pdf": "a PDF snapshot of each board, with the meeting record",
    "png": "a PNG image of each board (one file per board)",
    "md": "the meeting record as Markdown",
    "csv": "the notes as CSV in the import format, with a board column",
    "json": "the whole workshop as JSON, with where every note, cell, frame and link is drawn",
}


def _scale(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not 0 < value <= 100:
        raise argparse.ArgumentTypeError(f"must be more than 0 and at most 100: {text}")
    return value


def add_parser(sub: Any) -> None:
    """The ``export`` subcommand, added to the main parser's subparsers."""
    exp = sub.add_parser(
        "export",
        help="write boards as PDF, PNG, Markdown, CSV or JSON",
        description="Export a workshop's boards (all of them unless --board is given).",
    )
    exp.add_argument("file", type=Path, metavar="FILE", help="the .pofacil workshop")
    kind = exp.add_mutually_exclusive_group(required=True)
    for name, text in FORMATS.items():
        kind.add_argument(f"--{name}", dest="format", action="store_const", const=name, help=text)
    exp.add_argument("out", type=Path, metavar="OUT", help="the file to write")
    exp.add_argument(
        "--board",
        action="append",
        default=[],
        metavar="NAME",
        help="a board to export (repeatable; default: every board)",
    )
    exp.add_argument(
        "--paper",
        type=str.upper,
        choices=("A4", "A3"),
        default="A4",
        help="PDF paper size, landscape (default A4)",
    )
    mode = exp.add_mutually_exclusive_group()
    mode.add_argument(
        "--fit",
        dest="mode",
        action="store_const",
        const="fit",
        help="PDF: each free board or mind map on one page, however small (a table always prints "
        "as an overview and detail pages)",
    )
    mode.add_argument(
        "--tile",
        dest="mode",
        action="store_const",
        const="tile",
        help="PDF: free boards and mind maps across several pages at readable size",
    )
    exp.set_defaults(mode="auto")
    exp.add_argument(
        "--no-record", action="store_true", help="PDF: leave out the appendix listing every note"
    )
    exp.add_argument(
        "--corrections",
        action="store_true",
        help="PDF and Markdown: end the record with each correction (original -> final, "
        "who and when)",
    )
    exp.add_argument(
        "--scale", type=_scale, default=2.0, help="PNG: 1 is the on-screen 100%% size (default 2)"
    )
    exp.add_argument(
        "--lang",
        choices=("zh", "en"),
        default="zh",
        help="language of labels and headings (default zh)",
    )


def run(args: argparse.Namespace) -> int:
    """Run ``pofacil export``; user errors raise PofacilError (exit 1 in cli.main)."""
    # Here, not at the top: the rest of the command line (`info`, `check`) starts without them.
    from pofacil.board.session import Session
    from pofacil.board.storage.inbox import room_counts, room_record_line

    out = _check_out(args.out, args.file)
    session = Session.open(args.file, read_only=True)
    try:
        warn_opened(session.store)
        ws = session.workshop
        boards = [ws.find_board(name) for name in dict.fromkeys(args.board)]
        if not boards and not ws.ordered_boards():
            raise PofacilError("{file} has no boards to export.", file=str(args.file))
        ids = [b.id for b in boards] or None
        # Only a record marks corrections: a PDF without one need not read the history.
        wants_record = args.format == "md" or (args.format == "pdf" and not args.no_record)
        fixes = _corrections(session) if wants_record else None
        room = room_record_line(session.store.conn, args.lang)
        # Each format's module is imported only when asked for (networkx, reportlab, Qt).
        if args.format == "md":
            from pofacil.board.formats.minutes import export_markdown

            path = export_markdown(ws, out, ids, args.lang, fixes, args.corrections, room)
            print(f"wrote {path} ({_count(ws, boards)})")
        elif args.format == "csv":
            from pofacil.board.formats.minutes import export_csv

            path = export_csv(ws, out, ids)
            print(f"wrote {path} ({_count(ws, boards)})")
        elif args.format == "json":
            from pofacil.board.formats.json_export import export_json

            path = export_json(ws, out, ids, room=room_counts(session.store.conn))
            print(f"wrote {path} ({_count(ws, boards)})")
        elif args.format == "pdf":
            _pdf(ws, out, ids, args, fixes, room)
        else:
            _png(session, boards or ws.ordered_boards(), out, args)
    finally:
        session.close()
    return 0


def warn_opened(store: Store) -> None:
    """Lines on stderr, never in the output itself: rows left out on loading, and a file on
    read-only media (read as it is; a command that changes it would be refused)."""
    warn_read(store.path, store.damage_warning())


def warn_read(path: Path, warning: DamagedRowsWarning | None) -> None:
    """:func:`warn_opened` for a file read without a store (`pofacil info`, `check`)."""
    from pofacil.board.storage.connection import read_only_media

    if warning is not None:
        print(f"pofacil: warning: {warning}", file=sys.stderr)
    if read_only_media(path):
        print(
            f"pofacil: note: {path} is on a read-only disk; it was read and not changed.",
            file=sys.stderr,
        )


def _corrections(session: Session) -> Corrections | None:
    """The corrections the history tells of; a damaged history marks none (and says so)
    rather than keeping the record from being written."""
    from pofacil.board.formats.corrections import session_corrections

    found = session_corrections(session)
    if found is None:
        print(
            "pofacil: warning: the history is damaged, so corrections are not marked.",
            file=sys.stderr,
        )
    return found


def _check_out(out: Path, workshop: Path) -> Path:
    """Refuse, before any work, an OUT that cannot be written: a clear message, no file."""
    folder = out.absolute().parent
    if out.is_dir():
        raise PofacilError("{out} is a folder; give the name of the file to write.", out=str(out))
    if not folder.is_dir():
        raise PofacilError("The folder {folder} does not exist.", folder=str(folder))
    if not os.access(folder, os.W_OK | os.X_OK):
        raise PofacilError("The folder {folder} is not writable.", folder=str(folder))
    if out.exists() and workshop.exists() and out.resolve() == workshop.resolve():
        raise PofacilError("{out} is the workshop itself; choose another file name.", out=str(out))
    return out


def _count(ws: Workshop, boards: list[Board]) -> str:
    chosen = boards or ws.ordered_boards()
    notes = sum(len(b.live_notes()) for b in chosen)
    return f"{len(chosen)} board(s), {notes} note(s)"


def _pdf(
    ws: Workshop,
    out: Path,
    ids: list[str] | None,
    args: argparse.Namespace,
    corrections: Corrections | None,
    room: str | None,
) -> None:
    try:
        from pofacil.board.formats.pdf.export import export_pdf
    except ModuleNotFoundError as exc:
        raise PofacilError(
            "PDF export is not available: {name} is missing.", name=exc.name or str(exc)
        ) from None
    report = export_pdf(
        ws,
        out,
        boards=ids,
        paper=args.paper,
        mode=args.mode,
        record=not args.no_record,
        language=args.lang,
        corrections=corrections,
        list_corrections=args.corrections,
        room=room,
    )
    print(f"wrote {report.path} ({report.pages} page(s), {report.paper} landscape)")
    for board in report.boards:
        layout = board.mode
        if board.mode == "tile":
            layout = f"tiled {board.rows} x {board.columns}"
        elif board.mode == "table":
            details = len(board.pages) - 1
            layout = f"table: overview + {details} detail page{'' if details == 1 else 's'}"
        print(f"  {board.name}: {_span(board.pages)} ({layout})")
    if report.record_pages:
        print(f"  record: {_span(report.record_pages)}")
    if report.missing_chars:
        # Still exit 0: the PDF is there, but someone should know a character shows as a mark.
        chars = "".join(sorted(report.missing_chars))
        print(
            f"pofacil: warning: the font lacks {chars}; shown as a mark in the PDF.",
            file=sys.stderr,
        )


def _span(pages: tuple[int, ...]) -> str:
    if not pages:
        return "no pages"
    if len(pages) == 1:
        return f"page {pages[0]}"
    return f"pages {pages[0]}-{pages[-1]}"


def _png(session: Session, boards: list[Board], out: Path, args: argparse.Namespace) -> None:
    from pofacil.board.formats.file_names import board_targets

    try:
        from .ui.png import ensure_app, export_png
    except ImportError as exc:
        raise PofacilError(
            "PNG export needs Qt (PySide6), which cannot be loaded: {reason}.", reason=str(exc)
        ) from None
    ensure_app()
    for board, path in board_targets(boards, out):
        result = export_png(
            session.workshop, board.id, path, scale=args.scale, session=session, language=args.lang
        )
        print(f"wrote {result.describe()}")
