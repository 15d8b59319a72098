-- The demo store of `make run` is marked, so that resetting it (make demo-reset) can refuse any other store.
alter table stores add column demo boolean not null default false;
-- The demo store opened before this flag existed is the demo store too.
update stores set demo = true
where id in (select store_id from login_identities where email = 'admin@demo.harbor-crm.dev');
