package com.harborcrm.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import jakarta.inject.Inject;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import com.harborcrm.common.sql.RowChecksPlan;
import com.harborcrm.testing.Sql;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The datasource plans every statement per call (force_custom_plan, for the screening queries); a trigger function
 * that does not set plan_cache_mode itself inherits that and plans its statements again for every row it fires on
 * (V106: 111 ms instead of 18 ms for 5,000 owner changes in one trigger alone). Every trigger function sets it.
 */
@QuarkusTest
class TriggerPlansTest {

    @Inject
    DataSource db;

    @Test
    void everyTriggerFunctionKeepsItsPlans() throws SQLException {
        List<Object[]> planningEachCall = Sql.rows(db, """
                select distinct p.proname from pg_trigger t
                join pg_proc p on p.oid = t.tgfoid
                join pg_namespace n on n.oid = p.pronamespace
                where not t.tgisinternal and n.nspname = current_schema()
                  and not exists (select 1 from unnest(p.proconfig) c where c like 'plan_cache_mode=%')
                order by 1""");
        assertEquals(List.of(), planningEachCall.stream().map(row -> row[0]).toList(),
                "trigger functions without their own plan_cache_mode");
        long triggers = ((Number) Sql.rows(db, """
                select count(*) from pg_trigger t join pg_class c on c.oid = t.tgrelid
                join pg_namespace n on n.oid = c.relnamespace
                where not t.tgisinternal and n.nspname = current_schema()""").get(0)[0]).longValue();
        assertTrue(triggers > 30, "the schema's triggers were found (" + triggers + ")");
    }

    /** A set-based write keeps its key checks' plans for its own transaction only; screening plans per call again. */
    @Test
    void aBulkWriteKeepsPlansForItsTransactionOnly() throws SQLException {
        try (Connection connection = db.getConnection()) {
            assertEquals("force_custom_plan", planCacheMode(connection), "the datasource's setting");
            connection.setAutoCommit(false);
            RowChecksPlan.keepForThisTransaction(connection);
            assertEquals("auto", planCacheMode(connection), "within the write's transaction");
            connection.commit();
            connection.setAutoCommit(true);
            assertEquals("force_custom_plan", planCacheMode(connection), "after it");
        }
    }

    private static String planCacheMode(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("select current_setting('plan_cache_mode')")) {
            row.next();
            return row.getString(1);
        }
    }
}
