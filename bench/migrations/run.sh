#!/usr/bin/env bash
# How long a migration takes on a big store, and what it locks (issue 21, item 7): builds a database from the
# migration files up to the one before VERSION, fills one store with N customers (bench/customers/generate.sql; no
# events: the migrations measured so far do not read them), then applies VERSION alone, as Flyway would (one transaction), and reports its time and the
# locks it held on customers at the end.
#
#   bench/migrations/run.sh                 VERSION=78 N=1000000
# Raw output: bench/out/migration-V<version>-<time>.txt
source "$(dirname "$0")/../lib.sh"
VERSION="${VERSION:-78}"
N="${N:-1000000}"
MIGRATIONS="$BENCH_ROOT/backend/src/main/resources/db/migration"
RESULT="$OUT/migration-V$VERSION-$(date -u +%Y%m%dT%H%M).txt"
DB="harbor_bench_migration"
bench_pg
PSQL=(psql -h 127.0.0.1 -p "$BENCH_PG_PORT" -U postgres -d postgres -qAt)   # for machine()
"${SUPER_PSQL[@]}" -qc "drop database if exists $DB" -c "create database $DB owner harbor" >/dev/null
P=(psql -h 127.0.0.1 -p "$BENCH_PG_PORT" -U postgres -d "$DB" -qAtX -v ON_ERROR_STOP=1)
ls "$MIGRATIONS" | sed -n 's/^V\([0-9]*\)__.*\.sql$/\1 &/p' | sort -n | while read -r version file; do
  [ "$version" -ge "$VERSION" ] && break
  "${P[@]}" -1 -f "$MIGRATIONS/$file" >/dev/null
done
store=$("${P[@]}" -c "insert into stores (name, time_zone) values ('Migration', 'Asia/Shanghai') returning id")
"${P[@]}" -c "insert into pool_rules (store_id, updated_at) values ($store, now())"
reps=$("${P[@]}" -c "with r as (insert into users (store_id, name, email, password_hash, role)
                      select $store, 'Rep ' || g, 'rep' || g || '@migration.bench', 'x', 'REP' from generate_series(1, 16) g
                      returning id) select '{' || string_agg(id::text, ',') || '}' from r")
"${P[@]}" -v store="$store" -v n="$N" -v reps="$reps" -f "$BENCH_ROOT/bench/customers/generate.sql" >/dev/null
"${P[@]}" -c "vacuum analyze"
file=$(ls "$MIGRATIONS" | grep "^V${VERSION}__")
{
  machine
  echo "data: $N customers in one store; migration $file"
  start=$(date +%s%N)
  "${P[@]}" -1 -f "$MIGRATIONS/$file" -c "select 'locks held on customers at its end: ' || string_agg(distinct mode, ', ')
      from pg_locks where relation = 'customers'::regclass and pid = pg_backend_pid()" 2>&1 | grep -v "^$"
  echo "applied in one transaction in $(( ($(date +%s%N) - start) / 1000000 )) ms (customers locked against reads and writes throughout when ACCESS EXCLUSIVE is listed)"
  "${P[@]}" -c "select 'table sizes after: customers ' || pg_size_pretty(pg_total_relation_size('customers'))
                || coalesce(', customer_owners ' || pg_size_pretty(pg_total_relation_size(to_regclass('customer_owners'))), '')"
} | tee "$RESULT"
echo "[bench] raw output: $RESULT"
