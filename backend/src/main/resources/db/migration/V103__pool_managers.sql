-- Issue 22, item 2: "a pool has ... managers". An admin names managers (users with the MANAGER role) for a pool;
-- they change that pool's rules and its distribution, as only admins could, and nobody else's. Every manager still
-- sees every pool and assigns from it, as before: naming one adds a right, it takes none from the others.
--
-- Online? A new, empty table.
create table pool_managers (
    store_id  bigint not null,
    pool_id   bigint not null,
    user_id   bigint not null,
    primary key (store_id, pool_id, user_id),
    foreign key (store_id, pool_id) references pools (store_id, id) on delete cascade,
    foreign key (store_id, user_id) references users (store_id, id)
);
