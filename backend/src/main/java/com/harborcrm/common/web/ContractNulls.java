package com.harborcrm.common.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

/** Where the contract allows null: applied by {@link ProblemResponsesFilter}, next to {@link ContractLimits}. */
final class ContractNulls {

    private ContractNulls() {
    }

    /**
     * Says in the contract what Jackson does: a member that is not required may be null as well as absent (the
     * server writes null for a value it does not have, and merge-patch bodies send null to clear a field). A
     * nullable member whose type is another schema comes out as {@code type: object, anyOf: [$ref, null]}; the
     * outer {@code type} would refuse null before {@code anyOf} is asked, so it goes: the reference says the type.
     */
    static void apply(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        for (Schema schema : openAPI.getComponents().getSchemas().values()) {
            if (schema.getProperties() == null) {
                continue;
            }
            List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
            for (Map.Entry<String, Schema> member : new ArrayList<>(schema.getProperties().entrySet())) {
                Schema property = member.getValue();
                if (isNullableReference(property)) {
                    property.setType(null);
                } else if (!required.contains(member.getKey())) {
                    schema.addProperty(member.getKey(), orNull(property));
                }
            }
        }
    }

    private static Schema orNull(Schema property) {
        if (property.getRef() != null) {
            return OASFactory.createSchema().description(property.getDescription())
                    .addAnyOf(OASFactory.createSchema().ref(property.getRef())).addAnyOf(nullSchema());
        }
        if (property.getAnyOf() != null) {
            if (property.getAnyOf().stream().noneMatch(ContractNulls::isNull)) {
                property.addAnyOf(nullSchema());
            }
            return property;
        }
        if (property.getType() != null && !property.getType().contains(Schema.SchemaType.NULL)) {
            property.addType(Schema.SchemaType.NULL);
        }
        // A null the type admits must also be one of the values, or validators refuse it.
        if (property.getType() != null && property.getEnumeration() != null && !property.getEnumeration().contains(null)) {
            List<Object> values = new ArrayList<>(property.getEnumeration());
            values.add(null);
            property.setEnumeration(values);
        }
        return property;
    }

    private static Schema nullSchema() {
        return OASFactory.createSchema().addType(Schema.SchemaType.NULL);
    }

    private static boolean isNull(Schema option) {
        return option.getType() != null && option.getType().equals(List.of(Schema.SchemaType.NULL));
    }

    private static boolean isNullableReference(Schema member) {
        List<Schema> anyOf = member.getAnyOf();
        return member.getType() != null && !member.getType().contains(Schema.SchemaType.NULL) && anyOf != null
                && anyOf.stream().anyMatch(option -> option.getRef() != null)
                && anyOf.stream().anyMatch(ContractNulls::isNull);
    }
}
