-- The statistics rollup at a constant cost per change (issue 21, item 1). Measured on 100,000 customers: the claim
-- statement cost 2.1 ms of database CPU, 1.6 ms of it planning one trigger query.
--
-- 1. A rep's own population (OWN_ACTIVE, V72) of a customer whose new event is its latest (the normal case: a claim,
--    a release, a sweep, a loss) is -1 for whom it was active with and +1 for whom it is now, found by two index
--    probes (its last owner event and its last LOST/REACTIVATED before this one). Only a customer with a back-dated
--    event, or with several such events in one statement, walks its history as before.
-- 2. The history walks (stats_owner_facts, stats_entry_facts) take the customers to walk, never null for "all":
--    their condition `p_customers is null or customer_id = any (p_customers)` planned as a scan of all the store's
--    events, and a SQL function's body is planned again at every call. Whole-store recounts pass every customer.
-- 3. The trigger functions plan their statements once and keep the plan (plan_cache_mode = auto); the datasource's
--    force_custom_plan is meant for the screening queries, whose best plan depends on the values.
-- 4. stats_daily no longer references stores: the foreign key made every statement that wrote a delta lock the one
--    stores row all writers of the store share. Store deletion (DemoStores) empties every table with a store_id.

-- The own-population facts of the given customers, as V72 defined them; only the customer condition changed.
create or replace function stats_owner_facts(p_store bigint, p_zone varchar, p_customers bigint[], p_fresh bigint[])
    returns table (day date, rep_id bigint, n bigint)
    language sql stable as $$
    with events as (
        select e.customer_id, e.id, e.at, e.type in ('CREATED', 'IMPORTED', 'OWNER_CHANGED') as moves,
               (e.data ->> 'ownerId')::bigint as owner, e.type in ('LOST', 'REACTIVATED') as marks, e.type = 'LOST' as lost,
               e.id = any (coalesce(p_fresh, '{}')) as fresh
        from customer_events e
        where e.store_id = p_store and e.customer_id = any (p_customers)
          and e.type in ('CREATED', 'IMPORTED', 'OWNER_CHANGED', 'LOST', 'REACTIVATED')),
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

-- The entry facts of the given customers, as V71 defined them; only the customer condition changed.
create or replace function stats_entry_facts(p_store bigint, p_zone varchar, p_customers bigint[], p_fresh bigint[])
    returns table (day date, fact varchar, rep_id bigint, stage varchar, prev_day date, next_day date, n bigint)
    language sql stable as $$
    with entries as (
        select e.customer_id, e.id, e.at, (e.data ->> 'ownerId')::bigint as owner,
               array_position(array['UNMARKED', 'INQUIRY', 'SAMPLE_ORDER', 'NO_DEAL', 'TRANSACTION', 'REPEAT_PURCHASE'],
                              case when e.type = 'STAGE_CHANGED' then e.data ->> 'to' else e.data ->> 'stage' end) as r,
               e.id = any (coalesce(p_fresh, '{}')) as fresh
        from customer_events e
        where e.store_id = p_store and e.customer_id = any (p_customers)
          and e.type in ('CREATED', 'IMPORTED', 'STAGE_CHANGED')),
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

-- A store's stays, entries and own population recounted (a time zone change): every customer with events.
create or replace function stats_daily_funnel_facts(p_store bigint, p_zone varchar) returns void language sql as $$
    insert into stats_daily (store_id, day, fact, rep_id, stage, days, n, compacted)
    select p_store, (e.at at time zone p_zone)::date, 'STAY', (e.data ->> 'ownerId')::bigint, e.data ->> 'from',
           extract(epoch from (e.at - (e.data ->> 'fromSince')::timestamptz)) / 86400, count(*), true
    from customer_events e
    where e.store_id = p_store and e.type = 'STAGE_CHANGED' and e.data ->> 'fromSince' is not null
    group by 1, 2, 3, 4, 5, 6;
    insert into stats_daily (store_id, day, fact, rep_id, stage, prev_day, next_day, n, compacted)
    select p_store, f.day, f.fact, f.rep_id, f.stage, f.prev_day, f.next_day, f.n, true
    from stats_entry_facts(p_store, p_zone, array(select distinct customer_id from customer_events
                                                  where store_id = p_store and type in ('CREATED', 'IMPORTED', 'STAGE_CHANGED')),
                           null) f;
    insert into stats_daily (store_id, day, fact, rep_id, n, compacted)
    select p_store, f.day, 'OWN_ACTIVE', f.rep_id, f.n, true
    from stats_owner_facts(p_store, p_zone, array(select distinct customer_id from customer_events
                                                  where store_id = p_store
                                                    and type in ('CREATED', 'IMPORTED', 'OWNER_CHANGED', 'LOST', 'REACTIVATED')),
                           null) f;
$$;

-- The deltas of a statement's new events: their own facts, the stays they end, the entries of the customers they
-- touch (a walk of each such customer's entries), and the own population (two probes per customer, or a walk).
create or replace function stats_daily_add() returns trigger language plpgsql as $$
declare
    stays boolean;
    entries boolean;
    holds boolean;
begin
    -- which kinds of facts the statement's events can change (a claim: its own facts and the own population)
    select coalesce(bool_or(e.type = 'STAGE_CHANGED' and e.data ->> 'fromSince' is not null), false),
           coalesce(bool_or(e.type in ('CREATED', 'IMPORTED', 'STAGE_CHANGED')), false),
           coalesce(bool_or(e.type in ('CREATED', 'IMPORTED', 'OWNER_CHANGED', 'LOST', 'REACTIVATED')), false)
    into stays, entries, holds
    from new_events e;
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
    return null;
end;
$$;

-- Every trigger function keeps its plans (see 3.).
do $$
declare
    fn regprocedure;
begin
    for fn in select distinct t.tgfoid::regprocedure from pg_trigger t
              join pg_proc p on p.oid = t.tgfoid
              where not t.tgisinternal and p.pronamespace = 'public'::regnamespace
    loop
        execute format('alter function %s set plan_cache_mode = auto', fn);
    end loop;
end;
$$;

alter table stats_daily drop constraint stats_daily_store_id_fkey;
