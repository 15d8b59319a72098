package com.harborcrm.account;

import static com.harborcrm.testing.Api.PASSWORD;
import static com.harborcrm.testing.Api.problem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.harborcrm.testing.Api;
import com.harborcrm.testing.Api.Session;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.http.Cookie;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** The web app's session: the token in an HttpOnly cookie, writes guarded against cross-site requests. */
@QuarkusTest
class SessionCookieTest {

    private static ExtractableResponse<Response> login(String email, String password) {
        return given().contentType(ContentType.JSON).body(Map.of("email", email, "password", password))
                .post("/api/v1/auth/login").then().extract();
    }

    private static RequestSpecification withCookie(String value) {
        return given().contentType(ContentType.JSON).cookie("harbor_session", value);
    }

    @Test
    void signingInSetsAnHttpOnlyStrictCookieThatAuthenticatesTheBrowser() {
        Session admin = Api.openStore("Cookie session");
        var answer = login(admin.email(), PASSWORD);
        assertEquals(200, answer.statusCode());
        Cookie cookie = answer.detailedCookie("harbor_session");
        assertEquals(answer.path("token"), cookie.getValue());
        assertTrue(cookie.isHttpOnly(), "HttpOnly");
        assertTrue(cookie.isSecured(), "Secure");
        assertEquals("/api", cookie.getPath());
        assertEquals("Strict", cookie.getSameSite());
        assertTrue(cookie.getMaxAge() > 7 * 3600 && cookie.getMaxAge() <= 8 * 3600, "kept as long as the token");

        // Reads need nothing more; writes need the app's header.
        withCookie(cookie.getValue()).get("/api/v1/me").then().statusCode(200)
                .body("user.id", equalTo((int) admin.userId()));
        problem(withCookie(cookie.getValue()).body(Map.of("name", "Cross-site", "color", "#123456")).post("/api/v1/tags").then(), 403,
                "csrf-header-missing");
        withCookie(cookie.getValue()).header("X-Requested-By", "harbor-web").body(Map.of("name", "Same site", "color", "#123456"))
                .post("/api/v1/tags").then().statusCode(201);
        admin.as().get("/api/v1/tags").then().body("items.name", equalTo(java.util.List.of("Same site")));

        // Signing up sets it too.
        String email = Api.uniqueEmail("cookie");
        var signup = given().contentType(ContentType.JSON).body(Map.of("storeName", "Cookie signup", "name", "N",
                "email", email, "password", PASSWORD)).post("/api/v1/auth/signup").then().statusCode(201).extract();
        withCookie(signup.cookie("harbor_session")).get("/api/v1/me").then().statusCode(200);
    }

    @Test
    void bearerTokensWorkWithoutTheCookieOrTheHeader() {
        Session admin = Api.openStore("Bearer session");
        admin.as().body(Map.of("name", "By bearer", "color", "#123456")).post("/api/v1/tags").then().statusCode(201);
    }

    @Test
    void signingOutDropsTheCookieAndAForgedOrRevokedOneIsRefused() {
        Session admin = Api.openStore("Cookie logout");
        Cookie dropped = given().post("/api/v1/auth/logout").then().statusCode(204).extract()
                .detailedCookie("harbor_session");
        assertEquals("", dropped.getValue());
        assertEquals(0, dropped.getMaxAge());
        assertTrue(dropped.isHttpOnly());

        String token = login(admin.email(), PASSWORD).cookie("harbor_session");
        problem(withCookie(token.substring(0, token.length() - 4) + "AAAA").get("/api/v1/me").then(), 401,
                "unauthorized");
        // A password change ends every other session; the answer carries this one's new cookie.
        String fresh = given().auth().oauth2(admin.token()).contentType(ContentType.JSON)
                .body(Map.of("currentPassword", PASSWORD, "newPassword", "another-long-secret"))
                .post("/api/v1/me/password").then().statusCode(200).extract().cookie("harbor_session");
        problem(withCookie(token).get("/api/v1/me").then(), 401, "unauthorized");
        withCookie(fresh).get("/api/v1/me").then().statusCode(200);
        // A stale cookie never stands in the way of signing in again.
        withCookie(token).body(Map.of("email", admin.email(), "password", "another-long-secret"))
                .post("/api/v1/auth/login").then().statusCode(200);
    }
}
