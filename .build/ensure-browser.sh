#!/usr/bin/env bash
# The desktop page is tested in Debian's headless Chromium driven by its ChromeDriver (packages chromium and
# chromium-driver); nothing downloads a browser. Installs them from apt when absent. Run by .ci/run and by the
# build of the module whose tests drive the page, so that `mvn -B verify` on a fresh machine needs nothing else.
set -euo pipefail
if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; then
  exit 0
fi
echo "hotline: installing Debian's chromium and chromium-driver for the page tests" >&2
if [[ $(id -u) -eq 0 ]]; then sudo_cmd=(); else sudo_cmd=(sudo -n); fi
"${sudo_cmd[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq chromium chromium-driver >/dev/null
command -v chromium >/dev/null && command -v chromedriver >/dev/null
