#!/usr/bin/env bash
# Build the Linux app: dist/pofacil-<version>-linux-<arch>.tar.gz, a one-folder app that runs
# without Python (PyInstaller, packaging/pyinstaller/pofacil.spec), with install.sh for the
# menu entry. Builds in a throwaway venv from this checkout, so the developer's venv is never
# what gets frozen.
#
# Usage: packaging/build.sh [OUT_DIR]   (default: dist/; needs python3 with venv)
# POFACIL_BUILD_KEEP=DIR keeps the unpacked app folder in DIR (the CI smoke test runs it).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
if ! command -v strip >/dev/null; then
    # The spec strips debug symbols from the libraries (29 MB) with binutils' strip.
    echo "build.sh: 'strip' is missing; install binutils (sudo apt-get install binutils)." >&2
    exit 1
fi
OUT=$(mkdir -p "${1:-$ROOT/dist}" && cd "${1:-$ROOT/dist}" && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
start=$SECONDS

# A copy of the sources, so setuptools' build/ and egg-info land there, not in the checkout.
mkdir "$WORK/src"
tar -C "$ROOT" --exclude=./.git --exclude=./.venv --exclude=./build --exclude=./dist \
    --exclude='*.egg-info' -cf - . | tar -C "$WORK/src" -xf -
python3 -m venv "$WORK/venv"
"$WORK/venv/bin/pip" install -q "$WORK/src[bundle]"
version=$("$WORK/venv/bin/python" -c 'from importlib.metadata import version as v; print(v("pofacil"))')
"$WORK/venv/bin/python" "$ROOT/packaging/icons.py" --bundle "$WORK/icons"

POFACIL_ICONS="$WORK/icons" "$WORK/venv/bin/pyinstaller" --noconfirm --log-level WARN \
    --distpath "$WORK/dist" --workpath "$WORK/build" "$ROOT/packaging/pyinstaller/pofacil.spec"

name="pofacil-$version-linux-$(uname -m)"
app="$WORK/dist/$name"
mv "$WORK/dist/pofacil" "$app"
cp "$ROOT/packaging/linux/install.sh" "$ROOT/packaging/linux/pofacil.desktop" \
    "$ROOT/packaging/linux/pofacil-mime.xml" "$app/"
cp "$ROOT/assets/fonts/OFL.txt" "$app/FONT-LICENSE.txt"
tar -C "$WORK/dist" -czf "$OUT/$name.tar.gz" "$name"
if [[ -n ${POFACIL_BUILD_KEEP:-} ]]; then
    rm -rf "${POFACIL_BUILD_KEEP:?}/$name"
    mkdir -p "$POFACIL_BUILD_KEEP" && mv "$app" "$POFACIL_BUILD_KEEP/"
    app="$POFACIL_BUILD_KEEP/$name"
fi
unpacked=$(du -sm "$app" | cut -f1)
packed=$(du -m "$OUT/$name.tar.gz" | cut -f1)
echo "built $OUT/$name.tar.gz: ${packed} MB packed, ${unpacked} MB unpacked," \
    "$(find "$app" -type f | wc -l) files, in $((SECONDS - start)) s"
