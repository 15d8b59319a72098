package com.harborcrm.customer;

import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.harborcrm.testing.Api;
import com.harborcrm.testing.Api.Session;
import com.harborcrm.testing.Customers;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class PotentialScoreTest {

    @Test
    void aCompleteFileScoresEveryCriterionAndChangesRecompute() {
        Session admin = Api.openStore("Score");
        long id = Customers.create(admin, "phone", "+49 30 1234567", "fax", "+49 30 1234568", "mobile", "+49 170 1234567",
                "email", "buyer@example.de", "companyName", "Berlin Tools GmbH", "mainProducts", "Hand tools",
                "address", "Friedrichstrasse 100", "city", "Berlin", "position", "Buyer", "stars", 3,
                "stage", "REPEAT_PURCHASE").getLong("id");
        int full = 100 - PotentialScore.RECENT_ACTIVITY - PotentialScore.REPEAT_INQUIRIES;
        admin.as().get("/api/v1/customers/" + id).then().body("potentialScore", equalTo(full));

        admin.as().body("{\"stage\": \"INQUIRY\", \"stars\": 1, \"fax\": null, \"city\": null}")
                .patch("/api/v1/customers/" + id).then().statusCode(200)
                .body("potentialScore", equalTo(full - PotentialScore.STAGE_REPEAT_PURCHASE + PotentialScore.STAGE_INQUIRY
                        - 2 * PotentialScore.PER_STAR - PotentialScore.FAX - PotentialScore.DETAILED_ADDRESS));
    }

    @Test
    void placeholdersDoNotCount() {
        Session admin = Api.openStore("Score placeholders");
        admin.as().body(Map.of("name", "X", "companyName", "N/A", "address", "Road 1", "city", "Rome"))
                .post("/api/v1/customers").then().statusCode(201).body("potentialScore", equalTo(0));
    }
}
