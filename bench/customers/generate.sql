-- Fills one store with :n realistic customers (psql variables: store, n, reps = '{id,id,...}').
-- Field fill follows what marketplace inquiries carry: almost always a name and country, usually an email,
-- often a phone, sometimes a fax. 30% sit in the pool, the rest are spread over the reps. Deterministic.
\set ON_ERROR_STOP on
select setseed(0.42);

insert into tags (store_id, name, color, group_name, created_at, updated_at)
select :store, t.name, t.color, t.grp, now(), now()
from (values ('Distributor', '#1f77b4', 'Business type'), ('Retailer', '#ff7f0e', 'Business type'),
             ('Manufacturer', '#2ca02c', 'Business type'), ('Importer', '#d62728', 'Business type'),
             ('LED lighting', '#9467bd', 'Purchase category'), ('Solar', '#8c564b', 'Purchase category'),
             ('Pumps', '#e377c2', 'Purchase category'), ('Textiles', '#7f7f7f', 'Purchase category'),
             ('Hardware', '#bcbd22', 'Purchase category'), ('Packaging', '#17becf', 'Purchase category'),
             ('Small', '#aec7e8', 'Size'), ('Medium', '#ffbb78', 'Size'), ('Large', '#98df8a', 'Size'),
             ('VIP', '#ff9896', null), ('Trade show 2026', '#c5b0d5', null), ('Sample sent', '#c49c94', null),
             ('Price sensitive', '#f7b6d2', null), ('Slow payer', '#c7c7c7', null), ('Referral', '#dbdb8d', null),
             ('Hot lead', '#9edae5', null)) as t(name, color, grp)
on conflict do nothing;

create temp table bench_reps as select unnest(:'reps'::bigint[]) as user_id;
create temp table bench_rep_list as select array_agg(user_id) as ids from bench_reps;

insert into customers (store_id, name, company_name, position, email, phone, mobile, fax, im_accounts, website,
                       country, region, city, address, postcode, business_type, main_products, source, stage, stars,
                       status, custom_fields, email_norm, phone_digits, mobile_digits, potential_score,
                       inquiry_count, last_inquiry_at, last_follow_up_at, next_follow_up_at, created_at, updated_at)
select :store,
       (array['John','Maria','Ahmed','Wei','Olga','Carlos','Fatima','Hiroshi','Priya','Lucas','Anna','Omar'])[1 + g % 12]
           || ' ' || (array['Smith','Garcia','Khan','Zhang','Ivanova','Silva','Haddad','Tanaka','Patel','Müller','Rossi','Nguyen'])[1 + (g / 12) % 12]
           || ' ' || g,
       case when g % 10 < 8 then (array['Global','Pacific','Atlas','Nordic','Sahara','Andes','Delta','Orion'])[1 + g % 8]
           || ' ' || (array['Trading','Imports','Supplies','Industries','Retail','Distribution'])[1 + g % 6] || ' ' || (g % 90000) || ' Ltd' end,
       case when g % 4 = 0 then (array['Purchasing Manager','CEO','Buyer','Owner','Sourcing Director'])[1 + g % 5] end,
       case when g % 10 < 7 then 'buyer' || g || '@' || (array['gmail.com','outlook.com','example.com','yahoo.com'])[1 + g % 4] end,
       case when g % 10 < 5 then '+1 555 ' || lpad((g % 10000000)::text, 7, '0') end,
       case when g % 10 < 6 then '+44 7' || lpad((g % 1000000000)::text, 9, '0') end,
       case when g % 10 = 0 then '+1 555 9' || lpad((g % 1000000)::text, 6, '0') end,
       case when g % 5 = 0 then jsonb_build_array(jsonb_build_object('channel', 'WHATSAPP', 'handle', 'wa' || g)) else '[]'::jsonb end,
       case when g % 3 = 0 then 'https://www.company' || g || '.example.com' end,
       (array['US','GB','DE','FR','IN','BR','AE','NG','AU','CA','MX','JP','KR','ZA','SA','TR'])[1 + floor(random() * 16)::int],
       null,
       case when g % 2 = 0 then (array['Dallas','London','Hamburg','Lyon','Mumbai','São Paulo','Dubai','Lagos'])[1 + g % 8] end,
       case when g % 3 = 0 then g || ' Industrial Park Road, Building ' || (g % 40) end,
       case when g % 3 = 0 then lpad((g % 99999)::text, 5, '0') end,
       case when g % 4 = 1 then 'Distributor' when g % 4 = 2 then 'Retailer' end,
       case when g % 2 = 0 then (array['LED panels','Solar inverters','Water pumps','Cotton fabric','Door hinges','Paper boxes'])[1 + g % 6] end,
       (array['ALIBABA_INQUIRY','ALIBABA_INQUIRY','ALIBABA_INQUIRY','IM_INQUIRY','EXHIBITION','SEARCH_ENGINE',
              'ECOMMERCE_PLATFORM','REFERRAL','MANUAL','IMPORT','OTHER'])[1 + g % 11],
       (array['UNMARKED','UNMARKED','INQUIRY','INQUIRY','INQUIRY','SAMPLE_ORDER','NO_DEAL','TRANSACTION','REPEAT_PURCHASE'])[1 + floor(random() * 9)::int],
       floor(random() * 4)::int,
       case when g % 25 = 0 then 'LOST' else 'ACTIVE' end,
       case when g % 7 = 0 then jsonb_build_object('incoterm', (array['FOB','CIF','EXW'])[1 + g % 3]) else '{}'::jsonb end,
       case when g % 10 < 7 then 'buyer' || g || '@' || (array['gmail.com','outlook.com','example.com','yahoo.com'])[1 + g % 4] end,
       case when g % 10 < 5 then '1555' || lpad((g % 10000000)::text, 7, '0') end,
       case when g % 10 < 6 then '447' || lpad((g % 1000000000)::text, 9, '0') end,
       -- Random here; recomputed below from the filled fields with the real weights' shape.
       0,
       (g % 6),
       case when g % 6 > 0 then now() - ((g % 400) || ' days')::interval end,
       case when g % 3 > 0 then now() - ((g % 120) || ' days')::interval - ((g % 1440) || ' minutes')::interval end,
       case when g % 5 = 0 then now() + ((g % 30) - 10 || ' days')::interval end,
       now() - ((g % 1000) || ' days')::interval - ((g % 86400) || ' seconds')::interval,
       now() - ((g % 100) || ' days')::interval
from generate_series(1, :n) as g;

-- Their owners: 30% in the pool, the rest spread over the reps by g (the number ending the name). Since V78 in
-- customer_owners; before it in the customers row (benchmarks compare schemas).
select to_regclass('customer_owners') is not null as has_owners \gset
\if :has_owners
-- In batches of 50,000 ids (\gexec runs each generated statement): the statement-level statistics trigger on
-- customer_owners (a transition table) makes one statement of a million rows far slower than twenty of 50,000.
select format($batch$
insert into customer_owners (store_id, customer_id, owner_id, owned_since, pooled_since)
select c.store_id, c.id, x.owner, case when x.owner is not null then c.created_at end,
       case when x.owner is null then c.created_at end
from customers c
cross join lateral (select substring(c.name from '(\d+)$')::int as g) n
cross join lateral (select case when n.g %% 10 < 3 then null
                                else (select ids[1 + n.g %% array_length(ids, 1)] from bench_rep_list) end as owner) x
where c.store_id = %s and c.id between %s and %s
  and not exists (select 1 from customer_owners o where o.store_id = c.store_id and o.customer_id = c.id)
$batch$, :store, lo, lo + 49999)
from generate_series((select min(id) from customers where store_id = :store),
                     (select max(id) from customers where store_id = :store), 50000) lo
\gexec
\else
update customers c set owner_id = x.owner, owned_since = case when x.owner is not null then c.created_at end,
       pooled_since = case when x.owner is null then c.created_at end
from (select c2.id, case when n.g % 10 < 3 then null
                         else (select ids[1 + n.g % array_length(ids, 1)] from bench_rep_list) end as owner
      from customers c2 cross join lateral (select substring(c2.name from '(\d+)$')::int as g) n
      where c2.store_id = :store) x
where c.store_id = :store and c.id = x.id;
\endif

-- The score from what was filled in, with PotentialScore's weights (recent activity and inquiries included).
update customers set potential_score = least(100,
      (case when phone is not null then 8 else 0 end) + (case when fax is not null then 4 else 0 end)
    + (case when mobile is not null then 8 else 0 end) + (case when email is not null then 8 else 0 end)
    + (case when company_name is not null then 7 else 0 end) + (case when main_products is not null then 10 else 0 end)
    + (case when address is not null then 8 else 0 end) + (case when position is not null then 5 else 0 end)
    + (case when last_follow_up_at > now() - interval '30 days' then 10 else 0 end)
    + (case when inquiry_count >= 2 then 8 else 0 end) + stars * 3
    + (case stage when 'INQUIRY' then 4 when 'SAMPLE_ORDER' then 10 when 'NO_DEAL' then 2
                  when 'TRANSACTION' then 12 when 'REPEAT_PURCHASE' then 15 else 0 end)),
    score_recent_until = case when last_follow_up_at > now() - interval '30 days'
                              then last_follow_up_at + interval '30 days' end
where store_id = :store;

-- Roughly 1.5 tags per customer, in batches of 100,000 customers for the same reason as the owners.
select format($batch$
insert into customer_tags (store_id, customer_id, tag_id)
select c.store_id, c.id, t.id
from customers c
join lateral (select id from tags where store_id = %s order by id offset (c.id %% 20) limit (1 + c.id %% 2)) t on true
where c.store_id = %s and c.id between %s and %s
on conflict do nothing
$batch$, :store, :store, lo, lo + 99999)
from generate_series((select min(id) from customers where store_id = :store),
                     (select max(id) from customers where store_id = :store), 100000) lo
\gexec

insert into customer_im_handles (store_id, customer_id, handle)
select store_id, id, 'WHATSAPP:' || lower(im_accounts -> 0 ->> 'handle')
from customers where store_id = :store and jsonb_array_length(im_accounts) > 0
on conflict do nothing;

analyze customers;
analyze customer_tags;
