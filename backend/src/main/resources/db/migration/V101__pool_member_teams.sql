-- Issue 22: a pool's members may be named by team as well as one by one. A team is the free label on users
-- (users.team, the activity screen's filter); a user belongs to the pool while their team matches one of its teams,
-- in any letter case, so a rep who moves to another team moves between pools with no one editing the pools.
--
-- Online? A new, empty table.
create table pool_member_teams (
    store_id  bigint      not null,
    pool_id   bigint      not null,
    team      varchar(80) not null check (team <> ''),
    foreign key (store_id, pool_id) references pools (store_id, id) on delete cascade
);
-- One row per team and pool, however it is spelled; "Which pools may this rep see" probes it by pool.
create unique index pool_member_teams_key on pool_member_teams (store_id, pool_id, lower(team));
