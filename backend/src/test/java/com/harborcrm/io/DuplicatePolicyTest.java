package com.harborcrm.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.harborcrm.testing.Api;
import com.harborcrm.testing.Api.Session;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** SKIP, UPDATE and CREATE against the store, and duplicates within the file. */
@QuarkusTest
class DuplicatePolicyTest {

    static final String FILE = """
            Name,Email,Phone,City,Stage
            Existing Again,OLD@buyer.com,,Updated City,SAMPLE_ORDER
            Brand New,new@buyer.com,+86 574 8888 1234,Ningbo,
            Same Phone,,0086 574 8888 1234,,
            """;

    private static long existing(Session admin) {
        return admin.as().body(Map.of("name", "Existing", "email", "old+alibaba@buyer.com", "city", "Old City",
                "stage", "INQUIRY", "position", "Buyer", "pool", true)).post("/api/v1/customers")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private static JsonPath done(Session admin, String... options) {
        JsonPath job = Imports.run(admin, FILE, options);
        assertEquals("DONE", job.getString("status"), job.prettify());
        return job;
    }

    @Test
    void skipLeavesMatchesAloneAndRefusesInFileDuplicates() {
        Session admin = Api.openStore("Skip");
        long id = existing(admin);
        JsonPath job = done(admin);
        assertEquals(1, job.getInt("created"));
        assertEquals(1, job.getInt("skipped"));
        assertEquals(1, job.getInt("rejected"));
        assertEquals(4, job.getInt("errorsSample[0].line"));
        assertEquals("Same phone number as line 3 of this file", job.getString("errorsSample[0].reason"));
        var customers = Imports.customers(admin);
        assertEquals(java.util.Set.of("Existing", "Brand New"), customers.keySet());
        assertEquals("Old City", admin.as().get("/api/v1/customers/" + id).then().extract().path("city"));
    }

    @Test
    void updateMergesTheRowIntoItsCustomerAndRescoresIt() {
        Session admin = Api.openStore("Update");
        long id = existing(admin);
        var before = admin.as().get("/api/v1/customers/" + id).then().extract().jsonPath();
        JsonPath job = done(admin, "duplicatePolicy", "UPDATE");
        assertEquals(1, job.getInt("created"));
        assertEquals(1, job.getInt("updated"));
        assertEquals(1, job.getInt("rejected"));
        var after = admin.as().get("/api/v1/customers/" + id).then().extract().jsonPath();
        assertEquals("Existing Again", after.getString("name"));
        assertEquals("Updated City", after.getString("city"));
        assertEquals("SAMPLE_ORDER", after.getString("stage"));
        assertEquals("Buyer", after.getString("position"), "a column the file leaves out stays");
        assertEquals("OLD@buyer.com", after.getString("email"), "what the file gives replaces");
        assertEquals(before.getInt("version") + 1, after.getInt("version"));
        // Rescored from the merged file: the stage moved from INQUIRY to SAMPLE_ORDER.
        assertEquals(before.getInt("potentialScore") - com.harborcrm.customer.PotentialScore.STAGE_INQUIRY
                + com.harborcrm.customer.PotentialScore.STAGE_SAMPLE_ORDER, after.getInt("potentialScore"));
        // The same file again changes nothing more.
        JsonPath again = Imports.run(admin, FILE, "duplicatePolicy", "UPDATE");
        assertEquals(0, again.getInt("created"));
        assertEquals(0, again.getInt("updated"));
        assertEquals(2, again.getInt("skipped"));
        assertEquals(after.getInt("version"), admin.as().get("/api/v1/customers/" + id).then().extract().jsonPath().getInt("version"));
    }

    @Test
    void createCreatesEvenDuplicates() {
        Session admin = Api.openStore("Create anyway");
        existing(admin);
        JsonPath job = done(admin, "duplicatePolicy", "CREATE");
        assertEquals(3, job.getInt("created"));
        assertEquals(0, job.getInt("rejected"));
        assertEquals(4, Imports.customers(admin).size());
    }

    @Test
    void dryRunReportsWhatUpdateWouldDo() {
        Session admin = Api.openStore("Dry update");
        long id = existing(admin);
        JsonPath job = done(admin, "duplicatePolicy", "UPDATE", "dryRun", "true");
        assertEquals(1, job.getInt("created"));
        assertEquals(1, job.getInt("updated"));
        assertEquals(1, Imports.customers(admin).size());
        assertEquals("Old City", admin.as().get("/api/v1/customers/" + id).then().extract().path("city"));
        assertNull(Imports.customers(admin).get("Brand New"));
    }
}
