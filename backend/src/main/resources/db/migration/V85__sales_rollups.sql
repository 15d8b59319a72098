-- Sales statistics within 500 ms on 1,000,000 customers and 3,000,000 orders (issue 23, item 5). V82's rollup
-- answered the revenue totals from ~40,000 rows, but bench/RESULTS.md (2026-12-05) found four reads still scanning
-- 10^5-10^6 rows a report. Each now reads a range that grows with days, reps and products, never with orders:
--
--   * quotation conversion walked every quotation of the period: the ALL rows now also count quotations written
--     and converted, on the quotation's day and for its rep (a conversion adds +1 to its quotation's day);
--   * the store-wide series by source, country and product summed one row per rep, product and day (1.3 million
--     for a year by product): they get rows of their own without the rep (STORE_SOURCE, STORE_COUNTRY,
--     STORE_PRODUCT), and a rep's own series reads only that rep's rows (stats_sales_daily_rep);
--   * paying and repeat customers and lifetime value read every customer_sales row: their counts and revenue are
--     kept per owner and currency in stats_customer_sales, written as deltas and folded like the daily rollups;
--   * the median days to repeat read each second purchase's heap row: customer_sales_second now covers the
--     columns it reads (index-only, per currency), and customer_sales.owner_id (the customer's owner now) gives a
--     rep's range.
--
-- Every new figure is backfilled from the data already there, so a store's reports read the same before and after.

-- ---- stats_sales_daily: quotation counters and store-wide rows --------------------------------------------------
alter table stats_sales_daily alter column dimension type varchar(16);
alter table stats_sales_daily add column quotations bigint not null default 0,
                              add column converted  bigint not null default 0;
comment on column stats_sales_daily.dimension is
    'ALL (per rep: orders and revenue paid, quotations written and converted), SOURCE, COUNTRY, PRODUCT (per rep), '
    'STORE_SOURCE, STORE_COUNTRY, STORE_PRODUCT (the same without the rep: rep_id is null)';

drop index stats_sales_daily_read;
-- The store's figures: one dimension of a store's day range, index-only.
create index stats_sales_daily_read on stats_sales_daily (store_id, dimension, day)
    include (currency, key, rep_id, orders, revenue, quantity, quotations, converted);
-- A rep's own figures: only their rows of one dimension.
create index stats_sales_daily_rep on stats_sales_daily (store_id, rep_id, dimension, day)
    include (currency, key, orders, revenue, quantity, quotations, converted) where rep_id is not null;

insert into stats_sales_daily (store_id, day, currency, dimension, key, rep_id, orders, revenue, quantity, compacted)
select store_id, day, currency, 'STORE_' || dimension, key, null, sum(orders), sum(revenue), sum(quantity), true
from stats_sales_daily
where dimension in ('SOURCE', 'COUNTRY', 'PRODUCT')
group by store_id, day, currency, dimension, key
having sum(orders) <> 0 or sum(revenue) <> 0 or sum(quantity) <> 0;

-- A quotation says itself whether an order was converted from it, so that its own row carries everything its
-- counters need (its day, rep and currency), whichever order a cascade deletes rows in.
alter table orders add column converted boolean not null default false;
update orders q set converted = true
where q.kind = 'QUOTATION'
  and exists (select 1 from orders c where c.store_id = q.store_id and c.converted_from_id = q.id);

insert into stats_sales_daily (store_id, day, currency, dimension, key, rep_id, orders, revenue, quantity,
                               quotations, converted, compacted)
select q.store_id, (q.created_at at time zone s.time_zone)::date, q.currency, 'ALL', '', q.owner_id, 0, 0, 0,
       count(*), count(*) filter (where q.converted), true
from orders q join stores s on s.id = q.store_id
where q.kind = 'QUOTATION'
group by q.store_id, 2, q.currency, q.owner_id;

-- The flag follows the orders converted from a quotation (at most one: orders_converted_once).
create function orders_conversion_flag() returns trigger language plpgsql as $$
begin
    if tg_op <> 'INSERT' and old.converted_from_id is not null then
        update orders q set converted = false
        where q.store_id = old.store_id and q.id = old.converted_from_id and q.converted;
    end if;
    if tg_op <> 'DELETE' and new.converted_from_id is not null then
        update orders q set converted = true
        where q.store_id = new.store_id and q.id = new.converted_from_id and not q.converted;
    end if;
    return null;
end $$;
create trigger orders_conversion_flag_insert after insert on orders
    for each row when (new.converted_from_id is not null) execute function orders_conversion_flag();
create trigger orders_conversion_flag_update after update of converted_from_id on orders
    for each row when (old.converted_from_id is distinct from new.converted_from_id)
    execute function orders_conversion_flag();
create trigger orders_conversion_flag_delete after delete on orders
    for each row when (old.converted_from_id is not null) execute function orders_conversion_flag();

-- A quotation's counters: written when it is inserted (minus when deleted), converted while its flag is set.
create function orders_quotation_facts() returns trigger language plpgsql as $$
declare
    v_row     orders;
    v_written integer;
begin
    v_row := case when tg_op = 'DELETE' then old else new end;
    v_written := case tg_op when 'INSERT' then 1 when 'DELETE' then -1 else 0 end;
    insert into stats_sales_daily (store_id, day, currency, dimension, key, rep_id, orders, revenue, quantity,
                                   quotations, converted)
    select v_row.store_id, (v_row.created_at at time zone s.time_zone)::date, v_row.currency, 'ALL', '',
           v_row.owner_id, 0, 0, 0, v_written,
           case tg_op when 'INSERT' then new.converted::integer
                      when 'DELETE' then -old.converted::integer
                      else new.converted::integer - old.converted::integer end
    from stores s where s.id = v_row.store_id;
    return null;
end $$;
create trigger orders_quotation_facts_insert after insert on orders
    for each row when (new.kind = 'QUOTATION') execute function orders_quotation_facts();
create trigger orders_quotation_facts_update after update of converted on orders
    for each row when (new.kind = 'QUOTATION' and old.converted <> new.converted)
    execute function orders_quotation_facts();
create trigger orders_quotation_facts_delete after delete on orders
    for each row when (old.kind = 'QUOTATION') execute function orders_quotation_facts();

-- Payments and cancellations: as V82, plus the store-wide rows.
create or replace function orders_sales_facts() returns trigger language plpgsql as $$
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
           (new.store_id, v_day, new.currency, 'COUNTRY', v_country, new.owner_id, v_sign, v_sign * new.total, 0),
           (new.store_id, v_day, new.currency, 'STORE_SOURCE', v_source, null, v_sign, v_sign * new.total, 0),
           (new.store_id, v_day, new.currency, 'STORE_COUNTRY', v_country, null, v_sign, v_sign * new.total, 0);
    insert into stats_sales_daily (store_id, day, currency, dimension, key, rep_id, orders, revenue, quantity)
    select new.store_id, v_day, new.currency, d.dimension, l.product_id::text, d.rep_id, v_sign,
           v_sign * sum(l.line_total), v_sign * sum(l.quantity)
    from order_lines l
    cross join (values ('PRODUCT', new.owner_id), ('STORE_PRODUCT', null::bigint)) d (dimension, rep_id)
    where l.store_id = new.store_id and l.order_id = new.id and l.product_id is not null
    group by l.product_id, d.dimension, d.rep_id;
    perform customer_sales_recount(new.store_id, new.customer_id, new.currency);
    return null;
end $$;

-- One fold for the application's scheduler and the benchmark alike: up to p_days store days with deltas become
-- one row per attribution; returns how many store days it took.
create function stats_sales_fold(p_days integer) returns integer language sql as $$
    with days as (
      select distinct store_id, day from stats_sales_daily where not compacted
      order by store_id, day limit p_days),
    gone as (
      delete from stats_sales_daily d using days
      where d.store_id = days.store_id and d.day = days.day
      returning d.store_id, d.day, d.currency, d.dimension, d.key, d.rep_id, d.orders, d.revenue, d.quantity,
                d.quotations, d.converted),
    folded as (
      insert into stats_sales_daily (store_id, day, currency, dimension, key, rep_id, orders, revenue, quantity,
                                     quotations, converted, compacted)
      select store_id, day, currency, dimension, key, rep_id, sum(orders), sum(revenue), sum(quantity),
             sum(quotations), sum(converted), true
      from gone
      group by store_id, day, currency, dimension, key, rep_id
      having sum(orders) <> 0 or sum(revenue) <> 0 or sum(quantity) <> 0 or sum(quotations) <> 0
          or sum(converted) <> 0)
    select count(*)::integer from days
$$;

-- ---- customer figures per owner: stats_customer_sales ------------------------------------------------------------
-- customer_sales learns its customer's owner now (kept by the trigger on customer_owners below), so that a rep's
-- customer figures and median read only their customers.
alter table customer_sales add column owner_id bigint;
update customer_sales s set owner_id = o.owner_id
from customer_owners o
where o.store_id = s.store_id and o.customer_id = s.customer_id and o.owner_id is not null;

drop index customer_sales_second;
-- The median days to repeat of a period, index-only, one currency at a time (a GROUP BY currency would sort the
-- whole range before the median sorts it again): the store's range, and a rep's.
create index customer_sales_second on customer_sales (store_id, currency, second_paid_at)
    include (first_paid_at) where second_paid_at is not null;
create index customer_sales_owner_second on customer_sales (store_id, owner_id, currency, second_paid_at)
    include (first_paid_at) where second_paid_at is not null;

create table stats_customer_sales (
    store_id   bigint         not null references stores (id),
    owner_id   bigint,
    currency   char(3)        not null,
    paying     bigint         not null,
    repeating  bigint         not null,
    revenue    numeric(20, 4) not null,
    compacted  boolean        not null default false
);
create index stats_customer_sales_read on stats_customer_sales (store_id, owner_id)
    include (currency, paying, repeating, revenue);
create index stats_customer_sales_unfolded on stats_customer_sales (store_id) where not compacted;

insert into stats_customer_sales (store_id, owner_id, currency, paying, repeating, revenue, compacted)
select store_id, owner_id, currency, count(*), count(second_paid_at), sum(revenue), true
from customer_sales where paid_orders > 0
group by store_id, owner_id, currency;

create or replace function customer_sales_recount(p_store bigint, p_customer bigint, p_currency char(3)) returns void
language sql as $$
    insert into customer_sales (store_id, customer_id, currency, paid_orders, revenue, first_paid_at, second_paid_at,
                                owner_id)
    select p_store, p_customer, p_currency, a.paid_orders, a.revenue, a.first_paid_at, a.second_paid_at, c.owner_id
    from (select count(*) as paid_orders, coalesce(sum(o.total), 0) as revenue, min(o.paid_at) as first_paid_at,
                 (array_agg(o.paid_at order by o.paid_at))[2] as second_paid_at
          from orders o
          where o.store_id = p_store and o.customer_id = p_customer and o.currency = p_currency
            and o.kind = 'ORDER' and o.paid_at is not null and o.status <> 'CANCELLED') a
    join (select w.owner_id from customers c
          left join customer_owners w on w.store_id = c.store_id and w.customer_id = c.id
          where c.store_id = p_store and c.id = p_customer) c on true
    on conflict (store_id, customer_id, currency) do update
        set paid_orders = excluded.paid_orders, revenue = excluded.revenue,
            first_paid_at = excluded.first_paid_at, second_paid_at = excluded.second_paid_at,
            owner_id = excluded.owner_id
$$;

-- A customer_sales row's contribution leaves with its old values and owner and comes back with the new ones.
create function customer_sales_facts() returns trigger language plpgsql as $$
begin
    if tg_op <> 'INSERT' and old.paid_orders > 0 then
        insert into stats_customer_sales (store_id, owner_id, currency, paying, repeating, revenue)
        values (old.store_id, old.owner_id, old.currency, -1, -(old.second_paid_at is not null)::integer, -old.revenue);
    end if;
    if tg_op <> 'DELETE' and new.paid_orders > 0 then
        insert into stats_customer_sales (store_id, owner_id, currency, paying, repeating, revenue)
        values (new.store_id, new.owner_id, new.currency, 1, (new.second_paid_at is not null)::integer, new.revenue);
    end if;
    return null;
end $$;
create trigger customer_sales_facts_insert after insert on customer_sales
    for each row when (new.paid_orders > 0) execute function customer_sales_facts();
create trigger customer_sales_facts_update after update on customer_sales
    for each row when ((old.paid_orders > 0 or new.paid_orders > 0)
        and (old.paid_orders, old.revenue, old.second_paid_at, old.owner_id)
            is distinct from (new.paid_orders, new.revenue, new.second_paid_at, new.owner_id))
    execute function customer_sales_facts();
create trigger customer_sales_facts_delete after delete on customer_sales
    for each row when (old.paid_orders > 0) execute function customer_sales_facts();

-- Ownership moves a customer's figures with it (claims, releases, assignments, sweeps: whatever path writes it).
create function customer_owners_sales_owner() returns trigger language plpgsql as $$
begin
    update customer_sales s set owner_id = new.owner_id
    where s.store_id = new.store_id and s.customer_id = new.customer_id and s.owner_id is distinct from new.owner_id;
    return null;
end $$;
create trigger customer_owners_sales_owner after update of owner_id on customer_owners
    for each row when (old.owner_id is distinct from new.owner_id) execute function customer_owners_sales_owner();

create function stats_customer_sales_fold() returns integer language sql as $$
    with stores as (select distinct store_id from stats_customer_sales where not compacted),
    gone as (
      delete from stats_customer_sales d using stores where d.store_id = stores.store_id
      returning d.store_id, d.owner_id, d.currency, d.paying, d.repeating, d.revenue),
    folded as (
      insert into stats_customer_sales (store_id, owner_id, currency, paying, repeating, revenue, compacted)
      select store_id, owner_id, currency, sum(paying), sum(repeating), sum(revenue), true
      from gone
      group by store_id, owner_id, currency
      having sum(paying) <> 0 or sum(repeating) <> 0 or sum(revenue) <> 0)
    select count(*)::integer from stores
$$;
