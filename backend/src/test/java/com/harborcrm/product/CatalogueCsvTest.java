package com.harborcrm.product;

import static com.harborcrm.testing.Api.problem;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.harborcrm.testing.Api;
import com.harborcrm.testing.Api.Session;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
class CatalogueCsvTest {

    private static ValidatableResponse upload(Session as, byte[] file, boolean dryRun) {
        return RestAssured.given().auth().oauth2(as.token()).multiPart("file", "products.csv", file, "text/csv")
                .multiPart("dryRun", Boolean.toString(dryRun)).post("/api/v1/products/import").then().log().ifValidationFails();
    }

    private static ValidatableResponse upload(Session as, String file) {
        return upload(as, file.getBytes(StandardCharsets.UTF_8), false);
    }

    @Test
    void aCatalogueFileCreatesAndUpdatesBySkuReportsBadRowsAndRoundTripsUnchanged() {
        Session admin = Api.openStore("Catalogue file");
        Session rep = Api.addUser(admin, "REP");
        long lamp = admin.as().body(Map.of("sku", "LAMP-1", "name", "Desk lamp", "currency", "USD", "listPrice", "9",
                "description", "Warm white", "attributes", Map.of("color", "black", "watts", 40))).post("/api/v1/products").then()
                .statusCode(201).extract().jsonPath().getLong("id");

        // A dry run writes nothing.
        String file = """
                SKU,Name,Category,List price,Currency,MOQ,Active,attr:voltage
                lamp-1,Desk lamp LED,Lighting,8.5,usd,10,yes,220
                CABLE-2,USB-C cable,Cables,"1,200.00",EUR,,true,
                BAD-1,,Misc,-3,XX,0,maybe,
                CABLE-2,Again,Cables,1,EUR,,,
                =HYPERLINK("x"),Formula,Misc,1,USD,,,
                """;
        upload(admin, file.getBytes(StandardCharsets.UTF_8), true).statusCode(200)
                .body("dryRun", equalTo(true)).body("created", equalTo(2)).body("updated", equalTo(1));
        rep.as().get("/api/v1/products").then().body("items.sku", contains("LAMP-1"));

        upload(admin, file).statusCode(200)
                .body("rows", equalTo(5)).body("created", equalTo(2)).body("updated", equalTo(1))
                .body("rejected", equalTo(2))
                .body("rejectedRows.line", contains(4, 5))
                .body("rejectedRows[0].sku", equalTo("BAD-1"))
                .body("rejectedRows[0].errors.field", containsInAnyOrder("active", "name", "listPrice", "currency",
                        "moq"))
                .body("rejectedRows[1].errors[0].code", equalTo("TAKEN"))
                .body("ignoredColumns", empty());
        // The match kept what the file has no column for (the description) and merged the attribute.
        admin.as().get("/api/v1/products/" + lamp).then()
                .body("name", equalTo("Desk lamp LED")).body("listPrice", equalTo("8.50")).body("moq", equalTo(10))
                .body("description", equalTo("Warm white")).body("sku", equalTo("LAMP-1"))
                .body("attributes.color", equalTo("black")).body("attributes.voltage", equalTo("220"));
        rep.as().get("/api/v1/products?q=cable").then().body("items[0].listPrice", equalTo("1200.00"))
                .body("items[0].currency", equalTo("EUR")).body("items[0].moq", nullValue());

        // The export guards formulas, carries stock, and importing it back changes nothing.
        String exported = rep.as().get("/api/v1/products/export.csv").then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/csv")).extract().asString();
        assertTrue(exported.startsWith("\uFEFFsku,name,description,category,unit,listPrice,currency,moq,active,"
                + "imageUrl,onHand,reserved,available,attr:color,attr:voltage,attr:watts"), exported);
        assertTrue(exported.contains("'=HYPERLINK"), exported);
        upload(admin, exported).statusCode(200).body("created", equalTo(0)).body("updated", equalTo(0))
                .body("unchanged", equalTo(3)).body("rejected", equalTo(0));
        String again = rep.as().get("/api/v1/products/export.csv?bom=false").then().extract().asString();
        assertEquals(exported.substring(1), again);
    }

    @Test
    void chineseHeadersInGb18030AndBadFilesAnswerInWords() {
        Session admin = Api.openStore("Catalogue 中文");
        Session rep = Api.addUser(admin, "REP");
        byte[] gbk = "货号;名称;单价;币种;库存\nHG-304;不锈钢合页;2.35;CNY;999\n".getBytes(Charset.forName("GB18030"));
        upload(admin, gbk, false).statusCode(200).body("created", equalTo(1));
        // Stock is never imported: it changes through movements.
        rep.as().get("/api/v1/products").then().body("items[0].name", equalTo("不锈钢合页"))
                .body("items[0].listPrice", equalTo("2.35")).body("items[0].stock.onHand", equalTo(0));

        problem(upload(admin, "name,price\nLamp,1\n"), 400, "validation").body("errors[0].field", equalTo("file"))
                .body("errors[0].code", equalTo("REQUIRED"));
        problem(upload(admin, new byte[] {0x50, 0x4B, 0x03, 0x04, 0, 0, 0, 0, 1, 2, 3}, false), 400, "validation")
                .body("errors[0].field", equalTo("file"));
        problem(RestAssured.given().auth().oauth2(admin.token()).multiPart("dryRun", "true")
                .post("/api/v1/products/import").then(), 400, "validation");
        problem(upload(rep, "sku,name,currency\nX,Y,USD\n"), 403, "forbidden");
        problem(rep.as().get("/api/v1/products/export.csv?bom=maybe").then(), 400, "validation");
    }
}
