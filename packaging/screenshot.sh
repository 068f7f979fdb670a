#!/usr/bin/env bash
# Take docs/screenshot.png: the real pofacil window, started the way a user starts it
# (the `pofacil` command with no argument opens a fresh copy of the sample workshop),
# on a virtual X server (Xvfb), captured from outside with ImageMagick's `import`.
#
# We deliberately do not use Qt's offscreen platform: it renders without the real xcb
# platform plugin, fonts and window decorations path, so it could hide problems that a
# user would see. Xvfb runs the same code path as a desktop.
#
# Usage (from anywhere; it works from the repo root):  packaging/screenshot.sh
# Needs: the project venv at .venv (pip install -e .), Debian packages listed below.
set -euo pipefail

cd "$(dirname "$0")/.."          # everything below is relative to the repo root
OUT=docs/screenshot.png
APP=.venv/bin/pofacil
SCREEN=1280x800x24               # a common laptop/projector size; the window fills it

# Xvfb and the capture tools, plus the xcb libraries Qt's xcb platform plugin loads.
# libxcb-icccm4 and libxcb-keysyms1 matter: without them Qt aborts with a misleading
# "xcb-cursor0 is needed" message (QT_DEBUG_PLUGINS=1 shows the real missing library).
PACKAGES=(xvfb xauth x11-apps imagemagick libxcb-icccm4 libxcb-keysyms1 libxcb-cursor0
          libxkbcommon-x11-0 libx11-xcb1 libxcb-image0 libxcb-randr0 libxcb-render-util0
          libxcb-shape0 libxcb-xkb1)

missing=()
for pkg in "${PACKAGES[@]}"; do
    # dpkg-query rather than `command -v`: most of these are libraries, not commands.
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$pkg")
    fi
done
if ((${#missing[@]})); then
    if [[ $(id -u) -eq 0 ]]; then
        apt-get update
        apt-get install -y --no-install-recommends "${missing[@]}"
    else
        # Do not sudo behind the user's back; say exactly what to run.
        echo "screenshot.sh: missing Debian packages; run as root:" >&2
        echo "  apt-get update && apt-get install -y --no-install-recommends ${missing[*]}" >&2
        exit 1
    fi
fi

if [[ ! -x $APP ]]; then
    echo "screenshot.sh: $APP not found; create the venv and 'pip install -e .' first." >&2
    exit 1
fi

# A throwaway HOME so the run neither reads nor writes the real settings (language,
# recent files) and the sample copy lands in a temp folder. The XDG variables are
# cleared because they would otherwise point Qt back at the real folders.
# Without the compiled translation the menus come out in English; say so up front.
if [[ ! -f assets/translations/pofacil_zh_TW.qm ]]; then
    echo "screenshot.sh: note: assets/translations/pofacil_zh_TW.qm is missing," \
         "so the menus will be in English." >&2
fi

TMP_HOME=$(mktemp -d)
trap 'rm -rf "$TMP_HOME"' EXIT
mkdir -p docs

# The part that runs inside the virtual display: start the app, wait until its window
# exists and has had time to paint, grab the whole root window, then stop the app.
# There is no window manager, so the window is not maximised; it opens at 1280x800 at
# (0,0) and fills the screen, which is what we want to show.
inner='
set -euo pipefail
"$APP" >"$HOME/pofacil.log" 2>&1 &
app=$!
for _ in $(seq 1 150); do                     # up to ~30 s for a cold start
    if ! kill -0 "$app" 2>/dev/null; then
        echo "screenshot.sh: pofacil exited before showing a window:" >&2
        cat "$HOME/pofacil.log" >&2
        exit 1
    fi
    # Match the WM_CLASS ("pofacil" "pofacil") that only the main window carries; Qt
    # also makes a 1x1 helper window titled "pofacil" early on, which must not count.
    # Then wait until it is mapped (IsViewable), not merely created.
    win=$(xwininfo -root -tree | awk "/\\(\"pofacil\" \"pofacil\"\\)/ {print \$1; exit}")
    if [[ -n $win ]] && xwininfo -id "$win" | grep -q IsViewable; then
        break
    fi
    win=""
    sleep 0.2
done
if [[ -z $win ]]; then
    echo "screenshot.sh: no pofacil window after 30 s" >&2
    kill "$app"; exit 1
fi
sleep 2                                        # mapped is not painted; let it settle
import -window root "$OUT"
kill "$app"
wait "$app" 2>/dev/null || true
# Warnings (fonts, plugins) would show up in the picture too; do not hide them.
if [[ -s $HOME/pofacil.log ]]; then
    echo "screenshot.sh: pofacil printed:" >&2
    cat "$HOME/pofacil.log" >&2
fi
'

# env -u QT_QPA_PLATFORM: a CI or test setting of "offscreen" would defeat the point.
# LANG=C.UTF-8 so Python and Qt handle the Chinese text as UTF-8 whatever the host locale.
env -u QT_QPA_PLATFORM -u XDG_CONFIG_HOME -u XDG_DATA_HOME -u XDG_CACHE_HOME \
    -u XDG_STATE_HOME -u XDG_RUNTIME_DIR \
    HOME="$TMP_HOME" LANG=C.UTF-8 APP="$APP" OUT="$OUT" \
    xvfb-run -a -s "-screen 0 $SCREEN" bash -c "$inner"

# Keep the PNG small for the README: drop metadata (timestamps would also make every
# run a new binary diff) and recompress at the highest zlib level.
convert "$OUT" -strip -define png:compression-level=9 "$OUT"
# A UI screenshot has few colours; 256 are plenty and cut the size sharply if still big.
if (($(stat -c %s "$OUT") > 400000)); then
    convert "$OUT" -strip -colors 256 -define png:compression-level=9 "PNG8:$OUT"
fi
echo "wrote $OUT ($(stat -c %s "$OUT") bytes)"
