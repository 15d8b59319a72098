#!/usr/bin/env bash
# The duplicate finder's group query (merge/DuplicateService) on a large store: EXPLAIN ANALYZE of the first page.
# Needs a database with Harbor's schema (any migrated one: the bench database, a test database). Adds one store of
# N customers (default 1,000,000): 10% share an email with another customer, 5% a phone or mobile number, 2% an
# IM handle; the rest are unique. Run with nice on a shared machine:
#   DB=harbor_bench N=1000000 nice bench/duplicates/explain.sh
set -euo pipefail
DB="${DB:-harbor_bench}"
DB_USER="${DB_USER:-harbor}"
N="${N:-1000000}"
PSQL=(psql -h 127.0.0.1 -U "$DB_USER" -d "$DB" -v ON_ERROR_STOP=1 -qAt)
store=$("${PSQL[@]}" -c "insert into stores (name) values ('Duplicate bench') returning id" | head -1)
echo "store $store: generating $N customers"
"${PSQL[@]}" <<SQL
insert into customers (store_id, name, email, email_norm, phone, phone_digits, mobile, mobile_digits, created_at, updated_at)
select $store, 'Buyer ' || g,
       e, e,
       p, regexp_replace(p, '[^0-9]', '', 'g'),
       m, regexp_replace(m, '[^0-9]', '', 'g'),
       now() - make_interval(mins => g), now()
from (select g,
             case when g % 10 = 0 then 'shared' || (g / 20) || '@example.com' else 'buyer' || g || '@example.com' end as e,
             case when g % 20 = 0 then '+86 574 ' || lpad((g / 40)::text, 8, '0') else '+1 312 ' || lpad(g::text, 8, '0') end as p,
             case when g % 3 = 0 then '+44 20 ' || lpad(g::text, 8, '0') end as m
      from generate_series(1, $N) g) x;
insert into customer_im_handles (store_id, customer_id, handle)
select $store, id, 'WECHAT:' || case when id % 50 = 0 then 'shared' || (id / 100) else 'buyer' || id end
from customers where store_id = $store and id % 7 = 0 or (store_id = $store and id % 50 = 0);
analyze customers;
analyze customer_im_handles;
SQL
echo "== first page (50 groups), $(uptime)"
"${PSQL[@]}" <<SQL
explain (analyze, buffers, costs off)
with keys as (
  select 'EMAIL'::text as kind, email_norm as value, id from customers where store_id = $store and email_norm is not null
  union all
  select 'PHONE', phone_digits, id from customers where store_id = $store and phone_digits is not null
  union all
  select 'PHONE', mobile_digits, id from customers
  where store_id = $store and mobile_digits is not null and mobile_digits is distinct from phone_digits
  union all
  select 'IM_ACCOUNT', handle, customer_id from customer_im_handles where store_id = $store),
groups as (select kind, value, count(*) as size from keys group by kind, value having count(*) > 1)
select g.kind, g.value, g.size from groups g order by g.size desc, g.kind, g.value limit 51;
SQL
if [ "${KEEP:-0}" != 1 ]; then
  "${PSQL[@]}" -c "delete from customers where store_id = $store" -c "delete from stores where id = $store"
fi
