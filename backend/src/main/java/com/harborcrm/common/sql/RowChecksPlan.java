package com.harborcrm.common.sql;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import jakarta.persistence.EntityManager;

/**
 * Lets a set-based write of many rows plan its foreign-key checks once. The datasource plans every statement per
 * call (plan_cache_mode = force_custom_plan, for the screening queries whose best plan depends on the values), and
 * PostgreSQL's foreign-key check is one prepared query run per written row under the session's setting: a write of
 * N rows planned its key checks N times (5,000 owner changes: 108 ms of key checks instead of 30 ms, see
 * bench/RESULTS.md). Called right before such a write; the setting ends with the transaction, so a caller must
 * send no screening query after it in the same transaction.
 */
public final class RowChecksPlan {

    /** From how many rows a write pays for the extra statement (~0.1 ms, each check planned costs ~15 us). */
    static final int BULK_ROWS = 100;

    static final String KEEP_PLANS = "select set_config('plan_cache_mode', 'auto', true)";

    private RowChecksPlan() {
    }

    public static void keepForThisTransaction(EntityManager em) {
        em.createNativeQuery(KEEP_PLANS).getSingleResult();
    }

    /**
     * The same for a write whose size is known only at run time (one customer or a batch of 50,000): a write of a
     * few rows plans a few checks either way, and is spared the round trip.
     */
    public static void keepForThisTransaction(EntityManager em, int rows) {
        if (rows >= BULK_ROWS) {
            keepForThisTransaction(em);
        }
    }

    public static void keepForThisTransaction(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(KEEP_PLANS);
        }
    }
}
