package com.harborcrm.common.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;

/**
 * Writes into the contract the limits the server enforces without an annotation saying so, so that clients and
 * contract checkers (Spectral's OWASP rules) see them: the range of the Java type behind every integer (Jackson
 * refuses a number that does not fit), the HTTP layer's request-line limit for query parameters, and a schema
 * for headers and parameters declared without one (HTTP carries them as strings).
 */
final class ContractLimits {

    /** {@code quarkus.http.limits.max-initial-line-length}: no query parameter can be longer than the request line. */
    static final int REQUEST_LINE_LIMIT = 4096;
    /** A repeated query parameter takes at least two characters per value ({@code a,}). */
    static final int QUERY_MAX_ITEMS = REQUEST_LINE_LIMIT / 2;
    /** The longest ISO-8601 date-time the server reads, with nanoseconds and an offset, has 35 characters. */
    static final int DATE_TIME_MAX_LENGTH = 64;
    /** {@code quarkus.http.limits.max-header-size}: the request's headers together. */
    static final int HEADER_LIMIT = 20 * 1024;

    private static final Set<String> DATE_FORMATS = Set.of("date-time", "date", "time", "duration");

    private ContractLimits() {
    }

    static void apply(OpenAPI openAPI) {
        Map<Schema, Boolean> seen = new IdentityHashMap<>();
        if (openAPI.getComponents() != null && openAPI.getComponents().getSchemas() != null) {
            openAPI.getComponents().getSchemas().values().forEach(schema -> bound(schema, seen));
        }
        if (openAPI.getPaths() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().values().forEach(item -> {
            List<Parameter> parameters = new ArrayList<>();
            if (item.getParameters() != null) {
                parameters.addAll(item.getParameters());
            }
            for (Operation operation : item.getOperations().values()) {
                if (operation.getParameters() != null) {
                    parameters.addAll(operation.getParameters());
                }
                if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
                    operation.getRequestBody().getContent().getMediaTypes().values()
                            .forEach(media -> bound(media.getSchema(), seen));
                }
                if (operation.getResponses() != null) {
                    operation.getResponses().getAPIResponses().values().forEach(response -> {
                        if (response.getHeaders() != null) {
                            response.getHeaders().values().forEach(header -> typeHeader(header, seen));
                        }
                        if (response.getContent() != null) {
                            response.getContent().getMediaTypes().values()
                                    .forEach(media -> bound(media.getSchema(), seen));
                        }
                    });
                }
            }
            parameters.forEach(parameter -> boundParameter(parameter, seen));
        });
    }

    private static void typeHeader(Header header, Map<Schema, Boolean> seen) {
        if (header.getRef() == null && header.getSchema() == null && header.getContent() == null) {
            header.setSchema(OASFactory.createSchema().addType(SchemaType.STRING).maxLength(HEADER_LIMIT));
        }
        bound(header.getSchema(), seen);
    }

    private static void boundParameter(Parameter parameter, Map<Schema, Boolean> seen) {
        if (parameter.getRef() != null || parameter.getContent() != null) {
            return;
        }
        if (parameter.getSchema() == null) {
            parameter.setSchema(OASFactory.createSchema().addType(SchemaType.STRING));
        }
        Schema schema = parameter.getSchema();
        boolean inQuery = parameter.getIn() == Parameter.In.QUERY || parameter.getIn() == Parameter.In.PATH;
        int lineLimit = inQuery ? REQUEST_LINE_LIMIT : HEADER_LIMIT;
        if (is(schema, SchemaType.STRING) && unlimitedString(schema)) {
            schema.setMaxLength(lineLimit);
        }
        if (is(schema, SchemaType.ARRAY) && schema.getMaxItems() == null) {
            schema.setMaxItems(inQuery ? QUERY_MAX_ITEMS : HEADER_LIMIT / 2);
            if (schema.getItems() != null && is(schema.getItems(), SchemaType.STRING) && unlimitedString(schema.getItems())) {
                schema.getItems().setMaxLength(lineLimit);
            }
        }
        bound(schema, seen);
    }

    /** Gives integers their format and the range of that format, date strings a length; recurses. */
    private static void bound(Schema schema, Map<Schema, Boolean> seen) {
        if (schema == null || seen.put(schema, Boolean.TRUE) != null) {
            return;
        }
        if (is(schema, SchemaType.INTEGER)) {
            if (schema.getFormat() == null) {
                schema.setFormat("int64");
            }
            boolean int32 = "int32".equals(schema.getFormat());
            if (schema.getMinimum() == null && schema.getExclusiveMinimum() == null) {
                schema.setMinimum(BigDecimal.valueOf(int32 ? Integer.MIN_VALUE : Long.MIN_VALUE));
            }
            if (schema.getMaximum() == null && schema.getExclusiveMaximum() == null) {
                schema.setMaximum(BigDecimal.valueOf(int32 ? Integer.MAX_VALUE : Long.MAX_VALUE));
            }
        }
        if (is(schema, SchemaType.STRING) && schema.getFormat() != null && DATE_FORMATS.contains(schema.getFormat())
                && unlimitedString(schema)) {
            schema.setMaxLength(DATE_TIME_MAX_LENGTH);
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(property -> bound(property, seen));
        }
        bound(schema.getItems(), seen);
        bound(schema.getAdditionalPropertiesSchema(), seen);
        for (List<Schema> group : java.util.Arrays.asList(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf())) {
            if (group != null) {
                group.forEach(member -> bound(member, seen));
            }
        }
    }

    private static boolean unlimitedString(Schema schema) {
        return schema.getMaxLength() == null && schema.getEnumeration() == null && schema.getConstValue() == null;
    }

    private static boolean is(Schema schema, SchemaType type) {
        return schema.getType() != null && schema.getType().contains(type);
    }
}
