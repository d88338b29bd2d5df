#!/usr/bin/env bash
# Screenshot a page of the built site with headless Chromium (Debian's package `chromium`).
# Usage: tools/screenshot.sh PAGE.html OUT.png [WIDTHxHEIGHT] [TOP]
# TOP (pixels) skips the top of the page: the shot is taken TOP+HEIGHT tall and cropped
# with Pillow from the project's environment.
set -euo pipefail
page=$(realpath "$1"); out=$(realpath -m "$2"); size=${3:-1400x1800}; top=${4:-0}
width=${size%x*}; height=${size#*x}
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --hide-scrollbars --user-data-dir="$profile" --window-size="$width,$((height + top))" \
  --screenshot="$out" "file://$page" >/dev/null 2>&1
if [ "$top" -gt 0 ]; then
  "$(dirname "$0")/../.venv/bin/python" -c "import sys; from PIL import Image
im = Image.open(sys.argv[1]); im.crop((0, int(sys.argv[2]), im.width, im.height)).save(sys.argv[1])" \
    "$out" "$top"
fi
echo "$out"
