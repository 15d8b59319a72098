package com.harborcrm.tag;

import static com.harborcrm.testing.Api.problem;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.harborcrm.testing.Api;
import com.harborcrm.testing.Api.Session;
import com.harborcrm.testing.Customers;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class TagTest {

    public static long tag(Session as, String name) {
        return as.as().body(Map.of("name", name, "color", "#1e88e5")).post("/api/v1/tags")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    @Test
    void namesAreUniquePerStoreIgnoringCase() {
        Session admin = Api.openStore("Tags");
        Session manager = Api.addUser(admin, "MANAGER");
        Session rep = Api.addUser(admin, "REP");
        long vip = admin.as().body(Map.of("name", " VIP ", "color", "#e53935", "group", "Importance"))
                .post("/api/v1/tags").then().statusCode(201)
                .body("name", equalTo("VIP")).body("color", equalTo("#E53935")).body("group", equalTo("Importance"))
                .extract().jsonPath().getLong("id");
        problem(manager.as().body(Map.of("name", "vip", "color", "#000000")).post("/api/v1/tags").then(),
                409, "tag-name-taken").body("errors[0].field", equalTo("name"));
        long hot = tag(manager, "Hot lead");
        problem(admin.as().body(Map.of("name", "HOT LEAD")).patch("/api/v1/tags/" + vip).then(), 409, "tag-name-taken");
        // Changing only the case of its own name is fine.
        admin.as().body(Map.of("name", "Hot Lead")).patch("/api/v1/tags/" + hot).then().statusCode(200)
                .body("name", equalTo("Hot Lead"));
        admin.as().body("{\"group\": null, \"color\": \"#00ff00\"}").patch("/api/v1/tags/" + vip).then().statusCode(200)
                .body("group", nullValue()).body("color", equalTo("#00FF00")).body("name", equalTo("VIP"));
        problem(admin.as().body(Map.of("color", "red", "name", "", "customerCount", 3, "shape", "round"))
                .patch("/api/v1/tags/" + vip).then(), 400, "validation")
                .body("errors.field", containsInAnyOrder("color", "name", "customerCount", "shape"));
        problem(admin.as().body(Map.of("name", "", "color", "blue")).post("/api/v1/tags").then(), 400, "validation")
                .body("errors.field", containsInAnyOrder("name", "color"));
        problem(rep.as().body(Map.of("name", "Mine", "color", "#000000")).post("/api/v1/tags").then(), 403, "forbidden");
        rep.as().get("/api/v1/tags").then().statusCode(200)
                .body("items.name", contains("Hot Lead", "VIP"))
                .body("nextCursor", nullValue());
        // Other stores have their own names and cannot touch ours.
        Session stranger = Api.openStore("Tags elsewhere");
        tag(stranger, "VIP");
        problem(stranger.as().body(Map.of("name", "Mine")).patch("/api/v1/tags/" + vip).then(), 404, "not-found");
        problem(stranger.as().delete("/api/v1/tags/" + vip).then(), 404, "not-found");
    }

    @Test
    void customersCarryTagsAndDeletingATagRemovesItEverywhere() {
        Session admin = Api.openStore("Tagging");
        Session rep = Api.addUser(admin, "REP");
        Session otherRep = Api.addUser(admin, "REP");
        long b = tag(admin, "b-tag");
        long a = tag(admin, "A-tag");
        long first = Customers.createId(rep);
        long second = Customers.createId(rep);

        rep.as().body(Map.of("tagIds", List.of(b, a, a))).put("/api/v1/customers/" + first + "/tags")
                .then().statusCode(200)
                .body("tags.name", contains("A-tag", "b-tag"))
                .body("tags[0].color", equalTo("#1E88E5"));
        rep.as().body(Map.of("tagIds", List.of(b))).put("/api/v1/customers/" + second + "/tags").then().statusCode(200);
        rep.as().get("/api/v1/customers/" + first).then().body("tags.id", contains((int) a, (int) b));
        // Lists carry each row's own tags, in the same order; a customer without tags has none.
        long untagged = Customers.createId(rep);
        rep.as().get("/api/v1/customers?sort=createdAt&limit=10").then().statusCode(200)
                .body("items.id", contains((int) first, (int) second, (int) untagged))
                .body("items[0].tags.name", contains("A-tag", "b-tag"))
                .body("items[0].tags[0].color", equalTo("#1E88E5"))
                .body("items[1].tags.name", contains("b-tag"))
                .body("items[2].tags", hasSize(0));
        admin.as().get("/api/v1/tags").then().body("items.find { it.name == 'b-tag' }.customerCount", equalTo(2));

        long foreign = tag(Api.openStore("Foreign tags"), "Foreign");
        problem(rep.as().body(Map.of("tagIds", List.of(a, foreign, 99999999))).put("/api/v1/customers/" + first + "/tags")
                .then(), 400, "validation").body("errors[0].field", equalTo("tagIds"));
        problem(rep.as().body(Map.of()).put("/api/v1/customers/" + first + "/tags").then(), 400, "validation")
                .body("errors[0].field", equalTo("tagIds"));
        problem(otherRep.as().body(Map.of("tagIds", List.of(a))).put("/api/v1/customers/" + first + "/tags").then(),
                404, "not-found");
        rep.as().get("/api/v1/customers/" + first).then().body("tags", hasSize(2));

        admin.as().delete("/api/v1/tags/" + b).then().statusCode(204);
        rep.as().get("/api/v1/customers/" + first).then().body("tags.name", contains("A-tag"));
        rep.as().get("/api/v1/customers/" + second).then().body("tags", hasSize(0));
        problem(admin.as().delete("/api/v1/tags/" + b).then(), 404, "not-found");
        rep.as().body(Map.of("tagIds", List.of())).put("/api/v1/customers/" + first + "/tags")
                .then().statusCode(200).body("tags", hasSize(0));
    }
}
