package com.harborcrm.io;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.harborcrm.testing.Api.Session;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** Import helpers for tests, through the public API. */
public final class Imports {

    private Imports() {
    }

    public static Response upload(Session as, byte[] file, String... options) {
        var request = RestAssured.given().auth().oauth2(as.token())
                .multiPart("file", "customers.csv", file, "text/csv");
        for (int i = 0; i + 1 < options.length; i += 2) {
            // Browsers send text parts in UTF-8.
            request.multiPart(new io.restassured.builder.MultiPartSpecBuilder(options[i + 1]).controlName(options[i])
                    .charset(StandardCharsets.UTF_8).build());
        }
        return request.post("/api/v1/imports");
    }

    /** Uploads and waits for the job to end; returns the finished job. */
    public static JsonPath run(Session as, byte[] file, String... options) {
        Response accepted = upload(as, file, options);
        accepted.then().statusCode(202);
        return await(as, accepted.jsonPath().getLong("id"));
    }

    public static JsonPath run(Session as, String csv, String... options) {
        return run(as, csv.getBytes(StandardCharsets.UTF_8), options);
    }

    public static JsonPath await(Session as, long id) {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            JsonPath job = as.as().get("/api/v1/imports/" + id).then().statusCode(200).extract().jsonPath();
            String status = job.getString("status");
            // A DONE job is awaited until search has caught up with it too (seconds after DONE, see ImportSearch):
            // the tests that follow an import search the new customers by q as a user would.
            if (status.equals("FAILED") || status.equals("DONE") && job.getString("searchReadyAt") != null) {
                return job;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        fail("Import " + id + " did not finish");
        return null;
    }

    static byte[] bytes(String text, Charset charset, byte... bom) {
        byte[] body = text.getBytes(charset);
        byte[] all = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, all, 0, bom.length);
        System.arraycopy(body, 0, all, bom.length, body.length);
        return all;
    }

    /** The store's customers by name (managers see all). */
    static Map<String, Map<String, Object>> customers(Session as) {
        List<Map<String, Object>> items = as.as().get("/api/v1/customers?limit=200").then().statusCode(200)
                .extract().jsonPath().getList("items");
        Map<String, Map<String, Object>> byName = new java.util.LinkedHashMap<>();
        items.forEach(c -> byName.put((String) c.get("name"), c));
        return byName;
    }

    static List<List<String>> csv(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        try (CsvReader<CsvRecord> reader = CsvReader.builder().allowMissingFields(true).allowExtraFields(true)
                .ofCsvRecord(text)) {
            return reader.stream().map(CsvRecord::getFields).toList();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
