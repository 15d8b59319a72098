package com.harborcrm.common.error;

import static com.harborcrm.testing.Api.problem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasKey;

import com.harborcrm.testing.Api;
import com.harborcrm.testing.Api.Session;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every field error carries a stable code with its limits, so a client says it in its own words (the web app
 * shows no server text): Bean Validation constraints, the services' own checks, malformed bodies.
 */
@QuarkusTest
class FieldErrorCodesTest {

    @Test
    void beanValidationConstraintsAreCodedWithTheirLimits() {
        problem(given().contentType(ContentType.JSON)
                .body(Map.of("storeName", " ", "name", "Li Wei", "email", "not-an-email", "password", "short"))
                .post("/api/v1/auth/signup").then(), 400, "validation")
                .body("errors.find { it.field == 'password' }.code", equalTo("LENGTH"))
                .body("errors.find { it.field == 'password' }.min", equalTo(8))
                .body("errors.find { it.field == 'password' }.max", equalTo(72))
                .body("errors.find { it.field == 'storeName' }.code", equalTo("REQUIRED"))
                .body("errors.find { it.field == 'email' }.code", equalTo("EMAIL"))
                // Members without a value are left out rather than sent as null.
                .body("errors.find { it.field == 'email' }", not(hasKey("min")));
    }

    @Test
    void theServicesOwnChecksAreCoded() {
        Session admin = Api.openStore("Codes");
        problem(admin.as().body(Map.of("returnAfterDaysWithoutFollowUp", 2, "returnAfterDaysWithoutDeal", 0,
                "warnDaysBeforeReturn", 5, "maxPrivateCustomersPerRep", 0, "maxClaimsPerRepPerDay", 0,
                "reclaimCooldownDays", 0, "purgeUnclaimedAfterDays", 0, "maskContacts", true,
                "stageFollowUpDays", Map.of("NOT_A_STAGE", 3)))
                .put("/api/v1/pool/rules").then(), 400, "validation")
                .body("errors.find { it.field == 'warnDaysBeforeReturn' }.code", equalTo("LESS_THAN_FIELD"))
                .body("errors.find { it.field == 'warnDaysBeforeReturn' }.otherField",
                        equalTo("returnAfterDaysWithoutFollowUp"))
                .body("errors.find { it.field == 'warnDaysBeforeReturn' }.max", equalTo(2))
                .body("errors.find { it.field == 'stageFollowUpDays.NOT_A_STAGE' }.code", equalTo("ONE_OF"))
                .body("errors.find { it.field == 'stageFollowUpDays.NOT_A_STAGE' }.allowed", hasItems("INQUIRY", "TRANSACTION"));

        long customer = admin.as().body(Map.of("name", "Coded buyer")).post("/api/v1/customers?allowDuplicate=true")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        Instant later = Instant.now().plus(2, ChronoUnit.DAYS);
        problem(admin.as().body(Map.of("type", "CALL", "content", "Called", "occurredAt", later.toString(),
                "nextFollowUpAt", later.minus(1, ChronoUnit.HOURS).toString()))
                .post("/api/v1/customers/" + customer + "/follow-ups").then(), 400, "validation")
                .body("errors.find { it.field == 'occurredAt' }.code", equalTo("NOT_FUTURE"))
                .body("errors.find { it.field == 'nextFollowUpAt' }.code", equalTo("AFTER_FIELD"))
                .body("errors.find { it.field == 'nextFollowUpAt' }.otherField", equalTo("occurredAt"));

        long vip = admin.as().body(Map.of("name", "VIP", "color", "#000000")).post("/api/v1/tags").then()
                .statusCode(201).extract().jsonPath().getLong("id");
        problem(admin.as().body(Map.of("name", "vip", "color", "#000000")).post("/api/v1/tags").then(), 409,
                "tag-name-taken").body("errors[0].code", equalTo("TAKEN"));
        problem(admin.as().body(Map.of("name", "", "color", "blue", "customerCount", 3, "shape", "round"))
                .patch("/api/v1/tags/" + vip).then(), 400, "validation")
                .body("errors.code", containsInAnyOrder("LENGTH", "FORMAT", "READ_ONLY", "UNKNOWN"));

        problem(admin.as().queryParam("from", "2026-03-10").queryParam("to", "2026-03-01")
                .get("/api/v1/stats/funnel").then(), 400, "validation")
                .body("errors[0].code", equalTo("NOT_BEFORE_FIELD"))
                .body("errors[0].otherField", equalTo("from"));
    }

    @Test
    void malformedBodiesAreCodedToo() {
        Session admin = Api.openStore("Codes body");
        problem(admin.as().body(Map.of("name", "Buyer", "stage", "WON_BIG")).post("/api/v1/customers").then(),
                400, "validation")
                .body("errors[0].code", equalTo("ONE_OF"))
                .body("errors[0].allowed", hasItems("INQUIRY", "TRANSACTION"));
        problem(admin.as().body(Map.of("name", "Buyer", "nickname", "B")).post("/api/v1/customers").then(),
                400, "validation")
                .body("errors[0].code", equalTo("UNKNOWN"));
    }
}
