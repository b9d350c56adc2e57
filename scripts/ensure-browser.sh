#!/usr/bin/env bash
# The browser journeys drive Debian's Chromium. Install it when it is missing and we may
# (root with apt-get); otherwise say exactly what to do. Never download a browser of our own.
set -euo pipefail
chromium=${CHROMIUM_PATH:-/usr/bin/chromium}
[ -x "$chromium" ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's chromium for the browser tests (about 2 minutes, once)..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "The browser tests need Chromium at $chromium: run 'sudo apt-get install chromium' (or set CHROMIUM_PATH)." >&2
exit 1
