-- Statistics rollup (issue 7, benchmark item): the counts the churn and rep reports need, per store, local day (in
-- the store's time zone) and attribution, so that a year is a few hundred thousand narrow index rows instead of
-- millions of events with their jsonb. Kept by the database from the append-only customer_events: an insert adds
-- one delta row per (day, fact, attribution) of its statement, so writers neither know about it nor share a row
-- (no counter row that concurrent claims or sweeps would queue on). The day is the event's own time, whenever it
-- is written: a back-dated event counts on its day like any other. The statistics sum the deltas; a scheduled job
-- (stats/StatsRollupCompactor) folds many deltas of a day into one. Exact by construction: every fact of every
-- event is in it once (StatsRollupDriftTest compares it with the events).

create table stats_daily (
    store_id   bigint      not null references stores (id),
    day        date        not null,
    -- POPULATION (+1 created/imported/reactivated, -1 lost); LOST, RELEASED, AUTO_RETURNED (churn);
    -- CLAIMED, ASSIGNED (assigned or transferred), ADVANCE (stage moved forward), DEAL (moved to a deal stage)
    fact       varchar(16) not null,
    rep_id     bigint,
    reason_id  bigint,
    source     varchar(32),
    stage      varchar(32),
    n          bigint      not null,
    compacted  boolean     not null default false
);
-- Every report reads a store's day range index-only.
create index stats_daily_day on stats_daily (store_id, day) include (fact, rep_id, reason_id, source, stage, n);
-- The compactor's work list: days with deltas not folded yet.
create index stats_daily_fresh on stats_daily (store_id, day) where not compacted;

-- The facts of one event, with the rep each counts for (same attribution as the reports had on the events: the
-- owner when lost or moving a stage, the previous owner when given back, the new one when received).
create function stats_event_facts(type varchar, data jsonb)
    returns table (fact varchar, rep_id bigint, reason_id bigint, source varchar, stage varchar, n bigint)
    language sql immutable parallel safe as $$
    -- reason, source and stage only on churn facts (the others are not split by them: fewer rows)
    select f.fact, f.rep_id,
           case when f.churn then (data ->> 'reasonId')::bigint end,
           case when f.churn then data ->> 'source' end,
           case when f.churn then coalesce(data ->> 'stage', 'UNKNOWN') end,
           f.n
    from (select v.fact, v.rep_id, v.n, v.fact in ('LOST', 'RELEASED', 'AUTO_RETURNED') as churn from (values
        (case when type in ('CREATED', 'IMPORTED', 'REACTIVATED') or type = 'LOST' then 'POPULATION' end, null::bigint,
         case when type = 'LOST' then -1 else 1 end),
        (case when type = 'LOST' then 'LOST'
              when type = 'OWNER_CHANGED' and data ->> 'kind' in ('RELEASED', 'AUTO_RETURNED') then data ->> 'kind' end,
         case when type = 'LOST' then (data ->> 'ownerId')::bigint else (data ->> 'fromOwnerId')::bigint end, 1),
        (case when type = 'OWNER_CHANGED' then case data ->> 'kind' when 'CLAIMED' then 'CLAIMED'
              when 'ASSIGNED' then 'ASSIGNED' when 'TRANSFERRED' then 'ASSIGNED' end end,
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

-- The deltas of a set of events (any statement's new rows, or a store's whole log).
create function stats_daily_add() returns trigger language plpgsql as $$
begin
    insert into stats_daily (store_id, day, fact, rep_id, reason_id, source, stage, n)
    select e.store_id, (e.at at time zone s.time_zone)::date, f.fact, f.rep_id, f.reason_id, f.source, f.stage, sum(f.n)
    from new_events e
    join stores s on s.id = e.store_id
    cross join lateral stats_event_facts(e.type, e.data) f
    group by 1, 2, 3, 4, 5, 6, 7
    having sum(f.n) <> 0;
    return null;
end;
$$;
create trigger customer_events_stats_daily after insert on customer_events
    referencing new table as new_events for each statement execute function stats_daily_add();

-- Days are the store's: should its time zone ever change (the API sets it at signup only), recount its rollup.
create function stats_daily_rezone() returns trigger language plpgsql as $$
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
    return null;
end;
$$;
create trigger stores_stats_daily_rezone after update of time_zone on stores
    for each row when (new.time_zone is distinct from old.time_zone) execute function stats_daily_rezone();

-- The history so far, folded.
insert into stats_daily (store_id, day, fact, rep_id, reason_id, source, stage, n, compacted)
select e.store_id, (e.at at time zone s.time_zone)::date, f.fact, f.rep_id, f.reason_id, f.source, f.stage, sum(f.n), true
from customer_events e
join stores s on s.id = e.store_id
cross join lateral stats_event_facts(e.type, e.data) f
group by 1, 2, 3, 4, 5, 6, 7
having sum(f.n) <> 0;
analyze stats_daily;

-- Churn events that predate the source in their data (written before V60) take the customer's: the churn by
-- source reads these few from the events.
create index customer_events_churn_unsourced on customer_events (store_id, at)
    where (type = 'LOST' or (type = 'OWNER_CHANGED' and data ->> 'kind' in ('RELEASED', 'AUTO_RETURNED')))
      and data ->> 'source' is null;
