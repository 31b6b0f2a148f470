#!/usr/bin/env bash
# The benchmark of the whole suite in one command (issue 9): starts a fresh suite of its own, measures every
# figure beside its reference on this machine, stops everything it started and writes a dated section at the
# top of docs/benchmarks.md (earlier sections move under "Earlier runs"), with SVG plots in docs/benchmarks/.
#
#   deploy/bench/run.sh                     the issue's sizes: about 25-40 minutes on 2 cores (the newest section of
#                                           docs/benchmarks.md says how long its run took)
#   SKIP_BUILD=1 ROWS=20000 FRESHNESS_RATE=20 FRESHNESS_SECONDS=10 READ_SECONDS=10 deploy/bench/run.sh   a check, ~5 min
#   RENDER=.local/bench-suite/results/<stamp> deploy/bench/run.sh   writes the section again from a finished run
#
# In order:
#   1. start-up: PostgreSQL (the installed cluster, databases bench_* recreated), a fresh Kafka broker and the four
#      packaged services one at a time, each timed from its process start to /q/health/ready; resident memory
#      (VmRSS) of every process is sampled each second from then on; then one submission primes the pipeline
#      (topics created, consumer groups joined) and is timed to its trend;
#   2. freshness (deploy/bench/freshness.sh): FRESHNESS_RATE submissions/s for FRESHNESS_SECONDS, p50/p99 from the
#      gateway's acceptance to the updated trend on the trend stream;
#   3. reads (deploy/bench/gateway.sh): READ_PATH (trend JSON) straight from reporting-service, through nginx and
#      through the suite's gateway, with wrk;
#   4. bulk ingest (deploy/bench/ingest.sh): PostgreSQL's own \copy of ROWS rows (the reference), then the same rows
#      as one CSV submission through the gateway, timed to VALIDATED (intake), until indicators-service has stored
#      every row, and until reporting-service has recomputed every trend (at most TRENDS_TIMEOUT seconds). Last,
#      because a million rows keep reporting-service busy long after the store is done.
# Knobs (defaults): ROWS (1000000), FRESHNESS_RATE (100), FRESHNESS_SECONDS (60), FRESHNESS_WARMUP (90) seconds at
# FRESHNESS_WARMUP_RATE (50) submissions/s first, measured and reported on their own: four JVMs that start cold on
# two cores spend their first minute or two compiling (C2), and at 100/s from a cold start the backlog of that
# minute is what the measurement would show; then FRESHNESS_LEAD (30) unmeasured seconds at FRESHNESS_RATE (the
# 16:56 run of 2026-11-30 showed its first 10 measured seconds still settling after a 10 s lead),
# READ_SECONDS (30), READ_WARMUP (10), READ_ROUNDS (2), READ_CONNECTIONS (32),
# READ_PATH (/api/v1/trends/PI09.DRUG_INDUCED_DEATHS?area=AT: the 30 series the freshness step wrote),
# IDLE_SECONDS (15: settling time before the idle memory reading), TRENDS_TIMEOUT (900),
# BENCH_JAVA_OPTS (none: the JVM's defaults),
# SKIP_BUILD (0), BUILD_LOCK (/work/build.lock when it exists: Maven runs under flock on it),
# DOC (docs/benchmarks.md; WRITE_DOC=0 writes only .local/bench-suite/results/<date>/section.md).
# Ports and data are its own, so that it runs beside other suites: services on BENCH_PORT_BASE (38480: gateway,
# +1 indicators, +2 submissions, +3 reporting, +5 nginx, +10 to +13 their management ports), Kafka on BENCH_KAFKA_PORT (39092, controller +1),
# databases bench_indicators, bench_submissions, bench_reporting, folder DRUGSPLAN_LOCAL_DIR (.local/bench-suite).
# Needs wrk, nginx, jq and gnuplot (the plots): installed from Debian when missing and run as root.
# If the script is killed hard, its processes stop with:
#   DRUGSPLAN_LOCAL_DIR=.local/bench-suite deploy/local/suite.sh stop
export DRUGSPLAN_LOCAL_DIR=${DRUGSPLAN_LOCAL_DIR:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/.local/bench-suite}
source "$(dirname "${BASH_SOURCE[0]}")/../local/lib.sh"

ROWS=${ROWS:-1000000}
FRESHNESS_RATE=${FRESHNESS_RATE:-100}
FRESHNESS_SECONDS=${FRESHNESS_SECONDS:-60}
FRESHNESS_WARMUP=${FRESHNESS_WARMUP:-90}
FRESHNESS_WARMUP_RATE=${FRESHNESS_WARMUP_RATE:-50}
FRESHNESS_LEAD=${FRESHNESS_LEAD:-30}
READ_SECONDS=${READ_SECONDS:-30}
READ_WARMUP=${READ_WARMUP:-10}
READ_ROUNDS=${READ_ROUNDS:-2}
READ_CONNECTIONS=${READ_CONNECTIONS:-32}
READ_PATH=${READ_PATH:-/api/v1/trends/PI09.DRUG_INDUCED_DEATHS?area=AT}
IDLE_SECONDS=${IDLE_SECONDS:-15}
TRENDS_TIMEOUT=${TRENDS_TIMEOUT:-900}
PORT_BASE=${BENCH_PORT_BASE:-38480}
KAFKA_PORT=${BENCH_KAFKA_PORT:-39092}
DOC=${DOC:-$ROOT/docs/benchmarks.md}
PLOTS=$(dirname "$DOC")/benchmarks
[ "${WRITE_DOC:-1}" = 1 ] || PLOTS=   # set to the results folder below: nothing lands beside the document
if [ -z "${BUILD_LOCK+set}" ] && [ -e /work/build.lock ]; then BUILD_LOCK=/work/build.lock; fi
BUILD_LOCK=${BUILD_LOCK:-}

export GATEWAY_PORT=$PORT_BASE INDICATORS_PORT=$((PORT_BASE + 1)) SUBMISSIONS_PORT=$((PORT_BASE + 2))
export REPORTING_PORT=$((PORT_BASE + 3))
# health and metrics are on each service's management port (loopback), in the same order from +10
export GATEWAY_MANAGEMENT_PORT=$((PORT_BASE + 10)) INDICATORS_MANAGEMENT_PORT=$((PORT_BASE + 11))
export SUBMISSIONS_MANAGEMENT_PORT=$((PORT_BASE + 12)) REPORTING_MANAGEMENT_PORT=$((PORT_BASE + 13))
NGINX_PORT=$((PORT_BASE + 5))
export KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:$KAFKA_PORT
export INDICATORS_URL=http://127.0.0.1:$INDICATORS_PORT SUBMISSIONS_URL=http://127.0.0.1:$SUBMISSIONS_PORT
export REPORTING_URL=http://127.0.0.1:$REPORTING_PORT
export INDICATORS_DB_URL=jdbc:postgresql://$PGHOST:$PGPORT/bench_indicators
export SUBMISSIONS_DB_URL=jdbc:postgresql://$PGHOST:$PGPORT/bench_submissions
export REPORTING_DB_URL=jdbc:postgresql://$PGHOST:$PGPORT/bench_reporting
# every request still passes the rate limiter, but one reporter at 100 submissions/s and wrk's thousands of
# reads per second from one address must not be refused: the figures are about the path, not the policy
export GATEWAY_RATE_LIMIT=1000000000
GATEWAY=http://127.0.0.1:$GATEWAY_PORT
SERVICES=(indicators-service submissions-service reporting-service gateway)
declare -A PORT=([indicators-service]=$INDICATORS_PORT [submissions-service]=$SUBMISSIONS_PORT
                 [reporting-service]=$REPORTING_PORT [gateway]=$GATEWAY_PORT)
declare -A MANAGEMENT_PORT=([indicators-service]=$INDICATORS_MANAGEMENT_PORT
                            [submissions-service]=$SUBMISSIONS_MANAGEMENT_PORT
                            [reporting-service]=$REPORTING_MANAGEMENT_PORT [gateway]=$GATEWAY_MANAGEMENT_PORT)
declare -A PID STARTUP_MS QUARKUS_STARTED RSS_IDLE RSS_INGEST_END HWM

SKIP_BUILD=${SKIP_BUILD:-0}
BENCH_JAVA_OPTS=${BENCH_JAVA_OPTS:-}
APPS=$LOCAL/apps
LOGS=$LOCAL/logs
t0=$SECONDS
log() { printf '[bench %4ds] %s\n' $((SECONDS - t0)) "$*" >&2; }
locked() { if [ -n "$BUILD_LOCK" ]; then flock "$BUILD_LOCK" "$@"; else "$@"; fi; }

# RENDER=<results folder> writes the tables and plots again from a finished run's figures, measuring nothing
if [ -n "${RENDER:-}" ]; then
  OUT=$(cd "$RENDER" && pwd)
  source "$OUT/state.sh"
else
STAMP=$(date -u +%Y-%m-%dT%H%MZ)
OUT=$LOCAL/results/$STAMP
mkdir -p "$OUT" "$LOGS" "$LOCAL/run"

# ---------- tools ----------

ensure_debian_package() { # command package
  command -v "$1" >/dev/null && return 0
  [ -x "/usr/sbin/$1" ] && return 0
  [ "$(id -u)" = 0 ] || die "$1 is missing: apt-get install -y $2 (as root), then run again"
  log "installing $2 (Debian)"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null || die "apt-get install $2 failed"
}
ensure_debian_package wrk wrk
ensure_debian_package nginx nginx
ensure_debian_package jq jq
ensure_debian_package psql postgresql-client
# the plots are a bonus: without gnuplot the tables are still written
if ! command -v gnuplot >/dev/null && [ "$(id -u)" = 0 ]; then
  log "installing gnuplot-nox (Debian) for the plots"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gnuplot-nox >/dev/null 2>&1 || log "no gnuplot: no plots"
fi

for port in $GATEWAY_PORT $INDICATORS_PORT $SUBMISSIONS_PORT $REPORTING_PORT $NGINX_PORT $KAFKA_PORT $((KAFKA_PORT + 1)) \
    "${MANAGEMENT_PORT[@]}"; do
  port_open 127.0.0.1 "$port" && die "port $port is taken: another benchmark run? (or set BENCH_PORT_BASE / BENCH_KAFKA_PORT)"
done

# ---------- the record of the machine before anything starts ----------

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
DATE_START=$(date -u '+%Y-%m-%d %H:%M UTC')
MACHINE_CPU="$(nproc) cores ($(uname -m)), $(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo)"
MACHINE_MEMORY=$(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)
MACHINE_KERNEL=$(uname -sr)

# ---------- build, and private copies of the packaged services ----------

missing=0
for name in "${SERVICES[@]}"; do [ -f "$ROOT/$name/target/quarkus-app/quarkus-run.jar" ] || missing=1; done
if [ "${SKIP_BUILD:-0}" != 1 ] || [ $missing = 1 ]; then
  log "building the four services (./mvnw package -DskipTests${BUILD_LOCK:+, under flock $BUILD_LOCK})"
  (cd "$ROOT" && locked ./mvnw -B -q -pl indicators-service,submissions-service,reporting-service,gateway -am \
    package -DskipTests) || die "build failed"
fi
# copied under the build lock: a build elsewhere in the checkout must neither tear the copy nor replace a jar
# under a running service
rm -rf "$APPS"; mkdir -p "$APPS"
[ -z "$BUILD_LOCK" ] || log "copying the packaged services (waits for the build lock $BUILD_LOCK while a build runs)"
lock_wait_start=$SECONDS
locked bash -c 'root=$1 apps=$2; shift 2; for name in "$@"; do cp -a "$root/$name/target/quarkus-app" "$apps/$name"; done' \
  copy "$ROOT" "$APPS" "${SERVICES[@]}"
LOCK_WAIT_S=$((SECONDS - lock_wait_start))
if [ ! -f "$LOCAL/kafka/libs/.complete" ]; then
  if [ -f "$ROOT/.local/kafka/libs/.complete" ]; then
    mkdir -p "$LOCAL/kafka"; cp -a "$ROOT/.local/kafka/libs" "$LOCAL/kafka/libs"
  else
    locked bash -c 'source "$0"; kafka_libs >/dev/null' "$ROOT/deploy/local/lib.sh"
  fi
fi

# ---------- cleanup: only what this run started ----------

sampler=
cleanup() {
  [ -z "$sampler" ] || kill "$sampler" 2>/dev/null || true
  local name
  for name in gateway reporting-service submissions-service indicators-service; do
    stop_pidfile "$LOCAL/run/$name.pid" "$name" 2>/dev/null || true
  done
  kafka_stop dev 2>/dev/null || true
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---------- 1. start-up ----------

pg_ensure_running
pg_recreate_databases bench_indicators bench_submissions bench_reporting
export JWT_PUBLIC_KEY_LOCATION
JWT_PUBLIC_KEY_LOCATION="$(dev_keys)/public.pem"

# the broker is named "dev" like suite.sh's, so that suite.sh stop with this folder also stops it
kafka_stop dev 2>/dev/null || true
rm -rf "$LOCAL/kafka/dev"
started=$(date +%s%N)
kafka_start dev "$KAFKA_PORT" $((KAFKA_PORT + 1)) 2>>"$LOGS/bench.log"
KAFKA_STARTUP_MS=$(( ($(date +%s%N) - started) / 1000000 ))
KAFKA_PID=$(cat "$LOCAL/kafka/dev/pid")

rss_of() { awk '/^VmRSS/ {print $2}' "/proc/$1/status" 2>/dev/null || echo 0; }
hwm_of() { awk '/^VmHWM/ {print $2}' "/proc/$1/status" 2>/dev/null || echo 0; }

# one service at a time, each alone on the machine: started together (as suite.sh does) they compete for
# the two cores and the figure says more about the neighbours than about the service
start_service() { # name
  local name=$1 port=${PORT[$1]} started ready deadline=$((SECONDS + 120))
  log "starting $name on 127.0.0.1:$port"
  started=$(date +%s%N)
  nohup java ${BENCH_JAVA_OPTS:-} -jar "$APPS/$name/quarkus-run.jar" >"$LOGS/$name.log" 2>&1 &
  PID[$name]=$!
  echo "${PID[$name]}" > "$LOCAL/run/$name.pid"
  until curl -fsS -o /dev/null --max-time 2 "http://127.0.0.1:${MANAGEMENT_PORT[$name]}/q/health/ready" 2>/dev/null; do
    kill -0 "${PID[$name]}" 2>/dev/null || die "$name exited; see $LOGS/$name.log"
    [ $SECONDS -lt $deadline ] || die "$name not ready after 120 s; see $LOGS/$name.log"
    sleep 0.05
  done
  ready=$(date +%s%N)
  STARTUP_MS[$name]=$(( (ready - started) / 1000000 ))
  QUARKUS_STARTED[$name]=$(sed -n 's/.*started in \([0-9.]*\)s.*/\1 s/p' "$LOGS/$name.log" | head -n 1)
  log "$name ready after ${STARTUP_MS[$name]} ms (Quarkus: started in ${QUARKUS_STARTED[$name]:-?})"
}
for name in "${SERVICES[@]}"; do start_service "$name"; done

# every second: t, phase, then the RSS (KiB) of the four services and the broker
echo idle > "$OUT/phase"
echo "# t_s phase ${SERVICES[*]} kafka" > "$OUT/rss.tsv"
(
  start=$(date +%s.%N)
  while :; do
    line="$(awk -v s="$start" -v n="$(date +%s.%N)" 'BEGIN { printf "%.1f", n - s }') $(cat "$OUT/phase")"
    for pid in "${PID[indicators-service]}" "${PID[submissions-service]}" "${PID[reporting-service]}" "${PID[gateway]}" "$KAFKA_PID"; do
      line="$line $(rss_of "$pid")"
    done
    echo "$line" >> "$OUT/rss.tsv"
    sleep 1
  done
) &
sampler=$!

log "idle for ${IDLE_SECONDS}s before reading the idle memory"
sleep "$IDLE_SECONDS"
for name in "${SERVICES[@]}"; do RSS_IDLE[$name]=$(rss_of "${PID[$name]}"); done
RSS_IDLE[kafka]=$(rss_of "$KAFKA_PID")

# Caught up: both outboxes empty, and reporting-service holds a trend of every series at the data version
# indicators-service stores (computed EU totals aside). Compared in the databases, because the services'
# gauges lag by their refresh interval and a pause between two consumer polls looks like quiet.
bench_sql() { PGPASSWORD=$DB_PASSWORD psql -X -q -tA -h "$PGHOST" -p "$PGPORT" -U "$DB_USER" -d "bench_$1" -c "$2"; }
pipeline_state() { # -> "backlog_submissions backlog_indicators series versions trends trend_versions"
  echo "$(bench_sql submissions 'select count(*) from outbox_event where published_at is null')" \
    "$(bench_sql indicators "select (select count(*) from outbox_event where published_at is null) || ' ' || count(*) || ' ' || coalesce(sum(data_version), 0) from series")" \
    "$(bench_sql reporting "select count(*) || ' ' || coalesce(sum(data_version), 0) from series_trend where not computed")"
}
wait_caught_up() { # seconds -> 0 when caught up
  local deadline=$((SECONDS + $1)) state
  while :; do
    state=$(pipeline_state)
    awk -v s="$state" 'BEGIN { split(s, f, " "); exit !(f[1] == 0 && f[2] == 0 && f[3] == f[5] && f[4] == f[6]) }' && return 0
    [ $SECONDS -lt $deadline ] || { log "not caught up after $1 s: $state"; echo "$state" > "$OUT/not-caught-up"; return 1; }
    sleep 1
  done
}

FAILED=()
echo prime > "$OUT/phase"
log "priming the pipeline: one submission, timed to its trend"
prime_token=$("$ROOT/deploy/local/token.sh" AT submitter)
primed=$(date +%s%N)
# period 2000, so that the freshness step (period 2024) cannot mistake this trend for one of its own
curl -fsS -o /dev/null -X POST "$GATEWAY/api/v1/submissions" -H "Authorization: Bearer $prime_token" \
  -H 'Content-Type: application/json' -d '{"observations": [{"measure": "PI09.DRUG_INDUCED_DEATHS", "area": "AT",
  "period": "2000", "dimensions": {"SEX": "T", "AGE": "TOTAL"}, "value": 1}]}' || die "the first submission was refused"
wait_caught_up 300 || die "the first submission did not reach its trend within 300 s; see $LOGS"
PRIME_MS=$(( ($(date +%s%N) - primed) / 1000000 ))
log "first submission's trend after $PRIME_MS ms"
# Freshness and reads first, on a quiet suite; the bulk ingest last, because the series-updated events of a
# million rows keep reporting-service busy long after the store is done, and would be measured as freshness.

# ---------- 2. freshness ----------

echo freshness > "$OUT/phase"
if [ "$FRESHNESS_WARMUP" -gt 0 ]; then
  log "freshness warm-up (JIT cold): $FRESHNESS_WARMUP_RATE/s for $FRESHNESS_WARMUP s (log: $OUT/freshness-warmup.txt)"
  GATEWAY=$GATEWAY RATE=$FRESHNESS_WARMUP_RATE SECONDS_MEASURED=$FRESHNESS_WARMUP WARMUP=0 \
    "$ROOT/deploy/bench/freshness.sh" >"$OUT/freshness-warmup.txt" 2>&1 || FAILED+=(freshness-warmup)
  cat "$OUT/freshness-warmup.txt" >&2
  wait_caught_up 300 || true
fi
log "freshness: $FRESHNESS_RATE/s for $FRESHNESS_LEAD s + $FRESHNESS_SECONDS s (log: $OUT/freshness.txt)"
GATEWAY=$GATEWAY RATE=$FRESHNESS_RATE SECONDS_MEASURED=$FRESHNESS_SECONDS WARMUP=$FRESHNESS_LEAD \
  SAMPLES=$OUT/freshness-samples.txt "$ROOT/deploy/bench/freshness.sh" >"$OUT/freshness.txt" 2>&1 || FAILED+=(freshness)
cat "$OUT/freshness.txt" >&2
echo settle > "$OUT/phase"
wait_caught_up 300 || true

# ---------- 3. reads ----------

echo reads > "$OUT/phase"
log "reads: GET $READ_PATH, reporting-service / nginx / gateway (log: $OUT/reads.txt)"
BENCH_PATH=$READ_PATH BENCH_BACKEND=$REPORTING_URL BENCH_GATEWAY_URL=$GATEWAY BENCH_NGINX_PORT=$NGINX_PORT \
  BENCH_DURATION=${READ_SECONDS}s BENCH_WARMUP=${READ_WARMUP}s BENCH_ROUNDS=$READ_ROUNDS \
  BENCH_CONNECTIONS=$READ_CONNECTIONS RESULT=$OUT/reads.env \
  "$ROOT/deploy/bench/gateway.sh" >"$OUT/reads.txt" 2>&1 || FAILED+=(reads)
cat "$OUT/reads.txt" >&2

# ---------- 4. bulk ingest ----------

# the machine's limit first, while the suite is quiet: PostgreSQL's own COPY of the rows about to be posted
echo copy > "$OUT/phase"
log "reference: PostgreSQL's own COPY of the $ROWS rows"
SUBMISSIONS_DB=bench_submissions RESULT=$OUT/ingest.env LOAD=0 REFERENCES=csv \
  "$ROOT/deploy/bench/ingest.sh" "$ROWS" >"$OUT/copy.txt" 2>&1 || FAILED+=(copy)
cat "$OUT/copy.txt" >&2
echo ingest > "$OUT/phase"
log "bulk ingest: $ROWS rows through the gateway (log: $OUT/ingest.txt)"
SUITE_URL=$GATEWAY SUBMISSIONS_DB=bench_submissions RESULT=$OUT/ingest.env REFERENCES=0 \
  "$ROOT/deploy/bench/ingest.sh" "$ROWS" >"$OUT/ingest.txt" 2>&1 || FAILED+=(ingest)
cat "$OUT/ingest.txt" >&2
for name in "${SERVICES[@]}"; do RSS_INGEST_END[$name]=$(rss_of "${PID[$name]}"); done
RSS_INGEST_END[kafka]=$(rss_of "$KAFKA_PID")
echo trends > "$OUT/phase"
log "waiting (at most ${TRENDS_TIMEOUT}s) until reporting-service has recomputed the trend of every ingested series"
TRENDS_CAUGHT_UP=0
if wait_caught_up "$TRENDS_TIMEOUT"; then TRENDS_CAUGHT_UP=1; fi
# the last trend's own commit time, not the moment the poll noticed it
TRENDS_DONE_EPOCH=$(bench_sql reporting "select extract(epoch from max(computed_at)) from series_trend where measure = 'PI02.WASTEWATER_LOAD'")
echo references > "$OUT/phase"
log "reference: PostgreSQL's own COPY of the outbox rows the intake wrote"
SUITE_URL=$GATEWAY SUBMISSIONS_DB=bench_submissions RESULT=$OUT/ingest.env LOAD=0 REFERENCES=outbox \
  "$ROOT/deploy/bench/ingest.sh" "$ROWS" >>"$OUT/ingest.txt" 2>&1 || FAILED+=(references)
tail -n 1 "$OUT/ingest.txt" >&2

echo end > "$OUT/phase"
sleep 1.5
for name in "${SERVICES[@]}"; do HWM[$name]=$(hwm_of "${PID[$name]}"); done
HWM[kafka]=$(hwm_of "$KAFKA_PID")
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)
kill "$sampler" 2>/dev/null || true; wait "$sampler" 2>/dev/null || true; sampler=

# versions, read from what actually ran
JAVA_VERSION=$(java -version 2>&1 | sed -n 2p | sed 's/.*(build \(.*\))/\1/')
QUARKUS_VERSION=$(ls "$APPS/gateway/lib/boot" | sed -n 's/^io\.quarkus\.quarkus-bootstrap-runner-\(.*\)\.jar$/\1/p')
KAFKA_VERSION=$(ls "$LOCAL/kafka/libs" | sed -n 's/^kafka_2\.13-\(.*\)\.jar$/\1/p')
PG_VERSION=$(PGPASSWORD=$DB_PASSWORD psql -X -tA -h "$PGHOST" -p "$PGPORT" -U "$DB_USER" -d bench_submissions -c 'show server_version' | cut -d' ' -f1)
NGINX_VERSION=$( (command -v nginx >/dev/null && nginx -v || /usr/sbin/nginx -v) 2>&1 | sed 's|.*nginx/||')
WRK_VERSION=$(wrk -v 2>&1 | head -n 1 | awk '{print $2}' || true)

log "stopping what this run started"
cleanup
trap - EXIT
DURATION_S=$((SECONDS - t0))
COMMAND_ENV=
for knob in SKIP_BUILD=0 ROWS=1000000 FRESHNESS_RATE=100 FRESHNESS_SECONDS=60 FRESHNESS_WARMUP=90 \
    FRESHNESS_WARMUP_RATE=50 FRESHNESS_LEAD=30 READ_SECONDS=30 \
    READ_WARMUP=10 READ_ROUNDS=2 READ_CONNECTIONS=32 IDLE_SECONDS=15 TRENDS_TIMEOUT=900 BENCH_JAVA_OPTS=; do
  name=${knob%%=*}
  [ "${!name}" = "${knob#*=}" ] || COMMAND_ENV+="$name=$(printf '%q' "${!name}") "
done
[ "$READ_PATH" = "/api/v1/trends/PI09.DRUG_INDUCED_DEATHS?area=AT" ] || COMMAND_ENV+="READ_PATH='$READ_PATH' "
declare -p COMMAND_ENV LOCK_WAIT_S PRIME_MS ROWS FRESHNESS_RATE FRESHNESS_SECONDS FRESHNESS_WARMUP FRESHNESS_WARMUP_RATE FRESHNESS_LEAD READ_SECONDS IDLE_SECONDS TRENDS_TIMEOUT SKIP_BUILD \
  BENCH_JAVA_OPTS STAMP DATE_START LOAD_BEFORE LOAD_AFTER DURATION_S KAFKA_STARTUP_MS TRENDS_CAUGHT_UP \
  TRENDS_DONE_EPOCH FAILED JAVA_VERSION QUARKUS_VERSION KAFKA_VERSION PG_VERSION NGINX_VERSION WRK_VERSION \
  MACHINE_CPU MACHINE_MEMORY MACHINE_KERNEL STARTUP_MS QUARKUS_STARTED RSS_IDLE RSS_INGEST_END HWM \
  | sed 's/^declare -\([a-zA-Z]*\) /declare -g\1 /' > "$OUT/state.sh"
fi

# ---------- figures ----------

val() { sed -n "s/^$2=//p" "$1" 2>/dev/null | tail -n 1; }
num() { [[ ${1:-} =~ ^-?[0-9]*\.?[0-9]+([eE][-+]?[0-9]+)?$ ]]; }
int() { num "${1:-}" || { echo '?'; return; }; LC_ALL=C printf '%.0f' "$1" | sed ':a;s/\B[0-9]\{3\}\>/,&/;ta'; }
sec() { num "${1:-}" || { echo '?'; return; }; LC_ALL=C printf '%.1f s' "$1"; }
ms() { num "${1:-}" || { echo "${1:-?}"; return; }; awk -v m="$1" 'BEGIN { if (m < 1000) printf "%.0f ms", m; else printf "%.2f s", m / 1000 }'; }
per_s() { awk -v n="$1" -v s="$2" 'BEGIN { if (s > 0) printf "%.0f", n / s; else print 0 }'; }
mib() { awk -v k="${1:-0}" 'BEGIN { printf "%.0f MiB", k / 1024 }'; }
# the largest RSS sampled during a phase, for column $2 of rss.tsv (3 = first service)
peak() { awk -v p="$1" -v c="$2" '$2 ~ "^(" p ")$" && $c > m { m = $c } END { printf "%d", m }' "$OUT/rss.tsv"; }

I=$OUT/ingest.env F=$OUT/freshness.txt W=$OUT/freshness-warmup.txt R=$OUT/reads.env
fresh() { grep -o "$1=[^ ]*" "${2:-$F}" 2>/dev/null | tail -n 1 | cut -d= -f2; }

SIZES_NOTE=
if [ "$ROWS" != 1000000 ] || [ "$FRESHNESS_RATE" != 100 ] || [ "$FRESHNESS_SECONDS" != 60 ] || [ "$READ_SECONDS" != 30 ]; then
  SIZES_NOTE="**Reduced sizes** (the issue asks for 1,000,000 rows, 100 submissions/s): a check of the script, not a measurement to quote."
fi

# ---------- plots ----------

PLOT_FRESHNESS= PLOT_RSS=
PLOTS=${PLOTS:-$OUT}
PLOT_LINK=$([ "$PLOTS" = "$OUT" ] || echo "$(basename "$PLOTS")/")
if command -v gnuplot >/dev/null; then
  mkdir -p "$PLOTS"
  if [ -s "$OUT/freshness-samples.txt" ]; then
    PLOT_FRESHNESS=$STAMP-freshness.svg
    sort -n -k2 "$OUT/freshness-samples.txt" | grep -v '^#' \
      | awk '{ v[NR] = $2 } END { for (i = 1; i <= NR; i++) print v[i], 100 * i / NR }' > "$OUT/freshness-cdf.txt"
    gnuplot <<PLOT 2>>"$LOGS/bench.log" || PLOT_FRESHNESS=
set terminal svg size 960,400 dynamic font "sans,11" background "white"
set output "$PLOTS/$PLOT_FRESHNESS"
set multiplot layout 1,2 title "Freshness at $FRESHNESS_RATE submissions/s, $STAMP"
set grid
set xlabel "seconds since the first submission"
set ylabel "freshness (ms)"
set key off
plot "$OUT/freshness-samples.txt" using 1:2 with points pt 7 ps 0.3 lc rgb "#1f77b4"
set xlabel "freshness (ms)"
set ylabel "submissions (%)"
set yrange [0:100]
set logscale x
plot "$OUT/freshness-cdf.txt" using (\$1 < 0.1 ? 0.1 : \$1):2 with lines lw 2 lc rgb "#d62728"
unset multiplot
PLOT
  fi
  if [ "$(wc -l < "$OUT/rss.tsv")" -gt 2 ]; then
    PLOT_RSS=$STAMP-memory.svg
    # a vertical line where each phase begins
    arrows=$(awk 'NR > 1 && $2 != last && $2 !~ /^(settle|end|prime|copy)$/ { printf "set arrow from %s, graph 0 to %s, graph 1 nohead lw 0.5 lc rgb \"#999999\"; set label \"%s\" at %s, graph 0.97 offset 0.3,0 font \",9\"; ", $1, $1, $2, $1 } NR > 1 { last = $2 }' "$OUT/rss.tsv")
    gnuplot <<PLOT 2>>"$LOGS/bench.log" || PLOT_RSS=
set terminal svg size 960,400 dynamic font "sans,11" background "white"
set output "$PLOTS/$PLOT_RSS"
set title "Resident memory (VmRSS) during the run, $STAMP"
set grid
set xlabel "seconds since the services were ready"
set ylabel "MiB"
set yrange [0:*]
set key outside right
$arrows
plot for [c=3:7] "$OUT/rss.tsv" using 1:(column(c) / 1024) with lines lw 2 title word("${SERVICES[*]} kafka", c - 2)
PLOT
  fi
fi

# ---------- the Markdown section ----------

ROWS_N=$(val "$I" rows)
{
  echo "## $DATE_START: the whole suite, \`deploy/bench/run.sh\`"
  echo
  [ -z "$SIZES_NOTE" ] || { echo "$SIZES_NOTE"; echo; }
  [ ${#FAILED[@]} = 0 ] || { echo "**Steps that failed: ${FAILED[*]}** (their logs: \`${OUT#$ROOT/}\`)."; echo; }
  echo "One fresh suite of its own (PostgreSQL $PG_VERSION cluster with new databases, a new single-node Kafka broker, the four packaged"
  echo "services started one at a time), then the measurements in sequence (freshness, reads, bulk ingest: the ingest last, so"
  echo "that its tail of trend recomputations is not measured as freshness), each beside its reference on the same machine."
  jvm_options="\`${BENCH_JAVA_OPTS:-}\`"; [ -n "${BENCH_JAVA_OPTS:-}" ] || jvm_options="none (the JVM's defaults)"
  echo "JVM options of the services: $jvm_options. The gateway's rate limit is set too high to bite (every"
  echo "request still passes through it). Whole run: $((DURATION_S / 60)) min $((DURATION_S % 60)) s$( [ "$LOCK_WAIT_S" -lt 3 ] \
    || echo " (of which $LOCK_WAIT_S s waiting for a build elsewhere in the checkout to release the build lock)")."
  echo
  echo "| machine | |"
  echo "| --- | --- |"
  echo "| CPU | $MACHINE_CPU |"
  echo "| memory | $MACHINE_MEMORY |"
  echo "| kernel | $MACHINE_KERNEL |"
  echo "| load average (1, 5, 15 min) | before: $LOAD_BEFORE; after: $LOAD_AFTER |"
  echo "| versions | Java $JAVA_VERSION, Quarkus $QUARKUS_VERSION, Kafka $KAFKA_VERSION, PostgreSQL $PG_VERSION, nginx $NGINX_VERSION, wrk $WRK_VERSION |"
  echo "| date | $DATE_START |"
  echo
  echo "### Bulk ingest"
  echo
  if [ -s "$I" ]; then
    echo "One CSV submission of $(int "$ROWS_N") rows of PI02.WASTEWATER_LOAD ($(awk -v b="$(val "$I" csv_bytes)" 'BEGIN { printf "%.0f", b / 1048576 }') MiB, 1,020 series of"
    echo "waste-water sites, 125 years each; rows beyond 127,500 repeat earlier keys) posted as EUDA through the gateway"
    echo "(\`Prefer: respond-async\`); the COPY reference ran before it, on the quiet suite. The store applied"
    echo "$(int "$(val "$I" inserted)") inserts, $(int "$(val "$I" revised)") revisions, $(int "$(val "$I" unchanged)") unchanged."
    echo
    echo "| what | rows | time | observations/s |"
    echo "| --- | ---: | ---: | ---: |"
    echo "| **through the gateway until every row is stored** (intake, outbox, Kafka, indicators-service) | $(int "$ROWS_N") | $(sec "$(val "$I" stored_s)") | **$(int "$(per_s "$ROWS_N" "$(val "$I" stored_s)")")** |"
    if [ "$TRENDS_CAUGHT_UP" = 1 ]; then
      trends_s=$(awk -v a="$(val "$I" start_epoch)" -v b="$TRENDS_DONE_EPOCH" 'BEGIN { print b - a }')
      echo "| through the gateway until every trend is recomputed (reporting-service) | $(int "$ROWS_N") | $(sec "$trends_s") | $(int "$(per_s "$ROWS_N" "$trends_s")") |"
    else
      echo "| through the gateway until every trend is recomputed (reporting-service) | $(int "$ROWS_N") | not within $(sec "$TRENDS_TIMEOUT") after stored: $(awk '{ printf "%d of %d data versions", $6, $4 }' "$OUT/not-caught-up" 2>/dev/null) | - |"
    fi
    echo "| intake only: through the gateway until VALIDATED (upload $(sec "$(val "$I" upload_s)"), validation, COPY into the outbox) | $(int "$ROWS_N") | $(sec "$(val "$I" intake_s)") | $(int "$(per_s "$ROWS_N" "$(val "$I" intake_s)")") |"
    echo "| reference: PostgreSQL's \`\\copy\` of the same CSV into a table of the same shape | $(int "$ROWS_N") | $(sec "$(val "$I" copy_csv_s)") | $(int "$(per_s "$ROWS_N" "$(val "$I" copy_csv_s)")") |"
    echo "| reference: PostgreSQL's \`\\copy\` of the outbox records the intake wrote (one per series and chunk, with all their rows: records, records/s) | $(int "$(val "$I" copy_outbox_rows)") | $(sec "$(val "$I" copy_outbox_s)") | $(int "$(per_s "$(val "$I" copy_outbox_rows)" "$(val "$I" copy_outbox_s)")") |"
    echo
    echo "Until stored, the suite reaches $(awk -v a="$(val "$I" stored_s)" -v b="$(val "$I" copy_csv_s)" 'BEGIN { if (a > 0) printf "%.2g", 100 * b / a; else printf "?" }') % of the rate of PostgreSQL's bare COPY of the same rows."
  else
    echo "Not measured: the step failed (log: \`${OUT#$ROOT/}/ingest.txt\`)."
  fi
  echo
  echo "### Freshness"
  echo
  echo "From the gateway's \`201\` for a one-observation submission to the trend stream (\`GET /api/v1/trends/stream\`,"
  echo "through the gateway) showing the updated trend; PI09.DRUG_INDUCED_DEATHS, Austria, 30 series. First a warm-up at a lower"
  echo "rate from the cold start (its figures are those of JVMs still compiling), then the measured run after a few unmeasured seconds."
  echo
  if [ -n "$(fresh p50_ms)" ]; then
    echo "| run | rate asked | rate achieved | unmeasured + measured | measured | refused | not seen | p50 | p99 | max |"
    echo "| --- | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |"
    [ -z "$(fresh p50_ms "$W")" ] || echo "| warm-up, from the cold start | $FRESHNESS_WARMUP_RATE/s | $(fresh rate_per_s "$W")/s | 0 s + $FRESHNESS_WARMUP s | $(int "$(fresh measured "$W")") | $(fresh refused "$W") | $(fresh not_seen "$W") | $(ms "$(fresh p50_ms "$W")") | $(ms "$(fresh p99_ms "$W")") | $(ms "$(fresh max_ms "$W")") |"
    echo "| **measured** | $FRESHNESS_RATE/s | $(fresh rate_per_s)/s | $FRESHNESS_LEAD s + $FRESHNESS_SECONDS s | $(int "$(fresh measured)") | $(fresh refused) | $(fresh not_seen) | **$(ms "$(fresh p50_ms)")** | **$(ms "$(fresh p99_ms)")** | $(ms "$(fresh max_ms)") |"
    echo
    echo "Of that, from the reviewer's \`200\` for the release to the official trend on the stream (the release publisher's step"
    echo "to official and the Kafka flow): p50 $(ms "$(fresh release_to_trend_ms_p50)"), p99 $(ms "$(fresh release_to_trend_ms_p99)") (warm-up: p50 $(ms "$(fresh release_to_trend_ms_p50 "$W")"), p99 $(ms "$(fresh release_to_trend_ms_p99 "$W")"))."
    echo "Beside it, from sending the submission to its draft trend read back (\`GET /api/v1/submissions/{id}/trends\`, computed"
    echo "on request, read beside the release): p50 $(ms "$(fresh submission_to_draft_trend_ms_p50)"), p99 $(ms "$(fresh submission_to_draft_trend_ms_p99)"), $(fresh no_draft) without a draft in 5 s."
    [ -z "$PLOT_FRESHNESS" ] || { echo; echo "![Freshness of every measured submission, over time and as a distribution](${PLOT_LINK}$PLOT_FRESHNESS)"; }
  else
    echo "Not measured: the step failed (log: \`${OUT#$ROOT/}/freshness.txt\`)."
  fi
  echo
  echo "### Reads: trend JSON"
  echo
  if [ -s "$R" ]; then
    echo "\`GET $(val "$R" path)\` ($(int "$(val "$R" bytes)") bytes of JSON) straight from reporting-service, through nginx $NGINX_VERSION"
    echo "(upstream keep-alive, no buffering) and through the suite's gateway; wrk, $(val "$R" threads) thread, $(val "$R" connections) connections,"
    echo "$(val "$R" duration) per measurement after a $(val "$R" warmup) warm-up, the three in turn; rounds: $(val "$R" rounds), the best of each kept."
    echo
    echo "| target | requests/s | p99 | non-2xx |"
    echo "| --- | ---: | ---: | ---: |"
    echo "| reporting-service directly | $(int "$(val "$R" direct_rps)") | $(val "$R" direct_p99) | $(val "$R" direct_errors) |"
    echo "| nginx (reference) | $(int "$(val "$R" nginx_rps)") | $(val "$R" nginx_p99) | $(val "$R" nginx_errors) |"
    echo "| **gateway** | **$(int "$(val "$R" gateway_rps)")** | **$(val "$R" gateway_p99)** | $(val "$R" gateway_errors) |"
    echo
    echo "The gateway at $(val "$R" ratio) % of nginx's throughput."
  else
    echo "Not measured: the step failed (log: \`${OUT#$ROOT/}/reads.txt\`)."
  fi
  echo
  echo "### Start-up and resident memory"
  echo
  echo "Start-up: from the process's start to the first \`200\` of \`/q/health/ready\` (database, Kafka, outbox), each service"
  echo "started alone, in this order; Quarkus's own \"started in\" beside it. Resident memory: VmRSS from \`/proc/<pid>/status\`,"
  echo "idle ${IDLE_SECONDS} s after the last start, the largest value sampled each second under each load (the ingest's until"
  echo "every trend was recomputed), at the moment every ingested row was stored, and the peak over the whole run (VmHWM)."
  echo
  echo "| process | start-up to ready | Quarkus \"started in\" | RSS idle | under freshness | under reads | under ingest | ingest stored | peak (VmHWM) |"
  echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
  col=3
  for name in "${SERVICES[@]}" kafka; do
    if [ "$name" = kafka ]; then
      label="Kafka broker (\`-Xmx512m\`)"; startup="$(awk -v m="$KAFKA_STARTUP_MS" 'BEGIN { printf "%.1f s", m / 1000 }') (port open)"; quarkus=-
    else
      label=$name; startup=$(awk -v m="${STARTUP_MS[$name]}" 'BEGIN { printf "%.1f s", m / 1000 }'); quarkus=${QUARKUS_STARTED[$name]:-?}
    fi
    echo "| $label | $startup | $quarkus | $(mib "${RSS_IDLE[$name]}") | $(mib "$(peak freshness $col)") | $(mib "$(peak reads $col)") | $(mib "$(peak 'ingest|trends' $col)") | $(mib "${RSS_INGEST_END[$name]}") | $(mib "${HWM[$name]}") |"
    col=$((col + 1))
  done
  echo
  echo "The first submission after the start (its topics created, the consumer groups joined) reached its trend after"
  echo "$(awk -v m="$PRIME_MS" 'BEGIN { printf "%.1f s", m / 1000 }'); the freshness step began after it."
  [ -z "$PLOT_RSS" ] || { echo; echo "![Resident memory of each process during the run](${PLOT_LINK}$PLOT_RSS)"; }
  echo
  echo "Command:"
  echo
  echo '```'
  echo "${COMMAND_ENV}deploy/bench/run.sh"
  echo '```'
  echo
} > "$OUT/section.md"

# ---------- docs/benchmarks.md: the new section on top, the earlier ones under "Earlier runs" ----------

merge_doc() { # section doc
  if [ ! -f "$2" ]; then
    { echo "# Benchmarks"; echo; echo "Each section: what was measured, on which machine, when, the figures and the command that produced them."; echo; cat "$1"; } > "$2"
    return
  fi
  # headings inside code fences (shell comments) are not headings
  awk -v section="$1" '
    /^```/ { fence = !fence }
    !fence && /^## / && !started { started = 1; while ((getline l < section) > 0) print l; print "## Earlier runs"; print "" }
    !fence && /^## Earlier runs[[:space:]]*$/ { older = 1; skip_blank = 1; next }
    !started { print; next }
    skip_blank && /^$/ { skip_blank = 0; next }
    { skip_blank = 0 }
    !fence && !older && /^#+ / { print "#" $0; next }
    { print }
    END { if (!started) { while ((getline l < section) > 0) print l } }
  ' "$2" > "$2.new"
  mv "$2.new" "$2"
}
if [ "${WRITE_DOC:-1}" = 1 ]; then
  merge_doc "$OUT/section.md" "$DOC"
  log "wrote the section on top of $DOC${PLOT_FRESHNESS:+, plots in $PLOTS}"
else
  log "the section is in $OUT/section.md (WRITE_DOC=0)"
fi
cat "$OUT/section.md"
log "done in $((DURATION_S / 60)) min $((DURATION_S % 60)) s; results and logs: $OUT"
[ ${#FAILED[@]} = 0 ] || die "failed steps: ${FAILED[*]}"
