package com.harborcrm.common;

import static com.harborcrm.testing.Api.problem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import org.junit.jupiter.api.Test;

import com.harborcrm.testing.Api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Each kind of error answers its own problem type, with field information where there is a field. */
@QuarkusTest
class ErrorAnswersTest {

    @Test
    void malformedJsonIsA400WithTheBodyAsField() {
        problem(given().contentType(ContentType.JSON).body("{\"email\": ").post("/api/v1/auth/login").then(),
                400, "malformed-body").body("errors[0].field", equalTo("body"));
    }

    @Test
    void wrongTypeNamesTheField() {
        Api.Session admin = Api.openStore("Types");
        problem(admin.as().body("{\"name\":\"A\",\"email\":\"a@example.com\",\"password\":\"12345678\",\"role\":[1]}")
                .post("/api/v1/users").then(), 400, "malformed-body")
                .body("errors[0].field", equalTo("role"));
    }

    @Test
    void unknownEnumValueNamesTheFieldAndTheChoices() {
        Api.Session admin = Api.openStore("Enums");
        problem(admin.as().body("{\"name\":\"A\",\"email\":\"a@example.com\",\"password\":\"12345678\",\"role\":\"KING\"}")
                .post("/api/v1/users").then(), 400, "validation")
                .body("errors.size()", equalTo(1))
                .body("errors[0].field", equalTo("role"))
                .body("errors[0].code", equalTo("ONE_OF"))
                .body("errors[0].message", equalTo("must be one of [ADMIN, MANAGER, REP]"));
    }

    @Test
    void aClientThatAcceptsOnlyProblemsCanStillDelete() {
        // What openapi-generator's Java client sends for an operation whose only body is an error.
        Api.Session admin = Api.openStore("Accept problems");
        long tag = admin.as().body(java.util.Map.of("name", "Temp", "color", "#E53935")).post("/api/v1/tags").then()
                .statusCode(201).extract().jsonPath().getLong("id");
        admin.as().accept("application/problem+json").delete("/api/v1/tags/" + tag).then().statusCode(204);
        problem(admin.as().accept("application/problem+json").delete("/api/v1/tags/" + tag).then(), 404, "not-found");
        // An Accept that names neither JSON nor problems is still refused.
        admin.as().accept("text/csv").delete("/api/v1/tags/" + tag).then().statusCode(406);
    }

    @Test
    void anUnknownEnumValueNoLongerHidesTheOtherErrors() {
        Api.Session admin = Api.openStore("All errors");
        // A typed body: the user's role beside a blank name, a bad email and a short password.
        problem(admin.as().body("{\"name\":\" \",\"email\":\"nope\",\"password\":\"short\",\"role\":\"KING\"}")
                .post("/api/v1/users").then(), 400, "validation")
                .body("errors.field", org.hamcrest.Matchers.contains("email", "name", "password", "role"));
        // A follow-up: an unknown type and a blank content; nothing is recorded.
        long customer = com.harborcrm.testing.Customers.createId(admin);
        problem(admin.as().body("{\"type\":\"TELEPATHY\",\"content\":\"\"}")
                .post("/api/v1/customers/" + customer + "/follow-ups").then(), 400, "validation")
                .body("errors.field", org.hamcrest.Matchers.contains("content", "type"));
        admin.as().get("/api/v1/customers/" + customer + "/follow-ups").then().body("items.size()", equalTo(0));
        // A customer (read member by member): unknown stage and IM channel beside a too-long name and bad stars.
        problem(admin.as().body("{\"name\":\"" + "x".repeat(300) + "\",\"stage\":\"BOGUS\",\"stars\":9,"
                + "\"imAccounts\":[{\"channel\":\"FAX\",\"handle\":\"h\"}]}")
                .post("/api/v1/customers").then(), 400, "validation")
                .body("errors.field", org.hamcrest.Matchers.hasItems("name", "stage", "stars", "imAccounts[0].channel"));
    }

    @Test
    void unknownFieldsAreRefusedNotIgnored() {
        Api.Session admin = Api.openStore("Unknown");
        problem(admin.as().body("{\"name\":\"B\",\"storeId\":1}").patch("/api/v1/users/" + admin.userId()).then(),
                400, "malformed-body").body("errors[0].field", equalTo("storeId"));
    }

    @Test
    void missingBodyIsAValidationError() {
        problem(given().contentType(ContentType.JSON).post("/api/v1/auth/login").then(), 400, "validation")
                .body("errors.field", hasItem("body"));
    }

    @Test
    void unknownRouteIs404() {
        problem(given().get("/api/v1/no-such-thing").then(), 404, "not-found");
    }

    @Test
    void wrongMethodIs405() {
        problem(given().delete("/api/v1/auth/login").then(), 405, "method-not-allowed");
    }

    @Test
    void wrongMediaTypeIs415() {
        problem(given().contentType(ContentType.TEXT).body("email=a").post("/api/v1/auth/login").then(),
                415, "unsupported-media-type");
    }

    /** Only the headers are sent: the server must answer from the declared length, before reading a body. */
    @Test
    void oversizedBodyIs413() throws Exception {
        java.net.URL url = new java.net.URL(io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port);
        try (java.net.Socket socket = new java.net.Socket(url.getHost(), url.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("POST /api/v1/auth/login HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 20000000\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            StringBuilder received = new StringBuilder();
            var in = socket.getInputStream();
            int c;
            while (received.indexOf("}") < 0 && (c = in.read()) >= 0) {
                received.append((char) c);
            }
            String answer = received.toString();
            org.junit.jupiter.api.Assertions.assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
            org.junit.jupiter.api.Assertions.assertTrue(answer.contains("application/problem+json"), answer);
            org.junit.jupiter.api.Assertions.assertTrue(answer.contains("/problems/payload-too-large"), answer);
        }
    }

    @Test
    void badQueryParameterIsAValidationErrorNamingIt() {
        Api.Session admin = Api.openStore("Paging");
        problem(admin.as().get("/api/v1/users?limit=201").then(), 400, "validation")
                .body("errors[0].field", equalTo("limit"));
        problem(admin.as().get("/api/v1/users?limit=abc").then(), 400, "validation")
                .body("errors[0].field", equalTo("limit"));
        problem(admin.as().get("/api/v1/users?cursor=%%%").then(), 400, "validation")
                .body("errors[0].field", equalTo("cursor"));
    }

    @Test
    void everyProblemCarriesTheRequestId() {
        given().header("X-Request-Id", "test-request-42").get("/api/v1/me").then()
                .statusCode(401)
                .header("X-Request-Id", equalTo("test-request-42"))
                .body("requestId", equalTo("test-request-42"));
        given().get("/api/v1/me").then().statusCode(401).body("requestId", notNullValue());
    }

    @Test
    void fieldMessagesFollowAcceptLanguage() {
        String english = given().contentType(ContentType.JSON).header("Accept-Language", "en")
                .body("{\"email\":\"\",\"password\":\"x\"}").post("/api/v1/auth/login").then()
                .statusCode(400).extract().path("errors[0].message");
        String chinese = given().contentType(ContentType.JSON).header("Accept-Language", "zh-CN")
                .body("{\"email\":\"\",\"password\":\"x\"}").post("/api/v1/auth/login").then()
                .statusCode(400).extract().path("errors[0].message");
        org.junit.jupiter.api.Assertions.assertEquals("must not be blank", english);
        org.junit.jupiter.api.Assertions.assertEquals("不能为空", chinese);
    }
}
