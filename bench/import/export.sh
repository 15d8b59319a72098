#!/usr/bin/env bash
# Export benchmark alone (issue 6 target: 1,000,000 rows <= 10 s): GET /exports/customers.csv of the customers
# benchmark's million-customer store (bench/customers/run.sh data makes it), timed end to end, with the CPU
# seconds of the backend and of its PostgreSQL sessions, the rows and the bytes.
#   BENCH_DB=... bench/import/export.sh
source "$(dirname "$0")/../lib.sh"
MAIN_EMAIL="bench-main@bench.harbor-crm.dev"
bench_db
start_backend
TOKEN=$(login "$MAIN_EMAIL")
FILE="$OUT/export-customers.csv"
RESULT="$OUT/export-$(date -u +%Y%m%dT%H%M).txt"
{
  machine
  echo "load before: $(uptime | sed 's/.*load average: //')"
  for run in 1 2; do   # the first warms the JVM and the cache up
    JAVA_CPU0=$(java_cpu); PG_CPU0=$(pg_cpu)
    T0=$(date +%s.%N)
    curl -fs "$BASE/api/v1/exports/customers.csv" -H "Authorization: Bearer $TOKEN" -o "$FILE"
    EXPORT_S=$(echo "$(date +%s.%N) - $T0" | bc)
    echo "export $run: $("${PSQL[@]}" -c "select count(*) from customers c join login_identities l on l.store_id = c.store_id where l.email = '$MAIN_EMAIL'") customers, $(du -h "$FILE" | cut -f1) in ${EXPORT_S}s; CPU: backend $(echo "$(java_cpu) - $JAVA_CPU0" | bc)s, PostgreSQL sessions $(echo "$(pg_cpu) - $PG_CPU0" | bc)s"
  done
  echo "load after: $(uptime | sed 's/.*load average: //')"
} | tee "$RESULT"
