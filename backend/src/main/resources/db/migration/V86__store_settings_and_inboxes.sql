-- The store's language: the names Harbor seeds for a new store (lost reasons) are written in it, and later
-- messages sent on the store's behalf. Existing stores were seeded in English.
alter table stores add column language varchar(8) not null default 'en'
    constraint stores_language check (language in ('en', 'zh-CN'));

-- The store's inquiry inbox: newest first across customers, keyset-paged by (received_at, id).
create index inquiries_store_received on inquiries (store_id, received_at desc, id desc);

-- "The owner changed since the buyer's previous inquiry", decided when the inquiry arrives (the intake's answer
-- says it), kept so the inbox can show and filter it without re-deriving history at read time.
alter table inquiries add column owner_changed boolean not null default false,
                      add column previous_owner_id bigint;
alter table inquiries add constraint inquiries_previous_owner
    foreign key (store_id, previous_owner_id) references users (store_id, id);

-- Inquiries already received: the owner at the same customer's inquiry just before, in arrival order. Inquiries
-- are few beside customers and events; one pass over the table's customer index.
with ordered as (
    select store_id, id, owner_id,
           lag(owner_id) over w as previous_owner_id,
           lag(id) over w as previous_id
    from inquiries
    window w as (partition by store_id, customer_id order by received_at, id)
)
update inquiries i
set previous_owner_id = o.previous_owner_id,
    owner_changed = o.owner_id is distinct from o.previous_owner_id
from ordered o
where i.store_id = o.store_id and i.id = o.id and o.previous_id is not null;

-- The inbox filter "owner changed": a partial index keeps those few rows in arrival order.
create index inquiries_store_owner_changed on inquiries (store_id, received_at desc, id desc) where owner_changed;
