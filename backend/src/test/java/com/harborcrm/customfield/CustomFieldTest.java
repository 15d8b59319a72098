package com.harborcrm.customfield;

import static com.harborcrm.testing.Api.problem;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.harborcrm.testing.Api;
import com.harborcrm.testing.Api.Session;
import com.harborcrm.testing.Customers;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class CustomFieldTest {

    static long define(Session admin, Object... keyValues) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            body.put((String) keyValues[i], keyValues[i + 1]);
        }
        return admin.as().body(body).post("/api/v1/custom-fields").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    @Test
    void adminsDefineFieldsEveryoneReadsThem() {
        Session admin = Api.openStore("Custom fields");
        Session rep = Api.addUser(admin, "REP");
        define(admin, "key", "incoterm", "label", "Incoterm", "type", "SELECT", "options", List.of("FOB", "CIF", "EXW"));
        define(admin, "key", "founded", "label", "Founded", "type", "DATE");
        rep.as().get("/api/v1/custom-fields").then().statusCode(200)
                .body("items.key", contains("incoterm", "founded"))
                .body("items[0].options", contains("FOB", "CIF", "EXW"))
                .body("items[1].required", equalTo(false));
        problem(rep.as().body(Map.of("key", "x", "label", "X", "type", "TEXT")).post("/api/v1/custom-fields").then(),
                403, "forbidden");
        problem(admin.as().body(Map.of("key", "incoterm", "label", "Again", "type", "TEXT")).post("/api/v1/custom-fields")
                .then(), 409, "conflict");
        problem(admin.as().body(Map.of("key", "Bad-Key", "label", "", "type", "COLOR")).post("/api/v1/custom-fields")
                .then(), 400, "validation").body("errors.field", org.hamcrest.Matchers.hasItems("key", "label", "type"));
        problem(admin.as().body(Map.of("key", "Bad-Key", "label", "")).post("/api/v1/custom-fields")
                .then(), 400, "validation").body("errors.field", containsInAnyOrder("key", "label", "type"));
        problem(admin.as().body(Map.of("key", "size", "label", "Size", "type", "SELECT")).post("/api/v1/custom-fields")
                .then(), 400, "validation").body("errors[0].field", equalTo("options"));
        problem(admin.as().body(Map.of("key", "size", "label", "Size", "type", "TEXT", "options", List.of("a")))
                .post("/api/v1/custom-fields").then(), 400, "validation").body("errors[0].field", equalTo("options"));
        // Another store has its own keys.
        define(Api.openStore("Other"), "key", "incoterm", "label", "Incoterm", "type", "TEXT");
    }

    @Test
    void customerValuesAreValidatedAgainstTheDefinitions() {
        Session admin = Api.openStore("Custom values");
        define(admin, "key", "incoterm", "label", "Incoterm", "type", "SELECT", "options", List.of("FOB", "CIF"));
        define(admin, "key", "founded", "label", "Founded", "type", "DATE");
        define(admin, "key", "employees", "label", "Employees", "type", "NUMBER");
        define(admin, "key", "markets", "label", "Markets", "type", "MULTI_SELECT", "options", List.of("EU", "US", "JP"));
        define(admin, "key", "note", "label", "Note", "type", "TEXT");

        problem(admin.as().body(Customers.body("customFields", Map.of("incoterm", "DDP", "founded", "2020-13-01",
                        "employees", "many", "markets", List.of("EU", "EU"), "note", 5, "colour", "red")))
                .post("/api/v1/customers").then(), 400, "validation")
                .body("errors.field", contains("customFields.colour", "customFields.employees", "customFields.founded",
                        "customFields.incoterm", "customFields.markets", "customFields.note"));
        long id = admin.as().body(Customers.body("customFields", Map.of("incoterm", "FOB", "founded", "2001-05-20",
                        "employees", 120, "markets", List.of("EU", "JP"), "note", "Pays on time")))
                .post("/api/v1/customers").then().statusCode(201)
                .body("customFields.employees", equalTo(120))
                .body("customFields.markets", contains("EU", "JP"))
                .extract().jsonPath().getLong("id");

        // Merge patch inside customFields: null removes a key, others are kept.
        admin.as().body("{\"customFields\": {\"note\": null, \"incoterm\": \"CIF\"}}").patch("/api/v1/customers/" + id)
                .then().statusCode(200)
                .body("customFields", not(hasKey("note")))
                .body("customFields.incoterm", equalTo("CIF"))
                .body("customFields.founded", equalTo("2001-05-20"));
        problem(admin.as().body("{\"customFields\": {\"markets\": [\"CN\"]}}").patch("/api/v1/customers/" + id).then(),
                400, "validation").body("errors[0].field", equalTo("customFields.markets"));
    }

    @Test
    void requiredFieldsMustBeFilledAndDeletingAFieldRemovesItsValues() {
        Session admin = Api.openStore("Required");
        long id = Customers.createId(admin, "customFields", Map.of());
        long field = define(admin, "key", "vat", "label", "VAT number", "type", "TEXT", "required", true);
        problem(admin.as().body(Customers.body()).post("/api/v1/customers").then(), 400, "validation")
                .body("errors[0].field", equalTo("customFields.vat"))
                .body("errors[0].message", equalTo("is required"));
        problem(admin.as().body(Customers.body("customFields", Map.of("vat", " "))).post("/api/v1/customers").then(),
                400, "validation");
        long filled = Customers.createId(admin, "customFields", Map.of("vat", "DE123"));
        // An existing customer gets the value on its next update.
        problem(admin.as().body(Map.of("notes", "x")).patch("/api/v1/customers/" + id).then(), 400, "validation");
        admin.as().body(Map.of("customFields", Map.of("vat", "FR9"))).patch("/api/v1/customers/" + id).then().statusCode(200);

        admin.as().body(Map.of("required", false, "label", "VAT")).patch("/api/v1/custom-fields/" + field)
                .then().statusCode(200).body("required", equalTo(false)).body("key", equalTo("vat"));
        admin.as().delete("/api/v1/custom-fields/" + field).then().statusCode(204);
        admin.as().get("/api/v1/custom-fields").then().body("items", hasSize(0));
        admin.as().get("/api/v1/customers/" + filled).then().body("customFields", equalTo(Map.of()));
        problem(admin.as().delete("/api/v1/custom-fields/" + field).then(), 404, "not-found");
        problem(Api.openStore("Stranger").as().delete("/api/v1/custom-fields/" + field).then(), 404, "not-found");
    }
}
