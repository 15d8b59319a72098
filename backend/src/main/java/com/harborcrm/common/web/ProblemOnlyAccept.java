package com.harborcrm.common.web;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;

import com.harborcrm.common.error.Problem;

/**
 * An operation that answers 204 declares no body but its problems, so generated clients (openapi-generator's Java
 * client, for one) send {@code Accept: application/problem+json} and nothing else; the resource produces JSON, and
 * that Accept alone was refused with 406 before the operation ran. Such a request also accepts JSON: problems are
 * still answered as problem+json, and a 204 has no body to negotiate.
 */
@Provider
@PreMatching
@Priority(Priorities.HEADER_DECORATOR)
public class ProblemOnlyAccept implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        String accept = request.getHeaderString(HttpHeaders.ACCEPT);
        if (accept == null || !accept.contains(Problem.MEDIA_TYPE)) {
            return;
        }
        boolean takesJsonAlready = request.getAcceptableMediaTypes().stream().anyMatch(type -> type.isWildcardType()
                || type.isCompatible(MediaType.APPLICATION_JSON_TYPE) && !type.isWildcardSubtype()
                        && type.getSubtype().equals("json"));
        if (!takesJsonAlready) {
            request.getHeaders().putSingle(HttpHeaders.ACCEPT, accept + ", " + MediaType.APPLICATION_JSON + ";q=0.5");
        }
    }
}
