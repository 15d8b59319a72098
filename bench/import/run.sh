#!/usr/bin/env bash
# Import benchmark (issue 6 targets), through the API on a private backend:
#   a generated 1,048,576-row file, upload to DONE            <= 60 s   (and its ratio to psql \copy of the rows)
#   heap growth during the import                              <= 150 MB
#   search caught up (searchReadyAt) after DONE                 <= 60 s   (issue 21)
#   export of the imported rows                                <= 10 s   (1,000,000 rows)
# BENCH_ROWS changes the row count; FRESH=0 keeps the database of an earlier run.
export BENCH_DB="${BENCH_DB:-harbor_bench_csv}" BENCH_PORT="${BENCH_PORT:-18092}" FRESH="${FRESH:-1}"
source "$(dirname "$0")/../lib.sh"
ROWS="${BENCH_ROWS:-1048576}"
RUN=$(date +%s)
FILE="$OUT/import-$ROWS.csv"
# The file of a million rows is about 150 MB; room to spare above it.
export BENCH_JAVA_OPTS="${BENCH_JAVA_OPTS:--Xmx1g -Dharbor.io.max-upload-size=400M -Dharbor.io.max-rows=$ROWS}"

[ -s "$FILE" ] || { echo "[bench] generating $ROWS rows into $FILE"; nice python3 "$(dirname "$0")/generate.py" "$ROWS" "$FILE"; }
echo "[bench] file: $(du -h "$FILE" | cut -f1), $(($(wc -l < "$FILE") - 1)) rows"
bench_db
start_backend
read -r STORE ADMIN < <(signup "Import bench $RUN" "import-admin-$RUN@bench.harbor-crm.dev")
curl -fs -X POST "$BASE/api/v1/tags" -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' \
  -d '{"name":"VIP","color":"#123456"}' >/dev/null
echo "[bench] $(machine)"
echo "[bench] load before: $(uptime | sed 's/.*load average/load average/')"

# Baseline: psql \copy of the same rows into a bare table (no indexes, no checks).
"${PSQL[@]}" -c "drop table if exists bench_copy; create unlogged table bench_copy (name text, company text, email text,
  phone text, mobile text, country text, city text, address text, products text, position text, stage text, stars text,
  wechat text, tags text)"
T0=$(date +%s.%N)
"${PSQL[@]}" -c "\\copy bench_copy from '$FILE' with (format csv, header true)"
COPY_S=$(echo "$(date +%s.%N) - $T0" | bc)
"${PSQL[@]}" -c "drop table bench_copy"
echo "[bench] psql \\copy: ${COPY_S}s"

jcmd "$BACKEND_PID" GC.run >/dev/null 2>&1 || true
sleep 1
# Heap in use (MB) from the backend's own metrics: a curl every half second costs next to nothing, where jstat
# started a JVM each time (half a core of the two, taken from the import it measured).
heap_used() {
  curl -fs "$BASE/q/metrics" | awk '/^jvm_memory_used_bytes\{area="heap"/ {s += $NF} END {printf "%d", s / 1048576}'
}
HEAP0=$(heap_used)
HEAP_PEAK=$HEAP0
JAVA_CPU0=$(java_cpu); PG_CPU0=$(pg_cpu)
T0=$(date +%s.%N)
JOB=$(curl -fs -X POST "$BASE/api/v1/imports" -H "Authorization: Bearer $ADMIN" -F "file=@$FILE;type=text/csv" \
  | json 'd["id"]')
UPLOADED=$(echo "$(date +%s.%N) - $T0" | bc)
while true; do
  STATUS=$(curl -fs "$BASE/api/v1/imports/$JOB" -H "Authorization: Bearer $ADMIN")
  S=$(echo "$STATUS" | json 'd["status"]')
  H=$(heap_used); [ "$H" -gt "$HEAP_PEAK" ] && HEAP_PEAK=$H
  [ "$S" = DONE ] || [ "$S" = FAILED ] && break
  sleep 0.5
done
IMPORT_S=$(echo "$(date +%s.%N) - $T0" | bc)
JAVA_CPU=$(echo "$(java_cpu) - $JAVA_CPU0" | bc); PG_CPU=$(echo "$(pg_cpu) - $PG_CPU0" | bc)
echo "$STATUS" > "$OUT/import-job.json"
RSS_PEAK=$(awk '/VmHWM/ {printf "%d", $2/1024}' "/proc/$BACKEND_PID/status")
echo "[bench] job: $(echo "$STATUS" | json 'd["status"], d["created"], d["rejected"], d["skipped"], d["failure"]')"
echo "[bench] import upload->DONE: ${IMPORT_S}s (upload alone ${UPLOADED}s); ratio to \\copy: $(echo "scale=1; $IMPORT_S / $COPY_S" | bc)"
echo "[bench] import CPU: backend ${JAVA_CPU}s, its PostgreSQL sessions ${PG_CPU}s (pooled sessions that existed before the job)"
echo "[bench] heap used: baseline ${HEAP0} MB, peak ${HEAP_PEAK} MB, growth $((HEAP_PEAK - HEAP0)) MB; peak RSS ${RSS_PEAK} MB"
echo "[bench] load after import: $(uptime | sed 's/.*load average/load average/')"

# The new customers' search rows are written after the job's commit (V93, io/ImportSearch): until searchReadyAt.
T1=$(date +%s.%N)
while [ "$(echo "$STATUS" | json 'd.get("searchReadyAt") or ""')" = "" ] && [ "$S" = DONE ]; do
  sleep 0.5
  STATUS=$(curl -fs "$BASE/api/v1/imports/$JOB" -H "Authorization: Bearer $ADMIN")
done
SEARCH_S=$(echo "$(date +%s.%N) - $T1" | bc)
echo "[bench] search caught up ${SEARCH_S}s after DONE (finishedAt $(echo "$STATUS" | json 'd["finishedAt"]'), searchReadyAt $(echo "$STATUS" | json 'd.get("searchReadyAt")'))"
grep -a "search caught up with" "$BACKEND_LOG" | tail -1 || true
echo "[bench] load after search: $(uptime | sed 's/.*load average/load average/')"

JAVA_CPU0=$(java_cpu); PG_CPU0=$(pg_cpu)
T0=$(date +%s.%N)
curl -fs "$BASE/api/v1/exports/customers.csv" -H "Authorization: Bearer $ADMIN" -o "$OUT/export.csv"
EXPORT_S=$(echo "$(date +%s.%N) - $T0" | bc)
echo "[bench] export CPU: backend $(echo "$(java_cpu) - $JAVA_CPU0" | bc)s, PostgreSQL sessions $(echo "$(pg_cpu) - $PG_CPU0" | bc)s"
echo "[bench] export: $(($(wc -l < "$OUT/export.csv") - 1)) lines (records may span lines), $(du -h "$OUT/export.csv" | cut -f1) in ${EXPORT_S}s"
echo "[bench] load after export: $(uptime | sed 's/.*load average/load average/')"
