#!/usr/bin/env bash
# Backend start-up (issue 21, item 6: start ≤ 3 s against a migrated database, RSS ≤ 300 MB): starts the packaged
# jar STARTS times (default 3) against the benchmark's database, already migrated by a first start, and prints for
# each start the time until /q/health/ready answers, the JVM's CPU until then, its RSS, and the CPU of its busiest
# threads (the JIT compilers against the main thread).
#   bench/start/run.sh                                   # as shipped
#   START_JAVA_OPTS="-XX:SharedArchiveFile=app-cds.jsa" bench/start/run.sh   # after packaging with appcds enabled
#   START_JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java START_JAVA_OPTS="-XX:AOTCache=/tmp/app.aot" bench/start/run.sh
# An archive of the classes a whole start loads (JDK 17), or JDK 25's AOT cache, is written by one start of the jar
# with -XX:ArchiveClassesAtExit=FILE or -XX:AOTCacheOutput=FILE that is stopped once ready (bench/RESULTS.md).
source "$(dirname "$0")/../lib.sh"
STARTS="${STARTS:-3}"
bench_db
jar_dir="$BENCH_ROOT/backend/target/quarkus-app"
[ -f "$jar_dir/quarkus-run.jar" ] || (cd "$BENCH_ROOT/backend" && mvn -B -q package -DskipTests)
"$BENCH_ROOT/scripts/dev-keys.sh"
if (exec 3<>"/dev/tcp/127.0.0.1/$BENCH_PORT") 2>/dev/null; then
  echo "port $BENCH_PORT is already in use: set BENCH_PORT to a free port" >&2; exit 1
fi

start_once() {
  local log="$OUT/start-$(date -u +%Y%m%dT%H%M%S).log" begin end pid
  begin=$(date +%s.%N)
  (cd "$BENCH_ROOT/backend" && exec "${START_JAVA:-java}" ${START_JAVA_OPTS:-} -Dquarkus.http.port="$BENCH_PORT" \
      -Dquarkus.datasource.jdbc.url="jdbc:postgresql://127.0.0.1:$BENCH_PG_PORT/$BENCH_DB" -Dharbor.pool.sweep-interval=off \
      -jar "$jar_dir/quarkus-run.jar") > "$log" 2>&1 &
  pid=$!
  until curl -fs "$BASE/q/health/ready" >/dev/null 2>&1; do
    kill -0 $pid 2>/dev/null || { echo "backend exited: see $log" >&2; exit 1; }
    sleep 0.05
  done
  end=$(date +%s.%N)
  local threads
  threads=$(for t in /proc/$pid/task/*; do
      printf '%s %s\n' "$(awk -v tk="$TICK" '{printf "%.1f", ($14 + $15) / tk}' "$t/stat")" "$(tr ' ' '_' < "$t/comm")"
    done | sort -rn | head -3 | awk '{printf "%s %s s, ", $2, $1}')
  echo "ready after $(echo "$end - $begin" | bc | xargs printf '%.2f') s; JVM CPU $(cpu_of /proc/$pid/stat) s; RSS $(( $(ps -o rss= -p $pid) / 1024 )) MB; busiest threads: ${threads%, } ($(grep -o 'started in [0-9.]*s' "$log"))"
  kill $pid; wait $pid 2>/dev/null || true
}

RESULT="$OUT/start-$(date -u +%Y%m%dT%H%M).txt"
{
  machine
  echo "java: $("${START_JAVA:-java}" -version 2>&1 | head -1); options: ${START_JAVA_OPTS:-none}"
  echo "first start (migrates the database if it needs to):"
  start_once
  for i in $(seq 1 "$STARTS"); do start_once; done
} | tee "$RESULT"
echo "[bench] written to $RESULT"
