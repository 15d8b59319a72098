-- Automatic distribution per pool (issue 22, item 3), off by default. A pool customer nobody owns is handed to one
-- of the pool's reps once it has waited after_days in the pool (0: as soon as it enters: an inquiry, an import, a
-- release or a return), by round-robin or by capacity, among the active reps who are members, not on leave and
-- under the pool's cap. A buyer who comes back with a new inquiry within returning_buyer_days of leaving their
-- owner goes to that owner first (0: off).
--
-- The row is also the pool's distribution lock: a batch locks it, so two instances distributing one pool take
-- turns and never hand out one customer twice; last_user_id is the round-robin's place.
--
-- Online? Two small new tables' worth of rows (one per pool) and two nullable columns on users (no row rewritten).

create table pool_distribution (
    store_id              bigint       not null,
    pool_id               bigint       not null,
    mode                  varchar(16)  not null default 'OFF' check (mode in ('OFF', 'ROUND_ROBIN', 'CAPACITY')),
    after_days            integer      not null default 0 check (after_days between 0 and 3650),
    returning_buyer_days  integer      not null default 0 check (returning_buyer_days between 0 and 3650),
    last_user_id          bigint,
    updated_at            timestamptz  not null default now(),
    version               bigint       not null default 0,
    primary key (store_id, pool_id),
    foreign key (store_id, pool_id) references pools (store_id, id) on delete cascade
);
-- The scheduler's "which pools distribute": a handful of rows.
create index pool_distribution_on on pool_distribution (store_id, pool_id) where mode <> 'OFF';

insert into pool_distribution (store_id, pool_id) select store_id, id from pools;

-- Every pool, the default one of a new store included, has its row (off).
create function pools_distribution_row() returns trigger language plpgsql as $$
begin
    insert into pool_distribution (store_id, pool_id) values (new.store_id, new.id);
    return null;
end;
$$;
create trigger pools_distribution_row after insert on pools for each row execute function pools_distribution_row();

-- On leave: distribution skips the user from the first to the last day (both inclusive, in the store's time zone).
alter table users add column leave_from date;
alter table users add column leave_until date;
alter table users add constraint users_leave_dates check (leave_from is null and leave_until is null
    or leave_from is not null and leave_until is not null and leave_from <= leave_until);

-- An automatic assignment (OWNER_CHANGED, kind AUTO_ASSIGNED, with the rule that chose the rep) counts in the
-- statistics as an assignment to that rep and reaches integrators as customer.assigned, as a manager's does:
-- V70's and V88's functions with that one kind added.
-- The facts of one event, with the rep each counts for (same attribution as the reports had on the events: the
-- owner when lost or moving a stage, the previous owner when given back, the new one when received).
create or replace function stats_event_facts(type varchar, data jsonb)
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

-- Customer events: the timeline's rows, mapped to the webhook event an integrator subscribes to. The data is
-- the timeline event's own (ownerId and stage at the time, from/to, the claim kind...) plus the customer and
-- actor. Imports announce their customers as created (data.imported = true) besides import.finished.
create or replace function webhook_customer_events() returns trigger language plpgsql as $$
begin
    if not exists (select 1 from webhook_subscriptions where enabled) then
        return null;
    end if;
    insert into webhook_messages (store_id, event_type, customer_id, occurred_at, data)
    select e.store_id, e.event_type, e.customer_id, e.at, e.data
    from (select n.store_id, n.customer_id, n.at, n.id,
                 case n.type
                     when 'CREATED' then 'customer.created'
                     when 'IMPORTED' then 'customer.created'
                     when 'INQUIRY_RECEIVED' then 'inquiry.received'
                     when 'OWNER_CHANGED' then
                         case n.data ->> 'kind'
                             when 'CLAIMED' then 'customer.claimed'
                             when 'ASSIGNED' then 'customer.assigned'
                             when 'TRANSFERRED' then 'customer.assigned'
                             when 'AUTO_ASSIGNED' then 'customer.assigned'
                             when 'RELEASED' then 'customer.released'
                             when 'AUTO_RETURNED' then 'customer.returned'
                         end
                     else 'customer.updated'
                 end as event_type,
                 jsonb_build_object('customerId', n.customer_id, 'actorId', n.actor_id, 'timelineEventId', n.id,
                                    'timelineType', n.type, 'imported', n.type = 'IMPORTED') || n.data as data
          from new_events n) e
    where e.event_type is not null and webhook_listening(e.store_id, e.event_type)
    order by e.id;
    return null;
end $$;
