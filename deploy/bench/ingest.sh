#!/usr/bin/env bash
# Benchmark of submission intake (issue 4); not a test. Against a running suite (deploy/local/suite.sh start):
#   1. generates ROWS (default 1,000,000) rows of PI02.WASTEWATER_LOAD as text/csv under .local/bench/;
#   2. posts them as the EUDA agency through the gateway (SUITE_URL, default http://127.0.0.1:8080), which answers
#      202 + Location, and polls the status resource until the load is committed; prints rows/s end to end
#      (upload, spooling, validation against the catalogue, COPY into the outbox, commits);
#   3. then (unless WAIT_STORED=0) keeps polling until the status resource's timeline shows the step "stored"
#      (indicators-service applied every event) and prints rows/s until then, timed to the store's own
#      last-applied instant: gateway -> intake -> outbox -> Kafka -> store;
#   4. as the reference, times PostgreSQL's own \copy of the same CSV into a table of the same shape, and of the
#      outbox records the service wrote into a copy of outbox_event (database SUBMISSIONS_DB, default submissions).
#      The references run after the store is done so that they do not compete with it for the machine.
# Usage: deploy/bench/ingest.sh [ROWS]; RESULT=FILE also appends the figures there as key=value lines.
# REFERENCES=0 stops after the load, LOAD=0 runs only the references (the outbox one for the last load's
# submission), REFERENCES=csv or REFERENCES=outbox only that one: so that a caller can run each reference while
# the rest of the pipeline is quiet (deploy/bench/run.sh does).
source "$(dirname "${BASH_SOURCE[0]}")/../local/lib.sh"

ROWS=${1:-${ROWS:-1000000}}
SUITE_URL=${SUITE_URL:-http://127.0.0.1:8080}
DB=${SUBMISSIONS_DB:-submissions}
export PGPASSWORD=$DB_PASSWORD
BENCH="$LOCAL/bench"
CSV="$BENCH/ingest-distinct-$ROWS.csv"
mkdir -p "$BENCH"

now() { date +%s.%N; }
rate() { awk -v n="$1" -v s="$2" 'BEGIN { printf "%.0f", n / s }'; }
sql() { psql -X -q -v ON_ERROR_STOP=1 -h "$PGHOST" -p "$PGPORT" -U "$DB_USER" -d "$DB" "$@"; }

if [ ! -f "$CSV" ]; then
  say "generating $ROWS rows in $CSV"
  # Every row a distinct key (site x substance x statistic x year): the intake refuses a second row for a key it
  # has already seen in the submission (DUPLICATE_KEY), so a load of repeats would measure conflict writing.
  # 140 of the catalogue's waste-water sites x 6 x 10 x 125 years give 1,050,000 distinct keys.
  sites=$(grep -o "'[A-Z][A-Z][0-9][0-9][0-9]'" "$ROOT/indicators-service/src/main/resources/db/migration/V4__wastewater_sites.sql" \
    | tr -d "'" | sort -u | head -n 140 | tr '\n' ' ')
  awk -v rows="$ROWS" -v sitelist="$sites" 'BEGIN {
    n = split(sitelist, sites, " ");
    split("COCAINE AMPHETAMINE METHAMPHETAMINE MDMA CANNABIS KETAMINE", substances, " ");
    split("DAILY_MEAN WEEKDAY_MEAN WEEKEND_MEAN MON TUE WED THU FRI SAT SUN", stats, " ");
    if (rows > n * 6 * 10 * 125) { print "at most " n * 7500 " distinct rows" > "/dev/stderr"; exit 1 }
    print "measure,area,period,value,status,comment,action,SUBSTANCE,STAT";
    for (i = 0; i < rows; i++) {
      printf "PI02.WASTEWATER_LOAD,%s,%d,%.3f,,,,%s,%s\n", sites[i % n + 1], 1900 + int(i / (n * 60)) % 125,
        (i % 9973) / 7.0, substances[int(i / n) % 6 + 1], stats[int(i / (n * 6)) % 10 + 1];
    }
  }' > "$CSV"
fi
say "$(du -h "$CSV" | cut -f1) of CSV, $ROWS rows"

TOKEN=$("$ROOT/deploy/local/token.sh" EUDA submitter reviewer)
result() { [ -z "${RESULT:-}" ] || printf '%s\n' "$@" >> "$RESULT"; }

if [ "${LOAD:-1}" = 1 ]; then
  start=$(now)
  location=$(curl -sS -o "$BENCH/post.json" -D - -X POST "$SUITE_URL/api/v1/submissions" \
    -H "Authorization: Bearer $TOKEN" -H 'Content-Type: text/csv' -H 'Prefer: respond-async' \
    -H 'Expect:' -T "$CSV" | tr -d '\r' | awk 'tolower($1) == "location:" { print $2 }')
  [ -n "$location" ] || die "no Location in the answer: $(cat "$BENCH/post.json")"
  posted=$(now)
  id=${location##*/}
  echo "$id" > "$BENCH/last-submission"
  while :; do
    status=$(curl -sS "$SUITE_URL/api/v1/submissions/$id" -H "Authorization: Bearer $TOKEN")
    state=$(jq -r .status <<<"$status")
    [ "$state" != PROCESSING ] && [ "$state" != RECEIVED ] && break
    sleep 0.2
  done
  done_at=$(now)
  elapsed=$(awk -v a="$start" -v b="$done_at" 'BEGIN { print b - a }')
  upload=$(awk -v a="$start" -v b="$posted" 'BEGIN { print b - a }')
  jq -c '{status, received, accepted, rejected, chunksCommitted, failure}' <<<"$status"
  [ "$state" = VALIDATED ] || die "the load ended $state"

  stored=
  if [ "${WAIT_STORED:-1}" = 1 ]; then
    say "validated after ${elapsed}s; waiting until indicators-service has stored every row"
    deadline=$((SECONDS + ${STORED_TIMEOUT:-7200}))
    while :; do
      status=$(curl -sS "$SUITE_URL/api/v1/submissions/$id" -H "Authorization: Bearer $TOKEN")
      stored_at=$(jq -r '.timeline[]? | select(.name == "stored" and .state == "DONE") | .at // empty' <<<"$status")
      [ -n "$stored_at" ] && break
      [ $SECONDS -lt $deadline ] || die "not stored after ${STORED_TIMEOUT:-7200}s: $(jq -c .timeline <<<"$status")"
      sleep 0.5
    done
    seen=$(now)
    # the store's own instant is exact; the moment this loop noticed it is up to one poll late
    stored_epoch=$(date -d "$stored_at" +%s.%N 2>/dev/null || echo "$seen")
    stored=$(awk -v a="$start" -v b="$stored_epoch" -v c="$seen" 'BEGIN { print (b > a && b <= c) ? b - a : c - a }')
    jq -c '{inserted, revised, unchanged, storedDeleted, timeline}' <<<"$status"
  fi
  echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.1f GB", $2 / 1048576 }' /proc/meminfo), $(uname -sr); $(date -u +%FT%TZ)"
  echo "intake:                 $ROWS rows in ${elapsed}s (upload ${upload}s) = $(rate "$ROWS" "$elapsed") rows/s"
  [ -z "$stored" ] || echo "until stored:           $ROWS rows in ${stored}s = $(rate "$ROWS" "$stored") rows/s"
  result "rows=$ROWS" "csv_bytes=$(stat -c %s "$CSV")" "start_epoch=$start" "upload_s=$upload" "intake_s=$elapsed" \
    "stored_s=$stored" "accepted=$(jq -r '.accepted // empty' <<<"$status")" \
    "inserted=$(jq -r '.inserted // empty' <<<"$status")" "revised=$(jq -r '.revised // empty' <<<"$status")" \
    "unchanged=$(jq -r '.unchanged // empty' <<<"$status")"
fi

REFERENCES=${REFERENCES:-1}
if [ "$REFERENCES" = 1 ] || [ "$REFERENCES" = csv ]; then
  # Reference 1: PostgreSQL parsing the same CSV into a table of the same shape.
  sql -c "drop table if exists bench_csv; create table bench_csv (measure text, area text, period text, value numeric,
    status text, comment text, action text, substance text, stat text)"
  copy_start=$(now)
  sql -c "\\copy bench_csv from '$CSV' with (format csv, header true)"
  copy_csv=$(awk -v a="$copy_start" -v b="$(now)" 'BEGIN { print b - a }')
  sql -c "drop table bench_csv"
  echo "psql \\copy CSV:         $ROWS rows in ${copy_csv}s = $(rate "$ROWS" "$copy_csv") rows/s"
  result "copy_csv_s=$copy_csv"
fi

if [ "$REFERENCES" = 1 ] || [ "$REFERENCES" = outbox ]; then
  id=${id:-$(cat "$BENCH/last-submission" 2>/dev/null)} || die "no earlier load to compare with: run with LOAD=1 first"
  # Reference 2: COPY of the outbox records the service wrote, into a table shaped like outbox_event.
  sql -c "drop table if exists bench_outbox; create table bench_outbox (like outbox_event including all)"
  sql -c "\\copy (select * from outbox_event where payload like '%$id%') to '$BENCH/outbox.tsv'"
  copied=$(wc -l < "$BENCH/outbox.tsv")
  copy_start=$(now)
  sql -c "\\copy bench_outbox from '$BENCH/outbox.tsv'"
  copy_outbox=$(awk -v a="$copy_start" -v b="$(now)" 'BEGIN { print b - a }')
  sql -c "drop table bench_outbox"
  rm -f "$BENCH/outbox.tsv"
  echo "psql \\copy outbox rows: $copied rows in ${copy_outbox}s = $(rate "$copied" "$copy_outbox") rows/s"
  result "copy_outbox_rows=$copied" "copy_outbox_s=$copy_outbox"
fi
