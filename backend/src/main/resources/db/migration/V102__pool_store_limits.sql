-- Issue 22, item 2: "limits apply per pool and per store as configured". Each pool's rules cap what one rep holds
-- and claims of that pool (V95); with several pools a rep could hold the cap in every one of them. The store's
-- limits cap the same across all pools together: private customers per rep, claims per rep per calendar day.
-- 0 switches a limit off, which is where every store starts: nothing changes until an admin sets one.
--
-- Online? A new table of one row per store, written on the first change, and one index on pool_claims built
-- under a SHARE lock (claims wait while it builds: 0.53 s for 1,000,000 claims on 2 cores).
create table pool_store_limits (
    store_id                       bigint      primary key references stores (id),
    max_private_customers_per_rep  integer     not null default 0 check (max_private_customers_per_rep between 0 and 100000),
    max_claims_per_rep_per_day     integer     not null default 0 check (max_claims_per_rep_per_day between 0 and 10000),
    version                        bigint      not null default 0,
    updated_at                     timestamptz not null
);

-- The store-wide daily count: a rep's claims since the start of the store's day, whatever the pool
-- (pool_claims_user_pool_time, V96, answers it only pool by pool).
create index pool_claims_user_time on pool_claims (store_id, user_id, claimed_at);

-- Each instance keeps the limits in memory with the store's pool rules: a change forgets both (V79's channel).
create or replace function notify_cache_change() returns trigger language plpgsql as $$
declare
  changed record;
begin
  if tg_op = 'DELETE' then changed := old; else changed := new; end if;
  -- One branch per table: PL/pgSQL resolves a record's fields when a statement first runs.
  if tg_table_name = 'users' then
    perform pg_notify('harbor_cache', 'user:' || changed.store_id || ':' || changed.id);
  elsif tg_table_name = 'pool_rules' or tg_table_name = 'pool_store_limits' then
    perform pg_notify('harbor_cache', 'pool_rules:' || changed.store_id);
  else
    perform pg_notify('harbor_cache', 'store:' || changed.id);
  end if;
  return null;
end $$;

create trigger pool_store_limits_cache_change after insert or update or delete on pool_store_limits for each row
  execute function notify_cache_change();
