package com.harborcrm.account;

import static com.harborcrm.testing.Api.PASSWORD;
import static com.harborcrm.testing.Api.problem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.harborcrm.testing.Api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class UserManagementTest {

    @Test
    void adminAddsSubAccountsWhoCanSignIn() {
        Api.Session admin = Api.openStore("Team");
        Api.Session rep = Api.addUser(admin, "REP");
        rep.as().get("/api/v1/me").then().statusCode(200)
                .body("user.role", equalTo("REP"))
                .body("store.id", equalTo((int) admin.storeId()));
        admin.as().get("/api/v1/users").then().statusCode(200)
                .body("items.email", hasItem(rep.email()))
                .body("items", everyItem(not(org.hamcrest.Matchers.hasKey("passwordHash"))))
                .body("nextCursor", nullValue());
    }

    @Test
    void onlyAdminsManageUsers() {
        Api.Session admin = Api.openStore("Roles");
        Api.Session manager = Api.addUser(admin, "MANAGER");
        Api.Session rep = Api.addUser(admin, "REP");
        for (Api.Session notAdmin : new Api.Session[] {manager, rep}) {
            problem(notAdmin.as().get("/api/v1/users").then(), 403, "forbidden");
            problem(notAdmin.as().body(Map.of("name", "X", "email", Api.uniqueEmail("x"), "password", PASSWORD,
                    "role", "ADMIN")).post("/api/v1/users").then(), 403, "forbidden");
            problem(notAdmin.as().body(Map.of("role", "ADMIN")).patch("/api/v1/users/" + notAdmin.userId()).then(),
                    403, "forbidden");
        }
    }

    @Test
    void managersSeeTheActiveTeamWithoutAccountDetails() {
        Api.Session admin = Api.openStore("Team list");
        Api.Session manager = Api.addUser(admin, "MANAGER");
        Api.Session rep = Api.addUser(admin, "REP");
        Api.Session leaver = Api.addUser(admin, "REP");
        admin.as().body(Map.of("active", false)).patch("/api/v1/users/" + leaver.userId()).then().statusCode(200);
        Api.Session otherStore = Api.openStore("Other team");

        var team = manager.as().get("/api/v1/team").then().statusCode(200)
                .body("items", hasSize(3))
                .body("items", everyItem(not(org.hamcrest.Matchers.hasKey("email"))))
                .extract().jsonPath();
        Set<Long> ids = new HashSet<>(team.getList("items.id", Long.class));
        org.junit.jupiter.api.Assertions.assertEquals(Set.of(admin.userId(), manager.userId(), rep.userId()), ids);
        org.junit.jupiter.api.Assertions.assertFalse(ids.contains(otherStore.userId()));
        manager.as().get("/api/v1/team").then().body("items.find { it.id == " + rep.userId() + " }.role",
                equalTo("REP"));
        admin.as().get("/api/v1/team").then().statusCode(200).body("items", hasSize(3));
        problem(rep.as().get("/api/v1/team").then(), 403, "forbidden");
    }

    @Test
    void usersArePagedWithACursorThatNeverRepeats() {
        Api.Session admin = Api.openStore("Paging");
        for (int i = 0; i < 4; i++) {
            Api.addUser(admin, "REP");
        }
        Set<Integer> seen = new HashSet<>();
        String cursor = null;
        int pages = 0;
        do {
            var spec = admin.as().queryParam("limit", 2);
            if (cursor != null) {
                spec.queryParam("cursor", cursor);
            }
            var page = spec.get("/api/v1/users").then().statusCode(200).extract().jsonPath();
            for (Integer id : page.<Integer>getList("items.id")) {
                org.junit.jupiter.api.Assertions.assertTrue(seen.add(id), "repeated " + id);
            }
            cursor = page.getString("nextCursor");
            pages++;
        } while (cursor != null);
        org.junit.jupiter.api.Assertions.assertEquals(5, seen.size());
        org.junit.jupiter.api.Assertions.assertEquals(3, pages);
    }

    @Test
    void deactivationBlocksLoginAndRevokesExistingTokens() {
        Api.Session admin = Api.openStore("Deactivate");
        Api.Session rep = Api.addUser(admin, "REP");
        admin.as().body(Map.of("active", false)).patch("/api/v1/users/" + rep.userId()).then().statusCode(200)
                .body("active", equalTo(false));
        problem(rep.as().get("/api/v1/me").then(), 401, "unauthorized");
        problem(given().contentType(ContentType.JSON).body(Map.of("email", rep.email(), "password", PASSWORD))
                .post("/api/v1/auth/login").then(), 401, "invalid-credentials");

        admin.as().body(Map.of("active", true)).patch("/api/v1/users/" + rep.userId()).then().statusCode(200);
        // Reactivation does not resurrect the old token; a new login works, even sent with the old token.
        problem(rep.as().get("/api/v1/me").then(), 401, "unauthorized");
        String fresh = rep.as().body(Map.of("email", rep.email(), "password", PASSWORD)).post("/api/v1/auth/login")
                .then().statusCode(200).extract().path("token");
        given().auth().oauth2(fresh).get("/api/v1/me").then().statusCode(200);
    }

    @Test
    void aRoleChangeRevokesTokensCarryingTheOldRole() {
        Api.Session admin = Api.openStore("Promote");
        Api.Session rep = Api.addUser(admin, "REP");
        admin.as().body(Map.of("role", "MANAGER")).patch("/api/v1/users/" + rep.userId()).then().statusCode(200)
                .body("role", equalTo("MANAGER"));
        problem(rep.as().get("/api/v1/me").then(), 401, "unauthorized");
        given().auth().oauth2(Api.login(rep.email())).get("/api/v1/me").then().body("user.role", equalTo("MANAGER"));
    }

    @Test
    void theLastActiveAdminCannotBeDemotedOrDeactivated() {
        Api.Session admin = Api.openStore("LastAdmin");
        problem(admin.as().body(Map.of("role", "REP")).patch("/api/v1/users/" + admin.userId()).then(), 409, "conflict");
        problem(admin.as().body(Map.of("active", false)).patch("/api/v1/users/" + admin.userId()).then(), 409,
                "conflict");
        admin.as().get("/api/v1/me").then().statusCode(200).body("user.role", equalTo("ADMIN"));
    }

    @Test
    void anAdminCannotDeactivateThemselvesButAnotherAdminCan() {
        Api.Session admin = Api.openStore("Self");
        Api.Session second = Api.addUser(admin, "ADMIN");
        problem(second.as().body(Map.of("active", false)).patch("/api/v1/users/" + second.userId()).then(), 409,
                "conflict");
        second.as().get("/api/v1/me").then().statusCode(200);
        admin.as().body(Map.of("active", false)).patch("/api/v1/users/" + second.userId()).then().statusCode(200)
                .body("active", equalTo(false));
    }

    @Test
    void aStaleIfMatchIs412AndChangesNothing() {
        Api.Session admin = Api.openStore("Etag");
        Api.Session rep = Api.addUser(admin, "REP");
        String etag = admin.as().get("/api/v1/users/" + rep.userId()).then().statusCode(200)
                .header("ETag", notNullValue()).extract().header("ETag");
        admin.as().header("If-Match", etag).body(Map.of("name", "First")).patch("/api/v1/users/" + rep.userId())
                .then().statusCode(200).body("name", equalTo("First"));
        problem(admin.as().header("If-Match", etag).body(Map.of("name", "Second"))
                .patch("/api/v1/users/" + rep.userId()).then(), 412, "precondition-failed");
        admin.as().get("/api/v1/users/" + rep.userId()).then().body("name", equalTo("First"));
    }

    @Test
    void createUserValidatesAndRefusesTakenEmails() {
        Api.Session admin = Api.openStore("Validate");
        problem(admin.as().body(Map.of("name", "", "email", "bad", "password", "short", "role", "REP"))
                .post("/api/v1/users").then(), 400, "validation")
                .body("errors.field", hasItem("name"))
                .body("errors.field", hasItem("email"))
                .body("errors.field", hasItem("password"));
        Api.Session other = Api.openStore("OtherStore");
        problem(admin.as().body(Map.of("name", "Dup", "email", other.email(), "password", PASSWORD, "role", "REP"))
                .post("/api/v1/users").then(), 409, "email-taken");
        admin.as().get("/api/v1/users").then().body("items", hasSize(1));
    }
}
