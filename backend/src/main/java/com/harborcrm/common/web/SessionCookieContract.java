package com.harborcrm.common.web;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

import com.harborcrm.common.security.SessionCookie;

/**
 * The second way in, declared: every operation a bearer token opens is also opened by the web app's session
 * cookie (common/security/SessionCookie), so the contract says so and contract-checking proxies accept it.
 */
final class SessionCookieContract {

    static final String BEARER = "bearerJwt";
    static final String COOKIE = "sessionCookie";

    private SessionCookieContract() {
    }

    static void apply(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getPaths() == null) {
            return;
        }
        openAPI.getComponents().addSecurityScheme(COOKIE, OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.COOKIE).name(SessionCookie.NAME)
                .description("The web app's session: the same token as a bearer, in the HttpOnly cookie set by "
                        + "login, signup and password change (SameSite=Strict, path /api) and dropped by logout. "
                        + "A write sent with it must carry the header " + SessionCookie.CSRF_HEADER
                        + " (any value), else 403 `csrf-header-missing`."));
        openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(operation -> {
            List<SecurityRequirement> security = operation.getSecurity();
            if (security == null || security.stream().noneMatch(r -> r.hasScheme(BEARER))
                    || security.stream().anyMatch(r -> r.hasScheme(COOKIE))) {
                return;
            }
            List<SecurityRequirement> either = new ArrayList<>(security);
            either.add(OASFactory.createSecurityRequirement().addScheme(COOKIE));
            operation.setSecurity(either);
        }));
    }
}
