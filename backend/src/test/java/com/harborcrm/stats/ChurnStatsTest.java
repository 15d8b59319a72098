package com.harborcrm.stats;

import static com.harborcrm.testing.Api.problem;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.harborcrm.testing.Api;
import com.harborcrm.testing.Api.Session;
import com.harborcrm.testing.Customers;
import com.harborcrm.testing.MutableClock;
import com.harborcrm.testing.PoolHelper;

import io.restassured.path.json.JsonPath;
import io.quarkus.test.junit.QuarkusTest;

/**
 * One known history in a store at UTC+8, over three months: M0 before the period, the period M1..M2, and M3 after
 * it; every figure of the three reports is checked against it. Events at the period's first instant (store
 * midnight, 16:00 UTC the day before) and last second count; one at the first instant after it does not.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChurnStatsTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Inject
    MutableClock clock;

    Session admin;
    Session manager;
    Session rep1;
    Session rep2;
    Session otherAdmin;
    LocalDate m0;
    LocalDate m1;
    LocalDate m2;
    LocalDate m3;
    long price;
    long service;
    long a, b, c, d, e, f, h, j;
    Instant hCreated, hInquiry, hDeal, jCreated, jSample, jNoDeal;

    boolean built;

    /** Once for the class (in @BeforeEach: REST Assured is not pointed at the test port yet in @BeforeAll). */
    @BeforeEach
    void buildHistory() {
        if (built) {
            return;
        }
        built = true;
        admin = PoolHelper.openStore("Stats", "Asia/Shanghai");
        manager = Api.addUser(admin, "MANAGER");
        rep1 = Api.addUser(admin, "REP");
        rep2 = Api.addUser(admin, "REP");
        otherAdmin = Api.openStore("Other stats");
        PoolHelper.setRules(admin, "returnAfterDaysWithoutFollowUp", 30, "returnAfterDaysWithoutDeal", 0,
                "warnDaysBeforeReturn", 0);
        JsonPath reasons = admin.as().get("/api/v1/lost-reasons").then().statusCode(200).extract().jsonPath();
        price = reasons.getLong("items.find { it.name == 'Price' }.id");
        service = reasons.getLong("items.find { it.name == 'Service attitude' }.id");
        long otherPrice = otherAdmin.as().get("/api/v1/lost-reasons").then().extract().jsonPath()
                .getLong("items.find { it.name == 'Price' }.id");

        m0 = LocalDate.now(ZONE).plusMonths(2).withDayOfMonth(1);
        m1 = m0.plusMonths(1);
        m2 = m0.plusMonths(2);
        m3 = m0.plusMonths(3);

        // Before the period: rep1 has A, B, C, D; the pool E; rep2 F (assigned); D lost; C lost and back; G gone.
        at(m0, 10, 0);
        a = Customers.createId(rep1, "stage", "INQUIRY", "source", "EXHIBITION");
        b = Customers.createId(rep1, "stage", "INQUIRY", "source", "EXHIBITION");
        c = Customers.createId(rep1, "stage", "SAMPLE_ORDER", "source", "EXHIBITION");
        d = Customers.createId(rep1, "source", "EXHIBITION");
        e = Customers.createId(manager, "pool", true, "source", "REFERRAL");
        f = Customers.createId(manager, "ownerId", rep2.userId(), "stage", "TRANSACTION", "source", "REFERRAL");
        at(m0.plusDays(1), 10, 0);
        lost(rep1, d, price);
        at(m0.plusDays(2), 10, 0);
        lost(rep1, c, service);
        at(m0.plusDays(3), 10, 0);
        rep1.as().post("/api/v1/customers/" + c + "/reactivate").then().statusCode(200);
        at(m0.plusDays(4), 10, 0);
        long g = Customers.createId(rep2);
        manager.as().delete("/api/v1/customers/" + g).then().statusCode(204);
        // Another store's churn in the same period must not show.
        at(m1.plusDays(3), 10, 0);
        long other = Customers.createId(otherAdmin);
        lost(otherAdmin, other, otherPrice);

        // The period.
        at(m1, 0, 0);
        lost(rep1, a, price);
        at(m1.plusDays(1), 9, 0);
        jCreated = clock.instant();
        j = Customers.createId(manager, "pool", true, "stage", "INQUIRY");
        at(m1.plusDays(9), 10, 0);
        rep1.as().body(Map.of("reasonId", service)).post("/api/v1/customers/" + b + "/release").then().statusCode(200);
        PoolHelper.claim(rep2, List.of(e));
        at(m1.plusDays(11), 9, 0);
        jSample = clock.instant();
        stage(manager, j, "SAMPLE_ORDER");
        at(m1.plusDays(19), 10, 0);
        manager.as().delete("/api/v1/customers/" + b).then().statusCode(204);
        at(m1.plusDays(24), 10, 0);
        hCreated = clock.instant();
        h = Customers.createId(manager, "ownerId", rep1.userId());
        at(m2, 8, 0);
        rep2.as().body(Map.of("type", "CALL", "content", "Still interested?")).post("/api/v1/customers/" + f + "/follow-ups")
                .then().statusCode(201);
        at(m2.plusDays(1), 21, 0);
        jNoDeal = clock.instant();
        stage(manager, j, "NO_DEAL");
        at(m2.plusDays(4), 10, 0);
        hInquiry = clock.instant();
        stage(rep1, h, "INQUIRY");
        at(m2.plusDays(9), 10, 0);
        hDeal = clock.instant();
        stage(rep1, h, "TRANSACTION");
        at(m2.plusDays(19), 10, 0);
        assertEquals(2, PoolHelper.sweep(admin).getInt("returned"), "C (rep1) and E (rep2) are due");
        at(m3.minusDays(1), 23, 59);
        clock.set(clock.instant().plusSeconds(59));
        lost(rep2, f, price);

        // Just after the period.
        at(m3, 0, 0);
        lost(rep1, h, price);
        clock.reset();
    }

    @AfterAll
    void resetClock() {
        clock.reset();
    }

    void at(LocalDate day, int hour, int minute) {
        clock.set(day.atTime(LocalTime.of(hour, minute)).atZone(ZONE).toInstant());
    }

    static void lost(Session as, long id, long reason) {
        as.as().body(Map.of("reasonId", reason)).post("/api/v1/customers/" + id + "/lost").then().statusCode(200)
                .body("status", equalTo("LOST"));
    }

    static void stage(Session as, long id, String stage) {
        as.as().body(Map.of("stage", stage)).patch("/api/v1/customers/" + id).then().statusCode(200);
    }

    String period() {
        return "from=" + m1 + "&to=" + m2.plusMonths(1).minusDays(1);
    }

    @Test
    void churnByMonthCountsEveryKindWithRatesFromEachMonthsStart() {
        manager.as().get("/api/v1/stats/churn?" + period()).then().statusCode(200)
                .body("from", equalTo(m1.toString()))
                .body("to", equalTo(m3.minusDays(1).toString()))
                .body("timeZone", equalTo("Asia/Shanghai"))
                .body("groupBy", equalTo("MONTH"))
                .body("scope", equalTo("STORE"))
                // A, B, C, E, F: D was lost, G deleted before the period.
                .body("totals.activeAtStart", equalTo(5))
                .body("totals.lost", equalTo(2))
                .body("totals.released", equalTo(1))
                .body("totals.autoReturned", equalTo(2))
                .body("totals.churned", equalTo(5))
                .body("totals.churnRate", equalTo(0.4f))
                .body("reasons.name", contains("Price", "Service attitude"))
                .body("reasons.lost", contains(2, 0))
                .body("reasons.released", contains(0, 1))
                .body("reasons.count", contains(2, 1))
                .body("reasons[0].share", equalTo((float) (2 / 3.0)))
                .body("reasons[1].share", equalTo((float) (1 / 3.0)))
                .body("series.key", contains(ym(m1), ym(m2)))
                .body("series.from", contains(m1.toString(), m2.toString()))
                .body("series.to", contains(m2.minusDays(1).toString(), m3.minusDays(1).toString()))
                .body("series[0].figures.activeAtStart", equalTo(5))
                .body("series[0].figures.lost", equalTo(1))
                .body("series[0].figures.released", equalTo(1))
                .body("series[0].figures.autoReturned", equalTo(0))
                .body("series[0].figures.churnRate", equalTo(0.2f))
                .body("series[0].share", equalTo(0.4f))
                .body("series[0].reasons.name", contains("Price", "Service attitude"))
                // M2 starts with 5 + H and J (created) - A (lost) - B (deleted while active) = 5.
                .body("series[1].figures.activeAtStart", equalTo(5))
                .body("series[1].figures.lost", equalTo(1))
                .body("series[1].figures.released", equalTo(0))
                .body("series[1].figures.autoReturned", equalTo(2))
                .body("series[1].figures.churnRate", equalTo(0.2f))
                .body("series[1].churnRateContribution", equalTo(0.2f))
                .body("series[1].reasons.name", contains("Price"))
                .body("series[1].reasons[0].share", equalTo(1.0f));
    }

    @Test
    void periodBoundariesAreStoreMidnights() {
        // Only the first day: A, lost at its very first instant.
        manager.as().get("/api/v1/stats/churn?from=" + m1 + "&to=" + m1).then().statusCode(200)
                .body("totals.lost", equalTo(1)).body("totals.released", equalTo(0))
                .body("totals.activeAtStart", equalTo(5));
        // The day before the period sees none of it.
        manager.as().get("/api/v1/stats/churn?from=" + m1.minusDays(1) + "&to=" + m1.minusDays(1)).then().statusCode(200)
                .body("totals.lost", equalTo(0)).body("totals.activeAtStart", equalTo(5));
        // The last day: F at 23:59:59; H at midnight after is the next day's.
        manager.as().get("/api/v1/stats/churn?from=" + m3.minusDays(1) + "&to=" + m3.minusDays(1)).then().statusCode(200)
                .body("totals.lost", equalTo(1)).body("reasons[0].name", equalTo("Price"));
        manager.as().get("/api/v1/stats/churn?from=" + m3 + "&to=" + m3).then().statusCode(200)
                .body("totals.lost", equalTo(1))
                // A, C, D, F, H lost or returned... active at M3: C, E (pool), H, J = 4.
                .body("totals.activeAtStart", equalTo(4));
        // Before anything happened.
        manager.as().get("/api/v1/stats/churn?from=" + m0.minusDays(1) + "&to=" + m0.minusDays(1)).then().statusCode(200)
                .body("totals.activeAtStart", equalTo(0)).body("totals.churnRate", nullValue())
                .body("reasons", hasSize(0));
    }

    @Test
    void churnByRepSourceAndStage() {
        JsonPath byRep = manager.as().get("/api/v1/stats/churn?groupBy=rep&" + period()).then().statusCode(200)
                .body("groupBy", equalTo("REP"))
                .body("series.key", contains(String.valueOf(rep1.userId()), String.valueOf(rep2.userId())))
                .body("series.label", contains("REP user", "REP user"))
                .body("series.figures.lost", contains(1, 1))
                .body("series.figures.released", contains(1, 0))
                .body("series.figures.autoReturned", contains(1, 1))
                .body("series.figures.activeAtStart", contains(nullValue(), nullValue()))
                .body("series.churnRateContribution", contains(0.2f, 0.2f))
                .body("series.share", contains(0.6f, 0.4f))
                .extract().jsonPath();
        // rep1: one each, so in the store's order.
        assertEquals(List.of("Price", "Service attitude"), byRep.getList("series[0].reasons.name"));
        assertEquals(List.of(0.5f, 0.5f), byRep.getList("series[0].reasons.share"));

        manager.as().get("/api/v1/stats/churn?groupBy=source&" + period()).then().statusCode(200)
                .body("series.key", contains("EXHIBITION", "REFERRAL"))
                .body("series.figures.churned", contains(3, 2))
                .body("series.figures.lost", contains(1, 1));

        manager.as().get("/api/v1/stats/churn?groupBy=STAGE&" + period()).then().statusCode(200)
                .body("series.key", contains("UNMARKED", "INQUIRY", "SAMPLE_ORDER", "TRANSACTION"))
                .body("series.figures.churned", contains(1, 2, 1, 1))
                .body("series.figures.lost", contains(0, 1, 0, 1));
    }

    @Test
    void repsGetTheirOwnChurn() {
        rep1.as().get("/api/v1/stats/churn?" + period()).then().statusCode(200)
                .body("scope", equalTo("OWN"))
                .body("totals.activeAtStart", equalTo(3))
                .body("totals.lost", equalTo(1))
                .body("totals.released", equalTo(1))
                .body("totals.autoReturned", equalTo(1))
                .body("totals.churnRate", equalTo((float) (1 / 3.0)))
                // M2: C and H.
                .body("series.figures.activeAtStart", contains(3, 2))
                .body("series.figures.churnRate", contains((float) (1 / 3.0), 0.0f));
        rep2.as().get("/api/v1/stats/churn?" + period()).then().statusCode(200)
                .body("totals.activeAtStart", equalTo(1))
                .body("totals.lost", equalTo(1))
                .body("totals.autoReturned", equalTo(1))
                // M2: F and E (claimed in M1).
                .body("series.figures.activeAtStart", contains(1, 2))
                .body("series.figures.churnRate", contains(0.0f, 0.5f));
        rep2.as().get("/api/v1/stats/churn?groupBy=rep&" + period()).then().statusCode(200)
                .body("series.key", contains(String.valueOf(rep2.userId())))
                .body("series[0].figures.activeAtStart", equalTo(1));
        otherAdmin.as().get("/api/v1/stats/churn?" + period()).then().statusCode(200)
                .body("totals.lost", equalTo(1)).body("totals.activeAtStart", equalTo(0))
                .body("reasons.name", contains("Price"));
    }

    @Test
    void funnelCountsReachedAdvancedAndMedianDays() {
        JsonPath funnel = manager.as().get("/api/v1/stats/funnel?" + period()).then().statusCode(200)
                .body("scope", equalTo("STORE"))
                .body("stages.stage", contains("UNMARKED", "INQUIRY", "SAMPLE_ORDER", "NO_DEAL", "TRANSACTION",
                        "REPEAT_PURCHASE"))
                .body("stages.reached", contains(1, 2, 1, 1, 1, 0))
                .body("stages.advanced", contains(1, 2, 1, 0, 0, null))
                .body("stages.conversionRate", contains(1.0f, 1.0f, 1.0f, 0.0f, 0.0f, null))
                .body("stages.staysEnded", contains(1, 2, 1, 0, 0, 0))
                .body("stages[3].medianDays", nullValue())
                .extract().jsonPath();
        assertEquals(days(hCreated, hInquiry), funnel.getDouble("stages[0].medianDays"), 0.001);
        assertEquals((days(jCreated, jSample) + days(hInquiry, hDeal)) / 2, funnel.getDouble("stages[1].medianDays"), 0.006);
        assertEquals(days(jSample, jNoDeal), funnel.getDouble("stages[2].medianDays"), 0.006);

        rep1.as().get("/api/v1/stats/funnel?" + period()).then().statusCode(200)
                .body("scope", equalTo("OWN"))
                .body("stages.reached", contains(1, 1, 0, 0, 1, 0))
                .body("stages.advanced", contains(1, 1, 0, 0, 0, null))
                .body("stages.staysEnded", contains(1, 1, 0, 0, 0, 0));
    }

    @Test
    void repActivityPerUser() {
        JsonPath reps = manager.as().get("/api/v1/stats/reps?" + period()).then().statusCode(200)
                .body("scope", equalTo("STORE"))
                .body("items", hasSize(4))
                .extract().jsonPath();
        Map<String, Object> r1 = reps.getMap("items.find { it.userId == " + rep1.userId() + " }");
        assertEquals(Map.ofEntries(Map.entry("userId", (int) rep1.userId()), Map.entry("name", "REP user"),
                Map.entry("role", "REP"), Map.entry("active", true), Map.entry("ownedNow", 3), Map.entry("claimed", 0),
                Map.entry("assigned", 1), Map.entry("followUps", 0), Map.entry("stageAdvances", 2),
                Map.entry("deals", 1), Map.entry("lost", 1), Map.entry("released", 1), Map.entry("autoReturned", 1)), r1);
        Map<String, Object> r2 = reps.getMap("items.find { it.userId == " + rep2.userId() + " }");
        assertEquals(Map.ofEntries(Map.entry("userId", (int) rep2.userId()), Map.entry("name", "REP user"),
                Map.entry("role", "REP"), Map.entry("active", true), Map.entry("ownedNow", 1), Map.entry("claimed", 1),
                Map.entry("assigned", 0), Map.entry("followUps", 1), Map.entry("stageAdvances", 0),
                Map.entry("deals", 0), Map.entry("lost", 1), Map.entry("released", 0), Map.entry("autoReturned", 1)), r2);
        Map<String, Object> m = reps.getMap("items.find { it.userId == " + manager.userId() + " }");
        assertEquals(List.of(0, 0, 0, 0, 0, 0, 0, 0, 0), List.of(m.get("ownedNow"), m.get("claimed"), m.get("assigned"),
                m.get("followUps"), m.get("stageAdvances"), m.get("deals"), m.get("lost"), m.get("released"),
                m.get("autoReturned")));

        rep2.as().get("/api/v1/stats/reps?" + period()).then().statusCode(200)
                .body("scope", equalTo("OWN"))
                .body("items.userId", contains((int) rep2.userId()))
                .body("items[0].claimed", equalTo(1));
        // The period before: rep2 was assigned F then.
        manager.as().get("/api/v1/stats/reps?from=" + m0 + "&to=" + m1.minusDays(1)).then().statusCode(200)
                .body("items.find { it.userId == " + rep2.userId() + " }.assigned", equalTo(1))
                .body("items.find { it.userId == " + rep1.userId() + " }.lost", equalTo(2));
    }

    @Test
    void badParametersAreFieldErrors() {
        problem(manager.as().get("/api/v1/stats/churn?from=2026-13-01").then(), 400, "validation")
                .body("errors.field", contains("from"));
        problem(manager.as().get("/api/v1/stats/funnel?from=" + m2 + "&to=" + m1).then(), 400, "validation")
                .body("errors.field", contains("to"));
        problem(manager.as().get("/api/v1/stats/reps?from=2020-01-01&to=2025-01-01").then(), 400, "validation")
                .body("errors.field", contains("to"));
        manager.as().get("/api/v1/stats/reps?from=2020-01-01&to=2024-12-31").then().statusCode(200);
        problem(manager.as().get("/api/v1/stats/churn?groupBy=week").then(), 400, "validation")
                .body("errors.field", contains("groupBy"));
        problem(manager.as().get("/api/v1/stats/churn?from=2026-01-01&from=2026-02-01&limit=3").then(), 400, "validation")
                .body("errors.field", containsInAnyOrder("from", "limit"));
        problem(io.restassured.RestAssured.given().get("/api/v1/stats/churn").then(), 401, "unauthorized");
    }

    @Test
    void defaultPeriodIsThisMonthSoFar() {
        LocalDate today = LocalDate.now(ZONE);
        manager.as().get("/api/v1/stats/funnel").then().statusCode(200)
                .body("from", equalTo(today.withDayOfMonth(1).toString()))
                .body("to", equalTo(today.toString()));
    }

    static String ym(LocalDate day) {
        return day.toString().substring(0, 7);
    }

    static double days(Instant from, Instant to) {
        return Duration.between(from, to).toSeconds() / 86400.0;
    }
}
