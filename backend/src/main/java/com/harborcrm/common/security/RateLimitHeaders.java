package com.harborcrm.common.security;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;

/**
 * Tells an API key's caller where it stands in its rate window on every answer, errors included:
 * {@code RateLimit-Limit}, {@code RateLimit-Remaining} and {@code RateLimit-Reset} (seconds until the window
 * restarts), as drafted by the IETF HTTPAPI group.
 */
@Provider
public class RateLimitHeaders implements ContainerResponseFilter {

    static final String PROPERTY = "harbor.apiKeyRate";

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(request.getProperty(PROPERTY) instanceof ApiKeyPrincipal.RateWindow rate)) {
            return;
        }
        MultivaluedMap<String, Object> headers = response.getHeaders();
        headers.putSingle("RateLimit-Limit", rate.limit());
        headers.putSingle("RateLimit-Remaining", rate.remaining());
        headers.putSingle("RateLimit-Reset", rate.resetSeconds());
    }
}
