package com.harborcrm.customer;

import static com.harborcrm.testing.Api.problem;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.harborcrm.testing.Api;
import com.harborcrm.testing.Api.Session;
import com.harborcrm.testing.Customers;

import io.quarkus.test.junit.QuarkusTest;

/** Inputs that databases and parsers choke on must come back as 4xx problems, never as 500. */
@QuarkusTest
class HostileInputTest {

    @Test
    void nulCharactersAndOversizedValuesAreRefused() {
        Session admin = Api.openStore("Hostile");
        long id = Customers.createId(admin);
        problem(admin.as().body(Map.of("name", "A\u0000B")).post("/api/v1/customers").then(), 400, "validation")
                .body("errors[0].field", equalTo("name"));
        problem(admin.as().body(Map.of("name", "A", "imAccounts", List.of(Map.of("channel", "LINE", "handle", "x\u0000"))))
                .post("/api/v1/customers").then(), 400, "validation")
                .body("errors[0].field", equalTo("imAccounts[0].handle"));
        problem(admin.as().body(Map.of("notes", "\u0000")).patch("/api/v1/customers/" + id).then(), 400, "validation");
        problem(admin.as().queryParam("q", "a\u0000").get("/api/v1/customers").then(), 400, "validation")
                .body("errors[0].field", equalTo("q"));
        problem(admin.as().body(Map.of("name", "T\u0000", "color", "#000000")).post("/api/v1/tags").then(), 400, "validation");
        problem(admin.as().body(Map.of("type", "NOTE", "content", "\u0000")).post("/api/v1/customers/" + id + "/follow-ups")
                .then(), 400, "validation");
        problem(admin.as().body(Map.of("name", "A", "phone", "+" + "1".repeat(40))).post("/api/v1/customers").then(),
                400, "validation").body("errors[0].field", equalTo("phone"));
        problem(admin.as().body(Map.of("name", "A", "stars", 1e12)).post("/api/v1/customers").then(), 400, "validation")
                .body("errors[0].field", equalTo("stars"));
        problem(admin.as().body(Map.of("name", "A", "imAccounts", List.of(Map.of("channel", 2, "handle", "x"))))
                .post("/api/v1/customers").then(), 400, "validation")
                .body("errors[0].field", equalTo("imAccounts[0].channel"));
        problem(admin.as().body(Map.of("name", "A", "purchaseCategories", java.util.Arrays.asList("ok", null)))
                .post("/api/v1/customers").then(), 400, "validation")
                .body("errors[0].field", equalTo("purchaseCategories[1]"));
        problem(admin.as().body("null").post("/api/v1/customers").then(), 400, "validation");
        problem(admin.as().body("\"text\"").patch("/api/v1/customers/" + id).then(), 400, "malformed-body");
        problem(admin.as().get("/api/v1/customers/" + id + "/timeline?limit=abc").then(), 400, "validation");
        admin.as().get("/api/v1/customers/" + id).then().statusCode(200).body("version", equalTo(0));
    }
}
