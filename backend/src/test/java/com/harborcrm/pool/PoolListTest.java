package com.harborcrm.pool;

import static com.harborcrm.testing.Api.problem;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.harborcrm.testing.Api;
import com.harborcrm.testing.Api.Session;
import com.harborcrm.testing.Customers;
import com.harborcrm.testing.PoolHelper;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class PoolListTest {

    @Test
    void everyRoleSeesThePoolBestPotentialFirstWithTheScreeningFilters() {
        Session admin = Api.openStore("Pool list");
        Session rep = Api.addUser(admin, "REP");
        long plain = PoolHelper.poolCustomer(admin);
        long best = PoolHelper.poolCustomer(admin, "email", "best@buyer.com", "phone", "+1 312 555 0101", "stage", "INQUIRY");
        long middle = PoolHelper.poolCustomer(admin, "email", "mid@buyer.com");
        long privateOne = Customers.createId(rep, "email", "mine@buyer.com", "phone", "+1 312 555 0102");

        rep.as().get("/api/v1/pool").then().statusCode(200)
                .body("items.id", contains((int) best, (int) middle, (int) plain))
                .body("items.ownerId", contains(nullValue(), nullValue(), nullValue()))
                .body("items.id", not(hasItem((int) privateOne)))
                .body("nextCursor", nullValue());
        var first = rep.as().get("/api/v1/pool?limit=2&includeTotal=true").then().statusCode(200)
                .body("items.id", contains((int) best, (int) middle)).body("total", equalTo(3))
                .extract().jsonPath();
        rep.as().queryParam("limit", 2).queryParam("cursor", first.getString("nextCursor")).get("/api/v1/pool")
                .then().statusCode(200).body("items.id", contains((int) plain)).body("nextCursor", nullValue());
        // A bounded count of the pool alone (the rep's private customer is not in it).
        rep.as().get("/api/v1/pool?limit=1&countUpTo=2").then().statusCode(200)
                .body("total", equalTo(2)).body("totalCapped", equalTo(true));
        rep.as().get("/api/v1/pool?limit=1&countUpTo=3").then().body("total", equalTo(3)).body("totalCapped", equalTo(false));
        problem(rep.as().get("/api/v1/pool?countUpTo=0").then(), 400, "validation")
                .body("errors[0].field", equalTo("countUpTo"));
        rep.as().get("/api/v1/pool?hasEmail=true&stage=INQUIRY").then().statusCode(200)
                .body("items.id", contains((int) best));
        rep.as().get("/api/v1/pool?sort=score").then().statusCode(200)
                .body("items.id", contains((int) plain, (int) middle, (int) best));
        rep.as().get("/api/v1/pool?ownerId=none").then().statusCode(200).body("items.size()", equalTo(3));
        problem(rep.as().get("/api/v1/pool?ownerId=" + rep.userId()).then(), 400, "validation")
                .body("errors[0].field", equalTo("ownerId"));
        problem(rep.as().get("/api/v1/pool?stage=WON").then(), 400, "validation");
        problem(rep.as().get("/api/v1/pool?stagee=INQUIRY").then(), 400, "validation");
        Api.openStore("Another").as().get("/api/v1/pool").then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void repsSeePoolContactsMaskedEverywhereManagersSeeThemWhole() {
        Session admin = Api.openStore("Masking");
        Session manager = Api.addUser(admin, "MANAGER");
        Session rep = Api.addUser(admin, "REP");
        long id = PoolHelper.poolCustomer(admin, "email", "john.doe@example.com", "phone", "+1 312 555 4321",
                "mobile", "138 0013 8000", "fax", "+86 21 5555 1234");
        admin.as().body(Map.of("type", "EMAIL", "content", "Wrote to john.doe@example.com, called +1 312 555 4321"))
                .post("/api/v1/customers/" + id + "/follow-ups").then().statusCode(201);

        rep.as().get("/api/v1/pool").then().statusCode(200)
                .body("items[0].email", equalTo("j***@example.com"))
                .body("items[0].phone", equalTo("*** *** 4321"))
                .body("items[0].mobile", equalTo("*** *** 8000"))
                .body("items[0].fax", equalTo("*** *** 1234"));
        rep.as().get("/api/v1/customers/" + id).then().statusCode(200)
                .body("email", equalTo("j***@example.com"))
                .body("phone", equalTo("*** *** 4321"))
                .body("poolReturn", nullValue());
        rep.as().get("/api/v1/customers/" + id + "/timeline").then().statusCode(200)
                .body("items.find { it.kind == 'FOLLOW_UP' }.content",
                        equalTo("Wrote to j***@example.com, called *** *** 4321"));
        rep.as().get("/api/v1/customers/" + id + "/follow-ups").then().statusCode(200)
                .body("items[0].content", equalTo("Wrote to j***@example.com, called *** *** 4321"));
        // A rep cannot change a pool customer before claiming it.
        problem(rep.as().body(Map.of("notes", "x")).patch("/api/v1/customers/" + id).then(), 403, "forbidden");
        problem(rep.as().body(Map.of("type", "CALL", "content", "x")).post("/api/v1/customers/" + id + "/follow-ups")
                .then(), 403, "forbidden");

        for (Session whole : new Session[] {manager, admin}) {
            whole.as().get("/api/v1/pool").then().body("items[0].email", equalTo("john.doe@example.com"))
                    .body("items[0].mobile", equalTo("138 0013 8000"));
            whole.as().get("/api/v1/customers/" + id).then().body("phone", equalTo("+1 312 555 4321"));
            whole.as().get("/api/v1/customers/" + id + "/follow-ups").then()
                    .body("items[0].content", equalTo("Wrote to john.doe@example.com, called +1 312 555 4321"));
            whole.as().get("/api/v1/customers/" + id + "/timeline").then()
                    .body("items.find { it.kind == 'FOLLOW_UP' }.content",
                            equalTo("Wrote to john.doe@example.com, called +1 312 555 4321"));
        }

        // Searching must not reveal masked contacts a character at a time: q matches names and companies only.
        rep.as().get("/api/v1/pool?q=john.doe").then().statusCode(200).body("items.size()", equalTo(0));
        rep.as().get("/api/v1/pool?q=312 555 43").then().statusCode(200).body("items.size()", equalTo(0));
        manager.as().get("/api/v1/pool?q=john.doe").then().statusCode(200).body("items[0].id", equalTo((int) id));
        manager.as().get("/api/v1/pool?q=312 555 43").then().statusCode(200).body("items[0].id", equalTo((int) id));

        PoolHelper.setRules(admin, "maskContacts", false);
        rep.as().get("/api/v1/pool?q=john.doe").then().statusCode(200).body("items[0].id", equalTo((int) id));
        rep.as().get("/api/v1/pool").then().body("items[0].email", equalTo("john.doe@example.com"));
        PoolHelper.setRules(admin, "maskContacts", true);
        rep.as().get("/api/v1/pool").then().body("items[0].email", equalTo("j***@example.com"));

        PoolHelper.claim(rep, List.of(id));
        rep.as().get("/api/v1/customers/" + id).then().body("email", equalTo("john.doe@example.com"))
                .body("fax", equalTo("+86 21 5555 1234"))
                .body("poolReturn", notNullValue());
        rep.as().get("/api/v1/customers").then().statusCode(200)
                .body("items[0].email", equalTo("john.doe@example.com"))
                .body("items[0].poolReturn.rule", equalTo("NO_FOLLOW_UP"));
    }
}
