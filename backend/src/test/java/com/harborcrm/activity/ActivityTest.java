package com.harborcrm.activity;

import static com.harborcrm.testing.Api.problem;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.harborcrm.testing.Api;
import com.harborcrm.testing.Api.Session;
import com.harborcrm.testing.Customers;
import com.harborcrm.testing.PoolHelper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The team activity feed and its summaries: sources, filters, paging, who sees what, masking, bad input. */
@QuarkusTest
class ActivityTest {

    record Team(Session admin, Session manager, Session lin, Session chen, Session idle, long acme, long blue, long tag) {
    }

    static void followUp(Session as, long customer, String type, String content, Instant next) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("type", type, "content", content));
        if (next != null) {
            body.put("nextFollowUpAt", next.toString());
        }
        as.as().body(body).post("/api/v1/customers/" + customer + "/follow-ups").then().statusCode(201);
    }

    /** Lin calls Acme (Chinese notes) and moves it to SAMPLE_ORDER; Chen e-mails Blue and sends it a quotation. */
    static Team team(String name) {
        Session admin = Api.openStore(name);
        Session manager = Api.addUser(admin, "MANAGER");
        Session lin = Api.addUser(admin, "REP");
        Session chen = Api.addUser(admin, "REP");
        Session idle = Api.addUser(admin, "REP");
        admin.as().body(Map.of("team", "East")).patch("/api/v1/users/" + lin.userId()).then().statusCode(200)
                .body("team", equalTo("East"));
        long tag = admin.as().body(Map.of("name", "VIP " + name, "color", "#112233")).post("/api/v1/tags").then()
                .statusCode(201).extract().jsonPath().getLong("id");
        long acme = Customers.createId(lin, "name", "Acme Trading", "email", "buyer@acme.example");
        long blue = Customers.createId(chen, "name", "Blue Ocean");
        manager.as().body(Map.of("tagIds", List.of(tag))).put("/api/v1/customers/" + acme + "/tags").then().statusCode(200);
        followUp(lin, acme, "CALL", "讨论了样品报价，客户邮箱 buyer@acme.example", null);
        lin.as().body(Map.of("stage", "SAMPLE_ORDER")).patch("/api/v1/customers/" + acme).then().statusCode(200);
        followUp(chen, blue, "EMAIL", "Sent the catalogue", null);
        long order = chen.as().body(Map.of("kind", "QUOTATION", "currency", "USD", "lines",
                List.of(Map.of("description", "Hinges", "quantity", 100, "unitPrice", "1.50"))))
                .post("/api/v1/customers/" + blue + "/orders").then().statusCode(201).extract().jsonPath().getLong("id");
        chen.as().body(Map.of("status", "SENT")).post("/api/v1/orders/" + order + "/status").then().statusCode(200);
        return new Team(admin, manager, lin, chen, idle, acme, blue, tag);
    }

    static JsonPath feed(Session as, String query) {
        return as.as().get("/api/v1/activity" + query).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aManagerReadsEveryonesEntriesNewestFirstAcrossSources() {
        Team t = team("Feed");
        JsonPath all = feed(t.manager(), "");
        List<String> types = all.getList("items.type");
        assertTrue(types.containsAll(List.of("CALL", "STAGE_CHANGED", "EMAIL", "ORDER_DRAFT", "ORDER_SENT", "CREATED")), types.toString());
        List<String> at = all.getList("items.at");
        List<String> sorted = new ArrayList<>(at);
        sorted.sort(java.util.Comparator.reverseOrder());
        assertEquals(sorted, at);
        assertEquals("ORDER_SENT", all.getString("items[0].type"));
        assertEquals("ORDER", all.getString("items[0].source"));
        assertEquals("SENT", all.getString("items[0].data.status"));
        assertEquals("Blue Ocean", all.getString("items[0].customerName"));
        assertEquals("REP user", all.getString("items[0].actorName"));
        assertEquals("SAMPLE_ORDER", all.getString("items.find { it.type == 'STAGE_CHANGED' }.data.to"));

        // Pages of two: every entry once, in the same order.
        List<String> paged = new ArrayList<>();
        String cursor = null;
        do {
            JsonPath page = feed(t.manager(), "?limit=2" + (cursor == null ? "" : "&cursor=" + cursor));
            assertTrue(page.getList("items").size() <= 2);
            for (int i = 0; i < page.getList("items").size(); i++) {
                paged.add(page.getString("items[" + i + "].source") + page.getLong("items[" + i + "].id"));
            }
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        List<String> whole = new ArrayList<>();
        for (int i = 0; i < all.getList("items").size(); i++) {
            whole.add(all.getString("items[" + i + "].source") + all.getLong("items[" + i + "].id"));
        }
        assertEquals(whole, paged);
        assertEquals(whole.size(), new HashSet<>(whole).size());

        // Another store sees nothing of it.
        Session stranger = Api.openStore("Elsewhere");
        feed(stranger, "").getList("items.customerName").forEach(n -> assertTrue(!"Acme Trading".equals(n)));
    }

    @Test
    void filtersCombineByPersonTeamTypeStageTagPeriodAndText() {
        Team t = team("Filters");
        String lin = "userId=" + t.lin().userId();
        feed(t.manager(), "?" + lin).getList("items.actorId", Integer.class)
                .forEach(id -> assertEquals((int) t.lin().userId(), id));
        assertEquals(feed(t.manager(), "?" + lin).getList("items"), feed(t.manager(), "?team=East").getList("items"));
        assertEquals(List.of("CALL"), feed(t.manager(), "?type=CALL").getList("items.type"));
        assertEquals(List.of("EMAIL", "CALL"), feed(t.manager(), "?type=CALL&type=EMAIL").getList("items.type"));
        assertEquals(List.of("ORDER_SENT"), feed(t.manager(), "?type=ORDER_SENT").getList("items.type"));
        // The customer's current stage and tags.
        assertThatAll(feed(t.manager(), "?stage=SAMPLE_ORDER"), "customerName", "Acme Trading");
        assertThatAll(feed(t.manager(), "?tagId=" + t.tag()), "customerName", "Acme Trading");
        assertEquals(0, feed(t.manager(), "?stage=TRANSACTION").getList("items").size());
        // Chinese text, three characters and two; only follow-ups carry text.
        assertEquals(List.of("CALL"), feed(t.manager(), "?q=样品报价").getList("items.type"));
        assertEquals(List.of("CALL"), feed(t.manager(), "?q=报价").getList("items.type"));
        assertEquals(List.of("EMAIL"), feed(t.manager(), "?q=catalogue&type=EMAIL&type=CALL").getList("items.type"));
        // A period in the store's days.
        String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
        assertTrue(feed(t.manager(), "?from=" + today + "&to=" + today).getList("items").size() >= 6);
        assertEquals(0, feed(t.manager(), "?from=2020-01-01&to=2020-01-31").getList("items").size());
        assertEquals(0, feed(t.manager(), "?team=Nobody").getList("items").size());
    }

    static void assertThatAll(JsonPath page, String member, String value) {
        List<Object> values = page.getList("items." + member);
        assertTrue(!values.isEmpty());
        values.forEach(v -> assertEquals(value, v));
    }

    @Test
    void aRepReadsTheirOwnEntriesWithPoolCustomersMasked() {
        Team t = team("Own feed");
        JsonPath mine = feed(t.lin(), "");
        mine.getList("items.actorId", Integer.class).forEach(id -> assertEquals((int) t.lin().userId(), id));
        assertTrue(mine.getString("items.find { it.type == 'CALL' }.content").contains("buyer@acme.example"));
        problem(t.lin().as().get("/api/v1/activity?userId=" + t.chen().userId()).then(), 403, "forbidden");
        problem(t.lin().as().get("/api/v1/activity/summary?userId=" + t.chen().userId()).then(), 403, "forbidden");

        // Released to the pool, Acme's e-mail in Lin's own note is masked for Lin like everywhere else.
        t.lin().as().body(Map.of("reasonId", PoolHelper.releaseReason(t.lin())))
                .post("/api/v1/customers/" + t.acme() + "/release").then().statusCode(200);
        String content = feed(t.lin(), "?type=CALL").getString("items[0].content");
        assertTrue(!content.contains("buyer@acme.example"), content);
        assertTrue(content.contains("讨论了样品报价"), content);
        // A manager reads it whole.
        assertTrue(feed(t.manager(), "?type=CALL").getString("items[0].content").contains("buyer@acme.example"));
    }

    @Test
    void badFiltersAreReportedTogether() {
        Team t = team("Bad filters");
        problem(t.manager().as().get("/api/v1/activity?type=BOGUS&stage=NOWHERE&from=2026-13-01&to=yesterday").then(),
                400, "validation").body("errors.field", containsInAnyOrder("from", "to", "stage"));
        problem(t.manager().as().get("/api/v1/activity?type=BOGUS").then(), 400, "validation")
                .body("errors[0].field", equalTo("type")).body("errors[0].code", equalTo("ONE_OF"))
                .body("errors[0].allowed", hasItem("ORDER_PAID"));
        problem(t.manager().as().get("/api/v1/activity?from=2026-06-10&to=2026-06-01").then(), 400, "validation")
                .body("errors[0].code", equalTo("NOT_BEFORE_FIELD"));
        problem(t.manager().as().get("/api/v1/activity?cursor=garbage").then(), 400, "validation");
        problem(t.manager().as().get("/api/v1/activity/summary?from=2026-01-01&to=2026-12-31").then(), 400, "validation")
                .body("errors[0].field", equalTo("to"));
    }

    @Test
    void summariesCountPerPersonAndDayAndShowWhoLetsCustomersDrift() {
        Team t = team("Summary");
        followUp(t.lin(), t.acme(), "MEETING", "Met at the fair", null);
        JsonPath summary = t.manager().as().get("/api/v1/activity/summary").then().statusCode(200).extract().jsonPath();
        String lin = "reps.find { it.userId == " + t.lin().userId() + " }";
        assertEquals(1, summary.getInt(lin + ".counts.CALL"));
        assertEquals(1, summary.getInt(lin + ".counts.MEETING"));
        assertEquals(1, summary.getInt(lin + ".counts.STAGE_CHANGED"));
        assertEquals(2, summary.getInt(lin + ".followUps"));
        assertEquals(1, summary.getInt(lin + ".customersTouched"));
        assertEquals(1, summary.getInt(lin + ".activeDays"));
        assertEquals("East", summary.getString(lin + ".team"));
        String chen = "reps.find { it.userId == " + t.chen().userId() + " }";
        assertEquals(1, summary.getInt(chen + ".counts.ORDER_SENT"));
        // The idle rep is listed, with nothing.
        String idle = "reps.find { it.userId == " + t.idle().userId() + " }";
        assertEquals(0, summary.getInt(idle + ".followUps"));
        org.junit.jupiter.api.Assertions.assertNull(summary.get(idle + ".lastActivityAt"));
        // Days: Lin's one day with two follow-ups.
        assertEquals(2, summary.getInt("days.find { it.userId == " + t.lin().userId() + " }.followUps"));
        // A rep gets their own line only; a team filter narrows.
        t.chen().as().get("/api/v1/activity/summary").then().statusCode(200)
                .body("reps", hasSize(1)).body("reps[0].userId", equalTo((int) t.chen().userId()));
        t.manager().as().get("/api/v1/activity/summary?team=East").then().statusCode(200)
                .body("reps.userId", equalTo(List.of((int) t.lin().userId())));
    }

    @Test
    void overdueTasksCountPlannedFollowUpsAndPlanSteps() {
        Session admin = Api.openStore("Drift");
        Session rep = Api.addUser(admin, "REP");
        Session manager = Api.addUser(admin, "MANAGER");
        long customer = Customers.createId(rep);
        rep.as().body(Map.of("type", "CALL", "content", "Call", "occurredAt", Instant.now().minus(3, ChronoUnit.DAYS)
                .toString(), "nextFollowUpAt", Instant.now().minus(1, ChronoUnit.DAYS).toString()))
                .post("/api/v1/customers/" + customer + "/follow-ups").then().statusCode(201);
        manager.as().get("/api/v1/activity/summary?userId=" + rep.userId()).then().statusCode(200)
                .body("reps[0].overdueTasks", equalTo(1));
        manager.as().get("/api/v1/activity?type=CALL&userId=" + rep.userId()).then()
                .body("items.customerId", everyItem(equalTo((int) customer))).body("items", not(hasSize(0)));
    }
}
