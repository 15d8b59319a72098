package com.harborcrm.pool;

import static com.harborcrm.testing.Api.problem;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
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

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Automatic distribution (pools v2, item 3; V97): round-robin and capacity among a pool's active reps, skipping
 * those on leave, full or in cooldown, returning buyers to their rep, and exact under parallel runs and claims.
 * Batches are 7 customers in tests, so runs of more span several transactions.
 */
@QuarkusTest
class PoolDistributionTest {

    @Inject
    DataSource db;

    @Inject
    MutableClock clock;

    @Inject
    PoolDistributor distributor;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static final Instant T0 = LocalDate.now(ZoneOffset.UTC).plusDays(1).atTime(10, 0).toInstant(ZoneOffset.UTC);

    static String distribution(long pool) {
        return "/api/v1/pools/" + pool + "/distribution";
    }

    static void setDistribution(Session admin, long pool, String mode, int afterDays, int returningBuyerDays) {
        admin.as().body(Map.of("mode", mode, "afterDays", afterDays, "returningBuyerDays", returningBuyerDays))
                .put(distribution(pool)).then().statusCode(200).body("mode", equalTo(mode));
    }

    static int run(Session as, long pool) {
        return as.as().post(distribution(pool) + "/run").then().statusCode(200).extract().jsonPath().getInt("assigned");
    }

    private List<Long> poolCustomers(Session admin, long pool, int n) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(PoolHelper.poolCustomer(admin));
        }
        PoolsTest.move(admin, pool, ids);
        return ids;
    }

    private Long owner(Session store, long customer) {
        return PoolHelper.owner(db, store.storeId(), customer);
    }

    private long held(Session store, long user, long pool) {
        return PoolHelper.count(db, "select count(*) from customer_owners where store_id = ? and owner_id = ? and pool_id = ?",
                store.storeId(), user, pool);
    }

    /**
     * The scheduled pass (every minute in production; off in tests, so called here): each store's pools whose
     * distribution is on are distributed, in the store's own context; pools left off keep their customers.
     */
    @Test
    void theScheduledPassDistributesThePoolsThatAreOnInEveryStoreAndLeavesTheOthers() {
        Session on = Api.openStore("Scheduled distribution on");
        Session onRep = Api.addUser(on, "REP");
        long onPool = PoolsTest.createPool(on, "Export", List.of(onRep.userId()));
        List<Long> handedOut = poolCustomers(on, onPool, 3);
        setDistribution(on, onPool, "CAPACITY", 0, 0);
        List<Long> defaultPool = List.of(PoolHelper.poolCustomer(on));
        Session off = Api.openStore("Scheduled distribution off");
        Session offRep = Api.addUser(off, "REP");
        long offPool = PoolsTest.createPool(off, "Export", List.of(offRep.userId()));
        List<Long> waiting = poolCustomers(off, offPool, 2);

        distributor.distributeAll();

        for (long id : handedOut) {
            assertEquals(onRep.userId(), owner(on, id));
        }
        org.junit.jupiter.api.Assertions.assertNull(owner(on, defaultPool.get(0)), "the default pool's distribution is off");
        for (long id : waiting) {
            org.junit.jupiter.api.Assertions.assertNull(owner(off, id));
        }
        onRep.as().get("/api/v1/notifications").then().body("items[0].kind", equalTo("CUSTOMERS_ASSIGNED"))
                .body("items[0].customers", equalTo(3)).body("items[0].rule", equalTo("CAPACITY"));
        // The timeline says the server did it, by which rule.
        on.as().get("/api/v1/customers/" + handedOut.get(0) + "/timeline").then().statusCode(200)
                .body("items.find { it.type == 'OWNER_CHANGED' }.data.kind", equalTo("AUTO_ASSIGNED"))
                .body("items.find { it.type == 'OWNER_CHANGED' }.data.rule", equalTo("CAPACITY"));
        // A second pass finds nothing more to do.
        distributor.distributeAll();
        assertEquals(3, held(on, onRep.userId(), onPool));
    }

    @Test
    void roundRobinHandsWaitingCustomersToTheActiveRepsInTurnSkippingManagersAndRepsOnLeave() {
        Session admin = Api.openStore("Round robin");
        Session manager = Api.addUser(admin, "MANAGER");
        Session a = Api.addUser(admin, "REP");
        Session b = Api.addUser(admin, "REP");
        Session c = Api.addUser(admin, "REP");
        Session away = Api.addUser(admin, "REP");
        Session gone = Api.addUser(admin, "REP");
        clock.set(T0);
        long pool = PoolsTest.createPool(admin, "Export",
                List.of(manager.userId(), a.userId(), b.userId(), c.userId(), away.userId(), gone.userId()));
        admin.as().body(Map.of("active", false)).patch("/api/v1/users/" + gone.userId()).then().statusCode(200);
        LocalDate today = LocalDate.ofInstant(T0, ZoneOffset.UTC);
        admin.as().body(Map.of("from", today.minusDays(1).toString(), "until", today.toString()))
                .put("/api/v1/users/" + away.userId() + "/leave").then().statusCode(200)
                .body("leave.from", equalTo(today.minusDays(1).toString())).body("leave.until", equalTo(today.toString()));
        List<Long> ids = poolCustomers(admin, pool, 8);

        // Off (the default): nothing moves.
        admin.as().get(distribution(pool)).then().statusCode(200).body("mode", equalTo("OFF"))
                .body("afterDays", equalTo(0)).body("returningBuyerDays", equalTo(0));
        assertEquals(0, run(manager, pool));

        // The preview says who would get how many and who gets none, and why; it writes nothing.
        manager.as().body(Map.of("mode", "ROUND_ROBIN")).post(distribution(pool) + "/preview").then().statusCode(200)
                .body("eligible", equalTo(8)).body("wouldAssign", equalTo(8)).body("wouldStay", equalTo(0))
                .body("recipients.userId", org.hamcrest.Matchers.contains((int) a.userId(), (int) b.userId(), (int) c.userId()))
                .body("recipients.wouldGet", org.hamcrest.Matchers.contains(3, 3, 2))
                .body("skipped.find { it.userId == " + manager.userId() + " }.reason", equalTo("NOT_A_REP"))
                .body("skipped.find { it.userId == " + away.userId() + " }.reason", equalTo("ON_LEAVE"))
                .body("skipped.size()", equalTo(2));
        assertEquals(8, ids.stream().filter(id -> owner(admin, id) == null).count());
        // Off, stored or asked for, previews what round-robin would do.
        for (var off : List.of(manager.as(), manager.as().body(Map.of("mode", "OFF")))) {
            off.post(distribution(pool) + "/preview").then().statusCode(200)
                    .body("recipients.wouldGet", org.hamcrest.Matchers.contains(3, 3, 2));
        }

        setDistribution(admin, pool, "ROUND_ROBIN", 0, 0);
        assertEquals(8, run(manager, pool));
        long[] turn = {a.userId(), b.userId(), c.userId()};
        for (int i = 0; i < ids.size(); i++) {
            assertEquals(turn[i % 3], owner(admin, ids.get(i)), "customer " + i + " goes to the rep whose turn it is");
        }
        // The timeline says how: an automatic assignment by the round-robin rule, done by nobody in particular.
        a.as().get("/api/v1/customers/" + ids.get(0) + "/timeline").then().statusCode(200)
                .body("items.find { it.type == 'OWNER_CHANGED' }.data.kind", equalTo("AUTO_ASSIGNED"))
                .body("items.find { it.type == 'OWNER_CHANGED' }.data.rule", equalTo("ROUND_ROBIN"))
                .body("items.find { it.type == 'OWNER_CHANGED' }.data.toOwnerId", equalTo((int) a.userId()));
        assertEquals(8, PoolHelper.count(db, "select count(*) from customer_events where store_id = ? and type = 'OWNER_CHANGED' "
                + "and data->>'kind' = 'AUTO_ASSIGNED' and actor_id is null", admin.storeId()));

        // The turn carries over to the next run: the last one went to b, so c is next. Back from leave, the rep
        // takes turns again (the day after the leave ends).
        clock.set(T0.plus(Duration.ofDays(1)));
        List<Long> later = poolCustomers(admin, pool, 3);
        assertEquals(3, run(manager, pool));
        assertEquals(c.userId(), owner(admin, later.get(0)));
        assertEquals(away.userId(), owner(admin, later.get(1)));
        assertEquals(a.userId(), owner(admin, later.get(2)));
        admin.as().delete("/api/v1/users/" + away.userId() + "/leave").then().statusCode(200).body("leave", nullValue());
    }

    @Test
    void capacityFavoursTheRepHoldingFewestAndNoRepPassesThePoolsCap() {
        Session admin = Api.openStore("Capacity");
        Session a = Api.addUser(admin, "REP");
        Session b = Api.addUser(admin, "REP");
        Session c = Api.addUser(admin, "REP");
        long pool = PoolsTest.createPool(admin, "Export", List.of(a.userId(), b.userId(), c.userId()));
        PoolRulesPerPoolTest.setPoolRules(admin, pool, "maxPrivateCustomersPerRep", 4);
        List<Long> held = poolCustomers(admin, pool, 4);
        PoolHelper.claim(a, held.subList(0, 3));
        PoolHelper.claim(c, held.subList(3, 4));
        List<Long> waiting = poolCustomers(admin, pool, 9);

        admin.as().body(Map.of("mode", "CAPACITY")).post(distribution(pool) + "/preview").then().statusCode(200)
                .body("eligible", equalTo(9)).body("wouldAssign", equalTo(8)).body("wouldStay", equalTo(1))
                .body("recipients.holds", org.hamcrest.Matchers.contains(3, 0, 1))
                .body("recipients.wouldGet", org.hamcrest.Matchers.contains(1, 4, 3));
        setDistribution(admin, pool, "CAPACITY", 0, 0);
        // The first goes to b, who holds none; then whoever holds fewest.
        assertEquals(8, run(admin, pool));
        assertEquals(b.userId(), owner(admin, waiting.get(0)));
        for (Session rep : List.of(a, b, c)) {
            assertEquals(4, held(admin, rep.userId(), pool), "everyone at the cap, nobody past it");
        }
        assertEquals(1, waiting.stream().filter(id -> owner(admin, id) == null).count(), "the ninth stays in the pool");
        assertEquals(8, PoolHelper.count(db, "select count(*) from customer_events where store_id = ? and "
                + "data->>'kind' = 'AUTO_ASSIGNED' and data->>'rule' = 'CAPACITY'", admin.storeId()));
        // Full everywhere: a run hands out nothing, and the preview says so.
        assertEquals(0, run(admin, pool));
        admin.as().post(distribution(pool) + "/preview").then().statusCode(200).body("wouldAssign", equalTo(0))
                .body("recipients.size()", equalTo(0)).body("skipped.reason", containsInAnyOrder("FULL", "FULL", "FULL"));
    }

    @Test
    void aCustomerWaitsItsDaysAReturningBuyerGoesBackToTheirRepAndCooldownSkipsTheRepWhoGaveItUp() {
        Session admin = Api.openStore("Returning buyers");
        Session a = Api.addUser(admin, "REP");
        Session b = Api.addUser(admin, "REP");
        clock.set(T0);
        long pool = PoolsTest.createPool(admin, "Export", List.of(a.userId(), b.userId()));
        PoolRulesPerPoolTest.setPoolRules(admin, pool, "reclaimCooldownDays", 30);
        long reason = PoolHelper.releaseReason(admin);
        String buyerEmail = Api.uniqueEmail("buyer");
        long buyer = PoolHelper.poolCustomer(admin, "email", buyerEmail);
        long quiet = PoolHelper.poolCustomer(admin);
        PoolsTest.move(admin, pool, List.of(buyer, quiet));
        PoolHelper.claim(a, List.of(buyer, quiet));
        for (long id : List.of(buyer, quiet)) {
            a.as().body(Map.of("reasonId", reason)).post("/api/v1/customers/" + id + "/release").then().statusCode(200);
        }
        setDistribution(admin, pool, "ROUND_ROBIN", 2, 14);

        // Not yet: they wait two days in the pool.
        clock.set(T0.plus(Duration.ofDays(1)));
        assertEquals(0, run(admin, pool));
        // The buyer writes again; two days on both are due. The buyer goes back to a (despite a's cooldown); the
        // other one skips a, who gave it up 2 days ago, though it would be a's turn.
        admin.as().header("Idempotency-Key", java.util.UUID.randomUUID().toString())
                .body(Map.of("channel", "EMAIL", "message", "Me again: 2,000 more hinges?",
                        "contact", Map.of("name", "Returning buyer", "email", buyerEmail)))
                .post("/api/v1/inquiries").then().statusCode(200).body("customerId", equalTo((int) buyer))
                .body("repeat", equalTo(true));
        clock.set(T0.plus(Duration.ofDays(2)).plusSeconds(60));
        admin.as().post(distribution(pool) + "/preview").then().statusCode(200).body("eligible", equalTo(2))
                .body("recipients.find { it.userId == " + a.userId() + " }.returningBuyers", equalTo(1));
        assertEquals(2, run(admin, pool));
        assertEquals(a.userId(), owner(admin, buyer));
        assertEquals(b.userId(), owner(admin, quiet));
        assertEquals(1, PoolHelper.count(db, "select count(*) from customer_events where store_id = ? and customer_id = ? "
                + "and data->>'kind' = 'AUTO_ASSIGNED' and data->>'rule' = 'RETURNING_BUYER'", admin.storeId(), buyer));

        // A buyer who writes again more than 14 days after leaving is not "returning": the turn decides. It would
        // be a's turn, but a gave the buyer up within the 30 days of cooldown: b.
        a.as().body(Map.of("reasonId", reason)).post("/api/v1/customers/" + buyer + "/release").then().statusCode(200);
        clock.set(T0.plus(Duration.ofDays(20)));
        admin.as().header("Idempotency-Key", java.util.UUID.randomUUID().toString())
                .body(Map.of("channel", "EMAIL", "message", "Hello again", "contact",
                        Map.of("name", "Returning buyer", "email", buyerEmail)))
                .post("/api/v1/inquiries").then().statusCode(200).body("repeat", equalTo(true));
        setDistribution(admin, pool, "ROUND_ROBIN", 0, 14);
        clock.set(T0.plus(Duration.ofDays(25)));
        assertEquals(1, run(admin, pool));
        assertEquals(b.userId(), owner(admin, buyer));
    }

    @Test
    void parallelRunsAndClaimsNeverHandOutACustomerTwiceOrPassTheCap() throws Exception {
        Session admin = Api.openStore("Parallel distribution");
        Session manager = Api.addUser(admin, "MANAGER");
        List<Session> reps = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            reps.add(Api.addUser(admin, "REP"));
        }
        long pool = PoolsTest.createPool(admin, "Export", reps.stream().map(Session::userId).toList());
        PoolRulesPerPoolTest.setPoolRules(admin, pool, "maxPrivateCustomersPerRep", 5);
        List<Long> ids = poolCustomers(admin, pool, 40);
        setDistribution(admin, pool, "ROUND_ROBIN", 0, 0);

        // Four runs (as four instances would) and each rep claiming three customers, all at once.
        List<Response> responses = Parallel.calls(13, i -> i < 4
                ? (i % 2 == 0 ? manager : admin).as().post(distribution(pool) + "/run")
                : reps.get((i - 4) % 3).as().body(Map.of("customerIds", ids.subList(37 - i, 40 - i)))
                        .post("/api/v1/pool/claim"));
        responses.forEach(r -> assertEquals(200, r.statusCode(), r.asString()));
        int distributed = responses.subList(0, 4).stream().mapToInt(r -> r.jsonPath().getInt("assigned")).sum();
        int claimed = responses.subList(4, 13).stream().mapToInt(r -> r.jsonPath().getList("claimed").size()).sum();

        Map<Long, Integer> perRep = new HashMap<>();
        for (long id : ids) {
            Long owner = owner(admin, id);
            long events = PoolHelper.count(db, "select count(*) from customer_events where store_id = ? and customer_id = ? "
                    + "and type = 'OWNER_CHANGED'", admin.storeId(), id);
            assertEquals(owner == null ? 0 : 1, events, "customer " + id + " changed hands at most once");
            if (owner != null) {
                perRep.merge(owner, 1, Integer::sum);
            }
        }
        assertEquals(15, distributed + claimed, "three reps with room for five each: exactly fifteen handed out");
        perRep.values().forEach(n -> assertEquals(5, n));
        assertEquals(distributed, (int) PoolHelper.count(db, "select count(*) from customer_events where store_id = ? "
                + "and data->>'kind' = 'AUTO_ASSIGNED'", admin.storeId()));
    }

    @Test
    void settingsAreAdminsToChangeAndBadInputIsRefusedWhole() {
        Session admin = Api.openStore("Distribution settings");
        Session manager = Api.addUser(admin, "MANAGER");
        Session rep = Api.addUser(admin, "REP");
        long pool = PoolsTest.createPool(admin, "Export", List.of(rep.userId()));

        JsonPath bad = problem(admin.as().body(Map.of("afterDays", -1, "returningBuyerDays", 4000))
                .put(distribution(pool)).then(), 400, "validation").extract().jsonPath();
        assertEquals(List.of("afterDays", "mode", "returningBuyerDays"),
                bad.getList("errors.field", String.class).stream().sorted().toList());
        problem(admin.as().body(Map.of("mode", "LOTTERY")).put(distribution(pool)).then(), 400, "validation");
        problem(admin.as().body(Map.of("mode", "CAPACITY", "afterDays", 9999)).post(distribution(pool) + "/preview")
                .then(), 400, "validation");
        admin.as().get(distribution(pool)).then().body("mode", equalTo("OFF")).body("version", equalTo(0));

        problem(manager.as().body(Map.of("mode", "CAPACITY")).put(distribution(pool)).then(), 403, "forbidden");
        problem(rep.as().get(distribution(pool)).then(), 403, "forbidden");
        problem(rep.as().post(distribution(pool) + "/run").then(), 403, "forbidden");
        problem(admin.as().get(distribution(999999)).then(), 404, "not-found");
        Session otherStore = Api.openStore("Another store");
        problem(otherStore.as().get(distribution(pool)).then(), 404, "not-found");
        problem(otherStore.as().post(distribution(pool) + "/run").then(), 404, "not-found");

        String etag = admin.as().get(distribution(pool)).then().extract().header("ETag");
        admin.as().header("If-Match", etag).body(Map.of("mode", "CAPACITY", "afterDays", 3)).put(distribution(pool))
                .then().statusCode(200).header("ETag", equalTo("\"1\"")).body("afterDays", equalTo(3))
                .body("returningBuyerDays", equalTo(0));
        problem(admin.as().header("If-Match", etag).body(Map.of("mode", "OFF")).put(distribution(pool)).then(),
                412, "precondition-failed");
        manager.as().get(distribution(pool)).then().statusCode(200).body("mode", equalTo("CAPACITY"));

        // Leave: both days, in order.
        problem(admin.as().body(Map.of("from", "2027-01-05", "until", "2027-01-01"))
                .put("/api/v1/users/" + rep.userId() + "/leave").then(), 400, "validation");
        problem(admin.as().body(Map.of()).put("/api/v1/users/" + rep.userId() + "/leave").then(), 400, "validation");
        problem(manager.as().body(Map.of("from", "2027-01-01", "until", "2027-01-05"))
                .put("/api/v1/users/" + rep.userId() + "/leave").then(), 403, "forbidden");
        admin.as().get("/api/v1/users/" + rep.userId()).then().body("leave", nullValue());
        assertTrue(PoolHelper.count(db, "select count(*) from pool_distribution where store_id = ?", admin.storeId()) == 2,
                "every pool has its settings row, the default one included");
    }
}
