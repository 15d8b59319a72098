-- A rep's own population in the statistics rollup (after V71): OWN_ACTIVE facts, +1 on the day a customer becomes
-- the rep's and active (their last owner event names them, its last LOST/REACTIVATED is not LOST), -1 on the day it
-- stops being so. Summed before a day, they are the customers the rep owned, active, at its start (customers
-- deleted since are subtracted from the audit log by the report). Like the entries (V71), they depend on the
-- customer's other events: an insert adds the customer's facts with its new events and subtracts the ones without.

create function stats_owner_facts(p_store bigint, p_zone varchar, p_customers bigint[], p_fresh bigint[])
    returns table (day date, rep_id bigint, n bigint)
    language sql stable as $$
    with events as (
        select e.customer_id, e.id, e.at, e.type in ('CREATED', 'IMPORTED', 'OWNER_CHANGED') as moves,
               (e.data ->> 'ownerId')::bigint as owner, e.type in ('LOST', 'REACTIVATED') as marks, e.type = 'LOST' as lost,
               e.id = any (coalesce(p_fresh, '{}')) as fresh
        from customer_events e
        where e.store_id = p_store and e.type in ('CREATED', 'IMPORTED', 'OWNER_CHANGED', 'LOST', 'REACTIVATED')
          and (p_customers is null or e.customer_id = any (p_customers))),
    versions as (
        select x.*, v.sign,
               -- runs of events since the last owner event, and since the last LOST/REACTIVATED
               count(*) filter (where x.moves) over history as move_run,
               count(*) filter (where x.marks) over history as mark_run
        from events x
        cross join (values (1), (-1)) v (sign)
        where v.sign = 1 or (p_fresh is not null and not x.fresh)
        window history as (partition by x.customer_id, v.sign order by x.at, x.id)),
    states as (
        select y.customer_id, y.id, y.at, y.sign,
               case when y.move_run > 0
                     and not coalesce(first_value(y.lost) over (partition by y.customer_id, y.sign, y.mark_run
                                                                order by y.at, y.id) and y.mark_run > 0, false)
                    then first_value(y.owner) over (partition by y.customer_id, y.sign, y.move_run order by y.at, y.id)
               end as holder
        from versions y),
    changes as (
        select s.*, lag(s.holder) over (partition by s.customer_id, s.sign order by s.at, s.id) as previous
        from states s)
    select (c.at at time zone p_zone)::date, f.rep_id, sum(f.n * c.sign)
    from changes c
    cross join lateral (values (c.previous, -1), (c.holder, 1)) f (rep_id, n)
    where c.holder is distinct from c.previous and f.rep_id is not null
    group by 1, 2
    having sum(f.n * c.sign) <> 0
$$;

create or replace function stats_daily_add() returns trigger language plpgsql as $$
declare
    touched record;
begin
    insert into stats_daily (store_id, day, fact, rep_id, reason_id, source, stage, n)
    select e.store_id, (e.at at time zone s.time_zone)::date, f.fact, f.rep_id, f.reason_id, f.source, f.stage, sum(f.n)
    from new_events e
    join stores s on s.id = e.store_id
    cross join lateral stats_event_facts(e.type, e.data) f
    group by 1, 2, 3, 4, 5, 6, 7
    having sum(f.n) <> 0;
    insert into stats_daily (store_id, day, fact, rep_id, stage, days, n)
    select e.store_id, (e.at at time zone s.time_zone)::date, 'STAY', (e.data ->> 'ownerId')::bigint, e.data ->> 'from',
           extract(epoch from (e.at - (e.data ->> 'fromSince')::timestamptz)) / 86400, count(*)
    from new_events e
    join stores s on s.id = e.store_id
    where e.type = 'STAGE_CHANGED' and e.data ->> 'fromSince' is not null
    group by 1, 2, 3, 4, 5, 6;
    for touched in
        select e.store_id, s.time_zone,
               array_agg(distinct e.customer_id) filter (where e.type in ('CREATED', 'IMPORTED', 'STAGE_CHANGED')) as entered,
               array_agg(distinct e.customer_id) filter (where e.type in ('CREATED', 'IMPORTED', 'OWNER_CHANGED', 'LOST',
                                                                           'REACTIVATED')) as held,
               array_agg(e.id) as fresh
        from new_events e join stores s on s.id = e.store_id
        group by e.store_id, s.time_zone
    loop
        if touched.entered is not null then
            insert into stats_daily (store_id, day, fact, rep_id, stage, prev_day, next_day, n)
            select touched.store_id, f.day, f.fact, f.rep_id, f.stage, f.prev_day, f.next_day, f.n
            from stats_entry_facts(touched.store_id, touched.time_zone, touched.entered, touched.fresh) f;
        end if;
        if touched.held is not null then
            insert into stats_daily (store_id, day, fact, rep_id, n)
            select touched.store_id, f.day, 'OWN_ACTIVE', f.rep_id, f.n
            from stats_owner_facts(touched.store_id, touched.time_zone, touched.held, touched.fresh) f;
        end if;
    end loop;
    return null;
end;
$$;

create or replace function stats_daily_funnel_facts(p_store bigint, p_zone varchar) returns void language sql as $$
    insert into stats_daily (store_id, day, fact, rep_id, stage, days, n, compacted)
    select p_store, (e.at at time zone p_zone)::date, 'STAY', (e.data ->> 'ownerId')::bigint, e.data ->> 'from',
           extract(epoch from (e.at - (e.data ->> 'fromSince')::timestamptz)) / 86400, count(*), true
    from customer_events e
    where e.store_id = p_store and e.type = 'STAGE_CHANGED' and e.data ->> 'fromSince' is not null
    group by 1, 2, 3, 4, 5, 6;
    insert into stats_daily (store_id, day, fact, rep_id, stage, prev_day, next_day, n, compacted)
    select p_store, f.day, f.fact, f.rep_id, f.stage, f.prev_day, f.next_day, f.n, true
    from stats_entry_facts(p_store, p_zone, null, null) f;
    insert into stats_daily (store_id, day, fact, rep_id, n, compacted)
    select p_store, f.day, 'OWN_ACTIVE', f.rep_id, f.n, true
    from stats_owner_facts(p_store, p_zone, null, null) f;
$$;

insert into stats_daily (store_id, day, fact, rep_id, n, compacted)
select s.id, f.day, 'OWN_ACTIVE', f.rep_id, f.n, true
from stores s cross join lateral stats_owner_facts(s.id, s.time_zone, null, null) f;
analyze stats_daily;

-- Prefix sums of one fact (the population, a rep's own population) and a rep's own figures read this one.
create index stats_daily_fact on stats_daily (store_id, fact, rep_id, day)
    include (reason_id, source, stage, prev_day, next_day, days, n);
