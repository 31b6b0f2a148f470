#!/usr/bin/env bash
# Benchmark (not a test): the gateway and nginx, as peers, in front of the same service in one run, each
# measured with wrk for throughput and p99 latency. Aim: the gateway at no less than 70 % of nginx's throughput.
#
#   deploy/bench/gateway.sh                 uses the running suite (deploy/local/suite.sh start), or starts it
#   BENCH_PATH=/api/v1/trends/PI09.DRUG_INDUCED_DEATHS deploy/bench/gateway.sh
#
# A separate gateway process is started for the run (BENCH_GATEWAY_PORT, 18180; its management port, not
# measured, BENCH_GATEWAY_MANAGEMENT_PORT, 18190) with a rate limit too high to
# bite, so every request still goes through all of its filters (headers, size, token, rate limit, access) and
# the proxy; nginx (BENCH_NGINX_PORT, 18181) proxies with upstream keep-alive. Both point at INDICATORS_PORT
# (8081) unless BENCH_BACKEND says otherwise. Installs nginx and wrk from Debian when missing (as root).
# Knobs: BENCH_DURATION (30s), BENCH_WARMUP (20s), BENCH_CONNECTIONS (32), BENCH_THREADS (1), BENCH_ROUNDS (2:
# the service alone, nginx and the gateway measured in turn, each round; the best round of each is reported).
# BENCH_GATEWAY_URL measures a gateway that already runs (its rate limit must not bite) instead of starting one;
# BENCH_GATEWAY_APP is the quarkus-app folder to start otherwise (default gateway/target/quarkus-app);
# RESULT=FILE also writes the figures there as key=value lines (deploy/bench/run.sh reads them).
source "$(dirname "${BASH_SOURCE[0]}")/../local/lib.sh"

BENCH_PATH=${BENCH_PATH:-/api/v1/indicators}
BENCH_BACKEND=${BENCH_BACKEND:-http://127.0.0.1:${INDICATORS_PORT:-8081}}
BENCH_GATEWAY_PORT=${BENCH_GATEWAY_PORT:-18180}
BENCH_GATEWAY_MANAGEMENT_PORT=${BENCH_GATEWAY_MANAGEMENT_PORT:-18190}
BENCH_NGINX_PORT=${BENCH_NGINX_PORT:-18181}
DURATION=${BENCH_DURATION:-30s}
WARMUP=${BENCH_WARMUP:-20s}
CONNECTIONS=${BENCH_CONNECTIONS:-32}
THREADS=${BENCH_THREADS:-1}
ROUNDS=${BENCH_ROUNDS:-2}
DIR="$LOCAL/bench/gateway"
mkdir -p "$DIR"

ensure_debian_package() { # command package
  command -v "$1" >/dev/null && return 0
  [ -x "/usr/sbin/$1" ] && return 0
  [ "$(id -u)" = 0 ] || die "$1 is missing: apt-get install -y $2"
  say "installing $2 (Debian)"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null \
    || die "apt-get install $2 failed"
}
ensure_debian_package wrk wrk
ensure_debian_package nginx nginx
NGINX=$(command -v nginx || echo /usr/sbin/nginx)

backend_host=${BENCH_BACKEND#http://}; backend_host=${backend_host%%/*}
curl -fsS -o /dev/null "$BENCH_BACKEND$BENCH_PATH" \
  || die "nothing answers $BENCH_BACKEND$BENCH_PATH: start the suite first (deploy/local/suite.sh start)"

cleanup() {
  [ -n "${BENCH_GATEWAY_URL:-}" ] || stop_pidfile "$DIR/gateway.pid" "the benchmark's gateway"
  [ -f "$DIR/nginx.pid" ] && kill "$(cat "$DIR/nginx.pid")" 2>/dev/null || true
  rm -f "$DIR/nginx.pid"
}
trap cleanup EXIT

# ---- the gateway under test: its own process, the suite's services behind it (unless one is given)
if [ -z "${BENCH_GATEWAY_URL:-}" ]; then
  jar="${BENCH_GATEWAY_APP:-$ROOT/gateway/target/quarkus-app}/quarkus-run.jar"
  [ -f "$jar" ] || die "$jar is missing: build first (./mvnw -pl gateway -am package -DskipTests)"
  GATEWAY_PORT=$BENCH_GATEWAY_PORT GATEWAY_MANAGEMENT_PORT=$BENCH_GATEWAY_MANAGEMENT_PORT INDICATORS_URL=$BENCH_BACKEND SUBMISSIONS_URL=$BENCH_BACKEND REPORTING_URL=$BENCH_BACKEND \
    GATEWAY_RATE_LIMIT=1000000000 JWT_PUBLIC_KEY_LOCATION="$(dev_keys)/public.pem" \
    nohup java ${BENCH_JAVA_OPTS:--Xmx256m} -jar "$jar" >"$DIR/gateway.log" 2>&1 &
  echo $! > "$DIR/gateway.pid"
fi
gateway_base=${BENCH_GATEWAY_URL:-http://127.0.0.1:$BENCH_GATEWAY_PORT}

# ---- nginx as the peer: same upstream, keep-alive to it, no buffering (the gateway streams too)
cat > "$DIR/nginx.conf" <<CONF
worker_processes auto;
pid $DIR/nginx.pid;
error_log $DIR/nginx-error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $DIR/client_body;
  proxy_temp_path $DIR/proxy;
  fastcgi_temp_path $DIR/fastcgi;
  uwsgi_temp_path $DIR/uwsgi;
  scgi_temp_path $DIR/scgi;
  upstream backend { server $backend_host; keepalive 128; }
  server {
    listen 127.0.0.1:$BENCH_NGINX_PORT;
    location /api/v1/ {
      proxy_pass http://backend;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$host;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      proxy_set_header X-Request-Id \$request_id;
      proxy_buffering off;
    }
  }
}
CONF
"$NGINX" -c "$DIR/nginx.conf" -g 'daemon on;' || die "nginx did not start; see $DIR/nginx-error.log"

[ -n "${BENCH_GATEWAY_URL:-}" ] || wait_for_port 127.0.0.1 "$BENCH_GATEWAY_PORT" 60 || die "the gateway did not start; see $DIR/gateway.log"
wait_for_port 127.0.0.1 "$BENCH_NGINX_PORT" 10 || die "nginx did not start; see $DIR/nginx-error.log"
for url in "$gateway_base$BENCH_PATH" "http://127.0.0.1:$BENCH_NGINX_PORT$BENCH_PATH"; do
  status=$(curl -s -o /dev/null -w '%{http_code}' "$url")
  [ "$status" = 200 ] || die "$url answers $status, not 200"
done

LOAD_BEFORE=$(cut -d' ' -f1 /proc/loadavg)

measure() { # name url -> "requests/s p99"
  say "warming up $1 ($WARMUP)"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" "$2" >/dev/null
  say "measuring $1 ($DURATION, $CONNECTIONS connections)"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$2" > "$DIR/wrk-$1.txt"
  local rps p99 errors
  rps=$(awk '/^Requests\/sec/ {print $2}' "$DIR/wrk-$1.txt")
  p99=$(awk '$1 == "99%" {print $2}' "$DIR/wrk-$1.txt")
  errors=$(awk '/Non-2xx or 3xx responses/ {print $NF}' "$DIR/wrk-$1.txt")
  echo "$rps $p99 ${errors:-0}"
}

# rounds interleave the three so that a burst of other work on the machine hits all alike; the best round of
# each is reported (other work only ever slows a round down)
direct_url="$BENCH_BACKEND$BENCH_PATH"
nginx_url="http://127.0.0.1:$BENCH_NGINX_PORT$BENCH_PATH"
gateway_url="$gateway_base$BENCH_PATH"
declare -A results
for round in $(seq 1 "$ROUNDS"); do
  for name in direct nginx gateway; do
    url_var="${name}_url"
    result=$(measure "$name" "${!url_var}")
    say "round $round, $name: $result"
    if [ -z "${results[$name]:-}" ] || awk -v a="$result" -v b="${results[$name]}" \
        'BEGIN { split(a, x, " "); split(b, y, " "); exit !(x[1] > y[1]) }'; then
      results[$name]=$result
    fi
  done
done
read -r direct_rps direct_p99 direct_errors <<<"${results[direct]}"
read -r nginx_rps nginx_p99 nginx_errors <<<"${results[nginx]}"
read -r gw_rps gw_p99 gw_errors <<<"${results[gateway]}"
ratio=$(awk -v g="$gw_rps" -v n="$nginx_rps" 'BEGIN { printf "%.0f", 100 * g / n }')

printf '\n%-8s %14s %10s %8s\n' proxy 'requests/s' p99 non-2xx
printf '%-8s %14s %10s %8s\n' direct "$direct_rps" "$direct_p99" "$direct_errors"
printf '%-8s %14s %10s %8s\n' nginx "$nginx_rps" "$nginx_p99" "$nginx_errors"
printf '%-8s %14s %10s %8s\n' gateway "$gw_rps" "$gw_p99" "$gw_errors"
printf '\nGET %s on %s, wrk -t%s -c%s -d%s, best of %s interleaved rounds; gateway at %s %% of nginx (aim: >= 70 %%)\n' \
  "$BENCH_PATH" "$BENCH_BACKEND" "$THREADS" "$CONNECTIONS" "$DURATION" "$ROUNDS" "$ratio"
printf 'machine: %s, %s cores, %s; load average before the run %s; %s\n' "$(uname -m)" "$(nproc)" \
  "$(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)" "$LOAD_BEFORE" "$(date -u +%Y-%m-%dT%H:%MZ)"
if [ -n "${RESULT:-}" ]; then
  printf '%s\n' "path=$BENCH_PATH" "bytes=$(curl -s "$direct_url" | wc -c)" "connections=$CONNECTIONS" "threads=$THREADS" \
    "duration=$DURATION" "warmup=$WARMUP" "rounds=$ROUNDS" "direct_rps=$direct_rps" "direct_p99=$direct_p99" \
    "direct_errors=$direct_errors" "nginx_rps=$nginx_rps" "nginx_p99=$nginx_p99" "nginx_errors=$nginx_errors" \
    "gateway_rps=$gw_rps" "gateway_p99=$gw_p99" "gateway_errors=$gw_errors" "ratio=$ratio" > "$RESULT"
fi
