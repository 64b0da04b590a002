#!/usr/bin/env bash
# PrometheusScrapeIT scrapes a running Hotline with Debian's Prometheus (package prometheus: /usr/bin/prometheus and
# /usr/bin/promtool); nothing downloads it. Installs it from apt when absent. The package's own service is stopped
# and disabled: the test starts its own Prometheus on a free loopback port, and nothing may hold 9090. Run by
# .ci/run and by the app module's build (before its integration tests).
set -euo pipefail
if command -v prometheus >/dev/null 2>&1 && command -v promtool >/dev/null 2>&1; then
  exit 0
fi
echo "hotline: installing Debian's prometheus for the scrape test" >&2
if [[ $(id -u) -eq 0 ]]; then sudo_cmd=(); else sudo_cmd=(sudo -n); fi
"${sudo_cmd[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends prometheus >/dev/null
if command -v systemctl >/dev/null 2>&1 && [[ -d /run/systemd/system ]]; then
  "${sudo_cmd[@]}" systemctl disable --now prometheus.service prometheus-node-exporter.service >/dev/null 2>&1 || true
fi
command -v prometheus >/dev/null && command -v promtool >/dev/null
