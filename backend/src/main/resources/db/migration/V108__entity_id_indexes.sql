-- Hibernate writes a changed entity with "update <table> set ... where id = ? and version = ?" and removes one with
-- "delete from <table> where id = ? ...": Hibernate ORM 7.2 leaves the @TenantId column out of its mutation SQL
-- (HHH-20883, fixed in later versions). Every tenant table's primary key is (store_id, id), which such a statement
-- can only read whole: on a store of 1,000,000 customers each follow-up's update of its customer read 8,900 pages
-- of customers_pkey and took 77 ms on average, more than half of the database's time under the mixed workload
-- (bench/RESULTS.md, "The mixed workload after the JIT's warm-up"). An index on id alone lets each of them find its
-- row directly. Not unique: ids come from each table's own sequence, and the primary key keeps them apart per store.
-- Builds each index (about 0.6 s per million rows here); writes to that table wait while it builds.
create index customers_id on customers (id);
create index follow_ups_id on follow_ups (id);
create index inquiries_id on inquiries (id);
create index orders_id on orders (id);
create index products_id on products (id);
create index users_id on users (id);
create index tags_id on tags (id);
create index custom_field_definitions_id on custom_field_definitions (id);
create index saved_views_id on saved_views (id);
