-- Sales benchmark data, set-based: :customers customers in store :store (90% owned by a rep), 500 products, and
-- :orders orders over two years: 80% ORDER (four in five of them paid, one in twenty of those cancelled later),
-- 10% QUOTATION (a third converted), 10% SAMPLE_ORDER; one to three product lines each. Orders are written
-- CONFIRMED and then paid by an UPDATE, so the sales rollups and customer_sales are filled by the very triggers
-- the application's writes fire (orders_sales_facts, V82; the quotation, conversion and customer-figure triggers,
-- V85). Run with psql -v store=... -v customers=... -v orders=...
\set ON_ERROR_STOP on
set synchronous_commit = off;

create temporary table bench_reps as
select array_agg(id order by id) as ids from users where store_id = :store and role = 'REP';

insert into customers (store_id, name, source, country, stage, status, created_at, updated_at)
select :store, 'Sales buyer ' || g,
       (array['ALIBABA_INQUIRY','IM_INQUIRY','EXHIBITION','SEARCH_ENGINE','ECOMMERCE_PLATFORM','REFERRAL','MANUAL',
              'IMPORT','OTHER'])[1 + g % 9],
       (array['US','DE','CN','GB','FR','IN','BR','JP','AU','CA','MX','ES','IT','NL','PL','TR','AE','SA','ZA','KR'])
         [1 + (g * 7) % 20],
       'INQUIRY', 'ACTIVE', now() - interval '800 days', now()
from generate_series(1, :customers) g;
-- Statistics before the next statements: a table never analyzed looks empty to the planner, and a plan that scans
-- it once per row of a million takes hours.
analyze customers;

insert into customer_owners (store_id, customer_id, owner_id, owned_since, pooled_since)
select c.store_id, c.id, case when c.id % 10 <> 0 then r.ids[1 + c.id % array_length(r.ids, 1)] end,
       case when c.id % 10 <> 0 then c.created_at end, case when c.id % 10 = 0 then c.created_at end
from customers c, bench_reps r
where c.store_id = :store;

insert into products (store_id, sku, name, category, unit, list_price, currency, on_hand, created_at, updated_at)
select :store, 'SKU-' || g, 'Bench product ' || g, 'Category ' || (g % 12), 'pcs', 1 + (g % 97), 'USD',
       1000000000, now(), now()
from generate_series(1, 500) g;

analyze customer_owners;
analyze products;

create temporary table bench_customers as
select c.id, row_number() over (order by c.id) as n, o.owner_id
from customers c join customer_owners o on o.store_id = c.store_id and o.customer_id = c.id
where c.store_id = :store;
create unique index on bench_customers (n);
create temporary table bench_products as
select id, row_number() over (order by id) as n, list_price from products where store_id = :store;

-- The orders: the customer and the moment spread by multiplicative hashes; 2% in EUR.
insert into orders (store_id, customer_id, kind, status, currency, owner_id, created_by, created_at, updated_at,
                    status_changed_at, confirmed_at)
select :store, b.id,
       case when k.kind = 0 then 'QUOTATION' when k.kind = 1 then 'SAMPLE_ORDER' else 'ORDER' end,
       case when k.kind = 0 then 'SENT' else 'CONFIRMED' end,
       case when g % 50 = 7 then 'EUR' else 'USD' end,
       b.owner_id, coalesce(b.owner_id, (select ids[1] from bench_reps)), t.at, t.at, t.at, t.at
from generate_series(1, :orders) g
-- A customer's orders are g, g + customers, g + 2 * customers...: the kind shifts with each of them (a kind from g
-- alone would give all of a customer's orders the same kind, and no quotation a customer's order to convert to).
cross join lateral (select 1 + ((g::bigint * 7919) % :customers) as n, (g + g / :customers) % 10 as kind) k
join bench_customers b on b.n = k.n
cross join lateral (select now() - interval '730 days' * (((g::bigint * 104729) % 1000003) / 1000003.0) as at) t;

insert into order_lines (store_id, order_id, line_no, product_id, sku, description, quantity, unit_price,
                         discount_percent, line_total)
select :store, o.id, l.line_no, p.id, 'SKU-' || p.n, 'Bench product ' || p.n, q.quantity, p.list_price, 0,
       q.quantity * p.list_price
from orders o
cross join lateral generate_series(1, 1 + (o.id % 3)::int) l(line_no)
cross join lateral (select 1 + ((o.id * 31 + l.line_no * 17) % 500) as n) pn
join bench_products p on p.n = pn.n
cross join lateral (select 1 + ((o.id + l.line_no) % 40) as quantity) q
where o.store_id = :store;

analyze orders;
analyze order_lines;

update orders o set subtotal = s.total, total = s.total
from (select order_id, sum(line_total) as total from order_lines where store_id = :store group by order_id) s
where o.store_id = :store and o.id = s.order_id;

-- A third of the quotations converted (the conversion figure).
update orders o set converted_from_id = q.id
from (select id, customer_id, row_number() over (order by id) as r from orders
      where store_id = :store and kind = 'QUOTATION') q
where o.store_id = :store and o.kind = 'ORDER' and o.customer_id = q.customer_id and q.r % 3 = 0
  and o.id = (select min(x.id) from orders x where x.store_id = :store and x.customer_id = q.customer_id
              and x.kind = 'ORDER' and x.converted_from_id is null);

analyze orders;

-- Payments, through the trigger: four in five orders, two days after they were written.
update orders set status = 'PAID', paid_at = created_at + interval '2 days', status_changed_at = created_at + interval '2 days'
where store_id = :store and kind = 'ORDER' and id % 5 <> 0;
-- One in twenty paid orders cancelled a week later.
update orders set status = 'CANCELLED', status_changed_at = paid_at + interval '7 days'
where store_id = :store and kind = 'ORDER' and status = 'PAID' and id % 20 = 3;
