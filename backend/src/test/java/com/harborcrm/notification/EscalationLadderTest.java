package com.harborcrm.notification;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.harborcrm.testing.Api;
import com.harborcrm.testing.Api.Session;
import com.harborcrm.testing.Customers;
import com.harborcrm.testing.MutableClock;
import com.harborcrm.testing.PoolHelper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The escalation ladder (issue 22, item 4) end to end on PostgreSQL: the owner is warned N days before a return, the
 * owner's manager copied M days before it, and the owner told when the customer went back; each once per return
 * window, each exactly at its boundary. Then the notification list itself: order, pages, read and unread, counts,
 * and nobody else's.
 */
@QuarkusTest
class EscalationLadderTest {

    @Inject
    MutableClock clock;

    Session admin;
    Session manager;
    Session rep;
    /** Tomorrow 10:00 UTC: later than any token's issue time, so moving the clock never invalidates sessions. */
    Instant t0;

    @BeforeEach
    void openStore() {
        admin = Api.openStore("Ladder");
        manager = Api.addUser(admin, "MANAGER");
        rep = Api.addUser(admin, "REP");
        t0 = LocalDate.now(ZoneOffset.UTC).plusDays(1).atTime(10, 0).toInstant(ZoneOffset.UTC);
        clock.set(t0);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void warnTheOwnerThenCopyTheManagerThenReturnEachOnceAtItsBoundary() {
        PoolHelper.setRules(admin, "returnAfterDaysWithoutFollowUp", 10, "returnAfterDaysWithoutDeal", 0,
                "warnDaysBeforeReturn", 3, "escalateDaysBeforeReturn", 1);
        admin.as().body(Map.of("managerId", manager.userId())).put("/api/v1/users/" + rep.userId() + "/manager")
                .then().statusCode(200).body("managerId", equalTo((int) manager.userId()));
        long customer = Customers.createId(rep, "name", "Aging buyer");
        Instant due = t0.plus(Duration.ofDays(10));

        at(Duration.ofDays(7).minusSeconds(1));
        assertSweep(0, 0, 0);
        unread(rep, 0);
        at(Duration.ofDays(7));
        assertSweep(0, 1, 0);
        mine(rep).then().statusCode(200).body("unread", equalTo(1))
                .body("items.kind", contains("POOL_RETURN_WARNING"))
                .body("items[0].customer.id", equalTo((int) customer))
                .body("items[0].customer.name", equalTo("Aging buyer"))
                .body("items[0].owner.id", equalTo((int) rep.userId()))
                .body("items[0].dueAt", equalTo(due.toString()))
                .body("items[0].rule", equalTo("NO_FOLLOW_UP"))
                .body("items[0].read", equalTo(false));
        unread(manager, 0);
        // Again, and later in the same window: nothing new.
        assertSweep(0, 0, 0);
        at(Duration.ofDays(9).minusSeconds(1));
        assertSweep(0, 0, 0);
        unread(rep, 1);
        unread(manager, 0);

        at(Duration.ofDays(9));
        assertSweep(0, 0, 1);
        mine(manager).then().statusCode(200).body("unread", equalTo(1))
                .body("items.kind", contains("POOL_RETURN_ESCALATION"))
                .body("items[0].customer.id", equalTo((int) customer))
                .body("items[0].owner.id", equalTo((int) rep.userId()))
                .body("items[0].owner.name", equalTo("REP user"))
                .body("items[0].dueAt", equalTo(due.toString()));
        assertSweep(0, 0, 0);
        unread(rep, 1);

        at(Duration.ofDays(10).minusSeconds(1));
        assertSweep(0, 0, 0);
        at(Duration.ofDays(10));
        assertSweep(1, 0, 0);
        mine(rep).then().body("unread", equalTo(2))
                .body("items.kind", contains("POOL_RETURNED", "POOL_RETURN_WARNING"))
                .body("items[0].owner.id", equalTo((int) rep.userId()))
                .body("items[0].rule", equalTo("NO_FOLLOW_UP"))
                .body("items[0].customers", equalTo(1))
                .body("items[0].customer.id", equalTo((int) customer))
                .body("items[0].dueAt", nullValue());
        unread(manager, 1);
    }

    @Test
    void oneSweepsReturnsMakeOneNoticePerFormerOwnerWithHowManyAndTheirRule() {
        PoolHelper.setRules(admin, "returnAfterDaysWithoutFollowUp", 10, "returnAfterDaysWithoutDeal", 12,
                "warnDaysBeforeReturn", 0);
        Session other = Api.addUser(admin, "REP");
        long first = Customers.createId(rep, "name", "First");
        Customers.createId(rep, "name", "Second");
        long others = Customers.createId(other, "name", "Other's");
        // The rep's third is followed up on day 5: its follow-up clock runs to day 15, so the no-deal rule (day 12)
        // returns it, under another rule than the first two.
        long third = Customers.createId(rep, "name", "Third");
        at(Duration.ofDays(5));
        rep.as().body(Map.of("type", "CALL", "content", "Talked", "occurredAt", clock.instant().toString()))
                .post("/api/v1/customers/" + third + "/follow-ups").then().statusCode(201);
        at(Duration.ofDays(10));
        assertSweep(3, 0, 0);
        mine(rep).then().body("unread", equalTo(1)).body("items.kind", contains("POOL_RETURNED"))
                .body("items[0].customers", equalTo(2)).body("items[0].customer.id", equalTo((int) first))
                .body("items[0].rule", equalTo("NO_FOLLOW_UP"));
        mine(other).then().body("items.customers", contains(1)).body("items[0].customer.id", equalTo((int) others));
        at(Duration.ofDays(12));
        assertSweep(1, 0, 0);
        mine(rep).then().body("items.customers", contains(1, 2)).body("items[0].customer.id", equalTo((int) third))
                .body("items[0].rule", equalTo("NO_DEAL"));
    }

    @Test
    void aSweepOfManyChunksAddsUpItsReturnsAndMixedRulesHaveNone() {
        // 53 of the rep's customers returned by one sweep in two chunks (harbor.pool.sweep-chunk is 50 in tests): the
        // first chunk's all under no follow-up, the second's mixed; the notice adds the chunks up.
        PoolHelper.setRules(admin, "returnAfterDaysWithoutFollowUp", 10, "returnAfterDaysWithoutDeal", 12,
                "warnDaysBeforeReturn", 0);
        long first = Customers.createId(rep);
        for (int i = 1; i < 51; i++) {
            Customers.createId(rep);
        }
        long c52 = Customers.createId(rep);
        long c53 = Customers.createId(rep);
        at(Duration.ofDays(5));
        for (long id : java.util.List.of(c52, c53)) {
            rep.as().body(Map.of("type", "CALL", "content", "Talked", "occurredAt", clock.instant().toString()))
                    .post("/api/v1/customers/" + id + "/follow-ups").then().statusCode(201);
        }
        at(Duration.ofDays(12));
        assertSweep(53, 0, 0);
        mine(rep).then().body("items.customers", contains(53)).body("items[0].customer.id", equalTo((int) first))
                .body("items[0].rule", nullValue());
    }

    @Test
    void withThePoolsDistributionOnTheLastStepReassignsToAnotherRep() {
        PoolHelper.setRules(admin, "returnAfterDaysWithoutFollowUp", 10, "returnAfterDaysWithoutDeal", 0,
                "warnDaysBeforeReturn", 3, "escalateDaysBeforeReturn", 1, "reclaimCooldownDays", 7);
        Session other = Api.addUser(admin, "REP");
        admin.as().body(Map.of("mode", "ROUND_ROBIN", "afterDays", 0, "returningBuyerDays", 0))
                .put("/api/v1/pools/0/distribution").then().statusCode(200);
        long customer = Customers.createId(rep);
        at(Duration.ofDays(10));
        assertSweep(1, 0, 0);
        // The rep who lost it is in its reclaim cooldown: the pool hands it to the other rep.
        admin.as().post("/api/v1/pools/0/distribution/run").then().statusCode(200).body("assigned", equalTo(1));
        admin.as().get("/api/v1/customers/" + customer).then().statusCode(200)
                .body("ownerId", equalTo((int) other.userId()));
        mine(rep).then().body("items.kind", contains("POOL_RETURNED"));
    }

    @Test
    void aFollowUpOpensANewWindowAndAManagerWhoLeftIsNotCopied() {
        PoolHelper.setRules(admin, "returnAfterDaysWithoutFollowUp", 10, "returnAfterDaysWithoutDeal", 0,
                "warnDaysBeforeReturn", 3, "escalateDaysBeforeReturn", 2);
        setManager(rep, manager).statusCode(200);
        long customer = Customers.createId(rep);
        at(Duration.ofDays(8));
        assertSweep(0, 1, 1);
        // A follow-up on day 8 moves the return to day 18: a new window, warned again on day 15, copied on day 16.
        rep.as().body(Map.of("type", "CALL", "content", "Talked", "occurredAt", clock.instant().toString()))
                .post("/api/v1/customers/" + customer + "/follow-ups").then().statusCode(201);
        at(Duration.ofDays(15));
        assertSweep(0, 1, 0);
        unread(rep, 2);
        // The manager is deactivated: the ladder skips them.
        admin.as().body(Map.of("active", false)).patch("/api/v1/users/" + manager.userId()).then().statusCode(200);
        at(Duration.ofDays(16));
        assertSweep(0, 0, 0);
        at(Duration.ofDays(18));
        assertSweep(1, 0, 0);
        unread(rep, 3);
    }

    @Test
    void theListPagesMarksAndCountsOnlyMine() {
        PoolHelper.setRules(admin, "returnAfterDaysWithoutFollowUp", 10, "returnAfterDaysWithoutDeal", 0,
                "warnDaysBeforeReturn", 3);
        long first = Customers.createId(rep, "name", "First");
        at(Duration.ofHours(1));
        long second = Customers.createId(rep, "name", "Second");
        at(Duration.ofDays(7).plusHours(1));
        assertSweep(0, 2, 0);

        JsonPath page1 = mine(rep, "limit", 1).then().statusCode(200).body("unread", equalTo(2))
                .body("items", org.hamcrest.Matchers.hasSize(1)).extract().jsonPath();
        String cursor = page1.getString("nextCursor");
        assertNotNull(cursor);
        JsonPath page2 = mine(rep, "limit", 1, "cursor", cursor).then().statusCode(200)
                .body("items", org.hamcrest.Matchers.hasSize(1)).body("nextCursor", nullValue()).extract().jsonPath();
        long newest = page1.getLong("items[0].id");
        long older = page2.getLong("items[0].id");
        assertEquals(true, newest > older);
        assertEquals(java.util.Set.of(first, second),
                java.util.Set.of(page1.getLong("items[0].customer.id"), page2.getLong("items[0].customer.id")));

        rep.as().put("/api/v1/notifications/" + newest + "/read").then().statusCode(204);
        rep.as().put("/api/v1/notifications/" + newest + "/read").then().statusCode(204);
        unread(rep, 1);
        mine(rep, "unreadOnly", true).then().body("items.id", contains((int) older));
        mine(rep).then().body("items.read", contains(true, false));
        rep.as().delete("/api/v1/notifications/" + newest + "/read").then().statusCode(204);
        unread(rep, 2);

        // Nobody else's: another user of the store, and another store's admin, get 404 and change nothing.
        Session other = Api.addUser(admin, "REP");
        Api.problem(other.as().put("/api/v1/notifications/" + newest + "/read").then(), 404, "not-found");
        Api.problem(admin.as().delete("/api/v1/notifications/" + newest + "/read").then(), 404, "not-found");
        Session stranger = Api.openStore("Elsewhere");
        Api.problem(stranger.as().put("/api/v1/notifications/" + older + "/read").then(), 404, "not-found");
        mine(other).then().body("items", org.hamcrest.Matchers.empty()).body("unread", equalTo(0));
        unread(rep, 2);

        rep.as().post("/api/v1/notifications/read-all").then().statusCode(200).body("marked", equalTo(2));
        rep.as().post("/api/v1/notifications/read-all").then().statusCode(200).body("marked", equalTo(0));
        unread(rep, 0);

        Api.problem(rep.as().queryParam("unreadOnly", "yes").get("/api/v1/notifications").then(), 400, "validation")
                .body("errors.field", hasItem("unreadOnly"));
        Api.problem(rep.as().queryParam("limit", 0).get("/api/v1/notifications").then(), 400, "validation")
                .body("errors.field", hasItem("limit"));
        Api.problem(rep.as().queryParam("cursor", "%%%").get("/api/v1/notifications").then(), 400, "validation")
                .body("errors.field", hasItem("cursor"));
    }

    @Test
    void aManagerIsAnActiveManagerOrAdminOfTheStoreAndNotTheUser() {
        Session otherRep = Api.addUser(admin, "REP");
        Session stranger = Api.openStore("Elsewhere");
        Api.problem(setManager(rep, rep), 400, "validation").body("errors[0].field", equalTo("managerId"));
        Api.problem(setManager(rep, otherRep), 400, "validation").body("errors[0].field", equalTo("managerId"));
        Api.problem(setManager(rep, stranger), 400, "validation").body("errors[0].code", equalTo("UNKNOWN"));
        Api.problem(admin.as().body(Map.of()).put("/api/v1/users/" + rep.userId() + "/manager").then(), 400,
                "validation").body("errors.field", hasItem("managerId"));
        admin.as().get("/api/v1/users/" + rep.userId()).then().body("managerId", nullValue());
        setManager(rep, admin).statusCode(200).body("managerId", equalTo((int) admin.userId()));
        Api.problem(rep.as().body(Map.of("managerId", manager.userId())).put("/api/v1/users/" + rep.userId()
                + "/manager").then(), 403, "forbidden");
        Api.problem(stranger.as().body(Map.of("managerId", stranger.userId())).put("/api/v1/users/" + rep.userId()
                + "/manager").then(), 404, "not-found");
        admin.as().get("/api/v1/users/" + rep.userId()).then().body("managerId", equalTo((int) admin.userId()));
        admin.as().delete("/api/v1/users/" + rep.userId() + "/manager").then().statusCode(200)
                .body("managerId", nullValue());
    }

    @Test
    void theEscalationDaysComeBeforeEveryReturnRule() {
        Api.problem(admin.as().body(PoolHelper.rules("returnAfterDaysWithoutFollowUp", 10, "warnDaysBeforeReturn", 3,
                "escalateDaysBeforeReturn", 10, "stageFollowUpDays", Map.of("INQUIRY", 5)))
                .put("/api/v1/pool/rules").then(), 400, "validation")
                .body("errors.field", org.hamcrest.Matchers.everyItem(equalTo("escalateDaysBeforeReturn")))
                .body("errors.code", hasItem("LESS_THAN_FIELD"))
                .body("errors", org.hamcrest.Matchers.hasSize(2));
        Api.problem(admin.as().body(PoolHelper.rules("escalateDaysBeforeReturn", 366)).put("/api/v1/pool/rules").then(),
                400, "validation").body("errors.field", hasItem("escalateDaysBeforeReturn"));
        admin.as().get("/api/v1/pool/rules").then().body("escalateDaysBeforeReturn", equalTo(0));
        PoolHelper.setRules(admin, "escalateDaysBeforeReturn", 2);
        admin.as().get("/api/v1/pool/rules").then().body("escalateDaysBeforeReturn", equalTo(2));
        // A new pool starts with the default pool's rules, this one included.
        long pool = admin.as().body(Map.of("name", "Europe", "memberIds", java.util.List.of())).post("/api/v1/pools").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        admin.as().queryParam("poolId", pool).get("/api/v1/pool/rules").then()
                .body("escalateDaysBeforeReturn", equalTo(2));
        // Absent from a PUT (an older client), it is off.
        PoolHelper.setRules(admin);
        admin.as().get("/api/v1/pool/rules").then().body("escalateDaysBeforeReturn", equalTo(0));
    }

    private void at(Duration sinceT0) {
        clock.set(t0.plus(sinceT0));
    }

    private void assertSweep(int returned, int warned, int escalated) {
        JsonPath result = PoolHelper.sweep(admin);
        assertEquals(returned, result.getInt("returned"), "returned");
        assertEquals(warned, result.getInt("warned"), "warned");
        assertEquals(escalated, result.getInt("escalated"), "escalated");
    }

    private io.restassured.response.ValidatableResponse setManager(Session user, Session manager) {
        return admin.as().body(Map.of("managerId", manager.userId())).put("/api/v1/users/" + user.userId() + "/manager")
                .then();
    }

    private static io.restassured.response.Response mine(Session who, Object... params) {
        var request = who.as();
        for (int i = 0; i + 1 < params.length; i += 2) {
            request = request.queryParam((String) params[i], params[i + 1]);
        }
        return request.get("/api/v1/notifications");
    }

    private static void unread(Session who, int expected) {
        who.as().get("/api/v1/notifications/count").then().statusCode(200).body("unread", equalTo(expected));
    }
}
