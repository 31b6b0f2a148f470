#!/usr/bin/env bash
# Benchmark (not a test) of indicators-service's store beside PostgreSQL's COPY of the same rows (issue 21):
# observations per second stored from Kafka for
#   - wastewater: the EUDA waste-water file of the shared datasets (every statistic column of every row: 43,403
#     observations), and
#   - distinct:   DISTINCT_ROWS (default 1,000,000) observations, every one a new key (the CSV deploy/bench/ingest.sh
#     generates: site x substance x statistic x year),
# each published first, as submissions-service does (one submission, chunks of 20,000 rows, one event per series
# and chunk: StoreCsvEvents.java), then consumed by a freshly started service with an empty database; the clock runs
# from the service being ready to the last event applied. The reference, in the same run and on the same database
# server: psql's \copy of the same CSV into a table of the same shape.
# Usage: timeout 1800 deploy/bench/store-copy.sh [LABEL [APP_DIR]]   (APP_DIR: a packaged quarkus-app, default the
# worktree's indicators-service/target/quarkus-app). Not under buildlock: it builds nothing.
# Its own Kafka ("store-copy", 127.0.0.1:19492/19493), HTTP 18481 and management 18491 (no suite or other
# benchmark uses them) and database indicators_storecopy (recreated). Prints one markdown table row per dataset.
source "$(dirname "${BASH_SOURCE[0]}")/../local/lib.sh"

LABEL=${1:-run}
APP=${2:-$ROOT/indicators-service/target/quarkus-app}
DATASETS_DIR=${DATASETS_DIR:-$ROOT/../shared/datasets}
DISTINCT_ROWS=${DISTINCT_ROWS:-1000000}
# a slow build is timed for at most this long; the figure is then what it stored until then (marked "partial")
MAX_SECONDS=${BENCH_MAX_SECONDS:-600}
HEAP=${BENCH_HEAP:-1g}
KAFKA_PORT=${BENCH_KAFKA_PORT:-19492}
HTTP_PORT=${BENCH_HTTP_PORT:-18481}
MANAGEMENT_PORT=${BENCH_MANAGEMENT_PORT:-18491}
DB=indicators_storecopy
BENCH="$LOCAL/bench"
[ -f "$APP/quarkus-run.jar" ] || die "no packaged service in $APP"
mkdir -p "$BENCH" "$LOCAL/logs"
rm -rf "$BENCH/store-copy-app"; cp -r "$APP" "$BENCH/store-copy-app"
export PGPASSWORD=$DB_PASSWORD
sql() { psql -X -q -tA -v ON_ERROR_STOP=1 -h "$PGHOST" -p "$PGPORT" -U "$DB_USER" -d "$DB" "$@"; }
now() { date +%s.%N; }

# the two CSVs, in the shape deploy/bench/ingest.sh generates (measure,area,period,value,status,comment,action,SUBSTANCE,STAT)
WW="$BENCH/store-wastewater.csv"
python3 - "$DATASETS_DIR/euda-wastewater-2025/ww2025-all-data.csv" "$WW" <<'PY'
import csv, sys
stats = {"Monday": "MON", "Tuesday": "TUE", "Wednesday": "WED", "Thursday": "THU", "Friday": "FRI",
         "Saturday": "SAT", "Sunday": "SUN", "Weekday mean": "WEEKDAY_MEAN", "Weekend mean": "WEEKEND_MEAN",
         "Daily mean": "DAILY_MEAN"}
with open(sys.argv[1], newline="", encoding="utf-8-sig") as f, open(sys.argv[2], "w") as out:
    out.write("measure,area,period,value,status,comment,action,SUBSTANCE,STAT\n")
    for row in csv.DictReader(f):
        substance = row["Metabolite"].strip().upper().replace(" ", "_").replace("-", "_")
        for column, stat in stats.items():
            value = (row.get(column) or "").strip()
            if value and value.upper() != "NA":
                out.write(f"PI02.WASTEWATER_LOAD,{row['Site ID']},{row['Year']},{value},,,,{substance},{stat}\n")
PY
DISTINCT="$BENCH/ingest-distinct-$DISTINCT_ROWS.csv"
if [ ! -f "$DISTINCT" ]; then
  ROWS=$DISTINCT_ROWS LOAD=0 REFERENCES=none "$ROOT/deploy/bench/ingest.sh" >/dev/null 2>&1 || true
fi
[ -f "$DISTINCT" ] || die "could not generate $DISTINCT"

pg_ensure_running
kafka_stop store-copy 2>/dev/null || true
service_pid=
cleanup() {
  [ -z "$service_pid" ] || { kill "$service_pid" 2>/dev/null; wait "$service_pid" 2>/dev/null || true; }
  kafka_stop store-copy
}
trap cleanup EXIT
trap "exit 130" INT TERM
rm -rf "$LOCAL/kafka/store-copy"
kafka_start store-copy "$KAFKA_PORT" $((KAFKA_PORT + 1))
libs=$(kafka_libs)

measure() { # name csv
  local name=$1 csv=$2 run topic events rows start end store copy_start copy
  run=$(date +%s%N)
  topic=storecopy-$run.observations
  rows=$(($(wc -l < "$csv") - 1))
  pg_recreate_databases "$DB"
  say "$name: publishing $rows observations to $topic"
  events=$(java -cp "$libs/*" "$ROOT/deploy/bench/StoreCsvEvents.java" "127.0.0.1:$KAFKA_PORT" "$topic" "$csv")
  INDICATORS_PORT=$HTTP_PORT INDICATORS_MANAGEMENT_PORT=$MANAGEMENT_PORT \
    INDICATORS_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:$KAFKA_PORT \
    OBSERVATIONS_TOPIC=$topic SERIES_UPDATED_TOPIC=storecopy-$run.series-updated INDICATORS_GROUP_ID=storecopy-$run \
    java -Xmx"$HEAP" -jar "$BENCH/store-copy-app/quarkus-run.jar" >"$LOCAL/logs/store-copy-$name.log" 2>&1 &
  service_pid=$!
  until curl -sf "http://127.0.0.1:$MANAGEMENT_PORT/q/health/ready" >/dev/null; do
    kill -0 "$service_pid" 2>/dev/null || die "the service stopped; see $LOCAL/logs/store-copy-$name.log"
    sleep 0.2
  done
  start=$(now)
  say "$name: $events events published; service ready, waiting for the store"
  partial=
  until [ "$(sql -c 'select count(*) from processed_event')" -ge "$events" ]; do
    kill -0 "$service_pid" 2>/dev/null || die "the service stopped; see $LOCAL/logs/store-copy-$name.log"
    if awk -v a="$start" -v b="$(now)" -v m="$MAX_SECONDS" 'BEGIN { exit !(b - a > m) }'; then partial=" (partial)"; break; fi
    sleep 0.2
  done
  end=$(now)
  stored=$(sql -c 'select count(*) from observation')
  # every observation of a file of distinct keys is one version; a partial run counts what it stored
  [ -z "$partial" ] || rows=$(sql -c 'select count(*) from observation_version')
  kill "$service_pid"; wait "$service_pid" 2>/dev/null || true; service_pid=
  store=$(awk -v a="$start" -v b="$end" 'BEGIN { print b - a }')
  # the reference, with the service stopped: PostgreSQL parsing the same CSV into a table of the same shape
  sql -c "create table bench_csv (measure text, area text, period text, value numeric, status text, comment text,
    action text, substance text, stat text)"
  copy_start=$(now)
  sql -c "\\copy bench_csv from '$csv' with (format csv, header true)"
  copy=$(awk -v a="$copy_start" -v b="$(now)" 'BEGIN { print b - a }')
  awk -v label="$LABEL" -v name="$name$partial" -v rows="$rows" -v stored="$stored" -v s="$store" -v c="$copy" -v total="$(($(wc -l < "$csv") - 1))" \
    -v load="$(cut -d' ' -f1-3 /proc/loadavg)" 'BEGIN {
    printf "| %s | %s | %d (%d current) | %.0f obs/s (%.1f s) | %.0f rows/s (%.2f s) | %.2f %% | %s |\n",
      label, name, rows, stored, rows / s, s, total / c, c, 100 * (rows / s) / (total / c), load }'
}

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo), $(uname -sr), $(java -version 2>&1 | head -n 1); date: $(date -u +%Y-%m-%dT%H:%MZ); -Xmx$HEAP"
echo "| build | data | observations | store from Kafka | psql \\copy of the same CSV | store / COPY | load average (1, 5, 15 min) |"
echo "| --- | --- | ---: | ---: | ---: | ---: | --- |"
measure wastewater "$WW"
measure distinct "$DISTINCT"
