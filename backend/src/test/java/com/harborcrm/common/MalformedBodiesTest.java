package com.harborcrm.common;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.harborcrm.testing.Api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Throws malformed bodies at every write operation of the served contract (so new endpoints are covered
 * without touching this test) and expects a 4xx problem answer, never a 5xx.
 */
@QuarkusTest
class MalformedBodiesTest {

    private static final List<String> BODIES = List.of(
            "", "{", "}", "[]", "null", "0", "\"text\"", "true", "{\"a\":", "{\"name\": {\"$gt\": \"\"}}",
            "{\"name\": [1, 2, 3]}", "{\"id\": 1e309}", "{\"version\": -99999999999999999999999}",
            "{\"email\": \"\\u0000\"}", "{\"name\": \"" + "x".repeat(100_000) + "\"}",
            "[".repeat(5000) + "]".repeat(5000), "{\"\": null}", "{\"name\":\"a\",\"name\":\"b\"}");

    @TestFactory
    List<DynamicTest> everyWriteOperationAnswers4xxToMalformedBodies() throws Exception {
        Api.Session admin = Api.openStore("Malformed");
        JsonNode contract = new ObjectMapper().readTree(
                given().accept("application/json").get("/q/openapi?format=json").then().extract().asString());
        List<DynamicTest> tests = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = contract.get("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            String concrete = path.getKey().replaceAll("\\{[^}]+}", "1");
            Iterator<Map.Entry<String, JsonNode>> operations = path.getValue().fields();
            while (operations.hasNext()) {
                Map.Entry<String, JsonNode> operation = operations.next();
                JsonNode body = operation.getValue().path("requestBody").path("content");
                if (!body.has("application/json")) {
                    continue;
                }
                String method = operation.getKey().toUpperCase();
                // Signing in repeatedly with junk would only exercise throttling; it is covered elsewhere.
                for (int i = 0; i < BODIES.size(); i++) {
                    // As bytes: given a String with a JSON content type, REST Assured spends seconds on the deeply
                    // nested body (1.2-4.5 s a request against ~40 ms as bytes).
                    byte[] payload = BODIES.get(i).getBytes(StandardCharsets.UTF_8);
                    int index = i;
                    tests.add(DynamicTest.dynamicTest(method + " " + path.getKey() + " body #" + index, () -> {
                        Response response = given().auth().oauth2(admin.token()).contentType("application/json")
                                .body(payload).request(method, concrete);
                        int status = response.statusCode();
                        assertTrue(status >= 400 && status < 500,
                                method + " " + concrete + " answered " + status + " to body #" + index + ": "
                                        + response.asString());
                        assertTrue(response.contentType().startsWith("application/problem+json"),
                                "not a problem answer: " + response.contentType());
                    }));
                }
            }
        }
        assertTrue(tests.size() >= BODIES.size() * 4, "the contract lists too few write operations");
        return tests;
    }
}
