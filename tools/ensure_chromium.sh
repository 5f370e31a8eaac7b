#!/usr/bin/env bash
# Make sure Debian's chromium (and its driver) is installed for the browser test.
# Idempotent: does nothing when /usr/bin/chromium exists. Never downloads
# browsers any other way (no `playwright install`).
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "ensure_chromium: apt-get not available; the browser test will be skipped" >&2
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo -n"; else
    echo "ensure_chromium: not root and no sudo; the browser test will be skipped" >&2
    exit 0
  fi
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq || echo "ensure_chromium: apt-get update failed" >&2
$SUDO apt-get install -y -qq chromium chromium-driver >/dev/null \
  || echo "ensure_chromium: could not install chromium; the browser test will be skipped" >&2
exit 0
