"""The command line: start the app, or run a batch job on a workshop file.

Exit status: 0 on success, 1 with a one-line message for anything the user can fix, 2 for a
command line that does not parse.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pofacil.board.model.errors import NotAWorkshopFile, PofacilError

from .cli_export import warn_opened, warn_read

if TYPE_CHECKING:
    from pofacil.board.model import Workshop
    from pofacil.board.storage.store import Store

# Each command imports what it alone needs (the store, the session and operations, the
# importers, the exports), and the parser is built for the command given: `pofacil info` on a
# big workshop would otherwise spend most of its time importing and building the options of
# commands it does not run.


def _actor_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--actor",
        metavar="NAME",
        help="who is making the change, for the history (default: $POFACIL_ACTOR, then the "
        "login name)",
    )


def _new_parser(sub: Any) -> None:
    new = sub.add_parser("new", help="create a workshop file")
    new.add_argument("file", type=Path)
    new.add_argument("--title", default="")
    new.add_argument("--date", default="")
    new.add_argument("--venue", default="")
    new.add_argument("--facilitator", default="")
    new.add_argument(
        "--board",
        action="append",
        default=[],
        metavar="TEMPLATE[:NAME]",
        help="a board to start with (repeatable; default: one blank board)",
    )


def _templates_parser(sub: Any) -> None:
    sub.add_parser("templates", help="list the board templates")


def _info_parser(sub: Any) -> None:
    info = sub.add_parser("info", help="summarise a workshop")
    info.add_argument("file", type=Path)
    info.add_argument("--json", action="store_true", help="machine-readable output")


def _import_parser(sub: Any) -> None:
    imp = sub.add_parser("import", help="add notes from a .csv, .txt or .md file")
    imp.add_argument("file", type=Path)
    imp.add_argument("source", type=Path)
    imp.add_argument("--board", help="board name (default: the first board)")
    imp.add_argument("--author", default="", help="who said the notes (when the file does not)")
    imp.add_argument(
        "--speakers",
        action="store_true",
        help="read 'name: point' lines of a .md or .txt file as speaker and point",
    )
    _actor_option(imp)


def _merge_parser(sub: Any) -> None:
    merge = sub.add_parser("merge", help="copy the boards of another workshop file into this one")
    merge.add_argument("file", type=Path)
    merge.add_argument("other", type=Path, help="the other workshop (only read, never changed)")
    merge.add_argument(
        "--board",
        action="append",
        default=[],
        metavar="NAME",
        help="a board of OTHER to copy (repeatable; default: every board)",
    )
    _actor_option(merge)


def _layout_parser(sub: Any) -> None:
    lay = sub.add_parser("layout", help="lay out a board's mind map again (one undo step)")
    lay.add_argument("file", type=Path)
    lay.add_argument("--board", help="board name (default: the first board)")
    _actor_option(lay)


def _set_parser(sub: Any) -> None:
    details = sub.add_parser("set", help="change the workshop's details (one undo step)")
    details.add_argument("file", type=Path)
    details.add_argument("--title")
    details.add_argument("--date", help="the workshop's day, YYYY-MM-DD")
    details.add_argument("--venue")
    details.add_argument("--facilitator", metavar="NAME")
    _actor_option(details)


def _history_parser(sub: Any) -> None:
    history = sub.add_parser("history", help="who changed what and when")
    history.add_argument("file", type=Path)
    history.add_argument("--board", help="only this board")
    history.add_argument("--note", help="only this note (by id)")
    history.add_argument(
        "--lang", choices=("zh", "en"), default="zh", help="language of the sentences (default zh)"
    )


def _check_parser(sub: Any) -> None:
    check = sub.add_parser("check", help="check a workshop file for damage")
    check.add_argument("file", type=Path)


def _export_parser(sub: Any) -> None:
    from .cli_export import add_parser

    add_parser(sub)


def _serve_parser(sub: Any) -> None:
    from .room.serve import add_parser

    add_parser(sub)


# Each command's options, in the order `pofacil --help` lists them.
_PARSERS: dict[str, Callable[[Any], None]] = {
    "new": _new_parser,
    "templates": _templates_parser,
    "info": _info_parser,
    "import": _import_parser,
    "layout": _layout_parser,
    "set": _set_parser,
    "merge": _merge_parser,
    "history": _history_parser,
    "check": _check_parser,
    "export": _export_parser,
    "serve": _serve_parser,
}
COMMANDS = tuple(_PARSERS)


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The command line's parser; given a ``command``, one that knows that command alone.

    A command's own options and help are the same either way. Building all eleven took
    `pofacil info` 10 ms, and `serve`'s import the room's settings; ``pofacil --help`` and a
    command line that names no command get every one.
    """
    parser = argparse.ArgumentParser(
        prog="pofacil",
        description="Offline facilitation board. 'pofacil' or 'pofacil FILE' starts the app.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name, add in _PARSERS.items():
        if command in (None, name):
            add(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    if not args_list or (args_list[0] not in COMMANDS and not args_list[0].startswith("-")):
        return _run_app(args_list)
    args = build_parser(args_list[0] if args_list[0] in COMMANDS else None).parse_args(args_list)
    try:
        status = _COMMANDS[args.command](args)
        sys.stdout.flush()  # buffered output meets a closed pipe here, not at exit
        return status
    except (PofacilError, sqlite3.DatabaseError) as exc:
        if isinstance(exc, sqlite3.DatabaseError):
            # A damaged page read after the open's check: the file, not a bug of ours.
            exc = NotAWorkshopFile(
                "{path} is damaged: {reason}.", path=str(getattr(args, "file", "")), reason=str(exc)
            )
        # One line, always: a reason quoted from SQLite may have line breaks of its own.
        message = " ".join(str(exc).splitlines())
        print(f"pofacil: {message}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader stopped early (`pofacil history x | head`): nothing to complain about.
        _discard_stdout()
        return 141  # what a shell reports for a program ended by SIGPIPE


def gui_main() -> int:
    """``pofacil-gui``: the window only (on FILE, if given), never a command; the entry the
    Windows and macOS launchers use, so no console window opens."""
    return _run_app(sys.argv[1:])


def _discard_stdout() -> None:
    """Point stdout at devnull, as Python's documentation advises after EPIPE: otherwise the
    interpreter's final flush hits the closed pipe again and prints a warning."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):  # an in-process caller's stdout may have no file descriptor
        pass


def _run_app(args: list[str]) -> int:
    if len(args) > 1:
        print("pofacil: give at most one workshop file to open.", file=sys.stderr)
        return 2
    try:
        from .ui.app import run
    except ImportError as exc:
        print(
            f"pofacil: the window cannot start ({exc}); the commands still work, see "
            "'pofacil --help'.",
            file=sys.stderr,
        )
        return 1
    return run(args[0] if args else None)


def _new(args: argparse.Namespace) -> int:
    from pofacil.board.session import Session

    boards = []
    for spec in args.board or ["blank"]:
        template, _, name = spec.partition(":")
        boards.append((template.strip(), name.strip() or None))
    session = Session.create(
        args.file,
        title=args.title,
        boards=boards,
        date=args.date,
        venue=args.venue,
        facilitator=args.facilitator,
    )
    names = ", ".join(b.name for b in session.workshop.ordered_boards())
    session.close()
    print(f"created {args.file} with board(s): {names}")
    return 0


def _templates(args: argparse.Namespace) -> int:
    from pofacil.board.model.templates import builtin_templates

    for template in builtin_templates().values():
        print(f"{template.id}\t{template.name('zh')}\t{template.name('en')}")
    return 0


def _open_read_only(path: Path) -> tuple[Store, Workshop]:
    from pofacil.board.storage.store import Store

    store = Store.open(path, read_only=True)
    try:
        ws = store.load()
    except BaseException:
        store.close()
        raise
    warn_opened(store)
    return store, ws


def _info(args: argparse.Namespace) -> int:
    # sqlite3 alone, not the store: see storage/summary.py
    from pofacil.board.storage.summary import read_summary
    from pofacil.board.storage.table_checks import damage_warning

    data, damaged = read_summary(args.file)
    warn_read(args.file, damage_warning(args.file, damaged))
    if args.json:
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return 0
    print(f"{data['title'] or '(untitled)'}  {data['date']}  {data['venue']}".rstrip())
    for board in data["boards"]:
        deleted = f", {board['deleted_notes']} deleted" if board["deleted_notes"] else ""
        print(f"  {board['name']} [{board['template']}]: {board['notes']} notes{deleted}")
        for cell in board["cells"]:
            print(f"    {cell['row']} / {cell['column']}: {cell['notes']}")
        for cluster in board["clusters"]:
            print(f"    [{cluster['name']}]: {cluster['notes']}")
    return 0


def _import(args: argparse.Namespace) -> int:
    from pofacil.board.formats.importers import import_change, with_layout
    from pofacil.board.session import Session

    session = Session.open(args.file, actor=args.actor)
    try:
        warn_opened(session.store)
        ws = session.workshop
        board = ws.find_board(args.board) if args.board else ws.ordered_boards()[0]
        change = session.do_all(
            "import",
            *with_layout(
                board.id,
                lambda ws: import_change(
                    ws, board.id, args.source, args.author, speakers=args.speakers
                ),
            ),
        )
    finally:
        session.close()
    count = len(change.subjects)
    print(f"imported {count} note(s) into board {board.name}")
    return 0


def _merge(args: argparse.Namespace) -> int:
    from pofacil.board.ops.inbox import merged_points
    from pofacil.board.ops.merge import merge_boards
    from pofacil.board.session import Session
    from pofacil.board.storage.other_file import read_other

    session = Session.open(args.file, actor=args.actor)
    try:
        warn_opened(session.store)
        other = read_other(args.other, session.path)
        if other.damaged is not None:
            print(f"pofacil: warning: {other.damaged}", file=sys.stderr)
        merge = merge_boards(session.workshop, other.workshop, args.other.name, args.board)
        session.do(merge.change)
        points = merged_points(other.points, merge.board_ids)
        session.record_points(points)
    finally:
        session.close()
    boards = ", ".join(f"{b.source} as {b.name}" if b.renamed else b.name for b in merge.boards)
    print(
        f"merged {len(merge.boards)} board(s) with {merge.notes} note(s) from {args.other} "
        f"into {args.file}: {boards}"
    )
    if points is not None:
        print(f"{len(points.patches)} point(s) from the room's inbox came along")
    if merge.left_out:
        print(f"{merge.left_out} deleted note(s) left out")
    return 0


def _layout(args: argparse.Namespace) -> int:
    from pofacil.board.ops.boards import layout_mindmap
    from pofacil.board.session import Session

    session = Session.open(args.file, actor=args.actor)
    try:
        warn_opened(session.store)
        ws = session.workshop
        board = ws.find_board(args.board) if args.board else ws.ordered_boards()[0]
        change = layout_mindmap(ws, board.id)
        if change is not None:
            session.do(change)
    finally:
        session.close()
    moved = len({p.id for p in change.patches}) if change is not None else 0
    print(f"laid out board {board.name}: {moved} note(s) moved")
    return 0


def _set(args: argparse.Namespace) -> int:
    from pofacil.board.ops import set_info
    from pofacil.board.session import Session

    fields = {k: getattr(args, k) for k in ("title", "date", "venue", "facilitator")}
    if all(v is None for v in fields.values()):
        print(
            "pofacil: give at least one of --title, --date, --venue, --facilitator.",
            file=sys.stderr,
        )
        return 2
    session = Session.open(args.file, actor=args.actor)
    try:
        warn_opened(session.store)
        change = set_info(session.workshop, **fields)
        if change.patches:
            session.do(change)
        info = session.workshop.info
    finally:
        session.close()
    if not change.patches:
        print(f"{args.file}: the details were already so; nothing changed")
        return 0
    shown = "; ".join(f"{k}: {getattr(info, k)}" for k, v in fields.items() if v is not None)
    print(f"{args.file}: {shown}")
    return 0


def _history(args: argparse.Namespace) -> int:
    from pofacil.board.formats.history_text import Names, history_lines

    store, ws = _open_read_only(args.file)
    try:
        board = ws.find_board(args.board).id if args.board else None
        if args.note:
            ws.note(args.note)
        entries = store.history(board=board, entity=args.note)
    finally:
        store.close()
    for line in history_lines(entries, Names.of(ws, args.lang), args.lang):
        where = f"［{line.board}］" if args.lang == "zh" else f"[{line.board}]"
        print(f"{where} {line.text}" if line.board else line.text)
    return 0


def _check(args: argparse.Namespace) -> int:
    # sqlite3 and the checks, not the store: see storage/file_check.py
    from pofacil.board.storage.connection import open_checked
    from pofacil.board.storage.file_check import check_file, counts
    from pofacil.board.storage.header import read_header

    read_header(args.file)
    conn, _ = open_checked(args.file, read_only=True)
    warn_read(args.file, None)
    try:
        problems = check_file(conn)
        if problems:
            more = f"; and {len(problems) - 20} more" if len(problems) > 20 else ""
            print(
                f"pofacil: {args.file} is damaged: {'; '.join(problems[:20])}{more}",
                file=sys.stderr,
            )
            return 1
        boards, notes, lines = counts(conn)
    finally:
        conn.close()
    print(f"ok: {args.file} ({boards} boards, {notes} notes, {lines} history lines)")
    return 0


def _export(args: argparse.Namespace) -> int:
    from .cli_export import run

    return run(args)


def _serve(args: argparse.Namespace) -> int:
    from .room.serve import run

    return run(args)


_COMMANDS = {
    "new": _new,
    "templates": _templates,
    "info": _info,
    "import": _import,
    "merge": _merge,
    "layout": _layout,
    "set": _set,
    "history": _history,
    "check": _check,
    "export": _export,
    "serve": _serve,
}

if __name__ == "__main__":
    sys.exit(main())
