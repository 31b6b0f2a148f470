#!/usr/bin/env bash
# Runs every test of the suite against a real PostgreSQL and a real Kafka broker (no Docker):
# starts PostgreSQL if needed, creates the test databases, starts a throw-away Kafka broker on
# 127.0.0.1:19092 (fresh data every run, so tests never see an earlier run's records), runs
# ./mvnw verify, and stops the broker again. Extra arguments go to Maven.
# When the run includes e2e-tests (no -pl, or -pl naming it), it also starts Keycloak on 127.0.0.1:19180 with a
# fresh database (keycloak_test, the realm imported anew) in the background, so it comes up while Maven builds:
# e2e's IdentityProviderThroughGatewayTest waits for it, takes tokens from it and stops it (KEYCLOAK_PID_FILE) to
# show verification going on with cached keys. The distribution is downloaded and built once, outside the clone
# (~/.cache/drugsplan/, see lib.sh), so a fresh clone does not pay that again. KEYCLOAK=0 leaves it out.
# A full run (no arguments) then runs the README's real-data command as the README writes it
# (deploy/local/real-data-check.sh; REAL_DATA_CHECK=0 leaves it out).
# Debian's chromium (the dashboard's browser test) and r-cran-rsdmx (the rsdmx client test) are installed when absent.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

TEST_KAFKA_PORT=${TEST_KAFKA_PORT:-19092}
export KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:$TEST_KAFKA_PORT

pg_ensure_running
pg_ensure_databases indicators_test submissions_test reporting_test
pg_recreate_databases e2e_indicators e2e_submissions e2e_reporting e2e_scaled_indicators e2e_scaled_submissions e2e_scaled_reporting \
  e2e_identity_indicators e2e_identity_submissions e2e_identity_reporting
ensure_chromium
ensure_rsdmx

kafka_stop test
rm -rf "$LOCAL/kafka/test"
keycloak_stop test
trap 'kafka_stop test; keycloak_stop test' EXIT

# does the run include e2e-tests? Every module runs without -pl/--projects; with it, only those named.
runs_e2e() {
  local previous="" arg
  for arg in "$@"; do
    case $arg in
      -pl|--projects) previous=$arg; continue ;;
      -pl*|--projects=*) [[ $arg == *e2e-tests* ]] && return 0; return 1 ;;
    esac
    if [ -n "$previous" ]; then [[ $arg == *e2e-tests* ]] && return 0; return 1; fi
  done
  return 0
}
if [ "${KEYCLOAK:-1}" = 1 ] && runs_e2e "$@"; then
  TEST_KEYCLOAK_PORT=${TEST_KEYCLOAK_PORT:-19180}
  pg_recreate_databases keycloak_test
  keycloak_start test "$TEST_KEYCLOAK_PORT" $((TEST_KEYCLOAK_PORT + 1)) keycloak_test
  export KEYCLOAK_URL=http://127.0.0.1:$TEST_KEYCLOAK_PORT
  export KEYCLOAK_MANAGEMENT_URL=http://127.0.0.1:$((TEST_KEYCLOAK_PORT + 1))
  export KEYCLOAK_PID_FILE=$LOCAL/keycloak/test/pid
  export KEYCLOAK_ADMIN_USER KEYCLOAK_ADMIN_PASSWORD
fi
kafka_start test "$TEST_KAFKA_PORT" $((TEST_KAFKA_PORT + 1))

cd "$ROOT"
maven_log=$(mktemp)
trap 'kafka_stop test; keycloak_stop test; rm -f "$maven_log"' EXIT
if ! ./mvnw -B verify "$@" 2>&1 | tee "$maven_log"; then
  "$ROOT/deploy/local/failure-digest.sh" "$maven_log"
  exit 1
fi
if [ $# -eq 0 ] && [ "${REAL_DATA_CHECK:-1}" != 0 ]; then
  kafka_stop test
  "$ROOT/deploy/local/real-data-check.sh"
fi
