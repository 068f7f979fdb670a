"""What the frozen app leaves out, and what each exclusion saves.

PyInstaller collects every Qt plugin PySide6 ships and every library those plugins link, so a
plain build carries the host's GTK 3 (through Qt's GTK platform theme), Qt's network stack and
plugins for hardware a laptop never has. Each rule below names the files it drops at the top
(plugins, extension modules); the libraries then left with no user are dropped after them.

The spec (``pofacil.spec``) applies the rules to what PyInstaller collected; run this file on
an untrimmed one-folder build to see what each rule saves:

    python packaging/pyinstaller/trim.py dist/pofacil/_internal

Measured on Debian 12 with PySide6 6.11.3 and PyInstaller 6.22.3 (MB = 10^6 bytes): the plain
build is 215.5 MB (207.7 MB of it in _internal, 88.9 MB as tar.gz); the rules save host GTK
16.8, Qt network 7.3, Qt SVG 0.8, unused Qt plugins 5.3, Qt translations 6.9 and Pillow
codecs 6.0 MB, and stripping the debug symbols (the spec's strip=True) 29.1 MB more: 143.3 MB
unpacked, 61.1 MB as tar.gz. The 30.6 MB of ICU data stays: it is PySide6's own ICU 73, which
libQt6Core links (NEEDED), not the host's.
"""

from __future__ import annotations

import fnmatch
import sys
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath


@dataclass(frozen=True)
class Rule:
    name: str
    why: str
    patterns: tuple[str, ...]
    keep: tuple[str, ...] = ()

    def matches(self, dest: str) -> bool:
        hit = any(fnmatch.fnmatch(dest, p) for p in self.patterns)
        return hit and not any(fnmatch.fnmatch(dest, p) for p in self.keep)


# Paths are inside the app folder ('_internal' on Linux and Windows), '/'-separated; a leading
# 'PySide6/*plugins' matches both PySide6/Qt/plugins (Linux, macOS) and PySide6/plugins
# (Windows). The platform plugins kept: xcb, wayland, offscreen, and windows/cocoa elsewhere.
RULES = (
    Rule(
        "host GTK",
        "Qt's GTK 3 platform theme, which drags in the host's GTK, cairo and pango: pofacil "
        "draws its own widgets with Qt's style and asks for no GTK dialogs",
        ("PySide6/*plugins/platformthemes/*gtk3*",),
    ),
    Rule(
        "Qt network",
        "QtNetwork and its TLS and network-information plugins: PySide6 lists the module, "
        "pofacil never imports it (the room server, if any, is plain Python)",
        (
            "PySide6/QtNetwork.*",
            "PySide6/*Qt6Network*",
            "PySide6/*plugins/tls/*",
            "PySide6/*plugins/networkinformation/*",
        ),
    ),
    Rule(
        "Qt SVG",
        "QtSvg and the SVG image and icon plugins: the app's icon is shipped as PNGs",
        (
            "PySide6/QtSvg.*",
            "PySide6/*Qt6Svg*",
            "PySide6/*plugins/iconengines/*",
            "PySide6/*plugins/imageformats/*svg*",
        ),
    ),
    Rule(
        "unused Qt plugins",
        "platforms for embedded boards (eglfs, linuxfb, VNC, Vulkan display, minimal), evdev "
        "and TUIO input, image formats pofacil never reads (it writes only PNG, built into Qt)",
        (
            "PySide6/*plugins/platforms/*eglfs*",
            "PySide6/*plugins/platforms/*linuxfb*",
            "PySide6/*plugins/platforms/*vnc*",
            "PySide6/*plugins/platforms/*vkkhrdisplay*",
            "PySide6/*plugins/platforms/*minimal*",
            "PySide6/*plugins/egldeviceintegrations/*",
            "PySide6/*plugins/generic/*",
            "PySide6/*plugins/imageformats/*",
            "PySide6/*Qt6EglFS*",
        ),
    ),
    Rule(
        "Qt translations",
        "Qt's own texts (standard buttons) in the 30 languages other than the UI's two: only "
        "Traditional Chinese is loaded, and English is built in",
        ("PySide6/*translations/*",),
        keep=("PySide6/*translations/qtbase_zh_TW.qm",),
    ),
    Rule(
        "Pillow codecs",
        "Pillow's AVIF and WebP codecs: reportlab imports Pillow, pofacil puts no images in a PDF",
        ("PIL/_avif*", "PIL/_webp*"),
    ),
)

# Loaded with dlopen rather than linked, so nothing lists them as needed: never swept.
_DLOPENED = ("libpython*", "libdbus-1*", "libssl*", "libcrypto*", "python3*.dll", "*.dylib")
# Where PyInstaller puts shared libraries that only other binaries use.
_LIBRARY_FOLDERS = ("", "PySide6/Qt/lib", "PySide6", "pillow.libs", "shiboken6")


def _is_library(dest: str) -> bool:
    path = PurePosixPath(dest)
    name = path.name
    if any(fnmatch.fnmatch(name, p) for p in _DLOPENED):
        return False
    folder = str(path.parent) if str(path.parent) != "." else ""
    shared = fnmatch.fnmatch(name, "lib*.so*") or name.endswith(".dll")
    return shared and folder in _LIBRARY_FOLDERS and not name.endswith(".pyd")


def plan(
    files: Mapping[str, Path], needs: Callable[[Path], Iterable[str]]
) -> list[tuple[Rule, set[str]]]:
    """For each rule in turn, the files it removes: its own matches and the libraries no kept
    binary needs any more. ``files`` maps a path in the app folder to the file collected;
    ``needs`` gives the library names a binary links."""
    kept = dict(files)
    needed_by: dict[str, set[str]] = {}
    for dest, source in files.items():
        if _is_binary(dest):
            # Lower case: Windows names a DLL in any case it likes.
            needed_by[dest] = {
                PurePosixPath(n.replace("\\", "/")).name.lower() for n in needs(source)
            }
    steps = []
    for rule in RULES:
        removed = {d for d in kept if rule.matches(d)}
        for dest in removed:
            del kept[dest]
        while True:
            used = set().union(*(needed_by.get(d, set()) for d in kept))
            orphans = {
                d for d in kept if _is_library(d) and PurePosixPath(d).name.lower() not in used
            }
            if not orphans:
                break
            removed |= orphans
            for dest in orphans:
                del kept[dest]
        steps.append((rule, removed))
    return steps


def _is_binary(dest: str) -> bool:
    name = PurePosixPath(dest).name
    return ".so" in name or name.endswith((".dll", ".pyd", ".dylib"))


def excluded(files: Mapping[str, Path], needs: Callable[[Path], Iterable[str]]) -> set[str]:
    return set().union(*(removed for _rule, removed in plan(files, needs)))


def linked_names(path: Path) -> list[str]:
    """The libraries a binary links, as PyInstaller reads them (ldd, pefile or macholib)."""
    from PyInstaller.depend.bindepend import get_imports

    try:
        return [name for name, _resolved in get_imports(str(path))]
    except Exception:  # not a binary PyInstaller can read: it needs nothing we could sweep
        return []


def _measure(folder: Path) -> None:
    files = {
        p.relative_to(folder).as_posix(): p
        for p in folder.rglob("*")
        if p.is_file() and not p.is_symlink()
    }
    total = sum(p.stat().st_size for p in files.values())
    print(f"untrimmed: {total / 1e6:.1f} MB in {len(files)} files")
    left = total
    for rule, removed in plan(files, linked_names):
        saved = sum(files[d].stat().st_size for d in removed)
        left -= saved
        print(f"- {rule.name}: {saved / 1e6:.1f} MB in {len(removed)} files -> {left / 1e6:.1f} MB")
        for dest in sorted(removed, key=lambda d: -files[d].stat().st_size)[:8]:
            print(f"    {files[dest].stat().st_size / 1e6:5.1f} MB  {dest}")


if __name__ == "__main__":
    _measure(Path(sys.argv[1]))
