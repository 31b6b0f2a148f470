# Shared functions of the local platform scripts: sourced, not run.
# Everything they create lives under .local/ (git-ignored): Kafka's jars and data, logs, pid files, keys.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
LOCAL=${DRUGSPLAN_LOCAL_DIR:-$ROOT/.local}
MVNW="$ROOT/mvnw"
export PGHOST=${PGHOST:-127.0.0.1}
export PGPORT=${PGPORT:-5432}
DB_USER=${DRUGSPLAN_DB_USER:-drugsplan}
DB_PASSWORD=${DRUGSPLAN_DB_PASSWORD:-drugsplan}

say() { printf '%s\n' "[local] $*" >&2; }
die() { printf '%s\n' "[local] ERROR: $*" >&2; exit 1; }

port_open() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }

wait_for_port() { # host port seconds what
  local deadline=$((SECONDS + $3))
  until port_open "$1" "$2"; do
    [ $SECONDS -lt $deadline ] || return 1
    sleep 0.2
  done
}

# ---------- PostgreSQL ----------

pg_ensure_running() {
  if pg_isready -q -h "$PGHOST" -p "$PGPORT" 2>/dev/null || port_open "$PGHOST" "$PGPORT"; then
    return 0
  fi
  if command -v pg_lsclusters >/dev/null && [ -n "$(pg_lsclusters -h 2>/dev/null)" ]; then
    local version cluster
    read -r version cluster _ < <(pg_lsclusters -h | head -n 1)
    say "starting the installed PostgreSQL cluster $version/$cluster"
    pg_ctlcluster "$version" "$cluster" start || die "pg_ctlcluster $version $cluster start failed"
    wait_for_port "$PGHOST" "$PGPORT" 30 || die "PostgreSQL $version/$cluster started but does not answer on $PGHOST:$PGPORT (is its port $PGPORT? set PGPORT)"
    return 0
  fi
  die "no PostgreSQL answers on $PGHOST:$PGPORT and none is installed here.
  Install it (Debian/Ubuntu: sudo apt-get install -y postgresql), or point PGHOST/PGPORT at a running server."
}

# psql as a role that may create roles and databases: the local 'postgres' superuser through its socket
# when we are root on the server's machine, otherwise PGSUPERUSER (default postgres) over TCP.
pg_admin() {
  if [ "$(id -u)" = 0 ] && id postgres >/dev/null 2>&1 && [ "$PGHOST" = 127.0.0.1 -o "$PGHOST" = localhost ]; then
    (cd / && su postgres -c "env -u PGHOST psql -X -q -v ON_ERROR_STOP=1 -p $PGPORT -d postgres $(printf '%q ' "$@")")
  else
    psql -X -q -v ON_ERROR_STOP=1 -h "$PGHOST" -p "$PGPORT" -U "${PGSUPERUSER:-postgres}" -d postgres "$@"
  fi
}

pg_ensure_databases() { # db...
  pg_admin -tAc "select 1 from pg_roles where rolname = '$DB_USER'" | grep -q 1 \
    || pg_admin -c "create role $DB_USER login password '$DB_PASSWORD'"
  local db
  for db in "$@"; do
    pg_admin -tAc "select 1 from pg_database where datname = '$db'" | grep -q 1 \
      || { say "creating database $db"; pg_admin -c "create database $db owner $DB_USER"; }
  done
}

pg_recreate_databases() { # db... : empty databases, for tests that must not see an earlier run
  local db
  for db in "$@"; do pg_admin -c "drop database if exists $db with (force)"; done
  pg_ensure_databases "$@"
}

# ---------- Kafka (KRaft, single node) ----------

kafka_libs() {
  local libs="$LOCAL/kafka/libs"
  if [ ! -f "$libs/.complete" ]; then
    say "resolving Apache Kafka's broker jars from Maven Central"
    mkdir -p "$libs"
    "$MVNW" -q -B -f "$ROOT/deploy/local/kafka/pom.xml" \
      org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy-dependencies \
      -DoutputDirectory="$libs" -DincludeScope=runtime -DexcludeArtifactIds=kafka-tools
    touch "$libs/.complete"
  fi
  echo "$libs"
}

kafka_start() { # name port controller_port
  local name=$1 port=$2 cport=$3
  local dir="$LOCAL/kafka/$name" libs
  libs=$(kafka_libs)
  if port_open 127.0.0.1 "$port"; then
    say "Kafka already answers on 127.0.0.1:$port"
    return 0
  fi
  mkdir -p "$dir/data" "$LOCAL/logs"
  cat > "$dir/server.properties" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.bootstrap.servers=127.0.0.1:$cport
listeners=PLAINTEXT://127.0.0.1:$port,CONTROLLER://127.0.0.1:$cport
advertised.listeners=PLAINTEXT://127.0.0.1:$port
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=$dir/data
num.partitions=${KAFKA_PARTITIONS:-6}
auto.create.topics.enable=true
offsets.topic.replication.factor=1
offsets.topic.num.partitions=6
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
PROPS
  cat > "$dir/log4j2.properties" <<PROPS
rootLogger.level=INFO
rootLogger.appenderRef.file.ref=file
appender.file.type=File
appender.file.name=file
appender.file.fileName=$LOCAL/logs/kafka-$name.log
appender.file.layout.type=PatternLayout
appender.file.layout.pattern=%d %p [%c] %m%n
PROPS
  local java_cmd=(java -Xmx512m -Xms128m -Dlog4j2.configurationFile="$dir/log4j2.properties" -cp "$libs/*")
  if [ ! -f "$dir/data/meta.properties" ]; then
    local cluster_id
    cluster_id=$("${java_cmd[@]}" kafka.tools.StorageTool random-uuid | tail -n 1)
    "${java_cmd[@]}" kafka.tools.StorageTool format --standalone -t "$cluster_id" -c "$dir/server.properties" >/dev/null
  fi
  say "starting Kafka '$name' on 127.0.0.1:$port"
  nohup "${java_cmd[@]}" kafka.Kafka "$dir/server.properties" >"$LOCAL/logs/kafka-$name.out" 2>&1 &
  echo $! > "$dir/pid"
  wait_for_port 127.0.0.1 "$port" 60 || die "Kafka did not open 127.0.0.1:$port; see $LOCAL/logs/kafka-$name.log"
}

kafka_stop() { # name
  stop_pidfile "$LOCAL/kafka/$1/pid" "Kafka '$1'"
}

# ---------- processes ----------

stop_pidfile() { # file what
  local file=$1 pid
  [ -f "$file" ] || return 0
  pid=$(cat "$file")
  if kill -0 "$pid" 2>/dev/null; then
    say "stopping $2 (pid $pid)"
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$file"
}

# ---------- signing keys of the local run (never used in production) ----------

dev_keys() {
  local dir="$LOCAL/keys"
  if [ ! -f "$dir/private.pem" ]; then
    mkdir -p "$dir"
    openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$dir/private.pem" 2>/dev/null
    openssl pkey -in "$dir/private.pem" -pubout -out "$dir/public.pem"
    chmod 600 "$dir/private.pem"
  fi
  echo "$dir"
}

# ---------- Chromium (the dashboard's browser test in e2e-tests) ----------

ensure_chromium() {
  [ -x /usr/bin/chromium ] && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    say "installing Debian's chromium for the dashboard's browser test"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq \
      && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null \
      || die "apt-get install chromium failed"
  else
    say "WARNING: /usr/bin/chromium is missing and only root may install it (apt-get install -y chromium): the dashboard's browser test will fail"
  fi
}

# R's rsdmx, the SDMX client e2e's RsdmxThroughGatewayTest drives (Debian's r-cran-rsdmx pulls R itself in).
ensure_rsdmx() {
  [ -x /usr/bin/Rscript ] && Rscript -e 'quit(status = !requireNamespace("rsdmx", quietly = TRUE))' >/dev/null 2>&1 && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    say "installing Debian's r-cran-rsdmx for the rsdmx client test"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq \
      && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq r-cran-rsdmx >/dev/null \
      || die "apt-get install r-cran-rsdmx failed"
  else
    say "WARNING: R's rsdmx is missing and only root may install it (apt-get install -y r-cran-rsdmx): the rsdmx client test will fail"
  fi
}

# ---------- Keycloak (the OpenID Connect provider of the local run) ----------
# The server distribution comes from Maven Central (org.keycloak:keycloak-quarkus-dist, a zip in the local Maven
# repository) and is unpacked and built once ('kc.sh build': PostgreSQL, health) into a cache outside the clone,
# ~/.cache/drugsplan/ (KEYCLOAK_CACHE_DIR), because its build step takes about 25 s and a fresh clone (CI) should
# not pay it again. Each run gets its own copy under .local/keycloak/<name>/ (hard links when the cache is on the
# same file system: started with --optimized the server never writes its lib/), so its data/ - the realm import
# directory and temporary files - and its log live under .local/ like the broker's.
KEYCLOAK_VERSION=${KEYCLOAK_VERSION:-26.7.3}
KEYCLOAK_CACHE_DIR=${KEYCLOAK_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/drugsplan}
KEYCLOAK_REALM_FILE=${KEYCLOAK_REALM_FILE:-$ROOT/deploy/local/keycloak/drugsplan-realm-dev.json}
# Development-only administrator of the master realm (created on a new database only; the key rotation test uses it).
KEYCLOAK_ADMIN_USER=${KEYCLOAK_ADMIN_USER:-admin}
KEYCLOAK_ADMIN_PASSWORD=${KEYCLOAK_ADMIN_PASSWORD:-dev-only-admin}

# Keycloak 26 needs Java 21 or newer; the services run on the JDK 17 of the PATH.
keycloak_java_home() {
  local candidate
  for candidate in "${KEYCLOAK_JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-21-jdk-amd64 \
      /usr/lib/jvm/java-25-openjdk-amd64 /usr/lib/jvm/java-21-openjdk-amd64 "${JAVA_HOME:-}"; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] || continue
    local major
    major=$("$candidate/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
    if [ "${major:-0}" -ge 21 ] 2>/dev/null; then echo "$candidate"; return 0; fi
  done
  die "Keycloak needs Java 21 or newer: install one (e.g. Temurin 25 under /usr/lib/jvm/temurin-25-jdk-amd64,
  or Debian's openjdk-21-jdk-headless) or point KEYCLOAK_JAVA_HOME at it"
}

keycloak_dist() { # prints the built distribution's directory in the cache
  local dist="$KEYCLOAK_CACHE_DIR/keycloak-$KEYCLOAK_VERSION"
  if [ ! -f "$dist/.built" ]; then
    local zip="${MAVEN_REPO:-$HOME/.m2/repository}/org/keycloak/keycloak-quarkus-dist/$KEYCLOAK_VERSION/keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip"
    if [ ! -f "$zip" ]; then
      say "downloading Keycloak $KEYCLOAK_VERSION from Maven Central (177 MB, once)"
      "$MVNW" -q -B dependency:get -Dartifact="org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip" -Dtransitive=false \
        || die "could not download org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip"
    fi
    say "unpacking and building Keycloak $KEYCLOAK_VERSION into $KEYCLOAK_CACHE_DIR (once, about 30 s)"
    mkdir -p "$KEYCLOAK_CACHE_DIR"
    rm -rf "$dist" "$dist.tmp"
    mkdir "$dist.tmp"
    (cd "$dist.tmp" && unzip -q "$zip") || die "could not unpack $zip"
    mv "$dist.tmp/keycloak-$KEYCLOAK_VERSION" "$dist" && rmdir "$dist.tmp"
    # build-time options only; everything else is given at start
    JAVA_HOME=$(keycloak_java_home) "$dist/bin/kc.sh" build --db=postgres --health-enabled=true >&2 \
      || die "kc.sh build failed"
    touch "$dist/.built"
  fi
  echo "$dist"
}

keycloak_start() { # name port management_port database
  local name=$1 port=$2 mport=$3 db=$4 dist home
  if port_open 127.0.0.1 "$port"; then
    say "Keycloak already answers on 127.0.0.1:$port"
    return 0
  fi
  port_open 127.0.0.1 "$mport" && die "port $mport (Keycloak's management port) is taken; set KEYCLOAK_MANAGEMENT_PORT"
  dist=$(keycloak_dist)
  home="$LOCAL/keycloak/$name"
  if [ ! -f "$home/.copied" ]; then
    rm -rf "$home"
    mkdir -p "$LOCAL/keycloak"
    cp -al "$dist" "$home" 2>/dev/null || cp -a "$dist" "$home"
    touch "$home/.copied"
  fi
  mkdir -p "$home/data/import" "$LOCAL/logs"
  cp "$KEYCLOAK_REALM_FILE" "$home/data/import/"
  say "starting Keycloak '$name' on 127.0.0.1:$port (management 127.0.0.1:$mport, database $db)"
  (
    export JAVA_HOME
    JAVA_HOME=$(keycloak_java_home)
    export KC_BOOTSTRAP_ADMIN_USERNAME="$KEYCLOAK_ADMIN_USER" KC_BOOTSTRAP_ADMIN_PASSWORD="$KEYCLOAK_ADMIN_PASSWORD"
    export KC_DB_USERNAME="$DB_USER" KC_DB_PASSWORD="$DB_PASSWORD"
    export JAVA_OPTS_KC_HEAP=${KEYCLOAK_HEAP:-"-Xms64m -Xmx512m"}
    # --optimized: the build step ran once in the cache; a single node, so a local cache, no cluster discovery
    nohup "$home/bin/kc.sh" start --optimized \
      --http-enabled=true --http-host=127.0.0.1 --http-port="$port" --hostname="http://127.0.0.1:$port" \
      --http-management-port="$mport" --cache=local \
      --db-url="jdbc:postgresql://$PGHOST:$PGPORT/$db" \
      --import-realm --log=file --log-file="$LOCAL/logs/keycloak-$name.log" \
      >"$LOCAL/logs/keycloak-$name.out" 2>&1 &
    echo $! > "$home/pid"
  )
}

keycloak_wait_ready() { # name management_port
  local deadline=$((SECONDS + ${KEYCLOAK_START_TIMEOUT:-120})) pid
  pid=$(cat "$LOCAL/keycloak/$1/pid")
  until curl -fsS "http://127.0.0.1:$2/health/ready" >/dev/null 2>&1; do
    kill -0 "$pid" 2>/dev/null || die "Keycloak '$1' exited; see $LOCAL/logs/keycloak-$1.log and .out"
    [ $SECONDS -lt $deadline ] || die "Keycloak '$1' not ready; see $LOCAL/logs/keycloak-$1.log"
    sleep 0.5
  done
}

keycloak_stop() { # name
  stop_pidfile "$LOCAL/keycloak/$1/pid" "Keycloak '$1'"
}

# Runs a main class of e2e-tests' test sources (DashboardBenchmark, DashboardViewsCheck) with their classpath: one
# Maven run compiles them with the modules they need and writes the classpath (the last module of the reactor,
# e2e-tests, writes it last), so the sibling modules come from this checkout, not from ~/.m2.
e2e_java() {
  local classpath_file
  classpath_file=$(mktemp)
  # online: a new machine may not have the dependency plugin yet (the build itself does not use it)
  (cd "$ROOT" && ./mvnw -q -B -pl e2e-tests -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$classpath_file" >/dev/null) || { rm -f "$classpath_file"; die "compiling e2e-tests failed"; }
  java -cp "$ROOT/e2e-tests/target/test-classes:$(cat "$classpath_file")" "$@"
  local status=$?
  rm -f "$classpath_file"
  return $status
}
