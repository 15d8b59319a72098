-- The statistics history walks in time proportional to a statement's size (issue 21, item 5). V77's walks tested
-- `customer_id = any (p_customers)` and `id = any (p_fresh)` row by row, so a statement of n new events cost about n²
-- comparisons: 40,000 stage changes in one statement took 15.7 s, an import of hundreds of thousands of rows hours.
--
-- Both arrays become materialized CTEs: the customers are joined to customer_events (one probe of
-- customer_events_timeline each), the fresh ids are looked up in a hashed subplan (one hash probe per event; the hash
-- table holds the statement's event ids, about 50 bytes each). The functions stay inlinable (no SET clause, one
-- SELECT), so a small write plans them inside its trigger statement as before: 300 creations with a stage change
-- each cost the same as with V77. Measured on a store of 160,000 events (bench/RESULTS.md): 20,000 / 40,000 / 80,000
-- imported events in one statement 0.58 / 1.15 / 2.13 s (V77: 1.17 / 3.34 s / not run), 40,000 stage changes 2.3 s.
-- Callers pass each customer once (array_agg(distinct ...)).
--
-- A plan the trigger cached for a statement of a few events, or while customer_events was small, may still scan the
-- store's events once per customer of a large statement; such statements discard the cached plans (see below).

-- The own-population facts of the given customers (V72, V77); only how the customers and fresh events are found changed.
create or replace function stats_owner_facts(p_store bigint, p_zone varchar, p_customers bigint[], p_fresh bigint[])
    returns table (day date, rep_id bigint, n bigint)
    language sql stable as $$
    with walked as materialized (select unnest(p_customers) as id),
    fresh as materialized (select unnest(p_fresh) as id),
    events as (
        select e.customer_id, e.id, e.at, e.type in ('CREATED', 'IMPORTED', 'OWNER_CHANGED') as moves,
               (e.data ->> 'ownerId')::bigint as owner, e.type in ('LOST', 'REACTIVATED') as marks, e.type = 'LOST' as lost,
               e.id in (select f.id from fresh f) as fresh
        from walked w
        -- one probe of customer_events_timeline per customer (offset 0 keeps the probe from becoming a join the
        -- planner could turn around: a scan of the store's events, each tested against every walked customer)
        cross join lateral (select p.* from customer_events p
                            where p.store_id = p_store and p.customer_id = w.id
                              and p.type in ('CREATED', 'IMPORTED', 'OWNER_CHANGED', 'LOST', 'REACTIVATED')
                            offset 0) e),
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

-- The entry facts of the given customers (V71, V77); only how the customers and fresh events are found changed.
create or replace function stats_entry_facts(p_store bigint, p_zone varchar, p_customers bigint[], p_fresh bigint[])
    returns table (day date, fact varchar, rep_id bigint, stage varchar, prev_day date, next_day date, n bigint)
    language sql stable as $$
    with walked as materialized (select unnest(p_customers) as id),
    fresh as materialized (select unnest(p_fresh) as id),
    entries as (
        select e.customer_id, e.id, e.at, (e.data ->> 'ownerId')::bigint as owner,
               array_position(array['UNMARKED', 'INQUIRY', 'SAMPLE_ORDER', 'NO_DEAL', 'TRANSACTION', 'REPEAT_PURCHASE'],
                              case when e.type = 'STAGE_CHANGED' then e.data ->> 'to' else e.data ->> 'stage' end) as r,
               e.id in (select f.id from fresh f) as fresh
        from walked w
        -- one probe of customer_events_timeline per customer (offset 0 keeps the probe from becoming a join the
        -- planner could turn around: a scan of the store's events, each tested against every walked customer)
        cross join lateral (select p.* from customer_events p
                            where p.store_id = p_store and p.customer_id = w.id and p.type in ('CREATED', 'IMPORTED', 'STAGE_CHANGED')
                            offset 0) e),
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

-- V77's trigger function; new: a statement of 1,000 events or more is planned for its size.
create or replace function stats_daily_add() returns trigger language plpgsql as $$
declare
    event_count bigint;
    stays boolean;
    entries boolean;
    holds boolean;
begin
    -- which kinds of facts the statement's events can change (a claim: its own facts and the own population)
    select count(*), coalesce(bool_or(e.type = 'STAGE_CHANGED' and e.data ->> 'fromSince' is not null), false),
           coalesce(bool_or(e.type in ('CREATED', 'IMPORTED', 'STAGE_CHANGED')), false),
           coalesce(bool_or(e.type in ('CREATED', 'IMPORTED', 'OWNER_CHANGED', 'LOST', 'REACTIVATED')), false)
    into event_count, stays, entries, holds
    from new_events e;
    -- A statement of many events (an import, a batch) is planned for its size, and the next small one for its own:
    -- a plan this session cached for a few events, or while the table was small, may scan the store's events once
    -- per customer. Discarding costs one planning of each statement here (about a millisecond) and of the session's
    -- other cached statements.
    if event_count >= 1000 then
        execute 'discard plans';
    end if;
    insert into stats_daily (store_id, day, fact, rep_id, reason_id, source, stage, n)
    select e.store_id, (e.at at time zone s.time_zone)::date, f.fact, f.rep_id, f.reason_id, f.source, f.stage, sum(f.n)
    from new_events e
    join stores s on s.id = e.store_id
    cross join lateral stats_event_facts(e.type, e.data) f
    group by 1, 2, 3, 4, 5, 6, 7
    having sum(f.n) <> 0;
    if stays then
        insert into stats_daily (store_id, day, fact, rep_id, stage, days, n)
        select e.store_id, (e.at at time zone s.time_zone)::date, 'STAY', (e.data ->> 'ownerId')::bigint, e.data ->> 'from',
               extract(epoch from (e.at - (e.data ->> 'fromSince')::timestamptz)) / 86400, count(*)
        from new_events e
        join stores s on s.id = e.store_id
        where e.type = 'STAGE_CHANGED' and e.data ->> 'fromSince' is not null
        group by 1, 2, 3, 4, 5, 6;
    end if;
    if entries then
        insert into stats_daily (store_id, day, fact, rep_id, stage, prev_day, next_day, n)
        select t.store_id, f.day, f.fact, f.rep_id, f.stage, f.prev_day, f.next_day, f.n
        from (select e.store_id, s.time_zone, array_agg(distinct e.customer_id) as customers,
                     array_agg(e.id) as fresh
              from new_events e join stores s on s.id = e.store_id
              where e.type in ('CREATED', 'IMPORTED', 'STAGE_CHANGED')
              group by 1, 2) t
        cross join lateral stats_entry_facts(t.store_id, t.time_zone, t.customers, t.fresh) f;
    end if;
    if not holds then
        if event_count >= 1000 then
            execute 'discard plans';
        end if;
        return null;
    end if;

    with held as (
        -- the new owner and LOST/REACTIVATED events, and how many of them each customer got in this statement
        select e.store_id, e.customer_id, e.id, e.at, e.type, (e.data ->> 'ownerId')::bigint as owner,
               count(*) over (partition by e.store_id, e.customer_id) as events
        from new_events e
        where e.type in ('CREATED', 'IMPORTED', 'OWNER_CHANGED', 'LOST', 'REACTIVATED')),
    probed as (
        -- the customer's last owner event and last LOST/REACTIVATED before this one (customer_events_timeline)
        select h.*, m.id is not null as moved, m.owner as moved_owner, m.at as moved_at, m.id as moved_id,
               k.type as marked, k.at as marked_at, k.id as marked_id
        from held h
        left join lateral (select p.id, p.at, (p.data ->> 'ownerId')::bigint as owner from customer_events p
                           where h.events = 1 and p.store_id = h.store_id and p.customer_id = h.customer_id
                             and p.id <> h.id and p.type in ('CREATED', 'IMPORTED', 'OWNER_CHANGED')
                           order by p.at desc, p.id desc limit 1) m on true
        left join lateral (select p.id, p.at, p.type from customer_events p
                           where h.events = 1 and p.store_id = h.store_id and p.customer_id = h.customer_id
                             and p.id <> h.id and p.type in ('LOST', 'REACTIVATED')
                           order by p.at desc, p.id desc limit 1) k on true),
    classified as (
        select p.*, p.events = 1 and (not p.moved or (p.moved_at, p.moved_id) < (p.at, p.id))
                    and (p.marked is null or (p.marked_at, p.marked_id) < (p.at, p.id)) as appended
        from probed p),
    appended as (
        -- whom the customer was active with before the event and after it (V72: the last owner event's owner,
        -- unless the last LOST/REACTIVATED is a LOST)
        select c.store_id, c.at,
               case when c.moved and c.marked is distinct from 'LOST' then c.moved_owner end as before,
               case when c.type in ('LOST', 'REACTIVATED')
                    then case when c.moved and c.type <> 'LOST' then c.moved_owner end
                    else case when c.marked is distinct from 'LOST' then c.owner end end as after
        from classified c
        where c.appended),
    walked as (
        select c.store_id, s.time_zone, array_agg(distinct c.customer_id) as customers
        from classified c join stores s on s.id = c.store_id
        where not c.appended
        group by 1, 2)
    insert into stats_daily (store_id, day, fact, rep_id, n)
    select a.store_id, (a.at at time zone s.time_zone)::date, 'OWN_ACTIVE', d.rep_id, sum(d.n)
    from appended a
    join stores s on s.id = a.store_id
    cross join lateral (values (a.before, -1), (a.after, 1)) d (rep_id, n)
    where a.before is distinct from a.after and d.rep_id is not null
    group by 1, 2, 3, 4
    having sum(d.n) <> 0
    union all
    select w.store_id, f.day, 'OWN_ACTIVE', f.rep_id, f.n
    from walked w
    cross join lateral stats_owner_facts(w.store_id, w.time_zone, w.customers,
                                         array(select e.id from new_events e where e.store_id = w.store_id)) f;
    if event_count >= 1000 then
        execute 'discard plans';
    end if;
    return null;
end;
$$;

alter function stats_daily_add() set plan_cache_mode = auto;
