#!/usr/bin/env bash
# The webhook dispatcher's TAKE statement (webhook/WebhookDispatcher) on a million deliveries: EXPLAIN ANALYZE of
# one pass (50 deliveries) with (a) 1,000,000 pending deliveries of 1,000,000 customers, (b) an endpoint that is
# down: those all waiting for their retry and a second event of each customer held back behind them, (c) 990,000
# delivered and 10,000 pending; and the delivery log's first page. Runs in one transaction that is rolled back: the database is left as it was.
# Needs a database migrated to V88 with at least one store and user (the bench database after any run).
#   BENCH_DB=harbor_bench bench/webhooks/take-explain.sh
source "$(dirname "$0")/../lib.sh"
bench_db
RESULT="$OUT/webhooks-take-$(date -u +%Y%m%dT%H%M).txt"
{
  machine
  "${PSQL[@]/-qAt/-q}" <<'SQL'
\timing on
begin;
select store_id, id as user_id from users order by store_id limit 1 \gset
insert into webhook_subscriptions (store_id, url, event_types, secret, created_by, created_at, updated_at)
values (:store_id, 'https://example.com/h', '{customer.created,customer.updated}', 'whsec_x', :user_id, now(), now())
returning id as sub \gset
-- (a) one pending delivery for each of 1,000,000 customers, written as the fan-out writes them
insert into webhook_messages (store_id, event_type, customer_id, occurred_at, data)
select :store_id, 'customer.created', g, now(), jsonb_build_object('customerId', g) from generate_series(1, 1000000) g;
analyze webhook_messages; analyze webhook_deliveries;
select count(*) as pending from webhook_deliveries where status = 'PENDING';
\echo '(a) 1,000,000 pending, one per customer'
explain (analyze, buffers, costs off)
with due as (
    select d.store_id, d.id from webhook_deliveries d
    join webhook_subscriptions s on s.store_id = d.store_id and s.id = d.subscription_id and s.enabled
    where d.status = 'PENDING' and d.next_attempt_at <= now() and (d.leased_until is null or d.leased_until <= now())
      and not exists (select 1 from webhook_deliveries e where e.store_id = d.store_id
                        and e.subscription_id = d.subscription_id and e.ordering_key = d.ordering_key
                        and e.status = 'PENDING' and e.id < d.id)
    order by d.next_attempt_at, d.id limit 50 for update of d skip locked)
update webhook_deliveries d set leased_until = now() + interval '60 s', attempts = d.attempts + 1,
       window_started_at = coalesce(d.window_started_at, now())
from due, webhook_subscriptions s, webhook_messages m
where d.store_id = due.store_id and d.id = due.id and s.store_id = d.store_id and s.id = d.subscription_id
  and m.store_id = d.store_id and m.id = d.message_id;
-- (b) the endpoint is down: every customer's first delivery failed and waits for its retry, and a second event
-- of each arrived meanwhile. As the fan-out writes it (due no sooner than its customer's retry) the scan finds
-- nothing due at once; written due now instead, it would walk over a million held-back rows on every pass.
update webhook_deliveries set next_attempt_at = now() + interval '5 minutes', attempts = 1
where store_id = :store_id and subscription_id = :sub;
insert into webhook_messages (store_id, event_type, customer_id, occurred_at, data)
select :store_id, 'customer.updated', g, now(), jsonb_build_object('customerId', g) from generate_series(1, 1000000) g;
analyze webhook_deliveries;
select count(*) filter (where next_attempt_at <= now()) as due_now, count(*) as pending
from webhook_deliveries where status = 'PENDING';
\echo '(b) 2,000,000 pending: 1,000,000 retries in 5 minutes and 1,000,000 held back behind them (as written)'
explain (analyze, buffers, costs off)
with due as (
    select d.store_id, d.id from webhook_deliveries d
    join webhook_subscriptions s on s.store_id = d.store_id and s.id = d.subscription_id and s.enabled
    where d.status = 'PENDING' and d.next_attempt_at <= now() and (d.leased_until is null or d.leased_until <= now())
      and not exists (select 1 from webhook_deliveries e where e.store_id = d.store_id
                        and e.subscription_id = d.subscription_id and e.ordering_key = d.ordering_key
                        and e.status = 'PENDING' and e.id < d.id)
    order by d.next_attempt_at, d.id limit 50 for update of d skip locked)
select count(*) from due;
update webhook_deliveries d set next_attempt_at = '-infinity'
from webhook_messages m where m.store_id = d.store_id and m.id = d.message_id and m.event_type = 'customer.updated';
\echo '(b2) the same, had the held-back deliveries been written due at once'
explain (analyze, buffers, costs off)
with due as (
    select d.store_id, d.id from webhook_deliveries d
    join webhook_subscriptions s on s.store_id = d.store_id and s.id = d.subscription_id and s.enabled
    where d.status = 'PENDING' and d.next_attempt_at <= now() and (d.leased_until is null or d.leased_until <= now())
      and not exists (select 1 from webhook_deliveries e where e.store_id = d.store_id
                        and e.subscription_id = d.subscription_id and e.ordering_key = d.ordering_key
                        and e.status = 'PENDING' and e.id < d.id)
    order by d.next_attempt_at, d.id limit 50 for update of d skip locked)
select count(*) from due;
-- (c) the usual state: almost everything delivered
delete from webhook_deliveries where store_id = :store_id and subscription_id = :sub and message_id in
  (select id from webhook_messages where store_id = :store_id and event_type = 'customer.updated');
update webhook_deliveries set status = 'DELIVERED', delivered_at = now()
where store_id = :store_id and subscription_id = :sub and ordering_key > 10000;
update webhook_deliveries set next_attempt_at = '-infinity', attempts = 0
where store_id = :store_id and subscription_id = :sub and status = 'PENDING';
analyze webhook_deliveries;
\echo '(c) 990,000 delivered, 10,000 pending'
explain (analyze, buffers, costs off)
with due as (
    select d.store_id, d.id from webhook_deliveries d
    join webhook_subscriptions s on s.store_id = d.store_id and s.id = d.subscription_id and s.enabled
    where d.status = 'PENDING' and d.next_attempt_at <= now() and (d.leased_until is null or d.leased_until <= now())
      and not exists (select 1 from webhook_deliveries e where e.store_id = d.store_id
                        and e.subscription_id = d.subscription_id and e.ordering_key = d.ordering_key
                        and e.status = 'PENDING' and e.id < d.id)
    order by d.next_attempt_at, d.id limit 50 for update of d skip locked)
select count(*) from due;
\echo 'the delivery log of the subscription, first page'
explain (analyze, buffers, costs off)
select d.id, m.webhook_id, m.event_type from webhook_deliveries d
join webhook_messages m on m.store_id = d.store_id and m.id = d.message_id
where d.store_id = :store_id and d.subscription_id = :sub and d.id < 9223372036854775807
order by d.id desc limit 51;
rollback;
SQL
} 2>&1 | tee "$RESULT"
