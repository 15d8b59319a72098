package com.harborcrm.pool;

import static com.harborcrm.testing.Api.problem;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.harborcrm.testing.Api;
import com.harborcrm.testing.Api.Session;
import com.harborcrm.testing.PoolHelper;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class PoolRulesTest {

    @Test
    void aNewStoreHasTheDefaultLostReasons() {
        Session admin = Api.openStore("Reasons");
        Session rep = Api.addUser(admin, "REP");
        rep.as().get("/api/v1/lost-reasons").then().statusCode(200)
                .body("items.name", contains("Product quality", "Price", "Service attitude", "Integrity", "Delivery",
                        "Contact information lost", "Went to a competitor", "No longer needs", "Other"))
                .body("items.position", contains(1, 2, 3, 4, 5, 6, 7, 8, 9))
                .body("items.archived", hasItems(false))
                .body("nextCursor", equalTo(null));
    }

    @Test
    void everyRoleReadsTheDefaultRulesAndOnlyAdminsChangeThem() {
        Session admin = Api.openStore("Rules");
        Session manager = Api.addUser(admin, "MANAGER");
        Session rep = Api.addUser(admin, "REP");
        rep.as().get("/api/v1/pool/rules").then().statusCode(200)
                .body("returnAfterDaysWithoutFollowUp", equalTo(30))
                .body("returnAfterDaysWithoutDeal", equalTo(90))
                .body("warnDaysBeforeReturn", equalTo(3))
                .body("maxPrivateCustomersPerRep", equalTo(200))
                .body("maxClaimsPerRepPerDay", equalTo(20))
                .body("reclaimCooldownDays", equalTo(7))
                .body("purgeUnclaimedAfterDays", equalTo(0))
                .body("maskContacts", equalTo(true))
                .body("stageFollowUpDays", equalTo(Map.of()));
        problem(rep.as().body(PoolHelper.defaultRules()).put("/api/v1/pool/rules").then(), 403, "forbidden");
        problem(manager.as().body(PoolHelper.defaultRules()).put("/api/v1/pool/rules").then(), 403, "forbidden");

        String etag = admin.as().get("/api/v1/pool/rules").then().extract().header("ETag");
        admin.as().header("If-Match", etag)
                .body(PoolHelper.rules("maxClaimsPerRepPerDay", 5, "stageFollowUpDays", Map.of("SAMPLE_ORDER", 30, "INQUIRY", 180)))
                .put("/api/v1/pool/rules").then().statusCode(200)
                .body("maxClaimsPerRepPerDay", equalTo(5))
                .body("stageFollowUpDays.INQUIRY", equalTo(180))
                .body("stageFollowUpDays.SAMPLE_ORDER", equalTo(30));
        rep.as().get("/api/v1/pool/rules").then().body("maxClaimsPerRepPerDay", equalTo(5));
        problem(admin.as().header("If-Match", etag).body(PoolHelper.defaultRules()).put("/api/v1/pool/rules").then(),
                412, "precondition-failed");
    }

    @Test
    void invalidRulesAnswerFieldErrorsAndChangeNothing() {
        Session admin = Api.openStore("Rules validation");
        problem(admin.as().body(PoolHelper.rules("returnAfterDaysWithoutFollowUp", -1, "maxClaimsPerRepPerDay", 1_000_000))
                .put("/api/v1/pool/rules").then(), 400, "validation")
                .body("errors.field", hasItems("returnAfterDaysWithoutFollowUp", "maxClaimsPerRepPerDay"));
        problem(admin.as().body(PoolHelper.rules("warnDaysBeforeReturn", 30)).put("/api/v1/pool/rules").then(),
                400, "validation")
                .body("errors", hasSize(1))
                .body("errors[0].field", equalTo("warnDaysBeforeReturn"));
        problem(admin.as().body(PoolHelper.rules("stageFollowUpDays", Map.of("WON", 3, "INQUIRY", -2)))
                .put("/api/v1/pool/rules").then(), 400, "validation")
                .body("errors.field", hasItems("stageFollowUpDays.WON", "stageFollowUpDays.INQUIRY"));
        problem(admin.as().body(PoolHelper.rules("stageFollowUpDays", Map.of("INQUIRY", 2)))
                .put("/api/v1/pool/rules").then(), 400, "validation")
                .body("errors[0].field", equalTo("warnDaysBeforeReturn"));
        var missing = PoolHelper.defaultRules();
        missing.remove("maskContacts");
        problem(admin.as().body(missing).put("/api/v1/pool/rules").then(), 400, "validation")
                .body("errors[0].field", equalTo("maskContacts"));
        // Switching the return rules off allows any warning days.
        admin.as().body(PoolHelper.rules("returnAfterDaysWithoutFollowUp", 0, "returnAfterDaysWithoutDeal", 0,
                "warnDaysBeforeReturn", 10)).put("/api/v1/pool/rules").then().statusCode(200);
        admin.as().get("/api/v1/pool/rules").then().body("warnDaysBeforeReturn", equalTo(10));
    }
}
