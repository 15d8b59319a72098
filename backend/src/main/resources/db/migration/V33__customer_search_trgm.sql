-- q (substring search) through one trigram index over the searched fields instead of five: every write of a
-- customer row that is not HOT (an owner change: claim, assign, release, auto-return) inserted its trigrams into
-- five GIN indexes, and a q search ran three to five bitmap scans. The expression must stay exactly the one in
-- CustomerQuery.SEARCH_TEXT: it only finds candidates (a match within any field is a match in the concatenation);
-- the per-field conditions decide, so which fields q searches is unchanged.
set local maintenance_work_mem = '256MB';

create index if not exists customers_search_trgm on customers using gin ((
    coalesce(name, '') || ' ' || coalesce(company_name, '') || ' ' || coalesce(email, '') || ' '
    || coalesce(phone_digits, '') || ' ' || coalesce(mobile_digits, '')) gin_trgm_ops);

drop index if exists customers_name_trgm;
drop index if exists customers_company_trgm;
drop index if exists customers_email_trgm;
drop index if exists customers_phone_trgm;
drop index if exists customers_mobile_trgm;
