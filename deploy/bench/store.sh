#!/usr/bin/env bash
# Benchmark (not a test) of indicators-service's time-series store, on this machine:
#   1. ingest: BENCH_EVENTS observation events (default 200000) published to a fresh topic, timed until the
#      store has applied them all (processed_event count), i.e. Kafka -> batch transaction -> PostgreSQL;
#   2. export: BENCH_EXPORT_ROWS observations (default 1000000) of one measure exported as SDMX-CSV 2.0
#      through GET /api/v1/data, timed with curl, while the heap in use (Micrometer, /q/metrics) and the
#      process's resident memory are sampled; the service runs with a small fixed heap (BENCH_HEAP, 256m).
# Uses the installed PostgreSQL (database indicators_bench, recreated) and its own Kafka broker ("store-bench") on
# 127.0.0.1:19292. Needs the packaged service: ./mvnw -o -pl indicators-service -am install -DskipTests.
# Prints one markdown table row per figure, for docs/benchmarks.md.
source "$(dirname "${BASH_SOURCE[0]}")/../local/lib.sh"

EVENTS=${BENCH_EVENTS:-200000}
EXPORT_ROWS=${BENCH_EXPORT_ROWS:-1000000}
HEAP=${BENCH_HEAP:-256m}
KAFKA_PORT=${BENCH_KAFKA_PORT:-19292}
HTTP_PORT=${BENCH_HTTP_PORT:-18181}
# health and metrics: the service's management port
MANAGEMENT_PORT=${BENCH_MANAGEMENT_PORT:-18191}
APP="$ROOT/indicators-service/target/quarkus-app"
RUN=$(date +%s)
DB=indicators_bench
[ -f "$APP/quarkus-run.jar" ] || die "package indicators-service first"
# a copy, so that a build running meanwhile cannot replace the jar under the benchmark
rm -rf "$LOCAL/bench-app"; mkdir -p "$LOCAL"; cp -r "$APP" "$LOCAL/bench-app"
JAR="$LOCAL/bench-app/quarkus-run.jar"

pg_ensure_running
pg_recreate_databases "$DB"
psql_bench() { PGPASSWORD=$DB_PASSWORD psql -X -q -tA -h "$PGHOST" -p "$PGPORT" -U "$DB_USER" -d "$DB" "$@"; }

kafka_stop store-bench 2>/dev/null || true
rm -rf "$LOCAL/kafka/store-bench"
service_pid=
cleanup() {
  # the service ends by SIGTERM, so its status is 143: not a failure of the benchmark
  [ -z "$service_pid" ] || { kill "$service_pid" 2>/dev/null; wait "$service_pid" 2>/dev/null || true; }
  kafka_stop store-bench
}
trap cleanup EXIT
trap "exit 130" INT TERM
kafka_start store-bench "$KAFKA_PORT" $((KAFKA_PORT + 1))

mkdir -p "$LOCAL/logs"
INDICATORS_PORT=$HTTP_PORT INDICATORS_MANAGEMENT_PORT=$MANAGEMENT_PORT INDICATORS_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" \
  KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:$KAFKA_PORT OBSERVATIONS_TOPIC=bench-$RUN.observations \
  SERIES_UPDATED_TOPIC=bench-$RUN.series-updated INDICATORS_GROUP_ID=bench-$RUN \
  DATA_MAX_OBSERVATIONS=$((EXPORT_ROWS * 2)) \
  java -Xmx"$HEAP" -jar "$JAR" >"$LOCAL/logs/bench-indicators.log" 2>&1 &
service_pid=$!
wait_for_port 127.0.0.1 "$HTTP_PORT" 90 || die "indicators-service did not start; see $LOCAL/logs/bench-indicators.log"
until curl -sf "http://127.0.0.1:$MANAGEMENT_PORT/q/health/ready" >/dev/null; do sleep 0.5; done

# ---- 1. ingest from Kafka ----
libs=$(kafka_libs)
say "publishing $EVENTS observation events"
java -cp "$libs/*" "$ROOT/deploy/bench/StoreIngestProducer.java" "127.0.0.1:$KAFKA_PORT" "bench-$RUN.observations" "$EVENTS"
start=$(date +%s.%N)
say "published; waiting for the store"
until [ "$(psql_bench -c 'select count(*) from processed_event')" -ge "$EVENTS" ]; do sleep 0.5; done
end=$(date +%s.%N)
# the clock starts once everything is in Kafka, so the figure is the store's own rate, not the producer's
ingest_seconds=$(echo "$end - $start" | bc -l)
ingest_rate=$(echo "$EVENTS / $ingest_seconds" | bc -l)

# ---- 2. export of EXPORT_ROWS observations as SDMX-CSV ----
series=$((EXPORT_ROWS / 40))
say "writing $EXPORT_ROWS observations ($series series x 40 years) straight into the store"
psql_bench <<SQL
insert into series (id, series_key, measure, area, dimensions, data_version, updated_at)
  select 1000000000 + g, 'PI09.DRUG_INDUCED_DEATHS:X' || g || ':AGE=TOTAL,SEX=M', 'PI09.DRUG_INDUCED_DEATHS', 'X' || g,
         '{"AGE":"TOTAL","SEX":"M"}'::jsonb, 40, now()
  from generate_series(1, $series) g;
insert into observation (id, series_id, period, value, status, comment, reporter, submission_id, received_at, updated_at)
  select 1000000000 + g * 40 + y, 1000000000 + g, (1977 + y)::text, round((random() * 1000)::numeric, 2), 'A', null, 'EU',
         '00000000-0000-0000-0000-000000000001', now(), now()
  from generate_series(1, $series) g, generate_series(1, 40) y;
analyze series; analyze observation;
SQL
heap_used() {
  curl -s "http://127.0.0.1:$MANAGEMENT_PORT/q/metrics" | awk '/^jvm_memory_used_bytes\{.*area="heap"/ {s += $NF} END {printf "%d", s}'
}
rss() { awk '/VmRSS/ {print $2 * 1024}' "/proc/$service_pid/status"; }
heap_before=$(heap_used)
samples=$(mktemp)
( while true; do echo "$(heap_used) $(rss)" >> "$samples"; sleep 0.2; done ) &
sampler=$!
result=$(curl -s -o /dev/null -w '%{http_code} %{time_total} %{size_download}' \
  -H 'Accept: application/vnd.sdmx.data+csv;version=2.0.0' \
  "http://127.0.0.1:$HTTP_PORT/api/v1/data/PI09.DRUG_INDUCED_DEATHS")
kill "$sampler"; wait "$sampler" 2>/dev/null || true
read -r status seconds bytes <<<"$result"
[ "$status" = 200 ] || die "export answered $status"
export_rate=$(echo "$EXPORT_ROWS / $seconds" | bc -l)
peak_heap=$(sort -n -k1 "$samples" | tail -n 1 | cut -d' ' -f1)
peak_rss=$(sort -n -k2 "$samples" | tail -n 1 | cut -d' ' -f2)
rm -f "$samples"

mib() { echo "scale=0; $1 / 1048576" | bc; }
echo
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo), $(uname -sr), $(java -version 2>&1 | head -n 1); date: $(date -u +%Y-%m-%dT%H:%MZ)"
echo "| figure | value |"
echo "| --- | --- |"
printf '| ingest from Kafka (%d events, batch transactions) | %.0f observations/s (%.1f s) |\n' "$EVENTS" "$ingest_rate" "$ingest_seconds"
printf '| SDMX-CSV export (%d observations, %s MiB) | %.0f rows/s (%.2f s) |\n' "$EXPORT_ROWS" "$(mib "$bytes")" "$export_rate" "$seconds"
printf '| heap in use before / peak during the export (-Xmx%s) | %s MiB / %s MiB |\n' "$HEAP" "$(mib "$heap_before")" "$(mib "$peak_heap")"
printf '| peak resident memory of the service during the export | %s MiB |\n' "$(mib "$peak_rss")"
