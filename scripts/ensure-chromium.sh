#!/usr/bin/env bash
# The browser tests drive Debian's Chromium (test tools cannot download browsers here). Install it when missing.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then exit 0; fi
if [ "$(id -u)" -ne 0 ]; then
  echo "Cần Chromium tại /usr/bin/chromium cho các kiểm thử trình duyệt: chạy 'sudo apt-get install -y chromium'." >&2
  exit 1
fi
echo "Cài Chromium (Debian) cho các kiểm thử trình duyệt…"
apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
