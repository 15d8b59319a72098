package com.harborcrm.account;

import static com.harborcrm.testing.Api.PASSWORD;
import static com.harborcrm.testing.Api.problem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import jakarta.inject.Inject;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import com.harborcrm.reason.LostReasonService;
import com.harborcrm.testing.Api;
import com.harborcrm.testing.Api.Session;
import com.harborcrm.testing.PoolHelper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The store's own settings (name, time zone, language) and a user's own password. */
@QuarkusTest
class StoreSettingsTest {

    @Inject
    DataSource db;

    @Test
    void anAdminRenamesTheStoreAndMovesItsDays() {
        Session admin = Api.openStore("Settings");
        Session manager = Api.addUser(admin, "MANAGER");
        admin.as().get("/api/v1/me").then().body("store.language", equalTo("en")).body("store.timeZone", equalTo("UTC"));

        admin.as().body(Map.of("name", "  Ningbo Harbor Trading ", "timeZone", "Asia/Shanghai", "language", "zh-CN"))
                .patch("/api/v1/store").then().statusCode(200)
                .body("name", equalTo("Ningbo Harbor Trading"))
                .body("timeZone", equalTo("Asia/Shanghai"))
                .body("language", equalTo("zh-CN"));
        // Everyone reads it at once (the zone is cached per instance: the change is heard).
        manager.as().get("/api/v1/me").then().body("store.name", equalTo("Ningbo Harbor Trading"))
                .body("store.timeZone", equalTo("Asia/Shanghai"));
        // Only the fields present change.
        admin.as().body(Map.of("name", "Harbor")).patch("/api/v1/store").then().statusCode(200)
                .body("timeZone", equalTo("Asia/Shanghai")).body("language", equalTo("zh-CN"));
        // Stored for every instance and request to come.
        assertEquals(1, PoolHelper.count(db, "select count(*) from stores where id = ? and time_zone = 'Asia/Shanghai'",
                admin.storeId()));
    }

    @Test
    void badSettingsAreOneProblemAndChangeNothing() {
        Session admin = Api.openStore("Bad settings");
        problem(admin.as().body(Map.of("name", " ", "timeZone", "Mars/Olympus")).patch("/api/v1/store").then(), 400,
                "validation").body("errors.field", containsInAnyOrder("name", "timeZone"));
        problem(admin.as().body(Map.of("name", "", "timeZone", "UTC")).patch("/api/v1/store").then(), 400,
                "validation").body("errors.field", contains("name"));
        problem(admin.as().body(Map.of("language", "fr")).patch("/api/v1/store").then(), 400, "validation")
                .body("errors[0].field", equalTo("language"))
                .body("errors[0].allowed", contains("en", "zh-CN"));
        problem(admin.as().body(Map.of("color", "red")).patch("/api/v1/store").then(), 400, "malformed-body")
                .body("errors[0].field", equalTo("color"));
        admin.as().get("/api/v1/me").then().body("store.name", equalTo("Bad settings"))
                .body("store.timeZone", equalTo("UTC")).body("store.language", equalTo("en"));
    }

    @Test
    void onlyAdminsChangeTheStore() {
        Session admin = Api.openStore("Settings roles");
        for (String role : new String[] {"MANAGER", "REP"}) {
            problem(Api.addUser(admin, role).as().body(Map.of("name", "Mine")).patch("/api/v1/store").then(), 403,
                    "forbidden");
        }
        admin.as().get("/api/v1/me").then().body("store.name", equalTo("Settings roles"));
    }

    @Test
    void aChineseStoreGetsItsLostReasonsInChinese() {
        String email = Api.uniqueEmail("zh");
        String token = given().contentType(ContentType.JSON).body(Map.of("storeName", "宁波港贸易", "name", "李伟",
                "email", email, "password", PASSWORD, "timeZone", "Asia/Shanghai", "language", "zh-CN"))
                .post("/api/v1/auth/signup").then().statusCode(201).body("store.language", equalTo("zh-CN"))
                .extract().path("token");
        given().auth().oauth2(token).get("/api/v1/lost-reasons").then().statusCode(200)
                .body("items.name", contains(LostReasonService.DEFAULTS_ZH_CN.toArray()));
        // Without a language, English.
        Api.openStore("English by default").as().get("/api/v1/lost-reasons").then()
                .body("items.name", contains(LostReasonService.DEFAULTS.toArray()));
        problem(given().contentType(ContentType.JSON).body(Map.of("storeName", "S", "name", "N", "email",
                Api.uniqueEmail("fr"), "password", PASSWORD, "language", "fr")).post("/api/v1/auth/signup").then(), 400,
                "validation").body("errors[0].field", equalTo("language"));
    }

    @Test
    void aUserChangesTheirPasswordAndTheirOtherSessionsEnd() {
        Session admin = Api.openStore("Passwords");
        Session rep = Api.addUser(admin, "REP");
        String otherDevice = Api.login(rep.email());

        String fresh = rep.as().body(Map.of("currentPassword", PASSWORD, "newPassword", "a-new-long-secret"))
                .post("/api/v1/me/password").then().statusCode(200).body("expiresAt", notNullValue())
                .extract().path("token");
        // The other session and the old token end at once; the new token works.
        problem(given().auth().oauth2(otherDevice).get("/api/v1/me").then(), 401, "unauthorized");
        problem(rep.as().get("/api/v1/me").then(), 401, "unauthorized");
        given().auth().oauth2(fresh).get("/api/v1/me").then().statusCode(200).body("user.id", equalTo((int) rep.userId()));
        // The new password signs in; the old one no longer does.
        given().contentType(ContentType.JSON).body(Map.of("email", rep.email(), "password", "a-new-long-secret"))
                .post("/api/v1/auth/login").then().statusCode(200);
        problem(given().contentType(ContentType.JSON).body(Map.of("email", rep.email(), "password", PASSWORD))
                .post("/api/v1/auth/login").then(), 401, "invalid-credentials");
    }

    @Test
    void aWrongCurrentPasswordOrAShortNewOneChangesNothing() {
        Session admin = Api.openStore("Bad passwords");
        problem(admin.as().body(Map.of("currentPassword", "not-it", "newPassword", "short"))
                .post("/api/v1/me/password").then(), 400, "validation")
                .body("errors.field", contains("newPassword"));
        problem(admin.as().body(Map.of("currentPassword", "not-it", "newPassword", "long-enough-secret"))
                .post("/api/v1/me/password").then(), 400, "validation")
                .body("errors.field", contains("currentPassword"));
        problem(admin.as().body(Map.of()).post("/api/v1/me/password").then(), 400, "validation")
                .body("errors.field", containsInAnyOrder("currentPassword", "newPassword"));
        // Nothing changed: the session goes on, the password is the same.
        admin.as().get("/api/v1/me").then().statusCode(200);
        Api.login(admin.email());
    }

    @Test
    void guessingTheCurrentPasswordIsThrottled() {
        Session admin = Api.openStore("Password guessing");
        int status = 0;
        for (int i = 0; i < 30 && status != 429; i++) {
            status = admin.as().body(Map.of("currentPassword", "guess-" + i, "newPassword", "long-enough-secret"))
                    .post("/api/v1/me/password").then().extract().statusCode();
        }
        assertEquals(429, status);
        problem(admin.as().body(Map.of("currentPassword", PASSWORD, "newPassword", "long-enough-secret"))
                .post("/api/v1/me/password").then(), 429, "too-many-attempts");
    }
}
