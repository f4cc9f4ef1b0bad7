#!/usr/bin/env bash
# The template's round-trip test saves a workbook with Debian's LibreOffice Calc (headless). Install it when missing.
set -euo pipefail
if [ -x /usr/bin/soffice ]; then exit 0; fi
if [ "$(id -u)" -ne 0 ]; then
  echo "Cần LibreOffice Calc (/usr/bin/soffice) cho kiểm thử mẫu nhập liệu." >&2
  echo "Hãy chạy: sudo apt-get install -y libreoffice-calc" >&2
  exit 1
fi
echo "Cài LibreOffice Calc (Debian) cho kiểm thử mẫu nhập liệu…"
apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libreoffice-calc >/dev/null
