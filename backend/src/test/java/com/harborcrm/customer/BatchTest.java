package com.harborcrm.customer;

import static com.harborcrm.testing.Api.problem;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.harborcrm.testing.Api;
import com.harborcrm.testing.Api.Session;
import com.harborcrm.testing.Customers;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class BatchTest {

    @Inject
    DataSource dataSource;

    static long tag(Session admin, String name) {
        return admin.as().body(Map.of("name", name, "color", "#112233")).post("/api/v1/tags")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    static io.restassured.response.ValidatableResponse batch(Session as, Object... keyValues) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            body.put((String) keyValues[i], keyValues[i + 1]);
        }
        return as.as().body(body).post("/api/v1/customers/batch").then();
    }

    static List<String> tagNames(Session as, long id) {
        return as.as().get("/api/v1/customers/" + id).then().statusCode(200).extract().jsonPath().getList("tags.name");
    }

    @Test
    void tagActionsChangeOnlyWhatDiffersAndRecordIt() {
        Session admin = Api.openStore("Batch tags");
        Session manager = Api.addUser(admin, "MANAGER");
        long a = tag(admin, "A");
        long b = tag(admin, "B");
        long c1 = Customers.createId(manager);
        long c2 = Customers.createId(manager);
        long untouched = Customers.createId(manager);
        manager.as().body(Map.of("tagIds", List.of(a))).put("/api/v1/customers/" + c1 + "/tags").then().statusCode(200);

        batch(manager, "selection", Map.of("ids", List.of(c1, c2)), "action", "ADD_TAGS", "tagIds", List.of(a, b))
                .statusCode(200).body("matched", equalTo(2)).body("changed", equalTo(2)).body("skipped", empty());
        manager.as().get("/api/v1/customers/" + c1 + "/timeline").then()
                .body("items[0].type", equalTo("TAGS_CHANGED"))
                .body("items[0].data.added", contains((int) b))
                .body("items[0].data.removed", empty());
        batch(manager, "selection", Map.of("ids", List.of(c1, c2)), "action", "ADD_TAGS", "tagIds", List.of(a))
                .statusCode(200).body("matched", equalTo(2)).body("changed", equalTo(0));

        batch(manager, "selection", Map.of("filter", Map.of("tag", List.of(b))), "action", "REMOVE_TAGS", "tagIds", List.of(b))
                .statusCode(200).body("matched", equalTo(2)).body("changed", equalTo(2));
        assertTags(manager, c1, "A");
        // c1 keeps A→B (gets B), c2 also; a customer without A is not touched.
        batch(manager, "selection", Map.of("ids", List.of(c1, c2, untouched)), "action", "REPLACE_TAG",
                "fromTagId", a, "toTagId", b)
                .statusCode(200).body("matched", equalTo(3)).body("changed", equalTo(2));
        assertTags(manager, c1, "B");
        assertTags(manager, c2, "B");
        assertTags(manager, untouched);
        manager.as().get("/api/v1/customers/" + c2 + "/timeline").then()
                .body("items[0].data.removed", contains((int) a))
                .body("items[0].data.added", contains((int) b));
        manager.as().get("/api/v1/customers/" + untouched + "/timeline").then().body("items", hasSize(1));
    }

    static void assertTags(Session as, long id, String... names) {
        org.junit.jupiter.api.Assertions.assertEquals(List.of(names), tagNames(as, id));
    }

    @Test
    void stageAndStarsKeepTheScoreAndVersionInStep() {
        Session admin = Api.openStore("Batch stage");
        long c1 = Customers.createId(admin, "stage", "INQUIRY", "stars", 1, "email", "s1@example.com");
        long c2 = Customers.createId(admin, "stage", "TRANSACTION", "stars", 1);
        batch(admin, "selection", Map.of("filter", Map.of("stage", List.of("INQUIRY", "TRANSACTION"))), "action", "SET_STAGE",
                "stage", "TRANSACTION").statusCode(200).body("matched", equalTo(2)).body("changed", equalTo(1));
        int emailAndStar = PotentialScore.EMAIL + PotentialScore.PER_STAR;
        admin.as().get("/api/v1/customers/" + c1).then()
                .body("stage", equalTo("TRANSACTION"))
                .body("version", equalTo(1))
                .body("potentialScore", equalTo(emailAndStar + PotentialScore.STAGE_TRANSACTION));
        admin.as().get("/api/v1/customers/" + c1 + "/timeline").then()
                .body("items[0].type", equalTo("STAGE_CHANGED"))
                .body("items[0].data.from", equalTo("INQUIRY"))
                .body("items[0].data.to", equalTo("TRANSACTION"))
                .body("items[0].actorId", equalTo((int) admin.userId()));
        // A stale ETag from before the batch no longer applies.
        problem(admin.as().header("If-Match", "\"0\"").body(Map.of("notes", "x")).patch("/api/v1/customers/" + c1).then(),
                412, "precondition-failed");

        batch(admin, "selection", Map.of("ids", List.of(c1, c2)), "action", "SET_STARS", "stars", 3)
                .statusCode(200).body("changed", equalTo(2));
        admin.as().get("/api/v1/customers/" + c1).then().body("stars", equalTo(3))
                .body("potentialScore", equalTo(PotentialScore.EMAIL + 3 * PotentialScore.PER_STAR + PotentialScore.STAGE_TRANSACTION));
        admin.as().get("/api/v1/customers/" + c2 + "/timeline").then()
                .body("items[0].type", equalTo("STARS_CHANGED"))
                .body("items[0].data.from", equalTo(1)).body("items[0].data.to", equalTo(3));
        // The batch result equals what a recomputation gives: a no-op patch of another field recomputes it.
        int stored = admin.as().get("/api/v1/customers/" + c2).then().extract().path("potentialScore");
        admin.as().body(Map.of("notes", "recompute")).patch("/api/v1/customers/" + c2).then()
                .body("potentialScore", equalTo(stored));
    }

    @Test
    void repsActOnTheirOwnOnlyAndOthersAreSkipped() throws Exception {
        Session admin = Api.openStore("Batch rights");
        Session rep = Api.addUser(admin, "REP");
        Session otherRep = Api.addUser(admin, "REP");
        long mine = Customers.createId(rep);
        long theirs = Customers.createId(otherRep);
        long pooled = Customers.createId(admin, "pool", true);
        long foreign = Customers.createId(Api.openStore("Batch foreign"));

        batch(rep, "selection", Map.of("ids", List.of(mine, theirs, pooled, foreign, 987654321L)), "action", "SET_STARS", "stars", 2)
                .statusCode(200).body("matched", equalTo(1)).body("changed", equalTo(1))
                .body("skipped.id", contains((int) theirs, (int) pooled, (int) foreign, 987654321))
                .body("skipped.reason", contains("NOT_FOUND", "NOT_FOUND", "NOT_FOUND", "NOT_FOUND"));
        admin.as().get("/api/v1/customers/" + theirs).then().body("stars", equalTo(0));
        batch(rep, "selection", Map.of("filter", Map.of()), "action", "SET_STAGE", "stage", "INQUIRY")
                .statusCode(200).body("matched", equalTo(1));
        admin.as().get("/api/v1/customers/" + theirs).then().body("stage", equalTo("UNMARKED"));

        problem(batch(rep, "selection", Map.of("ids", List.of(mine)), "action", "DELETE"), 403, "forbidden");
        batch(admin, "selection", Map.of("ids", List.of(mine, theirs, foreign)), "action", "DELETE")
                .statusCode(200).body("matched", equalTo(2)).body("changed", equalTo(2))
                .body("skipped.id", contains((int) foreign));
        problem(admin.as().get("/api/v1/customers/" + mine).then(), 404, "not-found");
        try (var connection = dataSource.getConnection();
                var statement = connection.prepareStatement(
                        "select count(*) from audit_events where store_id = ? and action = 'CUSTOMER_DELETED' and entity_id in (?, ?)")) {
            statement.setLong(1, admin.storeId());
            statement.setLong(2, mine);
            statement.setLong(3, theirs);
            try (var rows = statement.executeQuery()) {
                rows.next();
                org.junit.jupiter.api.Assertions.assertEquals(2, rows.getLong(1));
            }
        }
    }

    @Test
    void invalidRequestsAreFieldErrors() {
        Session admin = Api.openStore("Batch validation");
        long id = Customers.createId(admin);
        long foreignTag = tag(Api.openStore("Batch foreign tag"), "X");
        long a = tag(admin, "A");
        problem(batch(admin, "selection", Map.of("ids", List.of(id), "filter", Map.of()), "action", "SET_STARS", "stars", 1),
                400, "validation").body("errors[0].field", equalTo("selection"));
        problem(batch(admin, "selection", Map.of(), "action", "SET_STARS", "stars", 1), 400, "validation")
                .body("errors[0].field", equalTo("selection"));
        problem(batch(admin, "action", "SET_STARS", "stars", 1), 400, "validation")
                .body("errors[0].field", equalTo("selection"));
        problem(batch(admin, "selection", Map.of("ids", List.of(id)), "action", "ADD_TAGS"), 400, "validation")
                .body("errors[0].field", equalTo("tagIds"));
        problem(batch(admin, "selection", Map.of("ids", List.of(id)), "action", "ADD_TAGS", "tagIds", List.of(a, foreignTag)),
                400, "validation").body("errors[0].field", equalTo("tagIds"));
        problem(batch(admin, "selection", Map.of("ids", List.of(id)), "action", "REPLACE_TAG", "fromTagId", a, "toTagId", a),
                400, "validation").body("errors[0].field", equalTo("toTagId"));
        problem(batch(admin, "selection", Map.of("ids", List.of(id)), "action", "REPLACE_TAG", "fromTagId", a),
                400, "validation").body("errors[0].field", equalTo("toTagId"));
        problem(batch(admin, "selection", Map.of("ids", List.of(id)), "action", "SET_STARS", "stars", 4), 400, "validation")
                .body("errors[0].field", equalTo("stars"));
        problem(batch(admin, "selection", Map.of("ids", List.of(id)), "action", "SET_STAGE"), 400, "validation")
                .body("errors[0].field", equalTo("stage"));
        problem(batch(admin, "selection", Map.of("ids", List.of(id)), "action", "MERGE"), 400, "validation")
                .body("errors[0].field", equalTo("action"));
        problem(batch(admin, "selection", Map.of("filter", Map.of("stars", List.of(9))), "action", "SET_STAGE", "stage", "INQUIRY"),
                400, "validation").body("errors[0].field", equalTo("stars"));
        List<Long> tooMany = new ArrayList<>();
        for (long i = 1; i <= BatchDtos.MAX_CUSTOMERS + 1; i++) {
            tooMany.add(i);
        }
        problem(batch(admin, "selection", Map.of("ids", tooMany), "action", "SET_STARS", "stars", 1), 400, "validation")
                .body("errors[0].field", equalTo("selection.ids"));
        batch(admin, "selection", Map.of("ids", List.of()), "action", "SET_STARS", "stars", 1)
                .statusCode(200).body("matched", equalTo(0));
        admin.as().get("/api/v1/customers/" + id).then().body("stars", equalTo(0)).body("version", equalTo(0));
    }
}
