package com.harborcrm.account;

import static com.harborcrm.testing.Api.problem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.harborcrm.testing.Api;

import io.quarkus.test.junit.QuarkusTest;

/** A store never reads, changes or even detects another store's data: its ids answer 404 like missing ones. */
@QuarkusTest
class StoreIsolationTest {

    @Test
    void anotherStoresUserIdsAnswer404OnEveryUserEndpoint() {
        Api.Session storeA = Api.openStore("Store A");
        Api.Session storeB = Api.openStore("Store B");
        Api.Session repOfA = Api.addUser(storeA, "REP");

        problem(storeB.as().get("/api/v1/users/" + repOfA.userId()).then(), 404, "not-found");
        problem(storeB.as().body(Map.of("active", false)).patch("/api/v1/users/" + repOfA.userId()).then(), 404,
                "not-found");
        // Same answer as an id that exists nowhere.
        String missing = problem(storeB.as().get("/api/v1/users/999999999").then(), 404, "not-found")
                .extract().path("title");
        org.junit.jupiter.api.Assertions.assertEquals("Not found", missing);

        storeB.as().get("/api/v1/users").then().body("items.id", not(hasItem((int) repOfA.userId())));
        repOfA.as().get("/api/v1/me").then().statusCode(200).body("user.active", equalTo(true));
    }
}
