package com.harborcrm.pool;

import static com.harborcrm.testing.Api.problem;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.harborcrm.testing.Api;
import com.harborcrm.testing.Api.Session;
import com.harborcrm.testing.Customers;
import com.harborcrm.testing.MutableClock;
import com.harborcrm.testing.PoolHelper;

import io.quarkus.test.junit.QuarkusTest;

/** Several pools per store (pools v2, V94): members, visibility, moves, and customers returning to their pool. */
@QuarkusTest
class PoolsTest {

    @Inject
    DataSource db;

    @Inject
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    static long createPool(Session admin, String name, List<Long> memberIds) {
        return admin.as().body(Map.of("name", name, "memberIds", memberIds)).post("/api/v1/pools").then()
                .statusCode(201).extract().jsonPath().getLong("id");
    }

    static void move(Session as, long poolId, List<Long> customerIds) {
        as.as().body(Map.of("customerIds", customerIds)).post("/api/v1/pools/" + poolId + "/customers").then()
                .statusCode(200);
    }

    long poolOf(Session store, long customerId) {
        return PoolHelper.count(db, "select pool_id from customer_owners where store_id = ? and customer_id = ?",
                store.storeId(), customerId);
    }

    @Test
    void aStoreStartsWithOneDefaultPoolOpenToEveryoneThatTakesItsNewCustomers() {
        Session admin = Api.openStore("One pool");
        Session rep = Api.addUser(admin, "REP");
        long inPool = PoolHelper.poolCustomer(admin);
        long owned = Customers.createId(rep);

        var pools = rep.as().get("/api/v1/pools").then().statusCode(200)
                .body("items.size()", equalTo(1))
                .body("items[0].isDefault", equalTo(true)).body("items[0].everyone", equalTo(true))
                .body("items[0].memberIds", empty()).body("items[0].customerCount", equalTo(1))
                .extract().jsonPath();
        long main = pools.getLong("items[0].id");
        assertEquals(main, poolOf(admin, inPool));
        // An owned customer remembers the pool it would return to.
        assertEquals(main, poolOf(admin, owned));
        rep.as().get("/api/v1/pool?poolId=" + main).then().statusCode(200).body("items.id", contains((int) inPool));
        admin.as().get("/api/v1/customers?poolId=" + main).then().statusCode(200)
                .body("items.id", containsInAnyOrder((int) inPool, (int) owned));
        rep.as().get("/api/v1/pools/" + main).then().statusCode(200).header("ETag", equalTo("\"0\""));
    }

    @Test
    void aRepSeesAndClaimsOnlyInThePoolsTheyBelongTo() {
        Session admin = Api.openStore("Pools by region");
        Session manager = Api.addUser(admin, "MANAGER");
        Session east = Api.addUser(admin, "REP");
        Session west = Api.addUser(admin, "REP");
        long mideast = createPool(admin, "Middle East", List.of(east.userId()));
        long a = PoolHelper.poolCustomer(admin, "companyName", "Dubai Hinges LLC", "email", "buyer@dubai-hinges.ae");
        long b = PoolHelper.poolCustomer(admin, "companyName", "Doha Doors");
        long everyone = PoolHelper.poolCustomer(admin, "companyName", "Lisbon Locks");
        move(manager, mideast, List.of(a, b));

        east.as().get("/api/v1/pools").then().statusCode(200).body("items.name", contains("Main pool", "Middle East"))
                .body("items[1].memberIds", contains((int) east.userId())).body("items[1].customerCount", equalTo(2));
        west.as().get("/api/v1/pools").then().statusCode(200).body("items.name", contains("Main pool"));
        problem(west.as().get("/api/v1/pools/" + mideast).then(), 404, "not-found");

        // Not the west rep's pool: not in their pool list, not found, not claimable, not even by its whole email.
        west.as().get("/api/v1/pool").then().statusCode(200).body("items.id", contains((int) everyone));
        west.as().get("/api/v1/pool?q=buyer@dubai-hinges.ae").then().statusCode(200).body("items", empty());
        west.as().get("/api/v1/pool?poolId=" + mideast).then().statusCode(200).body("items", empty());
        problem(west.as().get("/api/v1/customers/" + a).then(), 404, "not-found");
        problem(west.as().get("/api/v1/customers/" + a + "/timeline").then(), 404, "not-found");
        west.as().body(Map.of("customerIds", List.of(a, everyone))).post("/api/v1/pool/claim").then().statusCode(200)
                .body("claimed", contains((int) everyone))
                .body("failed[0].id", equalTo((int) a)).body("failed[0].reason", equalTo("NOT_FOUND"));

        east.as().get("/api/v1/pool?poolId=" + mideast).then().statusCode(200)
                .body("items.id", containsInAnyOrder((int) a, (int) b));
        east.as().get("/api/v1/customers/" + a).then().statusCode(200).body("email", equalTo("b***@dubai-hinges.ae"))
                .body("poolId", equalTo((int) mideast));
        east.as().get("/api/v1/pool?poolId=" + mideast).then().body("items.poolId", contains((int) mideast, (int) mideast));
        PoolHelper.claim(east, List.of(a));
        assertEquals(east.userId(), PoolHelper.owner(db, admin.storeId(), a));

        // Managers see every pool and filter by one.
        manager.as().get("/api/v1/pools").then().body("items.name", contains("Main pool", "Middle East"))
                .body("items[1].customerCount", equalTo(1));
        manager.as().get("/api/v1/pool?poolId=" + mideast).then().body("items.id", contains((int) b));
        manager.as().get("/api/v1/customers?poolId=" + mideast).then()
                .body("items.id", containsInAnyOrder((int) a, (int) b));

        // The inquiry inbox follows the same line: the west rep does not read the Middle East pool's inquiries.
        long asking = admin.as().header("Idempotency-Key", java.util.UUID.randomUUID().toString())
                .body(Map.of("channel", "ALIBABA", "product", "Door hinges", "message", "Please quote 5,000 pcs",
                        "contact", Map.of("name", "Omar Haddad", "email", Api.uniqueEmail("omar"))))
                .post("/api/v1/inquiries").then().statusCode(201).extract().jsonPath().getLong("customerId");
        move(admin, mideast, List.of(asking));
        west.as().get("/api/v1/inquiries").then().statusCode(200).body("items.customer.id", not(hasItem((int) asking)));
        east.as().get("/api/v1/inquiries").then().statusCode(200).body("items.customer.id", hasItem((int) asking));

        // Opening the pool to everyone opens it to the west rep too.
        admin.as().body(Map.of("name", "Middle East", "everyone", true)).put("/api/v1/pools/" + mideast).then()
                .statusCode(200).body("everyone", equalTo(true)).body("memberIds", empty());
        west.as().get("/api/v1/customers/" + b).then().statusCode(200);
    }

    private static void setTeam(Session admin, Session user, String team) {
        admin.as().body(Map.of("team", team)).patch("/api/v1/users/" + user.userId()).then().statusCode(200);
    }

    @Test
    void aTeamNamedInAPoolMakesItsUsersMembersWhateverTheLetterCaseAndFollowsThemBetweenTeams() {
        Session admin = Api.openStore("Pools by team");
        Session ana = Api.addUser(admin, "REP");
        Session bo = Api.addUser(admin, "REP");
        Session cy = Api.addUser(admin, "REP");
        setTeam(admin, ana, "Export");
        setTeam(admin, bo, "Domestic");
        long desk = admin.as().body(Map.of("name", "Export desk", "memberIds", List.of(cy.userId()),
                        "teams", List.of(" export ", "EXPORT", "Key accounts")))
                .post("/api/v1/pools").then().statusCode(201)
                // Trimmed, each once whatever its case (the first spelling kept), in alphabetical order.
                .body("teams", contains("export", "Key accounts")).body("memberIds", contains((int) cy.userId()))
                .extract().jsonPath().getLong("id");
        long customer = PoolHelper.poolCustomer(admin, "companyName", "Rotterdam Rails");
        move(admin, desk, List.of(customer));

        // Ana's team is named: she sees the pool and claims in it; Bo's is not: not found.
        ana.as().get("/api/v1/pools").then().body("items.name", contains("Main pool", "Export desk"));
        bo.as().get("/api/v1/pools").then().body("items.name", contains("Main pool"));
        problem(bo.as().get("/api/v1/customers/" + customer).then(), 404, "not-found");
        bo.as().body(Map.of("customerIds", List.of(customer))).post("/api/v1/pool/claim").then().statusCode(200)
                .body("failed[0].reason", equalTo("NOT_FOUND"));
        // The pool's distribution counts the team's reps among its recipients, the one named by id too.
        admin.as().body(Map.of("mode", "ROUND_ROBIN")).post("/api/v1/pools/" + desk + "/distribution/preview").then()
                .statusCode(200).body("recipients.userId", containsInAnyOrder((int) ana.userId(), (int) cy.userId()));

        // Bo joins the team (another spelling): the pool is his too, with nobody editing it.
        setTeam(admin, bo, "EXPORT");
        bo.as().get("/api/v1/customers/" + customer).then().statusCode(200);
        PoolHelper.claim(bo, List.of(customer));
        assertEquals(bo.userId(), PoolHelper.owner(db, admin.storeId(), customer));
        // Ana leaves it: the pool is no longer hers.
        setTeam(admin, ana, "Domestic");
        ana.as().get("/api/v1/pools").then().body("items.name", contains("Main pool"));

        // A pool without the team any more: Bo is out; opening it to everyone drops its teams.
        admin.as().body(Map.of("name", "Export desk", "memberIds", List.of(cy.userId()), "teams", List.of()))
                .put("/api/v1/pools/" + desk).then().statusCode(200).body("teams", empty());
        bo.as().get("/api/v1/pools").then().body("items.name", contains("Main pool"));
        admin.as().body(Map.of("name", "Export desk", "everyone", true, "teams", List.of("Export")))
                .put("/api/v1/pools/" + desk).then().statusCode(200).body("teams", empty()).body("everyone", equalTo(true));

        // Every bad team said at once, by its place; nothing is created.
        String tooLong = "x".repeat(81);
        problem(admin.as().body(Map.of("name", "Bad teams", "teams", java.util.Arrays.asList("", tooLong, "ok\u0000")))
                .post("/api/v1/pools").then(), 400, "validation")
                .body("errors.field", containsInAnyOrder("teams[0]", "teams[1]", "teams[2]"));
        admin.as().get("/api/v1/pools").then().body("items.name", not(hasItem("Bad teams")));
    }

    @Test
    void aReleasedOrReturnedCustomerGoesBackToItsOwnPool() {
        Session admin = Api.openStore("Back to its pool");
        Session rep = Api.addUser(admin, "REP");
        long export = createPool(admin, "Export leads", List.of(rep.userId()));
        long released = PoolHelper.poolCustomer(admin);
        long returned = PoolHelper.poolCustomer(admin);
        move(admin, export, List.of(released, returned));
        Instant t0 = LocalDate.now(ZoneOffset.UTC).plusDays(1).atTime(10, 0).toInstant(ZoneOffset.UTC);
        clock.set(t0);
        PoolHelper.claim(rep, List.of(released, returned));

        rep.as().body(Map.of("reasonId", PoolHelper.releaseReason(rep))).post("/api/v1/customers/" + released + "/release")
                .then().statusCode(200);
        clock.set(t0.plus(Duration.ofDays(31)));
        PoolHelper.sweep(admin);

        admin.as().get("/api/v1/pool?poolId=" + export).then().statusCode(200)
                .body("items.id", containsInAnyOrder((int) released, (int) returned));
        assertEquals(export, poolOf(admin, released));
        assertEquals(export, poolOf(admin, returned));
    }

    @Test
    void aNewCustomerOrInquiryGoesToTheNamedPool() {
        Session admin = Api.openStore("Into a pool");
        Session member = Api.addUser(admin, "REP");
        Session outsider = Api.addUser(admin, "REP");
        long gulf = createPool(admin, "Gulf", List.of(member.userId()));

        long pooled = PoolHelper.poolCustomer(member, "poolId", gulf);
        assertEquals(gulf, poolOf(admin, pooled));
        // Owned from the start, it remembers the pool it will return to.
        long owned = Customers.createId(member, "poolId", gulf);
        assertEquals(gulf, poolOf(admin, owned));
        member.as().get("/api/v1/customers/" + owned).then().body("poolId", equalTo((int) gulf));

        long before = PoolHelper.count(db, "select count(*) from customers where store_id = ?", admin.storeId());
        problem(outsider.as().body(Map.of("name", "Nope", "pool", true, "poolId", gulf)).post("/api/v1/customers")
                .then(), 400, "validation").body("errors[0].field", equalTo("poolId"));
        problem(admin.as().body(Map.of("name", "Nope", "pool", true, "poolId", 999_999_999L)).post("/api/v1/customers")
                .then(), 400, "validation").body("errors[0].field", equalTo("poolId"));
        problem(admin.as().body(Map.of("name", "Nope", "pool", true, "poolId", "gulf")).post("/api/v1/customers")
                .then(), 400, "validation").body("errors[0].field", equalTo("poolId"));

        Map<String, Object> inquiry = Map.of("channel", "ALIBABA", "product", "Door hinges",
                "contact", Map.of("name", "Omar Haddad", "email", Api.uniqueEmail("omar")), "poolId", gulf);
        long asking = admin.as().header("Idempotency-Key", java.util.UUID.randomUUID().toString()).body(inquiry)
                .post("/api/v1/inquiries").then().statusCode(201).extract().jsonPath().getLong("customerId");
        assertEquals(gulf, poolOf(admin, asking));
        problem(admin.as().header("Idempotency-Key", java.util.UUID.randomUUID().toString())
                .body(Map.of("channel", "ALIBABA", "contact", Map.of("name", "Ghost", "email", Api.uniqueEmail("ghost")),
                        "poolId", 999_999_999L))
                .post("/api/v1/inquiries").then(), 400, "validation").body("errors[0].field", equalTo("poolId"));
        assertEquals(before + 1, PoolHelper.count(db, "select count(*) from customers where store_id = ?", admin.storeId()));
    }

    @Test
    void anImportPutsItsNewCustomersInTheNamedPool() {
        Session admin = Api.openStore("Import into a pool");
        Session rep = Api.addUser(admin, "REP");
        long fair = createPool(admin, "Lighting fair", List.of());
        var job = com.harborcrm.io.Imports.run(admin, "Name,Email\nAmal Nasser," + Api.uniqueEmail("amal") + "\n",
                "poolId", Long.toString(fair));
        assertEquals(fair, job.getLong("options.poolId"));
        long amal = admin.as().get("/api/v1/customers?q=Amal Nasser").then().statusCode(200).extract().jsonPath()
                .getLong("items[0].id");
        assertEquals(fair, poolOf(admin, amal));
        // Owned from the import, they remember the pool to return to.
        com.harborcrm.io.Imports.run(admin, "Name\nBilal Owned\n", "target", "OWNER", "ownerId",
                Long.toString(rep.userId()), "poolId", Long.toString(fair));
        long bilal = admin.as().get("/api/v1/customers?q=Bilal Owned").then().extract().jsonPath().getLong("items[0].id");
        assertEquals(fair, poolOf(admin, bilal));

        long before = PoolHelper.count(db, "select count(*) from import_jobs where store_id = ?", admin.storeId());
        problem(com.harborcrm.io.Imports.upload(admin, "Name\nX\n".getBytes(), "poolId", "999999999").then(), 400,
                "validation").body("errors[0].field", equalTo("poolId"));
        problem(com.harborcrm.io.Imports.upload(admin, "Name\nX\n".getBytes(), "poolId", "fair").then(), 400,
                "validation").body("errors[0].field", equalTo("poolId"));
        assertEquals(before, PoolHelper.count(db, "select count(*) from import_jobs where store_id = ?", admin.storeId()));
    }

    @Test
    void aRepsBatchSkipsCustomersOfPoolsTheyAreNotInAsNotFound() {
        Session admin = Api.openStore("Batch across pools");
        Session rep = Api.addUser(admin, "REP");
        long elsewhere = createPool(admin, "Not the rep's", List.of());
        long visible = PoolHelper.poolCustomer(admin);
        long hidden = PoolHelper.poolCustomer(admin);
        move(admin, elsewhere, List.of(hidden));

        rep.as().body(Map.of("selection", Map.of("ids", List.of(visible, hidden)), "action", "RELEASE",
                "reasonId", PoolHelper.releaseReason(rep))).post("/api/v1/customers/batch").then().statusCode(200)
                .body("changed", equalTo(0))
                .body("skipped.find { it.id == " + visible + " }.reason", equalTo("ALREADY_IN_POOL"))
                .body("skipped.find { it.id == " + hidden + " }.reason", equalTo("NOT_FOUND"));
    }

    @Test
    void undoingAMergeGivesTheDuplicatesBackTheirPoolsOrTheDefaultOneWhereTheirsWasDeleted() {
        Session admin = Api.openStore("Merge across pools");
        long kept = createPool(admin, "Kept", List.of());
        long gone = createPool(admin, "Gone", List.of());
        long survivor = PoolHelper.poolCustomer(admin);
        long inKept = PoolHelper.poolCustomer(admin);
        long inGone = PoolHelper.poolCustomer(admin);
        move(admin, kept, List.of(inKept));
        move(admin, gone, List.of(inGone));
        long mergeId = admin.as().body(Map.of("duplicateIds", List.of(inKept, inGone)))
                .post("/api/v1/customers/" + survivor + "/merge").then().statusCode(200).extract().jsonPath()
                .getLong("mergeId");
        admin.as().delete("/api/v1/pools/" + gone).then().statusCode(204);

        admin.as().post("/api/v1/merges/" + mergeId + "/undo").then().statusCode(200);
        assertEquals(kept, poolOf(admin, inKept));
        assertEquals(PoolDirectory.DEFAULT_POOL, poolOf(admin, inGone));
    }

    @Test
    void anOwnerMayReleaseACustomerIntoAnotherOfTheirPools() {
        Session admin = Api.openStore("Release elsewhere");
        Session rep = Api.addUser(admin, "REP");
        long theirs = createPool(admin, "Samples", List.of(rep.userId()));
        long notTheirs = createPool(admin, "Key accounts", List.of());
        long customer = Customers.createId(rep);
        long reason = PoolHelper.releaseReason(rep);
        String release = "/api/v1/customers/" + customer + "/release";

        problem(rep.as().body(Map.of("reasonId", reason, "poolId", notTheirs)).post(release).then(), 400, "validation")
                .body("errors[0].field", equalTo("poolId"));
        assertEquals(rep.userId(), PoolHelper.owner(db, admin.storeId(), customer));
        rep.as().body(Map.of("reasonId", reason, "poolId", theirs)).post(release).then().statusCode(200)
                .body("ownerId", equalTo(null)).body("poolId", equalTo((int) theirs));
        assertEquals(1, PoolHelper.count(db, "select count(*) from customer_events where store_id = ? and customer_id = ? "
                + "and data->>'kind' = 'RELEASED' and (data->>'toPoolId')::bigint = ?", admin.storeId(), customer, theirs));
        // Without poolId, back where it came from, and the event says nothing of pools.
        long other = Customers.createId(rep, "poolId", theirs);
        rep.as().body(Map.of("reasonId", reason)).post("/api/v1/customers/" + other + "/release").then().statusCode(200)
                .body("poolId", equalTo((int) theirs));
        assertEquals(0, PoolHelper.count(db, "select count(*) from customer_events where store_id = ? and customer_id = ? "
                + "and data->>'toPoolId' is not null", admin.storeId(), other));
    }

    @Test
    void poolsRefuseBadInputAtOnceAndStayInTheirStore() {
        Session admin = Api.openStore("Pool rules of input");
        Session manager = Api.addUser(admin, "MANAGER");
        Session rep = Api.addUser(admin, "REP");
        Session stranger = Api.openStore("Pool stranger");

        problem(admin.as().body(Map.of("name", "  ", "memberIds", List.of(999_999_999L, stranger.userId())))
                .post("/api/v1/pools").then(), 400, "validation")
                .body("errors.field", containsInAnyOrder("name", "memberIds[0]", "memberIds[1]"));
        problem(admin.as().body(Map.of("name", "x".repeat(81))).post("/api/v1/pools").then(), 400, "validation")
                .body("errors[0].field", equalTo("name"));
        problem(admin.as().body(Map.of("name", "Asia", "colour", "red")).post("/api/v1/pools").then(), 400, "malformed-body")
                .body("errors[0].field", equalTo("colour"));
        problem(manager.as().body(Map.of("name", "Asia")).post("/api/v1/pools").then(), 403, "forbidden");
        problem(rep.as().body(Map.of("customerIds", List.of(1L))).post("/api/v1/pools/1/customers").then(), 403,
                "forbidden");
        assertEquals(1, PoolHelper.count(db, "select count(*) from pools where store_id = ?", admin.storeId()));

        long asia = createPool(admin, "Asia", List.of(rep.userId()));
        problem(admin.as().body(Map.of("name", "ASIA")).post("/api/v1/pools").then(), 409, "pool-name-taken")
                .body("errors[0].field", equalTo("name"));
        admin.as().header("If-Match", "\"0\"").body(Map.of("name", "Asia Pacific", "memberIds", List.of(rep.userId())))
                .put("/api/v1/pools/" + asia).then().statusCode(200).header("ETag", equalTo("\"1\""));
        problem(admin.as().header("If-Match", "\"0\"").body(Map.of("name", "Asia")).put("/api/v1/pools/" + asia).then(),
                412, "precondition-failed");

        // Another store's pool does not exist here, whatever is asked of it.
        long main = admin.as().get("/api/v1/pools").then().extract().jsonPath().getLong("items[0].id");
        problem(stranger.as().get("/api/v1/pools/" + asia).then(), 404, "not-found");
        problem(stranger.as().body(Map.of("name", "Mine")).put("/api/v1/pools/" + asia).then(), 404, "not-found");
        problem(stranger.as().delete("/api/v1/pools/" + asia).then(), 404, "not-found");
        long strangersCustomer = PoolHelper.poolCustomer(stranger);
        problem(stranger.as().body(Map.of("customerIds", List.of(strangersCustomer))).post("/api/v1/pools/" + asia
                + "/customers").then(), 404, "not-found");
        long unowned = PoolHelper.poolCustomer(admin);
        long owned = Customers.createId(rep);
        admin.as().body(Map.of("customerIds", List.of(unowned, owned, strangersCustomer)))
                .post("/api/v1/pools/" + asia + "/customers").then().statusCode(200)
                .body("moved", contains((int) unowned, (int) owned)).body("notFound", contains((int) strangersCustomer));
        long strangersMain = stranger.as().get("/api/v1/pools").then().extract().jsonPath().getLong("items[0].id");
        assertEquals(strangersMain, poolOf(stranger, strangersCustomer));
        problem(admin.as().body(Map.of("customerIds", List.of())).post("/api/v1/pools/" + asia + "/customers").then(),
                400, "validation");

        // The default pool stays; deleting another sends its customers, owned ones' memory included, to the default.
        problem(admin.as().delete("/api/v1/pools/" + main).then(), 409, "default-pool");
        admin.as().delete("/api/v1/pools/" + asia).then().statusCode(204);
        assertEquals(main, poolOf(admin, unowned));
        assertEquals(main, poolOf(admin, owned));
        admin.as().get("/api/v1/pools").then().body("items.size()", equalTo(1)).body("items[0].customerCount", equalTo(1));
        problem(admin.as().get("/api/v1/pools/" + asia).then(), 404, "not-found");
    }
}
