#!/usr/bin/env bash
# Customer screening benchmark (issue 3 targets):
#   filtered first page sorted by score, p95 <= 30 ms at concurrency 16
#   page 1,000 by cursor within 20% of page 1
#   q substring search, p95 <= 150 ms
# Data: one store of BENCH_CUSTOMERS (default 1,000,000) customers plus 9 stores of BENCH_OTHER (100,000).
# The same queries also run as raw SQL through pgbench, for the API's overhead ratio.
#   FRESH=1 bench/customers/run.sh     # rebuild the data set from scratch
#   bench/customers/run.sh data        # only make sure the data set exists
source "$(dirname "$0")/../lib.sh"
N="${BENCH_CUSTOMERS:-1000000}"
OTHER="${BENCH_OTHER:-100000}"
SECONDS_PER_RUN="${BENCH_SECONDS:-30}"
CONCURRENCY=16

bench_db
start_backend
MAIN_EMAIL="bench-main@bench.harbor-crm.dev"

if [ "$("${PSQL[@]}" -c "select count(*) from login_identities where email = '$MAIN_EMAIL'")" = 0 ]; then
  echo "[bench] generating data: $N customers in the main store, 9 x $OTHER in the others"
  for s in $(seq 0 9); do
    email=$([ "$s" = 0 ] && echo "$MAIN_EMAIL" || echo "bench-other$s@bench.harbor-crm.dev")
    read -r store token < <(signup "Bench store $s" "$email")
    reps="{"; for r in $(seq 1 10); do reps+="$(add_rep "$token" "rep$r-store$s@bench.harbor-crm.dev"),"; done; reps="${reps%,}}"
    count=$([ "$s" = 0 ] && echo "$N" || echo "$OTHER")
    time "${PSQL[@]}" -v store="$store" -v n="$count" -v reps="$reps" -f "$BENCH_ROOT/bench/customers/generate.sql"
  done
  # Every table the data set wrote, vacuumed and analyzed here: a server may run without autovacuum (this
  # project's CI machines do), and without statistics customer_owners' pool list took 1.3 s instead of milliseconds.
  "${PSQL[@]}" -c "vacuum analyze customers" -c "vacuum analyze customer_tags" -c "vacuum analyze customer_owners" \
    -c "vacuum analyze customer_search"
fi
[ "${1:-}" = data ] && { echo "[bench] data ready"; exit 0; }
TOKEN=$(login "$MAIN_EMAIL")
STORE=$("${PSQL[@]}" -c "select store_id from login_identities where email = '$MAIN_EMAIL'")
echo "[bench] main store $STORE: $("${PSQL[@]}" -c "select count(*) from customers where store_id = $STORE") customers"

# Walk 1,000 pages to get the cursor of page 1,000 (sorted by score, no filter).
cursor=""
for page in $(seq 1 999); do
  cursor=$(curl -fs "$BASE/api/v1/customers?sort=-score&limit=50${cursor:+&cursor=$cursor}" -H "Authorization: Bearer $TOKEN" | json 'd["nextCursor"]')
done
echo "[bench] cursor of page 1000: $cursor"

RESULT="$OUT/customers-$(date -u +%Y%m%dT%H%M).txt"
{
  machine
  # Counted, not taken from the settings: the data set may have been generated with other BENCH_CUSTOMERS/OTHER.
  echo "data: $("${PSQL[@]}" -c "select max(n) filter (where store_id = $STORE) || ' customers in the measured store, ' || count(*) filter (where store_id <> $STORE) || ' other stores of ' || coalesce(min(n) filter (where store_id <> $STORE), 0) || ' to ' || coalesce(max(n) filter (where store_id <> $STORE), 0) from (select store_id, count(*) n from customers group by store_id) x"); concurrency $CONCURRENCY, ${SECONDS_PER_RUN}s per run"
  echo
  echo "== API (wrk, concurrency $CONCURRENCY, after a 40 s warm-up of the same shapes) =="
  FILTERED=("/api/v1/customers?stage=INQUIRY&country=US&sort=-score&limit=50"
            "/api/v1/customers?stage=SAMPLE_ORDER&stars=3&sort=-score&limit=50"
            "/api/v1/customers?status=ACTIVE&hasEmail=true&country=DE&sort=-score&limit=50")
  Q_EMAIL="/api/v1/customers?q=buyer{rand:1000000}%40&sort=-score&limit=50"
  Q_COMPANY="/api/v1/customers?q=Atlas%20Trading%20{rand:90000}&sort=-score&limit=50"
  Q_PHONE="/api/v1/customers?q=555%20{rand:10000000}&sort=-score&limit=50"
  wrk_get warm-up $CONCURRENCY 40 "${FILTERED[@]}" "/api/v1/customers?sort=-score&limit=50" "$Q_EMAIL" "$Q_COMPANY" >/dev/null
  wrk_get filtered_score $CONCURRENCY "$SECONDS_PER_RUN" "${FILTERED[@]}"
  wrk_get page_0001 $CONCURRENCY "$SECONDS_PER_RUN" "/api/v1/customers?sort=-score&limit=50"
  wrk_get page_1000 $CONCURRENCY "$SECONDS_PER_RUN" "/api/v1/customers?sort=-score&limit=50&cursor=$cursor"
  wrk_get q_email $CONCURRENCY "$SECONDS_PER_RUN" "$Q_EMAIL"
  wrk_get q_company $CONCURRENCY "$SECONDS_PER_RUN" "$Q_COMPANY"
  wrk_get q_phone $CONCURRENCY "$SECONDS_PER_RUN" "$Q_PHONE"
  echo
  # q_email: the index is asked for q's digit run only (CustomerQuery.indexPart), the fields for the whole q.
  echo "== raw SQL (pgbench, same first query the API runs, concurrency $CONCURRENCY) =="
  # The whole page statement the API sends (the keyset query, the views and tags of its rows), planned per call
  # as the backend plans it: what PostgreSQL alone needs for the page the API returns.
  rm -f "$OUT"/pgbench_log.*
  (cd "$OUT" && pgbench -h 127.0.0.1 -p "$BENCH_PG_PORT" -U harbor -n -c $CONCURRENCY -j 2 -T "$SECONDS_PER_RUN" -l \
     -D store="$STORE" -f "$BENCH_ROOT/bench/customers/page.sql" "$BENCH_DB" >/dev/null 2>&1)
  echo "filtered_score, whole page statement: raw SQL p95 $(pgbench_p95 "$OUT"/pgbench_log.*) ms ($(cat "$OUT"/pgbench_log.* | wc -l) pages)"
  for name in filtered_score q_email; do
    rm -f "$OUT"/pgbench_log.*
    case $name in
      filtered_score) sql="select c.id, c.potential_score from customers c where c.store_id = $STORE and c.stage in ('INQUIRY') and c.country in ('US') order by c.potential_score desc, c.id desc limit 51;";;
      q_email) sql="\\set n random(1, 1000000)
select c.id, c.potential_score from customers c where c.store_id = $STORE and c.id in (select s.customer_id from customer_search s where s.store_id = $STORE and s.search_text ilike '%' || :n || '%') and (c.name ilike '%buyer' || :n || '@%' or c.company_name ilike '%buyer' || :n || '@%' or c.email ilike '%buyer' || :n || '@%') order by c.potential_score desc, c.id desc limit 51;";;
    esac
    printf '%s\n' "$sql" > "$OUT/query.sql"
    (cd "$OUT" && pgbench -h 127.0.0.1 -p "$BENCH_PG_PORT" -U harbor -n -c $CONCURRENCY -j 2 -T "$SECONDS_PER_RUN" -f query.sql -l "$BENCH_DB" >/dev/null 2>&1)
    echo "$name: raw SQL p95 $(pgbench_p95 "$OUT"/pgbench_log.*) ms ($(cat "$OUT"/pgbench_log.* | wc -l) queries)"
  done
} | tee "$RESULT"
echo "[bench] written to $RESULT"
