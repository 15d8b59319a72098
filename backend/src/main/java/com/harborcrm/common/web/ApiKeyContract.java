package com.harborcrm.common.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

import com.harborcrm.common.error.Problem;
import com.harborcrm.common.security.ApiKeyAccess;
import com.harborcrm.common.security.ApiKeyAuthentication;
import com.harborcrm.common.security.ApiKeyScope;

/**
 * API keys in the contract: a security scheme of their own, and on every operation a key may call the scope it
 * needs (OpenAPI 3.1 lets a non-OAuth requirement name roles), read from {@link ApiKeyAccess} so the contract and
 * the check cannot drift apart. Such operations also document the key's rate limit (429 `rate-limited`).
 */
final class ApiKeyContract {

    static final String API_KEY = "apiKey";

    private ApiKeyContract() {
    }

    static void apply(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getPaths() == null) {
            return;
        }
        openAPI.getComponents().addSecurityScheme(API_KEY, OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat(ApiKeyAuthentication.PREFIX + "...")
                .description("A store's API key (POST /api/v1/api-keys), sent as `Authorization: Bearer "
                        + ApiKeyAuthentication.PREFIX + "...`. Each operation open to keys names the scope it needs; "
                        + "other operations answer 403 to a key, and a key without the scope gets 403 "
                        + "`scope-missing`. Every answer to a key carries RateLimit-Limit, RateLimit-Remaining and "
                        + "RateLimit-Reset; past the limit, 429 `rate-limited` with Retry-After."));
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach((method, operation) -> {
            Optional<ApiKeyAccess.Requirement> requirement = ApiKeyAccess.required(method.name(), path);
            if (requirement.isEmpty() || !isSecured(operation)) {
                return;
            }
            List<SecurityRequirement> security = new ArrayList<>(operation.getSecurity());
            security.add(OASFactory.createSecurityRequirement().addScheme(API_KEY,
                    requirement.get().scope().map(ApiKeyScope::wireName).map(List::of).orElse(List.of())));
            operation.setSecurity(security);
            if (!operation.getResponses().hasAPIResponse("429")) {
                operation.getResponses().addAPIResponse("429", OASFactory.createAPIResponse()
                        .description("An API key's requests this minute passed its limit (`rate-limited`)")
                        .addHeader("Retry-After", OASFactory.createHeader().description("Seconds to wait")
                                .schema(OASFactory.createSchema().addType(org.eclipse.microprofile.openapi.models.media.Schema.SchemaType.INTEGER)))
                        .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, OASFactory
                                .createMediaType().schema(OASFactory.createSchema().ref("Problem")))));
            }
        }));
    }

    private static boolean isSecured(Operation operation) {
        return operation.getSecurity() != null && !operation.getSecurity().isEmpty();
    }
}
