package com.harborcrm.pool;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import com.harborcrm.common.sql.SqlArrays;
import com.harborcrm.common.tenancy.TenantContext;
import com.harborcrm.common.time.Instants;
import com.harborcrm.pool.PoolDtos.PoolReturn;
import com.harborcrm.pool.PoolDtos.ReturnRule;

/**
 * When private customers go back to the pool. The rule itself is the SQL function {@code pool_return_at}
 * (migration V20); its result for the store's rules is stored on the ownership row ({@code customer_owners.due_at}
 * and {@code due_rule}, V78) and kept exact by the database on every change it depends on. The sweep, the warnings,
 * the reminders and every read take it from there, so the date a rep is shown is the date the sweep acts on. Only
 * the rules preview computes it, under candidate rules bound by {@link #bindRules}.
 */
@ApplicationScoped
public class PoolTimer {

    /** Arguments after the customer's columns: the rules, as named parameters bound by {@link #bindRules}. */
    private static final String RULE_ARGS = "cast(:followDays as integer), cast(:dealDays as integer), "
            + "cast(:stageDays as jsonb)";

    @Inject
    EntityManager em;

    @Inject
    TenantContext tenant;

    @Inject
    PoolRulesService rulesService;

    /**
     * SQL: when the customer whose ownership row is aliased {@code o} returns to the pool (null: never). A customer
     * marked lost never returns by itself: its loss is counted once, as lost, not again as an auto-return.
     */
    public static String dueAt(String o) {
        return o + ".due_at";
    }

    /** SQL: which rule {@link #dueAt} comes from. */
    public static String rule(String o) {
        return o + ".due_rule";
    }

    /**
     * SQL: {@link #dueAt} as the rules bound by {@link #bindRules} would make it, from the clocks of ownership row
     * {@code o} and customer {@code c} (the rules preview).
     */
    public static String dueAtUnder(String o, String c) {
        return "case when " + o + ".owner_id is not null and " + c + ".status = 'ACTIVE' and not (cast(:exemptOpenDeals "
                + "as boolean) and " + o + ".open_deals > 0) then pool_return_at("
                + o + ".owned_since, " + c + ".last_follow_up_at, " + c + ".stage, " + RULE_ARGS + ") end";
    }

    /**
     * SQL: the start of the clock that gives {@link #dueAt}: the later of owned since and the last follow-up for
     * NO_FOLLOW_UP, owned since for NO_DEAL. A new window starts whenever it moves.
     */
    public static String windowStart(String o, String c) {
        return "case when " + rule(o) + " = 'NO_FOLLOW_UP' then greatest(" + o + ".owned_since, " + c
                + ".last_follow_up_at) else " + o + ".owned_since end";
    }

    /** A SQL condition with the parameters it binds. */
    public record Condition(String sql, Map<String, Object> params) {

        public <Q extends Query> Q bind(Q query) {
            params.forEach(query::setParameter);
            return query;
        }
    }

    /**
     * SQL: "the customer whose ownership row is aliased {@code o} returns to the pool after {@code from} (null: any
     * time before) and at or before {@code to}": a range of the partial index customer_owners_due.
     */
    public static Condition dueWithin(String o, Instant from, Instant to) {
        Map<String, Object> params = new HashMap<>();
        params.put("dueTo", to);
        if (from == null) {
            return new Condition(o + ".due_at <= :dueTo", params);
        }
        params.put("dueFrom", from);
        return new Condition(o + ".due_at > :dueFrom and " + o + ".due_at <= :dueTo", params);
    }

    /**
     * SQL: "the customer whose ownership row is aliased {@code o} returns within its pool's warning window": after
     * {@code from} (null: any time before, the overdue too) and no later than {@code now} plus the warning days of
     * its pool (each pool has its own, V95; 0 warns nothing). The bound of the longest window keeps the condition a
     * range of the partial index customer_owners_due. Null when no pool warns.
     */
    public static Condition dueWithinWarning(String o, Instant from, Instant now, Map<Long, PoolRules> rulesByPool) {
        return dueWithinDays(o, from, now, rulesByPool, PoolRules::warnDaysBeforeReturn);
    }

    /**
     * SQL: as {@link #dueWithinWarning}, for the days ahead that {@code daysAhead} takes from each pool's rules (the
     * warning's, the escalation's). Null when every pool's is 0.
     */
    public static Condition dueWithinDays(String o, Instant from, Instant now, Map<Long, PoolRules> rulesByPool,
            ToIntFunction<PoolRules> daysAhead) {
        List<Long> pools = new ArrayList<>();
        List<Long> days = new ArrayList<>();
        rulesByPool.forEach((pool, rules) -> {
            if (daysAhead.applyAsInt(rules) > 0) {
                pools.add(pool);
                days.add((long) daysAhead.applyAsInt(rules));
            }
        });
        if (pools.isEmpty()) {
            return null;
        }
        Condition range = dueWithin(o, from, now.plus(Duration.ofDays(days.stream().mapToLong(d -> d).max().orElse(0))));
        Map<String, Object> params = new HashMap<>(range.params());
        params.put("warnNow", now);
        params.put("warnPools", SqlArrays.bigints(pools));
        params.put("warnDays", SqlArrays.bigints(days));
        return new Condition(range.sql() + " and " + o + ".due_at <= cast(:warnNow as timestamptz) + make_interval(days => "
                + "(cast(:warnDays as integer[]))[array_position(cast(:warnPools as bigint[]), " + o + ".pool_id)])",
                params);
    }

    public <Q extends Query> Q bindRules(Q query, PoolRules rules) {
        query.setParameter("followDays", rules.returnAfterDaysWithoutFollowUp());
        query.setParameter("dealDays", rules.returnAfterDaysWithoutDeal());
        query.setParameter("stageDays", rulesService.json(rules.stageFollowUpDaysOrEmpty()));
        query.setParameter("exemptOpenDeals", rules.exemptsOpenDeals());
        return query;
    }

    /** The pool return of each given customer that has an owner and a rule that applies. */
    public Map<Long, PoolReturn> returnsOf(Collection<Long> customerIds, Instant now) {
        Map<Long, PoolReturn> result = new HashMap<>();
        if (customerIds.isEmpty()) {
            return result;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select o.customer_id, o.due_at, o.due_rule from customer_owners o "
                + "where o.store_id = :store and o.customer_id = any(cast(:ids as bigint[])) and o.due_at is not null")
                .setParameter("store", tenant.storeId()).setParameter("ids", SqlArrays.bigints(customerIds))
                .getResultList();
        for (Object[] r : rows) {
            Instant at = Instants.of(r[1]);
            result.put(((Number) r[0]).longValue(), new PoolReturn(at, ReturnRule.valueOf((String) r[2]), daysLeft(at, now)));
        }
        return result;
    }

    public static int daysLeft(Instant at, Instant now) {
        long seconds = Duration.between(now, at).getSeconds();
        if (seconds <= 0) {
            return 0;
        }
        return (int) ((seconds + 86_399) / 86_400);
    }
}
