-- pool_return_at and pool_return_rule (V20) are evaluated for every private customer of every list page. As V20
-- wrote them PostgreSQL never inlines them (pool_return_rule has a FROM; both are declared immutable while
-- timestamptz + interval is only stable, which forbids inlining), so each row paid two calls through the
-- SQL-function executor: measured ≈ 2.5 ms of PostgreSQL CPU per 50-row page. The same rule, unchanged, as single
-- expressions marked stable (what they are), which the planner inlines into the calling query. No index or
-- constraint uses them, so the volatility change is free.

-- "No follow-up for N days" (N per stage if overridden), counted from max(last follow-up, owned since).
create function pool_follow_up_due(owned_since timestamptz, last_follow_up_at timestamptz, stage text,
        follow_up_days integer, stage_follow_up_days jsonb)
    returns timestamptz language sql stable parallel safe as $$
    select case when coalesce((stage_follow_up_days ->> stage)::integer, follow_up_days) > 0
                then greatest(owned_since, last_follow_up_at)
                     + make_interval(hours => 24 * coalesce((stage_follow_up_days ->> stage)::integer, follow_up_days))
           end
$$;

-- "No deal for N days" (stage below TRANSACTION), counted from owned since.
create function pool_deal_due(owned_since timestamptz, stage text, deal_days integer)
    returns timestamptz language sql stable parallel safe as $$
    select case when deal_days > 0 and stage not in ('TRANSACTION', 'REPEAT_PURCHASE')
                then owned_since + make_interval(hours => 24 * deal_days)
           end
$$;

create or replace function pool_return_at(owned_since timestamptz, last_follow_up_at timestamptz, stage text,
        follow_up_days integer, deal_days integer, stage_follow_up_days jsonb)
    returns timestamptz language sql stable parallel safe as $$
    select least(pool_follow_up_due(owned_since, last_follow_up_at, stage, follow_up_days, stage_follow_up_days),
                 pool_deal_due(owned_since, stage, deal_days))
$$;

-- Which rule gives pool_return_at: NO_FOLLOW_UP wins a tie.
create or replace function pool_return_rule(owned_since timestamptz, last_follow_up_at timestamptz, stage text,
        follow_up_days integer, deal_days integer, stage_follow_up_days jsonb)
    returns text language sql stable parallel safe as $$
    select case
        when pool_follow_up_due(owned_since, last_follow_up_at, stage, follow_up_days, stage_follow_up_days) is null
             and pool_deal_due(owned_since, stage, deal_days) is null then null
        when pool_deal_due(owned_since, stage, deal_days) is null
             or pool_follow_up_due(owned_since, last_follow_up_at, stage, follow_up_days, stage_follow_up_days)
                <= pool_deal_due(owned_since, stage, deal_days) then 'NO_FOLLOW_UP'
        else 'NO_DEAL' end
$$;
