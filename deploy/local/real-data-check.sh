#!/usr/bin/env bash
# Runs the README's real-data command exactly as the README writes it (the line of its "Real data" section
# that starts with deploy/local/load-datasets.sh), against a suite of its own, so that a broken README
# command fails the test command; then every view of the dashboard is opened in headless Chromium with the data
# loaded (issue 18). deploy/local/test.sh runs it after the Maven tests.
# The suite gets its own databases (REAL_DATA_DB_PREFIX, default realdata_: emptied first) and ports
# (REAL_DATA_PORT_BASE, default 18480: gateway +0, services +1..+3, management +10..+13, Kafka +20/+21), so a
# suite a developer runs on the default ports is left alone. The services must be packaged (SKIP_BUILD=1).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

base=${REAL_DATA_PORT_BASE:-18480}
prefix=${REAL_DATA_DB_PREFIX:-realdata_}
command=$(awk '/^## Real data/ {section = 1; next} /^## / {section = 0} section && /^deploy\/local\/load-datasets\.sh/ {print; exit}' "$ROOT/README.md")
[ -n "$command" ] || die "README.md has no deploy/local/load-datasets.sh line in its 'Real data' section"
command=${command%%#*}

export GATEWAY_PORT=$base INDICATORS_PORT=$((base + 1)) SUBMISSIONS_PORT=$((base + 2)) REPORTING_PORT=$((base + 3))
export GATEWAY_MANAGEMENT_PORT=$((base + 10)) INDICATORS_MANAGEMENT_PORT=$((base + 11))
export SUBMISSIONS_MANAGEMENT_PORT=$((base + 12)) REPORTING_MANAGEMENT_PORT=$((base + 13))
export KAFKA_PORT=$((base + 20))
export KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:$KAFKA_PORT
export INDICATORS_DB_URL=jdbc:postgresql://$PGHOST:$PGPORT/${prefix}indicators
export SUBMISSIONS_DB_URL=jdbc:postgresql://$PGHOST:$PGPORT/${prefix}submissions
export REPORTING_DB_URL=jdbc:postgresql://$PGHOST:$PGPORT/${prefix}reporting
export GATEWAY_URL=http://127.0.0.1:$GATEWAY_PORT
export SKIP_BUILD=1
# the loader's tokens come from deploy/local/token.sh (the development key), which a suite verifies without Keycloak
export KEYCLOAK=0

pg_ensure_running
pg_recreate_databases "${prefix}indicators" "${prefix}submissions" "${prefix}reporting"
# the suite's pid files and broker data live under .local/real-data, apart from a developer's suite
export DRUGSPLAN_LOCAL_DIR="$LOCAL/real-data"
mkdir -p "$DRUGSPLAN_LOCAL_DIR/kafka"
[ -e "$DRUGSPLAN_LOCAL_DIR/kafka/libs" ] || ln -s "$(kafka_libs)" "$DRUGSPLAN_LOCAL_DIR/kafka/libs"
rm -rf "$DRUGSPLAN_LOCAL_DIR/kafka/dev"
trap '"$ROOT/deploy/local/suite.sh" stop' EXIT
"$ROOT/deploy/local/suite.sh" start >/dev/null
started=$SECONDS
say "running the README's command: $command"
(cd "$ROOT" && eval "$command")
say "the README's real-data command passed in $((SECONDS - started)) s"
# issue 18: with every shared dataset loaded, every view of the dashboard renders (e2e-tests' DashboardViewsCheck)
say "opening every view of the dashboard in headless Chromium"
e2e_java eu.drugsplan.e2e.DashboardViewsCheck "$GATEWAY_URL" || die "a view of the dashboard did not render"
say "every view of the dashboard rendered"
