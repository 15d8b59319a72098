package com.harborcrm.product;

import static com.harborcrm.testing.Api.problem;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.harborcrm.testing.Api;
import com.harborcrm.testing.Api.Session;
import com.harborcrm.testing.Products;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ProductTest {

    @Test
    void aCatalogueOfProductsWithUniqueSkusWrittenByManagersAndReadByEveryone() {
        Session admin = Api.openStore("Catalogue");
        Session manager = Api.addUser(admin, "MANAGER");
        Session rep = Api.addUser(admin, "REP");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sku", "LED-60");
        body.put("name", " LED panel 60x60 40W ");
        body.put("category", "Lighting");
        body.put("listPrice", "12.5");
        body.put("currency", "USD");
        body.put("moq", 100);
        body.put("attributes", Map.of("color", "white", "wattage", 40));
        long led = manager.as().body(body).post("/api/v1/products").then().statusCode(201)
                .header("Location", containsString("/api/v1/products/"))
                .body("name", equalTo("LED panel 60x60 40W"))
                .body("listPrice", equalTo("12.50"))
                .body("unit", equalTo("pcs"))
                .body("active", equalTo(true))
                .body("attributes.wattage", equalTo(40))
                .body("stock.onHand", equalTo(0)).body("stock.reserved", equalTo(0)).body("stock.available", equalTo(0))
                .extract().jsonPath().getLong("id");
        // SKUs are unique ignoring case.
        problem(admin.as().body(Map.of("sku", "led-60", "name", "Other", "currency", "USD")).post("/api/v1/products")
                .then(), 409, "sku-taken").body("errors[0].field", equalTo("sku")).body("errors[0].code", equalTo("TAKEN"));
        // Every invalid field at once, in words and codes, and nothing written.
        problem(admin.as().body(Map.of("sku", " ", "name", "", "currency", "usd", "moq", 0, "listPrice", "-1",
                "imageUrl", "ftp://files/x.png")).post("/api/v1/products").then(), 400, "validation")
                .body("errors.field", containsInAnyOrder("sku", "sku", "name", "currency", "moq", "listPrice", "imageUrl"));
        problem(admin.as().body(Map.of("sku", "OK-1", "name", "Fine", "currency", "XYZ")).post("/api/v1/products")
                .then(), 400, "validation")
                .body("errors.field", contains("currency")).body("errors[0].code", equalTo("FORMAT"));
        problem(rep.as().body(Map.of("sku", "REP-1", "name", "Mine", "currency", "USD")).post("/api/v1/products").then(),
                403, "forbidden");

        admin.as().body(Map.of("sku", "CABLE-2M", "name", "USB-C cable 2 m", "category", "lighting", "currency", "EUR",
                "listPrice", 3.2)).post("/api/v1/products").then().statusCode(201).body("listPrice", equalTo("3.20"));
        admin.as().body(Map.of("sku", "LAMP-OLD", "name", "Desk lamp", "currency", "JPY", "listPrice", "1200",
                "active", false)).post("/api/v1/products").then().statusCode(201).body("listPrice", equalTo("1200"));

        rep.as().get("/api/v1/products").then().statusCode(200)
                .body("items.sku", contains("LAMP-OLD", "LED-60", "CABLE-2M")).body("nextCursor", nullValue());
        rep.as().get("/api/v1/products?q=usb-c").then().body("items.sku", contains("CABLE-2M"));
        rep.as().get("/api/v1/products?q=led-").then().body("items.sku", contains("LED-60"));
        rep.as().get("/api/v1/products?q=50%25").then().body("items", empty());
        rep.as().get("/api/v1/products?category=LIGHTING").then().body("items.sku", contains("LED-60", "CABLE-2M"));
        rep.as().get("/api/v1/products?active=false").then().body("items.sku", contains("LAMP-OLD"));
        String cursor = rep.as().get("/api/v1/products?limit=2").then().body("items", hasSize(2))
                .body("nextCursor", notNullValue()).extract().path("nextCursor");
        rep.as().get("/api/v1/products?limit=2&cursor=" + cursor).then().body("items.sku", contains("CABLE-2M"))
                .body("nextCursor", nullValue());
        problem(rep.as().get("/api/v1/products?cursor=zzz").then(), 400, "validation");

        // A merge patch, checked by the create's rules; stale versions and read-only members are refused.
        String etag = rep.as().get("/api/v1/products/" + led).then().statusCode(200).extract().header("ETag");
        manager.as().header("If-Match", etag).body(Map.of("listPrice", "11.9", "description", "Flicker-free"))
                .patch("/api/v1/products/" + led).then().statusCode(200)
                .body("listPrice", equalTo("11.90")).body("description", equalTo("Flicker-free"))
                .body("sku", equalTo("LED-60"));
        problem(manager.as().header("If-Match", etag).body(Map.of("name", "Late")).patch("/api/v1/products/" + led)
                .then(), 412, "precondition-failed");
        problem(manager.as().body(Map.of("stock", Map.of("onHand", 5), "moq", -1, "colour", "red"))
                .patch("/api/v1/products/" + led).then(), 400, "validation")
                .body("errors.field", containsInAnyOrder("stock", "colour"))
                .body("errors.code", containsInAnyOrder("READ_ONLY", "UNKNOWN"));
        problem(manager.as().body(Map.of("moq", 0, "name", "")).patch("/api/v1/products/" + led).then(), 400,
                "validation").body("errors.field", containsInAnyOrder("moq", "name"));
        problem(manager.as().body(Map.of("sku", "Cable-2m")).patch("/api/v1/products/" + led).then(), 409, "sku-taken");
        manager.as().body("{\"description\": null, \"sku\": \"led-60\"}").patch("/api/v1/products/" + led).then()
                .statusCode(200).body("description", nullValue()).body("sku", equalTo("led-60"));

        // Another store sees none of it.
        Session stranger = Api.openStore("Catalogue elsewhere");
        problem(stranger.as().get("/api/v1/products/" + led).then(), 404, "not-found");
        problem(stranger.as().body(Map.of("name", "Mine")).patch("/api/v1/products/" + led).then(), 404, "not-found");
        problem(stranger.as().body(Map.of("kind", "RECEIVED", "quantity", 5))
                .post("/api/v1/products/" + led + "/stock-movements").then(), 404, "not-found");
        stranger.as().get("/api/v1/products").then().body("items", empty());
        stranger.as().body(Map.of("sku", "LED-60", "name", "Their own", "currency", "USD")).post("/api/v1/products")
                .then().statusCode(201);

        long unused = Products.create(admin, "UNUSED", "1");
        admin.as().delete("/api/v1/products/" + unused).then().statusCode(204);
        problem(admin.as().get("/api/v1/products/" + unused).then(), 404, "not-found");
    }

    @Test
    void stockChangesOnlyThroughMovementsThatExplainEveryNumber() {
        Session admin = Api.openStore("Stock");
        Session rep = Api.addUser(admin, "REP");
        long id = Products.create(admin, "BOLT-M8", "0.05");
        String movements = "/api/v1/products/" + id + "/stock-movements";
        admin.as().body(Map.of("kind", "RECEIVED", "quantity", 100, "note", "Container MSCU 1234567")).post(movements)
                .then().statusCode(201)
                .body("movement.kind", equalTo("RECEIVED")).body("movement.quantity", equalTo(100))
                .body("movement.onHandAfter", equalTo(100)).body("movement.actorId", equalTo((int) admin.userId()))
                .body("movement.actorName", equalTo("Admin of Stock"))
                .body("product.stock.onHand", equalTo(100)).body("product.stock.available", equalTo(100));
        admin.as().body(Map.of("kind", "ADJUSTED", "quantity", -30, "note", "Count")).post(movements).then()
                .statusCode(201).body("product.stock.onHand", equalTo(70));
        // Never below zero; the answer says what is there; nothing changes.
        problem(admin.as().body(Map.of("kind", "ADJUSTED", "quantity", -71)).post(movements).then(), 409,
                "insufficient-stock")
                .body("shortages[0].sku", equalTo("BOLT-M8")).body("shortages[0].requested", equalTo(71))
                .body("shortages[0].available", equalTo(70));
        // Reservations come from orders, receipts are positive, nothing is 0.
        problem(admin.as().body(Map.of("kind", "RESERVED", "quantity", 5)).post(movements).then(), 400, "validation")
                .body("errors[0].field", equalTo("kind")).body("errors[0].code", equalTo("ONE_OF"));
        problem(admin.as().body(Map.of("kind", "RECEIVED", "quantity", -5)).post(movements).then(), 400, "validation")
                .body("errors[0].field", equalTo("quantity"));
        problem(admin.as().body(Map.of("kind", "ADJUSTED", "quantity", 0)).post(movements).then(), 400, "validation");
        problem(admin.as().body(Map.of("kind", "LOST", "quantity", 1)).post(movements).then(), 400, "validation")
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("kind"));
        problem(rep.as().body(Map.of("kind", "RECEIVED", "quantity", 5)).post(movements).then(), 403, "forbidden");

        rep.as().get(movements).then().statusCode(200)
                .body("items.kind", contains("ADJUSTED", "RECEIVED"))
                .body("items.quantity", contains(-30, 100))
                .body("items.onHandAfter", contains(70, 100))
                .body("items[1].note", equalTo("Container MSCU 1234567"))
                .body("items.actorName", contains("Admin of Stock", "Admin of Stock"));
        String next = rep.as().get(movements + "?limit=1").then().body("items.kind", contains("ADJUSTED"))
                .extract().path("nextCursor");
        rep.as().get(movements + "?limit=1&cursor=" + next).then().body("items.kind", contains("RECEIVED"))
                .body("nextCursor", nullValue());
        rep.as().get("/api/v1/products/" + id).then().body("stock.onHand", equalTo(70));
    }
}
