#!/usr/bin/env bash
# Benchmark (not a test): isolation at the gateway. While one hostile client (deploy/bench/isolation/hostile.py,
# from 127.0.0.2) holds HOSTILE connections of each kind (open trend streams, GETs whose body never finishes,
# requests whose headers never finish; default 300 each, reopened as the gateway closes them), another client
# (hey, from 127.0.0.1) measures p99 of catalogue, data and trend reads; the same reads are measured first with
# no hostile client, in the same run. Aim: hostile p99 within 2x of quiet p99, and no error.
#   GATEWAY_RATE_LIMIT=1000000000 SKIP_BUILD=1 deploy/local/suite.sh start && deploy/bench/isolation.sh
# The suite's rate limit must not bite the measuring client (6000 requests a minute by default); the hostile
# client then meets only the isolation limits. Knobs: HOSTILE (300), DURATION per measured read (20s),
# RATE (requests per second per read, 100), CONCURRENCY (hey workers, 4), RAMP (10 s for the hostile client to
# open its connections), REOPEN (seconds before a closed hostile connection is opened again, 1).
# Installs hey from Debian when missing (as root). Prints a Markdown table; RESULT=FILE also writes it there.
source "$(dirname "${BASH_SOURCE[0]}")/../local/lib.sh"

GATEWAY_HOST=127.0.0.1
GATEWAY_PORT=${GATEWAY_PORT:-8080}
GATEWAY=http://$GATEWAY_HOST:$GATEWAY_PORT
HOSTILE=${HOSTILE:-300}
DURATION=${DURATION:-20s}
RATE=${RATE:-100}
CONCURRENCY=${CONCURRENCY:-4}
RAMP=${RAMP:-10}
REOPEN=${REOPEN:-1}
MEASURE=PI09.DRUG_INDUCED_DEATHS
READS=("catalogue /api/v1/indicators" "data /api/v1/data/$MEASURE?area=AT" "trend /api/v1/trends/$MEASURE?area=AT")
DIR=$LOCAL/bench/isolation
mkdir -p "$DIR"
set -f # the paths have a '?', never a glob

command -v hey >/dev/null || { say "installing hey"; apt-get install -y hey >/dev/null || die "hey is missing"; }
limit=$(curl -fsS -D - -o /dev/null "$GATEWAY/api/v1/indicators" 2>/dev/null | awk -F': ' 'tolower($1) == "ratelimit-limit" {print $2+0}')
[ -n "$limit" ] || die "no gateway answers at $GATEWAY: GATEWAY_RATE_LIMIT=1000000000 deploy/local/suite.sh start"
[ "$limit" -ge 1000000 ] || die "the gateway's rate limit ($limit a minute) would refuse the measuring client: start the suite with GATEWAY_RATE_LIMIT=1000000000"

# two observations, so that the data and trend reads have something to serve
token=$("$ROOT/deploy/local/token.sh" AT submitter)
curl -fsS -o /dev/null -X POST "$GATEWAY/api/v1/submissions" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' -d '{"observations": [
  {"measure": "'$MEASURE'", "area": "AT", "period": "2016", "dimensions": {"SEX": "M", "AGE": "TOTAL"}, "value": 127},
  {"measure": "'$MEASURE'", "area": "AT", "period": "2017", "dimensions": {"SEX": "M", "AGE": "TOTAL"}, "value": 125}]}' \
  || die "could not submit the observations the reads need"
sleep 3

# hey -q is per worker: CONCURRENCY workers at RATE/CONCURRENCY each
measure() { # phase name path
  local out="$DIR/hey-$1-$2.txt"
  hey -z "$DURATION" -c "$CONCURRENCY" -q $((RATE / CONCURRENCY)) "$GATEWAY$3" > "$out"
  local p99 total errors
  p99=$(awk '$1 == "99%" {printf "%.1f", $3 * 1000}' "$out")
  total=$(awk '/\[[0-9]+\]/ {n += $2} END {print n + 0}' "$out")
  errors=$(awk '/^Error distribution/ {e = 1; next}
    e && $1 ~ /^\[[0-9]+\]$/ {gsub(/[][]/, "", $1); n += $1}
    !e && $1 ~ /^\[[0-9]+\]$/ && $1 != "[200]" {n += $2}
    END {print n + 0}' "$out")
  echo "$1 $2 $p99 $total $errors"
}

say "warming up the reads"
for read in "${READS[@]}"; do set -- $read; hey -z 5s -c "$CONCURRENCY" -q $((RATE / CONCURRENCY)) "$GATEWAY$2" >/dev/null; done

results=()
say "quiet: $DURATION of each read at $RATE/s"
for read in "${READS[@]}"; do set -- $read; results+=("$(measure quiet "$1" "$2")"); done

total_seconds=$(( RAMP + 3 * ${DURATION%s} + 10 ))
say "hostile: $HOSTILE connections of each kind from 127.0.0.2 for ${total_seconds} s"
python3 "$ROOT/deploy/bench/isolation/hostile.py" "$GATEWAY_HOST" "$GATEWAY_PORT" 127.0.0.2 "$HOSTILE" "$total_seconds" \
  "$REOPEN" "/api/v1/data/$MEASURE?area=AT" > "$DIR/hostile.json" &
hostile_pid=$!
trap 'kill $hostile_pid 2>/dev/null' EXIT
sleep "$RAMP"
held=$(ss -Htn state established "( dport = :$GATEWAY_PORT and src 127.0.0.2 )" | wc -l)
say "the hostile client holds $held connections"
for read in "${READS[@]}"; do set -- $read; results+=("$(measure hostile "$1" "$2")"); done
wait "$hostile_pid"
trap - EXIT

table() {
  echo "| read | quiet p99 (ms) | hostile p99 (ms) | ratio | requests quiet / hostile | errors quiet / hostile |"
  echo "| --- | --- | --- | --- | --- | --- |"
  for read in "${READS[@]}"; do
    set -- $read
    local q h
    q=$(printf '%s\n' "${results[@]}" | awk -v n="$1" '$1 == "quiet" && $2 == n')
    h=$(printf '%s\n' "${results[@]}" | awk -v n="$1" '$1 == "hostile" && $2 == n')
    set -- $q $h
    echo "| $2 \`${read#* }\` | $3 | ${8} | $(awk -v a="$3" -v b="$8" 'BEGIN {printf "%.2f", b / a}') | $4 / $9 | $5 / ${10} |"
  done
  echo
  echo "Hostile client: $held connections established after the ramp; per kind (opened, peak open, answers): \`$(cat "$DIR/hostile.json")\`"
}
table | tee ${RESULT:+"$RESULT"}
