#!/usr/bin/env bash
# What the escalation ladder's notifications (V98) add to the sweep: a store of BENCH_PRIVATE private customers of
# which BENCH_DUE are due, one POST /pool/sweep through the API (each former owner gets one POOL_RETURNED notice for
# the sweep), then what one notice per returned customer would have cost instead, measured on the same returns in
# PostgreSQL inside a rolled-back transaction (EXPLAIN ANALYZE).
#
#   BENCH_PRIVATE=1000000 BENCH_DUE=100000 bench/pool/sweep-notices.sh
source "$(dirname "$0")/../lib.sh"
PRIVATE="${BENCH_PRIVATE:-300000}"
DUE="${BENCH_DUE:-100000}"
REPS=16
RUN=$(date +%s)

bench_db
start_backend
read -r STORE ADMIN < <(signup "Sweep notices $RUN" "notices-admin-$RUN@bench.harbor-crm.dev")
for i in $(seq 1 $REPS); do
  add_rep "$ADMIN" "notices-rep$i-$RUN@bench.harbor-crm.dev" >/dev/null
done
curl -fs -X PUT "$BASE/api/v1/pool/rules" -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' \
  -d '{"returnAfterDaysWithoutFollowUp":30,"returnAfterDaysWithoutDeal":90,"warnDaysBeforeReturn":3,
       "escalateDaysBeforeReturn":1,"maxPrivateCustomersPerRep":0,"maxClaimsPerRepPerDay":0,"reclaimCooldownDays":7,
       "purgeUnclaimedAfterDays":0,"maskContacts":true,"stageFollowUpDays":{}}' >/dev/null

echo "[bench] seeding $PRIVATE private customers ($DUE due) in store $STORE"
"${PSQL[@]}" <<SQL
insert into customers (store_id, name, email, stage, potential_score, created_at, updated_at)
select $STORE, 'Private buyer ' || g, 'private' || g || '@bench.example',
       (array['UNMARKED','INQUIRY','SAMPLE_ORDER','NO_DEAL'])[1 + g % 4], g % 101, now() - interval '100 days', now()
from generate_series(1, $PRIVATE) g;
with reps as (select array_agg(id order by id) as ids from users where store_id = $STORE and role = 'REP')
insert into customer_owners (store_id, customer_id, owner_id, owned_since)
select c.store_id, c.id, reps.ids[1 + n.g % array_length(reps.ids, 1)],
       case when n.g <= $DUE then now() - interval '40 days' else now() - (n.g % 20) * interval '1 day' end
from customers c, reps, lateral (select substring(c.name from '(\d+)$')::int as g) n
where c.store_id = $STORE and c.name like 'Private buyer %';
vacuum analyze customers;
vacuum analyze customer_owners;
vacuum analyze customer_events;
vacuum analyze notifications;
SQL

start=$(date +%s%3N)
sweep=$(curl -fs -X POST "$BASE/api/v1/pool/sweep" -H "Authorization: Bearer $ADMIN")
sweep_ms=$(( $(date +%s%3N) - start ))
echo "[bench] sweep: $sweep in $sweep_ms ms"

# The notices it wrote: one per former owner, however many customers each lost.
notices=$("${PSQL[@]}" -c "select count(*) || ' notices for ' || coalesce(sum(customers), 0) || ' customers' from notifications
  where store_id = $STORE and kind = 'POOL_RETURNED'")
# What one notice per returned customer (the first design) would add: that insert, timed on the same returns inside
# a rolled-back transaction.
per_customer=$("${PSQL[@]}" <<SQL | grep -E "^Execution Time" | tr '\n' ' '
begin;
explain (analyze, costs off, timing off, summary on)
insert into notifications (store_id, user_id, kind, customer_id, owner_id, rule, window_start, created_at)
select $STORE, cast(e.data ->> 'fromOwnerId' as bigint), 'POOL_RETURNED', e.customer_id,
       cast(e.data ->> 'fromOwnerId' as bigint), e.data ->> 'rule', e.at - interval '1 second', now()
from customer_events e
where e.store_id = $STORE and e.type = 'OWNER_CHANGED' and e.data ->> 'kind' = 'AUTO_RETURNED'
on conflict (store_id, user_id, customer_id, kind, window_start) do nothing;
rollback;
SQL
)
returned=$(echo "$sweep" | "$BENCH_PYTHON" -c "import json,sys; print(json.load(sys.stdin)['returned'])")
echo "[bench] $returned returns: $notices; one notice per customer would add: $per_customer"
{
  echo "$(date -u +%FT%TZ) $(machine)"
  echo "private=$PRIVATE due=$DUE sweep_ms=$sweep_ms sweep=$sweep"
  echo "notices: $notices; per-customer notices would add: $per_customer"
} | tee "$OUT/sweep-notices-$(date -u +%Y%m%dT%H%M).txt"
