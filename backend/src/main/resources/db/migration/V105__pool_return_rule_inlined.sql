-- Return dates at a fifth of their cost (issue 22 item 7, issue 21 items 1-2). The per-row trigger that gives an
-- owned customer its return date (customer_owners_clock) spent ~85 us of its ~100 us per row in pool_return_rule:
-- V20 wrote that function with a FROM clause, which PostgreSQL never inlines, so every call from a trigger parsed
-- and planned its body again. Measured on 5,000 automatic assignments: the trigger 490-523 ms, and 88 ms with the
-- definitions below; the whole statement 855-894 ms, then 415-454 ms (bench/RESULTS.md). Every writer of
-- ownership gains the same: claims, assignments, distribution, imports with owners, and every follow-up or stage
-- change of an owned customer (customers_owner_due), rules changes (pool_rules_due).
--
-- The two dates are now named once each, as single-expression SQL functions (inlined where they are used), and
-- pool_return_at / pool_return_rule say the same as before in terms of them: same arguments, same results for
-- every input, nulls included (PoolReturnRuleDefinitionTest compares them with V20's bodies).

-- "No follow-up for N days" (N per stage if overridden), counted from max(last follow-up, owned since). 24-hour days.
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

-- Which rule gives pool_return_at: NO_FOLLOW_UP wins a tie. One expression (no FROM), so it is inlined too.
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
