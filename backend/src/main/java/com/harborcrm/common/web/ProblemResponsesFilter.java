package com.harborcrm.common.web;

import java.util.Arrays;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import com.harborcrm.common.error.Problem;
import com.harborcrm.common.error.ProblemType;

/**
 * Adds the answers every operation can give (invalid input, missing token, wrong role, server error) so that
 * resources declare only their own outcomes, and lists every problem type in the contract.
 */
public class ProblemResponsesFilter implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(operation -> {
            APIResponses responses = operation.getResponses();
            boolean takesInput = operation.getRequestBody() != null
                    || (operation.getParameters() != null && !operation.getParameters().isEmpty());
            if (takesInput) {
                addProblem(responses, "400", "Invalid input (`validation`, `malformed-body`)");
            }
            if (isSecured(operation)) {
                addProblem(responses, "401", "Missing, invalid, expired or revoked token (`unauthorized`)");
                addProblem(responses, "403", "The user's role does not allow this (`forbidden`)");
            }
            if (operation.getRequestBody() != null) {
                addProblem(responses, "413", "The body is larger than allowed (`payload-too-large`)");
                addProblem(responses, "415", "Unsupported content type (`unsupported-media-type`)");
            }
            addProblem(responses, "500", "Unexpected error; the answer carries an `errorId` (`internal`)");
        }));
        Schema problem = openAPI.getComponents() == null ? null : openAPI.getComponents().getSchemas().get("Problem");
        if (problem != null && problem.getProperties() != null && problem.getProperties().get("type") != null) {
            problem.getProperties().get("type").setDescription("One of: " + Arrays.stream(ProblemType.values())
                    .map(type -> "`" + type.uri() + "` (" + type.status() + ")").collect(Collectors.joining(", ")));
        }
        ContractLimits.apply(openAPI);
        allowNulls(openAPI);
    }

    /**
     * Says in the contract what Jackson does: a member that is not required may be null as well as absent (the
     * server writes null for a value it does not have, and merge-patch bodies send null to clear a field). A
     * nullable member whose type is another schema comes out as {@code type: object, anyOf: [$ref, null]}; the
     * outer {@code type} would refuse null before {@code anyOf} is asked, so it goes: the reference says the type.
     */
    private static void allowNulls(OpenAPI openAPI) {
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
            if (property.getAnyOf().stream().noneMatch(ProblemResponsesFilter::isNull)) {
                property.addAnyOf(nullSchema());
            }
            return property;
        }
        if (property.getType() != null && !property.getType().contains(Schema.SchemaType.NULL)) {
            property.addType(Schema.SchemaType.NULL);
            if (property.getEnumeration() != null && !property.getEnumeration().contains(null)) {
                property.addEnumeration(null);
            }
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
                && anyOf.stream().anyMatch(ProblemResponsesFilter::isNull);
    }

    private static boolean isSecured(Operation operation) {
        return operation.getSecurity() != null && !operation.getSecurity().isEmpty();
    }

    private static void addProblem(APIResponses responses, String status, String description) {
        if (responses.hasAPIResponse(status)) {
            return;
        }
        responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description)
                .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType()
                        .schema(OASFactory.createSchema().ref("Problem")))));
    }

}
