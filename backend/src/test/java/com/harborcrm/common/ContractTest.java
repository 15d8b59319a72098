package com.harborcrm.common;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.quarkus.test.junit.QuarkusTest;

/** The served contract and the published openapi.yaml are one document. */
@QuarkusTest
class ContractTest {

    static final Path PUBLISHED = Path.of("..", "openapi.yaml");

    @Test
    void servedContractEqualsThePublishedOpenapiYaml() throws Exception {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        String served = given().accept("application/yaml").get("/q/openapi").then().statusCode(200).extract().asString();
        JsonNode servedTree = yaml.readTree(served);
        JsonNode publishedTree = yaml.readTree(Files.readString(PUBLISHED));
        assertEquals(publishedTree, servedTree,
                "openapi.yaml differs from the contract the code serves: run `make openapi` and commit the result");
    }
}
