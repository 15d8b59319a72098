#!/usr/bin/env bash
# Spreadsheet import pace (issue 18 target: an .xlsx imports within 1.5x the CSV pace): the export benchmark's
# files of the million-customer store (bench/import/export.sh writes bench/out/export-customers.{csv,xlsx}) are
# imported, each into a fresh store of its own, and timed from upload to DONE, with the backend's CPU.
#   BENCH_DB=... bench/import/xlsx-pace.sh
source "$(dirname "$0")/../lib.sh"
export BENCH_JAVA_OPTS="${BENCH_JAVA_OPTS:--Xmx1g -Dharbor.io.max-upload-size=400M -Dharbor.io.max-rows=1100000}"
for f in csv xlsx; do [ -f "$OUT/export-customers.$f" ] || { echo "run bench/import/export.sh first" >&2; exit 1; }; done
bench_db
start_backend
RESULT="$OUT/xlsx-pace-$(date -u +%Y%m%dT%H%M).txt"
{
  machine
  echo "load before: $(uptime | sed 's/.*load average: //')"
  for f in csv xlsx; do
    read -r _store token < <(signup "Pace $f $(date +%s%N)" "pace-$f-$(date +%s%N)@bench.harbor-crm.dev")
    JAVA_CPU0=$(java_cpu); T0=$(date +%s.%N)
    id=$(curl -fs -X POST "$BASE/api/v1/imports" -H "Authorization: Bearer $token" \
      -F "file=@$OUT/export-customers.$f;filename=customers.$f" -F duplicatePolicy=CREATE | json 'd["id"]')
    while :; do
      job=$(curl -fs "$BASE/api/v1/imports/$id" -H "Authorization: Bearer $token")
      status=$(echo "$job" | json 'd["status"]')
      [ "$status" = DONE ] || [ "$status" = FAILED ] && break
      sleep 1
    done
    S=$(echo "$(date +%s.%N) - $T0" | bc)
    echo "$f import: $status, $(echo "$job" | json 'd["created"]') created, $(echo "$job" | json 'd["rejected"]') refused in ${S}s ($(du -h "$OUT/export-customers.$f" | cut -f1)); CPU backend $(echo "$(java_cpu) - $JAVA_CPU0" | bc)s"
  done
  echo "load after: $(uptime | sed 's/.*load average: //')"
} | tee "$RESULT"
