package com.harborcrm.testing;

import java.util.LinkedHashMap;
import java.util.Map;

import com.harborcrm.testing.Api.Session;

import io.restassured.path.json.JsonPath;

/** Customer helpers for tests, acting through the public API. */
public final class Customers {

    private Customers() {
    }

    /** A body with a unique name and no contact details, so that it never collides as a duplicate. */
    public static Map<String, Object> body(Object... keyValues) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "Buyer " + java.util.UUID.randomUUID().toString().substring(0, 6));
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            body.put((String) keyValues[i], keyValues[i + 1]);
        }
        return body;
    }

    public static JsonPath create(Session as, Object... keyValues) {
        return as.as().body(body(keyValues)).post("/api/v1/customers?allowDuplicate=true")
                .then().statusCode(201).extract().jsonPath();
    }

    public static long createId(Session as, Object... keyValues) {
        return create(as, keyValues).getLong("id");
    }
}
