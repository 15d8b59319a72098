#!/usr/bin/env bash
# The team activity feed on five million entries (issue 25: p95 ≤ 150 ms for a filtered first page).
#
# One store of N customers (bench/customers/generate.sql) and 40 people; FOLLOWUPS follow-ups, EVENTS customer
# events and ORDERS order events over the last year (bench/activity/generate.sql; 3.0 + 1.8 + 0.2 million by
# default). Then, through the running backend, REQUESTS sequential requests of each kind of first page (one filter
# at a time, a few combined, a rep's own feed, a second page) and of the summaries, with curl's total time per
# request; p50/p95/max per kind. Beside them, the raw-SQL floor: the feed's own statement for two kinds run by psql
# (EXPLAIN ANALYZE execution time). Re-running with FRESH=0 keeps the data.
#
#   FRESH=1 bench/activity/feed.sh       N=200000 FOLLOWUPS=3000000 EVENTS=1800000 ORDERS=200000 REQUESTS=200
# Raw output: bench/out/activity-feed-<time>.txt
BENCH_DB="${BENCH_DB:-harbor_bench_activity}"
source "$(dirname "$0")/../lib.sh"
N="${N:-200000}"
FOLLOWUPS="${FOLLOWUPS:-3000000}"
EVENTS="${EVENTS:-1800000}"
ORDERS="${ORDERS:-200000}"
REQUESTS="${REQUESTS:-200}"
RESULT="$OUT/activity-feed-$(date -u +%Y%m%dT%H%M).txt"
bench_db
start_backend

if [ "$("${PSQL[@]}" -c "select count(*) from stores where name = 'Activity bench'")" = 0 ]; then
  read -r STORE ADMIN_TOKEN < <(signup "Activity bench" "admin@activity.bench")
  curl -fs -X POST "$BASE/api/v1/users" -H 'Content-Type: application/json' -H "Authorization: Bearer $ADMIN_TOKEN" \
    -d '{"name":"Bench Manager","email":"manager@activity.bench","password":"bench-password","role":"MANAGER"}' >/dev/null
  for i in $(seq 1 40); do add_rep "$ADMIN_TOKEN" "rep$i@activity.bench" >/dev/null; done
  "${PSQL[@]}" -c "update users set team = case when id % 4 = 0 then 'East' when id % 4 = 1 then 'West' when id % 4 = 2 then 'North' else 'South' end where store_id = $STORE and role = 'REP'"
  REPS="{$("${PSQL[@]}" -c "select string_agg(id::text, ',') from users where store_id = $STORE and role = 'REP'")}"
  echo "generating $N customers, $FOLLOWUPS follow-ups, $EVENTS events, $ORDERS order events..."
  start=$(date +%s)
  "${PSQL[@]}" -v store="$STORE" -v n="$N" -v reps="$REPS" -f "$BENCH_ROOT/bench/customers/generate.sql" >/dev/null
  psql -h 127.0.0.1 -p "$BENCH_PG_PORT" -U postgres -d "$BENCH_DB" -qAtX -v ON_ERROR_STOP=1 -v store="$STORE" -v reps="$REPS" \
    -v followups="$FOLLOWUPS" -v events="$EVENTS" -v orders="$ORDERS" -f "$BENCH_ROOT/bench/activity/generate.sql" >/dev/null
  echo "generated in $(( $(date +%s) - start )) s"
fi
STORE=$("${PSQL[@]}" -c "select id from stores where name = 'Activity bench'")
TOKEN=$(login "manager@activity.bench")
REP=$("${PSQL[@]}" -c "select min(id) from users where store_id = $STORE and role = 'REP'")
REP_TOKEN=$(login "$("${PSQL[@]}" -c "select email from users where id = $REP and store_id = $STORE")")
TAG=$("${PSQL[@]}" -c "select id from tags where store_id = $STORE and name = 'VIP'")
TODAY=$(date -u +%F)
MONTH_AGO=$(date -u -d '30 days ago' +%F)
WEEK_AGO=$(date -u -d '6 days ago' +%F)

# measure NAME TOKEN PATH: REQUESTS sequential GETs, p50/p95/max of curl's total time in ms
measure() {
  local name="$1" token="$2" path="$3" times="$OUT/activity-times.txt"
  : > "$times"
  for _ in $(seq 1 5); do curl -fs -o /dev/null -H "Authorization: Bearer $token" "$BASE$path"; done
  for _ in $(seq 1 "$REQUESTS"); do
    curl -fs -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $token" "$BASE$path" >> "$times"
  done
  sort -n "$times" | awk -v name="$name" '{a[NR]=$1*1000} END {printf "%-44s p50 %6.1f ms  p95 %6.1f ms  max %6.1f ms  (%d requests)\n", name, a[int(NR*0.5)], a[int(NR*0.95)], a[NR], NR}'
}

SECOND=$(curl -fs -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/activity?userId=$REP" | json 'd["nextCursor"]')
{
  machine
  echo "data: $("${PSQL[@]}" -c "select (select count(*) from follow_ups where store_id = $STORE) || ' follow-ups, ' || (select count(*) from customer_events where store_id = $STORE) || ' customer events, ' || (select count(*) from order_events where store_id = $STORE) || ' order events, ' || (select count(*) from customers where store_id = $STORE) || ' customers, 40 reps in 4 teams'")"
  echo "first pages of 50 through the API (manager unless said), $REQUESTS sequential requests each:"
  measure "everything" "$TOKEN" "/api/v1/activity"
  measure "one rep" "$TOKEN" "/api/v1/activity?userId=$REP"
  measure "one rep, second page" "$TOKEN" "/api/v1/activity?userId=$REP&cursor=$SECOND"
  measure "a team (10 reps)" "$TOKEN" "/api/v1/activity?team=East"
  measure "type CALL" "$TOKEN" "/api/v1/activity?type=CALL"
  measure "type STAGE_CHANGED" "$TOKEN" "/api/v1/activity?type=STAGE_CHANGED"
  measure "type ORDER_PAID" "$TOKEN" "/api/v1/activity?type=ORDER_PAID"
  measure "stage SAMPLE_ORDER (customer's)" "$TOKEN" "/api/v1/activity?stage=SAMPLE_ORDER"
  measure "tag VIP (customer's)" "$TOKEN" "/api/v1/activity?tagId=$TAG"
  measure "last 30 days" "$TOKEN" "/api/v1/activity?from=$MONTH_AGO&to=$TODAY"
  measure "text 样品报价 (3 CJK chars)" "$TOKEN" "/api/v1/activity?q=%E6%A0%B7%E5%93%81%E6%8A%A5%E4%BB%B7"
  measure "text container (Latin)" "$TOKEN" "/api/v1/activity?q=container"
  measure "text 报价 (2 CJK chars)" "$TOKEN" "/api/v1/activity?q=%E6%8A%A5%E4%BB%B7"
  measure "rep + CALL,MEETING + 30 days" "$TOKEN" "/api/v1/activity?userId=$REP&type=CALL&type=MEETING&from=$MONTH_AGO&to=$TODAY"
  measure "team + stage + tag" "$TOKEN" "/api/v1/activity?team=East&stage=TRANSACTION&tagId=$TAG"
  measure "a rep's own feed (rep)" "$REP_TOKEN" "/api/v1/activity"
  measure "summary, 7 days, everyone" "$TOKEN" "/api/v1/activity/summary?from=$WEEK_AGO&to=$TODAY"
  measure "summary, 30 days, everyone" "$TOKEN" "/api/v1/activity/summary?from=$MONTH_AGO&to=$TODAY"
  echo
  echo "raw-SQL floor (psql, EXPLAIN ANALYZE execution time of the feed's follow-up branch, the largest):"
  for where in "true" "f.author_id = $REP" "f.content ilike '%样品报价%'"; do
    ms=$("${PSQL[@]}" -c "explain (analyze, format json) select f.id, f.occurred_at from follow_ups f where f.store_id = $STORE and $where order by f.occurred_at desc, f.id desc limit 51" | json 'd[0]["Execution Time"]')
    echo "  follow-ups where $where: $ms ms"
  done
} | tee "$RESULT"
echo "raw output: $RESULT"
