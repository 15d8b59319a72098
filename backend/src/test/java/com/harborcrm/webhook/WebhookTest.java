package com.harborcrm.webhook;

import static com.harborcrm.testing.Api.problem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.inject.Inject;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.harborcrm.testing.Api;
import com.harborcrm.testing.Api.Session;
import com.harborcrm.testing.Customers;
import com.harborcrm.testing.MutableClock;
import com.harborcrm.testing.PoolHelper;
import com.harborcrm.testing.Sql;
import com.harborcrm.testing.WebhookReceiver;
import com.harborcrm.testing.WebhookReceiver.Received;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Webhooks against a real HTTP receiver on this machine: signed deliveries a Standard Webhooks verifier accepts,
 * retries with backoff, the transactional outbox, two dispatching instances, ordering, redelivery, disabling,
 * addresses refused, and who may manage them.
 */
@QuarkusTest
class WebhookTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    DataSource db;

    @Inject
    MutableClock clock;

    @Inject
    WebhookDispatcher dispatcher;

    @org.junit.jupiter.api.BeforeEach
    @AfterEach
    void cleanUp() throws Exception {
        clock.reset();
        // Dispatching is global: no subscription of one test may be sent to by the next.
        try (Connection connection = db.getConnection();
                PreparedStatement delete = connection.prepareStatement("delete from webhook_subscriptions")) {
            delete.executeUpdate();
        }
    }

    record Subscription(long id, String secret) {
    }

    static Subscription subscribe(Session admin, String url, String... eventTypes) {
        var created = admin.as().body(Map.of("url", url, "description", "ERP sync", "eventTypes", List.of(eventTypes)))
                .post("/api/v1/webhooks").then().statusCode(201).header("Location", notNullValue())
                .body("secret", startsWith("whsec_")).body("webhook.enabled", equalTo(true))
                .extract().jsonPath();
        return new Subscription(created.getLong("webhook.id"), created.getString("secret"));
    }

    /** Verifies as the Standard Webhooks specification says, independently of Harbor's signer. */
    static void assertSigned(Received request, String secret, long nowSeconds) throws Exception {
        String id = request.header("webhook-id");
        String timestamp = request.header("webhook-timestamp");
        String signatures = request.header("webhook-signature");
        assertTrue(id.startsWith("msg_"), id);
        assertTrue(Math.abs(Long.parseLong(timestamp) - nowSeconds) < 300, "timestamp within tolerance");
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        byte[] expected = mac.doFinal((id + "." + timestamp + "." + request.body()).getBytes(StandardCharsets.UTF_8));
        boolean matched = false;
        for (String signature : signatures.split(" ")) {
            String[] parts = signature.split(",", 2);
            matched |= parts[0].equals("v1")
                    && MessageDigest.isEqual(expected, Base64.getDecoder().decode(parts[1]));
        }
        assertTrue(matched, "a v1 signature over id.timestamp.body verifies with the secret");
        assertEquals("application/json", request.header("content-type"));
    }

    static JsonNode json(Received request) throws Exception {
        return JSON.readTree(request.body());
    }

    /** Dispatches until nothing is due. */
    int drain() {
        int total = 0;
        for (int sent = dispatcher.dispatch(); sent > 0; sent = dispatcher.dispatch()) {
            total += sent;
        }
        return total;
    }

    @Test
    void deliversSignedEventsThatAStandardWebhooksVerifierAccepts() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            Session admin = Api.openStore("Hooks");
            Subscription hook = subscribe(admin, receiver.url("/harbor"), "customer.created", "followup.created");
            long customer = Customers.createId(admin, "name", "Li Wei", "email", "li.wei@example.com");
            admin.as().body(Map.of("type", "CALL", "content", "Asked for the catalogue"))
                    .post("/api/v1/customers/" + customer + "/follow-ups").then().statusCode(201);
            assertEquals(2, drain());

            List<Received> got = receiver.received();
            assertEquals(2, got.size());
            for (Received request : got) {
                assertSigned(request, hook.secret(), clock.instant().getEpochSecond());
                assertEquals("/harbor", request.path());
            }
            JsonNode created = json(got.get(0));
            assertEquals("customer.created", created.get("type").asText());
            assertEquals(customer, created.get("data").get("customerId").asLong());
            assertEquals(admin.userId(), created.get("data").get("actorId").asLong());
            assertTrue(created.get("timestamp").asText().endsWith("Z"));
            JsonNode followUp = json(got.get(1));
            assertEquals("followup.created", followUp.get("type").asText());
            assertEquals("CALL", followUp.get("data").get("type").asText());
            assertEquals("Asked for the catalogue", followUp.get("data").get("content").asText());

            // The delivery log says what happened, with the exact body sent.
            var log = admin.as().get("/api/v1/webhooks/" + hook.id() + "/deliveries").then().statusCode(200)
                    .body("items.size()", equalTo(2)).body("items.status", hasItems("DELIVERED"))
                    .body("items[0].eventType", equalTo("followup.created"))
                    .body("items[0].lastStatusCode", equalTo(204)).body("items[0].attempts", equalTo(1))
                    .body("items[0].nextAttemptAt", nullValue())
                    .extract().jsonPath();
            admin.as().get("/api/v1/webhooks/" + hook.id() + "/deliveries/" + log.getLong("items[1].id"))
                    .then().statusCode(200)
                    .body("delivery.messageId", equalTo(got.get(0).header("webhook-id")))
                    .body("payload.type", equalTo("customer.created"))
                    .body("payload.data.customerId", equalTo((int) customer))
                    .body("attempts.size()", equalTo(1)).body("attempts[0].statusCode", equalTo(204));
            // The secret is never shown again.
            admin.as().get("/api/v1/webhooks/" + hook.id()).then().statusCode(200)
                    .body("secret", nullValue()).body("eventTypes", hasItems("customer.created", "followup.created"))
                    .body("pendingDeliveries", equalTo(0));
        }
    }

    @Test
    void aFailedDeliveryIsRetriedWithGrowingWaitsAsTheSameMessage() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver().answer(500, 503)) {
            Session admin = Api.openStore("Retries");
            Subscription hook = subscribe(admin, receiver.url("/h"), "customer.created");
            Customers.createId(admin, "name", "Retry Buyer");

            assertEquals(1, dispatcher.dispatch());
            var pending = admin.as().get("/api/v1/webhooks/" + hook.id() + "/deliveries").then()
                    .body("items[0].status", equalTo("PENDING")).body("items[0].attempts", equalTo(1))
                    .body("items[0].lastStatusCode", equalTo(500))
                    .body("items[0].lastError", equalTo("The endpoint answered HTTP 500"))
                    .extract().jsonPath();
            java.time.Instant firstRetry = java.time.Instant.parse(pending.getString("items[0].nextAttemptAt"));
            long firstWait = Duration.between(clock.instant(), firstRetry).toMillis();
            assertTrue(firstWait >= 4_000 && firstWait <= 6_000, "about 5 s: " + firstWait);
            assertEquals(0, dispatcher.dispatch(), "not due before its time");

            clock.advance(Duration.ofSeconds(6));
            assertEquals(1, dispatcher.dispatch());
            var second = admin.as().get("/api/v1/webhooks/" + hook.id() + "/deliveries").then()
                    .body("items[0].attempts", equalTo(2)).body("items[0].lastStatusCode", equalTo(503))
                    .extract().jsonPath();
            long secondWait = Duration.between(clock.instant(),
                    java.time.Instant.parse(second.getString("items[0].nextAttemptAt"))).toMillis();
            assertTrue(secondWait >= 18_000 && secondWait <= 22_000, "four times longer: " + secondWait);

            clock.advance(Duration.ofSeconds(25));
            assertEquals(1, dispatcher.dispatch());
            admin.as().get("/api/v1/webhooks/" + hook.id() + "/deliveries").then()
                    .body("items[0].status", equalTo("DELIVERED")).body("items[0].attempts", equalTo(3));
            List<Received> got = receiver.received();
            assertEquals(3, got.size());
            assertEquals(1, got.stream().map(r -> r.header("webhook-id")).distinct().count(), "one message, three tries");
            assertEquals(got.get(0).body(), got.get(2).body(), "the same bytes each time");
            long id = admin.as().get("/api/v1/webhooks/" + hook.id() + "/deliveries").then().extract().jsonPath()
                    .getLong("items[0].id");
            admin.as().get("/api/v1/webhooks/" + hook.id() + "/deliveries/" + id).then()
                    .body("attempts.statusCode", org.hamcrest.Matchers.contains(204, 503, 500))
                    .body("attempts[1].responseBody", equalTo("answered 503"));
            // The endpoint answered again: it is no longer failing.
            admin.as().get("/api/v1/webhooks/" + hook.id()).then().body("failingSince", nullValue());
        }
    }

    @Test
    void retriesStopAfterTheRetryWindowAndSustainedFailureDisablesTheEndpoint() throws Exception {
        try (WebhookReceiver failing = new WebhookReceiver().answerAlways(500);
                WebhookReceiver operations = new WebhookReceiver()) {
            Session admin = Api.openStore("Failing");
            Subscription hook = subscribe(admin, failing.url("/down"), "customer.created");
            Subscription watcher = subscribe(admin, operations.url("/ops"), "webhook.disabled");
            Customers.createId(admin, "name", "First Buyer");

            // Retry until the 24-hour window is spent: about ten attempts.
            for (int i = 0; i < 40; i++) {
                dispatcher.dispatch();
                clock.advance(Duration.ofHours(1));
            }
            var log = admin.as().get("/api/v1/webhooks/" + hook.id() + "/deliveries").then()
                    .body("items[0].status", equalTo("FAILED")).extract().jsonPath();
            int attempts = log.getInt("items[0].attempts");
            assertTrue(attempts >= 8 && attempts <= 12, "attempts over 24 h: " + attempts);
            admin.as().get("/api/v1/webhooks/" + hook.id()).then().body("enabled", equalTo(true))
                    .body("failingSince", notNullValue());

            // Failing for three days in all: the next failure disables it, and the store's ops endpoint hears of it.
            clock.advance(Duration.ofDays(2));
            Customers.createId(admin, "name", "Second Buyer");
            drain();
            admin.as().get("/api/v1/webhooks/" + hook.id()).then().body("enabled", equalTo(false))
                    .body("disabledReason", startsWith("Every delivery failed since"))
                    .body("disabledReason", containsString("HTTP 500")).body("disabledAt", notNullValue());
            drain();
            List<Received> told = operations.received();
            assertEquals(1, told.size());
            assertSigned(told.get(0), watcher.secret(), clock.instant().getEpochSecond());
            JsonNode disabled = json(told.get(0));
            assertEquals("webhook.disabled", disabled.get("type").asText());
            assertEquals(hook.id(), disabled.get("data").get("webhookSubscriptionId").asLong());

            // What waits for it has no due time while it is disabled.
            admin.as().queryParam("status", "PENDING").get("/api/v1/webhooks/" + hook.id() + "/deliveries").then()
                    .statusCode(200).body("items.size()", equalTo(1)).body("items[0].nextAttemptAt", nullValue());
            assertEquals(1, PoolHelper.count(db, "select count(*) from webhook_deliveries where store_id = ? "
                    + "and subscription_id = ? and status = 'PENDING' and next_attempt_at = 'infinity'",
                    admin.storeId(), hook.id()));
            // While disabled nothing is sent; enabling it again sends what waits, now that the endpoint is back.
            int before = failing.received().size();
            Customers.createId(admin, "name", "Third Buyer");
            drain();
            assertEquals(before, failing.received().size());
            failing.answerAlways(200);
            admin.as().body(Map.of("enabled", true)).patch("/api/v1/webhooks/" + hook.id()).then().statusCode(200)
                    .body("enabled", equalTo(true)).body("disabledReason", nullValue()).body("failingSince", nullValue());
            drain();
            assertEquals("customer.created", json(failing.received().get(failing.received().size() - 1)).get("type").asText());
            admin.as().get("/api/v1/webhooks/" + hook.id()).then().body("pendingDeliveries", equalTo(0));
        }
    }

    @Test
    void aChangeThatRollsBackSendsNothing() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            Session admin = Api.openStore("Rollback");
            subscribe(admin, receiver.url("/h"), "customer.updated", "customer.created");
            long customer = Customers.createId(admin, "name", "Stays");
            drain();
            int before = receiver.received().size();
            long messages = PoolHelper.count(db, "select count(*) from webhook_messages where store_id = ?", admin.storeId());

            // A transaction that writes a timeline event (the trigger writes the outbox with it), then fails.
            try (Connection connection = db.getConnection()) {
                connection.setAutoCommit(false);
                try (PreparedStatement event = connection.prepareStatement("insert into customer_events "
                        + "(store_id, customer_id, type, at, actor_id, data) values (?, ?, 'STARS_CHANGED', now(), ?, "
                        + "'{\"from\": 0, \"to\": 3}')")) {
                    event.setLong(1, admin.storeId());
                    event.setLong(2, customer);
                    event.setLong(3, admin.userId());
                    event.executeUpdate();
                }
                assertEquals(messages + 1, count(connection, admin.storeId()), "written in the same transaction");
                connection.rollback();
            }
            // And through the API: an edit refused for a stale version writes nothing either.
            admin.as().contentType("application/merge-patch+json").header("If-Match", "\"99\"")
                    .body(Map.of("name", "Changed")).patch("/api/v1/customers/" + customer).then().statusCode(412);
            assertEquals(messages, PoolHelper.count(db, "select count(*) from webhook_messages where store_id = ?",
                    admin.storeId()));
            drain();
            assertEquals(before, receiver.received().size());
        }
    }

    private static long count(Connection connection, long store) throws Exception {
        try (PreparedStatement statement = connection.prepareStatement(
                "select count(*) from webhook_messages where store_id = ?")) {
            statement.setLong(1, store);
            try (var r = statement.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    @Test
    void twoInstancesDeliverEachEventExactlyOnceAndEachCustomersEventsInOrder() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver().pause(3)) {
            Session admin = Api.openStore("Two instances");
            subscribe(admin, receiver.url("/h"), "customer.created", "customer.updated");
            List<Long> customers = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                long id = Customers.createId(admin, "name", "Buyer " + i);
                customers.add(id);
                for (int edit = 1; edit <= 2; edit++) {
                    admin.as().contentType("application/merge-patch+json").body(Map.of("city", "City " + edit))
                            .patch("/api/v1/customers/" + id).then().statusCode(200);
                }
            }
            // Two dispatchers at once, small batches, until neither finds anything: as two instances would.
            ExecutorService instances = Executors.newFixedThreadPool(2);
            try {
                Callable<Integer> instance = () -> {
                    int sent = 0;
                    for (int idle = 0; idle < 3; ) {
                        int n = dispatcher.dispatch(3);
                        sent += n;
                        idle = n == 0 ? idle + 1 : 0;
                    }
                    return sent;
                };
                Future<Integer> a = instances.submit(instance);
                Future<Integer> b = instances.submit(instance);
                int total = a.get() + b.get();
                assertEquals(60, total);
                assertTrue(a.get() > 0 && b.get() > 0, "both instances sent: " + a.get() + " and " + b.get());
            } finally {
                instances.shutdown();
            }
            List<Received> got = receiver.received();
            assertEquals(60, got.size());
            Map<String, Long> perMessage = got.stream().collect(Collectors.groupingBy(r -> r.header("webhook-id"),
                    Collectors.counting()));
            assertEquals(60, perMessage.size(), "each event once");

            // Per customer, the order received is the order the events happened in.
            Map<String, Long> order = new HashMap<>();
            for (Object[] row : Sql.rows(db, "select webhook_id, id from webhook_messages where store_id = ?",
                    admin.storeId())) {
                order.put((String) row[0], ((Number) row[1]).longValue());
            }
            Map<Long, List<Long>> receivedPerCustomer = new LinkedHashMap<>();
            for (Received request : got) {
                long customer = json(request).get("data").get("customerId").asLong();
                receivedPerCustomer.computeIfAbsent(customer, c -> new ArrayList<>()).add(order.get(request.header("webhook-id")));
            }
            for (long customer : customers) {
                List<Long> sequence = receivedPerCustomer.get(customer);
                assertEquals(3, sequence.size());
                assertEquals(sequence.stream().sorted().toList(), sequence, "customer " + customer + " in order");
            }
            assertEquals("customer.created", json(got.stream()
                    .filter(r -> order.get(r.header("webhook-id")).equals(order.values().stream().min(Long::compare).get()))
                    .findFirst().get()).get("type").asText());
        }
    }

    @Test
    void aLaterEventOfACustomerWaitsWhileAnEarlierOneIsRetried() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver().answer(500)) {
            Session admin = Api.openStore("Ordering");
            subscribe(admin, receiver.url("/h"), "customer.created", "customer.updated");
            long customer = Customers.createId(admin, "name", "Ordered");
            admin.as().contentType("application/merge-patch+json").body(Map.of("city", "Ningbo"))
                    .patch("/api/v1/customers/" + customer).then().statusCode(200);
            long other = Customers.createId(admin, "name", "Other");

            assertEquals(1, dispatcher.dispatch(1), "the oldest first: the customer's creation, answered 500");
            // The edit is due no sooner than the creation's retry: the dispatcher's scan does not walk over it.
            List<Object[]> due = Sql.rows(db, "select next_attempt_at from webhook_deliveries where store_id = ? "
                    + "and ordering_key = ? and status = 'PENDING' order by id", admin.storeId(), customer);
            assertEquals(2, due.size());
            assertEquals(due.get(0)[0], due.get(1)[0]);
            assertEquals(1, dispatcher.dispatch(), "the other customer's creation; the edit waits");
            assertEquals(0, dispatcher.dispatch());
            clock.advance(Duration.ofSeconds(10));
            drain();
            List<String> types = receiver.received().stream().map(r -> {
                try {
                    JsonNode body = json(r);
                    return body.get("data").get("customerId").asLong() == customer ? body.get("type").asText() : null;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).filter(t -> t != null).toList();
            assertEquals(List.of("customer.created", "customer.created", "customer.updated"), types);
            JsonNode edit = json(receiver.received().get(receiver.received().size() - 1));
            assertEquals(List.of("city"), JSON.convertValue(edit.get("data").get("changedFields"), List.class));
            assertTrue(other > 0);
        }
    }

    @Test
    void redeliveryAndTestEventsGoToTheOneEndpoint() throws Exception {
        try (WebhookReceiver first = new WebhookReceiver(); WebhookReceiver second = new WebhookReceiver()) {
            Session admin = Api.openStore("Redeliver");
            Subscription hook = subscribe(admin, first.url("/a"), "customer.created");
            subscribe(admin, second.url("/b"), "customer.created");

            admin.as().post("/api/v1/webhooks/" + hook.id() + "/test").then().statusCode(202)
                    .body("eventType", equalTo("webhook.test")).body("status", equalTo("PENDING"));
            drain();
            assertEquals(1, first.received().size());
            assertEquals(0, second.received().size());
            assertSigned(first.received().get(0), hook.secret(), clock.instant().getEpochSecond());
            assertEquals("webhook.test", json(first.received().get(0)).get("type").asText());

            Customers.createId(admin, "name", "Once");
            drain();
            assertEquals(2, first.received().size());
            long delivery = admin.as().get("/api/v1/webhooks/" + hook.id() + "/deliveries").then().extract()
                    .jsonPath().getLong("items[0].id");
            admin.as().post("/api/v1/webhooks/" + hook.id() + "/deliveries/" + delivery + "/redeliver").then()
                    .statusCode(202).body("status", equalTo("PENDING"));
            drain();
            assertEquals(3, first.received().size());
            assertEquals(first.received().get(1).header("webhook-id"), first.received().get(2).header("webhook-id"));
            assertEquals(first.received().get(1).body(), first.received().get(2).body());
            assertEquals(1, second.received().size(), "the other endpoint got the event once, no test, no repeat");
        }
    }

    @Test
    void poolAndLifecycleChangesAreAnnounced() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            Session admin = PoolHelper.openStore("Lifecycle", "UTC");
            Session rep = Api.addUser(admin, "REP");
            subscribe(admin, receiver.url("/h"), "customer.claimed", "customer.released", "customer.assigned",
                    "customer.updated", "customer.deleted");
            long pooled = PoolHelper.poolCustomer(admin, "name", "From the pool");
            PoolHelper.claim(rep, List.of(pooled));
            rep.as().body(Map.of("reasonId", PoolHelper.releaseReason(rep)))
                    .post("/api/v1/customers/" + pooled + "/release").then().statusCode(200);
            admin.as().body(Map.of("customerIds", List.of(pooled), "userId", rep.userId()))
                    .post("/api/v1/pool/assign").then().statusCode(200);
            admin.as().contentType("application/merge-patch+json").body(Map.of("stage", "SAMPLE_ORDER"))
                    .patch("/api/v1/customers/" + pooled).then().statusCode(200);
            admin.as().delete("/api/v1/customers/" + pooled).then().statusCode(204);
            drain();
            List<JsonNode> bodies = new ArrayList<>();
            for (Received r : receiver.received()) {
                bodies.add(json(r));
            }
            assertEquals(List.of("customer.claimed", "customer.released", "customer.assigned", "customer.updated",
                    "customer.deleted"), bodies.stream().map(b -> b.get("type").asText()).toList());
            assertEquals(rep.userId(), bodies.get(0).get("data").get("ownerId").asLong());
            assertEquals("STAGE_CHANGED", bodies.get(3).get("data").get("timelineType").asText());
            assertEquals("SAMPLE_ORDER", bodies.get(3).get("data").get("to").asText());
            for (JsonNode body : bodies) {
                assertEquals(pooled, body.get("data").get("customerId").asLong());
            }
        }
    }

    @Test
    void anAutomaticAssignmentIsAnnouncedAsAssignedAndCountsAsOneInTheRepsStatistics() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            Session admin = PoolHelper.openStore("Auto assigned", "UTC");
            Session rep = Api.addUser(admin, "REP");
            subscribe(admin, receiver.url("/h"), "customer.assigned");
            long pooled = PoolHelper.poolCustomer(admin, "name", "Handed out");
            admin.as().body(Map.of("mode", "ROUND_ROBIN", "afterDays", 0, "returningBuyerDays", 0))
                    .put("/api/v1/pools/0/distribution").then().statusCode(200);
            admin.as().post("/api/v1/pools/0/distribution/run").then().statusCode(200).body("assigned", equalTo(1));
            drain();
            assertEquals(1, receiver.received().size());
            JsonNode body = json(receiver.received().get(0));
            assertEquals("customer.assigned", body.get("type").asText());
            assertEquals(pooled, body.get("data").get("customerId").asLong());
            assertEquals(rep.userId(), body.get("data").get("ownerId").asLong());
            String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
            admin.as().get("/api/v1/stats/reps?from=" + today + "&to=" + today).then().statusCode(200)
                    .body("items.find { it.userId == " + rep.userId() + " }.assigned", equalTo(1))
                    .body("items.find { it.userId == " + rep.userId() + " }.claimed", equalTo(0))
                    .body("items.find { it.userId == " + rep.userId() + " }.ownedNow", equalTo(1));
        }
    }

    @Test
    void inquiriesImportsPaidOrdersAutoReturnsAndMergesAreAnnounced() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            Session admin = PoolHelper.openStore("Every path", "UTC");
            Session rep = Api.addUser(admin, "REP");
            Subscription hook = subscribe(admin, receiver.url("/h"), "inquiry.received", "import.finished",
                    "order.paid", "customer.returned", "customer.deleted", "customer.created");

            // An inquiry from a new buyer: the customer is created and the inquiry received, in that order.
            long buyer = admin.as().header("Idempotency-Key", java.util.UUID.randomUUID().toString())
                    .body(Map.of("channel", "ALIBABA", "product", "Door hinges", "message", "Please quote",
                            "contact", Map.of("name", "Ana Souza", "email", Api.uniqueEmail("ana"))))
                    .post("/api/v1/inquiries").then().statusCode(201).extract().jsonPath().getLong("customerId");
            // An import: each customer it creates, then the job's outcome.
            long job = com.harborcrm.io.Imports.run(admin, "name,email\nImported One,one@example.com\nBad,not-an-email\n")
                    .getLong("id");
            // A paid order.
            long product = com.harborcrm.testing.Products.create(admin, "HOOK-SKU", "3.00");
            com.harborcrm.testing.Products.receive(admin, product, 10);
            long order = admin.as().body(Map.of("kind", "ORDER", "currency", "USD", "lines",
                    List.of(Map.of("productId", product, "quantity", 2)))).post("/api/v1/customers/" + buyer + "/orders")
                    .then().statusCode(201).extract().jsonPath().getLong("id");
            for (String status : List.of("CONFIRMED", "PAID")) {
                admin.as().body(Map.of("status", status)).post("/api/v1/orders/" + order + "/status").then().statusCode(200);
            }
            // A merge: the duplicate is announced as deleted, naming the survivor.
            long duplicate = Customers.createId(admin, "name", "Ana S.");
            admin.as().body(Map.of("duplicateIds", List.of(duplicate))).post("/api/v1/customers/" + buyer + "/merge")
                    .then().statusCode(200);
            // A rep's customer returns to the pool by itself.
            PoolHelper.setRules(admin, "returnAfterDaysWithoutFollowUp", 5, "returnAfterDaysWithoutDeal", 0);
            long neglected = Customers.createId(rep, "name", "Neglected");
            clock.advance(Duration.ofDays(6));
            PoolHelper.sweep(admin);
            drain();

            // Sent concurrently: in order per customer only. Listed here in the order they happened.
            Map<String, Long> happened = new HashMap<>();
            for (Object[] row : Sql.rows(db, "select webhook_id, id from webhook_messages where store_id = ?",
                    admin.storeId())) {
                happened.put((String) row[0], ((Number) row[1]).longValue());
            }
            List<Received> received = receiver.received();
            List<String> buyersReceived = new ArrayList<>();
            for (Received r : received) {
                assertSigned(r, hook.secret(), clock.instant().getEpochSecond());
                if (json(r).get("data").get("customerId") != null && json(r).get("data").get("customerId").asLong() == buyer) {
                    buyersReceived.add(json(r).get("type").asText());
                }
            }
            assertEquals(List.of("customer.created", "inquiry.received", "order.paid"), buyersReceived);
            List<JsonNode> bodies = new ArrayList<>();
            for (Received r : received.stream().sorted(java.util.Comparator.comparing(
                    (Received r) -> happened.get(r.header("webhook-id")))).toList()) {
                bodies.add(json(r));
            }
            assertEquals(List.of("customer.created", "inquiry.received", "customer.created", "import.finished",
                    "order.paid", "customer.created", "customer.deleted", "customer.created", "customer.returned"),
                    bodies.stream().map(b -> b.get("type").asText()).toList());
            assertEquals("ALIBABA", bodies.get(1).get("data").get("channel").asText());
            assertTrue(bodies.get(2).get("data").get("imported").asBoolean());
            JsonNode finished = bodies.get(3).get("data");
            assertEquals(job, finished.get("importId").asLong());
            assertEquals("DONE", finished.get("status").asText());
            assertEquals(1, finished.get("created").asInt());
            assertEquals(1, finished.get("rejected").asInt());
            JsonNode paid = bodies.get(4).get("data");
            assertEquals(order, paid.get("orderId").asLong());
            assertEquals(buyer, paid.get("customerId").asLong());
            assertEquals("USD", paid.get("currency").asText());
            assertEquals(0, new java.math.BigDecimal("6.00").compareTo(paid.get("total").decimalValue()));
            JsonNode deleted = bodies.get(6).get("data");
            assertEquals(duplicate, deleted.get("customerId").asLong());
            assertEquals(buyer, deleted.get("mergedInto").asLong());
            JsonNode returned = bodies.get(8).get("data");
            assertEquals(neglected, returned.get("customerId").asLong());
            assertEquals(rep.userId(), returned.get("fromOwnerId").asLong());
            assertTrue(returned.get("actorId").isNull(), "the system returned it");
        }
    }

    @Test
    void anEndpointThatRefusesConnectionsIsLoggedInWords() throws Exception {
        Session admin = Api.openStore("Refused");
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Subscription hook = subscribe(admin, "http://127.0.0.1:" + closedPort + "/gone", "customer.created");
        Customers.createId(admin, "name", "Nobody listens");
        assertEquals(1, dispatcher.dispatch());
        admin.as().get("/api/v1/webhooks/" + hook.id() + "/deliveries").then()
                .body("items[0].status", equalTo("PENDING")).body("items[0].lastStatusCode", nullValue())
                .body("items[0].lastError", equalTo("Could not connect: connection refused"));
        admin.as().get("/api/v1/webhooks/" + hook.id()).then().body("failingSince", notNullValue())
                .body("pendingDeliveries", equalTo(1));
    }

    @Test
    void aPausedWebhookKeepsWhatWaitsQueuesNothingNewAndRefusesTestsAndRedeliveries() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver().answer(500)) {
            Session admin = Api.openStore("Paused");
            Subscription hook = subscribe(admin, receiver.url("/h"), "customer.created");
            Customers.createId(admin, "name", "Before the pause");
            assertEquals(1, dispatcher.dispatch());
            long delivery = admin.as().get("/api/v1/webhooks/" + hook.id() + "/deliveries").then().extract()
                    .jsonPath().getLong("items[0].id");

            admin.as().body(Map.of("enabled", false)).patch("/api/v1/webhooks/" + hook.id()).then().statusCode(200)
                    .body("enabled", equalTo(false)).body("disabledReason", startsWith("Disabled by "))
                    .body("disabledAt", notNullValue());
            Customers.createId(admin, "name", "During the pause");
            assertEquals(1, PoolHelper.count(db, "select count(*) from webhook_deliveries where store_id = ?",
                    admin.storeId()), "nothing queued while paused");
            admin.as().get("/api/v1/webhooks/" + hook.id() + "/deliveries").then()
                    .body("items[0].status", equalTo("PENDING")).body("items[0].nextAttemptAt", nullValue());
            clock.advance(Duration.ofMinutes(10));
            assertEquals(0, dispatcher.dispatch());
            problem(admin.as().post("/api/v1/webhooks/" + hook.id() + "/test").then(), 409, "conflict");
            problem(admin.as().post("/api/v1/webhooks/" + hook.id() + "/deliveries/" + delivery + "/redeliver").then(),
                    409, "conflict");

            admin.as().body(Map.of("enabled", true)).patch("/api/v1/webhooks/" + hook.id()).then().statusCode(200);
            assertEquals(1, drain());
            assertEquals(2, receiver.received().size());
            admin.as().get("/api/v1/webhooks/" + hook.id()).then().body("pendingDeliveries", equalTo(0));
        }
    }

    @Test
    void editsAreValidatedLikeCreationAndTheStoreHoldsAtMostTwentyWebhooks() {
        Session admin = Api.openStore("Limits");
        Subscription hook = subscribe(admin, "https://example.com/first", "customer.created");
        for (String url : List.of("http://10.0.0.7/h", "   ", "https://user:pw@example.com/h")) {
            problem(admin.as().body(Map.of("url", url, "eventTypes", List.of("order.paid", "no.such")))
                    .patch("/api/v1/webhooks/" + hook.id()).then(), 400, "validation")
                    .body("errors.field", org.hamcrest.Matchers.hasItems("url", "eventTypes[1]"));
        }
        admin.as().get("/api/v1/webhooks/" + hook.id()).then().body("url", equalTo("https://example.com/first"))
                .body("eventTypes", org.hamcrest.Matchers.contains("customer.created"));
        admin.as().body(Map.of("url", " https://example.com/second ", "description", ""))
                .patch("/api/v1/webhooks/" + hook.id()).then().statusCode(200)
                .body("url", equalTo("https://example.com/second")).body("description", nullValue());

        for (int i = 2; i <= 20; i++) {
            subscribe(admin, "https://example.com/h" + i, "customer.created");
        }
        problem(admin.as().body(Map.of("url", "https://example.com/h21", "eventTypes", List.of("customer.created")))
                .post("/api/v1/webhooks").then(), 409, "conflict");
        assertEquals(20, PoolHelper.count(db, "select count(*) from webhook_subscriptions where store_id = ?",
                admin.storeId()));
    }

    @Test
    void deliveredAndFailedDeliveriesAreKeptThirtyDaysPendingOnesUntilSent() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            Session admin = Api.openStore("Retention");
            Subscription hook = subscribe(admin, receiver.url("/h"), "customer.created");
            Customers.createId(admin, "name", "Delivered long ago");
            drain();
            Customers.createId(admin, "name", "Still waiting");
            clock.advance(Duration.ofDays(29));
            dispatcher.purge();
            assertEquals(2, PoolHelper.count(db, "select count(*) from webhook_deliveries where store_id = ?",
                    admin.storeId()), "29 days: both kept");
            clock.advance(Duration.ofDays(2));
            dispatcher.purge();
            admin.as().get("/api/v1/webhooks/" + hook.id() + "/deliveries").then().body("items.size()", equalTo(1))
                    .body("items[0].status", equalTo("PENDING"));
            assertEquals(1, PoolHelper.count(db, "select count(*) from webhook_messages where store_id = ?",
                    admin.storeId()), "the delivered one's message went with it");
            assertEquals(0, PoolHelper.count(db, "select count(*) from webhook_attempts where store_id = ?",
                    admin.storeId()));
        }
    }

    @Test
    void addressesOutsideThePublicInternetAndBadInputAreRefusedWithEveryFieldAtOnce() {
        Session admin = Api.openStore("Targets");
        for (String url : List.of("ftp://example.com/h", "not a url", "http://10.0.0.5/h", "https://169.254.169.254/latest",
                "https://user:secret@example.com/h", "http://[fd00::1]/h", "https://192.168.1.20/h")) {
            problem(admin.as().body(Map.of("url", url, "eventTypes", List.of("customer.created")))
                    .post("/api/v1/webhooks").then(), 400, "validation")
                    .body("errors.field", org.hamcrest.Matchers.contains("url"));
        }
        problem(admin.as().body(Map.of("url", "https://10.1.2.3/h", "eventTypes", List.of("customer.exploded")))
                .post("/api/v1/webhooks").then(), 400, "validation")
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("url", "eventTypes[0]"));
        problem(admin.as().body(Map.of("url", "https://example.com/h", "eventTypes", List.of()))
                .post("/api/v1/webhooks").then(), 400, "validation");
        assertEquals(0, PoolHelper.count(db, "select count(*) from webhook_subscriptions where store_id = ?",
                admin.storeId()), "nothing saved");
        // A public https address is fine (nothing is sent until an event happens).
        subscribe(admin, "https://example.com/harbor", "customer.created");
    }

    @Test
    void onlyAdminsAndKeysWithTheScopeManageWebhooksAndNeverAcrossStores() {
        Session admin = Api.openStore("Owners");
        Session manager = Api.addUser(admin, "MANAGER");
        Session rep = Api.addUser(admin, "REP");
        Subscription hook = subscribe(admin, "https://example.com/a", "customer.created");
        problem(manager.as().get("/api/v1/webhooks").then(), 403, "forbidden");
        problem(rep.as().get("/api/v1/webhooks").then(), 403, "forbidden");
        problem(manager.as().body(Map.of("url", "https://example.com/b", "eventTypes", List.of("customer.created")))
                .post("/api/v1/webhooks").then(), 403, "forbidden");

        String key = admin.as().body(Map.of("name", "Integration", "scopes", List.of("webhooks:manage")))
                .post("/api/v1/api-keys").then().statusCode(201).extract().path("token");
        String readOnly = admin.as().body(Map.of("name", "Reader", "scopes", List.of("customers:read")))
                .post("/api/v1/api-keys").then().statusCode(201).extract().path("token");
        given().auth().oauth2(key).contentType(ContentType.JSON)
                .body(Map.of("url", "https://example.com/by-key", "eventTypes", List.of("inquiry.received")))
                .post("/api/v1/webhooks").then().statusCode(201);
        given().auth().oauth2(key).get("/api/v1/webhooks").then().statusCode(200).body("items.size()", equalTo(2));
        problem(given().auth().oauth2(readOnly).get("/api/v1/webhooks").then(), 403, "scope-missing")
                .body("requiredScope", equalTo("webhooks:manage"));

        Session stranger = Api.openStore("Elsewhere");
        problem(stranger.as().get("/api/v1/webhooks/" + hook.id()).then(), 404, "not-found");
        problem(stranger.as().body(Map.of("enabled", false)).patch("/api/v1/webhooks/" + hook.id()).then(), 404, "not-found");
        problem(stranger.as().post("/api/v1/webhooks/" + hook.id() + "/test").then(), 404, "not-found");
        problem(stranger.as().delete("/api/v1/webhooks/" + hook.id()).then(), 404, "not-found");
        stranger.as().get("/api/v1/webhooks").then().statusCode(200).body("items.size()", equalTo(0));

        admin.as().delete("/api/v1/webhooks/" + hook.id()).then().statusCode(204);
        problem(admin.as().get("/api/v1/webhooks/" + hook.id()).then(), 404, "not-found");
    }

    @Test
    void theEventTypesTheDatabaseWritesAreTheOnesTheApiOffers() throws Exception {
        String migration = Files.readString(Path.of("src/main/resources/db/migration/V88__webhooks.sql"))
                + Files.readString(Path.of("src/main/resources/db/migration/V90__message_delivered_webhook.sql"))
                + Files.readString(Path.of("src/main/java/com/harborcrm/webhook/WebhookDispatcher.java"));
        Set<String> written = new TreeSet<>();
        Matcher m = java.util.regex.Pattern.compile("'([a-z]+\\.[a-z]+)'").matcher(migration);
        while (m.find()) {
            written.add(m.group(1));
        }
        Set<String> offered = new TreeSet<>();
        for (WebhookEventType type : WebhookEventType.values()) {
            offered.add(type.wireName());
        }
        assertEquals(offered, written);
        Set<String> pattern = new TreeSet<>(List.of(WebhookEventType.PATTERN.replace("\\.", ".").split("\\|")));
        assertEquals(offered, pattern);
        for (String name : offered) {
            assertTrue(WebhookEventType.ONE_OF.contains(name), name);
        }
        assertFalse(offered.contains(WebhookEventType.TEST));
    }
}
