package com.harborcrm.io;

import static com.harborcrm.testing.Api.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.harborcrm.testing.Api;
import com.harborcrm.testing.Api.Session;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class ExportTest {

    private static byte[] export(Session as, String query) {
        return as.as().get("/api/v1/exports/customers.csv" + query).then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/csv")).extract().asByteArray();
    }

    private static Session storeWithCustomers() {
        Session admin = Api.openStore("Export");
        admin.as().body(Map.of("key", "incoterm", "label", "Incoterm", "type", "SELECT", "options", List.of("FOB", "CIF")))
                .post("/api/v1/custom-fields").then().statusCode(201);
        long vip = admin.as().body(Map.of("name", "VIP", "color", "#123456")).post("/api/v1/tags").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        // Lower case: tags are listed by name ignoring case ("acme" before "VIP", unlike a plain sort).
        long acme = admin.as().body(Map.of("name", "acme", "color", "#654321")).post("/api/v1/tags").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        long a = admin.as().body(Map.ofEntries(Map.entry("name", "Alice Export"), Map.entry("companyName", "=cmd|' /C calc'!A0"),
                Map.entry("email", "alice@export.com"), Map.entry("phone", "+1 312 555 0100"),
                Map.entry("imAccounts", List.of(Map.of("channel", "WECHAT", "handle", "alice_w"),
                        Map.of("channel", "WECHAT", "handle", "alice_2"))),
                Map.entry("purchaseCategories", List.of("Hinges", "Locks")), Map.entry("stage", "SAMPLE_ORDER"),
                Map.entry("stars", 3), Map.entry("country", "CN"), Map.entry("notes", "Line one\nLine two, \"quoted\""),
                Map.entry("customFields", Map.of("incoterm", "FOB")), Map.entry("pool", true)))
                .post("/api/v1/customers").then().statusCode(201).extract().jsonPath().getLong("id");
        admin.as().body(Map.of("tagIds", List.of(vip, acme))).put("/api/v1/customers/" + a + "/tags").then().statusCode(200);
        admin.as().body(Map.of("name", "Bob Export", "stage", "INQUIRY", "mobile", "-5 123 456", "email", "bob@export.com"))
                .post("/api/v1/customers").then().statusCode(201);
        return admin;
    }

    @Test
    void theWorkbookHoldsTheCsvsRowsAndColumns() throws Exception {
        Session admin = storeWithCustomers();
        List<List<String>> csv = Imports.csv(export(admin, "?bom=false"));
        byte[] xlsx = admin.as().get("/api/v1/exports/customers.xlsx").then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .header("Content-Disposition", org.hamcrest.Matchers.containsString("customers.xlsx"))
                .extract().asByteArray();
        List<List<String>> sheet = new java.util.ArrayList<>();
        try (var workbook = new org.dhatim.fastexcel.reader.ReadableWorkbook(new java.io.ByteArrayInputStream(xlsx));
                var rows = workbook.getFirstSheet().openStream()) {
            assertEquals("Customers", workbook.getFirstSheet().getName());
            rows.forEach(row -> {
                List<String> cells = new java.util.ArrayList<>();
                for (int c = 0; c < csv.get(0).size(); c++) {
                    cells.add(row.getCellText(c));
                }
                sheet.add(cells);
            });
        }
        // The same cells, but for the CSV's guard against formulas: a workbook's text cell is never run.
        List<List<String>> unguarded = csv.stream().map(r -> r.stream()
                .map(cell -> cell.length() > 1 && cell.charAt(0) == '\'' && "=+-@\t\r".indexOf(cell.charAt(1)) >= 0
                        ? cell.substring(1) : cell).toList()).toList();
        assertEquals(unguarded, sheet);
        assertTrue(sheet.stream().anyMatch(r -> r.contains("=cmd|' /C calc'!A0")));
        // The filters and columns of the CSV export apply.
        byte[] chosen = admin.as().get("/api/v1/exports/customers.xlsx?stage=INQUIRY&columns=name,email").then()
                .statusCode(200).extract().asByteArray();
        try (var workbook = new org.dhatim.fastexcel.reader.ReadableWorkbook(new java.io.ByteArrayInputStream(chosen))) {
            List<List<String>> rows = workbook.getFirstSheet().read().stream()
                    .map(r -> List.of(r.getCellText(0), r.getCellText(1))).toList();
            assertEquals(List.of(List.of("Name", "Email"), List.of("Bob Export", "bob@export.com")), rows);
        }
        Session rep = Api.addUser(admin, "REP");
        problem(rep.as().get("/api/v1/exports/customers.xlsx").then(), 403, "forbidden");
        problem(admin.as().get("/api/v1/exports/customers.xlsx?columns=nope").then(), 400, "validation");
    }

    @Test
    void exportsEveryColumnWithBomHeaderTagsAndCustomFieldsSafeForSpreadsheets() {
        Session admin = storeWithCustomers();
        byte[] body = export(admin, "");
        assertEquals((byte) 0xEF, body[0]);
        List<List<String>> rows = Imports.csv(body);
        List<String> header = rows.get(0);
        assertEquals(List.of("Name", "Company", "Position", "Email", "Phone", "Mobile", "Fax", "WhatsApp", "WeChat"),
                header.subList(0, 9));
        assertTrue(header.containsAll(List.of("Tags", "Incoterm", "Owner", "Potential score", "ID")), header.toString());
        assertEquals(3, rows.size());
        Map<String, String> alice = row(header, rows.get(1));
        assertEquals("Alice Export", alice.get("Name"));
        assertEquals("'=cmd|' /C calc'!A0", alice.get("Company"));
        assertEquals("'+1 312 555 0100", alice.get("Phone"));
        assertEquals("alice_w; alice_2", alice.get("WeChat"));
        assertEquals("Hinges; Locks", alice.get("Purchase categories"));
        assertEquals("acme; VIP", alice.get("Tags"));
        assertEquals("FOB", alice.get("Incoterm"));
        assertEquals("Line one\nLine two, \"quoted\"", alice.get("Notes"));
        assertEquals("SAMPLE_ORDER", alice.get("Stage"));
        assertEquals("3", alice.get("Stars"));
        assertEquals("", alice.get("Owner"));
        assertEquals(admin.email(), row(header, rows.get(2)).get("Owner"));
        assertEquals("'-5 123 456", row(header, rows.get(2)).get("Mobile"));

        byte[] noBom = export(admin, "?bom=false&columns=name,email,tags");
        assertNotEquals((byte) 0xEF, noBom[0]);
        assertEquals(List.of(List.of("Name", "Email", "Tags"), List.of("Alice Export", "alice@export.com", "acme; VIP"),
                List.of("Bob Export", "bob@export.com", "")), Imports.csv(noBom));
        problem(admin.as().get("/api/v1/exports/customers.csv?columns=shoeSize").then(), 400, "validation");
        problem(admin.as().get("/api/v1/exports/customers.csv?stage=HOT").then(), 400, "validation");
    }

    @Test
    void exportTakesTheScreeningFilters() {
        Session admin = storeWithCustomers();
        assertEquals(List.of(List.of("Name"), List.of("Bob Export")),
                Imports.csv(export(admin, "?stage=INQUIRY&columns=name")));
        assertEquals(List.of(List.of("Name"), List.of("Alice Export")),
                Imports.csv(export(admin, "?ownerId=none&columns=name")));
        assertEquals(List.of(List.of("Name"), List.of("Alice Export")),
                Imports.csv(export(admin, "?cf.incoterm=FOB&columns=name")));
        assertEquals(List.of(List.of("Name")), Imports.csv(export(admin, "?q=nobody&columns=name")));
        Session stranger = Api.openStore("Export stranger");
        assertEquals(1, Imports.csv(export(stranger, "")).size(), "another store exports only its header");
    }

    @Test
    void exportThenImportWithUpdateChangesNothing() {
        Session admin = storeWithCustomers();
        JsonPath before = admin.as().get("/api/v1/customers?sort=name").then().statusCode(200).extract().jsonPath();
        JsonPath job = Imports.run(admin, export(admin, ""), "duplicatePolicy", "UPDATE");
        assertEquals("DONE", job.getString("status"), job.prettify());
        assertEquals(0, job.getInt("created"));
        assertEquals(0, job.getInt("updated"));
        assertEquals(0, job.getInt("rejected"), job.prettify());
        assertEquals(2, job.getInt("skipped"));
        JsonPath after = admin.as().get("/api/v1/customers?sort=name").then().statusCode(200).extract().jsonPath();
        assertEquals(before.getList("items"), after.getList("items"));

        // Into an empty store, the export recreates the same files.
        Session other = Api.openStore("Export target");
        other.as().body(Map.of("key", "incoterm", "label", "Incoterm", "type", "SELECT", "options", List.of("FOB", "CIF")))
                .post("/api/v1/custom-fields").then().statusCode(201);
        other.as().body(Map.of("name", "VIP", "color", "#123456")).post("/api/v1/tags").then().statusCode(201);
        JsonPath copy = Imports.run(other, export(admin, ""));
        assertEquals(2, copy.getInt("created"), copy.prettify());
        Map<String, Object> alice = Imports.customers(other).get("Alice Export");
        Map<String, Object> original = Imports.customers(admin).get("Alice Export");
        for (String field : List.of("companyName", "email", "phone", "imAccounts", "purchaseCategories", "stage", "stars",
                "country", "notes", "customFields", "potentialScore")) {
            assertEquals(original.get(field), alice.get(field), field);
        }
        assertEquals(List.of("VIP"), ((List<Map<String, Object>>) alice.get("tags")).stream().map(t -> t.get("name")).toList());
    }

    private static Map<String, String> row(List<String> header, List<String> cells) {
        Map<String, String> row = new java.util.LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            row.put(header.get(i), i < cells.size() ? cells.get(i) : null);
        }
        return row;
    }
}
