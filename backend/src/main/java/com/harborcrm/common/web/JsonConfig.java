package com.harborcrm.common.web;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * A body naming a field twice is ambiguous: refuse it rather than keep whichever came last. Unknown enum values
 * of a request body are noted rather than fatal, so that the answer lists every bad field ({@link AllFieldErrors}).
 */
@Singleton
public class JsonConfig implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.addHandler(new AllFieldErrors.UnknownEnumValues());
    }
}
