#!/usr/bin/env bash
# Installs what the end-to-end tests drive: Chromium (for Playwright) and poppler-utils.
# On Debian or Ubuntu as root, from the distribution's packages; elsewhere, set
# CHROMIUM=/path/to/chrome, or let Playwright download its own Chromium.
set -euo pipefail
if [ -n "${CHROMIUM:-}" ] || command -v chromium >/dev/null 2>&1; then
  exit 0
fi
if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium poppler-utils fonts-liberation >/dev/null
  exit 0
fi
echo "No chromium found: asking Playwright to download its own." >&2
.venv/bin/python -m playwright install chromium
