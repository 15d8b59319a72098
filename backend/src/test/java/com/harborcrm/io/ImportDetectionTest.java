package com.harborcrm.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.harborcrm.testing.Api;
import com.harborcrm.testing.Api.Session;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Encodings, separators and headers as real spreadsheets write them. */
@QuarkusTest
class ImportDetectionTest {

    static final Charset GBK = Charset.forName("GBK");
    static final Charset CP1252 = Charset.forName("windows-1252");
    static final String CHINESE = "姓名,公司名称,邮箱,手机,国家,城市\r\n张伟,宁波五金制品有限公司,zhangwei@nbhardware.cn,13812345678,中国,宁波\r\n";

    private static JsonPath imported(Session admin, byte[] file, String... options) {
        JsonPath job = Imports.run(admin, file, options);
        assertEquals("DONE", job.getString("status"), job.prettify());
        return job;
    }

    @Test
    void gbkBytesFromExcelAreReadAsChinese() {
        Session admin = Api.openStore("GBK");
        byte[] file = CHINESE.getBytes(GBK);
        JsonPath job = imported(admin, file);
        assertEquals("GB18030", job.getString("detected.encoding"));
        assertEquals(List.of("name", "companyName", "email", "mobile", "country", "city"), job.getList("detected.columns.field"));
        Map<String, Object> zhang = Imports.customers(admin).get("张伟");
        assertEquals("宁波五金制品有限公司", zhang.get("companyName"));
        assertEquals("CN", zhang.get("country"));
        assertEquals("宁波", zhang.get("city"));
        assertEquals("13812345678", zhang.get("mobile"));
    }

    @Test
    void everyBomAndEncodingIsDetected() {
        Session admin = Api.openStore("Encodings");
        String csv = "Name,Company\nBOM8 Müller,Café GmbH\n";
        assertEquals("UTF-8 with BOM", imported(admin, Imports.bytes(csv, StandardCharsets.UTF_8,
                (byte) 0xEF, (byte) 0xBB, (byte) 0xBF)).getString("detected.encoding"));
        assertEquals("UTF-16LE with BOM", imported(admin, Imports.bytes(csv.replace("BOM8", "LE16"),
                StandardCharsets.UTF_16LE, (byte) 0xFF, (byte) 0xFE)).getString("detected.encoding"));
        assertEquals("UTF-16BE with BOM", imported(admin, Imports.bytes(csv.replace("BOM8", "BE16"),
                StandardCharsets.UTF_16BE, (byte) 0xFE, (byte) 0xFF)).getString("detected.encoding"));
        assertEquals("UTF-8", imported(admin, csv.replace("BOM8", "Plain8").getBytes(StandardCharsets.UTF_8))
                .getString("detected.encoding"));
        assertEquals("windows-1252", imported(admin, csv.replace("BOM8", "Win").getBytes(CP1252))
                .getString("detected.encoding"));
        var customers = Imports.customers(admin);
        for (String name : List.of("BOM8 Müller", "LE16 Müller", "BE16 Müller", "Plain8 Müller", "Win Müller")) {
            assertTrue(customers.containsKey(name), name + " in " + customers.keySet());
            assertEquals("Café GmbH", customers.get(name).get("companyName"));
        }
        // An explicit encoding wins over detection.
        imported(admin, "Name\nExplicit 张\n".getBytes(GBK), "encoding", "GBK");
        assertTrue(Imports.customers(admin).containsKey("Explicit 张"));
    }

    @Test
    void commaSemicolonAndTabAreDetected() {
        Session admin = Api.openStore("Separators");
        assertEquals(";", imported(admin, "Name;Company;City\nSemi One;Acme, Inc.;Lyon\n".getBytes())
                .getString("detected.delimiter"));
        assertEquals("TAB", imported(admin, "Name\tCompany\nTab One\tTabs Ltd\n".getBytes()).getString("detected.delimiter"));
        assertEquals(",", imported(admin, "Name,Company\nComma One,\"Quoted; Co\"\n".getBytes())
                .getString("detected.delimiter"));
        assertEquals("TAB", imported(admin, "Name\tCompany\nExplicit; tab, name\tX\n".getBytes(), "delimiter", "TAB")
                .getString("detected.delimiter"));
        var customers = Imports.customers(admin);
        assertEquals("Acme, Inc.", customers.get("Semi One").get("companyName"));
        assertEquals("Tabs Ltd", customers.get("Tab One").get("companyName"));
        assertEquals("Quoted; Co", customers.get("Comma One").get("companyName"));
        assertEquals("X", customers.get("Explicit; tab, name").get("companyName"));
    }

    @Test
    void englishAndChineseHeaderSynonymsMapMappingOverridesAndCustomFieldsByKey() {
        Session admin = Api.openStore("Headers");
        admin.as().body(Map.of("key", "incoterm", "label", "Incoterm", "type", "SELECT", "options", List.of("FOB", "CIF")))
                .post("/api/v1/custom-fields").then().statusCode(201);
        admin.as().body(Map.of("key", "moq", "label", "Minimum order", "type", "NUMBER"))
                .post("/api/v1/custom-fields").then().statusCode(201);
        String file = "Full Name,Email Address,电话,Country/Region,国家,incoterm,Minimum order,Shoe size,Mail 2,ID\n"
                + "Lee Chen,lee@chen.hk,852 2345 6789,HK,中国,FOB,\"1,200\",44,other@chen.hk,77\n";
        JsonPath job = imported(admin, file.getBytes(), "mapping", "{\"Mail 2\": \"ignore\", \"国家\": \"region\"}");
        assertEquals(java.util.Arrays.asList("name", "email", "phone", "country", "region", "cf.incoterm", "cf.moq", null,
                null, null),
                job.getList("detected.columns.field"));
        List<String> warnings = job.getList("warnings");
        assertTrue(warnings.stream().anyMatch(w -> w.contains("\"Shoe size\"") && w.contains("not imported")), warnings.toString());
        assertTrue(warnings.stream().anyMatch(w -> w.contains("Read-only") && w.contains("ID")), warnings.toString());
        Map<String, Object> lee = Imports.customers(admin).get("Lee Chen");
        assertEquals("lee@chen.hk", lee.get("email"));
        assertEquals("HK", lee.get("country"));
        assertEquals("中国", lee.get("region"));
        assertEquals(Map.of("incoterm", "FOB", "moq", 1200), lee.get("customFields"));
    }

    @Test
    void aFileWithoutANameColumnFailsAndSaysWhy() {
        Session admin = Api.openStore("No name");
        JsonPath job = Imports.run(admin, "Email,Phone\na@b.co,123456789\n");
        assertEquals("FAILED", job.getString("status"));
        assertTrue(job.getString("failure").contains("name"), job.getString("failure"));
        // Mapped explicitly, it works.
        assertEquals("DONE", Imports.run(admin, "Kontakt,Phone\nMapped Name,123456789\n", "mapping",
                "{\"Kontakt\": \"name\"}").getString("status"));
    }
}
