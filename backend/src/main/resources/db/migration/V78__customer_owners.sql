-- Ownership in a narrow table (issue 21, item 2). Who owns a customer, since when, and when it goes back to the pool
-- leave the wide customers row: a claim, an assignment, a release or a sweep then updates a row of seven columns
-- with four small indexes instead of a row with nineteen indexes (three of them trigram and jsonb GIN). Measured on
-- 100,000 customers: 13-15 us per narrow update against 117-131 us for the wide one.
--
-- due_at / due_rule (when and why the customer goes back, V20's pool_return_at) are stored and kept exact here,
-- by the database, whatever code path writes: an owner change (before-trigger below), a follow-up, a stage or a
-- status change of the customer (customers_owner_due, after-trigger), a change of the store's rules (pool_rules_due,
-- one statement per store). The sweep, the warnings, the preview, the reminders and every read take them from here,
-- so a list page no longer calls two functions per row, and a follow-up racing the sweep updates the very row the
-- sweep's UPDATE waits for and re-checks.
--
-- Every customer has exactly one row, written with the customer by the one writer of ownership
-- (customer/Ownership.java); a pool customer's owner_id is null. Designed to take the pool a customer belongs to
-- (pools v2) as one more column here.
--
-- Online? The data move copies one narrow row per customer (on 1,000,000 customers about 10 s on 2 cores, under an
-- exclusive lock of customers for the whole migration); see README "Upgrading".

-- V20's pool_return_at and pool_return_rule were declared immutable, but timestamptz + interval is only stable:
-- PostgreSQL then refuses to inline them, and the row triggers below would plan both bodies again on every call.
alter function pool_return_at(timestamptz, timestamptz, text, integer, integer, jsonb) stable;
alter function pool_return_rule(timestamptz, timestamptz, text, integer, integer, jsonb) stable;

create table customer_owners (
    store_id     bigint      not null,
    customer_id  bigint      not null,
    owner_id     bigint,
    owned_since  timestamptz,
    pooled_since timestamptz,
    due_at       timestamptz,
    due_rule     varchar(16),
    primary key (store_id, customer_id),
    foreign key (store_id, customer_id) references customers (store_id, id) on delete cascade,
    foreign key (store_id, owner_id) references users (store_id, id)
);

insert into customer_owners (store_id, customer_id, owner_id, owned_since, pooled_since, due_at, due_rule)
select c.store_id, c.id, c.owner_id, c.owned_since, c.pooled_since,
       case when c.owner_id is not null and c.status = 'ACTIVE' then pool_return_at(c.owned_since, c.last_follow_up_at,
            c.stage, r.return_after_days_without_follow_up, r.return_after_days_without_deal, r.stage_follow_up_days) end,
       case when c.owner_id is not null and c.status = 'ACTIVE' then pool_return_rule(c.owned_since, c.last_follow_up_at,
            c.stage, r.return_after_days_without_follow_up, r.return_after_days_without_deal, r.stage_follow_up_days) end
from customers c
left join pool_rules r on r.store_id = c.store_id;

-- A rep's customers (screening "mine", limits, reminders), the pool (owner_id null), and the sweep's work list.
create index customer_owners_owner on customer_owners (store_id, owner_id, customer_id);
create index customer_owners_due on customer_owners (store_id, due_at) where due_at is not null;

-- The pool clocks of V20, now on this row: an owner change that does not set them itself gets them from the clock
-- of the transaction's writer (owned_since/pooled_since default to now()); and the return date follows.
create function customer_owners_clock() returns trigger language plpgsql set plan_cache_mode = auto as $$
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
    elsif tg_op = 'INSERT' or new.owner_id is distinct from old.owner_id or new.owned_since is distinct from old.owned_since then
        -- the customer's clock columns and the store's rules, read here (a SQL function would be planned per row)
        select case when c.status = 'ACTIVE' then pool_return_at(new.owned_since, c.last_follow_up_at, c.stage,
                    r.return_after_days_without_follow_up, r.return_after_days_without_deal, r.stage_follow_up_days) end,
               case when c.status = 'ACTIVE' then pool_return_rule(new.owned_since, c.last_follow_up_at, c.stage,
                    r.return_after_days_without_follow_up, r.return_after_days_without_deal, r.stage_follow_up_days) end
        into new.due_at, new.due_rule
        from customers c left join pool_rules r on r.store_id = c.store_id
        where c.store_id = new.store_id and c.id = new.customer_id;
    end if;
    return new;
end;
$$;
create trigger customer_owners_clock before insert or update on customer_owners
    for each row execute function customer_owners_clock();

-- A follow-up, a stage or a status change moves the return date of an owned customer. (The customer's row is
-- NEW; only the rules are read.)
create function customers_owner_due() returns trigger language plpgsql set plan_cache_mode = auto as $$
begin
    update customer_owners o
    set (due_at, due_rule) = (
        select case when new.status = 'ACTIVE' then pool_return_at(o.owned_since, new.last_follow_up_at, new.stage,
                    r.return_after_days_without_follow_up, r.return_after_days_without_deal, r.stage_follow_up_days) end,
               case when new.status = 'ACTIVE' then pool_return_rule(o.owned_since, new.last_follow_up_at, new.stage,
                    r.return_after_days_without_follow_up, r.return_after_days_without_deal, r.stage_follow_up_days) end
        from pool_rules r where r.store_id = new.store_id)
    where o.store_id = new.store_id and o.customer_id = new.id and o.owner_id is not null;
    return null;
end;
$$;
create trigger customers_owner_due after update of last_follow_up_at, stage, status on customers
    for each row when (old.last_follow_up_at is distinct from new.last_follow_up_at or old.stage is distinct from new.stage
                       or old.status is distinct from new.status)
    execute function customers_owner_due();

-- A change of the store's rules recomputes the store's owned customers in one statement.
create function pool_rules_due() returns trigger language plpgsql set plan_cache_mode = auto as $$
begin
    update customer_owners o
    set due_at = x.due_at, due_rule = x.due_rule
    from (select c.id,
                 case when c.status = 'ACTIVE' then pool_return_at(w.owned_since, c.last_follow_up_at, c.stage,
                      new.return_after_days_without_follow_up, new.return_after_days_without_deal, new.stage_follow_up_days) end as due_at,
                 case when c.status = 'ACTIVE' then pool_return_rule(w.owned_since, c.last_follow_up_at, c.stage,
                      new.return_after_days_without_follow_up, new.return_after_days_without_deal, new.stage_follow_up_days) end as due_rule
          from customer_owners w
          join customers c on c.store_id = w.store_id and c.id = w.customer_id
          where w.store_id = new.store_id and w.owner_id is not null) x
    where o.store_id = new.store_id and o.customer_id = x.id
      and (o.due_at is distinct from x.due_at or o.due_rule is distinct from x.due_rule);
    return null;
end;
$$;
create trigger pool_rules_due after insert or update on pool_rules
    for each row execute function pool_rules_due();

-- The OWNED statistics (V73, V74) follow the owner where it now lives.
drop trigger customers_stats_owned_added on customers;
drop trigger customers_stats_owner_changed on customers;
drop trigger customers_stats_owned_removed on customers;
create trigger customer_owners_stats_owned_added after insert on customer_owners
    referencing new table as new_rows for each statement execute function stats_customers_owned_added();
create or replace function stats_customers_owner_changed() returns trigger language plpgsql set plan_cache_mode = auto as $$
begin
    insert into stats_daily (store_id, day, fact, rep_id, n)
    select c.store_id, current_date, 'OWNED', c.owner_id, sum(c.n)
    from new_rows n
    join old_rows o on o.store_id = n.store_id and o.customer_id = n.customer_id and o.owner_id is distinct from n.owner_id
    cross join lateral (values (n.store_id, n.owner_id, 1), (o.store_id, o.owner_id, -1)) c (store_id, owner_id, n)
    where c.owner_id is not null
    group by 1, 2, 3, 4
    having sum(c.n) <> 0;
    return null;
end;
$$;
create trigger customer_owners_stats_owner_changed after update on customer_owners
    referencing old table as old_rows new table as new_rows for each statement
    execute function stats_customers_owner_changed();
create trigger customer_owners_stats_owned_removed after delete on customer_owners
    referencing old table as old_rows for each statement execute function stats_customers_owned_removed();

-- A time zone change recounts the OWNED facts from here (V73's recount read customers.owner_id).
create or replace function stats_daily_rezone() returns trigger language plpgsql set plan_cache_mode = auto as $$
begin
    delete from stats_daily where store_id = new.id;
    insert into stats_daily (store_id, day, fact, rep_id, reason_id, source, stage, n, compacted)
    select e.store_id, (e.at at time zone new.time_zone)::date, f.fact, f.rep_id, f.reason_id, f.source, f.stage,
           sum(f.n), true
    from customer_events e
    cross join lateral stats_event_facts(e.type, e.data) f
    where e.store_id = new.id
    group by 1, 2, 3, 4, 5, 6, 7
    having sum(f.n) <> 0;
    perform stats_daily_funnel_facts(new.id, new.time_zone);
    insert into stats_daily (store_id, day, fact, rep_id, n, compacted)
    select f.store_id, (f.occurred_at at time zone new.time_zone)::date, 'FOLLOW_UP', f.author_id, count(*), true
    from follow_ups f where f.store_id = new.id
    group by 1, 2, 3, 4;
    insert into stats_daily (store_id, day, fact, rep_id, n, compacted)
    select store_id, current_date, 'OWNED', owner_id, count(*), true
    from customer_owners where store_id = new.id and owner_id is not null
    group by 1, 2, 3, 4;
    return null;
end;
$$;

-- Merges that can still be undone kept their duplicates' owners inside the customers' snapshots: an undo now
-- restores them from snapshot->'owners', as new merges write it.
update merges m
set snapshot = m.snapshot || jsonb_build_object('owners', (
    select coalesce(jsonb_agg(jsonb_build_object('store_id', d->'store_id', 'customer_id', d->'id',
                                                 'owner_id', d->'owner_id', 'owned_since', d->'owned_since',
                                                 'pooled_since', d->'pooled_since')), '[]')
    from jsonb_array_elements(m.snapshot->'duplicates') d))
where not m.snapshot ? 'owners';

-- What leaves the wide row: the owner, both clocks, their trigger, and the six indexes that carried them.
drop trigger customers_pool_clock on customers;
drop function customers_pool_clock();
drop index customers_owner;
drop index customers_owner_created;
drop index customers_owner_score;
drop index customers_pool_deal_clock;
drop index customers_pool_follow_up_clock;
drop index customers_pooled;
alter table customers drop column owner_id, drop column owned_since, drop column pooled_since;

analyze customer_owners;
