#!/usr/bin/env bash
# Automatic distribution (issue 22, items 3 and 7): N new pool customers handed to REPS reps by round-robin through
# the backend (POST /pools/0/distribution/run: PoolDistributor's batches of harbor.pool.distribution-batch, each one
# transaction that locks the pool, its reps' owner locks and its customers, then writes owners and AUTO_ASSIGNED
# events in one statement), twice, beside the raw-SQL floor: the same owner changes and events in one statement
# from psql, with the same triggers (return dates, statistics rollup, webhooks' check).
# Data: one store, the generator's N customers (bench/customers/generate.sql) all put in the default pool, REPS
# reps, no cap. Between runs every customer goes back to the pool and the events of the run are deleted.
#   bench/pool/distribution.sh            N=100000 REPS=50
# Raw output: bench/out/pool-distribution-<time>.txt
source "$(dirname "$0")/../lib.sh"
N="${N:-100000}"
REPS="${REPS:-50}"
RESULT="$OUT/pool-distribution-$(date -u +%Y%m%dT%H%M).txt"
FRESH=1 bench_db
# Only the measured run distributes (the scheduled one would join in and share the work).
BENCH_JAVA_OPTS="${BENCH_JAVA_OPTS:--Xmx1g} -Dharbor.pool.distribution-interval=off"
start_backend
read -r STORE TOKEN < <(signup "Distribution bench" "admin-$(date +%s)@distribution.bench")
AUTH=(-H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json')

reps=$("${PSQL[@]}" -c "with r as (insert into users (store_id, name, email, password_hash, role)
                        select $STORE, 'Rep ' || g, 'rep' || g || '@distribution.bench', 'x', 'REP'
                        from generate_series(1, $REPS) g returning id)
                        select '{' || string_agg(id::text, ',' order by id) || '}' from r")
"${PSQL[@]}" -v store="$STORE" -v n="$N" -v reps="$reps" -f "$BENCH_ROOT/bench/customers/generate.sql" >/dev/null

# No cap (the rules go through the API: the backend caches them).
rules=$(curl -fs "$BASE/api/v1/pool/rules" "${AUTH[@]}" -D "$OUT/.rules-headers" \
  | json 'json.dumps({**d, "maxPrivateCustomersPerRep": 0, "maxClaimsPerRepPerDay": 0})')
etag=$(sed -n 's/^[Ee][Tt]ag: *\(.*\)\r$/\1/p' "$OUT/.rules-headers")
curl -fs -X PUT "$BASE/api/v1/pool/rules" "${AUTH[@]}" -H "If-Match: $etag" -d "$rules" >/dev/null
curl -fs -X PUT "$BASE/api/v1/pools/0/distribution" "${AUTH[@]}" -d '{"mode":"ROUND_ROBIN"}' >/dev/null
rm -f "$OUT/.rules-headers"

back_to_pool() {
  "${PSQL[@]}" -c "delete from customer_events where store_id = $STORE and type = 'OWNER_CHANGED'
                   and data ->> 'kind' = 'AUTO_ASSIGNED'" \
               -c "update customer_owners set owner_id = null where store_id = $STORE and owner_id is not null" \
               -c "update pool_distribution set last_user_id = null where store_id = $STORE" \
               -c "vacuum analyze customer_owners" -c "vacuum analyze customer_events" >/dev/null
}

check() {
  "${PSQL[@]}" -c "select 'owned ' || sum(n) || ' by ' || count(*) || ' reps, ' || min(n) || '..' || max(n) || ' each' from (
                     select owner_id, count(*) n from customer_owners where store_id = $STORE and owner_id is not null
                     group by owner_id) x"
}

{
  machine
  echo "data: one store, $N customers all in the default pool, $REPS reps, no cap; batch $(
    grep -o 'HARBOR_POOL_DISTRIBUTION_BATCH:[0-9]*' "$BENCH_ROOT/backend/src/main/resources/application.properties" | cut -d: -f2)"
  for run in 1 2; do
    back_to_pool
    cpu0=$(pg_cpu)
    seconds=$(curl -fs -o "$OUT/.run.json" -w '%{time_total}' -X POST "$BASE/api/v1/pools/0/distribution/run" "${AUTH[@]}")
    cpu1=$(pg_cpu)
    echo "backend run $run: $(json 'd["assigned"]' < "$OUT/.run.json") assigned in ${seconds} s" \
         "(database CPU $(awk -v a="$cpu0" -v b="$cpu1" 'BEGIN {printf "%.1f", b - a}') s); $(check)"
  done
  rm -f "$OUT/.run.json"
  back_to_pool
  # The floor: the same change in one statement, round-robin by customer id, no locks beyond the rows'.
  "${PSQL[@]/-qAt/-q}" <<SQL
\timing on
with plan as (
  select customer_id as id,
         ('$reps'::bigint[])[1 + (row_number() over (order by customer_id) - 1) % $REPS] as owner
  from customer_owners where store_id = $STORE and pool_id = 0 and owner_id is null),
changed as (
  update customer_owners o set owner_id = p.owner, owned_since = now(), pooled_since = null
  from plan p where o.store_id = $STORE and o.customer_id = p.id
  returning o.customer_id as id, p.owner),
ev as (
  insert into customer_events (store_id, customer_id, type, at, actor_id, data)
  select $STORE, x.id, 'OWNER_CHANGED', now(), null,
         jsonb_build_object('ownerId', x.owner, 'stage', c.stage, 'kind', 'AUTO_ASSIGNED', 'rule', 'ROUND_ROBIN',
                            'fromOwnerId', null, 'toOwnerId', x.owner)
  from changed x join customers c on c.store_id = $STORE and c.id = x.id)
select count(*) as "raw SQL floor: assigned" from changed;
SQL
  check
} 2>&1 | tee "$RESULT"
