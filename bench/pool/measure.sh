# The pool measurements, shared by run.sh (after seeding) and rerun.sh (after putting the data back): the sweep, the
# idle sweep, claim latency (after a warm-up; as fast as the machine answers, then at a set pace) and the racing
# claims. Needs STORE, ADMIN, TOKENS and RESULT; prints to stdout.
claim_ids() {   # claim_ids OFFSET COUNT FILE: pool customers still unclaimed
  "${PSQL[@]}" -c "select c.id from customers c join customer_owners o on o.store_id = c.store_id and o.customer_id = c.id where c.store_id = $STORE and c.name like 'Pool buyer %' and o.owner_id is null
                   order by c.id offset $1 limit $2" > "$3"
}
pool_back() {   # the pool customers claimed by the runs below go back to the pool, their claims forgotten
  "${PSQL[@]}" -v store="$STORE" <<'SQL'
update customer_owners o set owner_id = null, owned_since = null, pooled_since = now()
from customers c
where o.store_id = :store and c.store_id = :store and c.id = o.customer_id and c.name like 'Pool buyer %'
  and o.owner_id is not null;
delete from customer_events where store_id = :store and type = 'OWNER_CHANGED' and data->>'kind' = 'CLAIMED';
delete from pool_claims where store_id = :store;
vacuum analyze customer_owners;
vacuum analyze pool_claims;
SQL
}
pool_back
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

  # Claim latency, from wrk (a C load generator; ClaimBench, a JVM on the same two cores, took ~1.4 ms of CPU per
  # claim from the backend it measured). Rounds of CLAIM_SECONDS with 16 connections, each claim one pool customer
  # nobody else asks for; after each round the claimed customers go back to the pool (pool_back). The JIT keeps
  # compiling the claim path for more than a minute of this load (its compiler threads took 4-5 s of CPU per 15 s
  # round for five rounds, then under 0.5 s: bench/RESULTS.md), so the backend is warmed by whole rounds until its
  # compiler threads use less than a second in one (at most WARM_ROUNDS); the first round is the cold figure.
  claim_round() {   # claim_round THINK_MS: one wrk round on the pool customers; sets ROUND (its line) and JIT_SECONDS
    pool_back
    claim_ids 0 20000 "$OUT/pool-latency-ids.txt"
    WRK_IDS="$OUT/pool-latency-ids.txt" WRK_TOKENS="$TOKENS" WRK_THINK_MS="$1" \
      wrk_measure claim.lua 16 "${CLAIM_SECONDS:-15}"
    ROUND="$WRK_LINE"
  }
  for round in $(seq 1 "${WARM_ROUNDS:-12}"); do
    claim_round 0
    echo "warm-up round $round$([ "$round" = 1 ] && echo ' (cold backend)'): $ROUND"
    [ "$(echo "$JIT_SECONDS < 1" | bc)" = 1 ] && break
  done
  claim_round 0
  echo "closed loop, 16 claimers, after the warm-up: $ROUND"
  # The same 16 claimers at a pace: each pauses 47 ms after an answer, ~300 claims/s offered (16 / (47 + ~5) ms).
  claim_round 47
  echo "paced, 16 claimers pausing 47 ms: $ROUND"
  pool_back

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
