#!/usr/bin/env bash
# The desktop page is tested in Debian's headless Chromium driven by its ChromeDriver (packages chromium and
# chromium-driver), with a Chinese font (fonts-wqy-zenhei) so that the saved screenshots are readable; nothing
# downloads a browser. Installs what is absent from apt. Run by .ci/run and by the web module's build (before its
# tests), so that `mvn -B verify` on a fresh machine needs nothing else.
set -euo pipefail
font=/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc
if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1 && [[ -e $font ]]; then
  exit 0
fi
echo "hotline: installing Debian's chromium, chromium-driver and fonts-wqy-zenhei for the page tests" >&2
if [[ $(id -u) -eq 0 ]]; then sudo_cmd=(); else sudo_cmd=(sudo -n); fi
"${sudo_cmd[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq chromium chromium-driver fonts-wqy-zenhei \
  >/dev/null
command -v chromium >/dev/null && command -v chromedriver >/dev/null
