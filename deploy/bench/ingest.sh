#!/usr/bin/env bash
# Benchmark of submission intake (issue 4); not a test. Against a running suite (deploy/local/suite.sh start):
#   1. generates ROWS (default 1,000,000) rows of PI02.WASTEWATER_LOAD as text/csv under .local/bench/;
#   2. posts them as the EUDA agency through the gateway (SUITE_URL, default http://127.0.0.1:8080), which answers
#      202 + Location, and polls the status resource until the load is committed; prints rows/s end to end
#      (upload, spooling, validation against the catalogue, COPY into the outbox, commits);
#   3. as the reference, times PostgreSQL's own \copy of the same CSV into a table of the same shape, and of the
#      outbox records the service wrote into a copy of outbox_event (database SUBMISSIONS_DB, default submissions).
# Usage: deploy/bench/ingest.sh [ROWS]
source "$(dirname "${BASH_SOURCE[0]}")/../local/lib.sh"

ROWS=${1:-${ROWS:-1000000}}
SUITE_URL=${SUITE_URL:-http://127.0.0.1:8080}
DB=${SUBMISSIONS_DB:-submissions}
export PGPASSWORD=$DB_PASSWORD
BENCH="$LOCAL/bench"
CSV="$BENCH/ingest-$ROWS.csv"
mkdir -p "$BENCH"

now() { date +%s.%N; }
rate() { awk -v n="$1" -v s="$2" 'BEGIN { printf "%.0f", n / s }'; }
sql() { psql -X -q -v ON_ERROR_STOP=1 -h "$PGHOST" -p "$PGPORT" -U "$DB_USER" -d "$DB" "$@"; }

if [ ! -f "$CSV" ]; then
  say "generating $ROWS rows in $CSV"
  awk -v rows="$ROWS" 'BEGIN {
    split("AT001 AT002 AT003 AT004 AT005 AT006 AT007 AT008 AT009 AT010 AT011 AT012 AT013 AT014 AT015 AT016 AT017", sites, " ");
    split("COCAINE AMPHETAMINE METHAMPHETAMINE MDMA CANNABIS KETAMINE", substances, " ");
    split("DAILY_MEAN WEEKDAY_MEAN WEEKEND_MEAN MON TUE WED THU FRI SAT SUN", stats, " ");
    print "measure,area,period,value,status,comment,action,SUBSTANCE,STAT";
    for (i = 0; i < rows; i++) {
      printf "PI02.WASTEWATER_LOAD,%s,%d,%.3f,,,,%s,%s\n", sites[i % 17 + 1], 1900 + int(i / 1020) % 125,
        (i % 9973) / 7.0, substances[int(i / 17) % 6 + 1], stats[int(i / 102) % 10 + 1];
    }
  }' > "$CSV"
fi
say "$(du -h "$CSV" | cut -f1) of CSV, $ROWS rows"

TOKEN=$("$ROOT/deploy/local/token.sh" EUDA submitter reviewer)
start=$(now)
location=$(curl -sS -o "$BENCH/post.json" -D - -X POST "$SUITE_URL/api/v1/submissions" \
  -H "Authorization: Bearer $TOKEN" -H 'Content-Type: text/csv' -H 'Prefer: respond-async' \
  -H 'Expect:' -T "$CSV" | tr -d '\r' | awk 'tolower($1) == "location:" { print $2 }')
[ -n "$location" ] || die "no Location in the answer: $(cat "$BENCH/post.json")"
posted=$(now)
id=${location##*/}
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

# Reference 1: PostgreSQL parsing the same CSV into a table of the same shape.
sql -c "drop table if exists bench_csv; create table bench_csv (measure text, area text, period text, value numeric,
  status text, comment text, action text, substance text, stat text)"
copy_start=$(now)
sql -c "\\copy bench_csv from '$CSV' with (format csv, header true)"
copy_csv=$(awk -v a="$copy_start" -v b="$(now)" 'BEGIN { print b - a }')

# Reference 2: COPY of the outbox records the service wrote, into a table shaped like outbox_event.
range=$(jq -r '"\(.id)"' <<<"$status")
sql -c "drop table if exists bench_outbox; create table bench_outbox (like outbox_event including all)"
sql -c "\\copy (select id, event_id, topic, message_key, payload, created_at, published_at from outbox_event
  where payload like '%$range%') to '$BENCH/outbox.tsv'"
copied=$(wc -l < "$BENCH/outbox.tsv")
copy_start=$(now)
sql -c "\\copy bench_outbox from '$BENCH/outbox.tsv'"
copy_outbox=$(awk -v a="$copy_start" -v b="$(now)" 'BEGIN { print b - a }')
sql -c "drop table bench_csv; drop table bench_outbox"
rm -f "$BENCH/outbox.tsv"

echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.1f GB", $2 / 1048576 }' /proc/meminfo), $(uname -sr); $(date -u +%FT%TZ)"
echo "intake:                 $ROWS rows in ${elapsed}s (upload ${upload}s) = $(rate "$ROWS" "$elapsed") rows/s"
echo "psql \\copy CSV:         $ROWS rows in ${copy_csv}s = $(rate "$ROWS" "$copy_csv") rows/s"
echo "psql \\copy outbox rows: $copied rows in ${copy_outbox}s = $(rate "$copied" "$copy_outbox") rows/s (still unpublished ones included)"
