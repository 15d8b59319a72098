package com.harborcrm.io;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.harborcrm.testing.Api;
import com.harborcrm.testing.Api.Session;
import com.harborcrm.testing.MutableClock;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** An imported customer is a customer from the day of its import on: the churn figures count it like a created one. */
@QuarkusTest
class ImportedCustomersInStatsTest {

    @Inject
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void importedCustomersAreActiveAtThePeriodStartAndTheirLossIsChurn() {
        Session admin = Api.openStore("Imports in churn");
        Session manager = Api.addUser(admin, "MANAGER");
        // Tokens are issued on the real clock (their expiry is checked against it); the history runs on the test's.
        clock.set(Instant.parse("2026-01-05T10:00:00Z"));
        JsonPath job = Imports.run(manager, ImportTest.FILE);
        assertEquals("DONE", job.getString("status"), job.prettify());
        assertEquals(2, job.getInt("created"));

        long john = ((Number) Imports.customers(admin).get("John Miller").get("id")).longValue();
        long reason = admin.as().get("/api/v1/lost-reasons").then().statusCode(200).extract().jsonPath()
                .getLong("items.find { it.name == 'Price' }.id");
        clock.set(Instant.parse("2026-02-10T10:00:00Z"));
        manager.as().body(Map.of("reasonId", reason)).post("/api/v1/customers/" + john + "/lost").then().statusCode(200);

        manager.as().get("/api/v1/stats/churn?from=2026-02-01&to=2026-02-28&groupBy=month").then().statusCode(200)
                .body("totals.activeAtStart", equalTo(2))
                .body("totals.lost", equalTo(1))
                .body("totals.churnRate", equalTo(0.5f));
        // Before the import there was nobody to lose.
        manager.as().get("/api/v1/stats/churn?from=2025-12-01&to=2025-12-31&groupBy=month").then().statusCode(200)
                .body("totals.activeAtStart", equalTo(0))
                .body("totals.lost", equalTo(0));
    }
}
