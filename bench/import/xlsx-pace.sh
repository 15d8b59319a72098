#!/usr/bin/env bash
# Spreadsheet import pace (issue 18 target: an .xlsx imports within 1.5x the CSV pace): the same customers as CSV
# and as .xlsx, both written by Harbor's export (so the same columns and cells), are imported, each into a fresh
# store of its own, and timed from upload to DONE, with the backend's CPU.
#   BENCH_DB=... bench/import/xlsx-pace.sh            the million-customer export files of bench/import/export.sh
#   BENCH_DB=... ROWS=200000 bench/import/xlsx-pace.sh  files of ROWS generated customers (generate.py), exported
#                                                      from a store seeded by importing them (pace is per row)
source "$(dirname "$0")/../lib.sh"
export BENCH_JAVA_OPTS="${BENCH_JAVA_OPTS:--Xmx1g -Dharbor.io.max-upload-size=400M -Dharbor.io.max-rows=1100000}"
PREFIX="export-customers"
[ -n "${ROWS:-}" ] && PREFIX="pace-$ROWS"
bench_db
start_backend

# import_file TOKEN FILE -> waits for the job, prints "status created rejected"
import_file() {
  local id job status
  id=$(curl -fs -X POST "$BASE/api/v1/imports" -H "Authorization: Bearer $1" \
    -F "file=@$2;filename=customers.${2##*.}" -F duplicatePolicy=CREATE | json 'd["id"]')
  while :; do
    job=$(curl -fs "$BASE/api/v1/imports/$id" -H "Authorization: Bearer $1")
    status=$(echo "$job" | json 'd["status"]')
    [ "$status" = DONE ] || [ "$status" = FAILED ] && break
    sleep 1
  done
  echo "$status $(echo "$job" | json 'd["created"]') $(echo "$job" | json 'd["rejected"]')"
}

if [ -n "${ROWS:-}" ] && { [ ! -f "$OUT/$PREFIX.csv" ] || [ ! -f "$OUT/$PREFIX.xlsx" ]; }; then
  "$BENCH_PYTHON" "$(dirname "$0")/generate.py" "$ROWS" "$OUT/$PREFIX-source.csv"
  read -r _store seed < <(signup "Pace seed $(date +%s%N)" "pace-seed-$(date +%s%N)@bench.harbor-crm.dev")
  echo "seed import: $(import_file "$seed" "$OUT/$PREFIX-source.csv")"
  for f in csv xlsx; do   # timed too: the export of the same store in both formats
    JAVA_CPU0=$(java_cpu); T0=$(date +%s.%N)
    curl -fs "$BASE/api/v1/exports/customers.$f" -H "Authorization: Bearer $seed" -o "$OUT/$PREFIX.$f"
    echo "seed $f export: $(du -h "$OUT/$PREFIX.$f" | cut -f1) in $(echo "$(date +%s.%N) - $T0" | bc)s; CPU backend $(echo "$(java_cpu) - $JAVA_CPU0" | bc)s"
  done
fi
for f in csv xlsx; do [ -f "$OUT/$PREFIX.$f" ] || { echo "run bench/import/export.sh first, or set ROWS" >&2; exit 1; }; done
RESULT="$OUT/xlsx-pace-$(date -u +%Y%m%dT%H%M).txt"
{
  machine
  echo "rows: $(($(wc -l < "$OUT/$PREFIX.csv") - 1)) (CSV lines less the header)"
  echo "load before: $(uptime | sed 's/.*load average: //')"
  for f in csv xlsx; do
    read -r _store token < <(signup "Pace $f $(date +%s%N)" "pace-$f-$(date +%s%N)@bench.harbor-crm.dev")
    JAVA_CPU0=$(java_cpu); T0=$(date +%s.%N)
    read -r status created rejected < <(import_file "$token" "$OUT/$PREFIX.$f")
    S=$(echo "$(date +%s.%N) - $T0" | bc)
    echo "$f import: $status, $created created, $rejected refused in ${S}s ($(du -h "$OUT/$PREFIX.$f" | cut -f1)); CPU backend $(echo "$(java_cpu) - $JAVA_CPU0" | bc)s"
  done
  echo "load after: $(uptime | sed 's/.*load average: //')"
} | tee "$RESULT"
