#!/usr/bin/env bash
# Runs every test of the suite against a real PostgreSQL and a real Kafka broker (no Docker):
# starts PostgreSQL if needed, creates the test databases, starts a throw-away Kafka broker on
# 127.0.0.1:19092 (fresh data every run, so tests never see an earlier run's records), runs
# ./mvnw verify, and stops the broker again. Extra arguments go to Maven.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

TEST_KAFKA_PORT=${TEST_KAFKA_PORT:-19092}
export KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:$TEST_KAFKA_PORT

pg_ensure_running
pg_ensure_databases indicators_test submissions_test reporting_test
pg_recreate_databases e2e_indicators e2e_submissions e2e_reporting e2e_scaled_indicators e2e_scaled_submissions e2e_scaled_reporting
ensure_chromium

kafka_stop test
rm -rf "$LOCAL/kafka/test"
trap 'kafka_stop test' EXIT
kafka_start test "$TEST_KAFKA_PORT" $((TEST_KAFKA_PORT + 1))

cd "$ROOT"
./mvnw -B verify "$@"
