"""Keep the Traditional Chinese translation in step with the English source strings.

Run from anywhere with the project's venv Python::

    .venv/bin/python packaging/i18n/update_translations.py          # update .ts and .qm
    .venv/bin/python packaging/i18n/update_translations.py --check  # CI: change nothing

What an update does, in order:

1. ``pyside6-lupdate`` reads every ``pofacil/ui/*.py`` and updates
   ``assets/translations/pofacil_zh_TW.ts``. It keeps existing translations and, with
   ``-no-obsolete``, drops strings that vanished from the code: the .ts lists exactly the
   strings the code has now, so a reviewer never translates dead text.
2. The Qt-free core (``pofacil/board/**/*.py``) cannot call ``tr()``; its errors carry an English
   template that the UI translates in the context ``errors``. lupdate cannot see those, so
   they are found here with :mod:`ast` and merged into the same .ts (vanished ones are
   dropped too, the same rule as step 1). The Undo and Redo texts of the core's change
   labels (``LABEL_TEXTS`` in ``pofacil/board/model/change.py``) go into the context
   ``changes`` the same way.
3. Strings still without a translation are filled from ``packaging/i18n/zh_TW.py``, a plain
   dict a reviewer can read. A translation already in the .ts wins (it may have been edited
   in Qt Linguist); ``--overwrite`` makes the dict win instead.
4. ``pyside6-lrelease`` compiles the .qm the app loads.

``--check`` runs the same extraction into a temporary folder, writes nothing, and exits 1
when a source string is missing from the .ts, has no finished translation, or its
translation drops (or invents) a ``{placeholder}`` or ``%1``, misplaces a mnemonic, or loses
the ellipsis; or when the committed .qm is not what lrelease makes of the .ts.
"""

from __future__ import annotations

import argparse
import ast
import importlib.util
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
UI_DIR = ROOT / "pofacil" / "ui"
CORE_DIR = ROOT / "pofacil" / "board"
ERRORS_MODULE = CORE_DIR / "model" / "errors.py"
TRANSLATIONS_DIR = ROOT / "assets" / "translations"
LANGUAGE = "zh_TW"
TS_FILE = TRANSLATIONS_DIR / f"pofacil_{LANGUAGE}.ts"
QM_FILE = TRANSLATIONS_DIR / f"pofacil_{LANGUAGE}.qm"
DICT_FILE = Path(__file__).resolve().parent / f"{LANGUAGE}.py"
ERRORS_CONTEXT = "errors"  # must match pofacil/ui/document.py:translate_error
CHANGE_MODULE = CORE_DIR / "model" / "change.py"
CHANGES_CONTEXT = "changes"  # must match pofacil/ui/main_window.py:_update_undo_texts
CHANGE_TEXTS = "LABEL_TEXTS"
ERROR_BASE = "PofacilError"

# Python format fields ({path}, {count}) and Qt's numbered arguments (%1, %L1): the code fills
# them after translating, so a translation that loses one shows a hole or raises KeyError.
PLACEHOLDER = re.compile(r"\{[^{}]*\}|%L?\d{1,2}")
# A mnemonic is "&" + a character, except "&&" (a literal ampersand).
MNEMONIC = re.compile(r"&(?!&)(.)")

Key = tuple[str, str]  # (context, source text)


# -- tools ---------------------------------------------------------------------------------
def qt_tool(name: str) -> str:
    """The Qt tool installed next to this Python (same venv, so same Qt as the app)."""
    # sys.executable is not resolved on purpose: in a venv it is a symlink into the base
    # interpreter, whose folder does not have the PySide6 console scripts.
    found = shutil.which(name, path=str(Path(sys.executable).parent))
    if found is None:
        found = shutil.which(name)
    if found is None:
        sys.exit(f"{name} not found next to {sys.executable}; install PySide6 in this venv.")
    return found


def run_tool(args: list[str]) -> None:
    """Run a Qt tool quietly; show its output only when it fails, and stop."""
    result = subprocess.run(args, cwd=ROOT, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        sys.stderr.write(result.stdout + result.stderr)
        sys.exit(f"{Path(args[0]).name} failed with exit code {result.returncode}")


def ui_sources() -> list[Path]:
    return sorted(UI_DIR.glob("*.py"))


def rel(path: Path, start: Path) -> str:
    """A path relative to ``start`` with forward slashes, as lupdate writes locations."""
    return Path(os.path.relpath(path, start)).as_posix()


# -- error templates of the Qt-free core ---------------------------------------------------
@dataclass
class Template:
    text: str
    locations: list[tuple[Path, int]] = field(default_factory=list)


def _error_classes(tree: ast.Module) -> tuple[set[str], set[str]]:
    """(every PofacilError class, those whose first argument is not the template).

    A subclass that defines ``__init__`` without a ``template`` first parameter (like
    ImportFormatError) builds its own template inside; a call to it passes data, not text.
    """
    bases: dict[str, list[str]] = {}
    first_param: dict[str, str | None] = {}
    for node in tree.body:
        if isinstance(node, ast.ClassDef):
            bases[node.name] = [b.id for b in node.bases if isinstance(b, ast.Name)]
            for item in node.body:
                if isinstance(item, ast.FunctionDef) and item.name == "__init__":
                    args = item.args.args
                    first_param[node.name] = args[1].arg if len(args) > 1 else None

    def is_error(name: str) -> bool:
        return name == ERROR_BASE or any(is_error(b) for b in bases.get(name, []))

    def takes_template(name: str) -> bool:
        if name in first_param:
            return first_param[name] == "template"
        return any(takes_template(b) for b in bases.get(name, []) if is_error(b))

    errors = {name for name in bases if is_error(name)}
    return errors, {name for name in errors if not takes_template(name)}


def _call_name(func: ast.expr) -> str | None:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return None


def _template_arg(call: ast.Call) -> ast.expr | None:
    if call.args:
        return call.args[0]
    for keyword in call.keywords:
        if keyword.arg == "template":
            return keyword.value
    return None


def error_templates(warnings: list[str]) -> dict[str, Template]:
    """Every English error template in pofacil/board, in order of first appearance in the code.

    Implicit concatenation ("a " "b") is already one constant in the AST, so multi-line
    templates come out whole. A template that is not a literal cannot be translated: warn.
    """
    errors_tree = ast.parse(ERRORS_MODULE.read_text(encoding="utf-8"))
    error_classes, data_first = _error_classes(errors_tree)
    found: dict[str, Template] = {}

    def add(text: str, path: Path, line: int) -> None:
        found.setdefault(text, Template(text)).locations.append((path, line))

    for path in sorted(CORE_DIR.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        # Local names for the error classes, including "from .errors import X as Y".
        names = {name: name for name in error_classes}
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom):
                for alias in node.names:
                    if alias.name in error_classes and alias.asname:
                        names[alias.asname] = alias.name
        for node in ast.walk(tree):
            # Class-level defaults, e.g. PofacilError.template = "{reason}".
            if isinstance(node, ast.ClassDef) and node.name in error_classes:
                for item in node.body:
                    if (
                        isinstance(item, ast.Assign)
                        and len(item.targets) == 1
                        and isinstance(item.targets[0], ast.Name)
                        and item.targets[0].id == "template"
                        and isinstance(item.value, ast.Constant)
                        and isinstance(item.value.value, str)
                    ):
                        add(item.value.value, path, item.lineno)
                    # A subclass building its own template: super().__init__("...", ...).
                    for call in ast.walk(item):
                        if (
                            isinstance(call, ast.Call)
                            and _call_name(call.func) == "__init__"
                            and isinstance(call.func, ast.Attribute)
                            and isinstance(call.func.value, ast.Call)
                            and _call_name(call.func.value.func) == "super"
                        ):
                            arg = _template_arg(call)
                            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                                add(arg.value, path, call.lineno)
            if not isinstance(node, ast.Call):
                continue
            name = names.get(_call_name(node.func) or "")
            if name is None or name in data_first:
                continue
            arg = _template_arg(node)
            if arg is None:
                continue  # the class default template, collected above
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                add(arg.value, path, node.lineno)
            else:
                warnings.append(
                    f"{rel(path, ROOT)}:{node.lineno}: {name} template is not a "
                    f"string literal; it cannot be extracted for translation"
                )
    # ast.walk is breadth-first: sort so the .ts follows the source and diffs stay small.
    for template in found.values():
        template.locations.sort()
    return dict(sorted(found.items(), key=lambda item: item[1].locations[0]))


def change_texts(warnings: list[str]) -> dict[str, Template]:
    """The Undo and Redo texts of the core's change labels: the strings of ``LABEL_TEXTS``."""
    tree = ast.parse(CHANGE_MODULE.read_text(encoding="utf-8"), filename=str(CHANGE_MODULE))
    found: dict[str, Template] = {}
    for node in tree.body:
        target = (
            node.target
            if isinstance(node, ast.AnnAssign)
            else (node.targets[0] if isinstance(node, ast.Assign) else None)
        )
        if not (
            isinstance(target, ast.Name)
            and target.id == CHANGE_TEXTS
            and isinstance(node.value, ast.Dict)
        ):
            continue
        for value in node.value.values:
            texts = value.elts if isinstance(value, ast.Tuple) else [value]
            for text in texts:
                if isinstance(text, ast.Constant) and isinstance(text.value, str):
                    found.setdefault(text.value, Template(text.value)).locations.append(
                        (CHANGE_MODULE, text.lineno)
                    )
                else:
                    warnings.append(
                        f"{rel(CHANGE_MODULE, ROOT)}:{text.lineno}: a change text "
                        f"that is not a string literal cannot be translated"
                    )
    if not found:
        warnings.append(f"{rel(CHANGE_MODULE, ROOT)} has no {CHANGE_TEXTS} dict")
    return found


# -- the .ts file --------------------------------------------------------------------------
def read_ts(path: Path) -> ET.Element:
    return ET.parse(path).getroot()


def _protect(text: str) -> str:
    """Escape as lupdate does (quotes too), so its next run changes no line of ours."""
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("'", "&apos;")
    )


def _serialize(element: ET.Element, level: int, out: list[str]) -> None:
    pad = "    " * level
    attrs = "".join(f' {k}="{_protect(v)}"' for k, v in element.attrib.items())
    if len(element):
        out.append(f"{pad}<{element.tag}{attrs}>")
        for child in element:
            _serialize(child, level + 1, out)
        out.append(f"{pad}</{element.tag}>")
    elif element.tag == "location":
        out.append(f"{pad}<{element.tag}{attrs}/>")
    else:
        out.append(f"{pad}<{element.tag}{attrs}>{_protect(element.text or '')}</{element.tag}>")


def write_ts(root: ET.Element, path: Path) -> None:
    """Write the TS XML byte for byte the way lupdate does: contexts at column 0, then four
    spaces a level, self-closing locations only. Re-running lupdate then leaves the file as it
    is, and a reviewer's diff shows only real changes."""
    attrs = "".join(f' {k}="{_protect(v)}"' for k, v in root.attrib.items())
    out = ['<?xml version="1.0" encoding="utf-8"?>', "<!DOCTYPE TS>", f"<TS{attrs}>"]
    for child in root:
        _serialize(child, 0, out)
    out.append("</TS>")
    # newline="\n": the same bytes on Windows, where lupdate writes LF too.
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        fh.write("\n".join(out) + "\n")


def contexts(root: ET.Element) -> Iterable[tuple[str, ET.Element]]:
    for context in root.findall("context"):
        yield context.findtext("name") or "", context


def is_current(message: ET.Element) -> bool:
    """False for messages lupdate kept only as history (obsolete or vanished)."""
    translation = message.find("translation")
    kind = translation.get("type") if translation is not None else None
    return kind not in ("obsolete", "vanished")


def is_finished(message: ET.Element) -> bool:
    translation = message.find("translation")
    if translation is None or translation.get("type") in ("unfinished", "obsolete", "vanished"):
        return False
    return all(form.strip() for form in translation_forms(message))


def translation_forms(message: ET.Element) -> list[str]:
    """The translated text, or each plural form of a numerus message."""
    translation = message.find("translation")
    if translation is None:
        return [""]
    forms = translation.findall("numerusform")
    return [f.text or "" for f in forms] if forms else [translation.text or ""]


def messages(root: ET.Element) -> dict[Key, ET.Element]:
    return {
        (name, m.findtext("source") or ""): m
        for name, context in contexts(root)
        for m in context.findall("message")
        if is_current(m)
    }


def extract_ui(tmp: Path) -> ET.Element:
    """What lupdate finds in pofacil/ui now, in a fresh .ts (leaves the real one alone)."""
    fresh = tmp / f"fresh_{LANGUAGE}.ts"
    run_tool(
        [
            qt_tool("pyside6-lupdate"),
            "-silent",
            "-locations",
            "none",
            "-source-language",
            "en",
            "-target-language",
            LANGUAGE,
            *[rel(p, ROOT) for p in ui_sources()],
            "-ts",
            str(fresh),
        ]
    )
    return read_ts(fresh)


def lupdate_into(ts: Path) -> None:
    """Let lupdate update ``ts`` from pofacil/ui, keeping translations, dropping dead text."""
    ts.parent.mkdir(parents=True, exist_ok=True)
    run_tool(
        [
            qt_tool("pyside6-lupdate"),
            "-silent",
            "-no-obsolete",
            "-locations",
            "absolute",
            "-source-language",
            "en",
            "-target-language",
            LANGUAGE,
            *[rel(p, ROOT) for p in ui_sources()],
            "-ts",
            rel(ts, ROOT),
        ]
    )


def merge_core(
    root: ET.Element,
    context_name: str,
    templates: dict[str, Template],
    previous: dict[Key, ET.Element],
    ts: Path,
) -> None:
    """Replace a core context (errors, changes) with the current templates, keeping known
    translations."""
    for name, context in list(contexts(root)):
        if name == context_name:
            root.remove(context)
    context = ET.SubElement(root, "context")
    ET.SubElement(context, "name").text = context_name
    for template in templates.values():
        message = ET.SubElement(context, "message")
        for path, line in template.locations:
            ET.SubElement(message, "location", filename=rel(path, ts.parent), line=str(line))
        ET.SubElement(message, "source").text = template.text
        old = previous.get((context_name, template.text))
        translation = ET.SubElement(message, "translation")
        if old is not None and old.find("translation") is not None:
            kept = old.find("translation")
            assert kept is not None
            translation.text = kept.text
            if kept.get("type") == "unfinished" or not (kept.text or "").strip():
                translation.set("type", "unfinished")
        else:
            translation.set("type", "unfinished")


def fill_from_dict(
    root: ET.Element, table: dict[str, str], overwrite: bool
) -> tuple[int, set[str]]:
    """Put dict translations into unfinished messages (all, with overwrite); return
    (how many were filled, which dict entries were used)."""
    filled, used = 0, set()
    for _name, context in contexts(root):
        for message in context.findall("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            if source not in table or message.get("numerus") == "yes" or translation is None:
                continue
            used.add(source)
            if is_finished(message) and not overwrite:
                continue
            if translation.text != table[source] or translation.get("type"):
                filled += 1
            translation.text = table[source]
            translation.attrib.pop("type", None)
    return filled, used


def load_dict() -> dict[str, str]:
    """The reviewer-readable dict; loaded by path because packaging/ is not a package."""
    spec = importlib.util.spec_from_file_location("pofacil_translations", DICT_FILE)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    table = module.TRANSLATIONS
    if not isinstance(table, dict):
        sys.exit(f"{DICT_FILE}: TRANSLATIONS must be a dict")
    return table


def lrelease(ts: Path, qm: Path) -> None:
    # -nounfinished: a draft lupdate guessed from similar text must never ship as if it
    # were reviewed; the UI shows the English source instead.
    run_tool([qt_tool("pyside6-lrelease"), "-silent", "-nounfinished", str(ts), "-qm", str(qm)])


# -- checks --------------------------------------------------------------------------------
def problems_with(source: str, forms: list[str]) -> list[str]:
    """What is wrong with a finished translation of ``source``."""
    out: list[str] = []
    wanted = set(PLACEHOLDER.findall(source))
    for text in forms:
        got = set(PLACEHOLDER.findall(text))
        if missing := sorted(wanted - got):
            out.append(f"drops {', '.join(missing)}")
        if extra := sorted(got - wanted):
            out.append(f"adds {', '.join(extra)} not in the source")
        # A mnemonic on a Chinese character cannot be typed; use the "檔案(&F)" style.
        if bad := [c for c in MNEMONIC.findall(text) if not (c.isascii() and c.isalnum())]:
            out.append(f"mnemonic on {''.join(bad)!r}; write it as (&X)")
        if MNEMONIC.search(source) is None and MNEMONIC.search(text) is not None:
            out.append("has a mnemonic the source does not have")
        if source.endswith("…") and not text.endswith("…"):
            out.append("drops the ellipsis …")
    return out


def empty_context_warnings(ui: ET.Element) -> list[str]:
    """Strings lupdate filed under no context: their runtime context is unknown to it.

    This happens with a tr() wrapper outside a class (``def tr(text): return
    QCoreApplication.translate("X", text)``): lupdate sees ``tr("...")`` but not "X", while
    Qt looks the string up under "X" at run time, so it is never translated.
    """
    return [
        f"{m.findtext('source')!r} has no context in lupdate's eyes (a tr() wrapper "
        f'outside a class?); call QCoreApplication.translate("Context", "...") '
        f"directly so it gets translated"
        for name, context in contexts(ui)
        if name == ""
        for m in context.findall("message")
    ]


def check(templates: dict[str, Template], changes: dict[str, Template], warnings: list[str]) -> int:
    failures: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        ui = extract_ui(Path(tmp))
        warnings += empty_context_warnings(ui)
        if not TS_FILE.exists():
            print(f"FAIL: {rel(TS_FILE, ROOT)} does not exist; run this script without --check")
            return 1
        ts_root = read_ts(TS_FILE)
        have = messages(ts_root)
        wanted = (
            list(messages(ui))
            + [(ERRORS_CONTEXT, t) for t in templates]
            + [(CHANGES_CONTEXT, t) for t in changes]
        )
        for key in wanted:
            context, source = key
            label = f"[{context or '<no context>'}] {source!r}"
            message = have.get(key)
            if message is None:
                failures.append(f"{label}: missing from the .ts")
            elif not is_finished(message):
                failures.append(f"{label}: no finished translation")
            else:
                failures += [
                    f"{label}: translation {why}"
                    for why in problems_with(source, translation_forms(message))
                ]
        if stale := sorted(set(have) - set(wanted)):
            warnings += [f"[{c}] {s!r} is in the .ts but no longer in the code" for c, s in stale]
        # The app loads the .qm, not the .ts: a stale .qm silently shows English.
        rebuilt = Path(tmp) / QM_FILE.name
        lrelease(TS_FILE, rebuilt)
        if not QM_FILE.exists() or QM_FILE.read_bytes() != rebuilt.read_bytes():
            failures.append(f"{rel(QM_FILE, ROOT)} is not the compiled {rel(TS_FILE, ROOT)}")
    for warning in warnings:
        print(f"warning: {warning}")
    for failure in failures:
        print(f"FAIL: {failure}")
    if failures:
        print(
            f"{len(failures)} problem(s); run {rel(Path(__file__), ROOT)} (after adding the "
            f"missing entries to {rel(DICT_FILE, ROOT)}) and commit the .ts and .qm"
        )
        return 1
    ui_count = len(wanted) - len(templates) - len(changes)
    print(
        f"OK: {len(wanted)} strings translated ({ui_count} UI, {len(templates)} errors, "
        f"{len(changes)} changes)"
    )
    return 0


def update(
    templates: dict[str, Template],
    changes: dict[str, Template],
    warnings: list[str],
    overwrite: bool,
) -> int:
    table = load_dict()
    # Read the old .ts first: lupdate's -no-obsolete drops the core's contexts (it has no
    # source it can see), and their translations must survive into the merge below.
    previous = messages(read_ts(TS_FILE)) if TS_FILE.exists() else {}
    lupdate_into(TS_FILE)
    root = read_ts(TS_FILE)
    with tempfile.TemporaryDirectory() as tmp:
        warnings += empty_context_warnings(extract_ui(Path(tmp)))
    merge_core(root, ERRORS_CONTEXT, templates, previous, TS_FILE)
    merge_core(root, CHANGES_CONTEXT, changes, previous, TS_FILE)
    filled, used = fill_from_dict(root, table, overwrite)
    write_ts(root, TS_FILE)
    lrelease(TS_FILE, QM_FILE)

    current = messages(root)
    todo = [k for k, m in current.items() if not is_finished(m)]
    for warning in warnings:
        print(f"warning: {warning}")
    for source in sorted(set(table) - used):
        print(f"note: dictionary entry no longer in the code: {source!r}")
    errors_count = sum(1 for c, _ in current if c == ERRORS_CONTEXT)
    changes_count = sum(1 for c, _ in current if c == CHANGES_CONTEXT)
    print(
        f"{rel(TS_FILE, ROOT)}: {len(current) - errors_count - changes_count} UI + "
        f"{errors_count} error + {changes_count} change strings; {filled} filled from "
        f"{DICT_FILE.name}; {len(todo)} untranslated"
    )
    for context, source in todo:
        print(f"  untranslated [{context}] {source!r}")
    print(f"wrote {rel(QM_FILE, ROOT)}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--check",
        action="store_true",
        help="change nothing; exit 1 if a string lacks a correct translation",
    )
    parser.add_argument(
        "--overwrite",
        action="store_true",
        help=f"let {DICT_FILE.name} replace translations already in the .ts",
    )
    args = parser.parse_args(argv)
    warnings: list[str] = []
    templates = error_templates(warnings)
    changes = change_texts(warnings)
    if args.check:
        return check(templates, changes, warnings)
    return update(templates, changes, warnings, args.overwrite)


if __name__ == "__main__":
    sys.exit(main())
