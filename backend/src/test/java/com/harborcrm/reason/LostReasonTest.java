package com.harborcrm.reason;

import static com.harborcrm.testing.Api.problem;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.harborcrm.testing.Api;
import com.harborcrm.testing.Api.Session;
import com.harborcrm.testing.Customers;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class LostReasonTest {

    @Test
    void adminsManageReasonsEveryoneReads() {
        Session admin = Api.openStore("Reasons");
        Session manager = Api.addUser(admin, "MANAGER");
        Session rep = Api.addUser(admin, "REP");
        rep.as().get("/api/v1/lost-reasons").then().statusCode(200)
                .body("items.name", contains(LostReasonService.DEFAULTS.toArray()))
                .body("items.position", contains(1, 2, 3, 4, 5, 6, 7, 8, 9));

        var created = admin.as().body(Map.of("name", "  Payment terms ")).post("/api/v1/lost-reasons").then()
                .statusCode(201).header("ETag", "\"0\"").extract();
        long id = created.jsonPath().getLong("id");
        org.junit.jupiter.api.Assertions.assertEquals("Payment terms", created.jsonPath().getString("name"));
        org.junit.jupiter.api.Assertions.assertEquals(10, created.jsonPath().getInt("position"));
        org.junit.jupiter.api.Assertions.assertTrue(created.header("Location").endsWith("/api/v1/lost-reasons/" + id));

        problem(admin.as().body(Map.of("name", "payment TERMS")).post("/api/v1/lost-reasons").then(), 409, "reason-name-taken")
                .body("errors.field", contains("name"));
        problem(admin.as().body(Map.of("name", " ")).post("/api/v1/lost-reasons").then(), 400, "validation")
                .body("errors.field", contains("name"));
        problem(manager.as().body(Map.of("name", "Mine")).post("/api/v1/lost-reasons").then(), 403, "forbidden");
        problem(rep.as().body(Map.of("archived", true)).patch("/api/v1/lost-reasons/" + id).then(), 403, "forbidden");
        problem(rep.as().delete("/api/v1/lost-reasons/" + id).then(), 403, "forbidden");

        admin.as().body(Map.of("name", "Payment", "position", 1)).patch("/api/v1/lost-reasons/" + id).then()
                .statusCode(200).header("ETag", "\"1\"").body("name", equalTo("Payment")).body("position", equalTo(1));
        problem(admin.as().header("If-Match", "\"0\"").body(Map.of("archived", true)).patch("/api/v1/lost-reasons/" + id)
                .then(), 412, "precondition-failed");
        problem(admin.as().body(Map.of("archived", "yes", "id", 3, "colour", "red")).patch("/api/v1/lost-reasons/" + id)
                .then(), 400, "validation").body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("archived", "id", "colour"));
        problem(admin.as().body(Map.of("name", "Price")).patch("/api/v1/lost-reasons/" + id).then(), 409, "reason-name-taken");
        rep.as().get("/api/v1/lost-reasons").then().body("items[0].name", equalTo("Payment"))
                .body("items.position", contains(1, 2, 3, 4, 5, 6, 7, 8, 9, 10))
                .body("items[1].name", equalTo("Product quality"));

        // Never used: deleted.
        admin.as().delete("/api/v1/lost-reasons/" + id).then().statusCode(204);
        problem(admin.as().delete("/api/v1/lost-reasons/" + id).then(), 404, "not-found");
        rep.as().get("/api/v1/lost-reasons").then().body("items.name", not(hasItem("Payment")));
    }

    @Test
    void aUsedReasonIsArchivedNotDeletedAndNoLongerChosen() {
        Session admin = Api.openStore("Used reasons");
        Session rep = Api.addUser(admin, "REP");
        long lostWith = admin.as().body(Map.of("name", "Too far")).post("/api/v1/lost-reasons").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        long releasedWith = admin.as().body(Map.of("name", "Not mine")).post("/api/v1/lost-reasons").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        long one = Customers.createId(rep);
        long two = Customers.createId(rep);
        rep.as().body(Map.of("reasonId", lostWith)).post("/api/v1/customers/" + one + "/lost").then().statusCode(200);
        rep.as().body(Map.of("reasonId", releasedWith)).post("/api/v1/customers/" + two + "/release").then().statusCode(200);

        problem(admin.as().delete("/api/v1/lost-reasons/" + lostWith).then(), 409, "reason-in-use");
        problem(admin.as().delete("/api/v1/lost-reasons/" + releasedWith).then(), 409, "reason-in-use");
        // Even once the customer is gone: its history stays in the statistics.
        admin.as().delete("/api/v1/customers/" + one).then().statusCode(204);
        problem(admin.as().delete("/api/v1/lost-reasons/" + lostWith).then(), 409, "reason-in-use");

        admin.as().body(Map.of("archived", true)).patch("/api/v1/lost-reasons/" + lostWith).then().statusCode(200)
                .body("archived", equalTo(true));
        long three = Customers.createId(rep);
        problem(rep.as().body(Map.of("reasonId", lostWith)).post("/api/v1/customers/" + three + "/lost").then(), 400,
                "validation").body("errors.field", contains("reasonId"));
        problem(rep.as().body(Map.of("reasonId", lostWith)).post("/api/v1/customers/" + three + "/release").then(), 400,
                "validation");
        admin.as().get("/api/v1/stats/churn").then().statusCode(200)
                .body("reasons.find { it.reasonId == " + lostWith + " }.archived", equalTo(true))
                .body("reasons.find { it.reasonId == " + lostWith + " }.name", equalTo("Too far"));
        admin.as().body(Map.of("archived", false)).patch("/api/v1/lost-reasons/" + lostWith).then().statusCode(200);
        rep.as().body(Map.of("reasonId", lostWith)).post("/api/v1/customers/" + three + "/lost").then().statusCode(200);
    }

    @Test
    void anotherStoresReasonsAreNotFound() {
        Session admin = Api.openStore("Reasons A");
        Session other = Api.openStore("Reasons B");
        long theirs = other.as().get("/api/v1/lost-reasons").then().extract().jsonPath().getLong("items[0].id");
        problem(admin.as().body(Map.of("archived", true)).patch("/api/v1/lost-reasons/" + theirs).then(), 404, "not-found");
        problem(admin.as().delete("/api/v1/lost-reasons/" + theirs).then(), 404, "not-found");
        long customer = Customers.createId(admin);
        problem(admin.as().body(Map.of("reasonId", theirs)).post("/api/v1/customers/" + customer + "/lost").then(), 400,
                "validation").body("errors.field", contains("reasonId"));
    }
}
