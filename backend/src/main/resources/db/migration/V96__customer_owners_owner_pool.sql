-- What a claim counts against a pool's limits (issue 22, item 2): the rep's customers of that pool, up to its cap,
-- and the rep's claims in it today, up to the daily limit (PoolService.claim, assignAll). With the indexes of one
-- store-wide count, both counts read each counted row from its table to test its pool: per claim, 5.3-5.5 ms of
-- database CPU against 3.3-4.2 ms before per-pool limits, for a rep holding 4,375 customers under caps high enough
-- to count them all (bench/pool/claim-statement-cpu.sh). These two answer both counts from the index.
-- The owner index is partial: pool customers have no owner to count. The claims index replaces
-- pool_claims_user_time (store, user, time), which only the daily count read.
--
-- Online? Each is built under a lock that makes its table's writes wait (claims, releases, sweeps); see the
-- README's upgrade table.
create index customer_owners_owner_pool on customer_owners (store_id, owner_id, pool_id) where owner_id is not null;
create index pool_claims_user_pool_time on pool_claims (store_id, user_id, pool_id, claimed_at);
drop index pool_claims_user_time;
