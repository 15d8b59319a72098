package com.harborcrm.common.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;

/**
 * The contract as client generators read it (openapi-generator for Java and TypeScript must run on it without an
 * error or a warning of substance; ContractGeneratorTest and a Spectral rule keep it so). Applied last, after
 * {@link ContractNulls}:
 * <ul>
 * <li>dates and instants are written in place ({@code type: string, format: date-time}) instead of as schemas
 * named after Java types ({@code Instant}, {@code LocalDate}), which generators rename or refuse;</li>
 * <li>a {@code $ref} keeps no sibling but its description: a type or properties beside it are ignored by the
 * reference anyway, and generators complain;</li>
 * <li>{@code minimum}/{@code maximum} leave decimal strings, whose pattern already bounds them;</li>
 * <li>the customer's creation body is a named schema ({@code CreateCustomerRequest}), and its merge patch is
 * typed ({@code CustomerPatch}: the customer's fields, none required, each nullable);</li>
 * <li>a {@code servers} entry says where a client points by default.</li>
 * </ul>
 */
final class ContractTidy {

    private static final String SCHEMAS = "#/components/schemas/";
    private static final Map<String, String> TIME_FORMATS = Map.of("Instant", "date-time", "LocalDate", "date");

    private ContractTidy() {
    }

    static void apply(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null || openAPI.getPaths() == null) {
            return;
        }
        openAPI.servers(List.of(OASFactory.createServer().url("/").addExtension("x-internal", false)
                .description("The Harbor instance that serves this contract (at /q/openapi), in production or "
                        + "local: a generated client is given its address, e.g. https://crm.example.com")));
        nameTheCustomerBodies(openAPI);
        Map<String, Integer> timeLengths = new LinkedHashMap<>();
        TIME_FORMATS.keySet().forEach(name -> {
            Schema time = openAPI.getComponents().getSchemas().get(name);
            timeLengths.put(name, time == null || time.getMaxLength() == null ? 64 : time.getMaxLength());
        });
        forEachSchema(openAPI, schema -> tidy(schema, timeLengths));
        TIME_FORMATS.keySet().forEach(openAPI.getComponents()::removeSchema);
    }

    private static void tidy(Schema schema, Map<String, Integer> timeLengths) {
        if (schema.getRef() != null) {
            String format = timeFormat(schema.getRef());
            if (format != null) {
                schema.setMaxLength(timeLengths.get(schema.getRef().substring(SCHEMAS.length())));
                schema.setRef(null);
                schema.setType(List.of(SchemaType.STRING));
                schema.setFormat(format);
            } else {
                schema.setType(null);
                schema.setProperties(null);
                schema.setExamples(null);
                schema.setRequired(null);
            }
        }
        if (schema.getAnyOf() != null && schema.getAnyOf().size() == 2) {
            Schema time = schema.getAnyOf().stream().filter(s -> timeFormat(s.getRef()) != null).findFirst().orElse(null);
            boolean orNull = schema.getAnyOf().stream().anyMatch(s -> s.getType() != null && s.getType().equals(List.of(SchemaType.NULL)));
            if (time != null && orNull) {
                String format = timeFormat(time.getRef());
                schema.setMaxLength(timeLengths.get(time.getRef().substring(SCHEMAS.length())));
                schema.setAnyOf(null);
                schema.setType(List.of(SchemaType.STRING, SchemaType.NULL));
                schema.setFormat(format);
            }
        }
        if (schema.getType() != null && schema.getType().contains(SchemaType.STRING)) {
            schema.setMinimum(null);
            schema.setMaximum(null);
        }
        // A deepObject parameter's values (cf[key]=value) are query text, as long as a request line at most.
        Schema values = schema.getAdditionalPropertiesSchema();
        if (values != null && values.getType() != null && values.getType().contains(SchemaType.STRING)
                && values.getMaxLength() == null) {
            values.setMaxLength(ContractLimits.REQUEST_LINE_LIMIT);
        }
    }

    private static String timeFormat(String ref) {
        return ref == null || !ref.startsWith(SCHEMAS) ? null : TIME_FORMATS.get(ref.substring(SCHEMAS.length()));
    }

    /** POST /customers' inline allOf gets a name; PATCH /customers/{id} gets a typed merge patch. */
    private static void nameTheCustomerBodies(OpenAPI openAPI) {
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        Schema fields = schemas.get("CustomerFields");
        var create = openAPI.getPaths().getPathItem("/api/v1/customers");
        var patch = openAPI.getPaths().getPathItem("/api/v1/customers/{id}");
        if (fields == null || create == null || create.getPOST() == null || patch == null || patch.getPATCH() == null) {
            return;
        }
        Content createContent = create.getPOST().getRequestBody().getContent();
        createContent.getMediaTypes().forEach((type, media) -> {
            if (media.getSchema() != null && media.getSchema().getAllOf() != null) {
                openAPI.getComponents().addSchema("CreateCustomerRequest", OASFactory.createSchema()
                        .description("A new customer: its fields, and where it goes (an owner or the pool)")
                        .allOf(media.getSchema().getAllOf()));
                media.setSchema(OASFactory.createSchema().ref("CreateCustomerRequest"));
            }
        });
        Schema customerPatch = OASFactory.createSchema().addType(SchemaType.OBJECT)
                .description("A JSON merge patch (RFC 7396) of a customer: members present change, null clears a "
                        + "member, absent ones stay. No member is required.");
        Map<String, Schema> members = new LinkedHashMap<>();
        fields.getProperties().forEach((name, property) -> members.put(name, nullable(property)));
        customerPatch.setProperties(members);
        openAPI.getComponents().addSchema("CustomerPatch", customerPatch);
        Operation operation = patch.getPATCH();
        operation.getRequestBody().getContent().getMediaTypes().values()
                .forEach(media -> media.setSchema(OASFactory.createSchema().ref("CustomerPatch")));
    }

    /** A copy of a member that also admits null. */
    private static Schema nullable(Schema property) {
        if (property.getRef() != null) {
            return OASFactory.createSchema().description(property.getDescription())
                    .addAnyOf(OASFactory.createSchema().ref(property.getRef()))
                    .addAnyOf(OASFactory.createSchema().addType(SchemaType.NULL));
        }
        Schema copy = OASFactory.createSchema();
        copy.setAll(property.getAll());
        if (copy.getType() != null && !copy.getType().contains(SchemaType.NULL) && copy.getAnyOf() == null) {
            List<SchemaType> types = new ArrayList<>(copy.getType());
            types.add(SchemaType.NULL);
            copy.setType(types);
        }
        return copy;
    }

    /** Every schema of the contract, nested ones included, each once. */
    private static void forEachSchema(OpenAPI openAPI, Consumer<Schema> action) {
        Set<Schema> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        Consumer<Schema> visit = new Consumer<>() {
            @Override
            public void accept(Schema schema) {
                if (schema == null || !seen.add(schema)) {
                    return;
                }
                action.accept(schema);
                if (schema.getProperties() != null) {
                    schema.getProperties().values().forEach(this);
                }
                accept(schema.getItems());
                accept(schema.getAdditionalPropertiesSchema());
                accept(schema.getNot());
                for (List<Schema> list : java.util.Arrays.asList(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf())) {
                    if (list != null) {
                        list.forEach(this);
                    }
                }
            }
        };
        openAPI.getComponents().getSchemas().values().forEach(visit);
        if (openAPI.getComponents().getParameters() != null) {
            openAPI.getComponents().getParameters().values().forEach(p -> visit.accept(p.getSchema()));
        }
        openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(operation -> {
            if (operation.getParameters() != null) {
                operation.getParameters().forEach(p -> visit.accept(p.getSchema()));
            }
            if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
                operation.getRequestBody().getContent().getMediaTypes().values().forEach(m -> visit.accept(m.getSchema()));
            }
            if (operation.getResponses() != null) {
                operation.getResponses().getAPIResponses().values().forEach(response -> {
                    if (response.getContent() != null) {
                        response.getContent().getMediaTypes().values().forEach(m -> visit.accept(m.getSchema()));
                    }
                    if (response.getHeaders() != null) {
                        response.getHeaders().values().forEach(h -> visit.accept(h.getSchema()));
                    }
                });
            }
        }));
    }
}
