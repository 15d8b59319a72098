package com.harborcrm.view;

import static com.harborcrm.testing.Api.problem;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.harborcrm.testing.Api;
import com.harborcrm.testing.Api.Session;
import com.harborcrm.testing.Customers;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class SavedViewTest {

    @Test
    void usersSaveNameAndReuseTheirOwnScreens() {
        Session admin = Api.openStore("Views");
        Session rep = Api.addUser(admin, "REP");
        Session otherRep = Api.addUser(admin, "REP");
        long hot = Customers.createId(rep, "stars", 3, "country", "US");
        long warm = Customers.createId(rep, "stars", 2, "country", "US", "email", "w@example.com");
        Customers.createId(rep, "stars", 3, "country", "CN");
        Customers.createId(otherRep, "stars", 3, "country", "US");

        long id = rep.as().body(Map.of("name", "US intent", "filter", Map.of("country", List.of("US"), "stars", List.of(2, 3)),
                        "sort", "-score"))
                .post("/api/v1/views").then().statusCode(201)
                .body("name", equalTo("US intent"))
                .body("filter.country", contains("US"))
                .body("sort", equalTo("-score"))
                .extract().jsonPath().getLong("id");
        rep.as().get("/api/v1/customers?view=" + id).then().statusCode(200)
                .body("items.id", contains((int) warm, (int) hot));
        rep.as().get("/api/v1/customers?view=" + id + "&sort=createdAt").then()
                .body("items.id", contains((int) hot, (int) warm));

        problem(rep.as().body(Map.of("name", "us INTENT")).post("/api/v1/views").then(), 409, "conflict");
        rep.as().body(Map.of("name", "Later")).post("/api/v1/views").then().statusCode(201).body("sort", equalTo("-createdAt"));
        rep.as().get("/api/v1/views").then().body("items.name", contains("Later", "US intent"));
        rep.as().header("If-Match", "\"0\"").body(Map.of("name", "US hot", "filter", Map.of("stars", List.of(3))))
                .put("/api/v1/views/" + id).then().statusCode(200).body("version", equalTo(1)).body("sort", equalTo("-createdAt"));
        problem(rep.as().header("If-Match", "\"0\"").body(Map.of("name", "x")).put("/api/v1/views/" + id).then(),
                412, "precondition-failed");

        // Views are private: another user can neither read, use, change nor delete them.
        problem(otherRep.as().get("/api/v1/views/" + id).then(), 404, "not-found");
        problem(otherRep.as().body(Map.of("name", "Mine")).put("/api/v1/views/" + id).then(), 404, "not-found");
        problem(otherRep.as().delete("/api/v1/views/" + id).then(), 404, "not-found");
        problem(otherRep.as().get("/api/v1/customers?view=" + id).then(), 400, "validation")
                .body("errors[0].field", equalTo("view"));
        otherRep.as().get("/api/v1/views").then().body("items", hasSize(0));
        problem(Api.openStore("Views stranger").as().get("/api/v1/views/" + id).then(), 404, "not-found");

        rep.as().delete("/api/v1/views/" + id).then().statusCode(204);
        problem(rep.as().get("/api/v1/views/" + id).then(), 404, "not-found");
    }

    @Test
    void invalidViewsAreFieldErrors() {
        Session admin = Api.openStore("Views validation");
        problem(admin.as().body(Map.of("name", "", "sort", "colour", "filter", Map.of("stars", List.of(7), "country", List.of("XX"))))
                .post("/api/v1/views").then(), 400, "validation").body("errors.field", containsInAnyOrder("name"));
        problem(admin.as().body(Map.of("name", "A", "sort", "colour")).post("/api/v1/views").then(), 400, "validation")
                .body("errors.field", contains("sort"));
        problem(admin.as().body(Map.of("name", "A", "filter", Map.of("stars", List.of(7), "country", List.of("XX"),
                        "cf", Map.of("nope", "1")))).post("/api/v1/views").then(), 400, "validation")
                .body("errors.field", containsInAnyOrder("filter.stars", "filter.country", "filter.cf.nope"));
        problem(admin.as().body(Map.of("name", "A", "filter", Map.of("stage", List.of("HOT")))).post("/api/v1/views").then(),
                400, "validation").body("errors[0].field", equalTo("filter.stage[0]"));
        problem(admin.as().get("/api/v1/customers?view=abc").then(), 400, "validation");
    }
}
