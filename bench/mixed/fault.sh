#!/usr/bin/env bash
# Fault under load (issue 10 item 4): the mixed workload (workload.sh) runs at concurrency 32 while its PostgreSQL
# is stopped (fast shutdown: sessions killed mid-transaction) and started again. Checks, from one line per request:
#   - no error before the stop;
#   - while the database is down, every request answers 2xx or 503 (never another error) and none hangs
#     (slowest answer printed; > 10 s counts as a hang);
#   - it recovers by itself: the first 2xx after the start and zero errors from a few seconds after it;
#   - every write acknowledged (2xx) before, during or after the fault is in the database afterwards.
# It must stop its database, so it only runs on a private cluster, never the shared server:
#   BENCH_PGDATA=/var/tmp/harbor-bench-pg BENCH_PG_PORT=25433 BENCH_DB=harbor_bench_perf bench/mixed/fault.sh
source "$(dirname "$0")/../lib.sh"
source "$(dirname "$0")/workload.sh"
[ -n "${BENCH_PGDATA:-}" ] || { echo "fault.sh stops its database: set BENCH_PGDATA (a private cluster) and BENCH_PG_PORT" >&2; exit 1; }
SECONDS_TO_RUN="${FAULT_SECONDS:-150}"
STOP_AFTER="${FAULT_STOP_AFTER:-50}"
DOWN_FOR="${FAULT_DOWN_SECONDS:-20}"
CONCURRENCY="${MIXED_CONCURRENCY:-32}"

bench_db
start_backend
mixed_workload
trap 'kill $BACKEND_PID 2>/dev/null || true; bench_pg >/dev/null 2>&1 || true' EXIT   # never leave it stopped
STAMP=$(date -u +%Y%m%dT%H%M)
TIMELINE_FILE="$OUT/fault-timeline-$STAMP.txt"
RESULT="$OUT/fault-$STAMP.txt"
{
  machine
  echo "fault under the mixed workload on store $STORE, concurrency $CONCURRENCY, ${SECONDS_TO_RUN}s; PostgreSQL stopped at ${STOP_AFTER}s for ${DOWN_FOR}s; load before: $(uptime | sed 's/.*load average: //')"
  TIMELINE="$TIMELINE_FILE" BACKEND_PID=$BACKEND_PID java "$BENCH_ROOT/bench/LoadTest.java" "$BASE" "$TOKEN" \
    "$CONCURRENCY" "$SECONDS_TO_RUN" "${WORKLOAD[@]}" &
  LOAD_PID=$!
  sleep "$STOP_AFTER"
  STOPPED_AT=$(date +%s%3N)
  bench_pg stop
  DOWN_AT=$(date +%s%3N)
  echo "database stop requested at $STOPPED_AT, down at $DOWN_AT (fast shutdown took $((DOWN_AT - STOPPED_AT)) ms)"
  sleep "$DOWN_FOR"
  bench_pg >/dev/null 2>&1 &
  until pg_isready -q -h 127.0.0.1 -p "$BENCH_PG_PORT" -t 1; do sleep 0.1; done
  UP_AT=$(date +%s%3N)
  echo "database accepting connections at $UP_AT, $(( (UP_AT - DOWN_AT) / 1000 )) s after it went down"
  wait $LOAD_PID
  echo "load after: $(uptime | sed 's/.*load average: //')"
  echo "unexpected errors (500) in the backend log $BACKEND_LOG: $(grep -c 'Unexpected error' "$BACKEND_LOG" || true)"
  grep -A12 -m3 'Unexpected error' "$BACKEND_LOG" | grep -E 'Unexpected error|Exception|Caused by' | head -12 || true
  ACKED_FOLLOW_UPS=$(awk '$3 == "follow_up" && $5 != "" {print $5}' "$TIMELINE_FILE" | paste -sd,)
  ACKED_INQUIRIES=$(awk '$3 == "inquiry" && $5 != "" {print $5}' "$TIMELINE_FILE" | paste -sd,)
  FOUND_FOLLOW_UPS=$("${PSQL[@]}" -c "select count(*) from follow_ups where id = any('{${ACKED_FOLLOW_UPS}}'::bigint[])")
  FOUND_INQUIRIES=$("${PSQL[@]}" -c "select count(*) from inquiries where id = any('{${ACKED_INQUIRIES}}'::bigint[])")
  python3 - "$TIMELINE_FILE" "$STOPPED_AT" "$DOWN_AT" "$UP_AT" "$FOUND_FOLLOW_UPS" "$FOUND_INQUIRIES" <<'PY'
import collections, sys
timeline, stopped, down, started, found_follow_ups, found_inquiries = sys.argv[1], *map(int, sys.argv[2:])
rows = [line.split() for line in open(timeline)]
rows = [(int(r[0]), int(r[1]), r[2], int(r[3]), r[4] if len(r) > 4 else None) for r in rows]
ok = lambda status: 200 <= status < 300
before = [r for r in rows if r[1] < stopped]
# A request counts as "in the outage" if any part of it overlaps the time from the stop request until the database
# accepts connections again.
outage = [r for r in rows if r[1] >= stopped and r[0] <= started]
after = [r for r in rows if r[0] > started]
while_down = [r for r in rows if down <= r[0] < started]
first_ok = min((r[1] for r in after if ok(r[3])), default=None)
settled = [r for r in after if r[0] > started + 5000]
results = []
def check(name, passed, detail):
    results.append(passed)
    print(f"{'PASS' if passed else 'FAIL'}  {name}: {detail}")
print(f"requests: {len(rows)} ({len(before)} before the stop, {len(outage)} overlapping the outage, {len(after)} after the start)")
print("statuses overlapping the outage:", dict(collections.Counter(r[3] for r in outage)))
check("no error before the stop", all(ok(r[3]) for r in before), f"{sum(not ok(r[3]) for r in before)} errors")
check("while down, every answer is 2xx or 503", all(ok(r[3]) or r[3] == 503 for r in outage),
      f"{sum(r[3] == 503 for r in outage)} x 503, others: {[r[3] for r in outage if not ok(r[3]) and r[3] != 503][:10]}")
failed = sorted(r[1] - r[0] for r in outage if not ok(r[3]))
check("errors come promptly (slowest 503 <= 10 s)", not failed or failed[-1] <= 10_000,
      f"503 answered in median {failed[len(failed) // 2] if failed else 0} ms, slowest {failed[-1] if failed else 0} ms")
slowest = max((r[1] - r[0] for r in while_down), default=0)
check("nothing hangs: every request begun while the database was down is answered within 10 s",
      bool(while_down) and slowest <= 10_000, f"{len(while_down)} begun while down, slowest {slowest} ms, statuses {dict(collections.Counter(r[3] for r in while_down))}")
check("recovers by itself", first_ok is not None, f"first 2xx {None if first_ok is None else first_ok - started} ms after the start")
check("no error from 5 s after the start", all(ok(r[3]) for r in settled), f"{sum(not ok(r[3]) for r in settled)} errors of {len(settled)}")
for name, found in (("follow_up", found_follow_ups), ("inquiry", found_inquiries)):
    acked = [r for r in rows if r[2] == name and r[4]]
    during = sum(1 for r in acked if r[1] >= stopped and r[0] <= started)
    check(f"every acknowledged {name} is in the database", found == len(acked),
          f"{found} of {len(acked)} acknowledged ({during} of them overlapping the outage)")
sys.exit(0 if all(results) else 1)
PY
} 2>&1 | tee "$RESULT" && status=0 || status=$?
echo "[bench] written to $RESULT"
exit "$status"
