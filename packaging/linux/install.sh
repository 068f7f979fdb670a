#!/bin/sh
# Add pofacil to this user's application menu, with its icon, and make it open .pofacil
# files on a double click. No root: everything goes under ~/.local/share (XDG_DATA_HOME).
# Run it from the unpacked pofacil folder; move the folder first if you want it elsewhere
# (the menu entry points here). `./install.sh --uninstall` takes it all out again.
set -eu

HERE=$(cd "$(dirname "$0")" && pwd)
DATA=${XDG_DATA_HOME:-$HOME/.local/share}
ICONS=$HERE/_internal/pofacil/assets/icons
SIZES="16 24 32 48 64 128 256 512"

refresh() {
    # Each is optional: without them the files are in place and the desktop reads them at
    # its next start.
    if command -v update-mime-database >/dev/null 2>&1; then
        update-mime-database "$DATA/mime" >/dev/null 2>&1 || true
    fi
    if command -v update-desktop-database >/dev/null 2>&1; then
        update-desktop-database "$DATA/applications" >/dev/null 2>&1 || true
    fi
    if command -v gtk-update-icon-cache >/dev/null 2>&1; then
        gtk-update-icon-cache -q -t "$DATA/icons/hicolor" >/dev/null 2>&1 || true
    fi
}

if [ "${1:-}" = "--uninstall" ]; then
    rm -f "$DATA/applications/pofacil.desktop" "$DATA/mime/packages/pofacil.xml" \
        "$DATA/icons/hicolor/scalable/apps/pofacil.svg"
    for size in $SIZES; do
        rm -f "$DATA/icons/hicolor/${size}x${size}/apps/pofacil.png"
    done
    refresh
    echo "pofacil: removed from the menu (the folder $HERE is untouched)."
    exit 0
fi

if [ ! -x "$HERE/pofacil" ] || [ ! -d "$ICONS" ]; then
    echo "install.sh: run me from the unpacked pofacil folder (no pofacil program beside me)." >&2
    exit 1
fi
# The desktop entry quotes the path; these characters would need escapes no desktop reads
# the same way, so ask for a plainer folder name instead.
case $HERE in
    *'"'* | *'`'* | *'$'* | *'\'* | *"
"*)
        echo "install.sh: move the pofacil folder to a path without \", \`, \$ or \\ first." >&2
        exit 1
        ;;
esac

mkdir -p "$DATA/applications" "$DATA/mime/packages" "$DATA/icons/hicolor/scalable/apps"
for size in $SIZES; do
    mkdir -p "$DATA/icons/hicolor/${size}x${size}/apps"
    cp "$ICONS/pofacil-$size.png" "$DATA/icons/hicolor/${size}x${size}/apps/pofacil.png"
done
cp "$ICONS/pofacil.svg" "$DATA/icons/hicolor/scalable/apps/pofacil.svg"
cp "$HERE/pofacil-mime.xml" "$DATA/mime/packages/pofacil.xml"
# A % in the path must be doubled in Exec; the quotes keep spaces in it.
exec_path=$(printf '%s' "$HERE/pofacil" | sed 's/%/%%/g')
sed "s|@EXEC@|\"$exec_path\"|" "$HERE/pofacil.desktop" >"$DATA/applications/pofacil.desktop"
refresh
if command -v xdg-mime >/dev/null 2>&1; then
    XDG_DATA_HOME=$DATA xdg-mime default pofacil.desktop application/x-pofacil 2>/dev/null || true
fi
echo "pofacil: added to the menu; .pofacil files now open in $HERE/pofacil."
