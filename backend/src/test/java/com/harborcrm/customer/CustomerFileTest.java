package com.harborcrm.customer;

import static com.harborcrm.testing.Api.problem;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
class CustomerFileTest {

    @Inject
    DataSource dataSource;

    @Test
    void aRepCreatesAndOwnsACustomerWithDefaults() {
        Session admin = Api.openStore("Create");
        Session rep = Api.addUser(admin, "REP");
        var created = rep.as().body(Map.of("name", "  John Miller ", "companyName", "Miller Hardware",
                        "email", "John@Miller.com", "country", "us",
                        "imAccounts", List.of(Map.of("channel", "WHATSAPP", "handle", "+1 312 555 0100")),
                        "purchaseCategories", List.of("Hinges")))
                .post("/api/v1/customers")
                .then().statusCode(201)
                .header("Location", notNullValue())
                .header("ETag", equalTo("\"0\""))
                .body("name", equalTo("John Miller"))
                .body("country", equalTo("US"))
                .body("ownerId", equalTo((int) rep.userId()))
                .body("stage", equalTo("UNMARKED"))
                .body("source", equalTo("MANUAL"))
                .body("status", equalTo("ACTIVE"))
                .body("stars", equalTo(0))
                .body("tags", hasSize(0))
                .body("customFields", equalTo(Map.of()))
                .body("imAccounts[0].channel", equalTo("WHATSAPP"))
                .body("purchaseCategories", contains("Hinges"))
                .body("inquiryCount", equalTo(0))
                .body("potentialScore", equalTo(PotentialScore.EMAIL + PotentialScore.DETAILED_COMPANY_NAME))
                .body("version", equalTo(0))
                .body("$", not(hasKey("storeId")))
                .extract().jsonPath();
        long id = created.getLong("id");
        rep.as().get("/api/v1/customers/" + id).then().statusCode(200)
                .header("ETag", equalTo("\"0\""))
                .body("email", equalTo("John@Miller.com"));
    }

    @Test
    void everyInvalidFieldIsNamed() {
        Session admin = Api.openStore("Validation");
        problem(admin.as().body(Map.of("name", " ", "email", "not-an-email", "country", "XX", "stars", 5,
                        "phone", "call me", "website", "w".repeat(501),
                        "imAccounts", List.of(Map.of("channel", "WECHAT", "handle", " "))))
                .post("/api/v1/customers").then(), 400, "validation")
                .body("errors.field", containsInAnyOrder("name", "email", "country", "stars", "phone", "website",
                        "imAccounts[0].handle"));
        problem(admin.as().body(Map.of("name", "A", "stage", "HOT", "source", 3, "stars", "two",
                        "imAccounts", List.of(Map.of("channel", "ICQ", "handle", "x")), "customFields", "x",
                        "purchaseCategories", "Hinges"))
                .post("/api/v1/customers").then(), 400, "validation")
                .body("errors.field", containsInAnyOrder("stage", "source", "stars", "imAccounts[0].channel",
                        "customFields", "purchaseCategories"))
                .body("errors.find { it.field == 'stage' }.message", equalTo(
                        "must be one of [UNMARKED, INQUIRY, SAMPLE_ORDER, NO_DEAL, TRANSACTION, REPEAT_PURCHASE]"));
        problem(admin.as().body(Map.of()).post("/api/v1/customers").then(), 400, "validation")
                .body("errors.field", contains("name"));
        problem(admin.as().body("[1,2]").post("/api/v1/customers").then(), 400, "malformed-body");
        problem(admin.as().body("{\"name\": ").post("/api/v1/customers").then(), 400, "malformed-body");
    }

    @Test
    void readOnlyAndUnknownMembersAreRejectedOnCreate() {
        Session admin = Api.openStore("Mass assignment");
        problem(admin.as().body(Map.of("name", "A", "potentialScore", 100, "version", 7, "tags", List.of(),
                        "inquiryCount", 9, "storeId", 1, "isVip", true))
                .post("/api/v1/customers").then(), 400, "validation")
                .body("errors.field", containsInAnyOrder("potentialScore", "version", "tags", "inquiryCount",
                        "storeId", "isVip"))
                .body("errors.find { it.field == 'version' }.message", equalTo("is read-only"))
                .body("errors.find { it.field == 'isVip' }.message", equalTo("is not a known field"));
    }

    @Test
    void duplicatesMatchOnNormalizedKeysUnlessAllowed() {
        Session admin = Api.openStore("Duplicates");
        Session rep = Api.addUser(admin, "REP");
        long first = rep.as().body(Map.of("name", "Ana Souza", "companyName", "Souza Ltda",
                        "email", "Ana.Souza+alibaba@Example.COM", "phone", "+55 (11) 3456-7890",
                        "imAccounts", List.of(Map.of("channel", "WECHAT", "handle", "AnaSouza"))))
                .post("/api/v1/customers").then().statusCode(201).extract().jsonPath().getLong("id");

        problem(admin.as().body(Map.of("name", "Other", "email", " ana.souza@example.com ")).post("/api/v1/customers")
                .then(), 409, "duplicate-customer")
                .body("matches", hasSize(1))
                .body("matches[0].id", equalTo((int) first))
                .body("matches[0].name", equalTo("Ana Souza"))
                .body("matches[0].companyName", equalTo("Souza Ltda"))
                .body("matches[0].ownerName", equalTo("REP user"))
                .body("matches[0].matchedOn", contains("email"));
        // A phone against the existing phone, given as a mobile in another format.
        problem(admin.as().body(Map.of("name", "Other", "mobile", "551134567890")).post("/api/v1/customers")
                .then(), 409, "duplicate-customer").body("matches[0].matchedOn", contains("phone"));
        problem(admin.as().body(Map.of("name", "Other",
                        "imAccounts", List.of(Map.of("channel", "WECHAT", "handle", " @anasouza ")))).post("/api/v1/customers")
                .then(), 409, "duplicate-customer").body("matches[0].matchedOn", contains("imAccounts"));
        // The same handle on another network is another account.
        admin.as().body(Map.of("name", "Other", "imAccounts", List.of(Map.of("channel", "SKYPE", "handle", "anasouza"))))
                .post("/api/v1/customers").then().statusCode(201);
        // Fewer than 6 digits never match.
        admin.as().body(Map.of("name", "Short 1", "phone", "12345")).post("/api/v1/customers").then().statusCode(201);
        admin.as().body(Map.of("name", "Short 2", "phone", "1-2345")).post("/api/v1/customers").then().statusCode(201);

        long duplicate = admin.as().body(Map.of("name", "Ana again", "email", "ana.souza@example.com",
                        "mobile", "+55 11 3456 7890"))
                .post("/api/v1/customers?allowDuplicate=true").then().statusCode(201).extract().jsonPath().getLong("id");
        // Now both match, with every key that matched; pool customers have no owner name.
        long pooled = admin.as().body(Map.of("name", "Pooled", "phone", "+44 20 7946 0000", "pool", true))
                .post("/api/v1/customers").then().statusCode(201).extract().jsonPath().getLong("id");
        problem(admin.as().body(Map.of("name", "X", "email", "ANA.SOUZA@example.com", "phone", "1134567890",
                        "mobile", "5511 3456 7890"))
                .post("/api/v1/customers").then(), 409, "duplicate-customer")
                .body("matches.id", contains((int) first, (int) duplicate))
                .body("matches[0].matchedOn", contains("email", "phone"))
                .body("matches[1].matchedOn", contains("email", "mobile"));
        problem(admin.as().body(Map.of("name", "X", "mobile", "442079460000")).post("/api/v1/customers").then(),
                409, "duplicate-customer")
                .body("matches[0].id", equalTo((int) pooled))
                .body("matches[0].ownerName", nullValue());

        // Another store's customers are never duplicates.
        Session other = Api.openStore("Other store");
        other.as().body(Map.of("name", "Ana", "email", "ana.souza@example.com")).post("/api/v1/customers")
                .then().statusCode(201);
    }

    @Test
    void ofConcurrentCreatesOfOneBuyerOnlyOneSucceeds() throws Exception {
        Session admin = Api.openStore("Concurrent duplicates");
        for (int round = 0; round < 3; round++) {
            String email = "race" + round + "@example.com";
            List<Integer> statuses = new java.util.ArrayList<>(CustomerPatchTest.race(3, i -> admin.as()
                    .body(Map.of("name", "Racer " + i, "email", email)).post("/api/v1/customers")
                    .then().extract().statusCode()));
            java.util.Collections.sort(statuses);
            assertEquals(List.of(201, 409, 409), statuses);
        }
    }

    @Test
    void anEditThatAddsAnotherCustomersContactIsADuplicateToo() {
        Session admin = Api.openStore("Duplicate edits");
        long first = Customers.createId(admin, "email", "one@example.com", "phone", "+86 574 1234 5678");
        long second = Customers.createId(admin, "email", "two@example.com");
        problem(admin.as().body(Map.of("mobile", "0086-574-12345678")).patch("/api/v1/customers/" + second).then(),
                409, "duplicate-customer").body("matches[0].id", equalTo((int) first));
        admin.as().get("/api/v1/customers/" + second).then().body("mobile", nullValue());
        // Its own keys never count, even when rewritten in another form.
        admin.as().body(Map.of("email", "TWO+x@example.com", "name", "Renamed")).patch("/api/v1/customers/" + second)
                .then().statusCode(200);
        admin.as().body(Map.of("mobile", "0086 574 1234 5678")).patch("/api/v1/customers/" + second + "?allowDuplicate=true")
                .then().statusCode(200);
        // Once both share the key, edits that do not add keys pass.
        admin.as().body(Map.of("notes", "same buyer?")).patch("/api/v1/customers/" + first).then().statusCode(200);
    }

    @Test
    void ownersArePickedByRole() {
        Session admin = Api.openStore("Owners");
        Session manager = Api.addUser(admin, "MANAGER");
        Session rep = Api.addUser(admin, "REP");
        Session otherRep = Api.addUser(admin, "REP");

        manager.as().body(Customers.body("ownerId", rep.userId())).post("/api/v1/customers")
                .then().statusCode(201).body("ownerId", equalTo((int) rep.userId()));
        manager.as().body(Customers.body()).post("/api/v1/customers")
                .then().statusCode(201).body("ownerId", equalTo((int) manager.userId()));
        rep.as().body(Customers.body("pool", true)).post("/api/v1/customers")
                .then().statusCode(201).body("ownerId", nullValue());
        rep.as().body(Customers.body("ownerId", rep.userId())).post("/api/v1/customers")
                .then().statusCode(201).body("ownerId", equalTo((int) rep.userId()));
        problem(rep.as().body(Customers.body("ownerId", otherRep.userId())).post("/api/v1/customers").then(),
                403, "forbidden");

        Session otherStore = Api.openStore("Owners elsewhere");
        problem(manager.as().body(Customers.body("ownerId", otherStore.userId())).post("/api/v1/customers").then(),
                400, "validation").body("errors[0].field", equalTo("ownerId"));
        problem(manager.as().body(Customers.body("ownerId", 987654321)).post("/api/v1/customers").then(),
                400, "validation").body("errors[0].field", equalTo("ownerId"));
        admin.as().body(Map.of("active", false)).patch("/api/v1/users/" + otherRep.userId()).then().statusCode(200);
        problem(manager.as().body(Customers.body("ownerId", otherRep.userId())).post("/api/v1/customers").then(),
                400, "validation").body("errors[0].field", equalTo("ownerId"));
        problem(manager.as().body(Customers.body("ownerId", rep.userId(), "pool", true)).post("/api/v1/customers").then(),
                400, "validation").body("errors[0].field", equalTo("ownerId"));
        problem(manager.as().body(Customers.body("ownerId", "me", "pool", "yes")).post("/api/v1/customers").then(),
                400, "validation").body("errors.field", containsInAnyOrder("ownerId", "pool"));
    }

    @Test
    void repsSeeOnlyTheirOwnCustomersAndOtherStoresNothing() {
        Session admin = Api.openStore("Isolation");
        Session manager = Api.addUser(admin, "MANAGER");
        Session rep = Api.addUser(admin, "REP");
        Session otherRep = Api.addUser(admin, "REP");
        long mine = Customers.createId(rep);
        long pooled = Customers.createId(rep, "pool", true);

        problem(otherRep.as().get("/api/v1/customers/" + mine).then(), 404, "not-found");
        problem(otherRep.as().body(Map.of("notes", "x")).patch("/api/v1/customers/" + mine).then(), 404, "not-found");
        // Pool customers (issue 4): every rep reads them (contacts masked), none changes them before claiming.
        for (Session anyRep : new Session[] {rep, otherRep}) {
            anyRep.as().get("/api/v1/customers/" + pooled).then().statusCode(200);
            problem(anyRep.as().body(Map.of("notes", "x")).patch("/api/v1/customers/" + pooled).then(), 403, "forbidden");
        }
        manager.as().get("/api/v1/customers/" + mine).then().statusCode(200);
        admin.as().get("/api/v1/customers/" + pooled).then().statusCode(200);

        Session stranger = Api.openStore("Stranger");
        problem(stranger.as().get("/api/v1/customers/" + mine).then(), 404, "not-found");
        problem(stranger.as().body(Map.of("notes", "x")).patch("/api/v1/customers/" + mine).then(), 404, "not-found");
        problem(stranger.as().delete("/api/v1/customers/" + mine).then(), 404, "not-found");
        problem(stranger.as().get("/api/v1/customers/999999999").then(), 404, "not-found");
        rep.as().get("/api/v1/customers/" + mine).then().statusCode(200).body("notes", nullValue());
    }

    @Test
    void deletingIsForManagersPermanentAndAudited() throws Exception {
        Session admin = Api.openStore("Delete");
        Session manager = Api.addUser(admin, "MANAGER");
        Session rep = Api.addUser(admin, "REP");
        long id = Customers.createId(rep, "email", "gone@example.com",
                "imAccounts", List.of(Map.of("channel", "WECHAT", "handle", "gone")));
        rep.as().body(Map.of("type", "CALL", "content", "Last call")).post("/api/v1/customers/" + id + "/follow-ups")
                .then().statusCode(201);
        long tag = admin.as().body(Map.of("name", "T", "color", "#000000")).post("/api/v1/tags")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        rep.as().body(Map.of("tagIds", List.of(tag))).put("/api/v1/customers/" + id + "/tags").then().statusCode(200);

        problem(rep.as().delete("/api/v1/customers/" + id).then(), 403, "forbidden");
        manager.as().delete("/api/v1/customers/" + id).then().statusCode(204);
        problem(manager.as().get("/api/v1/customers/" + id).then(), 404, "not-found");
        problem(manager.as().delete("/api/v1/customers/" + id).then(), 404, "not-found");
        // The email is free again.
        rep.as().body(Map.of("name", "New", "email", "gone@example.com")).post("/api/v1/customers").then().statusCode(201);

        try (var connection = dataSource.getConnection();
                var statement = connection.prepareStatement(
                        "select actor_id, action, entity_type, data::text from audit_events where store_id = ? and entity_id = ?")) {
            statement.setLong(1, admin.storeId());
            statement.setLong(2, id);
            try (var rows = statement.executeQuery()) {
                rows.next();
                assertEquals(manager.userId(), rows.getLong(1));
                assertEquals("CUSTOMER_DELETED", rows.getString(2));
                assertEquals("customer", rows.getString(3));
                assertEquals("{}", rows.getString(4));
            }
            // The statistical events (CREATED here) outlive the customer, so past figures stay exact (V60).
            try (var kept = connection.prepareStatement("select string_agg(type, ',') from customer_events "
                    + "where store_id = ? and customer_id = ?")) {
                kept.setLong(1, admin.storeId());
                kept.setLong(2, id);
                try (var rows = kept.executeQuery()) {
                    rows.next();
                    assertEquals("CREATED", rows.getString(1));
                }
            }
            for (String table : List.of("follow_ups", "customer_tags", "customer_im_handles")) {
                try (var rest = connection.prepareStatement(
                        "select count(*) from " + table + " where store_id = ? and customer_id = ?")) {
                    rest.setLong(1, admin.storeId());
                    rest.setLong(2, id);
                    try (var rows = rest.executeQuery()) {
                        rows.next();
                        assertEquals(0, rows.getLong(1), table);
                    }
                }
            }
        }
    }

    @Test
    void unknownIdsAndBadPathsAreProblems() {
        Session admin = Api.openStore("Paths");
        problem(admin.as().get("/api/v1/customers/abc").then(), 404, "not-found");
        problem(admin.as().get("/api/v1/customers/123456789").then(), 404, "not-found");
        problem(Api.openStore("Anon").as().auth().none().get("/api/v1/customers/1").then(), 401, "unauthorized");
        admin.as().get("/api/v1/customers/" + Customers.createId(admin)).then().statusCode(200)
                .body("createdAt", notNullValue());
    }
}
