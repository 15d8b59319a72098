#!/usr/bin/env bash
# Pool benchmark: seeds one store with many customers straight into PostgreSQL, then times the sweep, the pool
# list and a burst of concurrent claims through the API, and checks the invariants afterwards (one owner and
# one CLAIMED event per claimed customer, nobody above the limits).
#
#   BASE_URL=http://localhost:8080 PGHOST=127.0.0.1 PGUSER=harbor PGPASSWORD=harbor PGDATABASE=harbor \
#     CUSTOMERS=100000 REPS=50 CLAIMS_PER_REP=20 bench/pool/bench.sh
#
# Needs curl, jq, psql and a running backend on that database. It creates a new store each run.
set -euo pipefail

BASE_URL=${BASE_URL:-http://localhost:8080}
CUSTOMERS=${CUSTOMERS:-100000}
REPS=${REPS:-50}
CLAIMS_PER_REP=${CLAIMS_PER_REP:-20}
API="$BASE_URL/api/v1"
RUN=$(date +%s)-$$
PASSWORD=bench-password-123

json() { curl -sS -f -H 'Content-Type: application/json' "$@"; }
ms() { date +%s%3N; }

echo "== store and $REPS reps"
signup=$(json -X POST "$API/auth/signup" -d "{\"storeName\":\"Bench $RUN\",\"name\":\"Bench admin\",\"email\":\"bench-admin-$RUN@example.com\",\"password\":\"$PASSWORD\",\"timeZone\":\"Asia/Shanghai\"}")
ADMIN=$(jq -r .token <<<"$signup")
STORE=$(jq -r .store.id <<<"$signup")
auth=(-H "Authorization: Bearer $ADMIN")
for i in $(seq 1 "$REPS"); do
  json "${auth[@]}" -X POST "$API/users" \
    -d "{\"name\":\"Rep $i\",\"email\":\"bench-rep-$i-$RUN@example.com\",\"password\":\"$PASSWORD\",\"role\":\"REP\"}" >/dev/null
done
json "${auth[@]}" -X PUT "$API/pool/rules" -d '{"returnAfterDaysWithoutFollowUp":30,"returnAfterDaysWithoutDeal":90,
  "warnDaysBeforeReturn":3,"maxPrivateCustomersPerRep":0,"maxClaimsPerRepPerDay":'"$CLAIMS_PER_REP"',
  "reclaimCooldownDays":7,"purgeUnclaimedAfterDays":0,"maskContacts":true,"stageFollowUpDays":{"INQUIRY":60}}' >/dev/null

echo "== seeding $CUSTOMERS customers (half owned since 0-60 days, half in the pool)"
start=$(ms)
psql -v ON_ERROR_STOP=1 -q <<SQL
insert into customers (store_id, name, email, stage, potential_score, created_at, updated_at, last_follow_up_at)
select $STORE, 'Bench buyer ' || g, 'buyer' || g || '@bench.example',
       (array['UNMARKED','INQUIRY','SAMPLE_ORDER','NO_DEAL','TRANSACTION'])[1 + g % 5],
       (g * 37) % 101,
       now() - interval '90 days', now(),
       case when g % 3 = 0 then now() - (g % 40) * interval '1 day' end
from generate_series(1, $CUSTOMERS) g;
-- Their owners (V78), by the number g ending the name: even ones owned since 0-60 days, odd ones in the pool.
with reps as (select array_agg(id order by id) as ids from users where store_id = $STORE and role = 'REP')
insert into customer_owners (store_id, customer_id, owner_id, owned_since, pooled_since)
select c.store_id, c.id, case when n.g % 2 = 0 then reps.ids[1 + n.g % array_length(reps.ids, 1)] end,
       case when n.g % 2 = 0 then now() - (n.g % 60) * interval '1 day' end,
       case when n.g % 2 = 1 then c.created_at end
from customers c, reps, lateral (select substring(c.name from '(\d+)$')::int as g) n
where c.store_id = $STORE and c.name like 'Bench buyer %';
analyze customers;
SQL
echo "   seeded in $(( $(ms) - start )) ms"

echo "== sweep"
start=$(ms)
json "${auth[@]}" -X POST "$API/pool/sweep" | jq -c .
echo "   first sweep: $(( $(ms) - start )) ms"
start=$(ms)
json "${auth[@]}" -X POST "$API/pool/sweep" | jq -c .
echo "   second sweep (nothing due): $(( $(ms) - start )) ms"

echo "== pool list"
for q in "limit=50" "limit=50&stage=INQUIRY&hasEmail=true" "limit=50&sort=-createdAt"; do
  start=$(ms)
  json "${auth[@]}" "$API/pool?$q" | jq -r '"   \(.items | length) items"' | tr -d '\n'
  echo " in $(( $(ms) - start )) ms ($q)"
done

echo "== $REPS reps claiming $((CLAIMS_PER_REP + 5)) of the same top pool customers at once"
TOP=$(psql -Atq -c "select string_agg(id::text, ',') from (select c.id from customers c join customer_owners o on o.store_id = c.store_id and o.customer_id = c.id where c.store_id = $STORE
  and o.owner_id is null order by c.potential_score desc, c.id desc limit $((CLAIMS_PER_REP * 2))) t")
TOKENS=$(mktemp)
for i in $(seq 1 "$REPS"); do
  curl -sS -f -H 'Content-Type: application/json' -X POST "$API/auth/login" \
    -d "{\"email\":\"bench-rep-$i-$RUN@example.com\",\"password\":\"$PASSWORD\"}" | jq -r .token >>"$TOKENS"
done
start=$(ms)
OUT=$(mktemp)
export API TOP CLAIMS_PER_REP
xargs -P "$REPS" -I{} sh -c 'ids=$(echo "$TOP" | tr "," "\n" | shuf | head -n $((CLAIMS_PER_REP + 5)) | paste -sd, -);
  curl -sS -o /dev/null -w "%{http_code}\n" -H "Authorization: Bearer {}" -H "Content-Type: application/json" \
    -X POST "$API/pool/claim" -d "{\"customerIds\":[$ids]}"' <"$TOKENS" >"$OUT"
elapsed=$(( $(ms) - start ))
echo "   $(sort "$OUT" | uniq -c | tr '\n' ' ') in $elapsed ms"

echo "== invariants"
psql -Atq <<SQL
select 'customers claimed twice (must be 0): ' || count(*) from (
  select customer_id from customer_events where store_id = $STORE and data->>'kind' = 'CLAIMED'
  group by customer_id having count(*) > 1) x;
select 'claimed customers without exactly one owner (must be 0): ' || count(*) from customers c
  where c.store_id = $STORE and exists (select 1 from pool_claims p where p.store_id = c.store_id and p.customer_id = c.id)
  and not exists (select 1 from customer_owners o where o.store_id = c.store_id and o.customer_id = c.id and o.owner_id is not null);
select 'reps above the daily limit (must be 0): ' || count(*) from (
  select user_id from pool_claims where store_id = $STORE group by user_id having count(*) > $CLAIMS_PER_REP) x;
SQL
rm -f "$TOKENS" "$OUT"
