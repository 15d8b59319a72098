#!/usr/bin/env bash
# Statistics benchmark (issue 7 target: each stats call <= 500 ms), through the API on a private backend, over
# 1,000,000 customers and about 5,000,000 events in one store (bench/stats/generate.sql, set-based).
# Each report is called REPEAT times per variant (managers: the store; a rep: their own), p50/p95 of the wall time.
#   BENCH_DB=harbor_bench_stats BENCH_PORT=18093 bench/stats/run.sh       (FRESH=1 starts from an empty database)
export BENCH_DB="${BENCH_DB:-harbor_bench_stats}" BENCH_PORT="${BENCH_PORT:-18093}"
source "$(dirname "$0")/../lib.sh"
CUSTOMERS="${BENCH_CUSTOMERS:-1000000}"
REPS="${BENCH_REPS:-50}"
REPEAT="${BENCH_REPEAT:-20}"
RUN=$(date +%s)

bench_db
start_backend
read -r STORE ADMIN < <(curl -fs -X POST "$BASE/api/v1/auth/signup" -H 'Content-Type: application/json' \
  -d "{\"storeName\":\"Stats bench $RUN\",\"name\":\"Bench Admin\",\"email\":\"stats-admin-$RUN@bench.harbor-crm.dev\",\"password\":\"bench-password\",\"timeZone\":\"Asia/Shanghai\"}" \
  | json 'd["store"]["id"], d["token"]')
for i in $(seq 1 "$REPS"); do add_rep "$ADMIN" "stats-rep$i-$RUN@bench.harbor-crm.dev" >/dev/null; done
REP=$(login "stats-rep1-$RUN@bench.harbor-crm.dev")

echo "[bench] generating $CUSTOMERS customers and their history in store $STORE"
gen_start=$(date +%s)
nice -n 19 psql -h 127.0.0.1 -U harbor -d "$BENCH_DB" -v ON_ERROR_STOP=1 -q -v store="$STORE" -v customers="$CUSTOMERS" \
  -f "$BENCH_ROOT/bench/stats/generate.sql"
gen_s=$(( $(date +%s) - gen_start ))

# call LABEL TOKEN PATH -> "LABEL p50 p95 max" over REPEAT calls (after one warm-up call)
call() {
  local label=$1 token=$2 path=$3
  curl -fs -o /dev/null -H "Authorization: Bearer $token" "$BASE$path"
  for _ in $(seq 1 "$REPEAT"); do
    curl -fs -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $token" "$BASE$path"
  done | sort -n | awk -v label="$label" '{a[NR]=$1*1000} END {
    p50=a[int((NR+1)/2)]; i=int(NR*0.95+0.5); if (i<1) i=1; if (i>NR) i=NR;
    printf "%-44s p50 %6.0f ms   p95 %6.0f ms   max %6.0f ms\n", label, p50, a[i], a[NR]}'
}

TODAY=$(TZ=Asia/Shanghai date +%F)
YEAR_FROM=$(TZ=Asia/Shanghai date -d "$(TZ=Asia/Shanghai date +%Y-%m-01) -11 months" +%F)
MONTH_FROM=$(TZ=Asia/Shanghai date -d "$TODAY -29 days" +%F)
TWO_YEARS_FROM=$(TZ=Asia/Shanghai date -d "$TODAY -2 years" +%F)
Y="from=$YEAR_FROM&to=$TODAY"
M="from=$MONTH_FROM&to=$TODAY"

RESULT="$OUT/stats-$(date -u +%Y%m%dT%H%M).txt"
{
  machine
  echo "store $STORE (Asia/Shanghai): $("${PSQL[@]}" -c "select count(*) from customers where store_id = $STORE") customers, $("${PSQL[@]}" -c "select count(*) from customer_events where store_id = $STORE") events, $("${PSQL[@]}" -c "select count(*) from follow_ups where store_id = $STORE") follow-ups, $REPS reps; generated in ${gen_s}s"
  echo "load before: $(uptime | sed 's/.*load average/load average/')"
  echo "each line: $REPEAT calls after a warm-up; 12 months = $YEAR_FROM..$TODAY, 30 days = $MONTH_FROM..$TODAY"
  call "churn by month, 12 months (manager)" "$ADMIN" "/api/v1/stats/churn?$Y"
  call "churn by rep, 12 months (manager)" "$ADMIN" "/api/v1/stats/churn?groupBy=rep&$Y"
  call "churn by source, 12 months (manager)" "$ADMIN" "/api/v1/stats/churn?groupBy=source&$Y"
  call "churn by stage, 12 months (manager)" "$ADMIN" "/api/v1/stats/churn?groupBy=stage&$Y"
  call "churn by month, 30 days (manager)" "$ADMIN" "/api/v1/stats/churn?$M"
  call "churn by month, 2 years (manager)" "$ADMIN" "/api/v1/stats/churn?from=$TWO_YEARS_FROM&to=$TODAY"
  call "funnel, 12 months (manager)" "$ADMIN" "/api/v1/stats/funnel?$Y"
  call "funnel, 30 days (manager)" "$ADMIN" "/api/v1/stats/funnel?$M"
  call "reps, 12 months (manager)" "$ADMIN" "/api/v1/stats/reps?$Y"
  call "reps, 30 days (manager)" "$ADMIN" "/api/v1/stats/reps?$M"
  call "churn by month, 12 months (rep: own)" "$REP" "/api/v1/stats/churn?$Y"
  call "funnel, 12 months (rep: own)" "$REP" "/api/v1/stats/funnel?$Y"
  call "reps, 12 months (rep: own)" "$REP" "/api/v1/stats/reps?$Y"
  echo "load after: $(uptime | sed 's/.*load average/load average/')"
  echo "churn by month, 12 months, answer totals: $(curl -fs -H "Authorization: Bearer $ADMIN" "$BASE/api/v1/stats/churn?$Y" | json 'd["totals"]')"
} | tee "$RESULT"
echo "[bench] written to $RESULT"
