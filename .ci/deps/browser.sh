#!/usr/bin/env bash
# Installs what the browser tests of e2e-tests need on a fresh Debian bookworm machine (run
# as root): Debian's Chromium and its matching chromedriver, at /usr/bin/chromium and
# /usr/bin/chromedriver, where the tests look for them. Idempotent and quiet: installs only
# what is missing. Nothing is downloaded at test time (no Selenium Manager, no CDN).
set -euo pipefail

export DEBIAN_FRONTEND=noninteractive

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v chromedriver >/dev/null 2>&1 || missing+=(chromium-driver)
if (( ${#missing[@]} == 0 )); then
	exit 0
fi
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
