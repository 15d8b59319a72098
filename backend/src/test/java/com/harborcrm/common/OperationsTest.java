package com.harborcrm.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.harborcrm.testing.Api;
import com.harborcrm.testing.Api.Session;
import com.harborcrm.testing.MutableClock;
import com.harborcrm.testing.PoolHelper;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class OperationsTest {

    /** Tables that are global by design (the tenant table itself, the login directory, migrations). */
    private static final Set<String> GLOBAL_TABLES = Set.of("stores", "login_identities", "login_failures",
            "api_key_hashes", "messaging_hooks", "flyway_schema_history");

    @Inject
    DataSource dataSource;

    @Inject
    MutableClock clock;

    @Test
    void healthIsUpWithTheDatabaseChecked() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Database")));
    }

    @Test
    void metricsAreExposedForPrometheus() {
        given().get("/api/v1/me");
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("http_server_requests_seconds"))
                .body(containsString("agroal_"));
    }

    /** Each kind of problem answer, whichever layer produces it, quotes the request's id in body and header. */
    @Test
    void everyKindOfProblemQuotesTheRequestId() {
        Session admin = Api.openStore("Request ids");
        Session rep = Api.addUser(admin, "REP");
        String login = "/api/v1/auth/login";
        java.util.Map<String, java.util.function.Function<String, io.restassured.response.Response>> requests =
                new java.util.LinkedHashMap<>();
        requests.put("malformed-body", id -> given().header("X-Request-Id", id).contentType("application/json")
                .body("{").post(login));
        requests.put("validation", id -> given().header("X-Request-Id", id).contentType("application/json")
                .body("{\"email\":\"\",\"password\":\"x\"}").post(login));
        requests.put("unauthorized", id -> given().header("X-Request-Id", id).get("/api/v1/me"));
        requests.put("forbidden", id -> rep.as().header("X-Request-Id", id).post("/api/v1/pool/sweep"));
        requests.put("not-found", id -> admin.as().header("X-Request-Id", id).get("/api/v1/customers/999999999"));
        requests.put("method-not-allowed", id -> given().header("X-Request-Id", id).delete(login));
        requests.put("not-acceptable", id -> admin.as().header("X-Request-Id", id).accept("application/xml")
                .get("/api/v1/me"));
        requests.put("unsupported-media-type", id -> given().header("X-Request-Id", id).contentType("text/plain")
                .body("hello").post(login));
        requests.put("email-taken", id -> given().header("X-Request-Id", id).contentType("application/json")
                .body(java.util.Map.of("storeName", "Again", "name", "Again", "email", admin.email(),
                        "password", Api.PASSWORD))
                .post("/api/v1/auth/signup"));
        List<String> wrong = new ArrayList<>();
        requests.forEach((slug, request) -> {
            String id = "ops-" + slug;
            var answer = request.apply(id);
            String type = answer.contentType().startsWith("application/problem+json") ? answer.path("type") : null;
            if (!(Api.PROBLEM + slug).equals(type) || !id.equals(answer.path("requestId"))
                    || !id.equals(answer.header("X-Request-Id"))) {
                wrong.add(slug + ": " + answer.statusCode() + " " + answer.asString());
            }
        });
        assertEquals(List.of(), wrong);
    }

    /** The pool's business counters move with committed claims and auto-returns, and only with those. */
    @Test
    void poolCountersCountClaimsWonAndAutoReturns() {
        Session admin = Api.openStore("Counters");
        Session rep = Api.addUser(admin, "REP");
        Session rival = Api.addUser(admin, "REP");
        PoolHelper.setRules(admin, "returnAfterDaysWithoutDeal", 0, "returnAfterDaysWithoutFollowUp", 30);
        List<Long> pool = List.of(PoolHelper.poolCustomer(admin), PoolHelper.poolCustomer(admin),
                PoolHelper.poolCustomer(admin));
        double claims = counter("harbor_pool_claims_total");
        double returns = counter("harbor_pool_auto_returns_total");

        Instant t0 = LocalDate.now(ZoneOffset.UTC).plusDays(1).atTime(10, 0).toInstant(ZoneOffset.UTC);
        clock.set(t0);
        try {
            assertEquals(2, PoolHelper.claim(rep, pool.subList(0, 2)).getList("claimed").size());
            // Lost races and refusals are not claims won.
            assertEquals(1, PoolHelper.claim(rival, pool).getList("claimed").size());
            rival.as().body(java.util.Map.of("customerIds", List.of(pool.get(0)))).post("/api/v1/pool/claim")
                    .then().statusCode(409);
            assertEquals(claims + 3, counter("harbor_pool_claims_total"));
            assertEquals(returns, counter("harbor_pool_auto_returns_total"));

            clock.set(t0.plus(Duration.ofDays(31)));
            assertEquals(3, PoolHelper.sweep(admin).getInt("returned"));
            assertEquals(0, PoolHelper.sweep(admin).getInt("returned"));
            assertEquals(returns + 3, counter("harbor_pool_auto_returns_total"));
            assertEquals(claims + 3, counter("harbor_pool_claims_total"));

            // Automatic distribution hands the returned customers out (each to the rep not in its reclaim cooldown) and
            // counts what it handed out; a second run, with nothing waiting, counts nothing.
            double handedOut = counter("harbor_pool_auto_assignments_total");
            admin.as().body(java.util.Map.of("mode", "ROUND_ROBIN", "afterDays", 0, "returningBuyerDays", 0))
                    .put("/api/v1/pools/0/distribution").then().statusCode(200);
            int assigned = admin.as().post("/api/v1/pools/0/distribution/run").then().statusCode(200).extract()
                    .jsonPath().getInt("assigned");
            assertTrue(assigned > 0, "something was handed out");
            admin.as().post("/api/v1/pools/0/distribution/run").then().statusCode(200);
            assertEquals(handedOut + assigned, counter("harbor_pool_auto_assignments_total"));
        } finally {
            clock.reset();
        }
    }

    /** The value of a counter without labels on /q/metrics (Prometheus text format). */
    private static double counter(String name) {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "(?:\\{[^}]*\\})? (\\S+)$").matcher(metrics);
        assertTrue(m.find(), name + " is not exposed");
        return Double.parseDouble(m.group(1));
    }

    /** Citus readiness: every store-owned table leads its primary key and unique constraints with store_id. */
    @Test
    void everyStoreOwnedKeyLeadsWithStoreId() throws Exception {
        List<String> offenders = new ArrayList<>();
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
            var tables = statement.executeQuery("""
                    select c.relname, exists (select 1 from pg_attribute a where a.attrelid = c.oid
                                              and a.attname = 'store_id' and not a.attisdropped) as owned
                    from pg_class c join pg_namespace n on n.oid = c.relnamespace
                    where n.nspname = current_schema() and c.relkind in ('r', 'p')""");
            List<String> ownedTables = new ArrayList<>();
            while (tables.next()) {
                if (GLOBAL_TABLES.contains(tables.getString(1))) {
                    continue;
                }
                if (tables.getBoolean("owned")) {
                    ownedTables.add(tables.getString(1));
                } else {
                    offenders.add(tables.getString(1) + " has no store_id and is not a known global table");
                }
            }
            assertTrue(ownedTables.contains("users"));
            var keys = statement.executeQuery("""
                    select t.relname, i.relname as index_name, a.attname as first_column
                    from pg_index x
                    join pg_class t on t.oid = x.indrelid
                    join pg_class i on i.oid = x.indexrelid
                    join pg_namespace n on n.oid = t.relnamespace
                    left join pg_attribute a on a.attrelid = t.oid and a.attnum = x.indkey[0]
                    where n.nspname = current_schema() and (x.indisprimary or x.indisunique)""");
            while (keys.next()) {
                if (ownedTables.contains(keys.getString(1)) && !"store_id".equals(keys.getString(3))) {
                    offenders.add(keys.getString(1) + "." + keys.getString(2) + " leads with " + keys.getString(3));
                }
            }
        }
        assertEquals(List.of(), offenders);
    }
}
