-- Screening (GET /customers, later the pool, batch and export): substring search and the sort paths.

-- Substring search over name, company, email and phone digits (ILIKE '%q%' uses these trigram indexes).
create index customers_name_trgm on customers using gin (name gin_trgm_ops);
create index customers_company_trgm on customers using gin (company_name gin_trgm_ops);
create index customers_email_trgm on customers using gin (email gin_trgm_ops);
create index customers_phone_trgm on customers using gin (phone_digits gin_trgm_ops);
create index customers_mobile_trgm on customers using gin (mobile_digits gin_trgm_ops);
-- cf.<key>=value filters are containment tests (custom_fields @> '{"key": value}').
create index customers_custom_fields on customers using gin (custom_fields jsonb_path_ops);

-- Sort paths, each ending in id (the tiebreaker), store-wide and per owner ("my customers").
create index customers_created on customers (store_id, created_at desc, id desc);
create index customers_owner_created on customers (store_id, owner_id, created_at desc, id desc);
create index customers_owner_score on customers (store_id, owner_id, potential_score desc, id desc);
create index customers_name_sort on customers (store_id, lower(name), id);
create index customers_last_follow_up on customers (store_id, last_follow_up_at desc nulls last, id desc);
create index customers_next_follow_up on customers (store_id, next_follow_up_at asc nulls last, id asc);
