#!/bin/sh
# Initialises the cluster on the first start (an empty PGDATA), then becomes the PostgreSQL server (PID 1).
# Extra arguments go to postgres, e.g. `-c shared_buffers=256MB`.
set -eu
: "${PGDATA:=/var/lib/postgresql/data}"
user=${POSTGRES_USER:-postgres}
database=${POSTGRES_DB:-$user}

if [ ! -s "$PGDATA/PG_VERSION" ]; then
  if [ -z "${POSTGRES_PASSWORD:-}" ]; then
    echo "harbor-postgres: POSTGRES_PASSWORD is required to create a new database in $PGDATA" >&2
    exit 64
  fi
  echo "harbor-postgres: creating a new cluster in $PGDATA (user $user, database $database)"
  password_file=$(mktemp)
  printf '%s\n' "$POSTGRES_PASSWORD" > "$password_file"
  # Local connections (the health check, pg_dump through `exec`) trust the container's own user; every network
  # connection needs the password.
  initdb --pgdata="$PGDATA" --username="$user" --pwfile="$password_file" --encoding=UTF8 --locale=C.UTF-8 \
    --auth-local=trust --auth-host=scram-sha-256 >/dev/null
  rm -f "$password_file"
  printf '%s\n' "host all all all scram-sha-256" >> "$PGDATA/pg_hba.conf"
  if [ "$database" != postgres ]; then
    # A temporary server on a socket of its own: a health check (pg_isready on PGHOST) must not take it for the
    # real one, which starts only once this is done.
    init_socket=$(mktemp -d)
    pg_ctl --pgdata="$PGDATA" --options="-c listen_addresses='' -c unix_socket_directories=$init_socket" \
      --wait --silent start
    # From standard input, where psql quotes the name (it does not expand variables in --command).
    echo 'create database :"database"' | psql --host="$init_socket" --username="$user" --dbname=postgres \
      --set=ON_ERROR_STOP=1 --quiet --set=database="$database"
    pg_ctl --pgdata="$PGDATA" --mode=fast --wait --silent stop
    rmdir "$init_socket"
  fi
fi

# The socket lives in /tmp (PGHOST), where the unprivileged user may write; no JIT (its libraries are not here).
exec postgres -D "$PGDATA" -c listen_addresses='*' -c unix_socket_directories=/tmp -c jit=off "$@"
