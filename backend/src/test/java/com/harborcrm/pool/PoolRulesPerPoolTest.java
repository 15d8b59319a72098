package com.harborcrm.pool;

import static com.harborcrm.testing.Api.problem;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.harborcrm.testing.Api;
import com.harborcrm.testing.Api.Session;
import com.harborcrm.testing.MutableClock;
import com.harborcrm.testing.Parallel;
import com.harborcrm.testing.PoolHelper;

import io.restassured.response.Response;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Each pool's own rules (pools v2, V95): return days, warnings, purge, masking, and the rep limits counted per pool.
 */
@QuarkusTest
class PoolRulesPerPoolTest {

    @Inject
    DataSource db;

    @Inject
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** Tomorrow 10:00 UTC: set once the test's users have their tokens (issued by the same clock). */
    private static final Instant T0 = LocalDate.now(ZoneOffset.UTC).plusDays(1).atTime(10, 0).toInstant(ZoneOffset.UTC);

    static void setPoolRules(Session admin, long pool, Object... keyValues) {
        admin.as().body(PoolHelper.rules(keyValues)).put("/api/v1/pool/rules?poolId=" + pool).then().statusCode(200);
    }

    private static Duration days(int n) {
        return Duration.ofDays(n);
    }

    @Test
    void aNewPoolStartsWithTheDefaultPoolsRulesAndKeepsItsOwnFromThenOn() {
        Session admin = Api.openStore("Rules per pool");
        Session manager = Api.addUser(admin, "MANAGER");
        Session member = Api.addUser(admin, "REP");
        Session outsider = Api.addUser(admin, "REP");
        PoolHelper.setRules(admin, "returnAfterDaysWithoutFollowUp", 40, "maxClaimsPerRepPerDay", 9);
        long export = PoolsTest.createPool(admin, "Export", List.of(member.userId()));

        // A copy of the default pool's rules, with a version of its own.
        member.as().get("/api/v1/pool/rules?poolId=" + export).then().statusCode(200)
                .header("ETag", equalTo("\"0\""))
                .body("returnAfterDaysWithoutFollowUp", equalTo(40)).body("maxClaimsPerRepPerDay", equalTo(9));
        String etag = admin.as().get("/api/v1/pool/rules?poolId=" + export).then().extract().header("ETag");
        admin.as().header("If-Match", etag).body(PoolHelper.rules("returnAfterDaysWithoutFollowUp", 10))
                .put("/api/v1/pool/rules?poolId=" + export).then().statusCode(200)
                .header("ETag", equalTo("\"1\"")).body("returnAfterDaysWithoutFollowUp", equalTo(10));
        // The default pool's rules did not move; without poolId the default pool's are meant.
        admin.as().get("/api/v1/pool/rules").then().body("returnAfterDaysWithoutFollowUp", equalTo(40));
        admin.as().get("/api/v1/pool/rules?poolId=0").then().body("returnAfterDaysWithoutFollowUp", equalTo(40));

        problem(admin.as().header("If-Match", etag).body(PoolHelper.defaultRules())
                .put("/api/v1/pool/rules?poolId=" + export).then(), 412, "precondition-failed");
        // A rep reads only the rules of their pools; an unknown pool, or another store's, is not found.
        problem(outsider.as().get("/api/v1/pool/rules?poolId=" + export).then(), 404, "not-found");
        problem(admin.as().get("/api/v1/pool/rules?poolId=999999").then(), 404, "not-found");
        // Not a number: a field error naming the parameter, not "nothing at this address"; nothing changes.
        for (var bad : List.of(admin.as().get("/api/v1/pool/rules?poolId=abc"),
                admin.as().body(PoolHelper.defaultRules()).put("/api/v1/pool/rules?poolId=abc"),
                admin.as().body(PoolHelper.defaultRules()).post("/api/v1/pool/rules/preview?poolId=1.5"))) {
            problem(bad.then(), 400, "validation").body("errors[0].field", equalTo("poolId"))
                    .body("errors[0].code", equalTo("FORMAT"));
        }
        problem(admin.as().body(PoolHelper.defaultRules()).put("/api/v1/pool/rules?poolId=999999").then(),
                404, "not-found");
        Session otherStore = Api.openStore("Another store");
        problem(otherStore.as().get("/api/v1/pool/rules?poolId=" + export).then(), 404, "not-found");
        problem(manager.as().body(PoolHelper.defaultRules()).put("/api/v1/pool/rules?poolId=" + export).then(),
                403, "forbidden");
        problem(admin.as().body(PoolHelper.rules("warnDaysBeforeReturn", 40))
                .put("/api/v1/pool/rules?poolId=" + export).then(), 400, "validation");
        admin.as().get("/api/v1/pool/rules?poolId=" + export).then().body("warnDaysBeforeReturn", equalTo(3));

        // A deleted pool takes its rules with it.
        admin.as().delete("/api/v1/pools/" + export).then().statusCode(204);
        problem(admin.as().get("/api/v1/pool/rules?poolId=" + export).then(), 404, "not-found");
        assertEquals(0, PoolHelper.count(db, "select count(*) from pool_rules where store_id = ? and pool_id = ?",
                admin.storeId(), export));
    }

    @Test
    void aCustomersReturnDateFollowsItsOwnPoolsRulesAndChangesWithAMove() {
        Session admin = Api.openStore("Return days per pool");
        Session rep = Api.addUser(admin, "REP");
        clock.set(T0);
        long fast = PoolsTest.createPool(admin, "Fast", List.of(rep.userId()));
        setPoolRules(admin, fast, "returnAfterDaysWithoutFollowUp", 10, "warnDaysBeforeReturn", 2);
        long inDefault = PoolHelper.poolCustomer(admin);
        long inFast = PoolHelper.poolCustomer(admin);
        PoolsTest.move(admin, fast, List.of(inFast));
        PoolHelper.claim(rep, List.of(inDefault, inFast));

        rep.as().get("/api/v1/customers/" + inDefault).then().body("poolReturn.at", equalTo(T0.plus(days(30)).toString()));
        rep.as().get("/api/v1/customers/" + inFast).then().body("poolReturn.at", equalTo(T0.plus(days(10)).toString()));

        // The preview counts the named pool's customers only.
        admin.as().body(PoolHelper.rules("returnAfterDaysWithoutFollowUp", 3, "warnDaysBeforeReturn", 1))
                .post("/api/v1/pool/rules/preview?poolId=" + fast).then().statusCode(200)
                .body("within7Days.total", equalTo(1));
        admin.as().body(PoolHelper.rules("returnAfterDaysWithoutFollowUp", 3, "warnDaysBeforeReturn", 1))
                .post("/api/v1/pool/rules/preview").then().statusCode(200).body("within7Days.total", equalTo(1));

        // Changing one pool's rules moves its customers' dates only.
        setPoolRules(admin, fast, "returnAfterDaysWithoutFollowUp", 12, "warnDaysBeforeReturn", 2);
        rep.as().get("/api/v1/customers/" + inFast).then().body("poolReturn.at", equalTo(T0.plus(days(12)).toString()));
        rep.as().get("/api/v1/customers/" + inDefault).then().body("poolReturn.at", equalTo(T0.plus(days(30)).toString()));

        // An owned customer moved to another pool is timed by that pool's rules at once.
        PoolsTest.move(admin, fast, List.of(inDefault));
        rep.as().get("/api/v1/customers/" + inDefault).then().body("poolReturn.at", equalTo(T0.plus(days(12)).toString()));

        // Warnings come as many days ahead as each pool says: 2 days before day 12, nothing yet at day 9.
        clock.set(T0.plus(days(9)));
        assertEquals(0, PoolHelper.sweep(admin).getInt("warned"));
        clock.set(T0.plus(days(10)));
        assertEquals(2, PoolHelper.sweep(admin).getInt("warned"));
        rep.as().get("/api/v1/reminders").then().body("counts.returnWarnings", equalTo(2));
        clock.set(T0.plus(days(12)));
        assertEquals(2, PoolHelper.sweep(admin).getInt("returned"));
        // Both went back to the pool they belong to.
        assertEquals(2, PoolHelper.count(db, "select count(*) from customer_owners where store_id = ? and pool_id = ? "
                + "and owner_id is null", admin.storeId(), fast));
    }

    @Test
    void aRepsLimitsAndCooldownCountPerPool() {
        Session admin = Api.openStore("Limits per pool");
        Session manager = Api.addUser(admin, "MANAGER");
        Session rep = Api.addUser(admin, "REP");
        clock.set(T0);
        long narrow = PoolsTest.createPool(admin, "Narrow", List.of(rep.userId()));
        PoolHelper.setRules(admin, "maxPrivateCustomersPerRep", 5, "maxClaimsPerRepPerDay", 5, "reclaimCooldownDays", 7);
        setPoolRules(admin, narrow, "maxPrivateCustomersPerRep", 2, "maxClaimsPerRepPerDay", 1, "reclaimCooldownDays", 0);
        long n1 = PoolHelper.poolCustomer(admin);
        long n2 = PoolHelper.poolCustomer(admin);
        long n3 = PoolHelper.poolCustomer(admin);
        long d1 = PoolHelper.poolCustomer(admin);
        long d2 = PoolHelper.poolCustomer(admin);
        PoolsTest.move(admin, narrow, List.of(n1, n2, n3));

        // One claim a day in the narrow pool; the default pool's five are counted apart.
        rep.as().body(Map.of("customerIds", List.of(n1, d1, n2, d2))).post("/api/v1/pool/claim").then()
                .statusCode(200).body("claimed", contains((int) n1, (int) d1, (int) d2))
                .body("failed.id", contains((int) n2)).body("failed.reason", contains("DAILY_LIMIT"));

        // The next day: the narrow pool's cap of 2 private customers, whatever the rep holds elsewhere.
        clock.set(T0.plus(days(1)));
        rep.as().body(Map.of("customerIds", List.of(n2))).post("/api/v1/pool/claim").then().statusCode(200)
                .body("claimed", contains((int) n2));
        clock.set(T0.plus(days(2)));
        rep.as().body(Map.of("customerIds", List.of(n3))).post("/api/v1/pool/claim").then().statusCode(200)
                .body("failed.reason", contains("LIMIT_REACHED"));
        // A manager's assignment keeps to the same cap, per pool.
        manager.as().body(Map.of("customerIds", List.of(n3), "userId", rep.userId())).post("/api/v1/pool/assign")
                .then().statusCode(200).body("failed.reason", contains("LIMIT_REACHED"));
        assertEquals(4, PoolHelper.count(db, "select count(*) from pool_claims where store_id = ? and user_id = ?",
                admin.storeId(), rep.userId()));
        assertEquals(2, PoolHelper.count(db, "select count(*) from pool_claims where store_id = ? and user_id = ? "
                + "and pool_id = ?", admin.storeId(), rep.userId(), narrow));

        // No cooldown in the narrow pool, seven days in the default one.
        long reason = PoolHelper.releaseReason(admin);
        for (long id : List.of(n1, d1)) {
            rep.as().body(Map.of("reasonId", reason)).post("/api/v1/customers/" + id + "/release").then().statusCode(200);
        }
        rep.as().body(Map.of("customerIds", List.of(d1, n1))).post("/api/v1/pool/claim").then().statusCode(200)
                .body("claimed", contains((int) n1)).body("failed.reason", contains("COOLDOWN"));
    }

    @Test
    void eachPoolMasksAndPurgesByItsOwnRules() {
        Session admin = Api.openStore("Masking per pool");
        Session rep = Api.addUser(admin, "REP");
        clock.set(T0);
        long open = PoolsTest.createPool(admin, "Open book", List.of(rep.userId()));
        setPoolRules(admin, open, "maskContacts", false, "purgeUnclaimedAfterDays", 5);
        long masked = PoolHelper.poolCustomer(admin, "email", "anna@masked.example", "website", "https://masked.example");
        long shown = PoolHelper.poolCustomer(admin, "email", "omar@shown.example", "website", "https://shown.example");
        PoolsTest.move(admin, open, List.of(shown));

        rep.as().get("/api/v1/customers/" + masked).then().statusCode(200).body("email", equalTo("a***@masked.example"));
        rep.as().get("/api/v1/customers/" + shown).then().statusCode(200).body("email", equalTo("omar@shown.example"))
                .body("website", equalTo("https://shown.example"));
        rep.as().get("/api/v1/pool?sort=createdAt").then().statusCode(200)
                .body("items.email", contains("a***@masked.example", "omar@shown.example"));

        // The open pool deletes what is left unclaimed for 5 days; the default pool keeps its customers.
        clock.set(T0.plus(days(5)).plusSeconds(1));
        assertEquals(1, PoolHelper.sweep(admin).getInt("purged"));
        admin.as().get("/api/v1/customers/" + shown).then().statusCode(404);
        admin.as().get("/api/v1/customers/" + masked).then().statusCode(200);
        assertEquals(1, PoolHelper.count(db, "select count(*) from audit_events where store_id = ? and entity_id = ? "
                + "and action = 'CUSTOMER_PURGED' and data ->> 'purgeUnclaimedAfterDays' = '5'", admin.storeId(), shown));
    }
    /** A customer arriving by inquiry (so it has an inquiry carrying its contact), followed up naming its email. */
    private static long inquiryWithFollowUp(Session admin, String name, String email) {
        long id = admin.as().header("Idempotency-Key", java.util.UUID.randomUUID().toString())
                .body(Map.of("channel", "EMAIL", "message", "Write to " + email,
                        "contact", Map.of("name", name, "email", email)))
                .post("/api/v1/inquiries").then().statusCode(201).extract().jsonPath().getLong("customerId");
        admin.as().body(Map.of("type", "EMAIL", "content", "Wrote to " + email))
                .post("/api/v1/customers/" + id + "/follow-ups").then().statusCode(201);
        return id;
    }

    @Test
    void aPoolsMaskingFollowsItsCustomersIntoTheTimelineFollowUpsAndInquiries() {
        Session admin = Api.openStore("Masking per pool, every read");
        Session rep = Api.addUser(admin, "REP");
        long open = PoolsTest.createPool(admin, "Open book", List.of(rep.userId()));
        setPoolRules(admin, open, "maskContacts", false);
        long masked = inquiryWithFollowUp(admin, "Anna Masked", "anna@masked.example");
        long shown = inquiryWithFollowUp(admin, "Omar Shown", "omar@shown.example");
        PoolsTest.move(admin, open, List.of(shown));

        // The default pool masks, the open one does not: the same rep, the same reads, each as its pool says.
        rep.as().get("/api/v1/customers/" + masked + "/timeline").then().statusCode(200)
                .body("items.find { it.kind == 'FOLLOW_UP' }.content", equalTo("Wrote to a***@masked.example"));
        rep.as().get("/api/v1/customers/" + shown + "/timeline").then().statusCode(200)
                .body("items.find { it.kind == 'FOLLOW_UP' }.content", equalTo("Wrote to omar@shown.example"));
        rep.as().get("/api/v1/customers/" + masked + "/follow-ups").then().statusCode(200)
                .body("items[0].content", equalTo("Wrote to a***@masked.example"));
        rep.as().get("/api/v1/customers/" + shown + "/follow-ups").then().statusCode(200)
                .body("items[0].content", equalTo("Wrote to omar@shown.example"));
        rep.as().get("/api/v1/customers/" + masked + "/inquiries").then().statusCode(200)
                .body("items[0].contact.email", equalTo("a***@masked.example"));
        rep.as().get("/api/v1/customers/" + shown + "/inquiries").then().statusCode(200)
                .body("items[0].contact.email", equalTo("omar@shown.example"));
        String inbox = rep.as().get("/api/v1/inquiries").then().statusCode(200)
                .body("items.find { it.customer.id == " + masked + " }.inquiry.contact.email", equalTo("a***@masked.example"))
                .body("items.find { it.customer.id == " + shown + " }.inquiry.contact.email", equalTo("omar@shown.example"))
                .extract().asString();
        assertEquals(-1, inbox.indexOf("anna@masked.example"), inbox);
    }

    @Test
    void parallelClaimsInOnePoolStopAtThatPoolsCapWhileTheDefaultPoolKeepsItsOwn() throws Exception {
        Session admin = Api.openStore("Per-pool cap, parallel");
        Session rep = Api.addUser(admin, "REP");
        long narrow = PoolsTest.createPool(admin, "Narrow", List.of(rep.userId()));
        PoolHelper.setRules(admin, "maxPrivateCustomersPerRep", 4, "maxClaimsPerRepPerDay", 0);
        setPoolRules(admin, narrow, "maxPrivateCustomersPerRep", 3, "maxClaimsPerRepPerDay", 0);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            ids.add(PoolHelper.poolCustomer(admin));
        }
        PoolsTest.move(admin, narrow, ids.subList(0, 8));
        // Sixteen one-customer claims at once, half in each pool: 3 from the narrow pool, 4 from the default one.
        List<Response> responses = Parallel.calls(16, i -> rep.as()
                .body(Map.of("customerIds", List.of(ids.get(i)))).post("/api/v1/pool/claim"));
        responses.forEach(r -> assertEquals(200, r.statusCode(), r.asString()));
        assertEquals(3, PoolHelper.count(db, "select count(*) from customer_owners where store_id = ? and owner_id = ? "
                + "and pool_id = ?", admin.storeId(), rep.userId(), narrow));
        assertEquals(4, PoolHelper.count(db, "select count(*) from customer_owners where store_id = ? and owner_id = ? "
                + "and pool_id = 0", admin.storeId(), rep.userId()));
        assertEquals(9, responses.stream().filter(r -> "LIMIT_REACHED".equals(r.jsonPath().getString("failed[0].reason")))
                .count());
    }

    @Test
    void aMoveRacingClaimsLeavesEveryCustomerWithOneOwnerOrInThePoolItWasMovedTo() throws Exception {
        Session admin = Api.openStore("Move racing claims");
        Session manager = Api.addUser(admin, "MANAGER");
        Session rep = Api.addUser(admin, "REP");
        long closed = PoolsTest.createPool(admin, "Closed", List.of());
        PoolHelper.setRules(admin, "maxPrivateCustomersPerRep", 0, "maxClaimsPerRepPerDay", 0);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ids.add(PoolHelper.poolCustomer(admin));
        }
        // The manager moves all twelve to a pool the rep is not in while the rep claims them one by one.
        List<Response> responses = Parallel.calls(13, i -> i == 12
                ? manager.as().body(Map.of("customerIds", ids)).post("/api/v1/pools/" + closed + "/customers")
                : rep.as().body(Map.of("customerIds", List.of(ids.get(i)))).post("/api/v1/pool/claim"));
        responses.forEach(r -> assertEquals(200, r.statusCode(), r.asString()));
        for (int i = 0; i < 12; i++) {
            long id = ids.get(i);
            Long owner = PoolHelper.owner(db, admin.storeId(), id);
            boolean claimed = responses.get(i).jsonPath().getList("claimed").contains((int) id);
            // Claimed before the move: the rep's, remembering the closed pool; after: not found, still in the pool.
            assertEquals(claimed ? rep.userId() : null, owner, "customer " + id);
            if (!claimed) {
                assertEquals("NOT_FOUND", responses.get(i).jsonPath().getString("failed[0].reason"));
            }
            assertEquals(claimed ? 1 : 0, PoolHelper.ownerEvents(db, admin.storeId(), id, "CLAIMED"));
        }
        // Every customer was moved, owned or not: the moved count says so.
        assertEquals(12, PoolHelper.count(db, "select count(*) from customer_owners where store_id = ? and pool_id = ?",
                admin.storeId(), closed));
    }
}
