package com.harborcrm.customer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.harborcrm.testing.Api;
import com.harborcrm.testing.Api.Session;
import com.harborcrm.testing.Customers;
import com.harborcrm.testing.Sql;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The search side table (V93) against the customers it mirrors: every kind of write leaves a store's search rows equal
 * to a recompute from its customers, q reads its own writes, and an insert under harbor.search_deferred writes no row
 * until {@link CustomerSearchRows#fill} does.
 */
@QuarkusTest
class CustomerSearchRowsTest {

    @Inject
    DataSource db;


    private long rows(long storeId) throws SQLException {
        return ((Number) Sql.rows(db, "select count(*) from customer_search where store_id = ?", storeId).get(0)[0]).longValue();
    }

    private static List<Integer> found(Session as, String q) {
        return as.as().queryParam("q", q).get("/api/v1/customers").then().statusCode(200).extract().jsonPath()
                .getList("items.id", Integer.class);
    }

    @Test
    void everyWriteKeepsTheSearchRowsEqualToTheCustomersAndQReadsItsWrites() throws Exception {
        Session admin = Api.openStore("Search rows");
        String token = UUID.randomUUID().toString().substring(0, 8);
        long a = Customers.createId(admin, "name", "Olga " + token, "companyName", "Kestrel " + token,
                "email", "olga." + token + "@kestrel.example", "phone", "+49 30 1234 5678");
        long b = Customers.createId(admin, "name", "Ivo " + token, "companyName", "Plover " + token);
        assertEquals(0, Sql.searchRowsDrift(db, admin.storeId()));
        assertEquals(2, rows(admin.storeId()));
        assertEquals(List.of((int) a), found(admin, "Kestrel " + token));

        // An edit of a searched field: found by the new text at once, no longer by the old one.
        admin.as().body(Map.of("companyName", "Osprey " + token)).patch("/api/v1/customers/" + a).then().statusCode(200);
        assertEquals(List.of((int) a), found(admin, "Osprey " + token));
        assertEquals(List.of(), found(admin, "Kestrel " + token));
        // An edit of no searched field leaves the row as it was (the trigger's WHEN): still exact.
        admin.as().body(Map.of("notes", "met at the fair", "stars", 2)).patch("/api/v1/customers/" + a).then().statusCode(200);
        assertEquals(0, Sql.searchRowsDrift(db, admin.storeId()));

        // A merge fills the survivor's empty email from the duplicate; its undo takes it back.
        admin.as().body(Map.of("email", "ivo." + token + "@plover.example")).patch("/api/v1/customers/" + b
                + "?allowDuplicate=true").then().statusCode(200);
        long c = Customers.createId(admin, "name", "Pia " + token);
        long mergeId = admin.as().body(Map.of("duplicateIds", List.of(b))).post("/api/v1/customers/" + c + "/merge")
                .then().statusCode(200).extract().jsonPath().getLong("mergeId");
        assertEquals(0, Sql.searchRowsDrift(db, admin.storeId()));
        assertEquals(List.of((int) c), found(admin, "ivo." + token + "@plover"));
        admin.as().post("/api/v1/merges/" + mergeId + "/undo").then().statusCode(200);
        assertEquals(0, Sql.searchRowsDrift(db, admin.storeId()));
        assertEquals(List.of((int) b), found(admin, "ivo." + token + "@plover"));

        // A deleted customer takes its row along.
        admin.as().delete("/api/v1/customers/" + c).then().statusCode(204);
        assertEquals(0, Sql.searchRowsDrift(db, admin.storeId()));
        assertEquals(2, rows(admin.storeId()));
    }

    @Test
    void aDeferredInsertWritesNoSearchRowUntilItIsFilled() throws Exception {
        Session admin = Api.openStore("Deferred search");
        String token = UUID.randomUUID().toString().substring(0, 8);
        long model = Customers.createId(admin, "name", "Quill " + token, "email", "quill." + token + "@example.com");
        try (Connection connection = db.getConnection()) {
            connection.setAutoCommit(false);
            try {
                execute(connection, "select set_config('harbor.search_deferred', 'on', true)");
                long copy = copyOf(connection, admin.storeId(), model);
                assertEquals(0, count(connection, admin.storeId(), copy));
                assertEquals(1, CustomerSearchRows.fill(connection, admin.storeId(), copy, copy));
                assertEquals(1, count(connection, admin.storeId(), copy));
                // Filling again writes nothing: a row there is kept.
                assertEquals(0, CustomerSearchRows.fill(connection, admin.storeId(), model, copy));

                execute(connection, "select set_config('harbor.search_deferred', 'off', true)");
                long undeferred = copyOf(connection, admin.storeId(), model);
                assertEquals(1, count(connection, admin.storeId(), undeferred));
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        }
        assertEquals(0, Sql.searchRowsDrift(db, admin.storeId()));
    }

    /** A copy of the customer under a new id, inserted with plain SQL as a bulk writer would. */
    private static long copyOf(Connection connection, long storeId, long id) throws SQLException {
        execute(connection, "drop table if exists customer_copy");
        try (PreparedStatement copy = connection.prepareStatement("create temporary table customer_copy on commit drop as "
                + "select * from customers where store_id = ? and id = ?")) {
            copy.setLong(1, storeId);
            copy.setLong(2, id);
            copy.execute();
        }
        execute(connection, "update customer_copy set id = nextval(pg_get_serial_sequence('customers', 'id')), "
                + "email = null, email_norm = null");
        String columns;
        try (PreparedStatement read = connection.prepareStatement("select string_agg(quote_ident(attname), ', ') "
                + "from pg_attribute where attrelid = 'customers'::regclass and attnum > 0 and not attisdropped "
                + "and attgenerated = ''");
                ResultSet row = read.executeQuery()) {
            row.next();
            columns = row.getString(1);
        }
        execute(connection, "insert into customers (" + columns + ") select " + columns + " from customer_copy");
        try (PreparedStatement read = connection.prepareStatement("select id from customer_copy");
                ResultSet row = read.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    private static long count(Connection connection, long storeId, long customerId) throws SQLException {
        try (PreparedStatement read = connection.prepareStatement(
                "select count(*) from customer_search where store_id = ? and customer_id = ?")) {
            read.setLong(1, storeId);
            read.setLong(2, customerId);
            try (ResultSet row = read.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.execute();
        }
    }
}
