package com.harborcrm.io;

import static com.harborcrm.testing.Api.problem;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.junit.jupiter.api.Test;

import com.harborcrm.testing.Api;
import com.harborcrm.testing.Api.Session;

import io.quarkus.test.junit.QuarkusTest;

/** .xlsx import beside CSV: the same job, mapping, checks and refused rows, the sheet read as Excel stores it. */
@QuarkusTest
class SpreadsheetImportTest {

    /** A workbook as merchants make them: a notes sheet first, the buyers on the second. */
    private static byte[] workbook() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook book = new Workbook(out, "Test", "1.0");
        Worksheet notes = book.newWorksheet("Notes");
        notes.value(0, 0, "Exported from the fair's scanner");
        notes.finish();
        Worksheet buyers = book.newWorksheet("Buyers");
        List<String> header = List.of("Name", "Company", "Email", "Phone", "Country", "Since", "Employees");
        for (int c = 0; c < header.size(); c++) {
            buyers.value(0, c, header.get(c));
        }
        buyers.value(1, 0, "张伟");
        buyers.value(1, 1, "宁波五金有限公司");
        buyers.value(1, 2, "zhang@ningbo.example");
        buyers.value(1, 3, 8613800138000L);
        buyers.value(1, 4, "CN");
        buyers.value(1, 5, LocalDate.of(2024, 3, 15));
        buyers.style(1, 5).format("yyyy-mm-dd").set();
        buyers.value(1, 6, 120.0);
        buyers.value(2, 0, "Broken Row");
        buyers.value(2, 2, "not an email");
        // Row 4 left empty: Excel keeps no row for it.
        buyers.value(4, 0, "Lena Buyer");
        buyers.value(4, 2, "lena@buyer.example");
        buyers.value(4, 6, 35);
        buyers.finish();
        book.finish();
        return out.toByteArray();
    }

    private static Session storeWithFields() {
        Session admin = Api.openStore("Spreadsheets");
        admin.as().body(Map.of("key", "since", "label", "Since", "type", "DATE")).post("/api/v1/custom-fields")
                .then().statusCode(201);
        admin.as().body(Map.of("key", "employees", "label", "Employees", "type", "NUMBER"))
                .post("/api/v1/custom-fields").then().statusCode(201);
        return admin;
    }

    @Test
    void aChosenSheetIsImportedAsExcelStoresIt() throws Exception {
        Session admin = storeWithFields();
        var job = Imports.run(admin, workbook(), "sheet", "Buyers", "mapping",
                "{\"Since\": \"cf.since\", \"Employees\": \"cf.employees\"}");
        assertEquals("DONE", job.getString("status"), job.prettyPrint());
        assertEquals(2, job.getInt("created"));
        assertEquals(1, job.getInt("rejected"));
        assertEquals("Buyers", job.getString("options.sheet"));
        var zhang = admin.as().get("/api/v1/customers?q=zhang@ningbo.example").then().statusCode(200).extract().jsonPath();
        assertEquals("张伟", zhang.getString("items[0].name"));
        assertEquals("宁波五金有限公司", zhang.getString("items[0].companyName"));
        assertEquals("8613800138000", zhang.getString("items[0].phone").replaceAll("\\D", ""));
        long id = zhang.getLong("items[0].id");
        admin.as().get("/api/v1/customers/" + id).then()
                .body("customFields.since", equalTo("2024-03-15"))
                .body("customFields.employees", equalTo(120));

        // The refused row comes back as a workbook too, with the file's header and the reason.
        long jobId = job.getLong("id");
        byte[] rejected = admin.as().get("/api/v1/imports/" + jobId + "/rejected.xlsx").then().statusCode(200)
                .header("Content-Disposition", org.hamcrest.Matchers.containsString("rejected.xlsx"))
                .extract().asByteArray();
        try (ReadableWorkbook book = new ReadableWorkbook(new ByteArrayInputStream(rejected))) {
            var rows = book.getFirstSheet().read();
            assertEquals("Name", rows.get(0).getCellText(0));
            assertEquals("reason", rows.get(0).getCellText(7));
            assertEquals("Broken Row", rows.get(1).getCellText(0));
            assertTrue(rows.get(1).getCellText(7).contains("email"), rows.get(1).getCellText(7));
        }
    }

    @Test
    void theFirstSheetByDefaultAndAPositionAlsoChooses() throws Exception {
        Session admin = storeWithFields();
        var first = Imports.run(admin, workbook());
        // The notes sheet has no name column: said plainly, nothing written.
        assertEquals("FAILED", first.getString("status"));
        var second = Imports.run(admin, workbook(), "sheet", "2", "dryRun", "true");
        assertEquals("DONE", second.getString("status"), second.prettyPrint());
        assertEquals(2, second.getInt("created"));
    }

    @Test
    void aMissingSheetOrABrokenWorkbookFailsTheJobInWords() throws Exception {
        Session admin = storeWithFields();
        var missing = Imports.run(admin, workbook(), "sheet", "Visitors");
        assertEquals("FAILED", missing.getString("status"));
        assertEquals("The workbook has no sheet \"Visitors\"; its sheets are Notes, Buyers.", missing.getString("failure"));
        byte[] broken = {0x50, 0x4B, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8};
        var unreadable = Imports.run(admin, broken);
        assertEquals("FAILED", unreadable.getString("status"));
        assertTrue(unreadable.getString("failure").contains("not a readable Excel workbook"), unreadable.getString("failure"));
        problem(Imports.upload(admin, workbook(), "sheet", "x".repeat(40)).then(), 400, "validation")
                .body("errors[0].field", equalTo("sheet"));
    }
}
