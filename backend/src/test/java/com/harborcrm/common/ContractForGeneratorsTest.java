package com.harborcrm.common;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

/**
 * What client generators (openapi-generator for Java and TypeScript, openapi-typescript) need of the contract, so
 * that they run on it without errors or warnings: `make client-test` runs openapi-generator itself, this test
 * names the rule that broke. See common/web/ContractTidy.
 */
@QuarkusTest
class ContractForGeneratorsTest {

    private static final Set<String> LANGUAGE_TYPE_NAMES = Set.of("Instant", "LocalDate", "LocalDateTime",
            "OffsetDateTime", "Object", "String", "Integer", "Long", "Map", "List", "BigDecimal", "JsonNode", "ObjectNode");

    private JsonNode contract;

    @BeforeEach
    void readTheServedContract() throws Exception {
        contract = new ObjectMapper().readTree(given().accept("application/json").get("/q/openapi?format=json")
                .then().statusCode(200).extract().asString());
    }

    @Test
    void aReferenceHasNoSiblingsButItsDescription() {
        List<String> offenders = new ArrayList<>();
        walk(contract, "", (node, path) -> {
            if (node.has("$ref")) {
                node.fieldNames().forEachRemaining(name -> {
                    if (!name.equals("$ref") && !name.equals("description")) {
                        offenders.add(path + "/" + name);
                    }
                });
            }
        });
        assertEquals(List.of(), offenders);
    }

    @Test
    void aNullableEnumListsNull() {
        // Else a validator (Prism in the e2e run) refuses the null the type allows.
        List<String> offenders = new ArrayList<>();
        walk(contract, "", (node, path) -> {
            if (node.has("enum") && node.path("type").toString().contains("\"null\"")) {
                boolean listed = false;
                for (JsonNode value : node.get("enum")) {
                    listed |= value.isNull();
                }
                if (!listed) {
                    offenders.add(path);
                }
            }
        });
        assertEquals(List.of(), offenders);
    }

    @Test
    void noSchemaIsNamedAfterALanguageType() {
        List<String> names = new ArrayList<>();
        contract.get("components").get("schemas").fieldNames().forEachRemaining(names::add);
        assertEquals(List.of(), names.stream().filter(LANGUAGE_TYPE_NAMES::contains).toList());
    }

    @Test
    void everyParameterIsExpressibleAndEveryPageSizeAnInteger() {
        List<String> offenders = new ArrayList<>();
        forEachOperation((method, path, operation) -> {
            for (JsonNode parameter : operation.path("parameters")) {
                String name = parameter.get("name").asText();
                if (!name.matches("[A-Za-z][A-Za-z0-9_-]*")) {
                    offenders.add(method + " " + path + " parameter " + name);
                }
                if (name.equals("limit") && !"integer".equals(parameter.path("schema").path("type").asText())) {
                    offenders.add(method + " " + path + " limit is " + parameter.path("schema").path("type"));
                }
                if (parameter.path("schema").has("enum")) {
                    for (JsonNode value : parameter.path("schema").get("enum")) {
                        if (!value.asText().equals(value.asText().toUpperCase(java.util.Locale.ROOT))) {
                            offenders.add(method + " " + path + " " + name + " enum " + value);
                        }
                    }
                }
            }
        });
        assertEquals(List.of(), offenders);
    }

    @Test
    void everyRequestBodyIsANamedOrSimpleSchema() {
        List<String> offenders = new ArrayList<>();
        forEachOperation((method, path, operation) -> operation.path("requestBody").path("content").fields()
                .forEachRemaining(media -> {
                    JsonNode schema = media.getValue().path("schema");
                    if (schema.has("allOf") || schema.has("oneOf") || schema.has("anyOf")
                            || (schema.path("type").asText().equals("object") && !schema.has("properties"))) {
                        offenders.add(method + " " + path + " " + media.getKey());
                    }
                }));
        assertEquals(List.of(), offenders);
    }

    @Test
    void theCustomerPatchIsTypedAndRequiresNothing() {
        JsonNode patch = contract.get("paths").get("/api/v1/customers/{id}").get("patch").get("requestBody").get("content");
        assertEquals("#/components/schemas/CustomerPatch", patch.get("application/merge-patch+json").get("schema").get("$ref").asText());
        JsonNode schema = contract.get("components").get("schemas").get("CustomerPatch");
        assertFalse(schema.has("required"));
        JsonNode fields = contract.get("components").get("schemas").get("CustomerFields").get("properties");
        List<String> missing = new ArrayList<>();
        fields.fieldNames().forEachRemaining(name -> {
            if (!schema.get("properties").has(name)) {
                missing.add(name);
            }
        });
        assertEquals(List.of(), missing);
        assertTrue(schema.get("properties").get("name").get("type").toString().contains("null"));
    }

    @Test
    void aServerIsDeclared() {
        assertTrue(contract.path("servers").size() > 0);
    }

    interface OperationVisitor {
        void visit(String method, String path, JsonNode operation);
    }

    private void forEachOperation(OperationVisitor visitor) {
        Iterator<Map.Entry<String, JsonNode>> paths = contract.get("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            path.getValue().fields().forEachRemaining(operation -> {
                if (Set.of("get", "put", "post", "patch", "delete").contains(operation.getKey())) {
                    visitor.visit(operation.getKey().toUpperCase(), path.getKey(), operation.getValue());
                }
            });
        }
    }

    interface NodeVisitor {
        void visit(JsonNode node, String path);
    }

    private static void walk(JsonNode node, String path, NodeVisitor visitor) {
        if (node.isObject()) {
            visitor.visit(node, path);
            node.fields().forEachRemaining(member -> walk(member.getValue(), path + "/" + member.getKey(), visitor));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), path + "/" + i, visitor);
            }
        }
    }
}
