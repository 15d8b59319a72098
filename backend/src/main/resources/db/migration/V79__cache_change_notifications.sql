-- Each instance keeps three small things in memory (common/cache): a signed-in user's role and token version,
-- a store's pool rules and a store's time zone, so that a request does not pay a round trip for each. Whoever
-- changes them, through the application or by hand, the row's trigger announces it on the channel
-- 'harbor_cache' as 'kind:key'. NOTIFY is delivered when (and only if) the transaction commits, and every
-- instance LISTENs on a connection of its own and forgets its copy (common/cache/ChangeFeed).

create function notify_cache_change() returns trigger language plpgsql as $$
declare
  changed record;
begin
  if tg_op = 'DELETE' then changed := old; else changed := new; end if;
  -- One branch per table: PL/pgSQL resolves a record's fields when a statement first runs.
  if tg_table_name = 'users' then
    perform pg_notify('harbor_cache', 'user:' || changed.store_id || ':' || changed.id);
  elsif tg_table_name = 'pool_rules' then
    perform pg_notify('harbor_cache', 'pool_rules:' || changed.store_id);
  else
    perform pg_notify('harbor_cache', 'store:' || changed.id);
  end if;
  return null;
end $$;

-- Only what the token check reads: a user's name or last sign-in changing says nothing to the caches.
create trigger users_cache_change after update on users for each row
  when (old.role is distinct from new.role or old.active is distinct from new.active
        or old.token_version is distinct from new.token_version)
  execute function notify_cache_change();
create trigger users_cache_forget after delete on users for each row execute function notify_cache_change();

create trigger pool_rules_cache_change after insert or update or delete on pool_rules for each row
  execute function notify_cache_change();

create trigger stores_cache_change after update on stores for each row
  when (old.time_zone is distinct from new.time_zone)
  execute function notify_cache_change();
create trigger stores_cache_forget after delete on stores for each row execute function notify_cache_change();
