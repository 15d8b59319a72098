package com.harborcrm.testing;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/** Test helpers that act through the public API only. */
public final class Api {

    public static final String PROBLEM = "https://harbor-crm.dev/problems/";
    public static final String PASSWORD = "correct-horse-battery";

    static {
        // `make api-contract-test`: the requests of the tests go through Prism.
        ContractProxy.installIfConfigured();
    }

    private Api() {
    }

    /** A signed-in user: its store, id and bearer token. */
    public record Session(long storeId, long userId, String email, String token) {
        public RequestSpecification as() {
            return given().auth().oauth2(token).contentType(ContentType.JSON);
        }
    }

    public static String uniqueEmail(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    /** Opens a new store and returns its admin's session. */
    public static Session openStore(String storeName) {
        String email = uniqueEmail("admin");
        var body = given().contentType(ContentType.JSON)
                .body(Map.of("storeName", storeName, "name", "Admin of " + storeName, "email", email,
                        "password", PASSWORD))
                .post("/api/v1/auth/signup")
                .then().statusCode(201).extract().jsonPath();
        return new Session(body.getLong("store.id"), body.getLong("user.id"), email, body.getString("token"));
    }

    /** Adds a sub-account with the given role to the admin's store and signs it in. */
    public static Session addUser(Session admin, String role) {
        String email = uniqueEmail(role.toLowerCase());
        long id = admin.as().body(Map.of("name", role + " user", "email", email, "password", PASSWORD, "role", role))
                .post("/api/v1/users").then().statusCode(201).extract().jsonPath().getLong("id");
        return new Session(admin.storeId(), id, email, login(email));
    }

    public static String login(String email) {
        return given().contentType(ContentType.JSON).body(Map.of("email", email, "password", PASSWORD))
                .post("/api/v1/auth/login").then().statusCode(200).extract().path("token");
    }

    /** Asserts a problem+json answer of the given status and type slug. */
    public static ValidatableResponse problem(ValidatableResponse response, int status, String typeSlug) {
        return response.statusCode(status)
                .contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.equalTo(PROBLEM + typeSlug))
                .body("status", org.hamcrest.Matchers.equalTo(status))
                .body("title", org.hamcrest.Matchers.notNullValue());
    }
}
