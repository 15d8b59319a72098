package com.harborcrm.common.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import jakarta.inject.Inject;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.harborcrm.testing.Api;
import com.harborcrm.testing.Api.Session;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * What an instance keeps in memory follows the database whoever changes it: a change committed on another
 * connection (as another instance would) is heard and forgotten here, a rolled-back one is not, a transaction
 * reads what it changes itself, and a lost listening connection empties the caches until it is back.
 */
@QuarkusTest
class ChangeFeedTest {

    private static final Duration HEARD_WITHIN = Duration.ofSeconds(5);

    @Inject
    ChangeFeed feed;

    @Inject
    DataSource db;

    @BeforeEach
    void listening() {
        eventually("the change feed listens", feed::listening);
    }

    @Test
    void aCopyIsKeptUntilAnotherConnectionCommitsAChangeToIt() throws SQLException {
        String kind = "test-" + UUID.randomUUID();
        SharedCache<String> cache = feed.cache(kind, 10);
        AtomicInteger loads = new AtomicInteger();
        assertEquals("v1", cache.get("7", () -> "v" + loads.incrementAndGet()));
        assertEquals("v1", cache.get("7", () -> "v" + loads.incrementAndGet()), "kept, not loaded again");
        assertEquals(1, loads.get());

        cache.get("8", () -> "before");
        try (Connection other = db.getConnection()) {
            other.setAutoCommit(false);
            notify(other, kind + ":7");
            other.rollback();
            notify(other, kind + ":8");
            other.commit();
        }
        // One session's notifications arrive in order: once 8 is heard, a 7 sent before it would have been.
        eventually("the committed change to 8 is heard", () -> cache.get("8", () -> "after").equals("after"));
        assertEquals("v1", cache.get("7", () -> "v" + loads.incrementAndGet()), "a rolled-back change is never heard");

        try (Connection other = db.getConnection()) {
            notify(other, kind + ":7");
        }
        eventually("the committed change is heard", () -> cache.get("7", () -> "v" + loads.incrementAndGet()).equals("v2"));
    }

    @Test
    void aChangeHeardWhileLoadingDropsWhatWasLoaded() {
        SharedCache<String> cache = feed.cache("test-" + UUID.randomUUID(), 10);
        assertEquals("old", cache.get("1", () -> {
            cache.forget("1"); // the notification of a change arrives while this copy is read
            return "old";
        }));
        assertEquals("new", cache.get("1", () -> "new"), "the copy read before the change was not kept");
        assertEquals("new", cache.get("1", () -> "newer"));
    }

    @Test
    void aTransactionReadsWhatItChangesFromTheDatabaseAndTheCopyIsForgottenWhenItEnds() {
        SharedCache<String> cache = feed.cache("test-" + UUID.randomUUID(), 10);
        assertEquals("committed", cache.get("1", () -> "committed"));
        QuarkusTransaction.begin();
        try {
            cache.forgetAfterCompletion("1");
            assertEquals("uncommitted", cache.get("1", () -> "uncommitted"));
            assertEquals("again", cache.get("1", () -> "again"), "never kept inside the changing transaction");
        } finally {
            QuarkusTransaction.rollback();
        }
        assertEquals("reloaded", cache.get("1", () -> "reloaded"), "forgotten when the transaction ended");
        assertEquals("reloaded", cache.get("1", () -> "kept again"));
    }

    @Test
    void aLostListeningConnectionEmptiesTheCachesUntilItIsBack() throws SQLException {
        SharedCache<String> cache = feed.cache("test-" + UUID.randomUUID(), 10);
        cache.get("1", () -> "before");
        try (Connection admin = db.getConnection(); Statement statement = admin.createStatement()) {
            statement.execute("select pg_terminate_backend(pid) from pg_stat_activity "
                    + "where application_name = 'harbor-change-feed' and datname = current_database()");
        }
        // "before" is forgotten: once the loss is noticed the cache is bypassed, and emptied again on reconnecting.
        eventually("the feed notices the loss and forgets what it kept", () -> cache.get("1", () -> "after").equals("after"));
        // Kept again once listening. (Polled too: a copy made in the moment between noticing the loss and
        // reconnecting is rightly dropped by the reconnection's own forgetting.)
        eventually("copies are kept again once it listens", () -> {
            cache.get("1", () -> "again");
            return feed.listening() && cache.get("1", () -> "later").equals("again");
        });
    }

    @Test
    void aRoleChangedByAnotherInstanceRevokesTheOldTokenHere() throws SQLException {
        Session admin = Api.openStore("Change feed");
        Session rep = Api.addUser(admin, "REP");
        rep.as().get("/api/v1/customers").then().statusCode(200);
        try (Connection other = db.getConnection(); Statement statement = other.createStatement()) {
            statement.executeUpdate("update users set role = 'MANAGER', token_version = token_version + 1 "
                    + "where id = " + rep.userId());
        }
        eventually("the old token stops working",
                () -> rep.as().get("/api/v1/customers").then().extract().statusCode() == 401);
    }

    @Test
    void poolRulesChangedByAnotherInstanceAreTheOnesUsedHere() throws SQLException {
        Session admin = Api.openStore("Change feed rules");
        assertEquals(20, admin.as().get("/api/v1/pool/rules").then().statusCode(200).extract()
                .jsonPath().getInt("maxClaimsPerRepPerDay"));
        try (Connection other = db.getConnection(); Statement statement = other.createStatement()) {
            statement.executeUpdate("update pool_rules set max_claims_per_rep_per_day = 3, version = version + 1 "
                    + "where store_id = " + admin.storeId());
        }
        eventually("the new rules are read", () -> admin.as().get("/api/v1/pool/rules").then().extract()
                .jsonPath().getInt("maxClaimsPerRepPerDay") == 3);
    }

    @Test
    void storeLimitsWrittenByAnotherInstanceAreTheOnesUsedHere() throws SQLException {
        Session admin = Api.openStore("Change feed limits");
        assertEquals(0, admin.as().get("/api/v1/pool/limits").then().statusCode(200).extract()
                .jsonPath().getInt("maxPrivateCustomersPerRep"));
        try (Connection other = db.getConnection(); Statement statement = other.createStatement()) {
            statement.executeUpdate("insert into pool_store_limits (store_id, max_private_customers_per_rep, updated_at) "
                    + "values (" + admin.storeId() + ", 7, now())");
        }
        eventually("the new limits are read", () -> admin.as().get("/api/v1/pool/limits").then().extract()
                .jsonPath().getInt("maxPrivateCustomersPerRep") == 7);
    }

    @Test
    void poolMembersAndTeamsChangedByAnotherInstanceDecideWhichPoolsARepSeesHere() throws SQLException {
        Session admin = Api.openStore("Change feed pool access");
        Session rep = Api.addUser(admin, "REP");
        long closed = admin.as().body(Map.of("name", "Closed desk", "memberIds", List.of(admin.userId())))
                .post("/api/v1/pools").then().statusCode(201).extract().jsonPath().getLong("id");
        long byTeam = admin.as().body(Map.of("name", "Team desk", "teams", List.of("North")))
                .post("/api/v1/pools").then().statusCode(201).extract().jsonPath().getLong("id");
        assertEquals(List.of("Main pool"), poolNames(rep), "kept in memory from here on");

        try (Connection other = db.getConnection(); Statement statement = other.createStatement()) {
            statement.executeUpdate("insert into pool_members (store_id, pool_id, user_id) values ("
                    + admin.storeId() + ", " + closed + ", " + rep.userId() + ")");
        }
        eventually("a membership added elsewhere is seen", () -> poolNames(rep).contains("Closed desk"));

        try (Connection other = db.getConnection(); Statement statement = other.createStatement()) {
            statement.executeUpdate("update users set team = 'NORTH' where id = " + rep.userId());
        }
        eventually("a team given elsewhere is seen", () -> poolNames(rep).contains("Team desk"));

        try (Connection other = db.getConnection(); Statement statement = other.createStatement()) {
            statement.executeUpdate("delete from pool_member_teams where store_id = " + admin.storeId()
                    + " and pool_id = " + byTeam);
            statement.executeUpdate("update pools set everyone = false where store_id = " + admin.storeId()
                    + " and id = 0");
        }
        eventually("a team and an open pool taken away elsewhere are seen",
                () -> poolNames(rep).equals(List.of("Closed desk")));
    }

    private static List<String> poolNames(Session rep) {
        return rep.as().get("/api/v1/pools").then().statusCode(200).extract().jsonPath().getList("items.name");
    }

    private static void notify(Connection connection, String payload) throws SQLException {
        try (var statement = connection.prepareStatement("select pg_notify('" + ChangeFeed.CHANNEL + "', ?)")) {
            statement.setString(1, payload);
            statement.execute();
        }
    }

    private static void eventually(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + HEARD_WITHIN.toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, what + " within " + HEARD_WITHIN);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
