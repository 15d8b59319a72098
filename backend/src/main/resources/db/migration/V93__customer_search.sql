-- Search in a side table (issue 21, item 3). The trigram index q asks (V33's customers_search_trgm) lived on the wide
-- customers row: every write of that row that was not HOT (a stage, a follow-up date, a score: the columns other
-- indexes carry) inserted about seventy trigram entries again, and an import paid the same, row by row, inside its
-- transaction (73-75 us per customer row with it, 43-46 us without: issue 21's measurements).
--
-- customer_search holds one row per customer: the text q's index is asked for. It changes only when a searched
-- field changes (the row trigger's WHEN below), so no other write of a customer touches trigram entries. Every
-- writer is covered by the triggers here, whatever the code path (a create, an edit, a merge and its undo, an
-- import's updates, the demo data): a single-customer write updates it in its own transaction, so q reads its
-- writes as before. An import's new customers are the one exception: the import sets harbor.search_deferred for its
-- bulk insert and fills their rows in one statement right after its commit (io/ImportSearch.java), recording when
-- in import_jobs.search_ready_at.
--
-- Online? No: the copy and the index build take 39 s on 1,900,000 customers (README "Upgrading"). Customers stay
-- readable throughout; writes of customers wait for the whole migration (the share lock below: a customer written
-- after the copy read the table and before the triggers exist would have no search row), reads only for its last
-- moment (dropping the old index).

-- The searched text, defined once: the triggers, this migration and the import's catch-up all call it, and q's
-- candidate condition (customer/CustomerQuery.java) asks the index on it.
create function customer_search_text(name text, company_name text, email text, phone_digits text, mobile_digits text)
    returns text language sql immutable parallel safe as $$
    select coalesce(name, '') || ' ' || coalesce(company_name, '') || ' ' || coalesce(email, '') || ' '
           || coalesce(phone_digits, '') || ' ' || coalesce(mobile_digits, '')
$$;

create table customer_search (
    store_id    bigint not null,
    customer_id bigint not null,
    search_text text   not null
);

set local maintenance_work_mem = '256MB';
lock table customers in share mode;

insert into customer_search (store_id, customer_id, search_text)
select store_id, id, customer_search_text(name, company_name, email, phone_digits, mobile_digits) from customers;

alter table customer_search
    add primary key (store_id, customer_id),
    add foreign key (store_id, customer_id) references customers (store_id, id) on delete cascade;

-- Built in bulk here (about half the cost per row of incremental inserts); its pending list then takes later rows.
create index customer_search_trgm on customer_search using gin (search_text gin_trgm_ops);

drop index customers_search_trgm;

-- New customers, a statement at a time: one INSERT ... SELECT from the statement's rows, whatever their number.
create function customers_search_insert() returns trigger language plpgsql as $$
begin
    if current_setting('harbor.search_deferred', true) = 'on' then
        return null;
    end if;
    insert into customer_search (store_id, customer_id, search_text)
    select n.store_id, n.id, customer_search_text(n.name, n.company_name, n.email, n.phone_digits, n.mobile_digits)
    from new_customers n;
    return null;
end $$;

create trigger customers_search_insert after insert on customers
    referencing new table as new_customers for each statement execute function customers_search_insert();

-- An edit of a searched field. An upsert, not an update: the customer may be one whose import is still catching up
-- (the catch-up then keeps this newer text: it inserts with on conflict do nothing).
create function customers_search_update() returns trigger language plpgsql as $$
begin
    insert into customer_search (store_id, customer_id, search_text)
    values (new.store_id, new.id, customer_search_text(new.name, new.company_name, new.email, new.phone_digits, new.mobile_digits))
    on conflict (store_id, customer_id) do update set search_text = excluded.search_text;
    return null;
end $$;

create trigger customers_search_update after update of name, company_name, email, phone_digits, mobile_digits on customers
    for each row when (old.name is distinct from new.name or old.company_name is distinct from new.company_name
        or old.email is distinct from new.email or old.phone_digits is distinct from new.phone_digits
        or old.mobile_digits is distinct from new.mobile_digits)
    execute function customers_search_update();

-- When an import's new customers can be found by q: null while the catch-up runs (or was cut off by a restart:
-- the id range lets the next start finish it). Jobs finished before this migration were searchable at once.
alter table import_jobs
    add column search_ready_at timestamptz,
    add column search_first_id bigint,
    add column search_last_id bigint;
update import_jobs set search_ready_at = finished_at where status = 'DONE';

-- The planner's figures for the new table now, not at autovacuum's leisure: without them it guessed a store's rows
-- few and ANDed q's trigram bitmap with the primary key's whole store range (a million entries, 250 ms a search).
analyze customer_search;
