-- The statistics of a statement's events in time linear in the statement's size (issue 21, item 5). The history
-- walks tested array membership row by row: `e.customer_id = any (p_customers)` (planned as a filter of the store's
-- events by type, not as index probes, when the statement's events are new) and `e.id = any (p_fresh)` (is this
-- event one of the statement's own) each search the array linearly, so a statement of n new events cost about n*n
-- comparisons. Measured on the walks of 40,000 IMPORTED events written in one statement, as an import writes them:
-- 5.0 s (entries) and 5.7 s (own population), quadratic (20,000: 1.6 and 1.3 s), so about an hour for an import of
-- 1,048,576 rows. As `in (select unnest(...))` both are a semi-join and a hashed subplan: 0.50 s each for 40,000,
-- and index probes of customer_events_timeline for a few customers (1.5 ms for 40).
-- The functions also get a SET clause, which stops PostgreSQL from inlining them into the trigger's statement: inlined,
-- p_customers and p_fresh become references to the trigger's row of arrays, both subqueries become correlated and are
-- scanned again for every event (a test store's 60,000 events took 164 s that way in a session whose trigger plans
-- had gone generic). The sorts of an import-sized walk also keep to memory with 64 MB.
-- Only those two conditions of each function change (V77 has the rest of their story).

create or replace function stats_owner_facts(p_store bigint, p_zone varchar, p_customers bigint[], p_fresh bigint[])
    returns table (day date, rep_id bigint, n bigint)
    language sql stable set work_mem = '64MB' as $$
    with events as (
        select e.customer_id, e.id, e.at, e.type in ('CREATED', 'IMPORTED', 'OWNER_CHANGED') as moves,
               (e.data ->> 'ownerId')::bigint as owner, e.type in ('LOST', 'REACTIVATED') as marks, e.type = 'LOST' as lost,
               e.id in (select unnest(p_fresh)) as fresh
        from customer_events e
        where e.store_id = p_store and e.customer_id in (select unnest(p_customers))
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

create or replace function stats_entry_facts(p_store bigint, p_zone varchar, p_customers bigint[], p_fresh bigint[])
    returns table (day date, fact varchar, rep_id bigint, stage varchar, prev_day date, next_day date, n bigint)
    language sql stable set work_mem = '64MB' as $$
    with entries as (
        select e.customer_id, e.id, e.at, (e.data ->> 'ownerId')::bigint as owner,
               array_position(array['UNMARKED', 'INQUIRY', 'SAMPLE_ORDER', 'NO_DEAL', 'TRANSACTION', 'REPEAT_PURCHASE'],
                              case when e.type = 'STAGE_CHANGED' then e.data ->> 'to' else e.data ->> 'stage' end) as r,
               e.id in (select unnest(p_fresh)) as fresh
        from customer_events e
        where e.store_id = p_store and e.customer_id in (select unnest(p_customers))
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
