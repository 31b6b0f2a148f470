#!/usr/bin/env bash
# Benchmark (not a test): the cost of applying one series-updated event in reporting-service must not grow
# with the number of stored observations. For each size in SIZES (default: 10,000 and 1,000,000 stored
# observations), it starts the packaged reporting-service alone on an empty database reporting_bench, its
# own Kafka broker (127.0.0.1:19392) and the catalogue of the tests' fixture (test-support) on its catalogue topic, seeds that many
# observations (country_value rows, 20 periods per series, plus one series_trend row per series) into the
# same measure the benchmark updates, then sends SERIES x (WARMUP + ROUNDS) events of 20 points each for
# Member States of a SUM measure (so each event also re-sums an EU total) and reads the service's
# trend.update timer. Prints one line per size. Build first:
#   flock /tmp/drugsplan-build.lock ./mvnw -o -q -pl reporting-service -am package -DskipTests
source "$(dirname "${BASH_SOURCE[0]}")/../local/lib.sh"

HERE=$ROOT/deploy/bench/trend-update-cost
KAFKA_PORT=${BENCH_KAFKA_PORT:-19392}
PORT=${BENCH_REPORTING_PORT:-18383}
# health and metrics: the service's management port
MANAGEMENT_PORT=${BENCH_REPORTING_MANAGEMENT_PORT:-18393}
DB=reporting_bench
SIZES=${SIZES:-"10000 1000000"}
SERIES=${SERIES:-270}
ROUNDS=${ROUNDS:-10}
WARMUP=${WARMUP:-3}
APP=$ROOT/reporting-service/target/quarkus-app
[ -f "$APP/quarkus-run.jar" ] || die "$APP is missing: build reporting-service first"
# a copy: a build during the benchmark must not replace the jars of the running service
rm -rf "$LOCAL/bench/reporting-app"; mkdir -p "$LOCAL/bench"; cp -r "$APP" "$LOCAL/bench/reporting-app"
JAR=$LOCAL/bench/reporting-app/quarkus-run.jar

service_pid=
cleanup() {
  [ -z "$service_pid" ] || { kill "$service_pid" 2>/dev/null || true; wait "$service_pid" 2>/dev/null || true; }
  kafka_stop bench
}
trap cleanup EXIT

pg_ensure_running
libs=$(kafka_libs)
mkdir -p "$LOCAL/logs"
kafka_stop bench
rm -rf "$LOCAL/kafka/bench"
kafka_start bench "$KAFKA_PORT" $((KAFKA_PORT + 1))
wait_for_port 127.0.0.1 "$KAFKA_PORT" 60 || die "the benchmark's Kafka broker did not start"
catalogue=bench-catalogue-$(date +%s)
java -cp "$libs/*" "$HERE/PublishCatalogue.java" 127.0.0.1:$KAFKA_PORT "$catalogue" \
  "$ROOT/test-support/src/main/resources/fixtures/catalogue-event.json" || die "could not publish the catalogue"

seed() { # observations
  local series=$(($1 / 20))
  PGPASSWORD=$DB_PASSWORD psql -X -q -v ON_ERROR_STOP=1 -h "$PGHOST" -p "$PGPORT" -U "$DB_USER" -d "$DB" <<SQL
create temporary table ms as select string_to_array('BE,BG,CZ,DK,DE,EE,IE,EL,ES,FR,HR,IT,CY,LV,LT,LU,HU,MT,NL,AT,PL,PT,RO,SI,SK,FI,SE', ',') as codes;
insert into series_trend (series_key, measure, area, dimensions, data_version, changed_at, computed_at, trend, overall, computed, revision)
select 'PI09.DRUG_INDUCED_DEATHS:' || ms.codes[1 + i % 27] || ':AGE=TOTAL,SEX=S' || i, 'PI09.DRUG_INDUCED_DEATHS',
       ms.codes[1 + i % 27], jsonb_build_object('AGE', 'TOTAL', 'SEX', 'S' || i), 1, now(), now(),
       '{"seeded": true}'::jsonb, 'INSUFFICIENT_DATA', false, nextval('series_trend_revision_seq')
from generate_series(1, $series) i, ms;
insert into country_value (id, measure, dimensions_key, area, period, value)
select nextval('country_value_seq'), 'PI09.DRUG_INDUCED_DEATHS', 'AGE=TOTAL,SEX=S' || i, ms.codes[1 + i % 27],
       y::text, 100 + i % 50
from generate_series(1, $series) i, generate_series(2000, 2019) y, ms;
analyze series_trend;
analyze country_value;
SQL
}

for size in $SIZES; do
  pg_recreate_databases "$DB"
  topic=bench-series-updated-$size-$(date +%s)
  port_open 127.0.0.1 "$PORT" && die "port $PORT is taken: set BENCH_REPORTING_PORT"
  port_open 127.0.0.1 "$MANAGEMENT_PORT" && die "port $MANAGEMENT_PORT is taken: set BENCH_REPORTING_MANAGEMENT_PORT"
  REPORTING_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" REPORTING_PORT=$PORT REPORTING_MANAGEMENT_PORT=$MANAGEMENT_PORT \
    KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:$KAFKA_PORT SERIES_UPDATED_TOPIC=$topic REPORTING_GROUP_ID=bench \
    CATALOGUE_TOPIC=$catalogue \
    java -Xmx512m -jar "$JAR" >"$LOCAL/logs/bench-reporting-$size.log" 2>&1 &
  service_pid=$!
  deadline=$((SECONDS + 90))
  until curl -fsS "http://127.0.0.1:$MANAGEMENT_PORT/q/health/ready" >/dev/null 2>&1; do
    kill -0 "$service_pid" 2>/dev/null || die "reporting-service exited; see $LOCAL/logs/bench-reporting-$size.log"
    [ $SECONDS -lt $deadline ] || die "reporting-service not ready after 90 s"
    sleep 0.3
  done
  say "seeding $size stored observations"
  seed "$size"
  stored=$(PGPASSWORD=$DB_PASSWORD psql -X -tA -h "$PGHOST" -p "$PGPORT" -U "$DB_USER" -d "$DB" -c "select count(*) from country_value")
  say "sending $SERIES x $((WARMUP + ROUNDS)) events"
  result=$(java -cp "$libs/*" "$HERE/TrendUpdateCost.java" 127.0.0.1:$KAFKA_PORT "$topic" \
    "http://127.0.0.1:$MANAGEMENT_PORT/q/metrics" "$SERIES" "$ROUNDS" "$WARMUP" 2>>"$LOCAL/logs/bench-producer.log")
  echo "stored_observations=$stored $result"
  kill "$service_pid"; wait "$service_pid" 2>/dev/null || true; service_pid=
done
