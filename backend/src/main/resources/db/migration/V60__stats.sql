-- Churn and conversion statistics (issue 7). Figures are computed from the append-only customer_events, so they
-- are exact for any past period; this migration makes that hold and gives the statistics their indexes.
-- As everywhere: store_id leads every primary key, unique constraint, foreign key and index.

-- 1. Events outlive their customer: a permanent delete (single, batch, pool purge) must not rewrite last year's
-- churn figures. What the statistics do not read goes with the customer: events of other kinds, and every member
-- of the remaining events' data but the statistical ones (notes are free text a rep typed about that customer).
alter table customer_events drop constraint customer_events_store_id_customer_id_fkey;

create function customer_events_keep_statistics() returns trigger language plpgsql as $$
begin
    delete from customer_events e using gone g
    where e.store_id = g.store_id and e.customer_id = g.id
      and e.type not in ('CREATED', 'IMPORTED', 'OWNER_CHANGED', 'STAGE_CHANGED', 'LOST', 'REACTIVATED');
    update customer_events e
    set data = (select coalesce(jsonb_object_agg(m.key, m.value), '{}'::jsonb) from jsonb_each(e.data) m
                where m.key in ('ownerId', 'stage', 'source', 'kind', 'fromOwnerId', 'toOwnerId', 'from', 'to',
                                'fromSince', 'reasonId', 'rule'))
    from gone g
    where e.store_id = g.store_id and e.customer_id = g.id;
    return null;
end;
$$;
create trigger customers_deleted_keep_statistics after delete on customers
    referencing old table as gone for each statement execute function customer_events_keep_statistics();

-- 2. When the customer entered its current stage, so that a STAGE_CHANGED event can say how long the stage it
-- leaves lasted (data.fromSince) without a search through the customer's history. Kept by the trigger, from the
-- row's own timestamps (the application's clock), whichever code path writes the stage.
alter table customers add column stage_since timestamptz;
update customers c
set stage_since = coalesce((select max(e.at) from customer_events e
                            where e.store_id = c.store_id and e.customer_id = c.id and e.type = 'STAGE_CHANGED'),
                           c.created_at);
alter table customers alter column stage_since set not null;

create function customers_stage_clock() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        new.stage_since := coalesce(new.stage_since, new.created_at);
    elsif new.stage is distinct from old.stage and new.stage_since is not distinct from old.stage_since then
        new.stage_since := new.updated_at;
    end if;
    return new;
end;
$$;
create trigger customers_stage_clock before insert or update of stage on customers
    for each row execute function customers_stage_clock();

-- 3. Statistics count events of a kind in a period and need little more than the customer: the type/time index
-- covers the customer id, so the counts that make "active at period start" are index-only scans.
drop index customer_events_type_at;
create index customer_events_type_at on customer_events (store_id, type, at) include (customer_id);

-- Churn in a period: lost, released and auto-returned events only (claims and assigns are most owner changes).
create index customer_events_churn on customer_events (store_id, at)
    where type = 'LOST' or (type = 'OWNER_CHANGED' and data ->> 'kind' in ('RELEASED', 'AUTO_RETURNED'));

-- A rep's own figures: the customers a rep ever received (claimed, assigned, created as owner).
create index customer_events_to_owner on customer_events (store_id, ((data ->> 'ownerId')::bigint), at)
    where type in ('CREATED', 'IMPORTED', 'OWNER_CHANGED');

-- "Is this reason in use?" (a used reason cannot be deleted, only archived).
create index customer_events_reason on customer_events (store_id, ((data ->> 'reasonId')::bigint))
    where type in ('LOST', 'OWNER_CHANGED');

-- Customers deleted before a period's start are not part of its population (audit keeps deletes and purges).
create index audit_events_entity on audit_events (store_id, entity_type, entity_id, at);

-- Follow-ups of a period by author (rep activity), index-only.
create index follow_ups_occurred on follow_ups (store_id, occurred_at) include (author_id);
