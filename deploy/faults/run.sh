#!/usr/bin/env bash
# Fault suite (issue 9): under a steady submission load, kill -9 each service, the Kafka broker and PostgreSQL
# in turn, restart it, then check that every accepted observation is stored exactly once with its last value,
# that every trend equals a fresh recomputation, that replaying both topics from the start changes nothing,
# and that a poison record goes to the dead-letter topic without blocking its partition.
#   deploy/faults/run.sh                      about 6 minutes on 2 cores
#   FAULT_LOAD_SECONDS=60 deploy/faults/run.sh   shorter (CI)
# Everything runs apart from the other suites of the machine: its own PostgreSQL instance (port FAULT_PG_PORT,
# 26432), broker (FAULT_KAFKA_PORT, 26492/26493), services (26480-26483; their health on the management ports
# 26490, 26491, 26494, 26495) and folder (DRUGSPLAN_LOCAL_DIR, .local/faults).
# The packaged services are used as built (<service>/target/quarkus-app), copied first. Exit status 0 only
# when every check passed; figures in $DRUGSPLAN_LOCAL_DIR/summary.txt.
export DRUGSPLAN_LOCAL_DIR=${DRUGSPLAN_LOCAL_DIR:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/.local/faults}
source "$(dirname "${BASH_SOURCE[0]}")/../local/lib.sh"

LOAD_SECONDS=${FAULT_LOAD_SECONDS:-240}
DOWN_SECONDS=${FAULT_DOWN_SECONDS:-4}
export FAULT_RATE=${FAULT_RATE:-12}
export LOG_JSON=${LOG_JSON:-false}
PG_PORT=${FAULT_PG_PORT:-26432}
KAFKA_PORT=${FAULT_KAFKA_PORT:-26492}
export GATEWAY_PORT=${FAULT_GATEWAY_PORT:-26480}
export INDICATORS_PORT=${FAULT_INDICATORS_PORT:-26481}
export SUBMISSIONS_PORT=${FAULT_SUBMISSIONS_PORT:-26482}
export REPORTING_PORT=${FAULT_REPORTING_PORT:-26483}
# health (the probes below) on each service's management port; 26492/26493 are the broker's
export GATEWAY_MANAGEMENT_PORT=${FAULT_GATEWAY_MANAGEMENT_PORT:-26490}
export INDICATORS_MANAGEMENT_PORT=${FAULT_INDICATORS_MANAGEMENT_PORT:-26491}
export SUBMISSIONS_MANAGEMENT_PORT=${FAULT_SUBMISSIONS_MANAGEMENT_PORT:-26494}
export REPORTING_MANAGEMENT_PORT=${FAULT_REPORTING_MANAGEMENT_PORT:-26495}
export KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:$KAFKA_PORT
export INDICATORS_URL=http://127.0.0.1:$INDICATORS_PORT SUBMISSIONS_URL=http://127.0.0.1:$SUBMISSIONS_PORT
export REPORTING_URL=http://127.0.0.1:$REPORTING_PORT GATEWAY=http://127.0.0.1:$GATEWAY_PORT
export INDICATORS_DB_URL=jdbc:postgresql://127.0.0.1:$PG_PORT/faults_indicators
export SUBMISSIONS_DB_URL=jdbc:postgresql://127.0.0.1:$PG_PORT/faults_submissions
export REPORTING_DB_URL=jdbc:postgresql://127.0.0.1:$PG_PORT/faults_reporting
# the broker's and the services' own pid files, logs and data; PGHOST/PGPORT of lib.sh stay untouched
APPS=$LOCAL/apps RUN=$LOCAL/run LOGS=$LOCAL/logs
PG_BIN=/usr/lib/postgresql/15/bin PG_DIR=$LOCAL/pg
SERVICES=(indicators-service submissions-service reporting-service gateway)
declare -A PORT=([indicators-service]=$INDICATORS_PORT [submissions-service]=$SUBMISSIONS_PORT
                 [reporting-service]=$REPORTING_PORT [gateway]=$GATEWAY_PORT)
declare -A HEALTH=([indicators-service]=http://127.0.0.1:$INDICATORS_MANAGEMENT_PORT/q/health
                   [submissions-service]=http://127.0.0.1:$SUBMISSIONS_MANAGEMENT_PORT/q/health
                   [reporting-service]=http://127.0.0.1:$REPORTING_MANAGEMENT_PORT/q/health
                   [gateway]=http://127.0.0.1:$GATEWAY_MANAGEMENT_PORT/q/health)
RESULTS=()   # "fault|figures|verdict"
FAILED=0
LIVENESS_RESTARTS=0

t0=$SECONDS
log() { printf '[faults %4ds] %s\n' $((SECONDS - t0)) "$*" >&2; }

for port in $PG_PORT $KAFKA_PORT $((KAFKA_PORT + 1)) $GATEWAY_PORT $INDICATORS_PORT $SUBMISSIONS_PORT $REPORTING_PORT; do
  port_open 127.0.0.1 "$port" && die "port $port is taken: is another fault run going? (deploy/faults/run.sh stops its own at the end)"
done

# ---------- PostgreSQL: an instance of our own, so that killing it hurts nobody else ----------

as_pg() { if [ "$(id -u)" = 0 ]; then (cd / && su postgres -s /bin/sh -c "$(printf '%q ' "$@")"); else "$@"; fi; }

pg_start() {
  as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/postgres.log" -w -t 60 \
    -o "-p $PG_PORT -c listen_addresses=127.0.0.1 -k $PG_DIR -c max_connections=200 -c fsync=on" start >/dev/null
}

pg_setup() {
  rm -rf "$PG_DIR"; mkdir -p "$PG_DIR"
  if [ "$(id -u)" = 0 ]; then chown postgres "$PG_DIR"; fi
  as_pg "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres --auth=trust -E UTF8 >/dev/null
  pg_start
  local db
  "$PG_BIN/psql" -X -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -c "create role drugsplan login password 'drugsplan'"
  for db in faults_indicators faults_submissions faults_reporting; do
    "$PG_BIN/psql" -X -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -c "create database $db owner drugsplan"
  done
}

# the postmaster and every backend, as an OOM kill or a lost machine would
pg_kill() {
  local pm
  pm=$(head -n 1 "$PG_DIR/data/postmaster.pid")
  kill -9 $(ps -o pid= --ppid "$pm") "$pm" 2>/dev/null || true
}

# ---------- Kafka and the services ----------

# never talk to a broker someone else started on our port meanwhile: its topics are not ours to fill
kafka_up() {
  port_open 127.0.0.1 "$KAFKA_PORT" && die "another process took 127.0.0.1:$KAFKA_PORT; set FAULT_KAFKA_PORT"
  KAFKA_PARTITIONS=6 kafka_start faults "$KAFKA_PORT" $((KAFKA_PORT + 1)) 2>>"$LOGS/faults.log"
  disown "$(cat "$LOCAL/kafka/faults/pid")" 2>/dev/null || true
}
kafka_kill() { kill -9 "$(cat "$LOCAL/kafka/faults/pid")" 2>/dev/null || true; }

service_start() { # name
  local name=$1
  port_open 127.0.0.1 "${PORT[$name]}" && die "another process took 127.0.0.1:${PORT[$name]} (for $name)"
  nohup java -Xmx384m -jar "$APPS/$name/quarkus-run.jar" >>"$LOGS/$name.log" 2>&1 &
  echo $! > "$RUN/$name.pid"
  disown "$!"
}

service_ready() { # name [seconds]
  local name=$1 deadline=$((SECONDS + ${2:-120}))
  until curl -fsS "${HEALTH[$name]}/ready" >/dev/null 2>&1; do
    kill -0 "$(cat "$RUN/$name.pid")" 2>/dev/null || { log "$name exited; see $LOGS/$name.log"; return 1; }
    [ $SECONDS -lt $deadline ] || { log "$name not ready after ${2:-120} s"; return 1; }
    sleep 0.5
  done
}

service_kill() { kill -9 "$(cat "$RUN/$1.pid")" 2>/dev/null || true; }

service_stop() { stop_pidfile "$RUN/$1.pid" "$1" 2>/dev/null; }

# What a kubelet's liveness probe does: a service that says it is not live (a failed messaging channel,
# after the database went away under a consumer) is restarted. Counted, and shown in the summary.
supervise() {
  local name code
  for name in "${SERVICES[@]}"; do
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "${HEALTH[$name]}/live" || true)
    if [ "$code" = 503 ]; then
      log "$name is not live (503): restarting it, as a liveness probe would"
      curl -s --max-time 5 "${HEALTH[$name]}/live" >>"$LOGS/faults.log" || true
      LIVENESS_RESTARTS=$((LIVENESS_RESTARTS + 1))
      service_kill "$name"; sleep 1; service_start "$name"; service_ready "$name" || true
    fi
  done
}

cleanup() {
  local name
  touch "$LOCAL/stop-load"
  for name in gateway reporting-service submissions-service indicators-service; do service_stop "$name"; done
  stop_pidfile "$LOCAL/kafka/faults/pid" "Kafka 'faults'" 2>/dev/null
  if [ -f "$PG_DIR/data/postmaster.pid" ]; then as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast stop >/dev/null 2>&1 || true; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

checker() { java -Dslf4j.internal.verbosity=ERROR -cp "$CLASSPATH_CHECK" "$ROOT/deploy/faults/Faults.java" "$@"; }

# ---------- set up ----------

rm -rf "$LOCAL/kafka/faults" "$APPS" "$RUN" "$LOGS" "$LOCAL/stop-load"
mkdir -p "$APPS" "$RUN" "$LOGS" "$LOCAL/kafka"
# copied under the build lock, so that a build running meanwhile cannot hand us half-replaced jars
BUILD_LOCK=${BUILD_LOCK:-/work/build.lock}
copy_apps() {
  local name
  for name in "${SERVICES[@]}"; do
    [ -f "$ROOT/$name/target/quarkus-app/quarkus-run.jar" ] \
      || die "$name is not built: flock $BUILD_LOCK ./mvnw -o -q install -DskipTests"
    cp -r "$ROOT/$name/target/quarkus-app" "$APPS/$name"
  done
}
if [ -e "$BUILD_LOCK" ]; then
  exec 9<"$BUILD_LOCK"; flock 9; copy_apps; flock -u 9; exec 9<&-
else
  copy_apps
fi
# the broker's jars are shared with the local suite (read only)
if [ ! -f "$ROOT/.local/kafka/libs/.complete" ]; then
  (cd "$ROOT" && flock /work/build.lock env DRUGSPLAN_LOCAL_DIR="$ROOT/.local" bash -c 'source deploy/local/lib.sh; kafka_libs') >/dev/null
fi
[ -e "$LOCAL/kafka/libs" ] || ln -s "$ROOT/.local/kafka/libs" "$LOCAL/kafka/libs"
# the checker runs against the packaged reporting-service: its trend calculator, Jackson, JDBC, Kafka clients
CLASSPATH_CHECK=$(ls "$APPS"/reporting-service/lib/main/*.jar "$APPS"/reporting-service/app/*.jar | grep -v slf4j-jboss | paste -sd:)
export JWT_PUBLIC_KEY_LOCATION
JWT_PUBLIC_KEY_LOCATION="$(dev_keys)/public.pem"
AREAS=(AT BE DE FR IT ES)
# every accepted submission is released by a reviewer of EUDA (PI09's reviewing body), a person other than the
# submitters (four eyes)
export FAULT_REVIEW_TOKEN
FAULT_REVIEW_TOKEN=$(TOKEN_TTL=86400 TOKEN_SUBJECT=reviewer-EUDA "$ROOT/deploy/local/token.sh" EUDA reviewer)
: > "$LOCAL/tokens"
for area in "${AREAS[@]}"; do
  echo "$area $(TOKEN_TTL=86400 "$ROOT/deploy/local/token.sh" "$area" submitter)" >> "$LOCAL/tokens"
done

log "PostgreSQL of our own on 127.0.0.1:$PG_PORT"
pg_setup
log "Kafka on 127.0.0.1:$KAFKA_PORT"
kafka_up
log "the four services on 127.0.0.1:$GATEWAY_PORT-$REPORTING_PORT"
service_start indicators-service
service_ready indicators-service || die "indicators-service did not start; see $LOGS"
for name in submissions-service reporting-service gateway; do service_start "$name"; done
for name in submissions-service reporting-service gateway; do service_ready "$name" || die "$name did not start; see $LOGS"; done

# ---------- load and faults ----------

TARGETS=(indicators-service submissions-service reporting-service gateway kafka postgresql)
GAP=$(( LOAD_SECONDS / (${#TARGETS[@]} + 1) ))
[ "$GAP" -ge "$DOWN_SECONDS" ] || GAP=$DOWN_SECONDS
log "steady load: $FAULT_RATE submissions/s from ${#AREAS[@]} reporters; a fault every ${GAP} s, each down ${DOWN_SECONDS} s"
checker load "$LOCAL/tokens" "$LOCAL/stop-load" "$LOCAL/ledger.tsv" > "$LOGS/load.out" 2>&1 &
LOAD_PID=$!
FAULT_LOG=()
for target in "${TARGETS[@]}"; do
  sleep "$GAP"
  started=$SECONDS
  case $target in
    kafka) kafka_kill; sleep "$DOWN_SECONDS"; kafka_up ;;
    postgresql) pg_kill; sleep "$DOWN_SECONDS"
      for try in $(seq 1 30); do pg_start 2>>"$LOGS/faults.log" && break; sleep 1; done ;;
    *) service_kill "$target"; sleep "$DOWN_SECONDS"; service_start "$target"; service_ready "$target" || FAILED=1 ;;
  esac
  log "killed -9 and restarted $target: back after $((SECONDS - started)) s"
  FAULT_LOG+=("$target: back after $((SECONDS - started)) s")
  sleep 3
  supervise
done
sleep "$GAP"
touch "$LOCAL/stop-load"
wait "$LOAD_PID" || FAILED=1
cat "$LOGS/load.out" >&2
supervise

log "waiting for quiescence (outboxes empty, no consumer lag)"
quiet_started=$SECONDS
for attempt in 1 2 3; do
  if checker quiesce 120; then break; fi
  supervise
  if [ "$attempt" = 3 ]; then FAILED=1; fi
done
log "quiet after $((SECONDS - quiet_started)) s"

log "check: the ledger of accepted submissions against the store, the trends against a fresh computation"
if checker check "$LOCAL/ledger.tsv" "$LOCAL/figures-faults.txt"; then verdict=PASS; else verdict=FAIL; FAILED=1; fi
RESULTS+=("faults (${TARGETS[*]})|$(cat "$LOCAL/figures-faults.txt")|$verdict")

# ---------- replay ----------

log "replay: both consumer groups back to the start of their topics"
checker dump "$LOCAL/dump-before.txt"
service_stop reporting-service; service_stop indicators-service
checker reset indicators-service observations.v1 || FAILED=1
checker reset reporting-service series-updated.v1 || FAILED=1
service_start indicators-service; service_start reporting-service
service_ready indicators-service || FAILED=1; service_ready reporting-service || FAILED=1
checker quiesce 300 || FAILED=1
checker dump "$LOCAL/dump-after.txt"
if diff -q "$LOCAL/dump-before.txt" "$LOCAL/dump-after.txt" >/dev/null; then
  RESULTS+=("replay from earliest|store, outbox and trends identical ($(wc -l < "$LOCAL/dump-before.txt") dump lines)|PASS")
else
  diff "$LOCAL/dump-before.txt" "$LOCAL/dump-after.txt" | head -20 >&2
  RESULTS+=("replay from earliest|$(diff "$LOCAL/dump-before.txt" "$LOCAL/dump-after.txt" | grep -c '^[<>]') dump lines differ|FAIL")
  FAILED=1
fi

# ---------- poison ----------

log "poison: a malformed record, then a valid one on the same key"
if checker poison "$LOCAL/figures-poison.txt"; then verdict=PASS; else verdict=FAIL; FAILED=1; fi
RESULTS+=("poison record|$(cat "$LOCAL/figures-poison.txt")|$verdict")

# ---------- summary ----------

{
  echo "fault suite, $(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores, load ${LOAD_SECONDS} s at ${FAULT_RATE}/s, down ${DOWN_SECONDS} s per fault, total $((SECONDS - t0)) s"
  printf '%s\n' "${FAULT_LOG[@]}"
  echo "liveness restarts (a service reporting itself not live, restarted as Kubernetes would): $LIVENESS_RESTARTS"
  printf '%-22s | %-6s | %s\n' check result figures
  for row in "${RESULTS[@]}"; do
    IFS='|' read -r what figures verdict <<<"$row"
    printf '%-22s | %-6s | %s\n' "${what:0:22}" "$verdict" "$figures"
  done
} | tee "$LOCAL/summary.txt"
[ "$FAILED" = 0 ] && { log "all checks passed"; exit 0; }
log "FAILED (logs in $LOGS)"; exit 1
