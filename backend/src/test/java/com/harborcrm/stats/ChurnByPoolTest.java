package com.harborcrm.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.harborcrm.testing.Api;
import com.harborcrm.testing.Api.Session;
import com.harborcrm.testing.MutableClock;
import com.harborcrm.testing.PoolHelper;

import io.restassured.path.json.JsonPath;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Churn by pool (issue 22, item 2; V104): a customer released, returned by the sweep or marked lost counts for the
 * pool it went back to, or was in when lost, through the API's own writers and the rollup.
 */
@QuarkusTest
class ChurnByPoolTest {

    @Inject
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** Tomorrow 10:00 UTC: the same store day in every zone the test store could be in. */
    private static final Instant T0 = LocalDate.now(ZoneOffset.UTC).plusDays(1).atTime(10, 0).toInstant(ZoneOffset.UTC);

    @Test
    void releasesReturnsAndLossesCountForTheirPool() {
        Session admin = PoolHelper.openStore("Churn by pool", "UTC");
        Session rep = Api.addUser(admin, "REP");
        clock.set(T0);
        PoolHelper.setRules(admin, "returnAfterDaysWithoutFollowUp", 10, "returnAfterDaysWithoutDeal", 0,
                "warnDaysBeforeReturn", 0, "reclaimCooldownDays", 0);
        long export = admin.as().body(Map.of("name", "Export", "memberIds", List.of(rep.userId())))
                .post("/api/v1/pools").then().statusCode(201).extract().jsonPath().getLong("id");
        long released = PoolHelper.poolCustomer(admin);
        long releasedToExport = PoolHelper.poolCustomer(admin);
        long lostInExport = PoolHelper.poolCustomer(admin);
        long returned = PoolHelper.poolCustomer(admin);
        admin.as().body(Map.of("customerIds", List.of(lostInExport))).post("/api/v1/pools/" + export + "/customers")
                .then().statusCode(200);
        PoolHelper.claim(rep, List.of(released, releasedToExport, lostInExport, returned));
        long reason = PoolHelper.releaseReason(admin);

        clock.set(T0.plus(Duration.ofDays(1)));
        rep.as().body(Map.of("reasonId", reason)).post("/api/v1/customers/" + released + "/release").then().statusCode(200);
        rep.as().body(Map.of("reasonId", reason, "poolId", export)).post("/api/v1/customers/" + releasedToExport + "/release")
                .then().statusCode(200);
        rep.as().body(Map.of("reasonId", reason)).post("/api/v1/customers/" + lostInExport + "/lost").then().statusCode(200);
        clock.set(T0.plus(Duration.ofDays(11)));
        assertEquals(1, PoolHelper.sweep(admin).getInt("returned"));

        JsonPath report = admin.as().get("/api/v1/stats/churn?groupBy=POOL&from=" + LocalDate.ofInstant(T0, ZoneOffset.UTC)
                + "&to=" + LocalDate.ofInstant(T0, ZoneOffset.UTC).plusDays(11)).then().statusCode(200).extract().jsonPath();
        Map<String, String> byKey = new HashMap<>();
        List<Map<String, Object>> series = report.getList("series");
        for (Map<String, Object> group : series) {
            @SuppressWarnings("unchecked")
            Map<String, Object> figures = (Map<String, Object>) group.get("figures");
            byKey.put(group.get("key") + " " + group.get("label"), "lost " + figures.get("lost") + ", released "
                    + figures.get("released") + ", returned " + figures.get("autoReturned"));
        }
        String defaultPool = admin.as().get("/api/v1/pools/0").then().extract().jsonPath().getString("name");
        assertEquals(Map.of("0 " + defaultPool, "lost 0, released 1, returned 1",
                export + " Export", "lost 1, released 1, returned 0"), byKey);
        assertEquals(4, report.getInt("totals.churned"));
    }
}
