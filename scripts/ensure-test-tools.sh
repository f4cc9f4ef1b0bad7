#!/usr/bin/env bash
# The browser and host tests drive Debian's Chromium, Apache, nginx and LibreOffice Calc (test tools cannot download
# browsers or servers here). Install whichever is missing, in one apt-get run.
set -euo pipefail
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/sbin/apache2 ] || missing+=(apache2)
[ -x /usr/sbin/nginx ] || missing+=(nginx-light)
command -v soffice >/dev/null 2>&1 || command -v localc >/dev/null 2>&1 || missing+=(libreoffice-calc)
if [ ${#missing[@]} -eq 0 ]; then exit 0; fi
if [ "$(id -u)" -ne 0 ]; then
  echo "Kiểm thử cần: ${missing[*]}. Hãy chạy: sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
echo "Cài công cụ kiểm thử (Debian): ${missing[*]}…"
# Only the binaries are needed: the tests start the servers themselves on 127.0.0.1 ports with their own
# configuration, so the packages' own services must not start (no init system in containers anyway).
export DEBIAN_FRONTEND=noninteractive
policy=/usr/sbin/policy-rc.d
added_policy=0
if [ ! -e "$policy" ]; then
  printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod +x "$policy" && added_policy=1
fi
trap '[ "$added_policy" -eq 1 ] && rm -f "$policy"' EXIT
apt-get update -qq
# Chromium and Calc with their recommended packages (fonts, the headless filters), the servers without.
full=()
servers=()
for p in "${missing[@]}"; do
  case "$p" in chromium | libreoffice-calc) full+=("$p") ;; *) servers+=("$p") ;; esac
done
if [ ${#full[@]} -gt 0 ]; then apt-get install -y -qq "${full[@]}" >/dev/null; fi
if [ ${#servers[@]} -gt 0 ]; then apt-get install -y -qq --no-install-recommends "${servers[@]}" >/dev/null; fi
