-- Which pools a rep sees is kept in memory too (issue 21 item 4: a page is one statement): a rep's pool page, pool
-- customer, inquiry inbox and claim each asked the database for the rep's pools first, one more round trip per
-- request. Each instance now keeps a store's pools with their members and member teams (pool/PoolDirectory), and a
-- user's team with their role (common/security/ActiveUsers). Whoever changes them, the rows' triggers announce it on
-- V79's channel: 'pool_access:<store>' for pools, members and member teams, 'user:<store>:<id>' for a user's team.
-- Function and triggers only: instant on any store.
create or replace function notify_cache_change() returns trigger language plpgsql
set plan_cache_mode = auto as $$
declare
  changed record;
begin
  if tg_op = 'DELETE' then changed := old; else changed := new; end if;
  -- One branch per table: PL/pgSQL resolves a record's fields when a statement first runs.
  if tg_table_name = 'users' then
    perform pg_notify('harbor_cache', 'user:' || changed.store_id || ':' || changed.id);
  elsif tg_table_name = 'pool_rules' or tg_table_name = 'pool_store_limits' then
    perform pg_notify('harbor_cache', 'pool_rules:' || changed.store_id);
  elsif tg_table_name in ('pools', 'pool_members', 'pool_member_teams') then
    -- NOTIFY sends one of identical payloads per transaction: a pool's hundred members announce it once.
    perform pg_notify('harbor_cache', 'pool_access:' || changed.store_id);
  else
    perform pg_notify('harbor_cache', 'store:' || changed.id);
  end if;
  return null;
end $$;

-- A pool's name or version says nothing about who sees it.
create trigger pools_cache_change after update on pools for each row
  when (old.everyone is distinct from new.everyone)
  execute function notify_cache_change();
create trigger pools_cache_add_or_forget after insert or delete on pools for each row
  execute function notify_cache_change();
create trigger pool_members_cache_change after insert or update or delete on pool_members for each row
  execute function notify_cache_change();
create trigger pool_member_teams_cache_change after insert or update or delete on pool_member_teams for each row
  execute function notify_cache_change();

-- The token check's copy of a user now holds the team too (pools name teams as members).
drop trigger users_cache_change on users;
create trigger users_cache_change after update on users for each row
  when (old.role is distinct from new.role or old.active is distinct from new.active
        or old.token_version is distinct from new.token_version or old.team is distinct from new.team)
  execute function notify_cache_change();
