-- The funnel in the statistics rollup (after V70). Two more kinds of facts:
--   STAY: a STAGE_CHANGED that ends a stay, by the stage left (stage), owner (rep_id) and exact length (days), so a
--     median is read from the counts of each length;
--   REACHED (the store's) and REACHED_OWN (rep_id: the owner's, whose funnel sees only the entries made while they
--     owned the customer): a customer entering a stage (created, imported or moved into it), with prev_day, the day
--     it last entered that stage before, and next_day, the day it first entered a later stage after. Of those who
--     reached a stage in a period (its first entry there has prev_day null or before the period), it advanced when
--     next_day is in the period too.
-- prev_day and next_day depend on the customer's other entries, so an insert replaces the facts of the customers
-- it touches: it adds their facts with the new events and subtracts the ones without (deltas again; exact also
-- for back-dated entries). Writers of stage entries update the customer row first, so two of them never compute
-- one customer's facts from the same history.

alter table stats_daily add column prev_day date, add column next_day date, add column days double precision;
drop index stats_daily_day;
create index stats_daily_day on stats_daily (store_id, day)
    include (fact, rep_id, reason_id, source, stage, prev_day, next_day, days, n);

-- The entry facts of a store's customers (all when p_customers is null) as of their events, minus those as of
-- their events without p_fresh (the ids of events just written), in the store's zone.
create function stats_entry_facts(p_store bigint, p_zone varchar, p_customers bigint[], p_fresh bigint[])
    returns table (day date, fact varchar, rep_id bigint, stage varchar, prev_day date, next_day date, n bigint)
    language sql stable as $$
    with entries as (
        select e.customer_id, e.id, e.at, (e.data ->> 'ownerId')::bigint as owner,
               array_position(array['UNMARKED', 'INQUIRY', 'SAMPLE_ORDER', 'NO_DEAL', 'TRANSACTION', 'REPEAT_PURCHASE'],
                              case when e.type = 'STAGE_CHANGED' then e.data ->> 'to' else e.data ->> 'stage' end) as r,
               e.id = any (coalesce(p_fresh, '{}')) as fresh
        from customer_events e
        where e.store_id = p_store and e.type in ('CREATED', 'IMPORTED', 'STAGE_CHANGED')
          and (p_customers is null or e.customer_id = any (p_customers))),
    -- +1: the history with the fresh events; -1: without them. own: the owner's view (their entries only).
    versions as (
        select x.*, v.sign, s.own, case when s.own then x.owner end as viewer
        from entries x
        cross join (values (1), (-1)) v (sign)
        cross join (values (false), (true)) s (own)
        where (v.sign = 1 or (p_fresh is not null and not x.fresh)) and (not s.own or x.owner is not null)),
    linked as (
        select x.*,
               lag(x.at) over (partition by x.customer_id, x.sign, x.own, x.viewer, x.r order by x.at, x.id) as prev_at,
               min(x.at) filter (where x.r >= 2) over later as at2, min(x.at) filter (where x.r >= 3) over later as at3,
               min(x.at) filter (where x.r >= 4) over later as at4, min(x.at) filter (where x.r >= 5) over later as at5,
               min(x.at) filter (where x.r >= 6) over later as at6
        from versions x
        window later as (partition by x.customer_id, x.sign, x.own, x.viewer order by x.at, x.id
                         rows between 1 following and unbounded following))
    select (l.at at time zone p_zone)::date, case when l.own then 'REACHED_OWN' else 'REACHED' end, l.viewer,
           (array['UNMARKED', 'INQUIRY', 'SAMPLE_ORDER', 'NO_DEAL', 'TRANSACTION', 'REPEAT_PURCHASE'])[l.r],
           (l.prev_at at time zone p_zone)::date,
           (case l.r when 1 then l.at2 when 2 then l.at3 when 3 then l.at4 when 4 then l.at5 when 5 then l.at6 end
              at time zone p_zone)::date,
           sum(l.sign)
    from linked l
    where l.r is not null
    group by 1, 2, 3, 4, 5, 6
    having sum(l.sign) <> 0
$$;

-- Events' own facts (V70's) and the stays they end; then the entry facts of the customers they touch.
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
        select e.store_id, s.time_zone, array_agg(distinct e.customer_id) as customers, array_agg(e.id) as fresh
        from new_events e join stores s on s.id = e.store_id
        where e.type in ('CREATED', 'IMPORTED', 'STAGE_CHANGED')
        group by e.store_id, s.time_zone
    loop
        insert into stats_daily (store_id, day, fact, rep_id, stage, prev_day, next_day, n)
        select touched.store_id, f.day, f.fact, f.rep_id, f.stage, f.prev_day, f.next_day, f.n
        from stats_entry_facts(touched.store_id, touched.time_zone, touched.customers, touched.fresh) f;
    end loop;
    return null;
end;
$$;

-- The stays and entries so far, for every store; a zone change recounts them with V70's facts.
create function stats_daily_funnel_facts(p_store bigint, p_zone varchar) returns void language sql as $$
    insert into stats_daily (store_id, day, fact, rep_id, stage, days, n, compacted)
    select p_store, (e.at at time zone p_zone)::date, 'STAY', (e.data ->> 'ownerId')::bigint, e.data ->> 'from',
           extract(epoch from (e.at - (e.data ->> 'fromSince')::timestamptz)) / 86400, count(*), true
    from customer_events e
    where e.store_id = p_store and e.type = 'STAGE_CHANGED' and e.data ->> 'fromSince' is not null
    group by 1, 2, 3, 4, 5, 6;
    insert into stats_daily (store_id, day, fact, rep_id, stage, prev_day, next_day, n, compacted)
    select p_store, f.day, f.fact, f.rep_id, f.stage, f.prev_day, f.next_day, f.n, true
    from stats_entry_facts(p_store, p_zone, null, null) f;
$$;

create or replace function stats_daily_rezone() returns trigger language plpgsql as $$
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
    return null;
end;
$$;

select stats_daily_funnel_facts(s.id, s.time_zone) from stores s;
analyze stats_daily;
