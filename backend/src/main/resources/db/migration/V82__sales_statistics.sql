-- Statistics by value (issue 23, item 5). Like stats_daily (V70): the database writes append-only deltas when an
-- order is paid or a paid order is cancelled, whatever code path changes it, so no writer updates a shared counter
-- row; StatsRollup folds each store day's deltas into one row per attribution, and reports read only sums.
--
-- Revenue is an ORDER's total on the store-local day it was paid; a paid order cancelled later is subtracted on
-- the day it was cancelled, so a past period always gives the same answer. Amounts never mix currencies: every row
-- carries its currency and the reports answer per currency. Attributions are taken when the fact happens: the rep
-- credited with the order (orders.owner_id, the customer's owner when it was written), the customer's source and
-- country then, and per product the product lines' quantity and line totals.
create table stats_sales_daily (
    store_id   bigint         not null references stores (id),
    day        date           not null,
    currency   char(3)        not null,
    -- ALL (one row per rep: the totals), SOURCE, COUNTRY, PRODUCT (key: the product id).
    dimension  varchar(8)     not null,
    key        varchar(64)    not null,
    rep_id     bigint,
    orders     bigint         not null,
    revenue    numeric(20, 4) not null,
    quantity   bigint         not null default 0,
    compacted  boolean        not null default false
);
-- A report reads one dimension of a store's day range, index-only.
create index stats_sales_daily_read on stats_sales_daily (store_id, dimension, day)
    include (currency, key, rep_id, orders, revenue, quantity);
-- The fold finds the days that still have deltas.
create index stats_sales_daily_unfolded on stats_sales_daily (store_id, day) where not compacted;

-- Per customer and currency: paid orders, revenue, and the moments of the first and second payment (repeat
-- purchases, time to repeat, lifetime value). Kept exact by recounting the customer's orders on every change.
create table customer_sales (
    store_id        bigint         not null,
    customer_id     bigint         not null,
    currency        char(3)        not null,
    paid_orders     integer        not null,
    revenue         numeric(20, 4) not null,
    first_paid_at   timestamptz,
    second_paid_at  timestamptz,
    primary key (store_id, customer_id, currency),
    foreign key (store_id, customer_id) references customers (store_id, id) on delete cascade
);
create index customer_sales_second on customer_sales (store_id, second_paid_at) where second_paid_at is not null;

-- Quotations written in a period, and how many converted: orders_converted_once answers the second half.
create index orders_kind_created on orders (store_id, kind, created_at);

create function customer_sales_recount(p_store bigint, p_customer bigint, p_currency char(3)) returns void
language sql as $$
    insert into customer_sales (store_id, customer_id, currency, paid_orders, revenue, first_paid_at, second_paid_at)
    select p_store, p_customer, p_currency, a.paid_orders, a.revenue, a.first_paid_at, a.second_paid_at
    from (select count(*) as paid_orders, coalesce(sum(o.total), 0) as revenue, min(o.paid_at) as first_paid_at,
                 (array_agg(o.paid_at order by o.paid_at))[2] as second_paid_at
          from orders o
          where o.store_id = p_store and o.customer_id = p_customer and o.currency = p_currency
            and o.kind = 'ORDER' and o.paid_at is not null and o.status <> 'CANCELLED') a
    where exists (select 1 from customers c where c.store_id = p_store and c.id = p_customer)
    on conflict (store_id, customer_id, currency) do update
        set paid_orders = excluded.paid_orders, revenue = excluded.revenue,
            first_paid_at = excluded.first_paid_at, second_paid_at = excluded.second_paid_at
$$;

create function orders_sales_facts() returns trigger language plpgsql as $$
declare
    v_sign    integer;
    v_day     date;
    v_source  text;
    v_country text;
begin
    if new.customer_id <> old.customer_id then
        -- A merge moved the order: both customers' figures are recounted; the sales facts stay as they happened.
        perform customer_sales_recount(old.store_id, old.customer_id, old.currency);
        perform customer_sales_recount(new.store_id, new.customer_id, new.currency);
    end if;
    if new.kind <> 'ORDER' or new.status is not distinct from old.status then
        return null;
    end if;
    if new.status = 'PAID' and old.paid_at is null then
        v_sign := 1;
    elsif new.status = 'CANCELLED' and old.status in ('PAID', 'SHIPPED') then
        v_sign := -1;
    else
        return null;
    end if;
    select ((case when v_sign = 1 then new.paid_at else new.status_changed_at end) at time zone s.time_zone)::date
      into v_day from stores s where s.id = new.store_id;
    select c.source, coalesce(c.country, '') into v_source, v_country
      from customers c where c.store_id = new.store_id and c.id = new.customer_id;
    insert into stats_sales_daily (store_id, day, currency, dimension, key, rep_id, orders, revenue, quantity)
    values (new.store_id, v_day, new.currency, 'ALL', '', new.owner_id, v_sign, v_sign * new.total, 0),
           (new.store_id, v_day, new.currency, 'SOURCE', v_source, new.owner_id, v_sign, v_sign * new.total, 0),
           (new.store_id, v_day, new.currency, 'COUNTRY', v_country, new.owner_id, v_sign, v_sign * new.total, 0);
    insert into stats_sales_daily (store_id, day, currency, dimension, key, rep_id, orders, revenue, quantity)
    select new.store_id, v_day, new.currency, 'PRODUCT', l.product_id::text, new.owner_id, v_sign,
           v_sign * sum(l.line_total), v_sign * sum(l.quantity)
    from order_lines l
    where l.store_id = new.store_id and l.order_id = new.id and l.product_id is not null
    group by l.product_id;
    perform customer_sales_recount(new.store_id, new.customer_id, new.currency);
    return null;
end $$;
create trigger orders_sales_facts after update of status, customer_id on orders
    for each row execute function orders_sales_facts();
