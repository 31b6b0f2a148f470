#!/usr/bin/env bash
# Benchmark (not a test) of issue 18: every view type of the dashboard in headless Chromium, with an empty cache and
# again cached, RUNS times each (default 5): time from navigation to the view and every chart rendered, and bytes
# transferred. Against a running suite with the shared datasets loaded:
#   deploy/local/suite.sh start && deploy/local/load-datasets.sh && deploy/bench/dashboard.sh
# (LOAD=1 runs load-datasets.sh first.) The driver is e2e-tests' DashboardBenchmark (its HeadlessChromium and
# DashboardPage), compiled here with the e2e test classes. Prints a Markdown table for docs/benchmarks.md.
source "$(dirname "${BASH_SOURCE[0]}")/../local/lib.sh"

GATEWAY=${GATEWAY:-http://127.0.0.1:${GATEWAY_PORT:-8080}}
GATEWAY_MANAGEMENT=${GATEWAY_MANAGEMENT:-http://127.0.0.1:${GATEWAY_MANAGEMENT_PORT:-9080}}
RUNS=${RUNS:-5}

curl -fsS "$GATEWAY_MANAGEMENT/q/health/ready" >/dev/null 2>&1 \
  || die "no suite answers at $GATEWAY (health: $GATEWAY_MANAGEMENT): deploy/local/suite.sh start"
[ -x /usr/bin/chromium ] || die "Debian's chromium is needed (apt-get install chromium)"
cd "$ROOT"
if [ "${LOAD:-0}" = 1 ]; then
  GATEWAY_URL=$GATEWAY deploy/local/load-datasets.sh
fi
say "opening each view $RUNS times at $GATEWAY"
e2e_java eu.drugsplan.e2e.DashboardBenchmark "$GATEWAY" "$RUNS"
