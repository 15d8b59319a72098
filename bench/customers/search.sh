#!/usr/bin/env bash
# q on a million customers, and what the search index costs the writes that do not search (issue 21, item 3):
#   q by email / company / phone at concurrency 16: p95 <= 100 ms each, p99 <= 300 ms
#   a customer update that changes an indexed column but no searched field: latency and WAL per update
# On the customers benchmark's store (bench/customers/run.sh: 1,000,000 customers in the measured store, 9 other
# stores of 100,000). Run it on either schema: before V93 q asks the trigram index on customers
# (customers_search_trgm), from V93 on the side table customer_search; the raw-SQL floor and the update figures
# follow the schema the database holds, so one run before and one after an upgrade compare the two.
#   bench/customers/search.sh
source "$(dirname "$0")/../lib.sh"
SECONDS_PER_RUN="${BENCH_SECONDS:-30}"
CONCURRENCY=16
"$BENCH_ROOT/bench/customers/run.sh" data
bench_db
start_backend
MAIN_EMAIL="bench-main@bench.harbor-crm.dev"
TOKEN=$(login "$MAIN_EMAIL")
STORE=$("${PSQL[@]}" -c "select store_id from login_identities where email = '$MAIN_EMAIL'")
SIDE=$("${PSQL[@]}" -c "select count(*) from pg_class where relname = 'customer_search'")
read -r FIRST LAST < <("${PSQL[@]}" -F ' ' -c "select min(id), max(id) from customers where store_id = $STORE")

# The candidate condition of each schema for the raw-SQL floor (CustomerQuery.where: the index asked for q's digit
# run, the fields for the whole q).
if [ "$SIDE" = 1 ]; then
  candidates() { echo "c.id in (select s.customer_id from customer_search s where s.store_id = $STORE and s.search_text ilike '%' || $1 || '%')"; }
  SCHEMA="V93+: q asks customer_search's trigram index"
else
  candidates() { echo "(coalesce(c.name, '') || ' ' || coalesce(c.company_name, '') || ' ' || coalesce(c.email, '') || ' ' || coalesce(c.phone_digits, '') || ' ' || coalesce(c.mobile_digits, '')) ilike '%' || $1 || '%'"; }
  SCHEMA="before V93: q asks customers_search_trgm on customers"
fi

RESULT="$OUT/search-$(date -u +%Y%m%dT%H%M).txt"
{
  machine
  echo "schema: $SCHEMA (latest migration $("${PSQL[@]}" -c "select version from flyway_schema_history where success order by installed_rank desc limit 1"))"
  echo "data: $("${PSQL[@]}" -c "select count(*) from customers where store_id = $STORE") customers in the measured store; concurrency $CONCURRENCY, ${SECONDS_PER_RUN}s per run"
  echo "trigram index: $("${PSQL[@]}" -c "select string_agg(c.relname || ' ' || pg_size_pretty(pg_relation_size(c.oid)), ', ') from pg_class c where c.relname in ('customers_search_trgm', 'customer_search_trgm')"); side table $("${PSQL[@]}" -c "select coalesce(pg_size_pretty(pg_total_relation_size(to_regclass('customer_search'))), 'none')")"
  echo
  echo "== API (wrk, concurrency $CONCURRENCY, after a 30 s warm-up of the same shapes) =="
  Q_EMAIL="/api/v1/customers?q=buyer{rand:1000000}%40&sort=-score&limit=50"
  Q_COMPANY="/api/v1/customers?q=Atlas%20Trading%20{rand:90000}&sort=-score&limit=50"
  Q_PHONE="/api/v1/customers?q=555%20{rand:10000000}&sort=-score&limit=50"
  wrk_get warm-up $CONCURRENCY 30 "$Q_EMAIL" "$Q_COMPANY" "$Q_PHONE" >/dev/null
  wrk_get q_email $CONCURRENCY "$SECONDS_PER_RUN" "$Q_EMAIL"
  wrk_get q_company $CONCURRENCY "$SECONDS_PER_RUN" "$Q_COMPANY"
  wrk_get q_phone $CONCURRENCY "$SECONDS_PER_RUN" "$Q_PHONE"
  echo
  echo "== raw SQL (pgbench, the API's keyset query for the page, concurrency $CONCURRENCY) =="
  for name in q_email q_company; do
    rm -f "$OUT"/pgbench_log.*
    case $name in
      q_email) sql="\\set n random(1, 1000000)
select c.id, c.potential_score from customers c where c.store_id = $STORE and $(candidates ":n") and (c.name ilike '%buyer' || :n || '@%' or c.company_name ilike '%buyer' || :n || '@%' or c.email ilike '%buyer' || :n || '@%') order by c.potential_score desc, c.id desc limit 51;";;
      q_company) sql="\\set n random(1, 90000)
select c.id, c.potential_score from customers c where c.store_id = $STORE and $(candidates ":n") and (c.name ilike '%Atlas Trading ' || :n || '%' or c.company_name ilike '%Atlas Trading ' || :n || '%' or c.email ilike '%Atlas Trading ' || :n || '%') order by c.potential_score desc, c.id desc limit 51;";;
    esac
    printf '%s\n' "$sql" > "$OUT/query.sql"
    (cd "$OUT" && pgbench -h 127.0.0.1 -p "$BENCH_PG_PORT" -U harbor -n -c $CONCURRENCY -j 2 -T "$SECONDS_PER_RUN" -f query.sql -l "$BENCH_DB" >/dev/null 2>&1)
    echo "$name: raw SQL p95 $(pgbench_p95 "$OUT"/pgbench_log.*) ms ($(cat "$OUT"/pgbench_log.* | wc -l) queries)"
  done
  echo
  echo "== EXPLAIN (ANALYZE, BUFFERS) of one company search, as the raw SQL above =="
  "${PSQL[@]}" -c "explain (analyze, buffers, costs off) select c.id, c.potential_score from customers c where c.store_id = $STORE and $(candidates "'45678'") and (c.name ilike '%Atlas Trading 45678%' or c.company_name ilike '%Atlas Trading 45678%' or c.email ilike '%Atlas Trading 45678%') order by c.potential_score desc, c.id desc limit 51"
  echo
  echo "== an update of an indexed column that no search reads (potential_score), rolled back, 1 client, 20 s =="
  # Rolled back so the data stays as it was; the index entries and WAL are written all the same. Each update is
  # a new row version outside HOT (the score is in indexes): before V93 it also inserts the row's trigrams.
  printf '%s\n' "\\set id random($FIRST, $LAST)" "begin;" \
    "update customers set potential_score = (potential_score + 1) % 100 where store_id = $STORE and id = :id;" \
    "rollback;" > "$OUT/update.sql"
  W0=$("${PSQL[@]}" -c "select pg_current_wal_lsn()")
  UPDATES=$(cd "$OUT" && pgbench -h 127.0.0.1 -p "$BENCH_PG_PORT" -U harbor -n -c 1 -T 20 -f update.sql "$BENCH_DB" 2>/dev/null)
  W1=$("${PSQL[@]}" -c "select pg_current_wal_lsn()")
  N=$(echo "$UPDATES" | awk '/number of transactions actually processed/ {print $NF}')
  echo "updates: $N, $(echo "$UPDATES" | awk '/latency average/ {print $4, $5}') per update (begin, update, rollback); WAL $(( $("${PSQL[@]}" -c "select pg_wal_lsn_diff('$W1', '$W0')" | cut -d. -f1) / N )) bytes per update"
} | tee "$RESULT"
echo "[bench] written to $RESULT"
