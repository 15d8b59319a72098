package com.harborcrm.common.security;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

import org.eclipse.microprofile.jwt.JsonWebToken;

import com.harborcrm.common.error.DomainException;
import com.harborcrm.common.error.ProblemType;
import com.harborcrm.common.tenancy.TenantContext;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Turns a verified access token (a bearer, or the web app's {@link SessionCookie}) into the request's store and
 * user. Beyond the signature check done by SmallRye JWT, it rejects tokens of deactivated users and tokens older
 * than the user's last role change, deactivation or password change (the {@code tv} claim must equal the user's current token version).
 */
@Provider
@Priority(Priorities.AUTHENTICATION + 10)
public class AccessTokenFilter implements ContainerRequestFilter {

    private static final java.util.Set<String> SAFE_METHODS = java.util.Set.of("GET", "HEAD", "OPTIONS");

    @Inject
    CurrentIdentityAssociation identities;

    @Inject
    TenantContext tenant;

    @Inject
    CurrentUser currentUser;

    @Inject
    ActiveUsers activeUsers;

    @Override
    public void filter(ContainerRequestContext request) {
        boolean bearer = request.getHeaderString(HttpHeaders.AUTHORIZATION) != null;
        boolean cookie = request.getCookies().containsKey(SessionCookie.NAME);
        // Signing in or up (or out) must never fail because the browser still holds an old, revoked token.
        if (!bearer && !cookie || request.getUriInfo().getPath().startsWith("/api/v1/auth/")) {
            return;
        }
        // A write riding on the browser's cookie must come from the app itself, not from another site's form.
        if (cookie && !SAFE_METHODS.contains(request.getMethod())
                && request.getHeaderString(SessionCookie.CSRF_HEADER) == null) {
            throw new DomainException(ProblemType.CSRF_HEADER_MISSING, "Requests that change data with the session "
                    + "cookie must carry the header " + SessionCookie.CSRF_HEADER + ", as the web app sends it");
        }
        SecurityIdentity identity = identities.getIdentity();
        if (identity.getPrincipal() instanceof ApiKeyPrincipal key) {
            signInApiKey(request, key);
            return;
        }
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            throw new AuthenticationFailedException("Not a bearer token");
        }
        long storeId;
        long userId;
        long tokenVersion;
        try {
            storeId = longClaim(jwt, TokenClaims.STORE_ID);
            userId = Long.parseLong(jwt.getSubject());
            tokenVersion = longClaim(jwt, TokenClaims.TOKEN_VERSION);
        } catch (RuntimeException malformed) {
            throw new AuthenticationFailedException("Token claims are incomplete");
        }
        // The signature vouches for the store claim; entering it before the first query also fixes the
        // tenant of the Hibernate session this request will use.
        tenant.enter(storeId);
        Role role = activeUsers.roleOf(storeId, userId, tokenVersion)
                .orElseThrow(() -> new AuthenticationFailedException("Token revoked"));
        currentUser.signIn(userId, role);
    }

    /**
     * A key reaches its own store only, within its rate window, and only the operations its scopes name
     * ({@link ApiKeyAccess}); the window's state goes back in RateLimit-* headers ({@link RateLimitHeaders}).
     */
    private void signInApiKey(ContainerRequestContext request, ApiKeyPrincipal key) {
        tenant.enter(key.storeId());
        request.setProperty(RateLimitHeaders.PROPERTY, key.rate());
        if (key.rate().exceeded()) {
            String retryAfter = Long.toString(key.rate().resetSeconds());
            throw new DomainException(ProblemType.RATE_LIMITED, "This API key made more than " + key.rate().limit()
                    + " requests this minute. Try again in " + retryAfter + " s.", java.util.List.of(),
                    java.util.Map.of("retryAfterSeconds", key.rate().resetSeconds()),
                    java.util.Map.of("Retry-After", retryAfter));
        }
        String path = request.getUriInfo().getRequestUri().getRawPath();
        ApiKeyAccess.Requirement requirement = ApiKeyAccess.required(request.getMethod(), path)
                .orElseThrow(() -> new DomainException(ProblemType.FORBIDDEN, "API keys cannot call "
                        + request.getMethod() + " " + path + ": it is for people signed in to the app"));
        requirement.scope().filter(scope -> !key.scopes().contains(scope)).ifPresent(scope -> {
            throw new DomainException(ProblemType.SCOPE_MISSING, "This API key lacks the scope " + scope
                    + " that " + request.getMethod() + " " + path + " needs", java.util.List.of(),
                    java.util.Map.of("requiredScope", scope.wireName()), java.util.Map.of());
        });
        currentUser.signInApiKey(key.userId(), key.keyId());
    }

    private static long longClaim(JsonWebToken jwt, String name) {
        Object value = jwt.getClaim(name);
        if (value instanceof jakarta.json.JsonNumber number) {
            return number.longValueExact();
        }
        if (value instanceof Number number) {
            return number.longValue();
        }
        throw new IllegalArgumentException("claim " + name + " is not a number");
    }
}
