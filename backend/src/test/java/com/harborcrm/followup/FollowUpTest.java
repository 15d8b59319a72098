package com.harborcrm.followup;

import static com.harborcrm.testing.Api.problem;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.harborcrm.customer.PotentialScore;
import com.harborcrm.testing.Api;
import com.harborcrm.testing.Api.Session;
import com.harborcrm.testing.Customers;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class FollowUpTest {

    static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    static String path(long customer) {
        return "/api/v1/customers/" + customer + "/follow-ups";
    }

    static long record(Session as, long customer, Instant occurredAt, Instant next) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("type", "CALL", "content", "Called at " + occurredAt,
                "occurredAt", occurredAt.toString()));
        if (next != null) {
            body.put("nextFollowUpAt", next.toString());
        }
        return as.as().body(body).post(path(customer)).then().statusCode(201).extract().jsonPath().getLong("id");
    }

    @Test
    void recordingSetsTheCustomersFollowUpDatesAndScore() {
        Session admin = Api.openStore("Follow-ups");
        Session rep = Api.addUser(admin, "REP");
        long customer = Customers.createId(rep);
        Instant next = NOW.plus(Duration.ofDays(3));
        rep.as().body(Map.of("type", "EMAIL", "content", "Sent the catalogue", "nextFollowUpAt", next.toString()))
                .post(path(customer)).then().statusCode(201)
                .header("Location", notNullValue())
                .body("type", equalTo("EMAIL"))
                .body("authorId", equalTo((int) rep.userId()))
                .body("authorName", equalTo("REP user"))
                .body("occurredAt", notNullValue())
                .body("nextFollowUpAt", equalTo(next.toString()));
        var file = rep.as().get("/api/v1/customers/" + customer).then().extract().jsonPath();
        assertEquals(next, Instant.parse(file.getString("nextFollowUpAt")));
        assertEquals(PotentialScore.RECENT_ACTIVITY, file.getInt("potentialScore"));

        // An older contact recorded later changes neither the last contact nor the plan.
        record(rep, customer, NOW.minus(Duration.ofDays(40)), null);
        rep.as().get("/api/v1/customers/" + customer).then()
                .body("lastFollowUpAt", equalTo(file.getString("lastFollowUpAt")))
                .body("nextFollowUpAt", equalTo(next.toString()));
    }

    @Test
    void invalidFollowUpsAreRefused() {
        Session admin = Api.openStore("Follow-up validation");
        long customer = Customers.createId(admin);
        problem(admin.as().body(Map.of()).post(path(customer)).then(), 400, "validation")
                .body("errors.field", containsInAnyOrder("type", "content"));
        problem(admin.as().body(Map.of("type", "CALL", "content", "x".repeat(10_001))).post(path(customer)).then(),
                400, "validation").body("errors[0].field", equalTo("content"));
        admin.as().body(Map.of("type", "CALL", "content", "x".repeat(10_000))).post(path(customer)).then().statusCode(201);
        problem(admin.as().body(Map.of("type", "CALL", "content", "later", "occurredAt", NOW.plus(Duration.ofHours(1)).toString()))
                .post(path(customer)).then(), 400, "validation").body("errors[0].field", equalTo("occurredAt"));
        problem(admin.as().body(Map.of("type", "CALL", "content", "x", "occurredAt", NOW.minusSeconds(60).toString(),
                        "nextFollowUpAt", NOW.minusSeconds(120).toString()))
                .post(path(customer)).then(), 400, "validation").body("errors[0].field", equalTo("nextFollowUpAt"));
        problem(admin.as().body(Map.of("type", "FAX", "content", "x")).post(path(customer)).then(), 400, "validation")
                .body("errors[0].field", equalTo("type"));
        problem(admin.as().body(Map.of("type", "CALL", "content", "x", "occurredAt", "yesterday")).post(path(customer))
                .then(), 400, "malformed-body").body("errors[0].field", equalTo("occurredAt"));
        problem(admin.as().body(Map.of("type", "CALL", "content", "x")).post(path(987654321)).then(), 404, "not-found");
    }

    @Test
    void authorsAndManagersChangeFollowUpsOthersCannot() {
        Session admin = Api.openStore("Follow-up rights");
        Session manager = Api.addUser(admin, "MANAGER");
        Session rep = Api.addUser(admin, "REP");
        Session otherRep = Api.addUser(admin, "REP");
        long customer = Customers.createId(rep);
        long mine = record(rep, customer, NOW.minusSeconds(3600), null);
        long managers = record(manager, customer, NOW.minusSeconds(1800), NOW.plus(Duration.ofDays(1)));

        rep.as().header("If-Match", "\"0\"").body(Map.of("content", "Called, left a message", "type", "NOTE"))
                .patch(path(customer) + "/" + mine).then().statusCode(200)
                .body("content", equalTo("Called, left a message")).body("type", equalTo("NOTE")).body("version", equalTo(1));
        problem(rep.as().header("If-Match", "\"0\"").body(Map.of("content", "again")).patch(path(customer) + "/" + mine)
                .then(), 412, "precondition-failed");
        problem(rep.as().body(Map.of("content", "mine now")).patch(path(customer) + "/" + managers).then(), 403, "forbidden");
        problem(rep.as().delete(path(customer) + "/" + managers).then(), 403, "forbidden");
        problem(otherRep.as().body(Map.of("content", "x")).patch(path(customer) + "/" + mine).then(), 404, "not-found");
        problem(otherRep.as().get(path(customer)).then(), 404, "not-found");
        problem(otherRep.as().body(Map.of("type", "CALL", "content", "x")).post(path(customer)).then(), 404, "not-found");
        problem(rep.as().body(Map.of("authorId", otherRep.userId(), "content", "", "mood", "good", "occurredAt", "soon"))
                .patch(path(customer) + "/" + mine).then(), 400, "validation")
                .body("errors.field", containsInAnyOrder("authorId", "content", "mood", "occurredAt"));
        manager.as().body(Map.of("content", "Reviewed")).patch(path(customer) + "/" + mine).then().statusCode(200);

        // Deleting the latest follow-up falls back to the one before, plan included.
        manager.as().delete(path(customer) + "/" + managers).then().statusCode(204);
        var file = rep.as().get("/api/v1/customers/" + customer).then().extract().jsonPath();
        assertEquals(NOW.minusSeconds(3600), Instant.parse(file.getString("lastFollowUpAt")));
        assertNull(file.getString("nextFollowUpAt"));
        rep.as().delete(path(customer) + "/" + mine).then().statusCode(204);
        rep.as().get("/api/v1/customers/" + customer).then().body("lastFollowUpAt", nullValue());
        problem(rep.as().delete(path(customer) + "/" + mine).then(), 404, "not-found");

        Session stranger = Api.openStore("Follow-up stranger");
        problem(stranger.as().get(path(customer)).then(), 404, "not-found");
        problem(stranger.as().body(Map.of("type", "CALL", "content", "x")).post(path(customer)).then(), 404, "not-found");
    }

    @Test
    void oneFollowUpIsReadWithItsVersionForAnEdit() {
        Session admin = Api.openStore("One follow-up");
        Session rep = Api.addUser(admin, "REP");
        long customer = Customers.createId(rep);
        long id = record(rep, customer, NOW.minus(Duration.ofHours(1)), null);
        String etag = rep.as().get(path(customer) + "/" + id).then().statusCode(200)
                .body("id", equalTo((int) id)).body("type", equalTo("CALL")).body("authorName", equalTo("REP user"))
                .body("version", equalTo(0)).header("ETag", equalTo("\"0\"")).extract().header("ETag");
        rep.as().header("If-Match", etag).body(Map.of("content", "Corrected")).patch(path(customer) + "/" + id).then()
                .statusCode(200);
        rep.as().get(path(customer) + "/" + id).then().body("content", equalTo("Corrected"))
                .header("ETag", equalTo("\"1\""));
        // Another customer's path, or another store: not found.
        long other = Customers.createId(rep);
        Api.problem(rep.as().get(path(other) + "/" + id).then(), 404, "not-found");
        Api.problem(Api.openStore("One follow-up elsewhere").as().get(path(customer) + "/" + id).then(), 404,
                "not-found");
    }

    @Test
    void listIsNewestFirstAndPagesWithoutGapsOrRepeats() {
        Session admin = Api.openStore("Follow-up list");
        long customer = Customers.createId(admin);
        long other = Customers.createId(admin);
        record(admin, other, NOW.minusSeconds(5), null);
        List<Long> expected = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            // Two follow-ups share each instant: the id breaks the tie.
            Instant at = NOW.minus(Duration.ofMinutes(10 - i / 2));
            expected.add(0, record(admin, customer, at, null));
        }
        List<Long> seen = new ArrayList<>();
        String cursor = null;
        do {
            var request = admin.as().queryParam("limit", 3);
            if (cursor != null) {
                request = request.queryParam("cursor", cursor);
            }
            var page = request.get(path(customer)).then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.id", Long.class));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertEquals(expected, seen);
        problem(admin.as().get(path(customer) + "?cursor=bogus").then(), 400, "validation");
        problem(admin.as().get(path(customer) + "?limit=201").then(), 400, "validation");
        admin.as().get(path(customer) + "?limit=1").then().body("items", hasSize(1)).body("nextCursor", notNullValue());
        admin.as().get(path(customer) + "?limit=1").then().body("items[0].id", equalTo(expected.get(0).intValue()));
    }
}
