package com.harborcrm.customer;

import static com.harborcrm.testing.Api.problem;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.harborcrm.testing.Api;
import com.harborcrm.testing.Api.Session;
import com.harborcrm.testing.Customers;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class TimelineTest {

    static String timeline(long id) {
        return "/api/v1/customers/" + id + "/timeline";
    }

    @Test
    void eventsAndFollowUpsComeNewestFirstWithTheirData() {
        Session admin = Api.openStore("Timeline");
        Session manager = Api.addUser(admin, "MANAGER");
        Session rep = Api.addUser(admin, "REP");
        long id = manager.as().body(Customers.body("ownerId", rep.userId(), "source", "EXHIBITION"))
                .post("/api/v1/customers").then().statusCode(201).extract().jsonPath().getLong("id");
        rep.as().body(Map.of("type", "MEETING", "content", "Met at the Canton Fair",
                        "occurredAt", Instant.now().minus(Duration.ofDays(2)).toString()))
                .post("/api/v1/customers/" + id + "/follow-ups").then().statusCode(201);
        rep.as().body(Map.of("stage", "SAMPLE_ORDER")).patch("/api/v1/customers/" + id).then().statusCode(200);
        rep.as().body(Map.of("stars", 2)).patch("/api/v1/customers/" + id).then().statusCode(200);
        long tag = admin.as().body(Map.of("name", "Fair 2026", "color", "#123456")).post("/api/v1/tags")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        rep.as().body(Map.of("tagIds", List.of(tag))).put("/api/v1/customers/" + id + "/tags").then().statusCode(200);
        long reason = rep.as().get("/api/v1/lost-reasons").then().extract().jsonPath().getLong("items[1].id");
        rep.as().body(Map.of("reasonId", reason)).post("/api/v1/customers/" + id + "/lost").then().statusCode(200);
        rep.as().body(Map.of("type", "CALL", "content", "They came back")).post("/api/v1/customers/" + id + "/follow-ups")
                .then().statusCode(201);
        rep.as().post("/api/v1/customers/" + id + "/reactivate").then().statusCode(200);

        rep.as().get(timeline(id)).then().statusCode(200)
                .body("items.type", contains("REACTIVATED", "CALL", "LOST", "TAGS_CHANGED", "STARS_CHANGED",
                        "STAGE_CHANGED", "OWNER_CHANGED", "CREATED", "MEETING"))
                .body("items.kind", contains("EVENT", "FOLLOW_UP", "EVENT", "EVENT", "EVENT", "EVENT", "EVENT", "EVENT",
                        "FOLLOW_UP"))
                .body("items[1].content", equalTo("They came back"))
                .body("items[1].actorName", equalTo("REP user"))
                .body("items[4].data.from", equalTo(0))
                .body("items[4].data.to", equalTo(2))
                .body("items[5].data.from", equalTo("UNMARKED"))
                .body("items[5].data.to", equalTo("SAMPLE_ORDER"))
                .body("items[5].data.ownerId", equalTo((int) rep.userId()))
                .body("items[3].data.added", contains((int) tag))
                .body("items[6].data.kind", equalTo("ASSIGNED"))
                .body("items[6].data.fromOwnerId", nullValue())
                .body("items[6].data.toOwnerId", equalTo((int) rep.userId()))
                .body("items[6].actorId", equalTo((int) manager.userId()))
                .body("items[7].data.source", equalTo("EXHIBITION"))
                .body("items[7].data.stage", equalTo("UNMARKED"))
                .body("nextCursor", nullValue());
    }

    @Test
    void pagesNeverSkipOrRepeatWhileEntriesArrive() {
        Session admin = Api.openStore("Timeline paging");
        long id = Customers.createId(admin);
        for (int i = 0; i < 5; i++) {
            admin.as().body(Map.of("stars", i % 4)).patch("/api/v1/customers/" + id).then().statusCode(200);
            admin.as().body(Map.of("type", "NOTE", "content", "note " + i)).post("/api/v1/customers/" + id + "/follow-ups")
                    .then().statusCode(201);
        }
        List<String> before = entries(admin, id, 100, null);
        List<String> paged = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = admin.as().queryParam("limit", 3);
            if (cursor != null) {
                request = request.queryParam("cursor", cursor);
            }
            var page = request.get(timeline(id)).then().statusCode(200).extract().jsonPath();
            List<String> kinds = page.getList("items.kind");
            List<Integer> ids = page.getList("items.id");
            for (int i = 0; i < kinds.size(); i++) {
                paged.add(kinds.get(i) + ids.get(i));
            }
            cursor = page.getString("nextCursor");
            // Newer entries arrive between pages; they sort before the cursor and must not disturb the rest.
            admin.as().body(Map.of("type", "NOTE", "content", "meanwhile")).post("/api/v1/customers/" + id + "/follow-ups")
                    .then().statusCode(201);
            pages++;
        } while (cursor != null);
        assertEquals(before, paged);
        assertEquals((before.size() + 2) / 3, pages);

        problem(admin.as().get(timeline(id) + "?cursor=xyz").then(), 400, "validation");
        problem(admin.as().get(timeline(id) + "?cursor=" + com.harborcrm.common.paging.Cursor.encode("2020-01-01T00:00:00Z", "DROP", 1))
                .then(), 400, "validation");
        problem(admin.as().get(timeline(id) + "?limit=0").then(), 400, "validation");
    }

    @Test
    void theTimelineIsAsPrivateAsTheCustomer() {
        Session admin = Api.openStore("Timeline privacy");
        Session rep = Api.addUser(admin, "REP");
        Session otherRep = Api.addUser(admin, "REP");
        long id = Customers.createId(rep);
        problem(otherRep.as().get(timeline(id)).then(), 404, "not-found");
        problem(Api.openStore("Timeline stranger").as().get(timeline(id)).then(), 404, "not-found");
        admin.as().get(timeline(id)).then().statusCode(200).body("items.type", contains("CREATED"));
    }

    static List<String> entries(Session as, long id, int limit, String cursor) {
        var page = as.as().queryParam("limit", limit).get(timeline(id)).then().statusCode(200).extract().jsonPath();
        List<String> kinds = page.getList("items.kind");
        List<Integer> ids = page.getList("items.id");
        List<String> result = new ArrayList<>();
        for (int i = 0; i < kinds.size(); i++) {
            result.add(kinds.get(i) + ids.get(i));
        }
        return result;
    }
}
