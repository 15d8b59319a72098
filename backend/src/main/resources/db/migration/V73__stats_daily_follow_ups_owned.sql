-- The rep report's last two figures in the statistics rollup (after V72):
--   FOLLOW_UP: per day of occurred_at and author. Unlike events, follow-ups are edited and deleted (also with their
--     customer): each statement adds +1 for its rows as they are and -1 for them as they were, so an edit of the
--     text nets to nothing and a moved date or author moves the count.
--   OWNED: who owns customers now, +1/-1 per owner as customers are created, change owner or are deleted, dated
--     the day the change was recorded (only their sum is read). Deltas again: a claim adds rows, it never waits on
--     a rep's counter row that every other claim of that rep would update too.

create function stats_follow_ups_changed() returns trigger language plpgsql as $$
begin
    insert into stats_daily (store_id, day, fact, rep_id, n)
    select f.store_id, (f.occurred_at at time zone s.time_zone)::date, 'FOLLOW_UP', f.author_id, sum(f.n)
    from (select store_id, occurred_at, author_id, 1 as n from new_rows
          union all
          select store_id, occurred_at, author_id, -1 from old_rows) f
    join stores s on s.id = f.store_id
    group by 1, 2, 3, 4
    having sum(f.n) <> 0;
    return null;
end;
$$;
-- One trigger per operation (a trigger with transition tables has one event); the missing side is empty.
create function stats_follow_ups_added() returns trigger language plpgsql as $$
begin
    insert into stats_daily (store_id, day, fact, rep_id, n)
    select f.store_id, (f.occurred_at at time zone s.time_zone)::date, 'FOLLOW_UP', f.author_id, count(*)
    from new_rows f join stores s on s.id = f.store_id
    group by 1, 2, 3, 4;
    return null;
end;
$$;
create function stats_follow_ups_removed() returns trigger language plpgsql as $$
begin
    insert into stats_daily (store_id, day, fact, rep_id, n)
    select f.store_id, (f.occurred_at at time zone s.time_zone)::date, 'FOLLOW_UP', f.author_id, -count(*)
    from old_rows f join stores s on s.id = f.store_id
    group by 1, 2, 3, 4;
    return null;
end;
$$;
create trigger follow_ups_stats_added after insert on follow_ups
    referencing new table as new_rows for each statement execute function stats_follow_ups_added();
create trigger follow_ups_stats_changed after update on follow_ups
    referencing old table as old_rows new table as new_rows for each statement execute function stats_follow_ups_changed();
create trigger follow_ups_stats_removed after delete on follow_ups
    referencing old table as old_rows for each statement execute function stats_follow_ups_removed();

create function stats_customers_owned_added() returns trigger language plpgsql as $$
begin
    insert into stats_daily (store_id, day, fact, rep_id, n)
    select store_id, current_date, 'OWNED', owner_id, count(*)
    from new_rows where owner_id is not null
    group by 1, 2, 3, 4;
    return null;
end;
$$;
-- Row by row, and only when the owner changes: customers are updated often and in bulk (scores, timers) for
-- reasons that do not concern this.
create function stats_customers_owner_changed() returns trigger language plpgsql as $$
begin
    insert into stats_daily (store_id, day, fact, rep_id, n)
    select new.store_id, current_date, 'OWNED', c.owner_id, c.n
    from (values (new.owner_id, 1), (old.owner_id, -1)) c (owner_id, n)
    where c.owner_id is not null;
    return null;
end;
$$;
create function stats_customers_owned_removed() returns trigger language plpgsql as $$
begin
    insert into stats_daily (store_id, day, fact, rep_id, n)
    select store_id, current_date, 'OWNED', owner_id, -count(*)
    from old_rows where owner_id is not null
    group by 1, 2, 3, 4;
    return null;
end;
$$;
create trigger customers_stats_owned_added after insert on customers
    referencing new table as new_rows for each statement execute function stats_customers_owned_added();
create trigger customers_stats_owner_changed after update of owner_id on customers
    for each row when (old.owner_id is distinct from new.owner_id) execute function stats_customers_owner_changed();
create trigger customers_stats_owned_removed after delete on customers
    referencing old table as old_rows for each statement execute function stats_customers_owned_removed();

create or replace function stats_daily_rezone() returns trigger language plpgsql as $$
begin
    delete from stats_daily where store_id = new.id;
    insert into stats_daily (store_id, day, fact, rep_id, reason_id, source, stage, n, compacted)
    select e.store_id, (e.at at time zone new.time_zone)::date, f.fact, f.rep_id, f.reason_id, f.source, f.stage,
           sum(f.n), true
    from customer_events e
    cross join lateral stats_event_facts(e.type, e.data) f
    where e.store_id = new.id
    group by 1, 2, 3, 4, 5, 6, 7
    having sum(f.n) <> 0;
    perform stats_daily_funnel_facts(new.id, new.time_zone);
    insert into stats_daily (store_id, day, fact, rep_id, n, compacted)
    select f.store_id, (f.occurred_at at time zone new.time_zone)::date, 'FOLLOW_UP', f.author_id, count(*), true
    from follow_ups f where f.store_id = new.id
    group by 1, 2, 3, 4;
    insert into stats_daily (store_id, day, fact, rep_id, n, compacted)
    select store_id, current_date, 'OWNED', owner_id, count(*), true
    from customers where store_id = new.id and owner_id is not null
    group by 1, 2, 3, 4;
    return null;
end;
$$;

insert into stats_daily (store_id, day, fact, rep_id, n, compacted)
select f.store_id, (f.occurred_at at time zone s.time_zone)::date, 'FOLLOW_UP', f.author_id, count(*), true
from follow_ups f join stores s on s.id = f.store_id
group by 1, 2, 3, 4;
insert into stats_daily (store_id, day, fact, rep_id, n, compacted)
select store_id, current_date, 'OWNED', owner_id, count(*), true
from customers where owner_id is not null
group by 1, 2, 3, 4;
analyze stats_daily;
