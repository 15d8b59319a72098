#!/usr/bin/env bash
# Export benchmark alone: GET /exports/customers.csv (issue 6 target: 1,000,000 rows <= 10 s) and
# GET /exports/customers.xlsx (issue 18 target: <= 20 s) of the customers benchmark's million-customer store
# (bench/customers/run.sh data makes it), each timed end to end twice, with the CPU seconds of the backend and of
# its PostgreSQL sessions, the rows and the bytes.
#   BENCH_DB=... [FORMATS="csv xlsx"] bench/import/export.sh
source "$(dirname "$0")/../lib.sh"
MAIN_EMAIL="bench-main@bench.harbor-crm.dev"
bench_db
start_backend
TOKEN=$(login "$MAIN_EMAIL")
RESULT="$OUT/export-$(date -u +%Y%m%dT%H%M).txt"
{
  machine
  echo "load before: $(uptime | sed 's/.*load average: //')"
  for format in ${FORMATS:-csv xlsx}; do
  FILE="$OUT/export-customers.$format"
  for run in 1 2; do   # the first warms the JVM and the cache up
    JAVA_CPU0=$(java_cpu); PG_CPU0=$(pg_cpu)
    T0=$(date +%s.%N)
    curl -fs "$BASE/api/v1/exports/customers.$format" -H "Authorization: Bearer $TOKEN" -o "$FILE"
    EXPORT_S=$(echo "$(date +%s.%N) - $T0" | bc)
    echo "$format export $run: $("${PSQL[@]}" -c "select count(*) from customers c join login_identities l on l.store_id = c.store_id where l.email = '$MAIN_EMAIL'") customers, $(du -h "$FILE" | cut -f1) in ${EXPORT_S}s; CPU: backend $(echo "$(java_cpu) - $JAVA_CPU0" | bc)s, PostgreSQL sessions $(echo "$(pg_cpu) - $PG_CPU0" | bc)s; backend RSS after $(ps -o rss= -p "$BACKEND_PID" | awk '{printf "%d MB", $1/1024}')"
  done
  done
  echo "load after: $(uptime | sed 's/.*load average: //')"
} | tee "$RESULT"
