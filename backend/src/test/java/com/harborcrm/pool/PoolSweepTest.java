package com.harborcrm.pool;

import static com.harborcrm.testing.Api.problem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.harborcrm.testing.Api;
import com.harborcrm.testing.Api.Session;
import com.harborcrm.testing.Customers;
import com.harborcrm.testing.MutableClock;
import com.harborcrm.testing.PoolHelper;

import io.restassured.path.json.JsonPath;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class PoolSweepTest {

    @Inject
    DataSource db;

    @Inject
    MutableClock clock;

    Session admin;
    Session rep;
    /** Tomorrow 10:00 UTC: later than any token's issue time, so moving the clock never invalidates sessions. */
    Instant t0;

    @BeforeEach
    void openStore() {
        admin = Api.openStore("Sweep");
        rep = Api.addUser(admin, "REP");
        t0 = LocalDate.now(ZoneOffset.UTC).plusDays(1).atTime(10, 0).toInstant(ZoneOffset.UTC);
        clock.set(t0);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    void at(Duration sinceT0) {
        clock.set(t0.plus(sinceT0));
    }

    static Duration days(long days) {
        return Duration.ofDays(days);
    }

    JsonPath sweep() {
        return PoolHelper.sweep(admin);
    }

    void followUp(long id) {
        rep.as().body(Map.of("type", "CALL", "content", "Checked in")).post("/api/v1/customers/" + id + "/follow-ups")
                .then().statusCode(201);
    }

    @Test
    void aCustomerNotFollowedUpReturnsExactlyAtTheRulesDay() {
        PoolHelper.setRules(admin, "returnAfterDaysWithoutDeal", 0);
        long id = Customers.createId(rep);
        at(days(30).minusMinutes(1));
        assertEquals(0, sweep().getInt("returned"));
        rep.as().get("/api/v1/customers/" + id).then().statusCode(200)
                .body("poolReturn.at", equalTo(t0.plus(days(30)).toString()))
                .body("poolReturn.rule", equalTo("NO_FOLLOW_UP"))
                .body("poolReturn.daysLeft", equalTo(1));
        at(days(30));
        JsonPath result = sweep();
        assertEquals(1, result.getInt("returned"));
        assertEquals(false, result.getBoolean("skipped"));
        assertEquals(null, PoolHelper.owner(db, admin.storeId(), id));
        assertEquals(1, PoolHelper.count(db, "select count(*) from customer_events where store_id = ? and customer_id = ? "
                + "and data->>'kind' = 'AUTO_RETURNED' and data->>'rule' = 'NO_FOLLOW_UP' and actor_id is null "
                + "and (data->>'fromOwnerId')::bigint = ? and data->>'ownerId' is null", admin.storeId(), id, rep.userId()));
        // Idempotent: nothing is due any more.
        JsonPath again = sweep();
        assertEquals(0, again.getInt("returned") + again.getInt("warned") + again.getInt("purged"));
        assertEquals(1, PoolHelper.ownerEvents(db, admin.storeId(), id, "AUTO_RETURNED"));
        // Losing a customer to auto-return starts the cooldown; claiming later restarts the clock.
        rep.as().body(Map.of("customerIds", List.of(id))).post("/api/v1/pool/claim").then().statusCode(200)
                .body("failed[0].reason", equalTo("COOLDOWN"));
        at(days(37).plusMinutes(1));
        PoolHelper.claim(rep, List.of(id));
        rep.as().get("/api/v1/customers/" + id).then()
                .body("poolReturn.at", equalTo(t0.plus(days(67)).plusSeconds(60).toString()));
    }

    @Test
    void aStoresSweepLeavesOtherStoresAlone() {
        Session second = Api.openStore("Untouched");
        long theirs = Customers.createId(Api.addUser(second, "REP"));
        long ours = Customers.createId(rep);
        at(days(90));
        assertEquals(1, sweep().getInt("returned"));
        assertEquals(null, PoolHelper.owner(db, admin.storeId(), ours));
        assertTrue(PoolHelper.owner(db, second.storeId(), theirs) != null);
    }

    @Test
    void aFollowUpRestartsTheNoFollowUpClock() {
        PoolHelper.setRules(admin, "returnAfterDaysWithoutDeal", 0);
        long id = Customers.createId(rep);
        at(days(20));
        followUp(id);
        at(days(30));
        assertEquals(0, sweep().getInt("returned"));
        rep.as().get("/api/v1/customers/" + id).then().body("poolReturn.at", equalTo(t0.plus(days(50)).toString()));
        at(days(50));
        assertEquals(1, sweep().getInt("returned"));
    }

    @Test
    void stageOverridesReplaceTheDaysWithoutFollowUp() {
        PoolHelper.setRules(admin, "returnAfterDaysWithoutDeal", 0,
                "stageFollowUpDays", Map.of("INQUIRY", 180, "SAMPLE_ORDER", 10));
        long inquiry = Customers.createId(rep, "stage", "INQUIRY");
        long sample = Customers.createId(rep, "stage", "SAMPLE_ORDER");
        long unmarked = Customers.createId(rep);
        at(days(10));
        assertEquals(1, sweep().getInt("returned"));
        assertEquals(null, PoolHelper.owner(db, admin.storeId(), sample));
        at(days(30));
        assertEquals(1, sweep().getInt("returned"));
        assertEquals(null, PoolHelper.owner(db, admin.storeId(), unmarked));
        at(days(180).minusMinutes(1));
        assertEquals(0, sweep().getInt("returned"));
        at(days(180));
        assertEquals(1, sweep().getInt("returned"));
        assertEquals(null, PoolHelper.owner(db, admin.storeId(), inquiry));
    }

    @Test
    void customersBelowTransactionReturnAfterTheDaysWithoutDealWhateverTheFollowUps() {
        PoolHelper.setRules(admin, "returnAfterDaysWithoutFollowUp", 0, "returnAfterDaysWithoutDeal", 90);
        long quoted = Customers.createId(rep, "stage", "NO_DEAL");
        long buyer = Customers.createId(rep, "stage", "TRANSACTION");
        at(days(80));
        followUp(quoted);
        at(days(90).minusMinutes(1));
        assertEquals(0, sweep().getInt("returned"));
        rep.as().get("/api/v1/customers/" + quoted).then().body("poolReturn.rule", equalTo("NO_DEAL"))
                .body("poolReturn.at", equalTo(t0.plus(days(90)).toString()));
        rep.as().get("/api/v1/customers/" + buyer).then().body("poolReturn", nullValue());
        at(days(90));
        assertEquals(1, sweep().getInt("returned"));
        assertEquals(null, PoolHelper.owner(db, admin.storeId(), quoted));
        assertEquals(rep.userId(), PoolHelper.owner(db, admin.storeId(), buyer));
        assertEquals(1, PoolHelper.count(db, "select count(*) from customer_events where store_id = ? and customer_id = ? "
                + "and data->>'kind' = 'AUTO_RETURNED' and data->>'rule' = 'NO_DEAL'", admin.storeId(), quoted));
    }

    @Test
    void theOwnerIsWarnedOncePerReturnWindow() {
        PoolHelper.setRules(admin, "returnAfterDaysWithoutDeal", 0, "warnDaysBeforeReturn", 3);
        long id = Customers.createId(rep);
        at(days(27).minusMinutes(1));
        assertEquals(0, sweep().getInt("warned"));
        at(days(27));
        assertEquals(1, sweep().getInt("warned"));
        at(days(28));
        assertEquals(0, sweep().getInt("warned"));
        assertEquals(1, PoolHelper.count(db, "select count(*) from reminders where store_id = ? and customer_id = ? "
                + "and user_id = ? and kind = 'POOL_RETURN_WARNING'", admin.storeId(), id, rep.userId()));
        followUp(id);
        at(days(55));
        assertEquals(1, sweep().getInt("warned"));
        assertEquals(0, sweep().getInt("warned"));
        assertEquals(2, PoolHelper.count(db, "select count(*) from reminders where store_id = ? and customer_id = ?",
                admin.storeId(), id));
    }

    @Test
    void customersLeftUnclaimedInThePoolArePurged() {
        PoolHelper.setRules(admin, "purgeUnclaimedAfterDays", 5);
        long old = PoolHelper.poolCustomer(admin);
        long released = Customers.createId(rep);
        at(days(3));
        rep.as().body(Map.of("reasonId", PoolHelper.releaseReason(rep))).post("/api/v1/customers/" + released + "/release")
                .then().statusCode(200);
        at(days(5).minusMinutes(1));
        assertEquals(0, sweep().getInt("purged"));
        at(days(5));
        assertEquals(1, sweep().getInt("purged"));
        problem(admin.as().get("/api/v1/customers/" + old).then(), 404, "not-found");
        assertEquals(1, PoolHelper.count(db, "select count(*) from audit_events where store_id = ? and entity_id = ? "
                + "and action = 'CUSTOMER_PURGED'", admin.storeId(), old));
        at(days(8));
        assertEquals(1, sweep().getInt("purged"));
        assertEquals(0, PoolHelper.count(db, "select count(*) from customers where store_id = ?", admin.storeId()));
    }

    @Test
    void moreCustomersDueThanOneChunkAreAllReturnedOnce() {
        // The test profile returns 50 per chunk: 120 due customers take three, the one followed up stays.
        PoolHelper.setRules(admin, "returnAfterDaysWithoutDeal", 0);
        for (int i = 0; i < 120; i++) {
            Customers.createId(rep);
        }
        at(days(10));
        long notDue = Customers.createId(rep);
        at(days(30));
        assertEquals(120, sweep().getInt("returned"));
        assertEquals(rep.userId(), PoolHelper.owner(db, admin.storeId(), notDue));
        assertEquals(1, PoolHelper.count(db, "select count(*) from customer_owners where store_id = ? and owner_id is not null",
                admin.storeId()));
        assertEquals(120, PoolHelper.count(db, "select count(distinct customer_id) from customer_events "
                + "where store_id = ? and data->>'kind' = 'AUTO_RETURNED'", admin.storeId()));
        assertEquals(120, PoolHelper.count(db, "select count(*) from pool_returns where store_id = ?", admin.storeId()));
        assertEquals(0, sweep().getInt("returned"));
    }

    @Test
    void aSweepOfAStoreSkipsWhileAnotherHoldsItsLock() throws Exception {
        PoolHelper.setRules(admin, "returnAfterDaysWithoutDeal", 0);
        for (int i = 0; i < 5; i++) {
            Customers.createId(rep);
        }
        at(days(30));
        try (Connection other = db.getConnection()) {
            other.setAutoCommit(false);
            try (PreparedStatement lock = other.prepareStatement(
                    "select pg_advisory_xact_lock(hashtextextended('pool-sweep:' || ?, 0))")) {
                lock.setLong(1, admin.storeId());
                lock.execute();
            }
            JsonPath skipped = sweep();
            assertTrue(skipped.getBoolean("skipped"));
            assertEquals(0, skipped.getInt("returned"));
            other.rollback();
        }
        // Two sweeps at once: one does the work, each customer is returned and recorded exactly once.
        var first = CompletableFuture.supplyAsync(this::sweep);
        var second = CompletableFuture.supplyAsync(this::sweep);
        int returned = first.get(30, TimeUnit.SECONDS).getInt("returned") + second.get(30, TimeUnit.SECONDS).getInt("returned");
        assertEquals(5, returned);
        assertEquals(5, PoolHelper.count(db, "select count(*) from customer_events where store_id = ? "
                + "and data->>'kind' = 'AUTO_RETURNED'", admin.storeId()));
        assertEquals(5, PoolHelper.count(db, "select count(*) from pool_returns where store_id = ?", admin.storeId()));
    }

    @Test
    void aFollowUpCommittedWhileTheSweepWaitsKeepsTheCustomer() throws Exception {
        PoolHelper.setRules(admin, "returnAfterDaysWithoutDeal", 0);
        long kept = Customers.createId(rep);
        long lost = Customers.createId(rep);
        at(days(30));
        CompletableFuture<JsonPath> sweep;
        try (Connection followUp = db.getConnection()) {
            // What recording a follow-up does: lock the customer, then move its last follow-up, in one transaction.
            followUp.setAutoCommit(false);
            try (PreparedStatement lock = followUp.prepareStatement(
                    "select id from customers where store_id = ? and id = ? for update")) {
                lock.setLong(1, admin.storeId());
                lock.setLong(2, kept);
                lock.execute();
            }
            try (PreparedStatement touch = followUp.prepareStatement(
                    "update customers set last_follow_up_at = ? where store_id = ? and id = ?")) {
                touch.setTimestamp(1, Timestamp.from(t0.plus(days(30))));
                touch.setLong(2, admin.storeId());
                touch.setLong(3, kept);
                touch.executeUpdate();
            }
            // The sweep has selected both customers as due and now waits for the row lock of the first one.
            sweep = CompletableFuture.supplyAsync(this::sweep);
            long deadline = System.currentTimeMillis() + 10_000;
            while (PoolHelper.count(db, "select count(*) from pg_stat_activity where datname = current_database() "
                    + "and wait_event_type = 'Lock' and query like '%pool-sweep-return%'") == 0) {
                assertTrue(System.currentTimeMillis() < deadline, "the sweep never waited for the row lock");
                Thread.sleep(20);
            }
            followUp.commit();
        }
        JsonPath result = sweep.get(30, TimeUnit.SECONDS);
        assertEquals(1, result.getInt("returned"));
        assertEquals(rep.userId(), PoolHelper.owner(db, admin.storeId(), kept));
        assertEquals(null, PoolHelper.owner(db, admin.storeId(), lost));
        assertEquals(0, PoolHelper.ownerEvents(db, admin.storeId(), kept, "AUTO_RETURNED"));
    }

    @Test
    void previewCountsWhatCandidateRulesWouldReturnWithoutSavingThem() {
        Session manager = Api.addUser(admin, "MANAGER");
        Session other = Api.addUser(admin, "REP");
        Customers.createId(rep);
        Customers.createId(rep);
        Customers.createId(other);
        at(days(29).plusHours(1));
        JsonPath today = manager.as().body(PoolHelper.rules("returnAfterDaysWithoutFollowUp", 29, "returnAfterDaysWithoutDeal", 0))
                .post("/api/v1/pool/rules/preview").then().statusCode(200).extract().jsonPath();
        assertEquals(3, today.getInt("today.total"));
        assertEquals(List.of((int) rep.userId(), (int) other.userId()), today.getList("today.byRep.userId"));
        assertEquals(List.of(2, 1), today.getList("today.byRep.count"));
        assertEquals(0, today.getInt("tomorrow.total"));
        assertEquals(3, today.getInt("within7Days.total"));
        JsonPath tomorrow = manager.as().body(PoolHelper.rules("returnAfterDaysWithoutDeal", 0))
                .post("/api/v1/pool/rules/preview").then().statusCode(200).extract().jsonPath();
        assertEquals(0, tomorrow.getInt("today.total"));
        assertEquals(3, tomorrow.getInt("tomorrow.total"));
        assertEquals(3, tomorrow.getInt("within7Days.total"));
        JsonPath later = manager.as().body(PoolHelper.rules("returnAfterDaysWithoutFollowUp", 40, "returnAfterDaysWithoutDeal", 0))
                .post("/api/v1/pool/rules/preview").then().statusCode(200).extract().jsonPath();
        assertEquals(0, later.getInt("within7Days.total"));
        problem(manager.as().body(PoolHelper.rules("warnDaysBeforeReturn", 40)).post("/api/v1/pool/rules/preview").then(),
                400, "validation");
        problem(rep.as().body(PoolHelper.defaultRules()).post("/api/v1/pool/rules/preview").then(), 403, "forbidden");
        admin.as().get("/api/v1/pool/rules").then().body("returnAfterDaysWithoutFollowUp", equalTo(30));
        assertEquals(0, sweep().getInt("returned"));
    }

    @Inject
    PoolSweeper sweeper;

    @Inject
    com.harborcrm.common.config.HarborConfig config;

    @Test
    void theScheduledSweepEntersEachStoreInAContextOfItsOwn() throws Exception {
        Session second = Api.openStore("Sweep too");
        Session secondRep = Api.addUser(second, "REP");
        long here = Customers.createId(rep);
        long there = Customers.createId(secondRep);
        at(days(90));
        // As the scheduler calls it: from a thread with no request context and no store entered.
        CompletableFuture.runAsync(sweeper::sweepAll).get(60, TimeUnit.SECONDS);
        assertEquals(null, PoolHelper.owner(db, admin.storeId(), here));
        assertEquals(null, PoolHelper.owner(db, second.storeId(), there));
        assertEquals(1, PoolHelper.ownerEvents(db, admin.storeId(), here, "AUTO_RETURNED"));
        assertEquals(1, PoolHelper.ownerEvents(db, second.storeId(), there, "AUTO_RETURNED"));
    }

    /**
     * While a store's past is being written (the demo story, see common/time/ReplayedTime), its customers are due by
     * the story's clock, not the real one: the scheduled sweep leaves that store alone and sweeps the others.
     */
    @Test
    void theScheduledSweepLeavesAStoreAloneWhileItsPastIsReplayed() throws Exception {
        Session second = Api.openStore("Sweep meanwhile");
        Session secondRep = Api.addUser(second, "REP");
        long replayed = Customers.createId(rep);
        long present = Customers.createId(secondRep);
        at(days(90));
        com.harborcrm.common.time.ReplayedTime.replaying(admin.storeId(),
                () -> CompletableFuture.runAsync(sweeper::sweepAll).join());
        assertEquals(rep.userId(), PoolHelper.owner(db, admin.storeId(), replayed));
        assertEquals(null, PoolHelper.owner(db, second.storeId(), present));
        CompletableFuture.runAsync(sweeper::sweepAll).get(60, TimeUnit.SECONDS);
        assertEquals(null, PoolHelper.owner(db, admin.storeId(), replayed));
    }

    /** The Quarkus scheduler runs jobs with a request context already active: each store must still get its own. */
    @Test
    void theSweepEntersEachStoreEvenWhenARequestContextIsAlreadyActive() throws Exception {
        Session second = Api.openStore("Sweep three");
        Session secondRep = Api.addUser(second, "REP");
        long here = Customers.createId(rep);
        long there = Customers.createId(secondRep);
        at(days(90));
        CompletableFuture.runAsync(() -> {
            io.quarkus.arc.ManagedContext requestContext = io.quarkus.arc.Arc.container().requestContext();
            requestContext.activate();
            try {
                sweeper.sweepAll();
            } finally {
                requestContext.terminate();
            }
        }).get(60, TimeUnit.SECONDS);
        assertEquals(null, PoolHelper.owner(db, admin.storeId(), here));
        assertEquals(null, PoolHelper.owner(db, second.storeId(), there));
    }

    @Test
    void aStoreWithMoreDueThanOneChunkIsSweptWhole() throws Exception {
        int due = 2 * config.pool().sweepChunk() + 5;
        try (Connection connection = db.getConnection(); var statement = connection.createStatement()) {
            statement.execute("with created as (insert into customers (store_id, name, created_at, updated_at) "
                    + "select " + admin.storeId() + ", 'Chunk ' || g, timestamptz '2001-01-01', timestamptz '2001-01-01' "
                    + "from generate_series(1, " + due + ") g returning store_id, id) "
                    + "insert into customer_owners (store_id, customer_id, owner_id, owned_since) "
                    + "select store_id, id, " + rep.userId() + ", timestamptz '2001-01-01' from created");
        }
        // Its chunks run in parallel (two workers in the test profile too): each customer is returned once.
        assertEquals(due, sweep().getInt("returned"));
        assertEquals(due, PoolHelper.count(db, "select count(distinct customer_id) from customer_events "
                + "where store_id = ? and data->>'kind' = 'AUTO_RETURNED'", admin.storeId()));
        assertEquals(due, PoolHelper.count(db, "select count(*) from pool_returns where store_id = ?", admin.storeId()));
        assertEquals(0, sweep().getInt("returned"));
        // The sweep gave its lock back: another session takes it at once.
        try (Connection other = db.getConnection(); PreparedStatement lock = other.prepareStatement(
                "select pg_try_advisory_lock(hashtextextended('pool-sweep:' || ?, 0))")) {
            lock.setLong(1, admin.storeId());
            try (var row = lock.executeQuery()) {
                row.next();
                assertTrue(row.getBoolean(1), "the sweep lock was still held");
            }
            other.createStatement().execute("select pg_advisory_unlock_all()");
        }
    }

    @Test
    void onlyAdminsRunTheSweep() {
        Session manager = Api.addUser(admin, "MANAGER");
        problem(manager.as().post("/api/v1/pool/sweep").then(), 403, "forbidden");
        problem(rep.as().post("/api/v1/pool/sweep").then(), 403, "forbidden");
    }
}
