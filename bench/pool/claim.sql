-- The claim as the backend sends it for one customer (PoolService.claim with limits off), for pgbench: the raw-SQL
-- floor beside the API figures (bench/pool/measure.sh sets the variables). Since V79 the token's user and the
-- store's rules are kept in memory (common/cache), so neither is read per claim any more.
\set i :i + 1
\set id :first_id + :client_id * :per_client + :i
\set owner :first_rep + :client_id
begin;
select set_config('plan_cache_mode', 'force_generic_plan', true);
with requested as (select id, pos from unnest(array[:id]::bigint[]) with ordinality as r(id, pos)),
cooling as (select customer_id as id from pool_returns where store_id = :store and user_id = :owner and customer_id = any(array[:id]::bigint[]) and returned_at > now() - interval '7 days'),
locked as materialized (select customer_id as id, owner_id from customer_owners where store_id = :store and customer_id = any(array[:id]::bigint[]) order by customer_id for update),
picked as (select l.id from locked l join requested r on r.id = l.id where l.owner_id is null and l.id not in (select id from cooling) order by r.pos),
changed as (update customer_owners o set owner_id = :owner, owned_since = now(), pooled_since = null from picked where o.store_id = :store and o.customer_id = picked.id returning o.customer_id as id),
taken as (select x.id, c.stage from changed x join customers c on c.store_id = :store and c.id = x.id),
ev as (insert into customer_events (store_id, customer_id, type, at, actor_id, data) select :store, id, 'OWNER_CHANGED', now(), :owner, jsonb_build_object('ownerId', :owner::bigint, 'stage', stage, 'kind', 'CLAIMED', 'fromOwnerId', null, 'toOwnerId', :owner::bigint) from taken),
log as (insert into pool_claims (store_id, user_id, customer_id, claimed_at) select :store, :owner, id, now() from taken)
select r.id, case when t.id is not null then 'CLAIMED' else 'FAILED' end from requested r left join locked l on l.id = r.id left join taken t on t.id = r.id order by r.pos;
commit;
