package com.harborcrm.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.harborcrm.testing.Api;
import com.harborcrm.testing.Api.Session;
import com.harborcrm.testing.Customers;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * OWASP API8:2023 (security misconfiguration: injection). SQL metacharacters and unusual unicode in every
 * screening filter answer 200 or a 400 problem, never a 500 or more rows than they should; LIKE wildcards match
 * themselves; every text field stores and reads back such text exactly; NUL is refused in every string member of
 * every write.
 */
@QuarkusTest
class InjectionTest {

    /** Quotes, backslashes, LIKE wildcards, comment and statement breaks, emoji, right-to-left, CJK, combining marks. */
    static final List<String> HOSTILE = List.of("O'Brien", "\"quoted\"", "back\\slash\\", "100%", "under_score",
            "' OR '1'='1", "x'); DROP TABLE customers; --", "$$dollar$$", "/* c */", "🚢 Harbor 🦀",
            "שלום עולם", "مرحبا", "宁波五金进出口有限公司", "e\u0301 combining", "\u202Eevil\u202C", "tab\tand\nnewline");

    /** The screening parameters and a value of each's own kind when the hostile text is not one. */
    private static final List<String> FILTERS = List.of("q", "country", "tag", "tagAll", "ownerId", "stage", "stars",
            "status", "source", "createdFrom", "createdTo", "lastFollowUpFrom", "lastFollowUpTo", "nextFollowUpBefore",
            "hasEmail", "hasPhone", "scoreMin", "scoreMax", "cf.incoterm", "sort", "cursor", "view");

    @TestFactory
    List<DynamicTest> hostileTextInEveryScreeningFilterIsHarmless() {
        Session admin = Api.openStore("Injection filters");
        admin.as().body(Map.of("key", "incoterm", "label", "Incoterm", "type", "TEXT")).post("/api/v1/custom-fields")
                .then().statusCode(201);
        Customers.createId(admin, "name", "Plain buyer");
        Customers.createId(admin, "name", "Other buyer");
        List<DynamicTest> tests = new ArrayList<>();
        for (String list : List.of("/api/v1/customers", "/api/v1/pool", "/api/v1/exports/customers.csv")) {
            for (String filter : FILTERS) {
                if (list.endsWith(".csv") && Set.of("sort", "cursor", "view").contains(filter)) {
                    continue;
                }
                tests.add(DynamicTest.dynamicTest(list + "?" + filter, () -> {
                    for (String value : HOSTILE) {
                        Response answer = admin.as().queryParam(filter, value).get(list);
                        int status = answer.statusCode();
                        assertTrue(status == 200 || status == 400, list + "?" + filter + "=" + value + " answered " + status
                                + ": " + answer.asString());
                        if (status == 400) {
                            answer.then().contentType("application/problem+json");
                        } else if (filter.equals("q") && !list.endsWith(".csv")) {
                            // No customer holds any of these texts: a match would mean the text changed the query.
                            answer.then().body("items", empty());
                        }
                    }
                }));
            }
        }
        return tests;
    }

    /** % and _ are LIKE wildcards in SQL; in a search they are only themselves. */
    @Test
    void likeWildcardsInASearchMatchOnlyThemselves() {
        Session admin = Api.openStore("Wildcards");
        long percent = Customers.createId(admin, "name", "Rate 100% cotton");
        long underscore = Customers.createId(admin, "name", "snake_case Trading");
        long backslash = Customers.createId(admin, "name", "Back\\slash Ltd");
        Customers.createId(admin, "name", "Rate 1000 cotton");
        Customers.createId(admin, "name", "snakeXcase Trading");
        Customers.createId(admin, "name", "Backslash Ltd");
        admin.as().queryParam("q", "100%").get("/api/v1/customers").then().statusCode(200).body("items.id", contains((int) percent));
        admin.as().queryParam("q", "e_c").get("/api/v1/customers").then().statusCode(200).body("items.id", contains((int) underscore));
        admin.as().queryParam("q", "k\\s").get("/api/v1/customers").then().statusCode(200).body("items.id", contains((int) backslash));
        admin.as().queryParam("q", "%").get("/api/v1/customers").then().statusCode(200).body("items.id", contains((int) percent));
    }

    /** Each hostile text goes into every kind of stored text and comes back unchanged, and the search finds it. */
    @Test
    void everyTextFieldStoresHostileTextExactly() {
        Session admin = Api.openStore("Round trip");
        for (String text : HOSTILE) {
            String name = text.strip().isEmpty() ? "n" + text : text;
            Map<String, Object> body = Customers.body("name", name + " buyer", "companyName", text, "position", text,
                    "city", text, "region", text, "address", text, "mainProducts", text, "notes", text,
                    "purchaseCategories", List.of(text));
            long id = admin.as().body(body).post("/api/v1/customers?allowDuplicate=true").then().statusCode(201)
                    .extract().jsonPath().getLong("id");
            admin.as().get("/api/v1/customers/" + id).then().statusCode(200)
                    .body("name", equalTo(name + " buyer")).body("companyName", equalTo(text)).body("position", equalTo(text))
                    .body("city", equalTo(text)).body("region", equalTo(text)).body("address", equalTo(text))
                    .body("mainProducts", equalTo(text)).body("notes", equalTo(text))
                    .body("purchaseCategories", contains(text));
            admin.as().queryParam("q", name + " buyer").get("/api/v1/customers").then().statusCode(200)
                    .body("items.id", hasItem((int) id));
            long followUp = admin.as().body(Map.of("type", "NOTE", "content", text))
                    .post("/api/v1/customers/" + id + "/follow-ups").then().statusCode(201).extract().jsonPath().getLong("id");
            admin.as().get("/api/v1/customers/" + id + "/follow-ups").then().statusCode(200)
                    .body("items.find { it.id == " + followUp + " }.content", equalTo(text));
        }
        String text = "宁波 'quote' \\ 100% _x_ 🚢 שלום";
        long tag = admin.as().body(Map.of("name", text, "color", "#000000", "group", text)).post("/api/v1/tags")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        admin.as().get("/api/v1/tags").then().body("items.find { it.id == " + tag + " }.name", equalTo(text))
                .body("items.find { it.id == " + tag + " }.group", equalTo(text));
        long view = admin.as().body(Map.of("name", text, "filter", Map.of("q", text))).post("/api/v1/views")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        admin.as().get("/api/v1/views/" + view).then().body("name", equalTo(text)).body("filter.q", equalTo(text));
        long reason = admin.as().body(Map.of("name", text)).post("/api/v1/lost-reasons").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        admin.as().get("/api/v1/lost-reasons").then().body("items.find { it.id == " + reason + " }.name", equalTo(text));
        admin.as().body(Map.of("key", "note", "label", text, "type", "TEXT")).post("/api/v1/custom-fields").then().statusCode(201);
        long withField = admin.as().body(Customers.body("customFields", Map.of("note", text)))
                .post("/api/v1/customers?allowDuplicate=true").then().statusCode(201).extract().jsonPath().getLong("id");
        admin.as().get("/api/v1/customers/" + withField).then().body("customFields.note", equalTo(text));
        admin.as().queryParam("cf.note", text).get("/api/v1/customers").then().statusCode(200)
                .body("items.id", contains((int) withField));
        long user = admin.as().body(Map.of("name", text, "email", Api.uniqueEmail("unicode"), "password", Api.PASSWORD,
                "role", "REP")).post("/api/v1/users").then().statusCode(201).extract().jsonPath().getLong("id");
        admin.as().get("/api/v1/users/" + user).then().body("name", equalTo(text));
        given().auth().oauth2(admin.token()).contentType("application/json").header("Idempotency-Key", "unicode-1")
                .body(Map.of("channel", "EMAIL", "product", text, "message", text, "contact", Map.of("name", text)))
                .post("/api/v1/inquiries").then().statusCode(201);
        admin.as().queryParam("q", text).get("/api/v1/customers").then().statusCode(200).body("items.name", hasItem(text));
    }

    /** NUL cannot be stored in PostgreSQL text: every string member of every JSON write refuses it with a 400. */
    @TestFactory
    List<DynamicTest> nulIsRefusedInEveryStringMemberOfEveryWrite() throws Exception {
        Session admin = Api.openStore("NUL everywhere");
        long customer = Customers.createId(admin);
        JsonNode contract = new ObjectMapper().readTree(
                given().accept("application/json").get("/q/openapi?format=json").then().extract().asString());
        List<DynamicTest> tests = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = contract.get("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            String concrete = path.getKey().replaceAll("\\{[^}]+}", Long.toString(customer));
            path.getValue().fields().forEachRemaining(operation -> {
                JsonNode schema = resolve(contract, operation.getValue().path("requestBody").path("content")
                        .path("application/json").path("schema"));
                if (schema.isMissingNode()) {
                    return;
                }
                Set<String> strings = new HashSet<>();
                schema.path("properties").fields().forEachRemaining(property -> {
                    JsonNode type = resolve(contract, property.getValue()).path("type");
                    if (type.asText().equals("string") || (type.isArray() && type.toString().contains("\"string\""))) {
                        strings.add(property.getKey());
                    }
                });
                String method = operation.getKey().toUpperCase();
                for (String member : strings) {
                    tests.add(DynamicTest.dynamicTest(method + " " + path.getKey() + " " + member, () -> {
                        Response answer = admin.as().header("If-Match", "*").header("Idempotency-Key", "nul-" + member)
                                .body(Map.of(member, "a\u0000b")).request(method, concrete);
                        // 404: the path's id is not one of that kind (ids here are the customer's); what matters is
                        // that the NUL never reaches the database, which would answer a 500.
                        int status = answer.statusCode();
                        assertTrue(status == 400 || status == 404, method + " " + concrete + " " + member + " answered "
                                + status + ": " + answer.asString());
                        answer.then().contentType("application/problem+json");
                    }));
                }
            });
        }
        assertTrue(tests.size() > 30, "too few string members in the contract: " + tests.size());
        return tests;
    }

    private static JsonNode resolve(JsonNode contract, JsonNode schema) {
        return schema.has("$ref") ? contract.at(schema.get("$ref").asText().substring(1)) : schema;
    }
}
