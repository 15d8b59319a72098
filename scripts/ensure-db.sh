#!/usr/bin/env bash
# Makes a PostgreSQL reachable for Harbor CRM, then creates its roles and databases (idempotent).
#   1. HARBOR_DB_URL is set      -> use it as it is (the operator provisions it).
#   2. something on 127.0.0.1:5432 -> use that server.
#   3. a Docker engine answers    -> docker compose up -d postgres.
#   4. local PostgreSQL binaries  -> initdb a private cluster in .pgdata/ (git-ignored) and start it.
# Otherwise it says why it cannot, and how to fix it.
# Tests that stop their database get a private cluster of their own, in a folder and on a port they choose:
#   HARBOR_PGDATA=/tmp/x HARBOR_PG_PORT=25432 scripts/ensure-db.sh        initdb if needed, start, provision
#     (HARBOR_PG_OPTS adds server settings to a cluster this script starts, e.g. "-c shared_buffers=4GB")
#   HARBOR_PGDATA=/tmp/x HARBOR_PG_PORT=25432 scripts/ensure-db.sh stop   stop it (fast shutdown)
# The fresh-clone check (scripts/first-run-check.sh) starts from an empty database of its own each time:
#   scripts/ensure-db.sh recreate harbor_firstrun     as above, then drop that database and create it empty
#     (only the databases in DISPOSABLE; on the server found as above, even when HARBOR_DB_URL is set)
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
HOST=127.0.0.1
PORT="${HARBOR_PG_PORT:-5432}"   # only tests change it
PGDATA_DIR="${HARBOR_PGDATA:-$ROOT/.pgdata}"
ROLES=("harbor:harbor:harbor" "harbor_test:harbor_test:harbor_test" "harbor_test:harbor_test:harbor_e2e"
       "harbor:harbor:harbor_firstrun" "harbor_test:harbor_test:harbor_client")   # role:password:database
DISPOSABLE=(harbor_firstrun)   # databases `recreate` may drop: never the app's or the tests'

log() { echo "[db] $*" >&2; }

# Whether a server is there at all: answering, or busy (pg_isready 1: starting, or out of connection slots), or at
# least holding the port. A slow answer must not make this script start a second cluster on a taken port.
listening() {
  if command -v pg_isready >/dev/null 2>&1; then
    pg_isready -q -h "$HOST" -p "$PORT" -t 3
    [ $? -le 1 ] && return 0
  fi
  (exec 3<>"/dev/tcp/$HOST/$PORT") 2>/dev/null
}

# Whether it accepts connections now.
accepting() {
  if command -v pg_isready >/dev/null 2>&1; then
    pg_isready -q -h "$HOST" -p "$PORT" -t 3
  else
    (exec 3<>"/dev/tcp/$HOST/$PORT") 2>/dev/null
  fi
}

wait_ready() {
  for _ in $(seq 1 60); do accepting && return 0; sleep 1; done
  return 1
}

# Run SQL as a superuser of the server on $HOST:$PORT, whichever way this machine allows.
as_superuser() {
  local sql="$1"
  if [ -n "${HARBOR_DB_SUPERUSER_URL:-}" ]; then
    psql "$HARBOR_DB_SUPERUSER_URL" -v ON_ERROR_STOP=1 -qAtc "$sql"; return
  fi
  local user
  for user in postgres "$(id -un)" harbor_pg; do
    if PGPASSWORD="${POSTGRES_PASSWORD:-postgres}" psql -h "$HOST" -p "$PORT" -U "$user" -d postgres -w \
        -v ON_ERROR_STOP=1 -qAtc "select 1" >/dev/null 2>&1; then
      PGPASSWORD="${POSTGRES_PASSWORD:-postgres}" psql -h "$HOST" -p "$PORT" -U "$user" -d postgres -w \
        -v ON_ERROR_STOP=1 -qAtc "$sql"
      return
    fi
  done
  if [ "$(id -u)" = 0 ] && id postgres >/dev/null 2>&1; then
    runuser -u postgres -- psql -h "$HOST" -p "$PORT" -d postgres -v ON_ERROR_STOP=1 -qAtc "$sql"; return
  fi
  log "Cannot act as a PostgreSQL superuser on $HOST:$PORT to create Harbor's roles."
  log "Fix: set HARBOR_DB_SUPERUSER_URL=postgresql://USER:PASSWORD@$HOST:$PORT/postgres, or set HARBOR_DB_URL to a prepared database."
  exit 1
}

provision() {
  local entry role password database
  for entry in "${ROLES[@]}"; do
    IFS=: read -r role password database <<<"$entry"
    if [ "$(as_superuser "select 1 from pg_roles where rolname = '$role'")" != 1 ]; then
      as_superuser "create role $role login password '$password'"
    fi
    if [ "$(as_superuser "select 1 from pg_database where datname = '$database'")" != 1 ]; then
      as_superuser "create database $database owner $role"
      log "created database $database"
    fi
    local_commits "$database"
  done
}

# These databases are a developer's and the tests' (an operator's comes through HARBOR_DB_URL and is left alone): a
# commit does not wait for its disk flush. A crash of the server may lose the last moment's commits, never
# consistency. The demo store's 21,000 commits: a fresh clone's backend up in 135 s instead of 146 s (bench/RESULTS.md).
# A private cluster (HARBOR_PGDATA: the recovery tests', the benchmarks') keeps PostgreSQL's default.
local_commits() {
  [ -n "${HARBOR_PGDATA:-}" ] && return 0
  as_superuser "alter database $1 set synchronous_commit = off" >/dev/null
}

disposable() { [[ " ${DISPOSABLE[*]} " == *" $1 "* ]] || { log "refusing to recreate '$1': only ${DISPOSABLE[*]}"; exit 2; }; }

recreate() {
  local database="$1" entry role password db owner=""
  disposable "$database"
  for entry in "${ROLES[@]}"; do
    IFS=: read -r role password db <<<"$entry"
    [ "$db" = "$database" ] && owner="$role"
  done
  as_superuser "drop database if exists $database with (force)"
  as_superuser "create database $database owner $owner"
  local_commits "$database"
  log "recreated database $database (empty)"
}

find_pg_bin() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  [ -n "$dir" ] && [ -x "$dir/initdb" ] && echo "$dir"
}

# The OS user a local cluster runs as: PostgreSQL refuses root, so then the postgres system user (or a harbor_pg one).
cluster_owner() {
  if [ "$(id -u)" != 0 ]; then id -un
  elif id postgres >/dev/null 2>&1; then echo postgres
  else id harbor_pg >/dev/null 2>&1 || useradd --system --no-create-home harbor_pg; echo harbor_pg; fi
}

run_as() { local owner="$1"; shift; if [ "$owner" = "$(id -un)" ]; then "$@"; else runuser -u "$owner" -- "$@"; fi; }

start_local_cluster() {
  local bin="$1" owner
  owner=$(cluster_owner)
  # The server's user must reach the data folder; a checkout under a private home cannot be.
  if [ -z "${HARBOR_PGDATA:-}" ] && ! run_as "$owner" test -x "$ROOT"; then PGDATA_DIR="/var/tmp/harbor-crm-pgdata"; fi
  if [ ! -s "$PGDATA_DIR/PG_VERSION" ]; then
    log "initialising a private cluster in $PGDATA_DIR (owner $owner)"
    mkdir -p "$PGDATA_DIR"; chown "$owner" "$PGDATA_DIR"; chmod 700 "$PGDATA_DIR"
    run_as "$owner" "$bin/initdb" -D "$PGDATA_DIR" -U "$owner" --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  fi
  log "starting PostgreSQL from $bin on $HOST:$PORT"
  run_as "$owner" "$bin/pg_ctl" -D "$PGDATA_DIR" -l "$PGDATA_DIR/server.log" -w \
    -o "-c listen_addresses=$HOST -p $PORT -k /tmp ${HARBOR_PG_OPTS:-}" start >/dev/null
}

stop_private_cluster() {
  local bin
  bin=$(find_pg_bin) || { log "no PostgreSQL binaries under /usr/lib/postgresql"; exit 1; }
  log "stopping the private cluster in $PGDATA_DIR"
  run_as "$(cluster_owner)" "$bin/pg_ctl" -D "$PGDATA_DIR" -m fast -w stop >/dev/null
}

# A cluster of the caller's own (HARBOR_PGDATA), never the shared server: tests stop and start it at will.
private_cluster() {
  local bin
  bin=$(find_pg_bin) || { log "a private cluster needs the PostgreSQL binaries: apt-get install postgresql"; exit 1; }
  if listening; then log "port $PORT is taken: choose another HARBOR_PG_PORT"; exit 1; fi
  start_local_cluster "$bin"
  wait_ready || { log "the private cluster did not start: see $PGDATA_DIR/server.log"; exit 1; }
  provision
}

main() {
  if [ "${1:-}" = recreate ]; then disposable "${2:?usage: ensure-db.sh recreate DATABASE}"; fi
  if [ -n "${HARBOR_PGDATA:-}" ]; then
    if [ "${1:-}" = stop ]; then stop_private_cluster; else private_cluster; fi
    if [ "${1:-}" = recreate ]; then recreate "$2"; fi
    return 0
  fi
  if [ -n "${HARBOR_DB_URL:-}" ] && [ "${1:-}" != recreate ]; then
    log "using HARBOR_DB_URL as configured"
    return 0
  fi
  if listening; then
    log "PostgreSQL answers on $HOST:$PORT"
    wait_ready || { log "PostgreSQL on $HOST:$PORT does not accept connections"; exit 1; }
  elif command -v docker >/dev/null 2>&1 && docker info >/dev/null 2>&1; then
    log "starting the postgres service with docker compose"
    # The official image: a machine with a Docker engine reaches its registry (the compose default is the image
    # `make image` builds from Debian packages).
    (cd "$ROOT" && HARBOR_POSTGRES_IMAGE=${HARBOR_POSTGRES_IMAGE:-postgres:15} docker compose up -d postgres)
    wait_ready || { log "the postgres container did not become ready"; exit 1; }
  elif bin=$(find_pg_bin); then
    start_local_cluster "$bin"
    wait_ready || { log "the local cluster did not start: see $PGDATA_DIR/server.log"; exit 1; }
  else
    log "No PostgreSQL can be had: nothing listens on $HOST:$PORT, no Docker engine answers and no PostgreSQL binaries are under /usr/lib/postgresql."
    log "Fix: install PostgreSQL 15+ (e.g. 'apt-get install postgresql'), start Docker, or set HARBOR_DB_URL to an existing database."
    exit 1
  fi
  command -v psql >/dev/null 2>&1 || { log "psql is missing: install the PostgreSQL client (apt-get install postgresql-client)."; exit 1; }
  provision
  if [ "${1:-}" = recreate ]; then recreate "$2"; fi
}

main "$@"
