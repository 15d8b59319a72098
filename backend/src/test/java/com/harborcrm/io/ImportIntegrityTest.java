package com.harborcrm.io;

import static com.harborcrm.testing.Api.problem;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.harborcrm.testing.Api;
import com.harborcrm.testing.Api.Session;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;

/** Bad rows, bad files, atomicity, lost jobs, limits, roles and isolation. */
@QuarkusTest
class ImportIntegrityTest {

    @Inject
    DataSource dataSource;

    @Inject
    ImportService importService;

    private long customerCount(long storeId) throws Exception {
        try (var c = dataSource.getConnection(); var s = c.prepareStatement("select count(*) from customers where store_id = ?")) {
            s.setLong(1, storeId);
            var r = s.executeQuery();
            r.next();
            return r.getLong(1);
        }
    }

    @Test
    void badRowsGoToTheRejectedReportAndTheGoodOnesAreImported() {
        Session admin = Api.openStore("Rejected");
        String file = "Name,Email,Stars,Country,Notes\n"
                + "Good One,good@one.com,1,US,fine\n"
                + "Bad Mail,not-an-email,2,US,\"=HYPERLINK(\"\"x\"\")\"\n"
                + ",,,,\n"
                + "Bad Stars,stars@x.com,7,ZZ,\n"
                + "Good Two,good@two.com,,,\"multi\nline\"\n"
                + "Too Wide,wide@x.com,1,US,note,extra\n";
        JsonPath job = Imports.run(admin, file);
        assertEquals("DONE", job.getString("status"), job.prettify());
        assertEquals(5, job.getInt("totalRows"));
        assertEquals(2, job.getInt("created"));
        assertEquals(3, job.getInt("rejected"));
        assertEquals(List.of(3, 5, 8), job.getList("errorsSample.line"));
        assertTrue(job.getString("errorsSample[1].reason").contains("stars") && job.getString("errorsSample[1].reason").contains("country"),
                job.getString("errorsSample[1].reason"));
        assertEquals("multi\nline", Imports.customers(admin).get("Good Two").get("notes"));

        byte[] report = admin.as().get("/api/v1/imports/" + job.getLong("id") + "/rejected.csv").then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/csv")).extract().asByteArray();
        assertEquals((byte) 0xEF, report[0]);
        List<List<String>> rows = Imports.csv(report);
        assertEquals(List.of("Name", "Email", "Stars", "Country", "Notes", "reason"), rows.get(0));
        assertEquals(List.of("Bad Mail", "not-an-email", "2", "US", "'=HYPERLINK(\"x\")"), rows.get(1).subList(0, 5));
        assertTrue(rows.get(1).get(5).startsWith("email"), rows.get(1).get(5));
        assertEquals("Bad Stars", rows.get(2).get(0));
        assertEquals(List.of("Too Wide", "wide@x.com", "1", "US", "note", "extra"), rows.get(3).subList(0, 6));
        assertTrue(rows.get(3).get(6).contains("6 cells"), rows.get(3).toString());
        assertEquals(4, rows.size());
    }

    @Test
    void aFileThatCannotBeParsedFailsWithItsLineAndWritesNothing() throws Exception {
        Session admin = Api.openStore("Unparsable");
        String file = "Name,Email\nFine One,fine@one.com\nFine Two,fine@two.com\n\"Broken\"x,b@x.com\nAfter,after@x.com\n";
        JsonPath job = Imports.run(admin, file);
        assertEquals("FAILED", job.getString("status"));
        assertEquals(4, job.getLong("failureLine"));
        assertTrue(job.getString("failure").contains("line 4"), job.getString("failure"));
        assertEquals(0, job.getInt("created"));
        assertEquals(0, customerCount(admin.storeId()));
        problem(admin.as().get("/api/v1/imports/" + job.getLong("id") + "/rejected.csv").then(), 409, "conflict");

        JsonPath open = Imports.run(admin, "Name,Notes\nFine,ok\nOpen,\"never closed\nAfter,x\n");
        assertEquals("FAILED", open.getString("status"));
        assertEquals(3, open.getLong("failureLine"), open.prettify());
        assertEquals(0, customerCount(admin.storeId()));
    }

    @Test
    void nastyButValidFilesAreRead() {
        Session admin = Api.openStore("Nasty");
        String file = "\uFEFFName,Company,Notes,,Name\r\n"
                + "\r\n"
                + "\"Smith, John\",\"Say \"\"hi\"\"\",\"line1\r\nline2\",x,Dup\r\n"
                + "Trailing,Co,,,\r\n"
                + "Short\r\n"
                + "\r\n";
        JsonPath job = Imports.run(admin, file);
        assertEquals("DONE", job.getString("status"), job.prettify());
        assertEquals(3, job.getInt("created"));
        List<String> warnings = job.getList("warnings");
        assertTrue(warnings.stream().anyMatch(w -> w.contains("Column 4 has no header")), warnings.toString());
        assertTrue(warnings.stream().anyMatch(w -> w.contains("\"Name\" (5) fills name like an earlier column")), warnings.toString());
        var customers = Imports.customers(admin);
        assertEquals("Say \"hi\"", customers.get("Smith, John").get("companyName"));
        assertEquals("line1\r\nline2", customers.get("Smith, John").get("notes"));
        assertTrue(customers.containsKey("Trailing") && customers.containsKey("Short"), customers.keySet().toString());
    }

    @Test
    void emptyBinaryAndHeaderOnlyFiles() {
        Session admin = Api.openStore("Degenerate");
        JsonPath empty = Imports.run(admin, new byte[0]);
        assertEquals("FAILED", empty.getString("status"));
        assertEquals("The file is empty", empty.getString("failure"));
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R', 0, 0, 1, 0};
        JsonPath binary = Imports.run(admin, png);
        assertEquals("FAILED", binary.getString("status"));
        assertTrue(binary.getString("failure").contains("binary"), binary.getString("failure"));
        JsonPath headerOnly = Imports.run(admin, "Name,Email\n");
        assertEquals("DONE", headerOnly.getString("status"));
        assertEquals(0, headerOnly.getInt("totalRows"));
        assertTrue(headerOnly.getList("warnings").contains("The file has a header but no rows"));
    }

    @Test
    void dryRunChecksEverythingAndWritesNoCustomer() throws Exception {
        Session admin = Api.openStore("Dry run");
        JsonPath job = Imports.run(admin, "Name,Email\nDry One,dry@one.com\nDry Bad,bad\n", "dryRun", "true");
        assertEquals("DONE", job.getString("status"));
        assertEquals(1, job.getInt("created"));
        assertEquals(1, job.getInt("rejected"));
        assertEquals(true, job.getBoolean("options.dryRun"));
        assertEquals(0, customerCount(admin.storeId()));
        assertEquals(2, Imports.csv(admin.as().get("/api/v1/imports/" + job.getLong("id") + "/rejected.csv")
                .then().statusCode(200).extract().asByteArray()).size());
    }

    @Test
    void aJobCommitsWholeOrNotAtAll() throws Exception {
        Session admin = Api.openStore("Atomic");
        // A database failure in the middle of writing (after the customers, at the events) must leave nothing behind.
        try (var c = dataSource.getConnection(); var s = c.createStatement()) {
            s.execute("""
                    create or replace function import_test_boom() returns trigger language plpgsql as $$
                    begin if new.data ->> 'line' = '3' and new.type = 'IMPORTED' then raise exception 'boom'; end if;
                    return new; end $$""");
            s.execute("create trigger import_test_boom before insert on customer_events for each row "
                    + "execute function import_test_boom()");
        }
        try {
            JsonPath job = Imports.run(admin, "Name\nAtomic One\nAtomic Two\nAtomic Three\n");
            assertEquals("FAILED", job.getString("status"));
            assertEquals(0, customerCount(admin.storeId()));
        } finally {
            try (var c = dataSource.getConnection(); var s = c.createStatement()) {
                s.execute("drop trigger import_test_boom on customer_events");
                s.execute("drop function import_test_boom()");
            }
        }
    }

    @Test
    void aJobWhoseInstanceStoppedBeatingIsFailed() throws Exception {
        Session admin = Api.openStore("Stale");
        long id;
        try (var c = dataSource.getConnection(); var s = c.prepareStatement("""
                insert into import_jobs (store_id, created_by, status, phase, file_size, options, dry_run, created_at,
                                         started_at, heartbeat_at)
                values (?, ?, 'RUNNING', 'WRITING', 10, cast(? as jsonb), false, now() - interval '10 minutes',
                        now() - interval '10 minutes', now() - interval '5 minutes') returning id""")) {
            s.setLong(1, admin.storeId());
            s.setLong(2, admin.userId());
            s.setString(3, "{\"target\":\"POOL\",\"ownerId\":null,\"duplicatePolicy\":\"SKIP\",\"encoding\":\"AUTO\","
                    + "\"delimiter\":\"AUTO\",\"mapping\":{},\"dryRun\":false}");
            var r = s.executeQuery();
            r.next();
            id = r.getLong(1);
        }
        admin.as().get("/api/v1/imports/" + id).then().statusCode(200).body("status", equalTo("RUNNING"));
        importService.reap();
        admin.as().get("/api/v1/imports/" + id).then().statusCode(200)
                .body("status", equalTo("FAILED"))
                .body("failure", org.hamcrest.Matchers.containsString("stopped before it finished"));
        RestAssured.given().get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("harbor_imports_total{status=\"FAILED\"}"));
    }

    @Test
    void limitsOnSizeAndRows() {
        Session admin = Api.openStore("Limits");
        String answer = rawPost("/api/v1/imports", admin.token(), 3L * 1024 * 1024);
        assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
        assertTrue(answer.contains("/problems/payload-too-large") && answer.contains("2 MB"), answer);
        // Other routes keep the small JSON limit.
        assertTrue(rawPost("/api/v1/customers", admin.token(), 11L * 1024 * 1024).startsWith("HTTP/1.1 413"));
        StringBuilder rows = new StringBuilder("Name\n");
        for (int i = 0; i < 501; i++) {
            rows.append("Row ").append(i).append('\n');
        }
        JsonPath job = Imports.run(admin, rows.toString());
        assertEquals("FAILED", job.getString("status"));
        assertTrue(job.getString("failure").contains("more than 500 rows"), job.getString("failure"));
        assertEquals(0, job.getInt("created"));
        RestAssured.given().get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("harbor_imports_total{status=\"FAILED\"}"));
    }

    /** Sends only the headers of a request declaring this length, returns the answer up to its body. */
    private static String rawPost(String path, String token, long length) {
        try (java.net.Socket socket = new java.net.Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                    + token + "\r\nContent-Type: multipart/form-data; boundary=x\r\nContent-Length: " + length
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            StringBuilder received = new StringBuilder();
            var in = socket.getInputStream();
            int c;
            while (received.indexOf("}") < 0 && (c = in.read()) >= 0) {
                received.append((char) c);
            }
            return received.toString();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void repsCannotImportAndOtherStoresSeeNothing() {
        Session admin = Api.openStore("Import roles");
        Session rep = Api.addUser(admin, "REP");
        problem(Imports.upload(rep, "Name\nX\n".getBytes(StandardCharsets.UTF_8)).then(), 403, "forbidden");
        JsonPath job = Imports.run(admin, "Name\nMine\n");
        long id = job.getLong("id");
        problem(rep.as().get("/api/v1/imports/" + id).then(), 403, "forbidden");
        problem(rep.as().get("/api/v1/imports").then(), 403, "forbidden");
        problem(rep.as().get("/api/v1/exports/customers.csv").then(), 403, "forbidden");
        Session stranger = Api.openStore("Import stranger");
        problem(stranger.as().get("/api/v1/imports/" + id).then(), 404, "not-found");
        problem(stranger.as().get("/api/v1/imports/" + id + "/rejected.csv").then(), 404, "not-found");
        stranger.as().get("/api/v1/imports").then().statusCode(200).body("items", org.hamcrest.Matchers.hasSize(0));
        problem(RestAssured.given().auth().oauth2(admin.token()).multiPart("target", "POOL").post("/api/v1/imports").then(),
                400, "validation").body("errors[0].field", equalTo("file"));
        RestAssured.given().get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("harbor_imports_total{status=\"DONE\"}"));
        assertEquals(List.of("Mine"), List.copyOf(Imports.customers(admin).keySet()));
    }
}
