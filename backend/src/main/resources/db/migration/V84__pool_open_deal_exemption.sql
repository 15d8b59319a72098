-- Open deals keep a customer with its owner (issue 23, item 3): with the pool rule exempt_open_deals on, a customer
-- with a sent quotation, or a sample order or order confirmed or paid and not yet shipped, does not return to the
-- pool by itself. Off by default: nothing changes for a store until an admin turns it on. (Drafts do not count: a
-- draft written only to hold a customer would otherwise defeat the rule.)
--
-- customer_owners.open_deals counts those orders; the orders trigger below recounts it on every change of an
-- order's status or customer. The three writers of due_at / due_rule (V78) are redefined to null both when the rule
-- applies, each in the same inlined form as before.
alter table pool_rules add column exempt_open_deals boolean not null default false;
alter table customer_owners add column open_deals integer not null default 0;

create function customer_open_deals_recount(p_store bigint, p_customer bigint) returns void language sql as $$
    update customer_owners o set open_deals = x.n
    from (select count(*)::integer as n from orders
          where store_id = p_store and customer_id = p_customer
            and ((kind = 'QUOTATION' and status = 'SENT') or (kind <> 'QUOTATION' and status in ('CONFIRMED', 'PAID')))) x
    where o.store_id = p_store and o.customer_id = p_customer and o.open_deals <> x.n
$$;

create function orders_open_deals() returns trigger language plpgsql as $$
begin
    if tg_op <> 'INSERT' then
        perform customer_open_deals_recount(old.store_id, old.customer_id);
    end if;
    if tg_op = 'INSERT' or (tg_op = 'UPDATE' and new.customer_id <> old.customer_id) then
        perform customer_open_deals_recount(new.store_id, new.customer_id);
    end if;
    return null;
end $$;
create trigger orders_open_deals after insert or delete or update of status, customer_id on orders
    for each row execute function orders_open_deals();

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
          or new.open_deals is distinct from old.open_deals then
        -- the customer's clock columns and the store's rules, read here (a SQL function would be planned per row)
        select case when c.status = 'ACTIVE' and not (coalesce(r.exempt_open_deals, false) and new.open_deals > 0)
                    then pool_return_at(new.owned_since, c.last_follow_up_at, c.stage,
                    r.return_after_days_without_follow_up, r.return_after_days_without_deal, r.stage_follow_up_days) end,
               case when c.status = 'ACTIVE' and not (coalesce(r.exempt_open_deals, false) and new.open_deals > 0)
                    then pool_return_rule(new.owned_since, c.last_follow_up_at, c.stage,
                    r.return_after_days_without_follow_up, r.return_after_days_without_deal, r.stage_follow_up_days) end
        into new.due_at, new.due_rule
        from customers c left join pool_rules r on r.store_id = c.store_id
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
        from pool_rules r where r.store_id = new.store_id)
    where o.store_id = new.store_id and o.customer_id = new.id and o.owner_id is not null;
    return null;
end;
$$;

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
          where w.store_id = new.store_id and w.owner_id is not null) x
    where o.store_id = new.store_id and o.customer_id = x.id
      and (o.due_at is distinct from x.due_at or o.due_rule is distinct from x.due_rule);
    return null;
end;
$$;
