-- Issue 22: each pool says what reps see of each contact of its customers before claiming them (PoolRules
-- fieldVisibility: VISIBLE, MASKED or HIDDEN per field). '{}' reads as every contact masked: what every pool did
-- before, so nothing changes until an admin chooses otherwise. A default on a new column is stored in the
-- catalogue only (no table rewrite): online, instant.
alter table pool_rules add column field_visibility jsonb not null default '{}'
    check (jsonb_typeof(field_visibility) = 'object');

-- A new pool starts with the default pool's rules (V95, V98), its field visibility included.
create or replace function pools_rules_copy() returns trigger language plpgsql as $$
begin
    insert into pool_rules (store_id, pool_id, return_after_days_without_follow_up, return_after_days_without_deal,
                            warn_days_before_return, max_private_customers_per_rep, max_claims_per_rep_per_day,
                            reclaim_cooldown_days, purge_unclaimed_after_days, mask_contacts, stage_follow_up_days,
                            exempt_open_deals, escalate_days_before_return, field_visibility, updated_at)
    select new.store_id, new.id, r.return_after_days_without_follow_up, r.return_after_days_without_deal,
           r.warn_days_before_return, r.max_private_customers_per_rep, r.max_claims_per_rep_per_day,
           r.reclaim_cooldown_days, r.purge_unclaimed_after_days, r.mask_contacts, r.stage_follow_up_days,
           r.exempt_open_deals, r.escalate_days_before_return, r.field_visibility, now()
    from pool_rules r where r.store_id = new.store_id and r.pool_id = 0;
    return null;
end;
$$;
