#!/usr/bin/env bash
# The list's bounded count (issue 19, item 3: "the total shown by default when cheap"): what `countUpTo=1000` adds
# to a first page against the page alone and against the exact count (`includeTotal=true`), on the customers
# benchmark's store (bench/customers/run.sh: 1,000,000 customers in the measured store, 9 other stores).
# Shapes: the whole store (a million match: the bound is reached), a filter matching a few thousand, one matching a
# few hundred, and a search whose matches fit on the page (no count statement at all). Prints the latencies, the
# CPU per request, the raw-SQL floor of the bounded count and its EXPLAIN (ANALYZE, BUFFERS).
#   bench/customers/count.sh
source "$(dirname "$0")/../lib.sh"
SECONDS_PER_RUN="${BENCH_SECONDS:-20}"
CONCURRENCY=16
"$BENCH_ROOT/bench/customers/run.sh" data
bench_db
start_backend
MAIN_EMAIL="bench-main@bench.harbor-crm.dev"
TOKEN=$(login "$MAIN_EMAIL")
STORE=$("${PSQL[@]}" -c "select store_id from login_identities where email = '$MAIN_EMAIL'")

# name|filter: each shape's query string (the API's) and its where clause (the raw-SQL floor's).
SHAPES=(
  "whole_store|sort=-score|true"
  "stage_country|stage=INQUIRY&country=US&sort=-score|c.stage = 'INQUIRY' and c.country = 'US'"
  "stage_stars_country|stage=SAMPLE_ORDER&stars=3&country=DE&sort=-score|c.stage = 'SAMPLE_ORDER' and c.stars = 3 and c.country = 'DE'"
  "q_company|q=Atlas%20Trading%20{rand:90000}&sort=-score|"
)

RESULT="$OUT/count-$(date -u +%Y%m%dT%H%M).txt"
{
  machine
  echo "data: $("${PSQL[@]}" -c "select count(*) from customers where store_id = $STORE") customers in the measured store; concurrency $CONCURRENCY, ${SECONDS_PER_RUN}s per run"
  echo
  echo "== how many match each shape (exact) =="
  for shape in "${SHAPES[@]}"; do
    IFS='|' read -r name query where <<<"$shape"
    [ -n "$where" ] || { echo "$name: a search for one company (at most a page of matches)"; continue; }
    echo "$name: $("${PSQL[@]}" -c "select count(*) from customers c where c.store_id = $STORE and $where") customers"
  done
  echo
  echo "== API (wrk, concurrency $CONCURRENCY, after a 30 s warm-up) =="
  warm=()
  for shape in "${SHAPES[@]}"; do
    IFS='|' read -r name query where <<<"$shape"
    warm+=("/api/v1/customers?$query&limit=50" "/api/v1/customers?$query&limit=50&countUpTo=1000")
  done
  wrk_get warm-up $CONCURRENCY 30 "${warm[@]}" >/dev/null
  for shape in "${SHAPES[@]}"; do
    IFS='|' read -r name query where <<<"$shape"
    wrk_get "${name}_page" $CONCURRENCY "$SECONDS_PER_RUN" "/api/v1/customers?$query&limit=50"
    wrk_get "${name}_countUpTo1000" $CONCURRENCY "$SECONDS_PER_RUN" "/api/v1/customers?$query&limit=50&countUpTo=1000"
    # The exact count of a million rows takes long: fewer clients, so the run measures it rather than a queue.
    wrk_get "${name}_includeTotal" 4 "$SECONDS_PER_RUN" "/api/v1/customers?$query&limit=50&includeTotal=true"
  done
  echo
  echo "== the bounded count alone: raw SQL floor (pgbench, concurrency $CONCURRENCY), then EXPLAIN (ANALYZE, BUFFERS) =="
  for shape in "${SHAPES[@]}"; do
    IFS='|' read -r name query where <<<"$shape"
    [ -n "$where" ] || continue
    count_sql="select count(*) from (select 1 from customers c where c.store_id = $STORE and $where limit 1001) bounded"
    rm -f "$OUT"/pgbench_log.*
    printf '%s;\n' "$count_sql" > "$OUT/query.sql"
    (cd "$OUT" && pgbench -h 127.0.0.1 -p "$BENCH_PG_PORT" -U harbor -n -c $CONCURRENCY -j 2 -T "$SECONDS_PER_RUN" -f query.sql -l "$BENCH_DB" >/dev/null 2>&1)
    echo "-- $name: bounded count raw SQL p95 $(pgbench_p95 "$OUT"/pgbench_log.*) ms ($(cat "$OUT"/pgbench_log.* | wc -l) counts)"
    "${PSQL[@]}" -c "explain (analyze, buffers, costs off) $count_sql"
  done
} | tee "$RESULT"
echo "[bench] written to $RESULT"
