package com.harborcrm.pool;

import static com.harborcrm.testing.Api.problem;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
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
 * The store's limits across all pools (issue 22, item 2; V102): private customers per rep and claims per rep per
 * day counted over every pool together, on top of each pool's own rules, in claims, assignments and distribution.
 */
@QuarkusTest
class StoreLimitsTest {

    private static final String LIMITS = "/api/v1/pool/limits";

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

    static void setLimits(Session admin, int maxPrivate, int maxDaily) {
        admin.as().body(Map.of("maxPrivateCustomersPerRep", maxPrivate, "maxClaimsPerRepPerDay", maxDaily))
                .put(LIMITS).then().statusCode(200).body("maxPrivateCustomersPerRep", equalTo(maxPrivate));
    }

    /** Both pools without limits of their own, so that only the store's count. */
    private static long twoPoolsWithoutLimits(Session admin, Session rep) {
        PoolHelper.setRules(admin, "maxPrivateCustomersPerRep", 0, "maxClaimsPerRepPerDay", 0, "reclaimCooldownDays", 0);
        return PoolsTest.createPool(admin, "Export", List.of(rep.userId()));
    }

    private long owned(Session store, long user) {
        return PoolHelper.count(db, "select count(*) from customer_owners where store_id = ? and owner_id = ?",
                store.storeId(), user);
    }

    @Test
    void theLimitsStartOffEveryoneReadsThemAndOnlyAnAdminChangesThemWithEveryErrorAtOnce() {
        Session admin = Api.openStore("Store limits");
        Session manager = Api.addUser(admin, "MANAGER");
        Session rep = Api.addUser(admin, "REP");

        rep.as().get(LIMITS).then().statusCode(200).header("ETag", equalTo("\"0\""))
                .body("maxPrivateCustomersPerRep", equalTo(0)).body("maxClaimsPerRepPerDay", equalTo(0));
        problem(manager.as().body(Map.of("maxPrivateCustomersPerRep", 10, "maxClaimsPerRepPerDay", 1)).put(LIMITS).then(),
                403, "forbidden");
        problem(rep.as().body(Map.of("maxPrivateCustomersPerRep", 10, "maxClaimsPerRepPerDay", 1)).put(LIMITS).then(),
                403, "forbidden");

        // Out of range and missing: every field named at once, nothing saved.
        problem(admin.as().body(Map.of("maxPrivateCustomersPerRep", -1, "maxClaimsPerRepPerDay", 10_001)).put(LIMITS)
                .then(), 400, "validation")
                .body("errors.field", containsInAnyOrder("maxPrivateCustomersPerRep", "maxClaimsPerRepPerDay"));
        problem(admin.as().body(Map.of()).put(LIMITS).then(), 400, "validation")
                .body("errors.field", containsInAnyOrder("maxPrivateCustomersPerRep", "maxClaimsPerRepPerDay"));
        rep.as().get(LIMITS).then().header("ETag", equalTo("\"0\"")).body("maxPrivateCustomersPerRep", equalTo(0));

        String etag = admin.as().get(LIMITS).then().extract().header("ETag");
        admin.as().header("If-Match", etag).body(Map.of("maxPrivateCustomersPerRep", 300, "maxClaimsPerRepPerDay", 25))
                .put(LIMITS).then().statusCode(200).header("ETag", equalTo("\"1\""))
                .body("maxClaimsPerRepPerDay", equalTo(25));
        rep.as().get(LIMITS).then().body("maxPrivateCustomersPerRep", equalTo(300)).body("maxClaimsPerRepPerDay", equalTo(25));
        problem(admin.as().header("If-Match", etag).body(Map.of("maxPrivateCustomersPerRep", 1, "maxClaimsPerRepPerDay", 1))
                .put(LIMITS).then(), 412, "precondition-failed");
        rep.as().get(LIMITS).then().body("maxPrivateCustomersPerRep", equalTo(300));

        // Each store its own.
        Session other = Api.openStore("Another store's limits");
        other.as().get(LIMITS).then().body("maxPrivateCustomersPerRep", equalTo(0)).body("maxClaimsPerRepPerDay", equalTo(0));
    }

    @Test
    void claimsAndAssignmentsCountEveryPoolTogetherBesideEachPoolsOwnLimits() {
        Session admin = Api.openStore("Store limits in claims");
        Session manager = Api.addUser(admin, "MANAGER");
        Session rep = Api.addUser(admin, "REP");
        clock.set(T0);
        long export = twoPoolsWithoutLimits(admin, rep);
        long d1 = PoolHelper.poolCustomer(admin);
        long d2 = PoolHelper.poolCustomer(admin);
        long d3 = PoolHelper.poolCustomer(admin);
        long e1 = PoolHelper.poolCustomer(admin);
        long e2 = PoolHelper.poolCustomer(admin);
        long e3 = PoolHelper.poolCustomer(admin);
        PoolsTest.move(admin, export, List.of(e1, e2, e3));

        // Three private customers across pools: the first three asked for, whichever their pool.
        setLimits(admin, 3, 0);
        rep.as().body(Map.of("customerIds", List.of(d1, e1, d2, e2))).post("/api/v1/pool/claim").then()
                .statusCode(200).body("claimed", contains((int) d1, (int) e1, (int) d2))
                .body("failed.id", contains((int) e2)).body("failed.reason", contains("LIMIT_REACHED"));

        // Four claims a day across pools (three used today): one more, then the day's limit.
        setLimits(admin, 0, 4);
        rep.as().body(Map.of("customerIds", List.of(e2, d3))).post("/api/v1/pool/claim").then()
                .statusCode(200).body("claimed", contains((int) e2))
                .body("failed.id", contains((int) d3)).body("failed.reason", contains("DAILY_LIMIT"));
        clock.set(T0.plus(Duration.ofDays(1)));
        rep.as().body(Map.of("customerIds", List.of(d3))).post("/api/v1/pool/claim").then()
                .statusCode(200).body("claimed", contains((int) d3)).body("failed", empty());

        // A pool's own limit still binds first: one claim a day in Export, though the store allows four.
        PoolRulesPerPoolTest.setPoolRules(admin, export, "maxPrivateCustomersPerRep", 0, "maxClaimsPerRepPerDay", 1,
                "reclaimCooldownDays", 0);
        long reason = PoolHelper.releaseReason(admin);
        for (long id : List.of(e1, e2)) {
            rep.as().body(Map.of("reasonId", reason)).post("/api/v1/customers/" + id + "/release").then().statusCode(200);
        }
        rep.as().body(Map.of("customerIds", List.of(e1, e2))).post("/api/v1/pool/claim").then()
                .statusCode(200).body("claimed", contains((int) e1)).body("failed.reason", contains("DAILY_LIMIT"));

        // Assignments keep to the store's private limit (the rep holds 4 of 4 now); an admin may go beyond it.
        assertEquals(4, owned(admin, rep.userId()));
        setLimits(admin, 4, 0);
        manager.as().body(Map.of("customerIds", List.of(e3), "userId", rep.userId())).post("/api/v1/pool/assign")
                .then().statusCode(200).body("assigned", empty()).body("failed.reason", contains("LIMIT_REACHED"));
        long elsewhere = PoolHelper.poolCustomer(admin);
        PoolHelper.claim(manager, List.of(elsewhere));
        manager.as().body(Map.of("customerIds", List.of(elsewhere), "userId", rep.userId())).post("/api/v1/pool/assign")
                .then().statusCode(200).body("failed.reason", contains("LIMIT_REACHED"));
        assertEquals(manager.userId(), PoolHelper.owner(db, admin.storeId(), elsewhere), "a refused transfer moves nothing");
        admin.as().body(Map.of("customerIds", List.of(e3), "userId", rep.userId(), "override", true))
                .post("/api/v1/pool/assign").then().statusCode(200).body("assigned", contains((int) e3));
        assertEquals(5, owned(admin, rep.userId()));
        // Over the limit after it was lowered: what the rep holds stays theirs; they claim again once under it.
        long d4 = PoolHelper.poolCustomer(admin);
        rep.as().body(Map.of("customerIds", List.of(d4))).post("/api/v1/pool/claim").then()
                .statusCode(200).body("failed.reason", contains("LIMIT_REACHED"));
        setLimits(admin, 0, 0);
        rep.as().body(Map.of("customerIds", List.of(d4))).post("/api/v1/pool/claim").then()
                .statusCode(200).body("claimed", contains((int) d4));
    }

    @Test
    void parallelClaimsInSeveralPoolsNeverPassTheStoresLimits() throws Exception {
        Session admin = Api.openStore("Store limits, parallel");
        Session holder = Api.addUser(admin, "REP");
        Session claimer = Api.addUser(admin, "REP");
        PoolHelper.setRules(admin, "maxPrivateCustomersPerRep", 0, "maxClaimsPerRepPerDay", 0, "reclaimCooldownDays", 0);
        long export = PoolsTest.createPool(admin, "Export", List.of(holder.userId(), claimer.userId()));
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            ids.add(PoolHelper.poolCustomer(admin));
        }
        PoolsTest.move(admin, export, ids.subList(0, 16));

        // Five private customers across both pools: sixteen one-customer claims at once, half in each pool.
        setLimits(admin, 5, 0);
        List<Response> first = Parallel.calls(16, i -> holder.as()
                .body(Map.of("customerIds", List.of(ids.get(i < 8 ? i : 8 + i)))).post("/api/v1/pool/claim"));
        first.forEach(r -> assertEquals(200, r.statusCode(), r.asString()));
        assertEquals(5, owned(admin, holder.userId()));
        assertEquals(11, first.stream().filter(r -> "LIMIT_REACHED".equals(r.jsonPath().getString("failed[0].reason")))
                .count());

        // Three claims a day across both pools, for another rep: the same race against the daily count.
        setLimits(admin, 0, 3);
        List<Long> left = new ArrayList<>(ids);
        left.removeIf(id -> PoolHelper.owner(db, admin.storeId(), id) != null);
        List<Response> second = Parallel.calls(16, i -> claimer.as()
                .body(Map.of("customerIds", List.of(left.get(i)))).post("/api/v1/pool/claim"));
        second.forEach(r -> assertEquals(200, r.statusCode(), r.asString()));
        assertEquals(3, owned(admin, claimer.userId()));
        assertEquals(13, second.stream().filter(r -> "DAILY_LIMIT".equals(r.jsonPath().getString("failed[0].reason")))
                .count());
        assertEquals(3, PoolHelper.count(db, "select count(*) from pool_claims where store_id = ? and user_id = ?",
                admin.storeId(), claimer.userId()));
    }

    @Test
    void distributionGivesNobodyMoreThanTheStoresLimitAndItsPreviewSaysWhoIsFull() {
        Session admin = Api.openStore("Store limits in distribution");
        Session full = Api.addUser(admin, "REP");
        Session roomy = Api.addUser(admin, "REP");
        PoolHelper.setRules(admin, "maxPrivateCustomersPerRep", 0, "maxClaimsPerRepPerDay", 0, "reclaimCooldownDays", 0);
        long export = PoolsTest.createPool(admin, "Export", List.of(full.userId(), roomy.userId()));
        // "full" holds two customers of the default pool; the store allows two each.
        PoolHelper.claim(full, List.of(PoolHelper.poolCustomer(admin), PoolHelper.poolCustomer(admin)));
        setLimits(admin, 2, 0);
        List<Long> waiting = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            waiting.add(PoolHelper.poolCustomer(admin));
        }
        PoolsTest.move(admin, export, waiting);
        PoolDistributionTest.setDistribution(admin, export, "ROUND_ROBIN", 0, 0);

        admin.as().post(PoolDistributionTest.distribution(export) + "/preview").then().statusCode(200)
                .body("eligible", equalTo(4)).body("wouldAssign", equalTo(2)).body("wouldStay", equalTo(2))
                .body("recipients.userId", contains((int) roomy.userId()))
                .body("recipients[0].wouldGet", equalTo(2))
                .body("skipped.userId", contains((int) full.userId()))
                .body("skipped.reason", contains("FULL_IN_STORE"));

        assertEquals(2, PoolDistributionTest.run(admin, export));
        assertEquals(2, owned(admin, full.userId()));
        assertEquals(2, owned(admin, roomy.userId()));
        assertEquals(2, PoolHelper.count(db, "select count(*) from customer_owners where store_id = ? and pool_id = ? "
                + "and owner_id is null", admin.storeId(), export));
    }
}
