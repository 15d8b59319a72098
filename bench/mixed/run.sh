#!/usr/bin/env bash
# Mixed workload (issue 10 item 3, see workload.sh), concurrency 32, 5 minutes after a warm-up. Prints throughput,
# latency, errors, the backend's CPU per request and its RSS after the run (MIXED_CLIENT=java: p95 per operation).
#   BENCH_DB=... bench/mixed/run.sh                    # 5 minutes
#   MIXED_SECONDS=30 BENCH_DB=... bench/mixed/run.sh   # a short check
# Writes: follow-ups, claims (the admin's private-customer and daily limits soon make most claims "failed" entries
# of a 200) and new pool customers from inquiries land in the data set.
source "$(dirname "$0")/../lib.sh"
source "$(dirname "$0")/workload.sh"
SECONDS_TO_RUN="${MIXED_SECONDS:-300}"
CONCURRENCY="${MIXED_CONCURRENCY:-32}"

bench_db
start_backend
mixed_workload
RESULT="$OUT/mixed-$(date -u +%Y%m%dT%H%M).txt"
# The load generator: wrk (default) or MIXED_CLIENT=java, bench/LoadTest.java, which prints percentiles per operation
# but, as a JVM on the same two cores, takes CPU from the backend it measures.
CLIENT="${MIXED_CLIENT:-wrk}"
{
  machine
  echo "mixed workload on store $STORE ($(wc -l < "$IDS") customers), concurrency $CONCURRENCY, ${SECONDS_TO_RUN}s, client $CLIENT; load before: $(uptime | sed 's/.*load average: //')"
  if [ "$CLIENT" = java ]; then
    BACKEND_PID=$BACKEND_PID java "$BENCH_ROOT/bench/LoadTest.java" "$BASE" "$TOKEN" "$CONCURRENCY" "$SECONDS_TO_RUN" "${WORKLOAD[@]}"
  else
    OPS="$OUT/mixed-workload.txt"
    printf '%s\n' "${WORKLOAD[@]}" > "$OPS"
    mixed_wrk() {   # mixed_wrk SECONDS: one wrk run of the workload; sets LINE and JIT_SECONDS
      WRK_WORKLOAD="$OPS" WRK_TOKEN="$TOKEN" wrk_measure mixed.lua "$CONCURRENCY" "$1"
      LINE="$WRK_LINE"
    }
    # Warm-up: rounds of 30 s until the JIT's compiler threads use less than 2 s in one (at most MIXED_WARM_ROUNDS).
    for round in $(seq 1 "${MIXED_WARM_ROUNDS:-8}"); do
      mixed_wrk 30
      echo "warm-up round $round: $LINE"
      [ "$(echo "$JIT_SECONDS < 2" | bc)" = 1 ] && break
    done
    mixed_wrk "$SECONDS_TO_RUN"
    echo "measured: $LINE"
    echo "backend RSS after the run: $(awk '/VmRSS/ {printf "%d MB", $2 / 1024}' "/proc/$BACKEND_PID/status")"
  fi
  echo "load after: $(uptime | sed 's/.*load average: //')"
} | tee "$RESULT"
echo "[bench] written to $RESULT"
