-- Five million activity entries for one store (psql variables: store, reps = '{id,...}', followups, events, orders):
-- follow-ups by the reps over the last 365 days with English and Chinese notes, stage and owner changes in the
-- customer event log, and order events; spread over the store's customers and, by a multiplicative hash of the row
-- number, over the year's seconds. Deterministic. Triggers are off while
-- it loads (session_replication_role = replica: this is history, not new activity), then the tables are analysed.
\set ON_ERROR_STOP on
select setseed(0.25);
set session_replication_role = replica;
create temp table bench_people as select row_number() over () - 1 as k, id from unnest(:'reps'::bigint[]) id;
create temp table bench_customers as select row_number() over (order by id) - 1 as k, id from customers where store_id = :store;
select count(*) as customers from bench_customers \gset

insert into follow_ups (store_id, customer_id, author_id, type, content, occurred_at, created_at, updated_at)
select :store, c.id, p.id,
       (array['CALL','CALL','EMAIL','EMAIL','EMAIL','CHAT','MEETING','VISIT','SAMPLE','QUOTATION','NOTE','SMS'])[1 + g % 12],
       (array['Discussed the price for 2,000 units, FOB Ningbo',
              '讨论了样品报价，客户希望下周收到样品',
              'Sent the catalogue and the certificates',
              '客户询问交货期和付款方式',
              'Followed up on the quotation; waiting for the buyer''s manager',
              '电话沟通，客户对包装有特殊要求',
              'Met at the Canton Fair booth, interested in LED panels',
              'Asked for a discount on the second container'])[1 + (g / 12) % 8] || ' #' || g,
       t, t, t
from generate_series(1, :followups) g
cross join lateral (select now() - make_interval(secs => (g::bigint * 2654435761) % 31536000) as t) x
join bench_customers c on c.k = (g::bigint * 7919) % :customers
join bench_people p on p.k = g % cardinality(:'reps'::bigint[]);

insert into customer_events (store_id, customer_id, type, at, actor_id, data)
select :store, c.id, case when g % 3 = 0 then 'OWNER_CHANGED' else 'STAGE_CHANGED' end, t, p.id,
       case when g % 3 = 0 then jsonb_build_object('kind', (array['CLAIMED','ASSIGNED','RELEASED','AUTO_RETURNED'])[1 + g % 4],
                                                    'ownerId', p.id)
            else jsonb_build_object('from', 'INQUIRY', 'to', (array['SAMPLE_ORDER','NO_DEAL','TRANSACTION'])[1 + g % 3],
                                    'ownerId', p.id) end
from generate_series(1, :events) g
cross join lateral (select now() - make_interval(secs => (g::bigint * 2246822519) % 31536000) as t) x
join bench_customers c on c.k = (g::bigint * 104729) % :customers
join bench_people p on p.k = (g / 3) % cardinality(:'reps'::bigint[]);

insert into order_events (store_id, order_id, customer_id, at, actor_id, kind, status, total, currency)
select :store, g / 3, c.id, t, p.id, 'ORDER', (array['DRAFT','CONFIRMED','PAID'])[1 + g % 3], 1000 + g % 9000, 'USD'
from generate_series(1, :orders) g
cross join lateral (select now() - make_interval(secs => (g::bigint * 3266489917) % 31536000) as t) x
join bench_customers c on c.k = (g::bigint * 15485863) % :customers
join bench_people p on p.k = g % cardinality(:'reps'::bigint[]);

set session_replication_role = origin;
vacuum analyze follow_ups;
vacuum analyze customer_events;
vacuum analyze order_events;
