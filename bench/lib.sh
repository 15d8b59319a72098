# Shared helpers for the benchmark scripts: a private backend on its own database and port.
set -euo pipefail
BENCH_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH_DB="${BENCH_DB:-harbor_bench}"
BENCH_PORT="${BENCH_PORT:-18090}"
# The PostgreSQL the benchmark runs on: the shared server on 5432, or, with BENCH_PGDATA set, a private cluster in
# that folder on BENCH_PG_PORT (the fault benchmark stops and starts its database, never the shared one).
BENCH_PG_PORT="${BENCH_PG_PORT:-5432}"
BASE="http://127.0.0.1:$BENCH_PORT"
OUT="$BENCH_ROOT/bench/out"
mkdir -p "$OUT"
PSQL=(psql -h 127.0.0.1 -p "$BENCH_PG_PORT" -U harbor -d "$BENCH_DB" -v ON_ERROR_STOP=1 -qAt)
SUPER_PSQL=(psql -h 127.0.0.1 -p "$BENCH_PG_PORT" -U postgres -d postgres)
if [ -n "${BENCH_PGDATA:-}" ]; then SUPER_PSQL[6]=$( [ "$(id -u)" = 0 ] && echo postgres || id -un); fi

# bench_pg [stop]: the benchmark's PostgreSQL reachable (or, for a private cluster, stopped)
# A private cluster is started with settings sized for this machine's 24 GiB as a production server would be (the
# shared server runs Debian's defaults: 128 MB of shared buffers, a tenth of the million-customer indexes);
# BENCH_PG_OPTS replaces them.
BENCH_PG_OPTS="${BENCH_PG_OPTS:--c shared_buffers=6GB -c effective_cache_size=16GB -c max_wal_size=16GB -c checkpoint_timeout=30min -c maintenance_work_mem=1GB}"
bench_pg() {
  if [ -n "${BENCH_PGDATA:-}" ]; then
    HARBOR_PGDATA="$BENCH_PGDATA" HARBOR_PG_PORT="$BENCH_PG_PORT" HARBOR_PG_OPTS="$BENCH_PG_OPTS" \
      "$BENCH_ROOT/scripts/ensure-db.sh" "$@"
  else
    [ "${1:-}" != stop ] || { echo "bench_pg stop needs BENCH_PGDATA (a private cluster)" >&2; return 1; }
    "$BENCH_ROOT/scripts/ensure-db.sh"
  fi
}

bench_db() {
  # A private cluster already running is used as it is (ensure-db.sh would refuse its taken port).
  if [ -z "${BENCH_PGDATA:-}" ] || ! pg_isready -q -h 127.0.0.1 -p "$BENCH_PG_PORT" -t 1; then bench_pg; fi
  if [ "${FRESH:-0}" = 1 ]; then
    "${SUPER_PSQL[@]}" -qc "drop database if exists $BENCH_DB" >/dev/null
  fi
  if [ "$("${SUPER_PSQL[@]}" -qAtc "select 1 from pg_database where datname = '$BENCH_DB'")" != 1 ]; then
    "${SUPER_PSQL[@]}" -qc "create database $BENCH_DB owner harbor" >/dev/null
  fi
}

start_backend() {
  "$BENCH_ROOT/scripts/dev-keys.sh"
  local jar="$BENCH_ROOT/backend/target/quarkus-app/quarkus-run.jar"
  # One log per script and run, kept: a failure found afterwards can still be looked up.
  BACKEND_LOG="$OUT/backend-$(basename "$0" .sh)-$(date -u +%Y%m%dT%H%M%S).log"
  [ -f "$jar" ] || (cd "$BENCH_ROOT/backend" && mvn -B -q package -DskipTests)
  # Another checkout's backend on this port would answer the readiness check below, and the script would then
  # sign up and measure against someone else's database: pick a free BENCH_PORT instead.
  if (exec 3<>"/dev/tcp/127.0.0.1/$BENCH_PORT") 2>/dev/null; then
    echo "port $BENCH_PORT is already in use: set BENCH_PORT to a free port" >&2
    exit 1
  fi
  (cd "$BENCH_ROOT/backend" && exec java ${BENCH_JAVA_OPTS:--Xmx1g} -Dquarkus.http.port="$BENCH_PORT" \
      -Dquarkus.datasource.jdbc.url="jdbc:postgresql://127.0.0.1:$BENCH_PG_PORT/$BENCH_DB" \
      -Dquarkus.datasource.jdbc.max-size=32 -Dquarkus.log.level=WARN -Dharbor.pool.sweep-interval=off -jar "$jar") > "$BACKEND_LOG" 2>&1 &
  BACKEND_PID=$!
  trap 'kill $BACKEND_PID 2>/dev/null || true' EXIT
  # Generous: migrations run at start and may rewrite millions of rows.
  for _ in $(seq 1 900); do
    curl -fs "$BASE/q/health/ready" >/dev/null 2>&1 && return 0
    kill -0 $BACKEND_PID 2>/dev/null || { echo "backend exited: see $BACKEND_LOG" >&2; exit 1; }
    sleep 1
  done
  echo "backend did not become ready: see $BACKEND_LOG" >&2
  exit 1
}

# Debian's python3 where there is one: a pyenv shim costs ~0.5 s a call, minutes over the 1,000-page cursor walk.
BENCH_PYTHON=$([ -x /usr/bin/python3 ] && echo /usr/bin/python3 || command -v python3)
json() { "$BENCH_PYTHON" -c "import json,sys; d=json.load(sys.stdin); print($1)"; }

# signup STORE_NAME EMAIL -> prints "storeId token"
signup() {
  curl -fs -X POST "$BASE/api/v1/auth/signup" -H 'Content-Type: application/json' \
    -d "{\"storeName\":\"$1\",\"name\":\"Bench Admin\",\"email\":\"$2\",\"password\":\"bench-password\"}" \
    | json 'd["store"]["id"], d["token"]'
}

login() {
  curl -fs -X POST "$BASE/api/v1/auth/login" -H 'Content-Type: application/json' \
    -d "{\"email\":\"$1\",\"password\":\"bench-password\"}" | json 'd["token"]'
}

# add_rep TOKEN EMAIL -> prints the user id
add_rep() {
  curl -fs -X POST "$BASE/api/v1/users" -H 'Content-Type: application/json' -H "Authorization: Bearer $1" \
    -d "{\"name\":\"Bench Rep\",\"email\":\"$2\",\"password\":\"bench-password\",\"role\":\"REP\"}" | json 'd["id"]'
}

# p95 of a pgbench per-transaction log (3rd column: latency in microseconds), in ms
pgbench_p95() {
  cat "$@" | awk '{print $3}' | sort -n | awk '{a[NR]=$1} END {i=int(NR*0.95); if (i<1) i=1; printf "%.2f", a[i]/1000}'
}

machine() {
  echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(lscpu | sed -n 's/Model name: *//p' | head -1); PostgreSQL $("${PSQL[@]}" -c 'show server_version') (shared_buffers $("${PSQL[@]}" -c 'show shared_buffers'), max_wal_size $("${PSQL[@]}" -c 'show max_wal_size')); $(java -version 2>&1 | head -1); $(date -u +%Y-%m-%dT%H:%MZ)"
}

# race_checks STORE IDS_FILE: after racing claims of these customers, prints the invariants (zero double owners)
race_checks() {
  "${PSQL[@]}" <<SQL
select 'raced customers now owned: ' || count(*) filter (where c.owner_id is not null) || ' of ' || count(*)
  from customer_owners c where c.store_id = $1 and c.customer_id in ($(paste -sd, "$2"));
select 'customers with more than one CLAIMED event (must be 0): ' || count(*) from (
  select customer_id from customer_events where store_id = $1 and data->>'kind' = 'CLAIMED'
  group by customer_id having count(*) > 1) x;
select 'claims logged vs claimed customers (must match): ' || (select count(*) from pool_claims where store_id = $1)
  || ' vs ' || (select count(*) from customer_events where store_id = $1 and data->>'kind' = 'CLAIMED');
SQL
}

# CPU seconds of the backend and of its PostgreSQL sessions: figures that other load on the machine does not inflate.
TICK=$(getconf CLK_TCK)
cpu_of() { awk -v t="$TICK" '{s += $14 + $15} END {printf "%.1f", s / t}' "$@" 2>/dev/null || echo 0; }
java_cpu() { cpu_of "/proc/$BACKEND_PID/stat"; }
# CPU seconds of the backend's JIT compiler threads: on two cores they keep compiling for a minute or more of load,
# so a warm-up is long enough when a round of it leaves them nearly idle.
jit_cpu() {
  local t s=0
  for t in /proc/"$BACKEND_PID"/task/*; do
    case "$(cat "$t/comm" 2>/dev/null)" in C1\ Compiler*|C2\ Compiler*) s=$((s + $(awk '{print $14 + $15}' "$t/stat")));; esac
  done
  echo "scale=1; $s / $TICK" | bc
}
pg_cpu() {
  local files=()
  for p in $("${SUPER_PSQL[@]}" -qAtc "select pid from pg_stat_activity where datname = '$BENCH_DB'"); do
    files+=("/proc/$p/stat"); done
  cpu_of "${files[@]}"
}

# wrk_measure SCRIPT CONCURRENCY SECONDS: one closed-loop wrk run of bench/wrk/SCRIPT (its WRK_* settings in the
# caller's environment) against the backend. wrk is a C load generator: a Java client took a third of the machine's
# CPU from the backend it measured. Sets WRK_LINE (wrk's summary line; the CPU per request of the backend and of its
# PostgreSQL sessions; the CPU of the JIT's compiler threads meanwhile) and JIT_SECONDS (that last figure).
wrk_measure() {
  local script="$1" concurrency="$2" seconds="$3" j0 p0 c0 summary requests
  command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
  j0=$(java_cpu); p0=$(pg_cpu); c0=$(jit_cpu)
  summary=$(wrk -t2 -c"$concurrency" -d"${seconds}s" --timeout 10s -s "$BENCH_ROOT/bench/wrk/$script" "$BASE" | tail -1)
  requests=$(echo "$summary" | awk '{print $1}')
  JIT_SECONDS=$(echo "$(jit_cpu) - $c0" | bc)
  WRK_LINE="$summary; CPU per request: backend $(echo "scale=2; ($(java_cpu) - $j0) * 1000 / $requests" | bc) ms, PostgreSQL $(echo "scale=2; ($(pg_cpu) - $p0) * 1000 / $requests" | bc) ms; JIT compiler threads $JIT_SECONDS s"
}

# wrk_get NAME CONCURRENCY SECONDS PATH... : closed-loop GETs of the paths in turn with $TOKEN (bench/wrk/get.lua).
# Prints the latency percentiles, then the CPU per request of the backend and of its PostgreSQL sessions.
wrk_get() {
  local name="$1" concurrency="$2" seconds="$3"; shift 3
  local paths="$OUT/wrk-paths-$name.txt"
  printf '%s\n' "$@" > "$paths"
  WRK_PATHS="$paths" WRK_TOKEN="$TOKEN" wrk_measure get.lua "$concurrency" "$seconds"
  echo "$name: $WRK_LINE"
}
