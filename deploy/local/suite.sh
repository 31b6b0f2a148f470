#!/usr/bin/env bash
# The whole suite on one machine, no Docker: PostgreSQL, a Kafka broker (KRaft), Keycloak (the OpenID Connect
# provider, realm deploy/local/keycloak/drugsplan-realm-dev.json) and the four services.
#   deploy/local/suite.sh start   build (unless SKIP_BUILD=1), start everything, print the gateway URL
#   deploy/local/suite.sh stop    stop the services and the broker (PostgreSQL is left as it was found)
#   deploy/local/suite.sh status  what runs
# Ports: GATEWAY_PORT (8080), INDICATORS_PORT (8081), SUBMISSIONS_PORT (8082), REPORTING_PORT (8083),
# KAFKA_PORT (9092); health and metrics on each service's management port, loopback only:
# GATEWAY_MANAGEMENT_PORT (9080), INDICATORS_MANAGEMENT_PORT (9081), SUBMISSIONS_MANAGEMENT_PORT (9082),
# REPORTING_MANAGEMENT_PORT (9083); KEYCLOAK_PORT (8180), KEYCLOAK_MANAGEMENT_PORT (9180, its health).
# KEYCLOAK=0 leaves Keycloak out: the services then verify the development key of deploy/local/token.sh instead,
# and the dashboard offers no sign-in.
# KEYCLOAK_FRESH=1 drops Keycloak's database first, so the realm file is imported again (an existing realm is kept).
# Logs in .local/logs/.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

export GATEWAY_PORT=${GATEWAY_PORT:-8080}
export INDICATORS_PORT=${INDICATORS_PORT:-8081}
export SUBMISSIONS_PORT=${SUBMISSIONS_PORT:-8082}
export REPORTING_PORT=${REPORTING_PORT:-8083}
export GATEWAY_MANAGEMENT_PORT=${GATEWAY_MANAGEMENT_PORT:-9080}
export INDICATORS_MANAGEMENT_PORT=${INDICATORS_MANAGEMENT_PORT:-9081}
export SUBMISSIONS_MANAGEMENT_PORT=${SUBMISSIONS_MANAGEMENT_PORT:-9082}
export REPORTING_MANAGEMENT_PORT=${REPORTING_MANAGEMENT_PORT:-9083}
KAFKA_PORT=${KAFKA_PORT:-9092}
KEYCLOAK=${KEYCLOAK:-1}
KEYCLOAK_PORT=${KEYCLOAK_PORT:-8180}
KEYCLOAK_MANAGEMENT_PORT=${KEYCLOAK_MANAGEMENT_PORT:-9180}
KEYCLOAK_DB=${KEYCLOAK_DB:-keycloak}
export KAFKA_BOOTSTRAP_SERVERS=${KAFKA_BOOTSTRAP_SERVERS:-127.0.0.1:$KAFKA_PORT}
export INDICATORS_URL=http://127.0.0.1:$INDICATORS_PORT
export SUBMISSIONS_URL=http://127.0.0.1:$SUBMISSIONS_PORT
export REPORTING_URL=http://127.0.0.1:$REPORTING_PORT
SERVICES=(indicators-service submissions-service reporting-service gateway)

port_of() {
  case $1 in
    indicators-service) echo "$INDICATORS_PORT" ;;
    submissions-service) echo "$SUBMISSIONS_PORT" ;;
    reporting-service) echo "$REPORTING_PORT" ;;
    gateway) echo "$GATEWAY_PORT" ;;
  esac
}

management_port_of() {
  case $1 in
    indicators-service) echo "$INDICATORS_MANAGEMENT_PORT" ;;
    submissions-service) echo "$SUBMISSIONS_MANAGEMENT_PORT" ;;
    reporting-service) echo "$REPORTING_MANAGEMENT_PORT" ;;
    gateway) echo "$GATEWAY_MANAGEMENT_PORT" ;;
  esac
}

start_service() { # name
  local name=$1 port management jar="$ROOT/$1/target/quarkus-app/quarkus-run.jar"
  port=$(port_of "$name")
  management=$(management_port_of "$name")
  [ -f "$jar" ] || die "$jar is missing: build first (run without SKIP_BUILD=1)"
  port_open 127.0.0.1 "$port" && die "port $port (for $name) is taken; set ${name%%-*} port, e.g. $(echo "${name%%-*}" | tr a-z A-Z)_PORT"
  port_open 127.0.0.1 "$management" && die "port $management (management of $name) is taken; set e.g. $(echo "${name%%-*}" | tr a-z A-Z)_MANAGEMENT_PORT"
  say "starting $name on 127.0.0.1:$port (management 127.0.0.1:$management)"
  mkdir -p "$LOCAL/run"
  # an explicit heap (SERVICE_HEAP, 512m): without one the JVM takes a quarter of the machine's memory and a bulk
  # load grew indicators-service to 5 GiB resident (issue 21); JAVA_OPTS adds to it
  nohup java "-Xmx${SERVICE_HEAP:-512m}" ${JAVA_OPTS:-} -jar "$jar" >"$LOCAL/logs/$name.log" 2>&1 &
  echo $! > "$LOCAL/run/$name.pid"
}

wait_ready() { # name
  local name=$1 port deadline=$((SECONDS + 90))
  port=$(management_port_of "$name")
  until curl -fsS "http://127.0.0.1:$port/q/health/ready" >/dev/null 2>&1; do
    kill -0 "$(cat "$LOCAL/run/$name.pid")" 2>/dev/null || die "$name exited; see $LOCAL/logs/$name.log"
    [ $SECONDS -lt $deadline ] || die "$name not ready after 90 s; see $LOCAL/logs/$name.log"
    sleep 0.3
  done
}

# The services' topics, created before they start (see deploy/local/kafka/CreateTopics.java for why).
create_topics() {
  local observations=${OBSERVATIONS_TOPIC:-observations.v1} updates=${SERIES_UPDATED_TOPIC:-series-updated.v1}
  local catalogue=${CATALOGUE_TOPIC:-catalogue.v1} review=${REVIEW_TOPIC:-review-events.v1}
  java -cp "$LOCAL/kafka/libs/*" "$ROOT/deploy/local/kafka/CreateTopics.java" "$KAFKA_BOOTSTRAP_SERVERS" \
    "${KAFKA_PARTITIONS:-6}" "$observations" "$observations.dlq" "$updates" "$updates.dlq" "$updates.submissions.dlq" "$review" \
    "$catalogue:compact" >&2 \
    || die "could not create the Kafka topics"
}

start() {
  mkdir -p "$LOCAL/logs"
  pg_ensure_running
  pg_ensure_databases indicators submissions reporting
  export JWT_PUBLIC_KEY_LOCATION JWT_ISSUER
  if [ "$KEYCLOAK" = 1 ]; then
    [ "${KEYCLOAK_FRESH:-0}" = 1 ] && pg_recreate_databases "$KEYCLOAK_DB"
    pg_ensure_databases "$KEYCLOAK_DB"
    # started first and awaited last: the services fetch its keys only with the first token
    keycloak_start dev "$KEYCLOAK_PORT" "$KEYCLOAK_MANAGEMENT_PORT" "$KEYCLOAK_DB"
    JWT_ISSUER="http://127.0.0.1:$KEYCLOAK_PORT/realms/drugsplan"
    JWT_PUBLIC_KEY_LOCATION="$JWT_ISSUER/protocol/openid-connect/certs"
    # people sign in to the dashboard with the realm's public client (authorization code + PKCE, gateway README,
    # "Signing in"); the realm accepts the dashboard at 127.0.0.1:8080 and localhost:8080 only
    export SIGN_IN_ISSUER="$JWT_ISSUER" SIGN_IN_CLIENT_ID=drugsplan-dashboard
    [ "$GATEWAY_PORT" = 8080 ] || say "WARNING: the realm's dashboard client accepts port 8080 only: signing in to the dashboard on port $GATEWAY_PORT needs its address among the client's redirect URIs and web origins"
  else
    JWT_PUBLIC_KEY_LOCATION="$(dev_keys)/public.pem"
    JWT_ISSUER=${JWT_ISSUER:-https://drugsplan.eu/local}
  fi
  if [ "${SKIP_BUILD:-0}" != 1 ]; then
    say "building the suite (./mvnw package -DskipTests)"
    (cd "$ROOT" && ./mvnw -B -q package -DskipTests) || die "build failed"
  fi
  kafka_start dev "$KAFKA_PORT" $((KAFKA_PORT + 1))
  create_topics
  local name
  for name in "${SERVICES[@]}"; do start_service "$name"; done
  for name in "${SERVICES[@]}"; do wait_ready "$name"; done
  say "suite is up: gateway at http://127.0.0.1:$GATEWAY_PORT  (dashboard: /, API: /api/v1/..., OpenAPI: /api/v1/openapi, Swagger UI: /q/swagger-ui)"
  if [ "$KEYCLOAK" = 1 ]; then
    keycloak_wait_ready dev "$KEYCLOAK_MANAGEMENT_PORT"
    say "identity: Keycloak at http://127.0.0.1:$KEYCLOAK_PORT (realm drugsplan; development-only admin: $KEYCLOAK_ADMIN_USER / $KEYCLOAK_ADMIN_PASSWORD)"
    say "sign in to the dashboard at http://127.0.0.1:$GATEWAY_PORT/ as a person, e.g. at-focal-point / dev-only-at-focal-point (development only)"
    say "a token for Austria's focal-point system: curl -s -u at-nfp-system:dev-only-at-nfp-system-secret -d grant_type=client_credentials $JWT_ISSUER/protocol/openid-connect/token"
  else
    say "a token for a focal point: deploy/local/token.sh AT submitter"
  fi
  say "stop with: deploy/local/suite.sh stop"
  echo "http://127.0.0.1:$GATEWAY_PORT"
}

stop() {
  local name
  for name in gateway reporting-service submissions-service indicators-service; do
    stop_pidfile "$LOCAL/run/$name.pid" "$name"
  done
  kafka_stop dev
  keycloak_stop dev
}

status() {
  local name pid
  for name in "${SERVICES[@]}"; do
    pid=$(cat "$LOCAL/run/$name.pid" 2>/dev/null || true)
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
      local ready="not ready" management
      management=$(management_port_of "$name")
      curl -fsS -o /dev/null --max-time 2 "http://127.0.0.1:$management/q/health/ready" 2>/dev/null && ready=ready
      echo "$name: running, $ready (pid $pid, port $(port_of "$name"), health and metrics on 127.0.0.1:$management/q/)"
    else
      echo "$name: stopped"
    fi
  done
  if port_open 127.0.0.1 "$KAFKA_PORT"; then echo "kafka: running (127.0.0.1:$KAFKA_PORT)"; else echo "kafka: stopped"; fi
  if curl -fsS -o /dev/null --max-time 2 "http://127.0.0.1:$KEYCLOAK_MANAGEMENT_PORT/health/ready" 2>/dev/null; then
    echo "keycloak: running, ready (http://127.0.0.1:$KEYCLOAK_PORT, health on 127.0.0.1:$KEYCLOAK_MANAGEMENT_PORT)"
  elif port_open 127.0.0.1 "$KEYCLOAK_PORT"; then echo "keycloak: running, not ready (127.0.0.1:$KEYCLOAK_PORT)"
  else echo "keycloak: stopped"; fi
  if port_open "$PGHOST" "$PGPORT"; then echo "postgresql: running ($PGHOST:$PGPORT)"; else echo "postgresql: stopped"; fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
