package com.harborcrm.apikey;

import static com.harborcrm.testing.Api.problem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.harborcrm.common.security.ApiKeyAccess;
import com.harborcrm.common.security.ApiKeyScope;
import com.harborcrm.testing.Api;
import com.harborcrm.testing.Api.Session;
import com.harborcrm.testing.Customers;
import com.harborcrm.testing.MutableClock;
import com.harborcrm.testing.Sql;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** API keys: a machine's scoped, rate-limited, revocable credential for one store. */
@QuarkusTest
class ApiKeyTest {

    @Inject
    DataSource db;

    @Inject
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    record Key(long id, String token) {
        RequestSpecification as() {
            return given().auth().oauth2(token).contentType(ContentType.JSON);
        }
    }

    static Key create(Session admin, String name, List<String> scopes, Object... extra) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("name", name, "scopes", scopes));
        for (int i = 0; i + 1 < extra.length; i += 2) {
            body.put((String) extra[i], extra[i + 1]);
        }
        var answer = admin.as().body(body).post("/api/v1/api-keys").then().statusCode(201)
                .header("Location", notNullValue()).extract().jsonPath();
        return new Key(answer.getLong("apiKey.id"), answer.getString("token"));
    }

    @Test
    void theSecretIsShownOnceAndStoredOnlyAsItsHash() throws Exception {
        Session admin = Api.openStore("Keys");
        var created = admin.as().body(Map.of("name", "Website form", "scopes", List.of("inquiries:write")))
                .post("/api/v1/api-keys").then().statusCode(201)
                .body("token", startsWith("hc_live_"))
                .body("apiKey.name", equalTo("Website form"))
                .body("apiKey.scopes", contains("inquiries:write"))
                .body("apiKey.status", equalTo("ACTIVE"))
                .body("apiKey.rateLimitPerMinute", equalTo(600))
                .body("apiKey.createdById", equalTo((int) admin.userId()))
                .body("apiKey.lastUsedAt", nullValue())
                .extract().jsonPath();
        String token = created.getString("token");
        long id = created.getLong("apiKey.id");
        assertEquals(51, token.length());
        assertTrue(token.startsWith(created.getString("apiKey.prefix")));
        String listed = admin.as().get("/api/v1/api-keys").then().statusCode(200)
                .body("items.id", contains((int) id)).extract().asString();
        assertFalse(listed.contains(token.substring(12)), "the list never shows the secret");
        admin.as().get("/api/v1/api-keys/" + id).then().statusCode(200).body("token", nullValue());
        List<Object[]> stored = Sql.rows(db, "select h.token_hash, k.prefix from api_key_hashes h "
                + "join api_keys k on k.store_id = h.store_id and k.id = h.key_id where k.id = ?", id);
        assertEquals(32, ((byte[]) stored.get(0)[0]).length);
        for (Object[] row : Sql.rows(db, "select * from api_keys k join api_key_hashes h on h.key_id = k.id where k.id = ?", id)) {
            assertFalse(Arrays.stream(row).anyMatch(v -> v != null && v.toString().contains(token.substring(12))));
        }
    }

    @Test
    void aKeyDoesWhatItsScopesNameAndNothingElse() {
        Session admin = Api.openStore("Scoped");
        Key reader = create(admin, "Reporting", List.of("customers:read"));
        long customer = Customers.createId(admin);
        reader.as().get("/api/v1/customers").then().statusCode(200).body("items.id", hasItem((int) customer));
        reader.as().get("/api/v1/customers/" + customer).then().statusCode(200);
        problem(reader.as().body(Customers.body()).post("/api/v1/customers").then(), 403, "scope-missing")
                .body("requiredScope", equalTo("customers:write"));
        problem(reader.as().get("/api/v1/stats/reps").then(), 403, "scope-missing")
                .body("requiredScope", equalTo("stats:read"));
        // Operations for people: closed to every key, whatever its scopes.
        problem(reader.as().get("/api/v1/users").then(), 403, "forbidden");
        problem(reader.as().get("/api/v1/api-keys").then(), 403, "forbidden");
        problem(reader.as().body(Map.of("customerIds", List.of(customer))).post("/api/v1/pool/claim").then(), 403,
                "forbidden");
        problem(reader.as().get("/api/v1/reminders").then(), 403, "forbidden");
        reader.as().get("/api/v1/me").then().statusCode(200).body("user.name", equalTo("Reporting"));
    }

    @Test
    void aKeysWritesAreItsOwnOnTheTimelineAndWhatItCreatesGoesToThePool() {
        Session admin = Api.openStore("Attribution");
        Key writer = create(admin, "ERP sync", List.of("customers:read", "customers:write"));
        long customer = writer.as().body(Customers.body()).post("/api/v1/customers?allowDuplicate=true").then()
                .statusCode(201).body("ownerId", nullValue()).extract().jsonPath().getLong("id");
        writer.as().body(Map.of("type", "EMAIL", "content", "Order confirmation sent by the ERP"))
                .post("/api/v1/customers/" + customer + "/follow-ups").then().statusCode(201)
                .body("authorName", equalTo("ERP sync"));
        admin.as().get("/api/v1/customers/" + customer + "/timeline").then().statusCode(200)
                .body("items.find { it.type == 'CREATED' }.actorName", equalTo("ERP sync"))
                .body("items.find { it.type == 'CREATED' }.actorKind", equalTo("API_KEY"))
                .body("items.find { it.kind == 'FOLLOW_UP' }.actorKind", equalTo("API_KEY"));
        long created = Customers.createId(admin);
        admin.as().get("/api/v1/customers/" + created + "/timeline").then()
                .body("items.find { it.type == 'CREATED' }.actorKind", equalTo("PERSON"));
    }

    @Test
    void aKeyIsNoPersonToOwnCustomersAndStaysOffTheTeam() throws Exception {
        Session admin = Api.openStore("No owner");
        Key key = create(admin, "Assigner", List.of("customers:write", "pool:write"));
        long serviceUser = ((Number) Sql.rows(db, "select user_id from api_keys where id = ?", key.id()).get(0)[0])
                .longValue();
        admin.as().get("/api/v1/team").then().statusCode(200).body("items.id", not(hasItem((int) serviceUser)));
        admin.as().get("/api/v1/users").then().statusCode(200).body("items.id", not(hasItem((int) serviceUser)));
        problem(admin.as().get("/api/v1/users/" + serviceUser).then(), 404, "not-found");
        long pooled = Customers.createId(admin, "pool", true);
        problem(admin.as().body(Map.of("customerIds", List.of(pooled), "userId", serviceUser))
                .post("/api/v1/pool/assign").then(), 400, "validation").body("errors[0].field", equalTo("userId"));
        problem(key.as().body(Customers.body("ownerId", serviceUser)).post("/api/v1/customers").then(), 400,
                "validation").body("errors[0].field", equalTo("ownerId"));
        // What a key may do with pool customers: hand them to a person.
        Session rep = Api.addUser(admin, "REP");
        key.as().body(Map.of("customerIds", List.of(pooled), "userId", rep.userId())).post("/api/v1/pool/assign")
                .then().statusCode(200);
        rep.as().get("/api/v1/customers/" + pooled).then().body("ownerId", equalTo((int) rep.userId()));
    }

    @Test
    void aKeyNeverReachesAnotherStore() {
        Session mine = Api.openStore("Mine");
        Session theirs = Api.openStore("Theirs");
        Key key = create(mine, "Reader", List.of("customers:read", "customers:write"));
        long their = Customers.createId(theirs);
        problem(key.as().get("/api/v1/customers/" + their).then(), 404, "not-found");
        problem(key.as().body(Map.of("type", "CALL", "content", "x"))
                .post("/api/v1/customers/" + their + "/follow-ups").then(), 404, "not-found");
        key.as().get("/api/v1/customers").then().statusCode(200).body("items.id", not(hasItem((int) their)));
        problem(theirs.as().delete("/api/v1/api-keys/" + key.id()).then(), 404, "not-found");
        problem(theirs.as().get("/api/v1/api-keys/" + key.id()).then(), 404, "not-found");
    }

    @Test
    void revocationStopsTheNextRequestAndIsFinal() throws Exception {
        Session admin = Api.openStore("Revoke");
        Key key = create(admin, "Old integration", List.of("customers:read"));
        key.as().get("/api/v1/customers").then().statusCode(200);
        admin.as().delete("/api/v1/api-keys/" + key.id()).then().statusCode(204);
        problem(key.as().get("/api/v1/customers").then(), 401, "unauthorized");
        admin.as().delete("/api/v1/api-keys/" + key.id()).then().statusCode(204);
        admin.as().get("/api/v1/api-keys/" + key.id()).then().body("status", equalTo("REVOKED"))
                .body("revokedAt", notNullValue()).body("revokedByName", equalTo("Admin of Revoke"));
        // Another instance (here: the database by hand) revokes: this instance refuses the very next request.
        Key other = create(admin, "Second", List.of("customers:read"));
        other.as().get("/api/v1/customers").then().statusCode(200);
        Sql.rows(db, "update api_keys set revoked_at = now() where id = ? returning id", other.id());
        problem(other.as().get("/api/v1/customers").then(), 401, "unauthorized");
        problem(given().auth().oauth2("hc_live_nothing-like-a-key").get("/api/v1/customers").then(), 401,
                "unauthorized");
    }

    @Test
    void anExpiredKeyStopsWorking() throws Exception {
        Session admin = Api.openStore("Expiry");
        Instant inAnHour = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        Key key = create(admin, "Temporary", List.of("customers:read"), "expiresAt", inAnHour.toString());
        key.as().get("/api/v1/customers").then().statusCode(200);
        clock.advance(Duration.ofHours(2));
        problem(key.as().get("/api/v1/customers").then(), 401, "unauthorized");
        admin.as().get("/api/v1/api-keys/" + key.id()).then().body("status", equalTo("EXPIRED"))
                .body("expiresAt", equalTo(inAnHour.toString()));
    }

    @Test
    void eachKeyHasARateLimitTheAnswersExplain() {
        Session admin = Api.openStore("Rate");
        clock.set(Instant.now().truncatedTo(ChronoUnit.MINUTES).plusSeconds(15));
        Key key = create(admin, "Chatty", List.of("customers:read"), "rateLimitPerMinute", 3);
        Key quiet = create(admin, "Quiet", List.of("customers:read"), "rateLimitPerMinute", 3);
        for (int remaining = 2; remaining >= 0; remaining--) {
            key.as().get("/api/v1/customers").then().statusCode(200).header("RateLimit-Limit", "3")
                    .header("RateLimit-Remaining", Integer.toString(remaining)).header("RateLimit-Reset", "45");
        }
        problem(key.as().get("/api/v1/customers").then(), 429, "rate-limited").header("Retry-After", "45")
                .header("RateLimit-Remaining", "0").body("retryAfterSeconds", equalTo(45));
        quiet.as().get("/api/v1/customers").then().statusCode(200).header("RateLimit-Remaining", "2");
        // A person's token is not rate-limited by keys, and carries no such headers.
        admin.as().get("/api/v1/customers").then().statusCode(200).header("RateLimit-Limit", nullValue());
        clock.advance(Duration.ofSeconds(50));
        key.as().get("/api/v1/customers").then().statusCode(200).header("RateLimit-Remaining", "2");
    }

    @Test
    void lastUseIsRecorded() {
        Session admin = Api.openStore("Last used");
        Key key = create(admin, "Poller", List.of("customers:read"));
        key.as().get("/api/v1/customers").then().statusCode(200);
        admin.as().get("/api/v1/api-keys/" + key.id()).then().body("lastUsedAt", notNullValue());
    }

    @Test
    void aBadRequestNamesEveryFieldAndCreatesNothing() throws Exception {
        Session admin = Api.openStore("Bad key");
        var errors = problem(admin.as().body(Map.of("name", " ", "scopes", List.of("customers:read", "everything"),
                "expiresAt", "2020-01-01T00:00:00Z", "rateLimitPerMinute", 0)).post("/api/v1/api-keys").then(), 400,
                "validation").extract().jsonPath().getList("errors.field", String.class);
        assertEquals(List.of("expiresAt", "name", "rateLimitPerMinute", "scopes[1]"), errors.stream().sorted().toList());
        problem(admin.as().body(Map.of("name", "No scopes", "scopes", List.of())).post("/api/v1/api-keys").then(), 400,
                "validation").body("errors[0].field", equalTo("scopes"));
        assertEquals(0, Sql.rows(db, "select 1 from api_keys where store_id = ?", admin.storeId()).size());
    }

    @Test
    void onlyAdminsManageKeys() {
        Session admin = Api.openStore("Admins only");
        Session manager = Api.addUser(admin, "MANAGER");
        problem(manager.as().get("/api/v1/api-keys").then(), 403, "forbidden");
        problem(manager.as().body(Map.of("name", "Mine", "scopes", List.of("customers:read")))
                .post("/api/v1/api-keys").then(), 403, "forbidden");
    }

    @Test
    void theScopePatternNamesExactlyTheScopes() {
        String constants = Arrays.stream(ApiKeyScope.values()).map(ApiKeyScope::wireName).collect(Collectors.joining("|"));
        assertEquals(constants, ApiKeyScope.PATTERN);
        assertEquals("must be one of: " + constants.replace("|", ", "), ApiKeyScope.ONE_OF);
    }

    @Test
    void theAccessRulesMatchPathsAndTemplatesAlike() {
        assertEquals(ApiKeyScope.CUSTOMERS_READ, ApiKeyAccess.required("GET", "/api/v1/customers").get().scope().get());
        assertEquals(ApiKeyScope.CUSTOMERS_WRITE,
                ApiKeyAccess.required("POST", "/api/v1/customers/12/follow-ups").get().scope().get());
        assertEquals(ApiKeyScope.INQUIRIES_READ,
                ApiKeyAccess.required("GET", "/api/v1/customers/{customerId}/inquiries").get().scope().get());
        assertEquals(ApiKeyScope.POOL_WRITE, ApiKeyAccess.required("POST", "/api/v1/customers/9/release").get().scope().get());
        assertTrue(ApiKeyAccess.required("GET", "/api/v1/me").get().scope().isEmpty());
        assertTrue(ApiKeyAccess.required("POST", "/api/v1/pool/claim").isEmpty());
        assertTrue(ApiKeyAccess.required("GET", "/api/v1/customersx").isEmpty());
        assertTrue(ApiKeyAccess.required("PUT", "/api/v1/pool/rules").isEmpty());
        assertNotNull(ApiKeyAccess.required("POST", "/api/v1/inquiries").orElseThrow());
    }

    @Test
    void theContractListsTheScopeOfEveryOperationOpenToKeys() {
        var contract = given().accept("application/json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        assertEquals("bearer", contract.getString("components.securitySchemes.apiKey.scheme"));
        List<Map<String, List<String>>> createCustomer = contract.getList("paths.'/api/v1/customers'.post.security");
        assertTrue(createCustomer.contains(Map.of("apiKey", List.of("customers:write"))), createCustomer.toString());
        List<Map<String, List<String>>> users = contract.getList("paths.'/api/v1/users'.get.security");
        assertFalse(users.stream().anyMatch(r -> r.containsKey("apiKey")), users.toString());
        assertThatHas429(contract.getMap("paths.'/api/v1/inquiries'.post.responses"));
    }

    private static void assertThatHas429(Map<String, Object> responses) {
        assertTrue(responses.containsKey("429"), responses.keySet().toString());
    }
}
