-- The OWNED deltas of owner changes (V73) once per statement instead of once per row. A sweep chunk returning
-- 10,000 customers ran the row trigger 10,000 times (about 20 us each, a sixth of the chunk's work) and wrote a
-- stats_daily row for each; now it writes one row per store and rep. A trigger with transition tables cannot have
-- a column list, so every UPDATE of customers hands its rows over; the join keeps only those whose owner changed.
drop trigger customers_stats_owner_changed on customers;

create or replace function stats_customers_owner_changed() returns trigger language plpgsql as $$
begin
    insert into stats_daily (store_id, day, fact, rep_id, n)
    select c.store_id, current_date, 'OWNED', c.owner_id, sum(c.n)
    from new_rows n
    join old_rows o on o.store_id = n.store_id and o.id = n.id and o.owner_id is distinct from n.owner_id
    cross join lateral (values (n.store_id, n.owner_id, 1), (o.store_id, o.owner_id, -1)) c (store_id, owner_id, n)
    where c.owner_id is not null
    group by 1, 2, 3, 4
    having sum(c.n) <> 0;
    return null;
end;
$$;

create trigger customers_stats_owner_changed after update on customers
    referencing old table as old_rows new table as new_rows for each statement
    execute function stats_customers_owner_changed();
