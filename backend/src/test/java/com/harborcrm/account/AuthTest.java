package com.harborcrm.account;

import static com.harborcrm.testing.Api.PASSWORD;
import static com.harborcrm.testing.Api.problem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.harborcrm.testing.Api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class AuthTest {

    @Test
    void signupOpensAStoreWithItsAdminAndSignsIn() {
        String email = Api.uniqueEmail("Owner");
        var body = given().contentType(ContentType.JSON)
                .body(Map.of("storeName", "Ningbo Harbor", "name", "Li Wei", "email", email, "password", PASSWORD,
                        "timeZone", "Asia/Shanghai"))
                .post("/api/v1/auth/signup")
                .then().statusCode(201)
                .body("token", notNullValue())
                .body("expiresAt", notNullValue())
                .body("user.name", equalTo("Li Wei"))
                .body("user.email", equalTo(email.toLowerCase()))
                .body("user.role", equalTo("ADMIN"))
                .body("user", not(org.hamcrest.Matchers.hasKey("passwordHash")))
                .body("store.name", equalTo("Ningbo Harbor"))
                .body("store.timeZone", equalTo("Asia/Shanghai"))
                .extract().jsonPath();

        given().auth().oauth2(body.getString("token")).get("/api/v1/me")
                .then().statusCode(200)
                .body("user.id", equalTo(body.getInt("user.id")))
                .body("store.id", equalTo(body.getInt("store.id")));
    }

    @Test
    void signupRejectsATakenEmailInAnyCaseAndChangesNothing() {
        Api.Session first = Api.openStore("First");
        problem(given().contentType(ContentType.JSON)
                .body(Map.of("storeName", "Second", "name", "X", "email", first.email().toUpperCase(),
                        "password", PASSWORD))
                .post("/api/v1/auth/signup").then(), 409, "email-taken");
        // The first owner still logs in into their own store.
        Api.login(first.email());
    }

    @Test
    void signupValidatesEveryField() {
        problem(given().contentType(ContentType.JSON)
                .body(Map.of("storeName", "", "name", "A", "email", "not-an-email", "password", "short",
                        "timeZone", "Mars/Olympus"))
                .post("/api/v1/auth/signup").then(), 400, "validation")
                .body("errors.field", hasItem("storeName"))
                .body("errors.field", hasItem("email"))
                .body("errors.field", hasItem("password"));
        problem(given().contentType(ContentType.JSON)
                .body(Map.of("storeName", "S", "name", "A", "email", Api.uniqueEmail("tz"), "password", PASSWORD,
                        "timeZone", "Mars/Olympus"))
                .post("/api/v1/auth/signup").then(), 400, "validation")
                .body("errors[0].field", equalTo("timeZone"));
    }

    @Test
    void loginAnswersTheSame401ForUnknownEmailAndWrongPassword() {
        Api.Session admin = Api.openStore("Login");
        var unknown = problem(given().contentType(ContentType.JSON)
                .body(Map.of("email", Api.uniqueEmail("nobody"), "password", PASSWORD))
                .post("/api/v1/auth/login").then(), 401, "invalid-credentials").extract().jsonPath();
        var wrong = problem(given().contentType(ContentType.JSON)
                .body(Map.of("email", admin.email(), "password", "wrong-password"))
                .post("/api/v1/auth/login").then(), 401, "invalid-credentials").extract().jsonPath();
        assertEquals(unknown.getString("detail"), wrong.getString("detail"));

        given().contentType(ContentType.JSON).body(Map.of("email", "  " + admin.email().toUpperCase(), "password", PASSWORD))
                .post("/api/v1/auth/login").then().statusCode(200)
                .body("token", notNullValue())
                .body("user.id", equalTo((int) admin.userId()))
                .body("store", nullValue());
    }

    @Test
    void fiveFailuresWithinFifteenMinutesThrottleTheEmail() {
        Api.Session admin = Api.openStore("Throttle");
        for (int i = 0; i < 5; i++) {
            problem(given().contentType(ContentType.JSON).body(Map.of("email", admin.email(), "password", "nope-nope"))
                    .post("/api/v1/auth/login").then(), 401, "invalid-credentials");
        }
        // Even the right password waits now.
        problem(given().contentType(ContentType.JSON).body(Map.of("email", admin.email(), "password", PASSWORD))
                .post("/api/v1/auth/login").then(), 429, "too-many-attempts")
                .header("Retry-After", notNullValue())
                .body("retryAfterSeconds", org.hamcrest.Matchers.greaterThan(800))
                .body("$", not(org.hamcrest.Matchers.hasKey("extensions")))
                .body("detail", containsString("minutes"));
    }

    @Test
    void meRequiresAToken() {
        problem(given().get("/api/v1/me").then(), 401, "unauthorized")
                .header("WWW-Authenticate", equalTo("Bearer"));
    }
}
