package com.harborcrm.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Table;
import jakarta.persistence.metamodel.EntityType;

import javax.sql.DataSource;

import org.hibernate.annotations.TenantId;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Hibernate ORM 7.2 updates and deletes an entity "where id = ? [and version = ?]", without the tenant column, and
 * every tenant table's primary key is (store_id, id): without an index led by id such a statement reads the whole
 * key (77 ms per follow-up's customer update on a million customers, V108). Every @TenantId entity's table has one.
 */
@QuarkusTest
class EntityWritesByIdTest {

    @Inject
    EntityManager em;

    @Inject
    DataSource db;

    @Test
    void everyTenantEntityTableHasAnIndexLedByItsId() throws SQLException {
        List<String> tables = new ArrayList<>();
        for (EntityType<?> entity : em.getMetamodel().getEntities()) {
            Class<?> type = entity.getJavaType();
            boolean tenant = java.util.Arrays.stream(type.getDeclaredFields())
                    .anyMatch(field -> field.isAnnotationPresent(TenantId.class));
            if (tenant) {
                tables.add(type.getAnnotation(Table.class).name());
            }
        }
        assertTrue(tables.contains("customers") && tables.size() >= 9, "the tenant entities were found: " + tables);
        List<String> withoutIdIndex = new ArrayList<>();
        try (Connection connection = db.getConnection(); Statement statement = connection.createStatement()) {
            for (String table : tables) {
                try (ResultSet row = statement.executeQuery("""
                        select count(*) from pg_index i
                        join pg_attribute a on a.attrelid = i.indrelid and a.attnum = i.indkey[0]
                        where i.indrelid = '%s'::regclass and a.attname = 'id'""".formatted(table))) {
                    row.next();
                    if (row.getLong(1) == 0) {
                        withoutIdIndex.add(table);
                    }
                }
            }
        }
        assertEquals(List.of(), withoutIdIndex, "tenant tables whose entity updates would read the whole primary key");
    }

    /** The statement Hibernate sends for a customer's change finds its row through that index, not the whole key. */
    @Test
    void aCustomerUpdateByIdReadsOneIndexEntry() throws SQLException {
        try (Connection connection = db.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.execute("set local enable_seqscan = off");
            StringBuilder plan = new StringBuilder();
            try (ResultSet rows = statement.executeQuery(
                    "explain update customers set updated_at = updated_at where id = 1 and version = 0")) {
                while (rows.next()) {
                    plan.append(rows.getString(1)).append('\n');
                }
            }
            connection.rollback();
            assertTrue(plan.toString().contains("using customers_id"), "the plan:\n" + plan);
        }
    }
}
