#!/usr/bin/env bash
# Pool benchmark (issue 4 targets), through the API on a private backend:
#   a sweep over 1,000,000 private customers with 100,000 due            <= 5 s
#   claim p95 with 16 concurrent claimers                               <= 15 ms
#   10,000 racing claims (2,500 customers x 4 claimers each)            zero double owners
# BENCH_POOLS=10 spreads the store's customers, private and unowned, over 10 pools open to everyone with the same
# rules (issue 22, item 7: the sweep and claim targets with 10 pools in the measured store).
source "$(dirname "$0")/../lib.sh"
PRIVATE="${BENCH_PRIVATE:-1000000}"
DUE="${BENCH_DUE:-100000}"
POOLS="${BENCH_POOLS:-1}"
REPS=16
RUN=$(date +%s)

bench_db
start_backend
read -r STORE ADMIN < <(signup "Pool bench $RUN" "pool-admin-$RUN@bench.harbor-crm.dev")
TOKENS="$OUT/pool-tokens.txt"; : > "$TOKENS"
for i in $(seq 1 $REPS); do
  add_rep "$ADMIN" "pool-rep$i-$RUN@bench.harbor-crm.dev" >/dev/null
  login "pool-rep$i-$RUN@bench.harbor-crm.dev" >> "$TOKENS"
done
# Limits off for the latency and race runs: they measure the claim itself (limits are tested in the suite).
curl -fs -X PUT "$BASE/api/v1/pool/rules" -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' \
  -d '{"returnAfterDaysWithoutFollowUp":30,"returnAfterDaysWithoutDeal":90,"warnDaysBeforeReturn":3,
       "maxPrivateCustomersPerRep":0,"maxClaimsPerRepPerDay":0,"reclaimCooldownDays":7,
       "purgeUnclaimedAfterDays":0,"maskContacts":true,"stageFollowUpDays":{}}' >/dev/null
# The other pools copy the default pool's rules as they are made.
for i in $(seq 2 "$POOLS"); do
  curl -fs -X POST "$BASE/api/v1/pools" -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' \
    -d "{\"name\":\"Region $i\",\"everyone\":true}" >/dev/null
done
POOL_IDS=$("${PSQL[@]}" -c "select '{' || string_agg(id::text, ',' order by id) || '}' from pools where store_id = $STORE")

echo "[bench] seeding $PRIVATE private customers ($DUE due) and 20,000 pool customers in store $STORE, over pools $POOL_IDS"
"${PSQL[@]}" <<SQL
insert into customers (store_id, name, email, stage, potential_score, created_at, updated_at)
select $STORE, 'Private buyer ' || g, 'private' || g || '@bench.example',
       (array['UNMARKED','INQUIRY','SAMPLE_ORDER','NO_DEAL'])[1 + g % 4], g % 101, now() - interval '100 days', now()
from generate_series(1, $PRIVATE) g;
-- Their owners (V78), by the number g ending the name: the first $DUE have gone 40 days without a follow-up; the
-- rest were taken 0-20 days ago.
with reps as (select array_agg(id order by id) as ids from users where store_id = $STORE and role = 'REP')
insert into customer_owners (store_id, customer_id, owner_id, owned_since, pool_id)
select c.store_id, c.id, reps.ids[1 + n.g % array_length(reps.ids, 1)],
       case when n.g <= $DUE then now() - interval '40 days' else now() - (n.g % 20) * interval '1 day' end,
       ('$POOL_IDS'::bigint[])[1 + n.g % $POOLS]
from customers c, reps, lateral (select substring(c.name from '(\d+)$')::int as g) n
where c.store_id = $STORE and c.name like 'Private buyer %';
with created as (
  insert into customers (store_id, name, email, stage, potential_score, created_at, updated_at)
  select $STORE, 'Pool buyer ' || g, 'pool' || g || '@bench.example', 'INQUIRY', g % 101, now(), now()
  from generate_series(1, 20000) g  -- 20,000: warm-up, measured and paced claims, then the race
  returning store_id, id, created_at)
insert into customer_owners (store_id, customer_id, pooled_since, pool_id)
select store_id, id, created_at, ('$POOL_IDS'::bigint[])[1 + id % $POOLS] from created;
analyze customers;
analyze customer_owners;
SQL

RESULT="$OUT/pool-$(date -u +%Y%m%dT%H%M).txt"
source "$(dirname "$0")/measure.sh"
