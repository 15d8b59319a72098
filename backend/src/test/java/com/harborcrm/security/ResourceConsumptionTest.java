package com.harborcrm.security;

import static com.harborcrm.testing.Api.problem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.harborcrm.testing.Api;
import com.harborcrm.testing.Api.Session;
import com.harborcrm.testing.Customers;
import com.harborcrm.testing.Products;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * OWASP API4:2023 (unrestricted resource consumption): page sizes, batch sizes, search text, uploads and request
 * bodies are each limited, and going over a limit answers a problem that names it.
 */
@QuarkusTest
class ResourceConsumptionTest {

    /** Every paged list of the contract refuses a page larger than 200 (and an empty one), naming `limit`. */
    @TestFactory
    List<DynamicTest> everyPagedListCapsItsPageSize() throws Exception {
        Session admin = Api.openStore("Page sizes");
        long customer = Customers.createId(admin);
        long product = Products.create(admin, "PAGED-1", "1");
        long webhook = admin.as().body(Map.of("url", "https://example.com/paged", "eventTypes", List.of("customer.created")))
                .post("/api/v1/webhooks").then().statusCode(201).extract().jsonPath().getLong("webhook.id");
        long template = admin.as().body(Map.of("name", "Paged", "channel", "SMS", "language", "en", "body", "Hi"))
                .post("/api/v1/messaging/templates").then().statusCode(201).extract().jsonPath().getLong("id");
        long campaign = admin.as().body(Map.of("name", "Paged", "templateId", template,
                "segment", Map.of("customerIds", List.of(customer)))).post("/api/v1/campaigns").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        JsonNode contract = new ObjectMapper().readTree(
                given().accept("application/json").get("/q/openapi?format=json").then().extract().asString());
        List<DynamicTest> tests = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = contract.get("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            JsonNode get = path.getValue().path("get");
            boolean paged = false;
            for (JsonNode parameter : get.path("parameters")) {
                paged |= parameter.path("name").asText().equals("limit");
            }
            if (!paged) {
                continue;
            }
            // Each id names an object of its kind: a product's, a webhook's or a campaign's for theirs, else the customer.
            String concrete = path.getKey().replace("/products/{id}", "/products/" + product)
                    .replace("/webhooks/{id}", "/webhooks/" + webhook).replace("/campaigns/{id}", "/campaigns/" + campaign)
                    .replaceAll("\\{[^}]+}", Long.toString(customer));
            tests.add(DynamicTest.dynamicTest("GET " + path.getKey(), () -> {
                for (String limit : List.of("201", "0", "-1", "99999999999")) {
                    problem(admin.as().queryParam("limit", limit).get(concrete).then(), 400, "validation")
                            .body("errors.field", hasItem("limit"));
                }
                admin.as().queryParam("limit", 200).get(concrete).then().statusCode(200);
            }));
        }
        assertTrue(tests.size() >= 8, "too few paged lists in the contract: " + tests.size());
        return tests;
    }

    @Test
    void batchesClaimsAssignmentsAndMergesAreCapped() {
        Session admin = Api.openStore("Batch sizes");
        Session rep = Api.addUser(admin, "REP");
        long customer = Customers.createId(admin);
        List<Long> tooManyForABatch = Collections.nCopies(50_001, customer);
        problem(admin.as().body(Map.of("action", "SET_STARS", "stars", 1, "selection", Map.of("ids", tooManyForABatch)))
                .post("/api/v1/customers/batch").then(), 400, "validation").body("errors.field", hasItem("selection.ids"));
        problem(admin.as().body(Map.of("duplicateIds", tooManyForABatch)).post("/api/v1/customers/" + customer + "/merge")
                .then(), 400, "validation").body("errors.field", hasItem("duplicateIds"));
        List<Long> tooManyForAClaim = Collections.nCopies(101, customer);
        problem(rep.as().body(Map.of("customerIds", tooManyForAClaim)).post("/api/v1/pool/claim").then(), 400, "validation")
                .body("errors.field", hasItem("customerIds"));
        problem(admin.as().body(Map.of("customerIds", tooManyForAClaim, "userId", rep.userId())).post("/api/v1/pool/assign")
                .then(), 400, "validation").body("errors.field", hasItem("customerIds"));
        admin.as().get("/api/v1/customers/" + customer).then().statusCode(200).body("stars", equalTo(0));
    }

    /** A trigram search on a long text costs CPU for nothing: the search text is capped, in the query and in views. */
    @Test
    void searchTextIsCapped() {
        Session admin = Api.openStore("Search sizes");
        String longText = "x".repeat(101);
        problem(admin.as().queryParam("q", longText).get("/api/v1/customers").then(), 400, "validation")
                .body("errors.field", hasItem("q"));
        problem(admin.as().queryParam("q", longText).get("/api/v1/pool").then(), 400, "validation")
                .body("errors.field", hasItem("q"));
        problem(admin.as().body(Map.of("name", "Long", "filter", Map.of("q", longText))).post("/api/v1/views").then(),
                400, "validation").body("errors.field", hasItem("filter.q"));
        problem(admin.as().body(Map.of("name", "Wide", "filter", Map.of("tag", Collections.nCopies(101, 1))))
                .post("/api/v1/views").then(), 400, "validation").body("errors.field", hasItem("filter.tag"));
        admin.as().queryParam("q", "x".repeat(100)).get("/api/v1/customers").then().statusCode(200);
    }

    /**
     * The test profile's upload limit is 2 MB (harbor.io.max-upload-size); a declared length over it is refused
     * before any of the file is read. (A chunked upload over it still gets the HTTP layer's bare 413: see README.)
     */
    @Test
    void anUploadOverTheLimitIsRefusedWithAProblem() throws Exception {
        Session admin = Api.openStore("Upload size");
        // Both file routes: the customer import and the product catalogue's.
        for (String path : List.of("/api/v1/imports", "/api/v1/products/import")) {
            try (Socket socket = new Socket("localhost", RestAssured.port)) {
                socket.setSoTimeout(30_000);
                socket.getOutputStream().write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                        + admin.token() + "\r\nContent-Type: multipart/form-data; boundary=x\r\nContent-Length: "
                        + (3 * 1024 * 1024) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                String answer = readAnswer(socket.getInputStream());
                assertTrue(answer.startsWith("HTTP/1.1 413"), path + ": " + answer);
                assertTrue(answer.contains("application/problem+json"), path + ": " + answer);
                assertTrue(answer.contains("/problems/payload-too-large"), path + ": " + answer);
                assertTrue(answer.contains("2 MB"), path + ": " + answer);
            }
        }
        admin.as().get("/api/v1/imports").then().statusCode(200).body("items.size()", equalTo(0));
        admin.as().get("/api/v1/products").then().statusCode(200).body("items.size()", equalTo(0));
    }

    /**
     * A body sent without a length (chunked) is counted as it arrives: over the HTTP layer's limit it is a 413
     * problem, like a declared one, not the HTTP layer's bare 413 or a reset connection.
     */
    @Test
    void aChunkedBodyOverTheLimitIsA413Problem() throws Exception {
        Session admin = Api.openStore("Chunked");
        // Over harbor.http.max-body-size (10 MB), though under the HTTP layer's cut-off in production (the upload limit).
        String answer = sendChunked("/api/v1/customers", admin.token(), 11 * 1024 * 1024);
        assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
        assertTrue(answer.contains("application/problem+json"), answer);
        assertTrue(answer.contains("/problems/payload-too-large"), answer);
        assertTrue(answer.contains("10 MB"), answer);
    }

    /** Writes a JSON string member of {@code size} bytes in 64 kB chunks and returns the status line and body. */
    static String sendChunked(String path, String token, int size) throws Exception {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
                    + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = "x".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
            writeChunk(out, "{\"name\":\"".getBytes(StandardCharsets.US_ASCII));
            try {
                for (int sent = 0; sent < size; sent += chunk.length) {
                    writeChunk(out, chunk);
                }
                writeChunk(out, "\"}".getBytes(StandardCharsets.US_ASCII));
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (java.io.IOException closedEarly) {
                // The server may answer and close before the whole body is sent: its answer is still to be read.
            }
            return readAnswer(socket.getInputStream());
        }
    }

    private static void writeChunk(OutputStream out, byte[] data) throws java.io.IOException {
        out.write((Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(data);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    private static String readAnswer(InputStream in) throws java.io.IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        try {
            while ((n = in.read(buffer)) >= 0) {
                received.write(buffer, 0, n);
                String sofar = received.toString(StandardCharsets.UTF_8);
                if (sofar.contains("\r\n\r\n") && sofar.trim().endsWith("}")) {
                    break;
                }
            }
        } catch (java.net.SocketException reset) {
            // What was received before the reset is the answer.
        }
        return received.toString(StandardCharsets.UTF_8);
    }
}
