#!/usr/bin/env bash
# The database CPU of one claim and of one release, statement by statement as the backend sends them, schema by
# schema (issue 21: the claim statement alone ≤ 0.6 ms of database CPU).
#
# For each schema in SCHEMAS it builds a database from the migration files (V1 up to that version), fills one
# store with N customers (bench/customers/generate.sql, 30% in the pool) and their CREATED events, then sends K
# one-customer claims (the statements PoolService sends with that schema, in the plan mode it sets: auto up to V76,
# a generic plan since) and K releases (an owner change and its event, in the datasource's force_custom_plan), one
# psql session each, and reads that session's backend CPU from /proc before and after. A last claim's EXPLAIN
# ANALYZE shows where its time goes. Up to V77 the owner is in the customers row, since V78 in customer_owners.
#
#   bench/stats/claim-cpu.sh            SCHEMAS="76 77 78" N=100000 K=4000
# Raw output: bench/out/claim-cpu-<time>.txt
source "$(dirname "$0")/../lib.sh"
SCHEMAS="${SCHEMAS:-76 77 78}"
N="${N:-100000}"
K="${K:-4000}"
MIGRATIONS="$BENCH_ROOT/backend/src/main/resources/db/migration"
RESULT="$OUT/claim-cpu-$(date -u +%Y%m%dT%H%M).txt"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
bench_pg
PSQL=(psql -h 127.0.0.1 -p "$BENCH_PG_PORT" -U postgres -d postgres -qAt)   # for machine(): no bench database here

# migrate DB UPTO: applies V1..UPTO (all when empty) in version order, as Flyway would.
migrate() {
  local db=$1 upto=$2 file version
  ls "$MIGRATIONS" | sed -n 's/^V\([0-9]*\)__.*\.sql$/\1 &/p' | sort -n | while read -r version file; do
    [ -n "$upto" ] && [ "$version" -gt "$upto" ] && break
    psql -h 127.0.0.1 -p "$BENCH_PG_PORT" -U postgres -d "$db" -qX -v ON_ERROR_STOP=1 -1 -f "$MIGRATIONS/$file" >/dev/null
  done
}

# backend_cpu_ms SQL_FILE: runs the file in one session and prints that backend's CPU (user + system) in ms.
backend_cpu_ms() {
  local db=$1 file=$2
  {
    echo '\o '"$WORK/pid"
    echo 'select pg_backend_pid();'
    echo '\o'
    echo '\! awk '"'"'{print $14 + $15}'"'"' /proc/$(cat '"$WORK/pid"')/stat > '"$WORK/cpu0"
    cat "$file"
    echo '\! awk '"'"'{print $14 + $15}'"'"' /proc/$(cat '"$WORK/pid"')/stat > '"$WORK/cpu1"
  } > "$WORK/run.sql"
  psql -h 127.0.0.1 -p "$BENCH_PG_PORT" -U postgres -d "$db" -qAtX -v ON_ERROR_STOP=1 -f "$WORK/run.sql" > "$WORK/out"
  echo $(( ($(cat "$WORK/cpu1") - $(cat "$WORK/cpu0")) * 1000 / $(getconf CLK_TCK) ))
}

{
  machine
  echo "data: one store of $N customers (30% in the pool) with a CREATED event each; $K claims and $K releases per schema"
  for upto in $SCHEMAS; do
    db="harbor_bench_claim_v$upto"
    plan=$([ "$upto" -le 76 ] && echo auto || echo force_generic_plan)
    "${SUPER_PSQL[@]}" -qc "drop database if exists $db" -c "create database $db owner harbor" >/dev/null
    migrate "$db" "$upto"
    P=(psql -h 127.0.0.1 -p "$BENCH_PG_PORT" -U postgres -d "$db" -qAtX -v ON_ERROR_STOP=1)
    store=$("${P[@]}" -c "insert into stores (name, time_zone) values ('Claim CPU', 'Asia/Shanghai') returning id")
    "${P[@]}" -c "insert into pool_rules (store_id, updated_at) values ($store, now())"
    reps=$("${P[@]}" -c "with r as (insert into users (store_id, name, email, password_hash, role)
                          select $store, 'Rep ' || g, 'rep' || g || '@claim.bench', 'x', 'REP' from generate_series(1, 16) g
                          returning id) select '{' || string_agg(id::text, ',') || '}' from r")
    "${P[@]}" -v store="$store" -v n="$N" -v reps="$reps" -f "$BENCH_ROOT/bench/customers/generate.sql" >/dev/null
    # Where the owner lives in this schema: OWNERS is a relation (customer id, owner_id), as the statements read it.
    if [ "$("${P[@]}" -c "select to_regclass('customer_owners') is not null")" = t ]; then
      OWNERS="(select customer_id as id, owner_id from customer_owners where store_id = $store)"
    else
      OWNERS="(select id, owner_id from customers where store_id = $store)"
    fi
    "${P[@]}" -c "insert into customer_events (store_id, customer_id, type, at, data)
                  select c.store_id, c.id, 'CREATED', c.created_at, jsonb_build_object('ownerId', w.owner_id, 'stage', c.stage,
                         'source', c.source)
                  from customers c join $OWNERS w on w.id = c.id where c.store_id = $store" -c "vacuum analyze"
    echo
    echo "== schema V1..V$upto =="
    # Claims: rep i claims the pool's customers one by one, as the API sends a one-customer claim.
    "${P[@]}" -c "select c.id, u.id from (select id, row_number() over (order by id) - 1 as k from $OWNERS w
                  where owner_id is null order by id limit $((K + 1))) c
                  join (select id, row_number() over (order by id) - 1 as k from users where store_id = $store) u
                    on u.k = c.k % 16 order by c.id" > "$WORK/claims"
    if [ "$OWNERS" = "(select id, owner_id from customers where store_id = $store)" ]; then
      locked="select id, owner_id from customers where store_id = $store and id = any(\$1) order by id for update"
      taken="taken as (update customers c set owner_id = \$2, owned_since = now(), pooled_since = null, updated_at = now(),
                version = c.version + 1 from picked where c.store_id = $store and c.id = picked.id returning c.id, c.stage)"
      release="with r as (update customers set owner_id = null, pooled_since = now(), updated_at = now(), version = version + 1
                         where store_id = $store and id = \$1 returning id, stage)"
    else
      locked="select customer_id as id, owner_id from customer_owners where store_id = $store and customer_id = any(\$1)
                order by customer_id for update"
      taken="changed as (update customer_owners o set owner_id = \$2, owned_since = now(), pooled_since = null
                from picked where o.store_id = $store and o.customer_id = picked.id returning o.customer_id as id),
             taken as (select x.id, c.stage from changed x join customers c on c.store_id = $store and c.id = x.id)"
      release="with changed as (update customer_owners set owner_id = null, owned_since = null, pooled_since = now()
                               where store_id = $store and customer_id = \$1 returning customer_id as id),
                    r as (select x.id, c.stage from changed x join customers c on c.store_id = $store and c.id = x.id)"
    fi
    # As the backend sends them: server-prepared statements (pgjdbc prepares after five uses), the claim in a
    # transaction in its plan mode. The overhead run is the same transactions without the claim statement,
    # so the difference is the claim statement's own CPU.
    prepare="prepare user_check(bigint) as select role, token_version from users where store_id = $store and id = \$1 and active;
      prepare rules as select return_after_days_without_follow_up, return_after_days_without_deal, warn_days_before_return,
        max_private_customers_per_rep, max_claims_per_rep_per_day, reclaim_cooldown_days, purge_unclaimed_after_days,
        mask_contacts, cast(stage_follow_up_days as text), version from pool_rules where store_id = $store;
      prepare claim(bigint[], bigint) as
      with requested as (select id, pos from unnest(\$1) with ordinality as r(id, pos)),
      cooling as (select customer_id as id from pool_returns where store_id = $store and user_id = \$2
                  and customer_id = any(\$1) and returned_at > now() - interval '7 days'),
      locked as materialized ($locked),
      picked as (select l.id from locked l join requested r on r.id = l.id where l.owner_id is null
                 and l.id not in (select id from cooling) order by r.pos),
      $taken,
      ev as (insert into customer_events (store_id, customer_id, type, at, actor_id, data)
             select $store, id, 'OWNER_CHANGED', now(), \$2, jsonb_build_object('ownerId', \$2, 'stage', stage,
                    'kind', 'CLAIMED', 'fromOwnerId', null, 'toOwnerId', \$2) from taken),
      log as (insert into pool_claims (store_id, user_id, customer_id, claimed_at) select $store, \$2, id, now() from taken)
      select r.id, case when t.id is not null then 'CLAIMED' else 'FAILED' end
      from requested r left join locked l on l.id = r.id left join taken t on t.id = r.id order by r.pos;
      set plan_cache_mode = force_custom_plan;"
    for part in overhead claims; do
      { echo "$prepare"
        tail -n +2 "$WORK/claims" | while IFS='|' read -r id owner; do
          echo "execute user_check($owner); begin; select set_config('plan_cache_mode', '$plan', true); execute rules;"
          [ "$part" = claims ] && echo "execute claim(array[$id]::bigint[], $owner);"
          echo "commit;"
        done
        # one more, warm, with its triggers' times
        head -1 "$WORK/claims" | while IFS='|' read -r id owner; do
          if [ "$part" = claims ]; then
            echo "begin; select set_config('plan_cache_mode', '$plan', true);
              explain (analyze, costs off) execute claim(array[$id]::bigint[], $owner); commit;"
          fi
        done; } > "$WORK/$part.sql"
      eval "${part}_ms=\$(backend_cpu_ms \"\$db\" \"\$WORK/\$part.sql\")"
    done
    echo "claims (plan_cache_mode $plan): $K one-customer claims in one session, backend CPU $claims_ms ms = $(awk -v m="$claims_ms" -v k="$K" 'BEGIN {printf "%.3f", m / k}') ms per claim transaction (user check, rules, claim statement and its triggers, commit)"
    grep -E "Trigger|Planning Time|Execution Time|Update on|Insert on" "$WORK/out" | sed 's/^ */  warm claim, EXPLAIN ANALYZE: /'
    echo "  the same transactions without the claim statement: $overhead_ms ms; the claim statement alone: $(awk -v a="$claims_ms" -v b="$overhead_ms" -v k="$K" 'BEGIN {printf "%.3f", (a - b) / k}') ms per claim"
    # Releases: the same customers given back, each an owner change and its event, prepared, in the datasource's
    # force_custom_plan (planned at every execution, as every write path but the claim is).
    { echo "prepare release(bigint, bigint) as
              $release
              insert into customer_events (store_id, customer_id, type, at, actor_id, data)
              select $store, id, 'OWNER_CHANGED', now(), \$2, jsonb_build_object('stage', stage, 'kind', 'RELEASED',
                     'fromOwnerId', \$2, 'toOwnerId', null) from r;
            set plan_cache_mode = force_custom_plan;"
      tail -n +2 "$WORK/claims" | while IFS='|' read -r id owner; do
        echo "begin; execute release($id, $owner); commit;"
      done; } > "$WORK/releases.sql"
    ms=$(backend_cpu_ms "$db" "$WORK/releases.sql")
    echo "releases: $K in one session, backend CPU $ms ms = $(awk -v m="$ms" -v k="$K" 'BEGIN {printf "%.3f", m / k}') ms per release transaction (owner change, its event and their triggers, commit; force_custom_plan)"
    "${P[@]}" -c "select 'rollup check (own population per rep = customers owned): ' ||
                  case when (select coalesce(jsonb_object_agg(rep_id, n), '{}') from (select rep_id, sum(n) n from stats_daily
                             where store_id = $store and fact = 'OWN_ACTIVE' group by 1 having sum(n) <> 0) x)
                          = (select coalesce(jsonb_object_agg(owner_id, n), '{}') from (select owner_id, count(*) n from $OWNERS w
                             where owner_id is not null group by 1) y)
                       then 'equal' else 'DIFFERENT' end"
  done
} | tee "$RESULT"
echo "[bench] raw output: $RESULT"
