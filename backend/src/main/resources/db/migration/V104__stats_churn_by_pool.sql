-- Issue 22, item 2: statistics filter by pool, "poolId dimension in churn". A churn event (a customer marked lost,
-- released, or returned by the sweep) now says in its data which pool the customer was in or went back to
-- (poolId, written by CustomerLifecycle, PoolService and PoolSweeper), and the daily rollup keeps it as a dimension
-- of the churn facts, like their reason, source and stage. GET /stats/churn?groupBy=POOL reads it.
--
-- Events written before this migration do not say their pool: their churn stays under "pool not recorded".
--
-- Online? stats_daily gets a nullable column (no rewrite) and its covering index is built again: the table holds a
-- few rows per store, day and fact (60,036 on the million-customer bench store: 40 ms on 2 cores); writers of
-- events wait for that.

alter table stats_daily add column pool_id bigint;
drop index stats_daily_day;
create index stats_daily_day on stats_daily (store_id, day)
    include (fact, rep_id, reason_id, source, stage, prev_day, next_day, days, n, pool_id);

-- V97's facts of one event, and the pool on the churn facts (their other dimensions are theirs only too).
drop function stats_event_facts(varchar, jsonb);
create function stats_event_facts(type varchar, data jsonb)
    returns table (fact varchar, rep_id bigint, reason_id bigint, source varchar, stage varchar, n bigint, pool_id bigint)
    language sql immutable parallel safe as $$
    -- reason, source, stage and pool only on churn facts (the others are not split by them: fewer rows)
    select f.fact, f.rep_id,
           case when f.churn then (data ->> 'reasonId')::bigint end,
           case when f.churn then data ->> 'source' end,
           case when f.churn then coalesce(data ->> 'stage', 'UNKNOWN') end,
           f.n,
           case when f.churn then (data ->> 'poolId')::bigint end
    from (select v.fact, v.rep_id, v.n, v.fact in ('LOST', 'RELEASED', 'AUTO_RETURNED') as churn from (values
        (case when type in ('CREATED', 'IMPORTED', 'REACTIVATED') or type = 'LOST' then 'POPULATION' end, null::bigint,
         case when type = 'LOST' then -1 else 1 end),
        (case when type = 'LOST' then 'LOST'
              when type = 'OWNER_CHANGED' and data ->> 'kind' in ('RELEASED', 'AUTO_RETURNED') then data ->> 'kind' end,
         case when type = 'LOST' then (data ->> 'ownerId')::bigint else (data ->> 'fromOwnerId')::bigint end, 1),
        (case when type = 'OWNER_CHANGED' then case data ->> 'kind' when 'CLAIMED' then 'CLAIMED'
              when 'ASSIGNED' then 'ASSIGNED' when 'TRANSFERRED' then 'ASSIGNED'
              when 'AUTO_ASSIGNED' then 'ASSIGNED' end end,
         (data ->> 'toOwnerId')::bigint, 1),
        (case when type = 'STAGE_CHANGED'
               and array_position(array['UNMARKED', 'INQUIRY', 'SAMPLE_ORDER', 'NO_DEAL', 'TRANSACTION', 'REPEAT_PURCHASE'],
                                  data ->> 'to')
                 > array_position(array['UNMARKED', 'INQUIRY', 'SAMPLE_ORDER', 'NO_DEAL', 'TRANSACTION', 'REPEAT_PURCHASE'],
                                  data ->> 'from') then 'ADVANCE' end,
         (data ->> 'ownerId')::bigint, 1),
        (case when type = 'STAGE_CHANGED' and data ->> 'to' in ('TRANSACTION', 'REPEAT_PURCHASE') then 'DEAL' end,
         (data ->> 'ownerId')::bigint, 1)
    ) v (fact, rep_id, n)) f
    where f.fact is not null
$$;

-- V78's recount after a time zone change, with the pool.
create or replace function stats_daily_rezone() returns trigger language plpgsql set plan_cache_mode = auto as $$
begin
    delete from stats_daily where store_id = new.id;
    insert into stats_daily (store_id, day, fact, rep_id, reason_id, source, stage, n, pool_id, compacted)
    select e.store_id, (e.at at time zone new.time_zone)::date, f.fact, f.rep_id, f.reason_id, f.source, f.stage,
           sum(f.n), f.pool_id, true
    from customer_events e
    cross join lateral stats_event_facts(e.type, e.data) f
    where e.store_id = new.id
    group by 1, 2, 3, 4, 5, 6, 7, 9
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

-- V80's trigger function, word for word but for the first insert, which keeps the pool.
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
    insert into stats_daily (store_id, day, fact, rep_id, reason_id, source, stage, n, pool_id)
    select e.store_id, (e.at at time zone s.time_zone)::date, f.fact, f.rep_id, f.reason_id, f.source, f.stage, sum(f.n),
           f.pool_id
    from new_events e
    join stores s on s.id = e.store_id
    cross join lateral stats_event_facts(e.type, e.data) f
    group by 1, 2, 3, 4, 5, 6, 7, 9
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
