-- The catalogue product an inquiry asks about (issue 23, item 4), matched from its free-text product when it arrived
-- (by SKU, else by the closest name): the inquiry and the customer's page then show that product's stock. A
-- product deleted later leaves the inquiry's text as it was.
alter table inquiries add column product_id bigint;
alter table inquiries add constraint inquiries_product_fk foreign key (store_id, product_id)
    references products (store_id, id) on delete set null (product_id);
create index inquiries_product on inquiries (store_id, product_id) where product_id is not null;
