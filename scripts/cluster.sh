#!/usr/bin/env bash
# Ledgerline on several instances, on one machine: three instances of the jar behind a
# round-robin nginx (no stickiness), sharing one PostgreSQL database and one Redis.
#
#   scripts/cluster.sh up     build the jar if missing, start what is missing, print the URL
#   scripts/cluster.sh down   stop exactly what "up" started
#   scripts/cluster.sh nginx-conf DIR   print the balancer's configuration (state in DIR)
#
# "up" is safe to run again while up: it reuses whatever still runs. The database is
# created fresh (with the demo data) only when no instance of this cluster is running.
#
# Settings (environment):
#   LEDGERLINE_CLUSTER_PORT    the balancer's port; instances use the next three (18090)
#   LEDGERLINE_CLUSTER_DB      database for the cluster (ledgerline_cluster)
#   LEDGERLINE_CLUSTER_SCHEMA  use this schema of the database instead of a database of its
#                              own (dropped and recreated when fresh); default: none
#   LEDGERLINE_PG_HOST/PORT/USER  PostgreSQL server (127.0.0.1 / 5432 / postgres)
#   LEDGERLINE_REDIS_PORT      Redis on 127.0.0.1 (6379)
#   LEDGERLINE_REDIS_PREFIX    key prefix of this cluster in Redis (ll:)
#   LEDGERLINE_CLUSTER_JAR     the jar to run (app/target/app-0.1.0-SNAPSHOT.jar)
#   LEDGERLINE_CLUSTER_STATE   folder for pids, logs and the jar's copy (.cluster); two
#                              clusters on one machine need two folders (and ports, databases)
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
STATE="${LEDGERLINE_CLUSTER_STATE:-$ROOT/.cluster}"
PORT="${LEDGERLINE_CLUSTER_PORT:-18090}"
DB="${LEDGERLINE_CLUSTER_DB:-ledgerline_cluster}"
SCHEMA="${LEDGERLINE_CLUSTER_SCHEMA:-}"
PG_HOST="${LEDGERLINE_PG_HOST:-127.0.0.1}"
PG_PORT="${LEDGERLINE_PG_PORT:-5432}"
PG_USER="${LEDGERLINE_PG_USER:-postgres}"
REDIS_PORT="${LEDGERLINE_REDIS_PORT:-6379}"
REDIS_PREFIX="${LEDGERLINE_REDIS_PREFIX:-ll:}"
JAR="${LEDGERLINE_CLUSTER_JAR:-$ROOT/app/target/app-0.1.0-SNAPSHOT.jar}"
NODES=(1 2 3)

log() { echo "cluster: $*" >&2; }

alive() { [[ -f "$1" ]] && kill -0 "$(cat "$1")" 2>/dev/null; }

psql_admin() { psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -v ON_ERROR_STOP=1 -qX "$@"; }

wait_for() { # what, seconds, command...
  local what="$1" seconds="$2"; shift 2
  local deadline=$((SECONDS + seconds))
  until "$@" >/dev/null 2>&1; do
    if ((SECONDS > deadline)); then log "gave up waiting for $what"; return 1; fi
    sleep 0.5
  done
}

ensure_jar() {
  if [[ ! -f "$JAR" ]]; then
    log "building the jar"
    (cd "$ROOT" && mvn -B -q -DskipTests -pl app -am package)
  fi
}

ensure_postgres() {
  if pg_isready -h "$PG_HOST" -p "$PG_PORT" -q; then return; fi
  log "starting PostgreSQL"
  local version
  version="$(ls /etc/postgresql 2>/dev/null | sort -n | tail -1)"
  pg_ctlcluster "$version" main start
  echo "$version" > "$STATE/started-postgres"
  wait_for PostgreSQL 60 pg_isready -h "$PG_HOST" -p "$PG_PORT" -q
}

ensure_redis() {
  if redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping >/dev/null 2>&1; then return; fi
  log "starting Redis on port $REDIS_PORT"
  redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save "" --appendonly no --daemonize yes \
    --pidfile "$STATE/redis.pid" --logfile "$STATE/redis.log"
  wait_for Redis 30 redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping
}

ensure_nginx_installed() {
  if command -v nginx >/dev/null 2>&1 || [[ -x /usr/sbin/nginx ]]; then return; fi
  log "installing nginx (Debian package)"
  apt-get install -y nginx >/dev/null
}

any_node_running() {
  local n
  for n in "${NODES[@]}"; do alive "$STATE/node-$n.pid" && return 0; done
  return 1
}

fresh_database() {
  if [[ -n "$SCHEMA" ]]; then
    log "fresh schema $SCHEMA in database $DB"
    psql_admin -d "$DB" -c "DROP SCHEMA IF EXISTS \"$SCHEMA\" CASCADE" -c "CREATE SCHEMA \"$SCHEMA\""
    echo "jdbc:postgresql://$PG_HOST:$PG_PORT/$DB?currentSchema=$SCHEMA" > "$STATE/db-url"
  else
    log "fresh database $DB"
    psql_admin -d postgres -c "DROP DATABASE IF EXISTS \"$DB\"" -c "CREATE DATABASE \"$DB\""
    echo "jdbc:postgresql://$PG_HOST:$PG_PORT/$DB" > "$STATE/db-url"
  fi
  # One secret for the causal tokens of this cluster's instances.
  head -c 32 /dev/urandom | base64 | tr -d '\n=' > "$STATE/token-secret"
}

start_node() {
  local n="$1" port=$((PORT + $1))
  if alive "$STATE/node-$n.pid"; then return; fi
  mkdir -p "$STATE/node-$n"
  log "starting instance node-$n on port $port"
  # No subshell: $! must be the java process itself, so "down" stops exactly it.
  cd "$STATE/node-$n"
  LEDGERLINE_DB_URL="$(cat "$STATE/db-url")" LEDGERLINE_DB_USER="$PG_USER" \
    LEDGERLINE_INSTANCE="node-$n" LEDGERLINE_TOKEN_SECRET="$(cat "$STATE/token-secret")" \
    LEDGERLINE_REDIS_URL="redis://127.0.0.1:$REDIS_PORT" LEDGERLINE_REDIS_PREFIX="$REDIS_PREFIX" \
    nohup java -Xmx384m -jar "$STATE/app.jar" --spring.profiles.active=postgres,demo,cluster --server.port="$port" \
    > "$STATE/node-$n.log" 2>&1 &
  echo $! > "$STATE/node-$n.pid"
  cd "$ROOT"
}

node_up() { curl -sf "http://127.0.0.1:$((PORT + $1))/actuator/health" >/dev/null; }

# The balancer. nginx (open source) has no active health checks, so it learns that an
# instance is stuck only from the requests it sends there; these settings bound what one
# stuck instance costs (bench/cluster-stall.sh measures it, docs/BENCHMARKS.md):
# - connect 1 s: on loopback or a LAN a healthy instance accepts in well under a
#   millisecond; a refused or unanswered connect means nothing was sent, so nginx tries the
#   next instance even for a POST.
# - reads (GET, HEAD, OPTIONS) wait 3 s for the answer: a warm page is tens of
#   milliseconds and ~0.3 s at the 99th percentile under 32 connections; past 3 s the
#   instance is stalled (a pause, a full GC, a stuck pool), and the request goes to the next
#   instance: at most 3 tries within 8 s in all, and never to one that just failed.
# - writes (every other method) are never retried once sent (nginx's default; no
#   "non_idempotent"): the first instance may have applied them. They wait 30 s, so a
#   stall shorter than that ends in their real answer; longer, in a 504 instead of nginx's
#   default 60 s.
# - an instance that failed (refused, timed out, 502/503) gets no traffic for 10 s
#   (max_fails 1, fail_timeout 10 s); then one request tries it again.
# - idle upstream connections are closed after 4 s, before the instance's own keep-alive
#   timeout can close them under a request being sent.
nginx_conf() { # state dir; prints the configuration
  local dir="$1" n
  echo "worker_processes 1;"
  echo "pid $dir/nginx.pid;"
  echo "error_log $dir/nginx-error.log;"
  echo "events { worker_connections 1024; }"
  echo "http {"
  echo "  access_log $dir/nginx-access.log;"
  for t in client_body proxy fastcgi uwsgi scgi; do echo "  ${t}_temp_path $dir/nginx-tmp/$t;"; done
  echo "  upstream ledgerline {"
  for n in "${NODES[@]}"; do echo "    server 127.0.0.1:$((PORT + n)) max_fails=1 fail_timeout=10s;"; done
  echo "    keepalive 16;"
  echo "    keepalive_timeout 4s;"
  echo "  }"
  echo "  server {"
  echo "    listen 127.0.0.1:$PORT;"
  echo "    proxy_http_version 1.1;"
  echo "    proxy_set_header Connection \"\";"
  echo "    proxy_set_header Host \$host:\$server_port;"
  echo "    proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;"
  echo "    proxy_connect_timeout 1s;"
  echo "    proxy_send_timeout 10s;"
  echo "    proxy_next_upstream error timeout http_502 http_503;"
  echo "    # Reads here; every other method goes on to @writes (nginx cannot take a timeout"
  echo "    # from a variable, so the two kinds need two locations)."
  echo "    location / {"
  echo "      error_page 418 = @writes;"
  echo "      if (\$request_method !~ ^(GET|HEAD|OPTIONS)\$) { return 418; }"
  echo "      proxy_pass http://ledgerline;"
  echo "      proxy_read_timeout 3s;"
  echo "      proxy_next_upstream_tries 3;"
  echo "      proxy_next_upstream_timeout 8s;"
  echo "    }"
  echo "    location @writes {"
  echo "      proxy_pass http://ledgerline;"
  echo "      proxy_read_timeout 30s;"
  echo "    }"
  echo "  }"
  echo "}"
}

start_nginx() {
  if alive "$STATE/nginx.pid"; then return; fi
  mkdir -p "$STATE/nginx-tmp"
  nginx_conf "$STATE" > "$STATE/nginx.conf"
  log "starting nginx on port $PORT (round robin over ${#NODES[@]} instances)"
  nginx -c "$STATE/nginx.conf" -p "$STATE" -g "daemon on;"
}

up() {
  mkdir -p "$STATE"
  ensure_jar
  ensure_postgres
  ensure_redis
  ensure_nginx_installed
  if ! any_node_running; then
    fresh_database
    # The instances run a copy, so a rebuild meanwhile cannot pull the jar from under them.
    cp "$JAR" "$STATE/app.jar"
  fi
  # The first instance migrates the schema and seeds the demo data alone.
  start_node 1
  wait_for "node-1" 600 node_up 1
  for n in "${NODES[@]:1}"; do start_node "$n"; done
  for n in "${NODES[@]:1}"; do wait_for "node-$n" 600 node_up "$n"; done
  start_nginx
  wait_for "the balancer" 60 curl -sf "http://127.0.0.1:$PORT/actuator/health"
  echo "http://127.0.0.1:$PORT"
}

stop_pid() { # pidfile
  if alive "$1"; then
    local pid; pid="$(cat "$1")"
    kill "$pid"
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
  fi
  rm -f "$1"
}

down() {
  [[ -d "$STATE" ]] || { log "nothing to stop"; return; }
  stop_pid "$STATE/nginx.pid"
  for n in "${NODES[@]}"; do stop_pid "$STATE/node-$n.pid"; done
  stop_pid "$STATE/redis.pid"
  if [[ -f "$STATE/started-postgres" ]]; then
    log "stopping the PostgreSQL this script started"
    pg_ctlcluster "$(cat "$STATE/started-postgres")" main stop || true
    rm -f "$STATE/started-postgres"
  fi
  log "down"
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  # The balancer's configuration for instances on the next three ports, with its pid, logs
  # and temporary files in DIR (the tests start it against stand-in instances).
  nginx-conf) nginx_conf "${2:?usage: $0 nginx-conf DIR}" ;;
  *) echo "usage: $0 up|down|nginx-conf DIR" >&2; exit 2 ;;
esac
