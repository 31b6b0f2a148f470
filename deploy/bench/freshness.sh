#!/usr/bin/env bash
# Benchmark (not a test): freshness, from a submission's acceptance (the gateway's 201), through its release by a
# reviewer of EUDA (the measure's reviewing body; issue 16) and the step to official, to the updated trend
# being served, at a steady RATE submissions per second (default 100) for SECONDS (default 60, after WARMUP
# seconds, default 10, that are not measured), through the gateway of a running suite:
#   deploy/local/suite.sh start && deploy/bench/freshness.sh
# Each submission carries one observation of PI09.DRUG_INDUCED_DEATHS for AREA (default AT), spread over 30
# series, with a value larger than any before; the update is detected on the trend stream
# (GET /api/v1/trends/stream, Server-Sent Events); beside the release it reads the submission's draft trend
# (GET /api/v1/submissions/{id}/trends). Prints p50 and p99 in milliseconds; with SAMPLES=FILE also
# writes every measured submission's freshness there (deploy/bench/run.sh plots it).
source "$(dirname "${BASH_SOURCE[0]}")/../local/lib.sh"

GATEWAY=${GATEWAY:-http://127.0.0.1:${GATEWAY_PORT:-8080}}
# the gateway's health is on its management port, not on the public one
GATEWAY_MANAGEMENT=${GATEWAY_MANAGEMENT:-http://127.0.0.1:${GATEWAY_MANAGEMENT_PORT:-9080}}
AREA=${AREA:-AT}
RATE=${RATE:-100}
SECONDS_MEASURED=${SECONDS_MEASURED:-60}
WARMUP=${WARMUP:-10}

curl -fsS "$GATEWAY_MANAGEMENT/q/health/ready" >/dev/null 2>&1 \
  || die "no suite answers at $GATEWAY (health: $GATEWAY_MANAGEMENT): deploy/local/suite.sh start"
TOKEN=$(TOKEN_TTL=3600 "$ROOT/deploy/local/token.sh" "$AREA" submitter)
# a person other than the submitter (four eyes)
REVIEWER_TOKEN=$(TOKEN_TTL=3600 TOKEN_SUBJECT=reviewer-EUDA "$ROOT/deploy/local/token.sh" EUDA reviewer)
say "submitting $RATE/s for $WARMUP s (warm-up) + $SECONDS_MEASURED s to $GATEWAY"
java "$ROOT/deploy/bench/freshness/Freshness.java" "$GATEWAY" "$TOKEN" "$REVIEWER_TOKEN" "$AREA" "$RATE" "$SECONDS_MEASURED" "$WARMUP" ${SAMPLES:+"$SAMPLES"}
