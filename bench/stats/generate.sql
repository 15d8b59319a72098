-- Statistics benchmark data, set-based: :customers customers in store :store with a history of about five events
-- each over two years (created, claimed, released or auto-returned and claimed again, stage changes, some lost
-- and reactivated) and some follow-ups. Times spread by a multiplicative hash of the customer number, so months
-- and reps get similar shares. Run with psql -v store=... -v customers=...
\set ON_ERROR_STOP on
set synchronous_commit = off;

create temporary table bench_reps as
select array_agg(id order by id) as ids from users where store_id = :store and role = 'REP';
create temporary table bench_reasons as
select array_agg(id order by id) as ids from lost_reasons where store_id = :store;

-- The customers: 90% owned by a rep, one in seven lost (a third of those reactivated later).
insert into customers (store_id, name, source, stage, status, created_at, updated_at)
select :store, 'Stats buyer ' || g,
       (array['ALIBABA_INQUIRY','IM_INQUIRY','EXHIBITION','SEARCH_ENGINE','ECOMMERCE_PLATFORM','REFERRAL','MANUAL',
              'IMPORT','OTHER'])[1 + g % 9],
       (array['INQUIRY','SAMPLE_ORDER','NO_DEAL','TRANSACTION','REPEAT_PURCHASE','INQUIRY'])[1 + g % 6],
       case when g % 7 = 0 and g % 21 <> 0 then 'LOST' else 'ACTIVE' end,
       now() - interval '730 days' * (((g::bigint * 7919) % 1000003) / 1000003.0) - interval '70 days',
       now()
from generate_series(1, :customers) g, bench_reps r;

-- Their ownership rows (V78), by the number g ending the name.
insert into customer_owners (store_id, customer_id, owner_id, owned_since, pooled_since)
select c.store_id, c.id, x.owner, case when x.owner is not null then c.created_at end,
       case when x.owner is null then c.created_at end
from customers c, bench_reps r
cross join lateral (select substring(c.name from '(\d+)$')::int as g) n
cross join lateral (select case when n.g % 10 <> 0 then r.ids[1 + n.g % array_length(r.ids, 1)] end as owner) x
where c.store_id = :store
  and not exists (select 1 from customer_owners o where o.store_id = c.store_id and o.customer_id = c.id);

create temporary table bench_customers as
select c.id, row_number() over (order by c.id) as g, c.created_at as t, o.owner_id, c.source
from customers c join customer_owners o on o.store_id = c.store_id and o.customer_id = c.id
where c.store_id = :store;

-- CREATED (in the pool), CLAIMED a day later by the rep who may own it now.
insert into customer_events (store_id, customer_id, type, at, actor_id, data)
select :store, b.id, 'CREATED', b.t, null, jsonb_build_object('ownerId', null, 'stage', 'UNMARKED', 'source', b.source)
from bench_customers b;
insert into customer_events (store_id, customer_id, type, at, actor_id, data)
select :store, b.id, 'OWNER_CHANGED', b.t + interval '1 day', rep, jsonb_build_object('ownerId', rep, 'stage', 'UNMARKED',
       'kind', 'CLAIMED', 'fromOwnerId', null, 'toOwnerId', rep)
from bench_customers b, bench_reps r, lateral (select r.ids[1 + (b.g * 31) % array_length(r.ids, 1)] as rep) x;
-- Then released (a third, with a reason) or auto-returned (a third) after 20/31 days, and claimed again.
insert into customer_events (store_id, customer_id, type, at, actor_id, data)
select :store, b.id, 'OWNER_CHANGED', b.t + case when b.g % 3 = 0 then interval '20 days' else interval '31 days' end,
       case when b.g % 3 = 0 then rep end,
       jsonb_build_object('ownerId', null, 'stage', 'INQUIRY', 'source', b.source,
                          'kind', case when b.g % 3 = 0 then 'RELEASED' else 'AUTO_RETURNED' end,
                          'fromOwnerId', rep, 'toOwnerId', null,
                          'reasonId', case when b.g % 3 = 0 then rs.ids[1 + b.g % array_length(rs.ids, 1)] end)
from bench_customers b, bench_reps r, bench_reasons rs,
     lateral (select r.ids[1 + (b.g * 31) % array_length(r.ids, 1)] as rep) x
where b.g % 3 <> 2;
insert into customer_events (store_id, customer_id, type, at, actor_id, data)
select :store, b.id, 'OWNER_CHANGED', b.t + interval '35 days', b.owner_id,
       jsonb_build_object('ownerId', b.owner_id, 'stage', 'INQUIRY', 'kind', 'CLAIMED', 'fromOwnerId', null,
                          'toOwnerId', b.owner_id)
from bench_customers b where b.g % 3 <> 2 and b.owner_id is not null;
-- Stage changes: UNMARKED -> INQUIRY after 3 days, then on to the customer's stage after 30 more.
insert into customer_events (store_id, customer_id, type, at, actor_id, data)
select :store, b.id, 'STAGE_CHANGED', b.t + interval '3 days', null,
       jsonb_build_object('ownerId', null, 'stage', 'INQUIRY', 'from', 'UNMARKED', 'to', 'INQUIRY', 'fromSince', b.t)
from bench_customers b;
insert into customer_events (store_id, customer_id, type, at, actor_id, data)
select :store, b.id, 'STAGE_CHANGED', b.t + interval '33 days', null,
       jsonb_build_object('ownerId', b.owner_id, 'stage', c.stage, 'from', 'INQUIRY', 'to', c.stage,
                          'fromSince', b.t + interval '3 days')
from bench_customers b join customers c on c.store_id = :store and c.id = b.id
where c.stage <> 'INQUIRY';
-- Lost after 50 days (one in seven), a third of them reactivated after 60.
insert into customer_events (store_id, customer_id, type, at, actor_id, data)
select :store, b.id, 'LOST', b.t + interval '50 days', b.owner_id,
       jsonb_build_object('ownerId', b.owner_id, 'stage', 'INQUIRY', 'source', b.source,
                          'reasonId', rs.ids[1 + b.g % array_length(rs.ids, 1)])
from bench_customers b, bench_reasons rs where b.g % 7 = 0;
insert into customer_events (store_id, customer_id, type, at, actor_id, data)
select :store, b.id, 'REACTIVATED', b.t + interval '60 days', b.owner_id,
       jsonb_build_object('ownerId', b.owner_id, 'stage', 'INQUIRY', 'source', b.source)
from bench_customers b where b.g % 21 = 0;
-- Tags and stars, as the timeline has them.
insert into customer_events (store_id, customer_id, type, at, actor_id, data)
select :store, b.id, 'STARS_CHANGED', b.t + interval '10 days', b.owner_id,
       jsonb_build_object('ownerId', b.owner_id, 'stage', 'INQUIRY', 'from', 0, 'to', 2)
from bench_customers b where b.g % 2 = 0;

-- Follow-ups: one for two customers in three.
insert into follow_ups (store_id, customer_id, author_id, type, content, occurred_at, created_at, updated_at)
select :store, b.id, b.owner_id, 'CALL', 'Bench call', b.t + interval '12 days', b.t + interval '12 days', now()
from bench_customers b where b.owner_id is not null and b.g % 3 <> 0;

vacuum analyze customers;
vacuum analyze customer_events;
vacuum analyze follow_ups;
