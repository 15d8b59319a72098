#!/usr/bin/env bash
# Measures the pool again on the data set bench/pool/run.sh left (same BENCH_DB), without seeding another million:
# the customers the last sweep returned go back to their owners, 40 days without a follow-up, then the sweep,
# the idle sweep, claim latency and the 10,000 racing claims run as in run.sh (bench/pool/measure.sh).
#   BENCH_DB=harbor_bench_perf BENCH_PORT=18092 bench/pool/rerun.sh
source "$(dirname "$0")/../lib.sh"
bench_db
start_backend
STORE=$("${PSQL[@]}" -c "select store_id from login_identities where email like 'pool-admin-%@bench.harbor-crm.dev' order by store_id desc limit 1")
ADMIN_EMAIL=$("${PSQL[@]}" -c "select email from login_identities where store_id = $STORE and email like 'pool-admin-%'")
ADMIN=$(login "$ADMIN_EMAIL")
TOKENS="$OUT/pool-tokens.txt"; : > "$TOKENS"
for email in $("${PSQL[@]}" -c "select email from login_identities where store_id = $STORE and email like 'pool-rep%' order by email"); do
  login "$email" >> "$TOKENS"
done
echo "[bench] store $STORE: putting the last sweep's returns back with their owners"
"${PSQL[@]}" -v store="$STORE" <<'SQL'
with ev as (
  delete from customer_events where store_id = :store and type = 'OWNER_CHANGED' and data->>'kind' = 'AUTO_RETURNED'
  returning customer_id, (data->>'fromOwnerId')::bigint as owner)
update customer_owners o set owner_id = ev.owner, owned_since = now() - interval '40 days', pooled_since = null
from ev where o.store_id = :store and o.customer_id = ev.customer_id;
delete from pool_returns where store_id = :store and kind = 'AUTO_RETURNED';
delete from reminders where store_id = :store;
vacuum analyze customers;
vacuum analyze customer_owners;
SQL
# (claimed pool customers go back to the pool in measure.sh: pool_back)
RESULT="$OUT/pool-rerun-$(date -u +%Y%m%dT%H%M).txt"
source "$(dirname "$0")/measure.sh"
