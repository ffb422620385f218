#!/usr/bin/env bash
# Headless Chromium from Debian's packages, for the browser test of `hccbone report`
# (tests/test_report_browser.py). Idempotent: does nothing when /usr/bin/chromium exists.
# A small CJK font comes along so screenshots show the Chinese side, not empty boxes.
# Run as root (CI is root); otherwise it goes through sudo when there is one.
set -euo pipefail

if [ -x /usr/bin/chromium ]; then
    echo "install-browser: $(/usr/bin/chromium --version 2>/dev/null || echo chromium) already installed"
    exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
    SUDO=()
elif command -v sudo >/dev/null 2>&1; then
    SUDO=(sudo)
else
    echo "install-browser: need root (or sudo) to apt-get install chromium" >&2
    exit 1
fi

export DEBIAN_FRONTEND=noninteractive
"${SUDO[@]}" apt-get update -qq
"${SUDO[@]}" apt-get install -y -qq chromium fonts-wqy-microhei >/dev/null
echo "install-browser: $(/usr/bin/chromium --version 2>/dev/null)"
