package com.harborcrm.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.harborcrm.io.Imports;
import com.harborcrm.testing.Api;
import com.harborcrm.testing.Api.Session;
import com.harborcrm.testing.Customers;
import com.harborcrm.testing.Products;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * OWASP API1:2023 (broken object-level authorization). Every operation of the served contract whose path takes an
 * id (the served contract is openapi.yaml: ContractTest) is called with the ids of another store's objects, which
 * must answer 404 exactly like missing ids, and by a rep with another rep's objects, which answers as docs/product.md's
 * role table says: 404 for what the rep may not even see (private customers and saved views of others), 403 for
 * what the role may not do at all. Afterwards the victim's objects are unchanged. A new path with an id that is
 * not in {@link #cases} fails the build, so no endpoint is forgotten.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ObjectLevelAuthorizationTest {

    private static final int NOT_FOUND = 404;
    private static final int FORBIDDEN = 403;
    /** Store-wide reference data every role reads (the product catalogue). */
    private static final int READS = 200;

    /** The objects of store A that the attacks aim at, and the attackers. */
    record Fixture(Session admin, Session owner, Session otherRep, Session stranger, long customer,
            long spareCustomer, long followUp, long tag, long customField, long lostReason, long view, long importJob,
            long merge, long strangerReason, long strangerCustomer, long product, long order, long apiKey, long webhook,
            long webhookDelivery, long template, long campaign, long plan, long pool, long notification) {
    }

    /**
     * One attack: the request (path ids and a body that would be valid for the caller) and what a rep of the
     * same store gets when the object belongs to another rep ({@code 404}, {@code 403}).
     */
    record Case(String method, String path, Function<Fixture, Map<String, Object>> ids,
            Function<Fixture, Object> body, int otherRep) {
    }

    @jakarta.inject.Inject
    javax.sql.DataSource db;

    private Fixture f;
    private String before;

    private static Map<String, Object> customer(Fixture f) {
        return Map.of("id", f.customer(), "customerId", f.customer());
    }

    private static Map<String, Object> followUp(Fixture f) {
        return Map.of("customerId", f.customer(), "id", f.followUp());
    }

    /**
     * Paths with an id that no session reaches: providers' callbacks, authenticated by the signature each request
     * carries (MessagingTest: a missing or wrong one answers 401 and stores nothing), not by a user of a store.
     */
    private static final Set<String> SIGNED_BY_PROVIDERS = Set.of("POST /api/v1/messaging/inbound/{hookKey}/sms",
            "POST /api/v1/messaging/inbound/{hookKey}/email");

    /**
     * Paths whose braces name a value of the caller's own store rather than an object with an id: a stage's default
     * plan (one per stage and store; PlanTest: admins only, a manager gets 403).
     */
    private static final Set<String> NOT_OBJECT_IDS = Set.of("PUT /api/v1/plans/stage-templates/{stage}",
            "DELETE /api/v1/plans/stage-templates/{stage}");

    private static Map<String, Object> plan(Fixture f) {
        return Map.of("customerId", f.customer(), "planId", f.plan(), "key", "plan-" + f.plan());
    }

    /** An unsubscribe token for the victim's customer, signed with a key that is not the victim store's. */
    private static Map<String, Object> forgedUnsubscribe(Fixture f) {
        return Map.of("token", com.harborcrm.messaging.UnsubscribeLinks.token(new byte[32],
                new com.harborcrm.messaging.UnsubscribeLinks.Subject(f.admin().storeId(), f.customer(),
                        com.harborcrm.messaging.MessageChannel.EMAIL)));
    }

    private static final List<Case> cases = List.of(
            new Case("GET", "/api/v1/unsubscribe/{token}", ObjectLevelAuthorizationTest::forgedUnsubscribe, f -> null, NOT_FOUND),
            new Case("POST", "/api/v1/unsubscribe/{token}", ObjectLevelAuthorizationTest::forgedUnsubscribe, f -> null, NOT_FOUND),
            new Case("GET", "/api/v1/customers/{id}/messages", ObjectLevelAuthorizationTest::customer, f -> null, NOT_FOUND),
            new Case("GET", "/api/v1/customers/{customerId}/plans", ObjectLevelAuthorizationTest::customer, f -> null, NOT_FOUND),
            new Case("POST", "/api/v1/customers/{customerId}/plans", ObjectLevelAuthorizationTest::customer,
                    f -> Map.of("cadence", Map.of("cadence", "INTERVAL", "every", 2, "unit", "DAYS", "taskType", "CALL")),
                    NOT_FOUND),
            new Case("GET", "/api/v1/customers/{customerId}/plans/{planId}", ObjectLevelAuthorizationTest::plan, f -> null, NOT_FOUND),
            new Case("DELETE", "/api/v1/customers/{customerId}/plans/{planId}", ObjectLevelAuthorizationTest::plan, f -> null, NOT_FOUND),
            new Case("POST", "/api/v1/customers/{customerId}/plans/{planId}/complete", ObjectLevelAuthorizationTest::plan,
                    f -> Map.of("content", "Done by someone else"), NOT_FOUND),
            new Case("POST", "/api/v1/customers/{customerId}/plans/{planId}/reschedule", ObjectLevelAuthorizationTest::plan,
                    f -> Map.of("dueOn", "2099-01-01"), NOT_FOUND),
            new Case("POST", "/api/v1/agenda/items/{key}/done", ObjectLevelAuthorizationTest::plan, f -> Map.of(), NOT_FOUND),
            new Case("POST", "/api/v1/agenda/items/{key}/reschedule", ObjectLevelAuthorizationTest::plan,
                    f -> Map.of("on", "2099-01-01"), NOT_FOUND),
            new Case("POST", "/api/v1/customers/{id}/messages", ObjectLevelAuthorizationTest::customer,
                    f -> Map.of("channel", "EMAIL", "subject", "Planted", "body", "planted"), NOT_FOUND),
            new Case("GET", "/api/v1/customers/{id}/consent", ObjectLevelAuthorizationTest::customer, f -> null, NOT_FOUND),
            new Case("PUT", "/api/v1/customers/{id}/consent", ObjectLevelAuthorizationTest::customer,
                    f -> Map.of("emailOptIn", false), NOT_FOUND),
            new Case("GET", "/api/v1/messaging/templates/{id}", f -> Map.of("id", f.template()), f -> null, READS),
            new Case("PUT", "/api/v1/messaging/templates/{id}", f -> Map.of("id", f.template()), f -> Map.of("name", "Owned",
                    "channel", "SMS", "language", "en", "body", "owned"), FORBIDDEN),
            new Case("DELETE", "/api/v1/messaging/templates/{id}", f -> Map.of("id", f.template()), f -> null, FORBIDDEN),
            new Case("GET", "/api/v1/campaigns/{id}", f -> Map.of("id", f.campaign()), f -> null, FORBIDDEN),
            new Case("PUT", "/api/v1/campaigns/{id}", f -> Map.of("id", f.campaign()), f -> Map.of("name", "Owned",
                    "templateId", f.template(), "segment", Map.of("customerIds", List.of(f.customer()))), FORBIDDEN),
            new Case("DELETE", "/api/v1/campaigns/{id}", f -> Map.of("id", f.campaign()), f -> null, FORBIDDEN),
            new Case("POST", "/api/v1/campaigns/{id}/send", f -> Map.of("id", f.campaign()), f -> null, FORBIDDEN),
            new Case("POST", "/api/v1/campaigns/{id}/cancel", f -> Map.of("id", f.campaign()), f -> null, FORBIDDEN),
            new Case("GET", "/api/v1/campaigns/{id}/recipients", f -> Map.of("id", f.campaign()), f -> null, FORBIDDEN),
            new Case("GET", "/api/v1/api-keys/{id}", f -> Map.of("id", f.apiKey()), f -> null, FORBIDDEN),
            new Case("DELETE", "/api/v1/api-keys/{id}", f -> Map.of("id", f.apiKey()), f -> null, FORBIDDEN),
            new Case("GET", "/api/v1/webhooks/{id}", f -> Map.of("id", f.webhook()), f -> null, FORBIDDEN),
            new Case("PATCH", "/api/v1/webhooks/{id}", f -> Map.of("id", f.webhook()), f -> Map.of("enabled", false), FORBIDDEN),
            new Case("DELETE", "/api/v1/webhooks/{id}", f -> Map.of("id", f.webhook()), f -> null, FORBIDDEN),
            new Case("POST", "/api/v1/webhooks/{id}/test", f -> Map.of("id", f.webhook()), f -> null, FORBIDDEN),
            new Case("GET", "/api/v1/webhooks/{id}/deliveries", f -> Map.of("id", f.webhook()), f -> null, FORBIDDEN),
            new Case("GET", "/api/v1/webhooks/{id}/deliveries/{deliveryId}",
                    f -> Map.of("id", f.webhook(), "deliveryId", f.webhookDelivery()), f -> null, FORBIDDEN),
            new Case("POST", "/api/v1/webhooks/{id}/deliveries/{deliveryId}/redeliver",
                    f -> Map.of("id", f.webhook(), "deliveryId", f.webhookDelivery()), f -> null, FORBIDDEN),
            new Case("PATCH", "/api/v1/custom-fields/{id}", f -> Map.of("id", f.customField()), f -> Map.of("label", "Owned"), FORBIDDEN),
            new Case("DELETE", "/api/v1/custom-fields/{id}", f -> Map.of("id", f.customField()), f -> null, FORBIDDEN),
            new Case("GET", "/api/v1/customers/{customerId}/follow-ups", ObjectLevelAuthorizationTest::customer, f -> null, NOT_FOUND),
            new Case("POST", "/api/v1/customers/{customerId}/follow-ups", ObjectLevelAuthorizationTest::customer,
                    f -> Map.of("type", "NOTE", "content", "planted"), NOT_FOUND),
            new Case("GET", "/api/v1/customers/{customerId}/follow-ups/{id}", ObjectLevelAuthorizationTest::followUp, f -> null, NOT_FOUND),
            new Case("PATCH", "/api/v1/customers/{customerId}/follow-ups/{id}", ObjectLevelAuthorizationTest::followUp,
                    f -> Map.of("content", "rewritten"), NOT_FOUND),
            new Case("DELETE", "/api/v1/customers/{customerId}/follow-ups/{id}", ObjectLevelAuthorizationTest::followUp, f -> null, NOT_FOUND),
            new Case("GET", "/api/v1/customers/{customerId}/inquiries", ObjectLevelAuthorizationTest::customer, f -> null, NOT_FOUND),
            new Case("GET", "/api/v1/customers/{id}", ObjectLevelAuthorizationTest::customer, f -> null, NOT_FOUND),
            new Case("PATCH", "/api/v1/customers/{id}", ObjectLevelAuthorizationTest::customer, f -> Map.of("notes", "rewritten"), NOT_FOUND),
            new Case("DELETE", "/api/v1/customers/{id}", ObjectLevelAuthorizationTest::customer, f -> null, FORBIDDEN),
            new Case("POST", "/api/v1/customers/{id}/lost", ObjectLevelAuthorizationTest::customer,
                    f -> Map.of("reasonId", f.strangerReason()), NOT_FOUND),
            new Case("POST", "/api/v1/customers/{id}/merge", ObjectLevelAuthorizationTest::customer,
                    f -> Map.of("duplicateIds", List.of(f.strangerCustomer())), FORBIDDEN),
            new Case("POST", "/api/v1/customers/{id}/reactivate", ObjectLevelAuthorizationTest::customer, f -> null, NOT_FOUND),
            new Case("POST", "/api/v1/customers/{id}/release", ObjectLevelAuthorizationTest::customer,
                    f -> Map.of("reasonId", f.strangerReason()), NOT_FOUND),
            new Case("PUT", "/api/v1/customers/{id}/tags", ObjectLevelAuthorizationTest::customer, f -> Map.of("tagIds", List.of()), NOT_FOUND),
            new Case("GET", "/api/v1/customers/{id}/timeline", ObjectLevelAuthorizationTest::customer, f -> null, NOT_FOUND),
            new Case("GET", "/api/v1/customers/{customerId}/orders", ObjectLevelAuthorizationTest::customer, f -> null, NOT_FOUND),
            new Case("POST", "/api/v1/customers/{customerId}/orders", ObjectLevelAuthorizationTest::customer,
                    f -> Map.of("kind", "ORDER", "currency", "USD", "lines", List.of(Map.of("productId", f.product(),
                            "quantity", 1))), NOT_FOUND),
            new Case("GET", "/api/v1/orders/{id}", f -> Map.of("id", f.order()), f -> null, NOT_FOUND),
            new Case("PUT", "/api/v1/orders/{id}", f -> Map.of("id", f.order()), f -> Map.of("kind", "QUOTATION",
                    "currency", "USD", "lines", List.of(Map.of("productId", f.product(), "quantity", 9))), NOT_FOUND),
            new Case("DELETE", "/api/v1/orders/{id}", f -> Map.of("id", f.order()), f -> null, NOT_FOUND),
            new Case("POST", "/api/v1/orders/{id}/status", f -> Map.of("id", f.order()), f -> Map.of("status", "SENT"),
                    NOT_FOUND),
            new Case("POST", "/api/v1/orders/{id}/convert", f -> Map.of("id", f.order()), f -> null, NOT_FOUND),
            new Case("GET", "/api/v1/products/{id}", f -> Map.of("id", f.product()), f -> null, READS),
            new Case("PATCH", "/api/v1/products/{id}", f -> Map.of("id", f.product()), f -> Map.of("name", "Owned"), FORBIDDEN),
            new Case("DELETE", "/api/v1/products/{id}", f -> Map.of("id", f.product()), f -> null, FORBIDDEN),
            new Case("GET", "/api/v1/products/{id}/stock-movements", f -> Map.of("id", f.product()), f -> null, READS),
            new Case("POST", "/api/v1/products/{id}/stock-movements", f -> Map.of("id", f.product()),
                    f -> Map.of("kind", "ADJUSTED", "quantity", -5), FORBIDDEN),
            new Case("GET", "/api/v1/imports/{id}", f -> Map.of("id", f.importJob()), f -> null, FORBIDDEN),
            new Case("GET", "/api/v1/imports/{id}/rejected.csv", f -> Map.of("id", f.importJob()), f -> null, FORBIDDEN),
            new Case("GET", "/api/v1/imports/{id}/rejected.xlsx", f -> Map.of("id", f.importJob()), f -> null, FORBIDDEN),
            new Case("PATCH", "/api/v1/lost-reasons/{id}", f -> Map.of("id", f.lostReason()), f -> Map.of("name", "Owned"), FORBIDDEN),
            new Case("DELETE", "/api/v1/lost-reasons/{id}", f -> Map.of("id", f.lostReason()), f -> null, FORBIDDEN),
            new Case("POST", "/api/v1/merges/{id}/undo", f -> Map.of("id", f.merge()), f -> null, FORBIDDEN),
            new Case("PATCH", "/api/v1/tags/{id}", f -> Map.of("id", f.tag()), f -> Map.of("name", "Owned"), FORBIDDEN),
            new Case("DELETE", "/api/v1/tags/{id}", f -> Map.of("id", f.tag()), f -> null, FORBIDDEN),
            new Case("GET", "/api/v1/users/{id}", f -> Map.of("id", f.owner().userId()), f -> null, FORBIDDEN),
            new Case("PATCH", "/api/v1/users/{id}", f -> Map.of("id", f.owner().userId()), f -> Map.of("role", "ADMIN"), FORBIDDEN),
            new Case("PUT", "/api/v1/users/{id}/leave", f -> Map.of("id", f.owner().userId()),
                    f -> Map.of("from", "2027-01-04", "until", "2027-01-08"), FORBIDDEN),
            new Case("DELETE", "/api/v1/users/{id}/leave", f -> Map.of("id", f.owner().userId()), f -> null, FORBIDDEN),
            new Case("PUT", "/api/v1/users/{id}/manager", f -> Map.of("id", f.owner().userId()),
                    f -> Map.of("managerId", f.admin().userId()), FORBIDDEN),
            new Case("DELETE", "/api/v1/users/{id}/manager", f -> Map.of("id", f.owner().userId()), f -> null, FORBIDDEN),
            // A notification is its recipient's alone: anyone else's reads as missing.
            new Case("PUT", "/api/v1/notifications/{id}/read", f -> Map.of("id", f.notification()), f -> null, NOT_FOUND),
            new Case("DELETE", "/api/v1/notifications/{id}/read", f -> Map.of("id", f.notification()), f -> null, NOT_FOUND),
            new Case("GET", "/api/v1/views/{id}", f -> Map.of("id", f.view()), f -> null, NOT_FOUND),
            new Case("PUT", "/api/v1/views/{id}", f -> Map.of("id", f.view()), f -> Map.of("name", "Owned"), NOT_FOUND),
            new Case("DELETE", "/api/v1/views/{id}", f -> Map.of("id", f.view()), f -> null, NOT_FOUND),
            // A pool the other rep is not a member of: not theirs to see; only admins change pools, managers move.
            new Case("GET", "/api/v1/pools/{id}", f -> Map.of("id", f.pool()), f -> null, NOT_FOUND),
            new Case("PUT", "/api/v1/pools/{id}", f -> Map.of("id", f.pool()), f -> Map.of("name", "Owned"), FORBIDDEN),
            new Case("DELETE", "/api/v1/pools/{id}", f -> Map.of("id", f.pool()), f -> null, FORBIDDEN),
            new Case("POST", "/api/v1/pools/{id}/customers", f -> Map.of("id", f.pool()),
                    f -> Map.of("customerIds", List.of(f.customer())), FORBIDDEN),
            // Distribution is for managers and admins: a rep is refused before any pool is looked up.
            new Case("GET", "/api/v1/pools/{id}/distribution", f -> Map.of("id", f.pool()), f -> null, FORBIDDEN),
            new Case("PUT", "/api/v1/pools/{id}/distribution", f -> Map.of("id", f.pool()),
                    f -> Map.of("mode", "ROUND_ROBIN"), FORBIDDEN),
            new Case("POST", "/api/v1/pools/{id}/distribution/preview", f -> Map.of("id", f.pool()), f -> null, FORBIDDEN),
            new Case("POST", "/api/v1/pools/{id}/distribution/run", f -> Map.of("id", f.pool()), f -> null, FORBIDDEN));

    /** Made on first use: REST Assured learns the server's port only once a test runs. */
    private void victimStoreWithOneObjectOfEachKind() {
        if (f != null) {
            return;
        }
        Session admin = Api.openStore("Victim");
        Session owner = Api.addUser(admin, "REP");
        Session otherRep = Api.addUser(admin, "REP");
        Session stranger = Api.openStore("Attacker");
        long customer = Customers.createId(owner, "email", Api.uniqueEmail("victim"));
        long followUp = owner.as().body(Map.of("type", "CALL", "content", "Talked prices"))
                .post("/api/v1/customers/" + customer + "/follow-ups").then().statusCode(201).extract().jsonPath().getLong("id");
        long tag = admin.as().body(Map.of("name", "Key account", "color", "#E53935")).post("/api/v1/tags")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        owner.as().body(Map.of("tagIds", List.of(tag))).put("/api/v1/customers/" + customer + "/tags").then().statusCode(200);
        long customField = admin.as().body(Map.of("key", "incoterm", "label", "Incoterm", "type", "TEXT"))
                .post("/api/v1/custom-fields").then().statusCode(201).extract().jsonPath().getLong("id");
        long lostReason = admin.as().body(Map.of("name", "Too far away")).post("/api/v1/lost-reasons")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        long view = owner.as().body(Map.of("name", "Mine", "filter", Map.of("stars", List.of(3)), "sort", "-score"))
                .post("/api/v1/views").then().statusCode(201).extract().jsonPath().getLong("id");
        long importJob = Imports.run(admin, "name,email\nImported Buyer,\"not an email\"\n").getLong("id");
        long survivor = Customers.createId(admin);
        long merge = admin.as().body(Map.of("duplicateIds", List.of(Customers.createId(admin))))
                .post("/api/v1/customers/" + survivor + "/merge").then().statusCode(200).extract().jsonPath().getLong("mergeId");
        long strangerReason = stranger.as().get("/api/v1/lost-reasons").then().statusCode(200)
                .extract().jsonPath().getLong("items[0].id");
        long product = Products.create(admin, "VICTIM-SKU", "2.50");
        Products.receive(admin, product, 10);
        long order = owner.as().body(Map.of("kind", "QUOTATION", "currency", "USD", "lines",
                List.of(Map.of("productId", product, "quantity", 4)))).post("/api/v1/customers/" + customer + "/orders")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        long apiKey = admin.as().body(Map.of("name", "Victim's integration", "scopes", List.of("customers:read")))
                .post("/api/v1/api-keys").then().statusCode(201).extract().jsonPath().getLong("apiKey.id");
        long webhook = admin.as().body(Map.of("url", "https://example.com/victim", "eventTypes", List.of("customer.created")))
                .post("/api/v1/webhooks").then().statusCode(201).extract().jsonPath().getLong("webhook.id");
        long webhookDelivery = admin.as().post("/api/v1/webhooks/" + webhook + "/test").then().statusCode(202)
                .extract().jsonPath().getLong("id");
        long template = admin.as().body(Map.of("name", "Victim's template", "channel", "SMS", "language", "en",
                "body", "Hello {{name}}")).post("/api/v1/messaging/templates").then().statusCode(201).extract().jsonPath()
                .getLong("id");
        long campaign = admin.as().body(Map.of("name", "Victim's campaign", "templateId", template,
                "segment", Map.of("customerIds", List.of(customer)))).post("/api/v1/campaigns").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        long plan = owner.as().body(Map.of("cadence", Map.of("cadence", "INTERVAL", "every", 1, "unit", "WEEKS",
                "taskType", "CALL"))).post("/api/v1/customers/" + customer + "/plans").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        // Not the default pool: that one has id 0 in every store, the attacker's too.
        long pool = admin.as().body(Map.of("name", "Victim's region", "memberIds", List.of(owner.userId())))
                .post("/api/v1/pools").then().statusCode(201).extract().jsonPath().getLong("id");
        // The sweep writes notifications (EscalationLadderTest); one is planted here, unread, for the owner.
        long notification = com.harborcrm.testing.PoolHelper.count(db, "insert into notifications (store_id, user_id, kind, "
                + "customer_id, owner_id, window_start, created_at) values (?, ?, 'POOL_RETURNED', ?, ?, now(), now()) "
                + "returning id", admin.storeId(), owner.userId(), customer, owner.userId());
        f = new Fixture(admin, owner, otherRep, stranger, customer, survivor, followUp, tag, customField, lostReason,
                view, importJob, merge, strangerReason, Customers.createId(stranger), product, order, apiKey, webhook,
                webhookDelivery, template, campaign, plan, pool, notification);
        before = snapshot();
    }

    @Test
    void everyPathWithAnIdInTheContractHasACase() throws Exception {
        JsonNode contract = new ObjectMapper().readTree(
                given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200).extract().asString());
        Set<String> inContract = new TreeSet<>();
        Iterator<Map.Entry<String, JsonNode>> paths = contract.get("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (!path.getKey().contains("{")) {
                continue;
            }
            path.getValue().fieldNames().forEachRemaining(method -> {
                if (Set.of("get", "put", "post", "patch", "delete").contains(method)) {
                    inContract.add(method.toUpperCase() + " " + path.getKey());
                }
            });
        }
        Set<String> covered = new TreeSet<>();
        cases.forEach(c -> covered.add(c.method() + " " + c.path()));
        Set<String> missing = new TreeSet<>(inContract);
        missing.removeAll(covered);
        missing.removeAll(SIGNED_BY_PROVIDERS);
        missing.removeAll(NOT_OBJECT_IDS);
        Set<String> stale = new TreeSet<>(covered);
        stale.removeAll(inContract);
        assertEquals(Set.of(), missing, "operations with an id but no object-level authorization case");
        assertEquals(Set.of(), stale, "cases for operations the contract no longer has");
    }

    @TestFactory
    List<DynamicTest> anotherStoresIdsAnswer404LikeMissingOnes() {
        victimStoreWithOneObjectOfEachKind();
        List<DynamicTest> tests = new ArrayList<>();
        for (Case c : cases) {
            tests.add(DynamicTest.dynamicTest(c.method() + " " + c.path(), () -> {
                Response answer = send(f.stranger(), c);
                assertProblem(answer, NOT_FOUND, "not-found", c);
                // Indistinguishable from an id that exists nowhere.
                Map<String, Object> missing = new LinkedHashMap<>();
                c.ids().apply(f).keySet().forEach(name -> missing.put(name, 999_999_999_999L));
                Response none = send(f.stranger(), c.method(), c.path(), missing, c.body().apply(f));
                assertProblem(none, NOT_FOUND, "not-found", c);
                assertEquals(none.jsonPath().getString("title"), answer.jsonPath().getString("title"), c.toString());
            }));
        }
        tests.add(DynamicTest.dynamicTest("the victim's objects are unchanged", () -> assertEquals(before, snapshot())));
        return tests;
    }

    @TestFactory
    List<DynamicTest> aRepGetsAnotherRepsObjectsAsTheRoleTableSays() {
        victimStoreWithOneObjectOfEachKind();
        List<DynamicTest> tests = new ArrayList<>();
        for (Case c : cases) {
            tests.add(DynamicTest.dynamicTest(c.method() + " " + c.path() + " → " + c.otherRep(), () -> {
                Response answer = send(f.otherRep(), c);
                if (c.otherRep() == READS) {
                    assertEquals(READS, answer.statusCode(), c + ": " + answer.asString());
                } else {
                    assertProblem(answer, c.otherRep(), c.otherRep() == NOT_FOUND ? "not-found" : "forbidden", c);
                }
            }));
        }
        tests.add(DynamicTest.dynamicTest("the victim's objects are unchanged", () -> assertEquals(before, snapshot())));
        return tests;
    }

    /** Everything the attacks could change, as the victims read it. */
    private String snapshot() {
        StringBuilder all = new StringBuilder();
        for (String path : List.of("/api/v1/customers/" + f.customer(), "/api/v1/customers/" + f.customer() + "/follow-ups",
                "/api/v1/customers/" + f.spareCustomer(), "/api/v1/tags", "/api/v1/custom-fields", "/api/v1/lost-reasons",
                "/api/v1/users/" + f.owner().userId(), "/api/v1/imports/" + f.importJob(), "/api/v1/orders/" + f.order(),
                "/api/v1/products/" + f.product(), "/api/v1/products/" + f.product() + "/stock-movements",
                "/api/v1/api-keys/" + f.apiKey(), "/api/v1/webhooks/" + f.webhook(),
                "/api/v1/messaging/templates/" + f.template(), "/api/v1/campaigns/" + f.campaign(),
                "/api/v1/customers/" + f.customer() + "/consent", "/api/v1/customers/" + f.customer() + "/messages",
                "/api/v1/customers/" + f.customer() + "/plans", "/api/v1/pools/" + f.pool(),
                "/api/v1/pools/" + f.pool() + "/distribution",
                "/api/v1/webhooks/" + f.webhook() + "/deliveries/" + f.webhookDelivery())) {
            all.append(path).append(' ').append(f.admin().as().get(path).then().statusCode(200).extract().asString()).append('\n');
        }
        all.append(f.owner().as().get("/api/v1/views/" + f.view()).then().statusCode(200).extract().asString());
        all.append(f.owner().as().get("/api/v1/notifications").then().statusCode(200).extract().asString());
        return all.toString();
    }

    private Response send(Session as, Case c) {
        return send(as, c.method(), c.path(), c.ids().apply(f), c.body().apply(f));
    }

    /**
     * Sends an old version in If-Match on purpose: an answer of 412 instead of 404 would tell the attacker that the
     * object exists.
     */
    private static Response send(Session as, String method, String path, Map<String, Object> ids, Object body) {
        var request = as.as().header("If-Match", "\"0\"");
        if (body != null) {
            request.body(body);
        }
        Map<String, Object> used = new LinkedHashMap<>(ids);
        used.keySet().removeIf(name -> !path.contains("{" + name + "}"));
        return request.pathParams(used).request(method, path);
    }

    private static void assertProblem(Response answer, int status, String slug, Case c) {
        assertEquals(status, answer.statusCode(), c.method() + " " + c.path() + ": " + answer.asString());
        assertTrue(answer.contentType().startsWith("application/problem+json"), c.toString());
        assertEquals(Api.PROBLEM + slug, answer.jsonPath().getString("type"), c.toString());
    }
}
