package com.harborcrm.io;

import static com.harborcrm.testing.Api.problem;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.harborcrm.testing.Api;
import com.harborcrm.testing.Api.Session;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class ImportTest {

    @jakarta.inject.Inject
    javax.sql.DataSource dataSource;

    static final String FILE = """
            Name,Company,E-mail,Phone,Mobile,Country/Region,City,Address,Main products,Position,Stage,Stars,WeChat,Tags
            John Miller,Miller Hardware Imports LLC,john@millerhardware.com,+1 312 555 0100,,United States,Chicago,12 Lake Shore Drive,Door hinges,Buyer,INQUIRY,2,jmiller,VIP
            Anna Schmidt,Schmidt GmbH,anna@schmidt.de,,+49 30 1234567,DE,Berlin,,,,,,,
            """;

    /** finishedAt is when the job finished, not when its transaction began (which is what now() gives there). */
    @Test
    void finishedAtIsWhenTheJobFinished() throws Exception {
        Session admin = Api.openStore("Import finish time");
        long id;
        // Hold the store's import lock: the job's transaction begins, then waits on it for a while.
        try (var connection = dataSource.getConnection(); var lock = connection.createStatement()) {
            connection.setAutoCommit(false);
            lock.execute("select pg_advisory_xact_lock(hashtextextended('import:' || " + admin.storeId() + ", 0))");
            id = Imports.upload(admin, FILE.getBytes(java.nio.charset.StandardCharsets.UTF_8)).then().statusCode(202)
                    .extract().jsonPath().getLong("id");
            Thread.sleep(1500);
            connection.rollback();
        }
        JsonPath job = Imports.await(admin, id);
        assertEquals("DONE", job.getString("status"), job.prettify());
        long took = java.time.Duration.between(java.time.Instant.parse(job.getString("startedAt")),
                java.time.Instant.parse(job.getString("finishedAt"))).toMillis();
        assertTrue(took >= 1000, "finishedAt " + took + " ms after startedAt");
    }

    @Test
    void importsIntoThePoolScoredAsOnCreateWithKeysAndEvents() {
        Session admin = Api.openStore("Import basics");
        Session manager = Api.addUser(admin, "MANAGER");
        admin.as().body(Map.of("name", "VIP", "color", "#123456")).post("/api/v1/tags").then().statusCode(201);
        var accepted = Imports.upload(manager, FILE.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        accepted.then().statusCode(202)
                .header("Location", org.hamcrest.Matchers.endsWith("/api/v1/imports/" + accepted.jsonPath().getLong("id")))
                .body("status", equalTo("QUEUED"))
                .body("options.target", equalTo("POOL"))
                .body("options.duplicatePolicy", equalTo("SKIP"));
        JsonPath job = Imports.await(manager, accepted.jsonPath().getLong("id"));
        assertEquals("DONE", job.getString("status"), job.prettify());
        assertEquals(2, job.getInt("totalRows"));
        assertEquals(2, job.getInt("processedRows"));
        assertEquals(2, job.getInt("created"));
        assertEquals(0, job.getInt("rejected"));
        assertEquals("UTF-8", job.getString("detected.encoding"));
        assertEquals(",", job.getString("detected.delimiter"));
        assertEquals(List.of("name", "companyName", "email", "phone", "mobile", "country", "city", "address",
                "mainProducts", "position", "stage", "stars", "im:WECHAT", "tags"), job.getList("detected.columns.field"));
        assertTrue(job.getString("startedAt") != null && job.getString("finishedAt") != null);

        Map<String, Map<String, Object>> customers = Imports.customers(admin);
        Map<String, Object> john = customers.get("John Miller");
        assertNull(john.get("ownerId"));
        assertEquals("US", john.get("country"));
        assertEquals("IMPORT", john.get("source"));
        assertEquals("INQUIRY", john.get("stage"));
        assertEquals(2, john.get("stars"));
        assertEquals(List.of(Map.of("channel", "WECHAT", "handle", "jmiller")), john.get("imAccounts"));
        assertEquals(List.of("VIP"), ((List<Map<String, Object>>) john.get("tags")).stream().map(t -> t.get("name")).toList());
        assertEquals("+49 30 1234567", customers.get("Anna Schmidt").get("mobile"));

        // The same fields created by hand score the same.
        Session other = Api.openStore("Import score reference");
        int created = other.as().body(Map.ofEntries(Map.entry("name", "John Miller"), Map.entry("companyName", "Miller Hardware Imports LLC"),
                        Map.entry("email", "john@millerhardware.com"), Map.entry("phone", "+1 312 555 0100"),
                        Map.entry("country", "US"), Map.entry("city", "Chicago"), Map.entry("address", "12 Lake Shore Drive"),
                        Map.entry("mainProducts", "Door hinges"), Map.entry("position", "Buyer"),
                        Map.entry("stage", "INQUIRY"), Map.entry("stars", 2), Map.entry("pool", true)))
                .post("/api/v1/customers").then().statusCode(201).extract().path("potentialScore");
        assertEquals(created, john.get("potentialScore"));

        long id = ((Number) john.get("id")).longValue();
        admin.as().get("/api/v1/customers/" + id + "/timeline").then().statusCode(200)
                .body("items.type", contains("IMPORTED"))
                .body("items[0].actorId", equalTo((int) manager.userId()))
                .body("items[0].data.importId", equalTo(accepted.jsonPath().getInt("id")));
        // The contact keys are those of a create: a new customer with the same WeChat is a duplicate.
        problem(admin.as().body(Map.of("name", "Someone", "imAccounts", List.of(Map.of("channel", "WECHAT",
                "handle", "JMiller")))).post("/api/v1/customers").then(), 409, "duplicate-customer")
                .body("matches[0].id", equalTo((int) id));
        problem(admin.as().body(Map.of("name", "Someone", "phone", "0049 30 1234567")).post("/api/v1/customers").then(),
                409, "duplicate-customer");

        manager.as().get("/api/v1/imports").then().statusCode(200)
                .body("items.id", contains(accepted.jsonPath().getInt("id")))
                .body("nextCursor", nullValue());
    }

    @Test
    void importsToAnOwner() {
        Session admin = Api.openStore("Import owner");
        Session rep = Api.addUser(admin, "REP");
        JsonPath job = Imports.run(admin, "Name\nOwned Buyer\n", "target", "OWNER", "ownerId", Long.toString(rep.userId()));
        assertEquals("DONE", job.getString("status"), job.prettify());
        rep.as().get("/api/v1/customers").then().statusCode(200)
                .body("items.name", contains("Owned Buyer"))
                .body("items[0].ownerId", equalTo((int) rep.userId()));
        problem(Imports.upload(admin, "Name\nX\n".getBytes(), "target", "OWNER").then(), 400, "validation")
                .body("errors.field", contains("ownerId"));
        problem(Imports.upload(admin, "Name\nX\n".getBytes(), "target", "OWNER", "ownerId", "999999").then(), 400,
                "validation").body("errors[0].message", containsString("active user"));
        problem(Imports.upload(admin, "Name\nX\n".getBytes(), "duplicatePolicy", "MERGE", "encoding", "EBCDIC",
                "delimiter", "|", "dryRun", "maybe", "mapping", "{\"A\": \"shoeSize\"}").then(), 400, "validation")
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("duplicatePolicy", "encoding",
                        "delimiter", "dryRun", "mapping.A"));
    }
}
