package com.harborcrm.security;

import static com.harborcrm.testing.Api.problem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.harborcrm.testing.Api;
import com.harborcrm.testing.Api.Session;
import com.harborcrm.testing.Customers;
import com.harborcrm.testing.Products;
import com.harborcrm.testing.PoolHelper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * OWASP API3:2023 (broken object property level authorization): a client cannot write properties the server
 * owns (mass assignment), and no answer carries a property the caller may not read (password hashes, token
 * versions, the contacts of pool customers that the pool rules mask for reps).
 */
@QuarkusTest
class PropertyLevelAuthorizationTest {

    /** Properties only the server sets: owner and store, role, computed score, versions and counters, audit. */
    private static final List<String> SERVER_OWNED = List.of("id", "storeId", "store", "ownerId", "owner", "role",
            "score", "potentialScore", "version", "createdAt", "updatedAt", "createdBy", "customerCount",
            "followUpCount", "claimedAt", "tokenVersion", "passwordHash", "status", "active");

    /** Names that must never be part of an answer's schema. */
    private static final Pattern SECRET = Pattern.compile("(?i).*(password|hash|salt|secret|tokenversion).*");

    /**
     * Operations whose answer carries a secret on purpose, once: a new webhook's signing secret (the receiver
     * needs it to verify; Harbor never shows it again). Every other answer, the same webhook's included, is
     * still searched.
     */
    private static final Set<String> SHOWN_ONCE = Set.of("createWebhook", "rotateInboundSecret");

    /**
     * Booleans that say whether a secret is stored (so the messaging settings can offer "change" or "remove"),
     * never the secret: MessagingTest proves the password and token themselves are in no answer.
     */
    private static final Set<String> SECRET_FLAGS = Set.of("passwordSet", "tokenSet", "emailSecretSet", "secretsStorable");

    private static JsonNode contract() throws Exception {
        return new ObjectMapper().readTree(
                given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200).extract().asString());
    }

    /**
     * Every JSON write operation of the contract gets each server-owned property its request schema does not
     * declare, and must refuse it by name (400) rather than ignore or apply it.
     */
    @TestFactory
    List<DynamicTest> undeclaredServerOwnedPropertiesAreRefusedByName() throws Exception {
        Session admin = Api.openStore("Mass assignment");
        long customer = Customers.createId(admin);
        // Real ids for every kind of path: a body read after the lookup must meet an object that exists.
        long product = Products.create(admin, "MASS-1", "1");
        Map<String, Long> ids = Map.of(
                "/api/v1/products/", product,
                "/api/v1/orders/", admin.as().body(Map.of("kind", "QUOTATION", "currency", "USD", "lines",
                        List.of(Map.of("productId", product, "quantity", 1))))
                        .post("/api/v1/customers/" + customer + "/orders").then().statusCode(201).extract().jsonPath()
                        .getLong("id"),
                "/api/v1/users/", admin.userId(),
                "/api/v1/tags/", admin.as().body(Map.of("name", "T", "color", "#000000")).post("/api/v1/tags").then()
                        .statusCode(201).extract().jsonPath().getLong("id"),
                "/api/v1/custom-fields/", admin.as().body(Map.of("key", "k", "label", "K", "type", "TEXT"))
                        .post("/api/v1/custom-fields").then().statusCode(201).extract().jsonPath().getLong("id"),
                "/api/v1/lost-reasons/", admin.as().body(Map.of("name", "R")).post("/api/v1/lost-reasons").then()
                        .statusCode(201).extract().jsonPath().getLong("id"),
                "/api/v1/views/", admin.as().body(Map.of("name", "V")).post("/api/v1/views").then().statusCode(201)
                        .extract().jsonPath().getLong("id"),
                "/follow-ups/", admin.as().body(Map.of("type", "NOTE", "content", "c"))
                        .post("/api/v1/customers/" + customer + "/follow-ups").then().statusCode(201).extract().jsonPath()
                        .getLong("id"));
        String before = admin.as().get("/api/v1/customers/" + customer).then().statusCode(200).extract().asString();
        JsonNode contract = contract();
        List<DynamicTest> tests = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = contract.get("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            String concrete = concrete(path.getKey(), customer, ids);
            path.getValue().fields().forEachRemaining(operation -> {
                JsonNode schema = operation.getValue().path("requestBody").path("content").path("application/json")
                        .path("schema");
                // A provider's signed event is not read at all until its signature holds (401 otherwise).
                if (schema.isMissingNode() || operation.getValue().path("operationId").asText().equals("receiveEmailEvent")) {
                    return;
                }
                Set<String> declared = new HashSet<>();
                collectProperties(contract, schema, declared, new HashSet<>());
                String method = operation.getKey().toUpperCase();
                for (String property : SERVER_OWNED) {
                    if (declared.contains(property)) {
                        continue;
                    }
                    tests.add(DynamicTest.dynamicTest(method + " " + path.getKey() + " {" + property + "}", () -> {
                        Response answer = admin.as().header("If-Match", "*").header("Idempotency-Key", "mass-" + property)
                                .body(Map.of(property, 1)).request(method, concrete);
                        // malformed-body from the JSON reader, validation from the merge-patch readers.
                        answer.then().log().ifValidationFails().statusCode(400).contentType("application/problem+json")
                                .body("errors.field", hasItem(property));
                    }));
                }
            });
        }
        assertTrue(tests.size() > 100, "the contract lists too few write operations: " + tests.size());
        tests.add(DynamicTest.dynamicTest("the customer is unchanged", () -> assertEquals(before,
                admin.as().get("/api/v1/customers/" + customer).then().statusCode(200).extract().asString())));
        return tests;
    }

    /** Where a request does declare an owner or a role, only the roles allowed to set it can. */
    @Test
    void declaredOwnerAndRolePropertiesFollowTheRoleTable() {
        Session admin = Api.openStore("Declared properties");
        Session rep = Api.addUser(admin, "REP");
        Session otherRep = Api.addUser(admin, "REP");
        Session stranger = Api.openStore("Declared stranger");

        problem(rep.as().body(Customers.body("ownerId", otherRep.userId())).post("/api/v1/customers").then(), 403, "forbidden");
        problem(rep.as().body(Map.of("role", "ADMIN")).patch("/api/v1/users/" + rep.userId()).then(), 403, "forbidden");
        // A manager may set an owner, but only a user of its own store.
        problem(admin.as().body(Customers.body("ownerId", stranger.userId())).post("/api/v1/customers").then(), 400, "validation")
                .body("errors.field", hasItem("ownerId"));
        problem(admin.as().header("Idempotency-Key", "k-" + System.nanoTime())
                .body(Map.of("channel", "EMAIL", "contact", Map.of("name", "Buyer"), "assignTo", stranger.userId()))
                .post("/api/v1/inquiries").then(), 400, "validation").body("errors.field", hasItem("assignTo"));

        assertEquals(0, otherRep.as().get("/api/v1/customers").then().statusCode(200).extract().jsonPath()
                .getList("items").size(), "nothing was created for the other rep");
        assertEquals(0, stranger.as().get("/api/v1/customers").then().statusCode(200).extract().jsonPath()
                .getList("items").size(), "nothing reached the other store");
        rep.as().get("/api/v1/me").then().statusCode(200).body("user.role", org.hamcrest.Matchers.equalTo("REP"));
    }

    @Test
    void noAnswerSchemaHasASecretProperty() throws Exception {
        JsonNode contract = contract();
        Set<String> leaks = new TreeSet<>();
        contract.get("paths").forEach(item -> item.forEach(operation -> operation.path("responses").forEach(response ->
                response.path("content").forEach(media -> {
                    if (SHOWN_ONCE.contains(operation.path("operationId").asText())) {
                        return;
                    }
                    Set<String> names = new HashSet<>();
                    collectProperties(contract, media.path("schema"), names, new HashSet<>());
                    names.stream().filter(name -> SECRET.matcher(name).matches() && !SECRET_FLAGS.contains(name))
                            .forEach(leaks::add);
                }))));
        assertEquals(Set.of(), leaks);
    }

    /** Every read a store's users make, searched for the password hash's and the token version's traces. */
    @Test
    void noAnswerCarriesAPasswordHashOrTokenVersion() {
        Session admin = Api.openStore("Leaks");
        Session rep = Api.addUser(admin, "REP");
        long customer = Customers.createId(rep, "email", Api.uniqueEmail("buyer"));
        List<String> reads = List.of("/api/v1/me", "/api/v1/users", "/api/v1/users/" + rep.userId(),
                "/api/v1/customers", "/api/v1/customers/" + customer, "/api/v1/customers/" + customer + "/timeline",
                "/api/v1/pool", "/api/v1/reminders", "/api/v1/tags", "/api/v1/views", "/api/v1/custom-fields",
                "/api/v1/lost-reasons", "/api/v1/pool/rules", "/api/v1/stats/reps", "/api/v1/imports");
        List<String> answers = new ArrayList<>();
        for (String read : reads) {
            answers.add(admin.as().get(read).then().statusCode(200).extract().asString());
        }
        answers.add(given().contentType("application/json").body(Map.of("email", rep.email(), "password", Api.PASSWORD))
                .post("/api/v1/auth/login").then().statusCode(200).extract().asString());
        for (String answer : answers) {
            assertFalse(answer.matches("(?s).*\\$2[aby]\\$.*"), "a bcrypt hash in " + answer);
            assertFalse(answer.toLowerCase().contains("password"), "a password member in " + answer);
            assertFalse(answer.contains("tokenVersion"), answer);
            assertFalse(answer.contains(Api.PASSWORD), answer);
        }
    }

    /**
     * With maskContacts on (the default), a rep reads no pool customer's contact anywhere — email, phone, mobile,
     * fax, every IM handle, website — in lists, detail, timeline (follow-up texts, event data), follow-ups,
     * inquiries (their own contact and message), notes and custom fields; the export is not a rep's. Searching
     * finds the customer by a whole email, number or handle but never by a part of one. A manager sees them whole.
     */
    @Test
    void poolContactsStayMaskedForRepsInEveryRead() {
        Session admin = PoolHelper.openStore("Masked", "UTC");
        Session manager = Api.addUser(admin, "MANAGER");
        Session rep = Api.addUser(admin, "REP");
        admin.as().body(Map.of("key", "backup_contact", "label", "Backup contact", "type", "TEXT"))
                .post("/api/v1/custom-fields").then().statusCode(201);
        String email = Api.uniqueEmail("secret");
        String phone = "+86 138 0013 8000";
        String mobile = "+1 415 555 0199";
        String fax = "+49 30 1234 5678";
        String wechat = "wx_secret_" + System.nanoTime();
        String whatsapp = "+447700900123";
        String skype = "live:secret.buyer";
        String website = "https://www.secret-trading.example/about";
        String site = "secret-trading.example";
        long id = PoolHelper.poolCustomer(manager, "email", email, "phone", phone, "mobile", mobile, "fax", fax,
                "imAccounts", List.of(Map.of("channel", "WECHAT", "handle", wechat),
                        Map.of("channel", "WHATSAPP", "handle", whatsapp), Map.of("channel", "SKYPE", "handle", skype)),
                "website", website,
                "notes", "WeChat " + wechat.toUpperCase() + ", site " + site + ", cell 138-0013-8000",
                "customFields", Map.of("backup_contact", "Skype " + skype + " or " + email));
        manager.as().body(Map.of("type", "NOTE", "content", "Reach them at " + email + ", " + phone + ", WeChat "
                + wechat + ", 0014155550199 or on " + site)).post("/api/v1/customers/" + id + "/follow-ups")
                .then().statusCode(201);
        String inquiryHandle = "inq_" + wechat;
        manager.as().header("Idempotency-Key", "mask-" + System.nanoTime())
                .body(Map.of("channel", "EMAIL", "message", "Write to " + email + " or WeChat " + inquiryHandle,
                        "contact", Map.of("name", "Buyer", "email", email, "imAccounts",
                                List.of(Map.of("channel", "WECHAT", "handle", inquiryHandle)))))
                .post("/api/v1/inquiries").then().statusCode(200);
        List<String> secrets = List.of(email, wechat, inquiryHandle, whatsapp, skype, site, "secret-trading");
        List<String> numbers = List.of(phone, mobile, fax, whatsapp).stream().map(n -> n.replaceAll("\\D", ""))
                .map(d -> d.substring(d.length() - 8)).toList();

        List<String> reads = List.of("/api/v1/pool", "/api/v1/customers?ownerId=none", "/api/v1/customers/" + id,
                "/api/v1/customers/" + id + "/timeline", "/api/v1/customers/" + id + "/inquiries",
                "/api/v1/customers/" + id + "/follow-ups", "/api/v1/pool?q=" + email);
        for (String read : reads) {
            String asRep = rep.as().get(read).then().statusCode(200).extract().asString();
            // The read shows what it should (the customer, or its entries), masked; a rep's /customers is its own
            // customers, where the pool's are not at all.
            boolean entries = read.endsWith("/timeline") || read.endsWith("/inquiries") || read.endsWith("/follow-ups");
            assertTrue(read.contains("ownerId=none") || (entries ? asRep.contains("\"items\":[{")
                    : asRep.matches("(?s).*\"id\":" + id + "[,}].*")), read + " lacks the customer: " + asRep);
            for (String secret : secrets) {
                assertFalse(asRep.toLowerCase().contains(secret.toLowerCase()), read + " shows " + secret + " to a rep: " + asRep);
            }
            for (String number : numbers) {
                assertFalse(asRep.replaceAll("\\D", "").contains(number), read + " shows a number to a rep: " + asRep);
            }
        }
        rep.as().get("/api/v1/customers/" + id).then().statusCode(200)
                .body("imAccounts.handle", org.hamcrest.Matchers.contains("w***", "+***", "l***"))
                .body("imAccounts.channel", org.hamcrest.Matchers.contains("WECHAT", "WHATSAPP", "SKYPE"))
                .body("website", org.hamcrest.Matchers.equalTo("***.example"))
                .body("notes", org.hamcrest.Matchers.equalTo("WeChat w***, site ***.example, cell *** *** 8000"))
                .body("customFields.backup_contact", org.hamcrest.Matchers.equalTo("Skype l*** or s***@example.com"));
        problem(rep.as().get("/api/v1/exports/customers.csv?ownerId=none").then(), 403, "forbidden");
        String whole = manager.as().get("/api/v1/customers/" + id).then().statusCode(200).extract().asString();
        for (String secret : List.of(email, wechat, whatsapp, skype, website)) {
            assertTrue(whole.contains(secret), "a manager sees " + secret + " whole: " + whole);
        }
        assertTrue(manager.as().get("/api/v1/exports/customers.csv?ownerId=none").then().statusCode(200).extract()
                .asString().contains(wechat), "a manager's export holds the handle");

        // A whole email, number or handle finds the customer (the answer still masked, checked above); a part of
        // one finds nothing, or a rep could read it a character at a time.
        for (String whole1 : List.of(email, email.toUpperCase(), phone, "8613800138000", "008613800138000", wechat,
                "@" + wechat, skype)) {
            rep.as().queryParam("q", whole1).get("/api/v1/pool").then().statusCode(200)
                    .body("items.id", hasItem((int) id));
        }
        String localPart = email.substring(0, email.indexOf('@'));
        for (String part : List.of(localPart, email.substring(1), "138 0013 80", "13800138000".substring(2),
                wechat.substring(0, wechat.length() - 1), wechat.substring(1), site)) {
            rep.as().queryParam("q", part).get("/api/v1/pool").then().statusCode(200)
                    .body("items.id", org.hamcrest.Matchers.not(hasItem((int) id)));
        }
        manager.as().queryParam("q", localPart).get("/api/v1/pool").then().statusCode(200).body("items.id", hasItem((int) id));
        manager.as().queryParam("q", wechat).get("/api/v1/customers").then().statusCode(200).body("items.id", hasItem((int) id));
    }

    /** The path with each id replaced by an existing object of its kind (the customer's id by default). */
    private static String concrete(String template, long customer, Map<String, Long> ids) {
        String path = template;
        for (Map.Entry<String, Long> kind : ids.entrySet()) {
            path = path.replace(kind.getKey() + "{id}", kind.getKey() + kind.getValue());
        }
        return path.replaceAll("\\{[^}]+}", Long.toString(customer));
    }

    /** The property names of a schema, through $ref, allOf/anyOf/oneOf, items and nested objects. */
    private static void collectProperties(JsonNode contract, JsonNode schema, Set<String> names, Set<String> seen) {
        if (schema == null || schema.isMissingNode()) {
            return;
        }
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").asText();
            if (seen.add(ref)) {
                collectProperties(contract, contract.at(ref.substring(1)), names, seen);
            }
            return;
        }
        schema.path("properties").fields().forEachRemaining(property -> {
            names.add(property.getKey());
            collectProperties(contract, property.getValue(), names, seen);
        });
        for (String group : List.of("allOf", "anyOf", "oneOf")) {
            schema.path(group).forEach(member -> collectProperties(contract, member, names, seen));
        }
        collectProperties(contract, schema.path("items"), names, seen);
        if (schema.path("additionalProperties").isObject()) {
            collectProperties(contract, schema.get("additionalProperties"), names, seen);
        }
    }
}
