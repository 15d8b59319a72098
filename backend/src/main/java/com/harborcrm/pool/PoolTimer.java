package com.harborcrm.pool;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import com.harborcrm.common.tenancy.TenantContext;
import com.harborcrm.common.time.Instants;
import com.harborcrm.pool.PoolDtos.PoolReturn;
import com.harborcrm.pool.PoolDtos.ReturnRule;

/**
 * When private customers go back to the pool. The rule itself is the SQL function {@code pool_return_at}
 * (migration V20): the sweep, the preview, the reminders and every read call it with the same arguments, built
 * here, so that the date a rep is shown is the date the sweep acts on.
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
     * SQL: when the customer aliased {@code c} returns to the pool (null: never), under the bound rules. A customer
     * marked lost never returns by itself: its loss is counted once, as lost, not again as an auto-return.
     */
    public static String dueAt(String c) {
        return "case when " + c + ".status = 'ACTIVE' then pool_return_at(" + c + ".owned_since, " + c
                + ".last_follow_up_at, " + c + ".stage, " + RULE_ARGS + ") end";
    }

    /** SQL: which rule {@link #dueAt} comes from. */
    public static String rule(String c) {
        return "case when " + c + ".status = 'ACTIVE' then pool_return_rule(" + c + ".owned_since, " + c
                + ".last_follow_up_at, " + c + ".stage, " + RULE_ARGS + ") end";
    }

    /**
     * SQL: the start of the clock that gives {@link #dueAt}: the later of owned since and the last follow-up for
     * NO_FOLLOW_UP, owned since for NO_DEAL. A new window starts whenever it moves.
     */
    public static String windowStart(String c) {
        return "case when " + rule(c) + " = 'NO_FOLLOW_UP' then greatest(" + c + ".owned_since, " + c
                + ".last_follow_up_at) else " + c + ".owned_since end";
    }

    public <Q extends Query> Q bindRules(Q query, PoolRules rules) {
        query.setParameter("followDays", rules.returnAfterDaysWithoutFollowUp());
        query.setParameter("dealDays", rules.returnAfterDaysWithoutDeal());
        query.setParameter("stageDays", rulesService.json(rules.stageFollowUpDaysOrEmpty()));
        return query;
    }

    /** The pool return of each given customer that has an owner and a rule that applies. */
    public Map<Long, PoolReturn> returnsOf(Collection<Long> customerIds, Instant now) {
        Map<Long, PoolReturn> result = new HashMap<>();
        if (customerIds.isEmpty()) {
            return result;
        }
        PoolRules rules = rulesService.current();
        Query query = em.createNativeQuery("select c.id, " + dueAt("c") + ", " + rule("c") + " from customers c "
                + "where c.store_id = :store and c.id = any(cast(:ids as bigint[])) and c.owner_id is not null")
                .setParameter("store", tenant.storeId()).setParameter("ids", PoolSql.idArray(customerIds));
        @SuppressWarnings("unchecked")
        List<Object[]> rows = bindRules(query, rules).getResultList();
        for (Object[] r : rows) {
            if (r[1] != null) {
                Instant at = Instants.of(r[1]);
                result.put(((Number) r[0]).longValue(), new PoolReturn(at, ReturnRule.valueOf((String) r[2]), daysLeft(at, now)));
            }
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
