-- The clocks behind pool_return_at (V20), indexed, so that the sweep, its warnings and the rules preview
-- range-scan only the private customers whose return falls in the window they ask about, instead of computing
-- the date of every private customer of the store. The function stays the one definition: queries use these
-- ranges to find candidates and test pool_return_at itself on them (see PoolTimer.dueWithin).
-- Both are partial on owner_id is not null: a customer going back to the pool leaves them, and pool customers
-- (a third of a store) never enter them. Nothing is rewritten: plain index builds.

-- "No follow-up for N days", N per stage: counted from the later of owned since and the last follow-up.
create index customers_pool_follow_up_clock on customers (store_id, stage, greatest(owned_since, last_follow_up_at))
    where owner_id is not null;

-- "No deal for N days": counted from owned since, below stage TRANSACTION.
create index customers_pool_deal_clock on customers (store_id, owned_since)
    where owner_id is not null and stage not in ('TRANSACTION', 'REPEAT_PURCHASE');
