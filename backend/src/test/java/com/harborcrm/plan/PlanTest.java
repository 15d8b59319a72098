package com.harborcrm.plan;

import static com.harborcrm.testing.Api.problem;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.harborcrm.testing.Api;
import com.harborcrm.testing.Api.Session;
import com.harborcrm.testing.Customers;
import com.harborcrm.testing.MutableClock;
import com.harborcrm.testing.PoolHelper;
import com.harborcrm.testing.Sql;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Follow-up plans on PostgreSQL: the cadence arithmetic (month ends, weekdays, sequences, the store's calendar and
 * daylight-saving changes), completion by a follow-up of the task's type, pause and resume through the pool,
 * transfer, stage templates, batches, and who may do what.
 */
@QuarkusTest
class PlanTest {

    /** A Wednesday, 10:00 in Shanghai. */
    static final Instant WEDNESDAY = Instant.parse("2026-06-10T02:00:00Z");

    @Inject
    DataSource db;

    @Inject
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    static String plans(long customer) {
        return "/api/v1/customers/" + customer + "/plans";
    }

    static Map<String, Object> interval(int every, String unit, String type, Object... extra) {
        Map<String, Object> cadence = new LinkedHashMap<>(Map.of("cadence", "INTERVAL", "every", every, "unit", unit,
                "taskType", type));
        for (int i = 0; i < extra.length; i += 2) {
            cadence.put((String) extra[i], extra[i + 1]);
        }
        return cadence;
    }

    static JsonPath create(Session as, long customer, Map<String, Object> cadence, Object... extra) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("cadence", cadence));
        for (int i = 0; i < extra.length; i += 2) {
            body.put((String) extra[i], extra[i + 1]);
        }
        return as.as().body(body).post(plans(customer)).then().statusCode(201).extract().jsonPath();
    }

    static void followUp(Session as, long customer, String type, Instant at) {
        as.as().body(Map.of("type", type, "content", "Contact " + type, "occurredAt", at.toString()))
                .post("/api/v1/customers/" + customer + "/follow-ups").then().statusCode(201);
    }

    private List<LocalDate> occurrences(String cadence, Integer every, String unit, int firstAfter, String weekdays,
            String steps, String startsOn, int count) throws SQLException {
        return Sql.rows(db, "select plan_occurrence(cast(? as text), cast(cast(? as text) as integer), cast(? as text), "
                + "cast(cast(? as text) as integer), cast(cast(? as text) as smallint[]), cast(cast(? as text) as jsonb), "
                + "cast(cast(? as text) as date), k) from generate_series(0, cast(cast(? as text) as integer)) k order by k", cadence, every == null ? null : every.toString(), unit,
                Integer.toString(firstAfter), weekdays, steps, startsOn, Integer.toString(count - 1)).stream().map(r -> r[0] == null ? null : ((java.sql.Date) r[0]).toLocalDate()).toList();
    }

    @Test
    void cadenceArithmeticKeepsMonthEndsWeekdaysAndSequences() throws SQLException {
        // Monthly from January 31: clamped in short months, back to the 31st when the month has one.
        assertEquals(List.of(LocalDate.parse("2027-01-31"), LocalDate.parse("2027-02-28"),
                LocalDate.parse("2027-03-31"), LocalDate.parse("2027-04-30")),
                occurrences("INTERVAL", 1, "MONTHS", 0, null, null, "2027-01-31", 4));
        // In a leap year February has its 29th.
        assertEquals(LocalDate.parse("2028-02-29"), occurrences("INTERVAL", 1, "MONTHS", 0, null, null, "2028-01-31", 2).get(1));
        // Every 2 weeks, the first after 3 days, across a month end.
        assertEquals(List.of(LocalDate.parse("2026-06-30"), LocalDate.parse("2026-07-14")),
                occurrences("INTERVAL", 2, "WEEKS", 3, null, null, "2026-06-27", 2));
        // Mondays and Thursdays from a Wednesday: Thu, Mon, Thu, Mon, and across the month end.
        assertEquals(List.of(LocalDate.parse("2026-06-25"), LocalDate.parse("2026-06-29"),
                LocalDate.parse("2026-07-02"), LocalDate.parse("2026-07-06")),
                occurrences("WEEKDAYS", null, null, 0, "{1,4}", null, "2026-06-24", 4));
        // A sequence ends after its last step.
        assertEquals(java.util.Arrays.asList(LocalDate.parse("2026-06-10"), LocalDate.parse("2026-06-13"), null),
                occurrences("SEQUENCE", null, null, 0, null,
                        "[{\"day\":0,\"type\":\"EMAIL\"},{\"day\":3,\"type\":\"CALL\"}]", "2026-06-10", 3));
    }

    @Test
    void aPlanStartsTodayInTheStoresCalendarAndCompletesByAFollowUpOfItsType() {
        Session admin = PoolHelper.openStore("Plans", "Asia/Shanghai");
        Session rep = Api.addUser(admin, "REP");
        // 23:30 UTC on Tuesday is already Wednesday 07:30 in Shanghai.
        clock.set(Instant.parse("2026-06-09T23:30:00Z"));
        long customer = Customers.createId(rep);
        JsonPath plan = create(rep, customer, interval(1, "WEEKS", "CALL", "note", "Ask about the sample"));
        assertEquals("2026-06-10", plan.getString("startsOn"));
        assertEquals("2026-06-10", plan.getString("dueOn"));
        assertEquals("CALL", plan.getString("dueType"));
        assertEquals("ACTIVE", plan.getString("status"));
        assertEquals(List.of("2026-06-17", "2026-06-24", "2026-07-01"), plan.getList("upcoming.on"));
        long id = plan.getLong("id");

        // An e-mail is not the call the task asks for.
        followUp(rep, customer, "EMAIL", clock.instant());
        rep.as().get(plans(customer) + "/" + id).then().statusCode(200).body("step", equalTo(0))
                .body("dueOn", equalTo("2026-06-10"));
        // A call completes it; the next is a week after the scheduled one.
        clock.set(Instant.parse("2026-06-10T03:00:00Z"));
        followUp(rep, customer, "CALL", clock.instant());
        rep.as().get(plans(customer) + "/" + id).then().statusCode(200).body("step", equalTo(1))
                .body("completedSteps", equalTo(1)).body("dueOn", equalTo("2026-06-17"));
        // A back-dated call (before the step began) does not complete the next one.
        followUp(rep, customer, "CALL", Instant.parse("2026-06-08T03:00:00Z"));
        rep.as().get(plans(customer) + "/" + id).then().body("step", equalTo(1));

        // Three weeks late: the missed occurrences are skipped, the next one is after the day it was done.
        clock.set(Instant.parse("2026-07-09T03:00:00Z"));
        rep.as().body(Map.of("content", "Called about the sample")).post(plans(customer) + "/" + id + "/complete")
                .then().statusCode(200).body("step", equalTo(5)).body("dueOn", equalTo("2026-07-15"));
        rep.as().get("/api/v1/customers/" + customer + "/follow-ups").then()
                .body("items[0].type", equalTo("CALL")).body("items[0].content", equalTo("Called about the sample"));
    }

    @Test
    void aSequenceKeepsEveryStepAndEndsAfterTheLast() {
        Session admin = PoolHelper.openStore("Sequence", "Asia/Shanghai");
        Session rep = Api.addUser(admin, "REP");
        clock.set(WEDNESDAY);
        long customer = Customers.createId(rep);
        JsonPath plan = create(rep, customer, Map.of("cadence", "SEQUENCE", "steps", List.of(
                Map.of("day", 0, "type", "EMAIL", "note", "Send the catalogue"),
                Map.of("day", 3, "type", "CALL"),
                Map.of("day", 10, "type", "QUOTATION", "note", "Quote 2,000 hinges"))));
        long id = plan.getLong("id");
        assertEquals("EMAIL", plan.getString("dueType"));
        assertEquals("Send the catalogue", plan.getString("dueNote"));
        assertEquals(List.of("2026-06-13", "2026-06-20"), plan.getList("upcoming.on"));
        // Late by a week: the call step is not skipped, it is due the day after.
        clock.set(Instant.parse("2026-06-17T02:00:00Z"));
        followUp(rep, customer, "EMAIL", clock.instant());
        rep.as().get(plans(customer) + "/" + id).then().body("dueType", equalTo("CALL")).body("dueOn", equalTo("2026-06-18"));
        followUp(rep, customer, "CALL", clock.instant());
        rep.as().get(plans(customer) + "/" + id).then().body("dueType", equalTo("QUOTATION"))
                .body("dueOn", equalTo("2026-06-20"));
        followUp(rep, customer, "QUOTATION", clock.instant());
        rep.as().get(plans(customer) + "/" + id).then().body("status", equalTo("ENDED"))
                .body("endReason", equalTo("FINISHED")).body("dueOn", nullValue()).body("completedSteps", equalTo(3));
        problem(rep.as().post(plans(customer) + "/" + id + "/complete").then(), 409, "plan-ended");
    }

    @Test
    void theAgendaUsesTheStoresDayAcrossADaylightSavingChange() {
        Session admin = PoolHelper.openStore("Berlin", "Europe/Berlin");
        Session rep = Api.addUser(admin, "REP");
        // Saturday 28 March 2026, noon in Berlin; clocks go forward that night.
        clock.set(Instant.parse("2026-03-28T11:00:00Z"));
        long customer = Customers.createId(rep);
        long id = create(rep, customer, interval(1, "DAYS", "CALL")).getLong("id");
        // 22:30 UTC on Sunday 29 is 00:30 on Monday 30 in Berlin (CEST, +2): the 28th's and 29th's tasks are
        // overdue, the 30th's is today. Done on the 30th, the next one is the 31st.
        clock.set(Instant.parse("2026-03-29T22:30:00Z"));
        JsonPath agenda = rep.as().get("/api/v1/agenda").then().statusCode(200).extract().jsonPath();
        assertEquals("2026-03-30", agenda.getString("today"));
        assertEquals("2026-03-28", agenda.getString("items.find { it.key == 'plan-" + id + "' }.dueOn"));
        assertEquals(1, agenda.getInt("counts.overdue"));
        rep.as().post("/api/v1/agenda/items/plan-" + id + "/done").then().statusCode(204);
        rep.as().get(plans(customer) + "/" + id).then().body("dueOn", equalTo("2026-03-31"));
        agenda = rep.as().get("/api/v1/agenda").then().statusCode(200).extract().jsonPath();
        assertEquals(0, agenda.getInt("counts.overdue"));
        assertEquals(1, agenda.getInt("counts.upcoming"));
    }

    @Test
    void everyCadenceFieldErrorIsReportedAtOnceAndNothingIsCreated() {
        Session admin = PoolHelper.openStore("Invalid plans", "UTC");
        Session rep = Api.addUser(admin, "REP");
        long customer = Customers.createId(rep);
        problem(rep.as().body(Map.of("cadence", Map.of("cadence", "INTERVAL", "weekdays", List.of("MONDAY"))))
                .post(plans(customer)).then(), 400, "validation")
                .body("errors.field", containsInAnyOrder("cadence.every", "cadence.unit", "cadence.weekdays",
                        "cadence.taskType"));
        problem(rep.as().body(Map.of("cadence", Map.of("cadence", "SEQUENCE", "taskType", "CALL", "steps", List.of(
                Map.of("day", 5, "type", "CALL"), Map.of("day", 2, "type", "EMAIL")))))
                .post(plans(customer)).then(), 400, "validation")
                .body("errors.field", containsInAnyOrder("cadence.taskType", "cadence.steps[1].day"));
        problem(rep.as().body(Map.of("cadence", interval(1, "DAYS", "CALL"), "startsOn", "2026-06-10",
                "endsOn", "2026-06-01")).post(plans(customer)).then(), 400, "validation")
                .body("errors[0].field", equalTo("endsOn")).body("errors[0].code", equalTo("NOT_BEFORE_FIELD"));
        // Ends before today: there would be no task.
        problem(rep.as().body(Map.of("cadence", interval(1, "DAYS", "CALL"), "startsOn", "2020-01-01",
                "endsOn", "2020-02-01")).post(plans(customer)).then(), 400, "validation")
                .body("errors[0].field", equalTo("endsOn"));
        problem(rep.as().body(Map.of("cadence", interval(0, "YEARS", "CALL"))).post(plans(customer)).then(), 400,
                "validation").body("errors.field", hasItem("cadence.unit"));
        rep.as().get(plans(customer)).then().body("items", hasSize(0));
    }

    @Test
    void aPlanPausesInThePoolAndMovesWithTheCustomer() {
        Session admin = PoolHelper.openStore("Plans and pool", "UTC");
        Session rep = Api.addUser(admin, "REP");
        Session other = Api.addUser(admin, "REP");
        Session manager = Api.addUser(admin, "MANAGER");
        clock.set(WEDNESDAY);
        long customer = Customers.createId(rep);
        long id = create(rep, customer, interval(1, "DAYS", "CALL")).getLong("id");
        rep.as().get("/api/v1/agenda").then().body("items.key", hasItem("plan-" + id));

        rep.as().body(Map.of("reasonId", PoolHelper.releaseReason(rep))).post("/api/v1/customers/" + customer + "/release")
                .then().statusCode(200);
        rep.as().get(plans(customer)).then().body("items[0].status", equalTo("PAUSED"));
        rep.as().get("/api/v1/agenda").then().body("items.key", not(hasItem("plan-" + id)));
        // A rep may not plan for a pool customer: claim it first.
        problem(other.as().body(Map.of("cadence", interval(1, "DAYS", "CALL"))).post(plans(customer)).then(), 403,
                "forbidden");

        // Claimed ten days later: the task is due that day, not ten days overdue, in the new owner's agenda.
        clock.set(Instant.parse("2026-06-20T02:00:00Z"));
        PoolHelper.claim(other, List.of(customer));
        other.as().get(plans(customer)).then().body("items[0].status", equalTo("ACTIVE"));
        JsonPath agenda = other.as().get("/api/v1/agenda").then().extract().jsonPath();
        assertEquals("2026-06-20", agenda.getString("items.find { it.key == 'plan-" + id + "' }.dueOn"));
        assertEquals(0, agenda.getInt("counts.overdue"));

        // Transferred by a manager: it goes to the rep's agenda, and leaves the other's. (An assignment stamps
        // owned_since with the database's clock: back to real time for it.)
        clock.reset();
        manager.as().body(Map.of("customerIds", List.of(customer), "userId", rep.userId())).post("/api/v1/pool/assign")
                .then().statusCode(200).body("assigned", equalTo(List.of((int) customer)));
        rep.as().get("/api/v1/agenda").then().body("items.key", hasItem("plan-" + id));
        other.as().get("/api/v1/agenda").then().body("items.key", not(hasItem("plan-" + id)));
        // A rep reads only their own agenda; a manager anyone's.
        problem(other.as().get("/api/v1/agenda?userId=" + rep.userId()).then(), 403, "forbidden");
        manager.as().get("/api/v1/agenda?userId=" + rep.userId()).then().statusCode(200)
                .body("userId", equalTo((int) rep.userId())).body("items.key", hasItem("plan-" + id));
        // Another store's people and plans are not found.
        Session stranger = PoolHelper.openStore("Elsewhere", "UTC");
        stranger.as().get(plans(customer)).then().statusCode(404);
        stranger.as().get("/api/v1/agenda?userId=" + rep.userId()).then().statusCode(404);
        problem(stranger.as().post("/api/v1/agenda/items/plan-" + id + "/done").then(), 404, "not-found");
    }

    @Test
    void stageTemplatesStartPlansWhenCustomersEnterTheStageAndEndThemWhenTheyLeave() {
        Session admin = PoolHelper.openStore("Templates", "UTC");
        Session rep = Api.addUser(admin, "REP");
        Session manager = Api.addUser(admin, "MANAGER");
        clock.set(WEDNESDAY);
        Map<String, Object> template = interval(14, "DAYS", "CALL", "firstAfterDays", 7, "note", "How was the sample?");
        problem(manager.as().body(template).put("/api/v1/plans/stage-templates/SAMPLE_ORDER").then(), 403, "forbidden");
        admin.as().body(template).put("/api/v1/plans/stage-templates/SAMPLE_ORDER").then().statusCode(200)
                .body("stage", equalTo("SAMPLE_ORDER")).body("cadence.firstAfterDays", equalTo(7));
        rep.as().get("/api/v1/plans/stage-templates").then().body("items.stage", equalTo(List.of("SAMPLE_ORDER")));

        long one = Customers.createId(rep);
        long two = Customers.createId(rep);
        rep.as().body(Map.of("stage", "SAMPLE_ORDER")).patch("/api/v1/customers/" + one).then().statusCode(200);
        JsonPath plans = rep.as().get(plans(one)).then().extract().jsonPath();
        assertEquals("SAMPLE_ORDER", plans.getString("items[0].templateStage"));
        assertEquals("2026-06-17", plans.getString("items[0].dueOn"));
        assertEquals("How was the sample?", plans.getString("items[0].dueNote"));
        assertEquals(List.of("2026-07-01", "2026-07-15", "2026-07-29"), plans.getList("items[0].upcoming.on"));
        // A batch of stage changes gets them too (the trigger sees every writer).
        rep.as().body(Map.of("selection", Map.of("ids", List.of(two)), "action", "SET_STAGE", "stage", "SAMPLE_ORDER"))
                .post("/api/v1/customers/batch").then().statusCode(200);
        rep.as().get(plans(two)).then().body("items", hasSize(1)).body("items[0].templateStage", equalTo("SAMPLE_ORDER"));
        // A plan of the rep's own stays when the stage moves on; the template's ends.
        long own = create(rep, one, interval(1, "MONTHS", "EMAIL")).getLong("id");
        rep.as().body(Map.of("stage", "TRANSACTION")).patch("/api/v1/customers/" + one).then().statusCode(200);
        plans = rep.as().get(plans(one)).then().extract().jsonPath();
        assertEquals("ACTIVE", plans.getString("items.find { it.id == " + own + " }.status"));
        assertEquals("STAGE_LEFT", plans.getString("items.find { it.templateStage == 'SAMPLE_ORDER' }.endReason"));
        // Lost ends every plan.
        rep.as().body(Map.of("reasonId", PoolHelper.releaseReason(rep))).post("/api/v1/customers/" + one + "/lost")
                .then().statusCode(200);
        rep.as().get(plans(one)).then().body("items.status", everyItemIs("ENDED"))
                .body("items.find { it.id == " + own + " }.endReason", equalTo("LOST"));

        admin.as().delete("/api/v1/plans/stage-templates/SAMPLE_ORDER").then().statusCode(204);
        problem(admin.as().delete("/api/v1/plans/stage-templates/SAMPLE_ORDER").then(), 404, "not-found");
    }

    static org.hamcrest.Matcher<Iterable<? extends String>> everyItemIs(String value) {
        return org.hamcrest.Matchers.everyItem(equalTo(value));
    }

    @Test
    void aBatchPlansForEveryCustomerOfTheSelectionTheCallerMayChange() {
        Session admin = PoolHelper.openStore("Batch plans", "UTC");
        Session rep = Api.addUser(admin, "REP");
        Session other = Api.addUser(admin, "REP");
        clock.set(WEDNESDAY);
        long mine = Customers.createId(rep, "name", "Batch Alpha");
        long mineToo = Customers.createId(rep, "name", "Batch Beta");
        long theirs = Customers.createId(other, "name", "Batch Gamma");
        rep.as().body(Map.of("selection", Map.of("ids", List.of(mine, mineToo, theirs)),
                "plan", Map.of("cadence", Map.of("cadence", "WEEKDAYS", "weekdays", List.of("MONDAY", "THURSDAY"),
                        "taskType", "CALL"))))
                .post("/api/v1/plans/batch").then().statusCode(200)
                .body("created", equalTo(2)).body("skipped[0].id", equalTo((int) theirs))
                .body("skipped[0].reason", equalTo("NOT_FOUND"));
        rep.as().get(plans(mine)).then().body("items[0].dueOn", equalTo("2026-06-11"))
                .body("items[0].weekdays", equalTo(List.of("MONDAY", "THURSDAY")));
        rep.as().get(plans(mineToo)).then().body("items", hasSize(1));
        other.as().get(plans(theirs)).then().body("items", hasSize(0));
        // By a screening filter.
        rep.as().body(Map.of("selection", Map.of("filter", Map.of("q", "Batch Alpha")),
                "plan", Map.of("cadence", interval(3, "DAYS", "EMAIL"))))
                .post("/api/v1/plans/batch").then().statusCode(200).body("created", equalTo(1));
        rep.as().get(plans(mine)).then().body("items", hasSize(2));
    }

    @Test
    void rescheduleAndCancelAreTheOwnersAndManagers() {
        Session admin = PoolHelper.openStore("Reschedule", "UTC");
        Session rep = Api.addUser(admin, "REP");
        Session other = Api.addUser(admin, "REP");
        clock.set(WEDNESDAY);
        long customer = Customers.createId(rep);
        long id = create(rep, customer, interval(1, "WEEKS", "VISIT")).getLong("id");
        problem(rep.as().body(Map.of("dueOn", "2026-06-09")).post(plans(customer) + "/" + id + "/reschedule").then(),
                400, "validation").body("errors[0].field", equalTo("dueOn"));
        rep.as().body(Map.of("on", "2026-06-11")).post("/api/v1/agenda/items/plan-" + id + "/reschedule").then()
                .statusCode(204);
        rep.as().get(plans(customer) + "/" + id).then().body("dueOn", equalTo("2026-06-11"));
        other.as().body(Map.of("dueOn", "2026-06-12")).post(plans(customer) + "/" + id + "/reschedule").then()
                .statusCode(404);
        other.as().delete(plans(customer) + "/" + id).then().statusCode(404);
        rep.as().delete(plans(customer) + "/" + id).then().statusCode(204);
        rep.as().get(plans(customer) + "/" + id).then().body("status", equalTo("ENDED"))
                .body("endReason", equalTo("CANCELLED"));
        problem(rep.as().body(Map.of("on", "2026-06-12")).post("/api/v1/agenda/items/plan-" + id + "/reschedule").then(),
                409, "plan-ended");
    }
}
