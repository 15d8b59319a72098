# The pool measurements, shared by run.sh (after seeding) and rerun.sh (after putting the data back): the sweep, the
# idle sweep, claim latency (after a warm-up; as fast as the machine answers, then at a set pace) and the racing
# claims. Needs STORE, ADMIN, TOKENS and RESULT; prints to stdout.
claim_ids() {   # claim_ids OFFSET COUNT FILE: pool customers still unclaimed
  "${PSQL[@]}" -c "select c.id from customers c join customer_owners o on o.store_id = c.store_id and o.customer_id = c.id where c.store_id = $STORE and c.name like 'Pool buyer %' and o.owner_id is null
                   order by c.id offset $1 limit $2" > "$3"
}
{
  machine
  echo "load: $(uptime | sed 's/.*load average/load average/')"
  echo "store $STORE: $("${PSQL[@]}" -c "select count(*) from customer_owners where store_id = $STORE and owner_id is not null") private, $("${PSQL[@]}" -c "select count(*) from customer_owners where store_id = $STORE and owner_id is null") in the pool"
  echo "pools: $("${PSQL[@]}" -c "select count(*) from pools where store_id = $STORE"), customers per pool $("${PSQL[@]}" -c "select min(n) || '..' || max(n) from (select count(*) n from customer_owners where store_id = $STORE group by pool_id) x")"
  j0=$(java_cpu); p0=$(pg_cpu)
  sweep_ms=$(curl -fs -o "$OUT/sweep.json" -w '%{time_total}' -X POST "$BASE/api/v1/pool/sweep" -H "Authorization: Bearer $ADMIN" | awk '{printf "%d", $1 * 1000}')
  echo "sweep: $sweep_ms ms through the API, answer $(cat "$OUT/sweep.json"); CPU: backend $(echo "$(java_cpu) - $j0" | bc) s, PostgreSQL $(echo "$(pg_cpu) - $p0" | bc) s"
  again_ms=$(curl -fs -o "$OUT/sweep.json" -w '%{time_total}' -X POST "$BASE/api/v1/pool/sweep" -H "Authorization: Bearer $ADMIN" | awk '{printf "%d", $1 * 1000}')
  echo "second sweep (nothing due): $again_ms ms, answer $(cat "$OUT/sweep.json")"
  echo "returned to the pool by the sweep (events): $("${PSQL[@]}" -c "select count(*) from customer_events where store_id = $STORE and type = 'OWNER_CHANGED' and data->>'kind' = 'AUTO_RETURNED'")"

  # 3,200 measured claims after 3,000 unmeasured ones (the JIT compiles the claim path in the first thousands).
  claim_ids 0 6200 "$OUT/pool-latency-ids.txt"
  j0=$(java_cpu); p0=$(pg_cpu)
  WARMUP=3000 java "$BENCH_ROOT/bench/pool/ClaimBench.java" latency "$BASE" "$TOKENS" "$OUT/pool-latency-ids.txt"
  echo "CPU of warm-up and measured claims (6,200): backend $(echo "$(java_cpu) - $j0" | bc) s, PostgreSQL $(echo "$(pg_cpu) - $p0" | bc) s"
  # The same 16 claimers at a pace: each pauses 50 ms after an answer.
  claim_ids 0 3200 "$OUT/pool-paced-ids.txt"
  THINK_MS=50 java "$BENCH_ROOT/bench/pool/ClaimBench.java" latency "$BASE" "$TOKENS" "$OUT/pool-paced-ids.txt"

  if [ "${RACE:-1}" = 1 ]; then
    claim_ids 0 2500 "$OUT/pool-race-ids.txt"
    java "$BENCH_ROOT/bench/pool/ClaimBench.java" race "$BASE" "$TOKENS" "$OUT/pool-race-ids.txt" 4
    race_checks "$STORE" "$OUT/pool-race-ids.txt"
  fi
  # The raw-SQL floor: the claim's own statements (bench/pool/claim.sql) through pgbench, 16 clients, 500 claims each,
  # of the unclaimed pool customers that follow one another by id (the runs above took the lowest ids).
  first_id=$("${PSQL[@]}" -c "select min(c.id) from customers c join customer_owners o on o.store_id = c.store_id and o.customer_id = c.id where c.store_id = $STORE and c.name like 'Pool buyer %' and o.owner_id is null")
  first_rep=$("${PSQL[@]}" -c "select min(id) from users where store_id = $STORE and role = 'REP'")
  rm -f "$OUT"/pgbench_log.*
  (cd "$OUT" && pgbench -h 127.0.0.1 -p "$BENCH_PG_PORT" -U harbor -n -M prepared -c 16 -j 2 -t 500 -l \
     -D i=0 -D store="$STORE" -D first_id="$first_id" -D per_client=500 -D first_rep="$first_rep" \
     -f "$BENCH_ROOT/bench/pool/claim.sql" "$BENCH_DB" | grep -E 'tps|failed')
  echo "raw SQL claim (pgbench, 16 clients): p95 $(pgbench_p95 "$OUT"/pgbench_log.*) ms ($(cat "$OUT"/pgbench_log.* | wc -l) claims)"
  echo "load: $(uptime | sed 's/.*load average/load average/')"
} | tee "$RESULT"
echo "[bench] written to $RESULT"
