-- Issue 22: a rep hears in the bell when customers are handed to them, by a manager (assign, transfer) or by the
-- pool's automatic distribution: one notice per person and assignment (customers says how many, customer_id is the
-- first; rule is the distribution's rule). actor_id says who assigned them; null: the pool's distribution.
--
-- Online? A nullable column (no row rewritten); its foreign key and the widened kind check are added NOT VALID and
-- validated after, so the table is not locked against writes while its rows are checked.
alter table notifications add column actor_id bigint;
alter table notifications add constraint notifications_actor foreign key (store_id, actor_id)
    references users (store_id, id) not valid;
alter table notifications validate constraint notifications_actor;

alter table notifications drop constraint notifications_kind_check;
alter table notifications add constraint notifications_kind_check
    check (kind in ('POOL_RETURN_WARNING', 'POOL_RETURN_ESCALATION', 'POOL_RETURNED', 'CUSTOMERS_ASSIGNED')) not valid;
alter table notifications validate constraint notifications_kind_check;
