#!/usr/bin/env bash
# Checks deploy/ with the tools of the field: promtool for the Prometheus configuration and alert
# rules, amtool for the Alertmanager example, `docker compose config` for deploy/docker-compose.yml and
# `helm lint` / `helm template` for the chart (./mvnw verify checks the last two without them, see deploy/README.md). With --install it first tries to install them from
# Debian's prometheus and prometheus-alertmanager packages (as root, where apt-get exists). A tool
# that is still missing is reported as skipped; a configuration a tool refuses fails the check.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${1:-}" = "--install" ] && { ! command -v promtool >/dev/null || ! command -v amtool >/dev/null; }; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    echo "Installing promtool and amtool (Debian packages prometheus, prometheus-alertmanager)..."
    export DEBIAN_FRONTEND=noninteractive
    timeout 300 apt-get install -y -q --no-install-recommends prometheus prometheus-alertmanager >/dev/null 2>&1 \
      || { timeout 300 apt-get update -q >/dev/null 2>&1 \
           && timeout 300 apt-get install -y -q --no-install-recommends prometheus prometheus-alertmanager >/dev/null 2>&1; } \
      || echo "Could not install them with apt-get."
  fi
fi

status=0
if command -v promtool >/dev/null; then
  promtool check config deploy/prometheus/prometheus.yml || status=1
  promtool check rules deploy/prometheus/rules/*.yml || status=1
  for tests in deploy/prometheus/tests/*.yml; do
    [ -e "$tests" ] && { promtool test rules "$tests" || status=1; }
  done
else
  echo "SKIPPED: promtool is not installed, deploy/prometheus was not checked."
fi
if command -v amtool >/dev/null; then
  amtool check-config deploy/alertmanager/alertmanager.yml || status=1
else
  echo "SKIPPED: amtool is not installed, deploy/alertmanager was not checked."
fi
if docker compose version >/dev/null 2>&1; then
  # The admin token hash is required by the file; any 64 hex digits do for checking it.
  VIGIL_ADMIN_TOKEN_SHA256="${VIGIL_ADMIN_TOKEN_SHA256:-$(printf '0%.0s' $(seq 64))}" \
    docker compose -f deploy/docker-compose.yml config -q || status=1
else
  echo "SKIPPED: docker compose is not installed, deploy/docker-compose.yml was not checked by Docker."
fi
if command -v helm >/dev/null; then
  helm lint --strict deploy/helm/vigil || status=1
  helm template vigil deploy/helm/vigil --set serviceMonitor.enabled=true >/dev/null || status=1
else
  echo "SKIPPED: helm is not installed, deploy/helm/vigil was not checked by the helm command."
fi
exit $status
