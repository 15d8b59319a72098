-- Each pool has rules of its own (issue 22, item 2): return days (per stage too), the warning, the open-deal
-- exemption, the purge, contact masking and the rep limits. A customer's return date follows the rules of the pool
-- it belongs to, or remembers while owned (customer_owners.pool_id, V94); a rep's limits count per pool: the
-- private customers they hold from that pool and the claims they made in it today.
--
-- pool_rules was one row per store: it is now one row per pool. The store's row becomes its default pool's (0);
-- every other pool gets a copy of it here, and a pool added later a copy of the default pool's rules from the
-- trigger below (an admin then edits them). Deleting a pool deletes its rules; its customers go to pool 0 (V94), whose
-- rules the ownership trigger then applies.
--
-- Online? pool_rules has one row per pool; pool_claims gets a column with a constant default (no row rewritten).
-- The three writers of due_at change only in which rules row they read. On 1,900,000 customers: see the README's
-- upgrade table.

alter table pool_rules add column pool_id bigint not null default 0;
alter table pool_rules drop constraint pool_rules_pkey;
alter table pool_rules add primary key (store_id, pool_id);
alter table pool_rules add foreign key (store_id, pool_id) references pools (store_id, id) on delete cascade;

insert into pool_rules (store_id, pool_id, return_after_days_without_follow_up, return_after_days_without_deal,
                        warn_days_before_return, max_private_customers_per_rep, max_claims_per_rep_per_day,
                        reclaim_cooldown_days, purge_unclaimed_after_days, mask_contacts, stage_follow_up_days,
                        exempt_open_deals, updated_at)
select p.store_id, p.id, r.return_after_days_without_follow_up, r.return_after_days_without_deal,
       r.warn_days_before_return, r.max_private_customers_per_rep, r.max_claims_per_rep_per_day,
       r.reclaim_cooldown_days, r.purge_unclaimed_after_days, r.mask_contacts, r.stage_follow_up_days,
       r.exempt_open_deals, now()
from pools p join pool_rules r on r.store_id = p.store_id and r.pool_id = 0
where p.id <> 0;

-- A new pool starts with the default pool's rules. (Pool 0 itself gets its row when the store is opened.)
create function pools_rules_copy() returns trigger language plpgsql as $$
begin
    insert into pool_rules (store_id, pool_id, return_after_days_without_follow_up, return_after_days_without_deal,
                            warn_days_before_return, max_private_customers_per_rep, max_claims_per_rep_per_day,
                            reclaim_cooldown_days, purge_unclaimed_after_days, mask_contacts, stage_follow_up_days,
                            exempt_open_deals, updated_at)
    select new.store_id, new.id, r.return_after_days_without_follow_up, r.return_after_days_without_deal,
           r.warn_days_before_return, r.max_private_customers_per_rep, r.max_claims_per_rep_per_day,
           r.reclaim_cooldown_days, r.purge_unclaimed_after_days, r.mask_contacts, r.stage_follow_up_days,
           r.exempt_open_deals, now()
    from pool_rules r where r.store_id = new.store_id and r.pool_id = 0;
    return null;
end;
$$;
create trigger pools_rules_copy after insert on pools for each row when (new.id <> 0)
    execute function pools_rules_copy();

-- The daily claim limit counts a rep's claims in one pool.
alter table pool_claims add column pool_id bigint not null default 0;

-- The three writers of due_at (V84), reading the rules of the customer's pool. A move to another pool changes the
-- rules that apply, so the ownership row's own trigger also recomputes on a change of pool_id.
create or replace function customer_owners_clock() returns trigger language plpgsql set plan_cache_mode = auto as $$
begin
    if tg_op = 'UPDATE' and new.owner_id is distinct from old.owner_id then
        if new.owner_id is null then
            new.owned_since := null;
            if new.pooled_since is not distinct from old.pooled_since then
                new.pooled_since := now();
            end if;
        else
            new.pooled_since := null;
            if new.owned_since is not distinct from old.owned_since then
                new.owned_since := now();
            end if;
        end if;
    elsif tg_op = 'INSERT' then
        if new.owner_id is null then
            new.owned_since := null;
            new.pooled_since := coalesce(new.pooled_since, now());
        else
            new.pooled_since := null;
            new.owned_since := coalesce(new.owned_since, now());
        end if;
    end if;
    if new.owner_id is null then
        new.due_at := null;
        new.due_rule := null;
    elsif tg_op = 'INSERT' or new.owner_id is distinct from old.owner_id or new.owned_since is distinct from old.owned_since
          or new.open_deals is distinct from old.open_deals or new.pool_id is distinct from old.pool_id then
        -- the customer's clock columns and its pool's rules, read here (a SQL function would be planned per row)
        select case when c.status = 'ACTIVE' and not (coalesce(r.exempt_open_deals, false) and new.open_deals > 0)
                    then pool_return_at(new.owned_since, c.last_follow_up_at, c.stage,
                    r.return_after_days_without_follow_up, r.return_after_days_without_deal, r.stage_follow_up_days) end,
               case when c.status = 'ACTIVE' and not (coalesce(r.exempt_open_deals, false) and new.open_deals > 0)
                    then pool_return_rule(new.owned_since, c.last_follow_up_at, c.stage,
                    r.return_after_days_without_follow_up, r.return_after_days_without_deal, r.stage_follow_up_days) end
        into new.due_at, new.due_rule
        from customers c left join pool_rules r on r.store_id = c.store_id and r.pool_id = new.pool_id
        where c.store_id = new.store_id and c.id = new.customer_id;
    end if;
    return new;
end;
$$;

create or replace function customers_owner_due() returns trigger language plpgsql set plan_cache_mode = auto as $$
begin
    update customer_owners o
    set (due_at, due_rule) = (
        select case when new.status = 'ACTIVE' and not (r.exempt_open_deals and o.open_deals > 0)
                    then pool_return_at(o.owned_since, new.last_follow_up_at, new.stage,
                    r.return_after_days_without_follow_up, r.return_after_days_without_deal, r.stage_follow_up_days) end,
               case when new.status = 'ACTIVE' and not (r.exempt_open_deals and o.open_deals > 0)
                    then pool_return_rule(o.owned_since, new.last_follow_up_at, new.stage,
                    r.return_after_days_without_follow_up, r.return_after_days_without_deal, r.stage_follow_up_days) end
        from pool_rules r where r.store_id = new.store_id and r.pool_id = o.pool_id)
    where o.store_id = new.store_id and o.customer_id = new.id and o.owner_id is not null;
    return null;
end;
$$;

-- A change of one pool's rules recomputes the owned customers of that pool only.
create or replace function pool_rules_due() returns trigger language plpgsql set plan_cache_mode = auto as $$
begin
    update customer_owners o
    set due_at = x.due_at, due_rule = x.due_rule
    from (select c.id,
                 case when c.status = 'ACTIVE' and not (new.exempt_open_deals and w.open_deals > 0)
                      then pool_return_at(w.owned_since, c.last_follow_up_at, c.stage,
                      new.return_after_days_without_follow_up, new.return_after_days_without_deal, new.stage_follow_up_days) end as due_at,
                 case when c.status = 'ACTIVE' and not (new.exempt_open_deals and w.open_deals > 0)
                      then pool_return_rule(w.owned_since, c.last_follow_up_at, c.stage,
                      new.return_after_days_without_follow_up, new.return_after_days_without_deal, new.stage_follow_up_days) end as due_rule
          from customer_owners w
          join customers c on c.store_id = w.store_id and c.id = w.customer_id
          where w.store_id = new.store_id and w.pool_id = new.pool_id and w.owner_id is not null) x
    where o.store_id = new.store_id and o.customer_id = x.id
      and (o.due_at is distinct from x.due_at or o.due_rule is distinct from x.due_rule);
    return null;
end;
$$;
