package com.harborcrm.testing;

import java.util.Map;

import com.harborcrm.testing.Api.Session;

/** Product helpers for tests, acting through the public API. */
public final class Products {

    private Products() {
    }

    /** A product of the given SKU with a list price in USD. */
    public static long create(Session as, String sku, String price) {
        return as.as().body(Map.of("sku", sku, "name", "Product " + sku, "currency", "USD", "listPrice", price))
                .post("/api/v1/products").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    public static void receive(Session as, long productId, long quantity) {
        as.as().body(Map.of("kind", "RECEIVED", "quantity", quantity)).post("/api/v1/products/" + productId
                + "/stock-movements").then().statusCode(201);
    }
}
