package com.harborcrm.pool;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import com.harborcrm.common.sql.SqlArrays;
import com.harborcrm.common.tenancy.TenantContext;
import com.harborcrm.common.time.Instants;
import com.harborcrm.customer.CustomerStage;
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

    /** A SQL condition with the parameters it binds. */
    public record Condition(String sql, Map<String, Object> params) {

        public <Q extends Query> Q bind(Q query) {
            params.forEach(query::setParameter);
            return query;
        }
    }

    /**
     * SQL: an index-friendly superset of "the customer aliased {@code c} returns to the pool after {@code from}
     * (null: any time before) and at or before {@code to}" under the rules. Per stage, a range over the clock
     * {@code greatest(owned_since, last_follow_up_at)}, and for the deal rule a range over {@code owned_since}:
     * the clock indexes of V31, so that PostgreSQL reads only the customers in the window. It holds every customer
     * whose {@link #dueAt} falls in the window (the earlier of the two dates is in it, so its clock is in that
     * clock's range); callers still test {@link #dueAt} itself, which stays the one definition.
     */
    public static Condition dueWithin(String c, PoolRules rules, Instant from, Instant to) {
        List<String> branches = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        Map<String, Integer> stageDays = rules.stageFollowUpDaysOrEmpty();
        for (CustomerStage stage : CustomerStage.values()) {
            int days = stageDays.getOrDefault(stage.name(), rules.returnAfterDaysWithoutFollowUp());
            if (days > 0) {
                String clock = "greatest(" + c + ".owned_since, " + c + ".last_follow_up_at)";
                branches.add("(" + c + ".stage = '" + stage.name() + "' and "
                        + range(clock, "clock" + stage.ordinal(), days, from, to, params) + ")");
            }
        }
        int dealDays = rules.returnAfterDaysWithoutDeal();
        if (dealDays > 0) {
            branches.add("(" + c + ".stage not in ('TRANSACTION', 'REPEAT_PURCHASE') and "
                    + range(c + ".owned_since", "clockDeal", dealDays, from, to, params) + ")");
        }
        return new Condition(branches.isEmpty() ? "false" : "(" + String.join(" or ", branches) + ")", params);
    }

    /** {@code clock + days in (from, to]}, written as a range over the clock itself. Days are 24 hours, as in V20. */
    private static String range(String clock, String name, int days, Instant from, Instant to,
            Map<String, Object> params) {
        Duration length = Duration.ofHours(24L * days);
        params.put(name + "To", to.minus(length));
        if (from == null) {
            return clock + " <= :" + name + "To";
        }
        params.put(name + "From", from.minus(length));
        return clock + " > :" + name + "From and " + clock + " <= :" + name + "To";
    }

    public <Q extends Query> Q bindRules(Q query, PoolRules rules) {
        query.setParameter("followDays", rules.returnAfterDaysWithoutFollowUp());
        query.setParameter("dealDays", rules.returnAfterDaysWithoutDeal());
        query.setParameter("stageDays", rulesService.json(rules.stageFollowUpDaysOrEmpty()));
        return query;
    }

    /** The pool return of each given customer that has an owner and a rule that applies. */
    public Map<Long, PoolReturn> returnsOf(Collection<Long> customerIds, Instant now) {
        return customerIds.isEmpty() ? new HashMap<>() : returnsOf(customerIds, now, rulesService.current());
    }

    public Map<Long, PoolReturn> returnsOf(Collection<Long> customerIds, Instant now, PoolRules rules) {
        Map<Long, PoolReturn> result = new HashMap<>();
        if (customerIds.isEmpty()) {
            return result;
        }
        Query query = em.createNativeQuery("select c.id, " + dueAt("c") + ", " + rule("c") + " from customers c "
                + "where c.store_id = :store and c.id = any(cast(:ids as bigint[])) and c.owner_id is not null")
                .setParameter("store", tenant.storeId()).setParameter("ids", SqlArrays.bigints(customerIds));
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
