#!/usr/bin/env bash
# The database CPU of the claim statement before and after per-pool limits (issue 22 item 2, V95), on one database
# at the latest schema: the V94 form (one store-wide quota, bound as parameters) against the V95 form (a quota per
# pool of the requested customers, read from pool_rules in the statement, a per-pool cooldown), each as PoolService
# sends it (prepared, generic plan, one customer per claim, in its own transaction). FORMS="v95 v102" compares the
# V95 form with the V102 one (the pools' quotas, then the store's limits across pools, bound as parameters).
#
# Two rule sets: LIMITS=off (every limit 0: no counting, the statement's own shape) and LIMITS=on (caps so high
# that no claim is refused, so each claim counts the rep's customers and today's claims: the counting's cost; the
# V102 form counts the store's limits as well as the pool's).
# Data: one store of N customers (bench/customers/generate.sql: 70% owned by 16 reps, 30% in the pool); K claims
# per form and rule set, twice, on disjoint customers, the forms alternating; CPU is the session's backend CPU
# from /proc, minus the same transactions without the claim statement.
#
#   bench/pool/claim-statement-cpu.sh            N=100000 K=3000 FORMS="v94 v95" (8 slices of K pool customers: 8K <= 0.3 N)
#   UPTO=104 FORMS="v102 v102" bench/pool/claim-statement-cpu.sh    the schema as of V104 (return dates not inlined)
# Raw output: bench/out/claim-statement-<time>.txt
source "$(dirname "$0")/../lib.sh"
N="${N:-100000}"
K="${K:-3000}"
read -r FORM_A FORM_B <<< "${FORMS:-v94 v95}"
# The schema's last migration (UPTO=104: before V105 made the return-date functions inlinable); default: all.
UPTO="${UPTO:-99999}"
MIGRATIONS="$BENCH_ROOT/backend/src/main/resources/db/migration"
RESULT="$OUT/claim-statement-$(date -u +%Y%m%dT%H%M).txt"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
bench_pg
PSQL=(psql -h 127.0.0.1 -p "$BENCH_PG_PORT" -U postgres -d postgres -qAt)   # for machine()
DB=harbor_bench_claim_statement
P=(psql -h 127.0.0.1 -p "$BENCH_PG_PORT" -U postgres -d "$DB" -qAtX -v ON_ERROR_STOP=1)

backend_cpu_ms() {
  local file=$1
  {
    echo '\o '"$WORK/pid"
    echo 'select pg_backend_pid();'
    echo '\o'
    echo '\! awk '"'"'{print $14 + $15}'"'"' /proc/$(cat '"$WORK/pid"')/stat > '"$WORK/cpu0"
    cat "$file"
    echo '\! awk '"'"'{print $14 + $15}'"'"' /proc/$(cat '"$WORK/pid"')/stat > '"$WORK/cpu1"
  } > "$WORK/run.sql"
  "${P[@]}" -f "$WORK/run.sql" > "$WORK/out"
  echo $(( ($(cat "$WORK/cpu1") - $(cat "$WORK/cpu0")) * 1000 / $(getconf CLK_TCK) ))
}

{
  machine
  "${SUPER_PSQL[@]}" -qc "drop database if exists $DB" -c "create database $DB owner harbor" >/dev/null
  ls "$MIGRATIONS" | sed -n 's/^V\([0-9]*\)__.*\.sql$/\1 &/p' | sort -n | while read -r version file; do
    [ "$version" -le "$UPTO" ] || continue
    psql -h 127.0.0.1 -p "$BENCH_PG_PORT" -U postgres -d "$DB" -qX -v ON_ERROR_STOP=1 -1 -f "$MIGRATIONS/$file" >/dev/null
  done
  store=$("${P[@]}" -c "insert into stores (name, time_zone) values ('Claim statement', 'Asia/Shanghai') returning id")
  "${P[@]}" -c "insert into pool_rules (store_id, pool_id, updated_at) values ($store, 0, now())"
  reps=$("${P[@]}" -c "with r as (insert into users (store_id, name, email, password_hash, role)
                        select $store, 'Rep ' || g, 'rep' || g || '@claim.bench', 'x', 'REP' from generate_series(1, 16) g
                        returning id) select '{' || string_agg(id::text, ',') || '}' from r")
  "${P[@]}" -v store="$store" -v n="$N" -v reps="$reps" -f "$BENCH_ROOT/bench/customers/generate.sql" >/dev/null
  "${P[@]}" -c "vacuum analyze" >/dev/null
  echo "schema: $([ "$UPTO" = 99999 ] && echo 'every migration' || echo "migrations up to V$UPTO")"
  echo "data: one store of $N customers (70% owned by 16 reps, 30% in the default pool); $K one-customer claims per form and rule set"
  # Pool customers, each with the rep (round robin) that will claim it: four disjoint slices of K.
  "${P[@]}" -c "select c.customer_id, u.id from (select customer_id, row_number() over (order by customer_id) - 1 as k
                from customer_owners where store_id = $store and owner_id is null order by customer_id limit $((8 * K))) c
                join (select id, row_number() over (order by id) - 1 as k from users where store_id = $store) u
                  on u.k = c.k % 16 order by c.customer_id" > "$WORK/claims"

  v94="prepare claim(bigint[], bigint, timestamptz, timestamptz, int, int, int) as
    with requested as (select id, pos from unnest(\$1) with ordinality as r(id, pos)),
    cooling as (select customer_id as id from pool_returns where store_id = $store and user_id = \$2
                and customer_id = any(\$1) and returned_at > \$3 - make_interval(days => \$7)),
    locked as materialized (select customer_id as id, owner_id from customer_owners
                where store_id = $store and customer_id = any(\$1) order by customer_id for update),
    quota as (select least(cast(\$5 as bigint) - OWNED, cast(\$6 as bigint) - TODAY) as n),
    picked as (select l.id from locked l join requested r on r.id = l.id
               where l.owner_id is null and l.id not in (select id from cooling) order by r.pos
               limit (select greatest(0, n) from quota)),
    taken as (update customer_owners o set owner_id = \$2, owned_since = \$3, pooled_since = null
              from picked where o.store_id = $store and o.customer_id = picked.id returning o.customer_id as id),
    ev as (insert into customer_events (store_id, customer_id, type, at, actor_id, data)
           select $store, t.id, 'OWNER_CHANGED', \$3, \$2, jsonb_build_object('ownerId', \$2, 'stage', c.stage,
                  'kind', 'CLAIMED', 'fromOwnerId', null, 'toOwnerId', \$2)
           from taken t join customers c on c.store_id = $store and c.id = t.id),
    log as (insert into pool_claims (store_id, user_id, customer_id, claimed_at) select $store, \$2, id, \$3 from taken)
    select r.id, case when t.id is not null then 'CLAIMED' else 'FAILED' end
    from requested r left join locked l on l.id = r.id left join taken t on t.id = r.id order by r.pos;"
  v95="prepare claim(bigint[], bigint, timestamptz, timestamptz, int, int, int) as
    with requested as (select id, pos from unnest(\$1) with ordinality as r(id, pos)),
    locked as materialized (select customer_id as id, owner_id, pool_id from customer_owners
                where store_id = $store and customer_id = any(\$1) order by customer_id for update),
    rules as materialized (select pool_id, max_private_customers_per_rep as max_private,
                max_claims_per_rep_per_day as max_daily, reclaim_cooldown_days as cooldown
                from pool_rules where store_id = $store and pool_id in (select pool_id from locked)),
    quota as (select r.pool_id,
                case when r.max_private = 0 then 2147483647 else r.max_private - (select count(*) from (
                  select 1 from customer_owners where store_id = $store and owner_id = \$2 and pool_id = r.pool_id
                  limit r.max_private) x) end as private_left,
                case when r.max_daily = 0 then 2147483647 else r.max_daily - (select count(*) from (
                  select 1 from pool_claims where store_id = $store and user_id = \$2 and pool_id = r.pool_id
                    and claimed_at >= \$4 limit r.max_daily) x) end as daily_left
              from rules r),
    cooling as (select l.id from locked l join rules r on r.pool_id = l.pool_id
                where r.cooldown > 0 and exists (select 1 from pool_returns p where p.store_id = $store
                  and p.user_id = \$2 and p.customer_id = l.id and p.returned_at > \$3 - make_interval(days => r.cooldown))),
    candidates as (select l.id, l.pool_id, row_number() over (partition by l.pool_id order by r.pos) as n
                   from locked l join requested r on r.id = l.id
                   where l.owner_id is null and l.id not in (select id from cooling)),
    picked as (select c.id from candidates c join quota q on q.pool_id = c.pool_id
               where c.n <= least(q.private_left, q.daily_left)),
    STORE_QUOTA
    taken as (update customer_owners o set owner_id = \$2, owned_since = \$3, pooled_since = null
              from picked where o.store_id = $store and o.customer_id = picked.id
              returning o.customer_id as id, o.pool_id),
    ev as (insert into customer_events (store_id, customer_id, type, at, actor_id, data)
           select $store, t.id, 'OWNER_CHANGED', \$3, \$2, jsonb_build_object('ownerId', \$2, 'stage', c.stage,
                  'kind', 'CLAIMED', 'fromOwnerId', null, 'toOwnerId', \$2)
           from taken t join customers c on c.store_id = $store and c.id = t.id),
    log as (insert into pool_claims (store_id, user_id, customer_id, claimed_at, pool_id)
            select $store, \$2, id, \$3, pool_id from taken)
    select r.id, case when t.id is not null then 'CLAIMED' else 'FAILED' end
    from requested r left join locked l on l.id = r.id left join taken t on t.id = r.id order by r.pos;"

  # V102: the same, and then the store's limits across pools ($5, $6; 0: off) over what the pools allow.
  v102="${v95/candidates as (select l.id, l.pool_id, row_number()/candidates as (select l.id, l.pool_id, r.pos, row_number()}"
  v102="${v102/picked as (select c.id from candidates c join quota q/pool_allows as (select c.id, c.pos from candidates c join quota q}"
  v102="${v102/STORE_QUOTA/store_quota as (select
                case when \$5 = 0 then 2147483647 else \$5 - (select count(*) from (select 1 from customer_owners
                  where store_id = $store and owner_id = \$2 limit \$5) x) end as private_left,
                case when \$6 = 0 then 2147483647 else \$6 - (select count(*) from (select 1 from pool_claims
                  where store_id = $store and user_id = \$2 and claimed_at >= \$4 limit \$6) x) end as daily_left),
    picked as (select a.id from (select id, row_number() over (order by pos) as m from pool_allows) a
               cross join store_quota s where a.m <= least(s.private_left, s.daily_left)),}"
  v95="${v95/STORE_QUOTA/}"

  slice=0
  for limits in off on; do
    if [ "$limits" = off ]; then private=0; daily=0; cooldown=0; else private=100000; daily=100000; cooldown=7; fi
    "${P[@]}" -c "update pool_rules set max_private_customers_per_rep = $private, max_claims_per_rep_per_day = $daily,
                  reclaim_cooldown_days = $cooldown where store_id = $store" >/dev/null
    # Each form twice, alternating, so that neither gains from running second (warm caches, grown tables).
    for form in $FORM_A $FORM_B $FORM_A $FORM_B; do
      slice=$((slice + 1))
      sed -n "$(( (slice - 1) * K + 1 )),$(( slice * K ))p" "$WORK/claims" > "$WORK/slice"
      # The V94 form had the store's limits bound as parameters (0 off: no bound); V95 reads them in the statement.
      p5=$([ "$private" = 0 ] && echo 2147483647 || echo "$private"); p6=$([ "$daily" = 0 ] && echo 2147483647 || echo "$daily")
      # V102 binds the store's limits as they are stored (0: off).
      [ "$form" = v102 ] && { p5=$private; p6=$daily; }
      # As V94's PoolService built it: a limit that is off (0) counts nothing.
      owned=$([ "$private" = 0 ] && echo 0 || echo "(select count(*) from (select 1 from customer_owners
                  where store_id = $store and owner_id = \$2 limit \$5) x)")
      today=$([ "$daily" = 0 ] && echo 0 || echo "(select count(*) from (select 1 from pool_claims
                  where store_id = $store and user_id = \$2 and claimed_at >= \$4 limit \$6) x)")
      statement="${!form}"
      statement="${statement/OWNED/$owned}"
      statement="${statement/TODAY/$today}"
      for part in overhead claims; do
        { echo "$statement"
          echo "set plan_cache_mode = force_generic_plan;"
          while IFS='|' read -r id owner; do
            echo "begin;"
            [ "$part" = claims ] && echo "execute claim(array[$id]::bigint[], $owner, now(), date_trunc('day', now()), $p5, $p6, $cooldown);"
            echo "commit;"
          done < "$WORK/slice"; } > "$WORK/$part.sql"
        eval "${part}_ms=\$(backend_cpu_ms \"\$WORK/\$part.sql\")"
      done
      ids=$(cut -d'|' -f1 "$WORK/slice" | paste -sd,)
      claimed=$("${P[@]}" -c "select count(*) from customer_owners where store_id = $store and customer_id in ($ids)
                             and owner_id is not null")
      echo "limits $limits, form $form: $K claims ($claimed owned after), backend CPU $claims_ms ms, without the claim $overhead_ms ms: the claim statement $(awk -v a="$claims_ms" -v b="$overhead_ms" -v k="$K" 'BEGIN {printf "%.3f", (a - b) / k}') ms per claim"
    done
  done
} | tee "$RESULT"
echo "[bench] raw output: $RESULT"
