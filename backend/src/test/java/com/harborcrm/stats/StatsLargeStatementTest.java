package com.harborcrm.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import jakarta.inject.Inject;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import com.harborcrm.testing.Api;
import com.harborcrm.testing.Api.Session;

import io.quarkus.test.junit.QuarkusTest;

/**
 * One statement of many new events (an import writes all its IMPORTED events in one) keeps the rollup's cost
 * linear in its size. The history walks searched the statement's arrays of customers and new event ids row by row
 * (V71-V77): these 80,000 events took 45 s. With one search fixed, 60,000 took 15.9 s, and 164 s once the walk was
 * inlined into a trigger statement whose plan had gone generic; with V80, 60,000 take 4.1 s. The threshold leaves room
 * for a slow machine, not for a quadratic walk.
 */
@QuarkusTest
class StatsLargeStatementTest {

    private static final int CUSTOMERS = 80_000;

    @Inject
    DataSource db;

    @Test
    void eightyThousandImportedEventsInOneStatementAreRolledUpInLinearTime() throws SQLException {
        Session admin = Api.openStore("Large statement");
        try (Connection connection = db.getConnection()) {
            update(connection, "insert into customers (store_id, name, stage, created_at, updated_at) "
                    + "select ?, 'Bulk buyer ' || g, 'UNMARKED', now(), now() from generate_series(1, " + CUSTOMERS + ") g",
                    admin.storeId());
            long started = System.nanoTime();
            int written = update(connection, "insert into customer_events (store_id, customer_id, type, at, actor_id, data) "
                    + "select store_id, id, 'IMPORTED', now(), " + admin.userId() + ", "
                    + "jsonb_build_object('ownerId', null, 'stage', 'UNMARKED', 'source', 'IMPORT') "
                    + "from customers where store_id = ?", admin.storeId());
            long millis = (System.nanoTime() - started) / 1_000_000;
            assertEquals(CUSTOMERS, written);
            assertTrue(millis < 20_000, "80,000 events with their statistics in " + millis + " ms");
            try (PreparedStatement reached = connection.prepareStatement("select coalesce(sum(n), 0) from stats_daily "
                    + "where store_id = ? and fact = 'REACHED' and stage = 'UNMARKED'")) {
                reached.setLong(1, admin.storeId());
                try (ResultSet result = reached.executeQuery()) {
                    result.next();
                    assertEquals(CUSTOMERS, result.getLong(1), "every imported customer reached its first stage once");
                }
            }
        }
    }

    private static int update(Connection connection, String sql, long store) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, store);
            return statement.executeUpdate();
        }
    }
}
