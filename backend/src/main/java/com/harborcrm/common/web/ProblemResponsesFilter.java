package com.harborcrm.common.web;

import java.util.Arrays;
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
                addProblem(responses, "403", "The user's role does not allow this (`forbidden`), an API key lacks the scope (`scope-missing`), or a write with the "
                        + "session cookie lacks its header (`csrf-header-missing`)");
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
        SessionCookieContract.apply(openAPI);
        ApiKeyContract.apply(openAPI);
        ContractLimits.apply(openAPI);
        ContractNulls.apply(openAPI);
        ContractTidy.apply(openAPI);
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
