-- The potential score's points for "a follow-up within the last 30 days" (PotentialScore.RECENT_ACTIVITY) expire
-- with time, not with a change of the customer. score_recent_until says until when a stored score includes them
-- (last_follow_up_at + 30 days; null: it does not), and the pool sweep takes them off once that has passed.
alter table customers add column score_recent_until timestamptz;

-- Backfill. The score was last computed in full (create, edit, follow-up added/changed/removed) no later than
-- updated_at, and always with the current last_follow_up_at; so wherever the follow-up was still within 30 days
-- at updated_at, the stored score certainly holds the points. Those already expired are taken off by the first
-- sweep. (A customer whose follow-up had expired before a later owner change cannot be told apart here; its score
-- is corrected by its next change.)
update customers
set score_recent_until = last_follow_up_at + interval '30 days'
where last_follow_up_at is not null and last_follow_up_at + interval '30 days' > updated_at;

-- The sweep's lookup: a store's scores whose recent-activity points have expired.
create index customers_score_recent_until on customers (store_id, score_recent_until)
    where score_recent_until is not null;
