#!/usr/bin/env bash
# Installs the headless browser that incident-core's status-page test drives: Debian's chromium and
# chromium-driver (/usr/bin/chromium, /usr/bin/chromedriver). Only as root where apt-get exists; on any
# other machine it says what to install and the browser test is skipped with the same advice.
set -uo pipefail
if command -v chromium >/dev/null && command -v chromedriver >/dev/null; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "Installing chromium and chromium-driver (Debian packages) for the status-page browser test..."
  export DEBIAN_FRONTEND=noninteractive
  timeout 600 apt-get install -y -q --no-install-recommends chromium chromium-driver >/dev/null 2>&1 \
    || { timeout 300 apt-get update -q >/dev/null 2>&1 \
         && timeout 600 apt-get install -y -q --no-install-recommends chromium chromium-driver >/dev/null 2>&1; } \
    || echo "Could not install chromium and chromium-driver with apt-get."
else
  echo "chromium and chromium-driver are not installed: the status-page browser test will be skipped."
fi
exit 0
