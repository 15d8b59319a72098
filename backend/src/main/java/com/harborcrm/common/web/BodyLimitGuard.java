package com.harborcrm.common.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.harborcrm.common.error.Problem;
import com.harborcrm.common.error.ProblemType;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.Router;

/**
 * Refuses a declared oversized body with a problem answer before any of it is read (the HTTP layer's own
 * 413 has no body). Bodies sent without a length are still cut off by the HTTP layer at the same limit.
 */
@ApplicationScoped
public class BodyLimitGuard {

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize maxBodySize;

    @Inject
    ObjectMapper json;

    void install(@Observes Router router) {
        long limit = maxBodySize.asLongValue();
        router.route().order(Integer.MIN_VALUE + 1).handler(ctx -> {
            String length = ctx.request().getHeader("Content-Length");
            if (length != null && parse(length) > limit) {
                ProblemType type = ProblemType.PAYLOAD_TOO_LARGE;
                Problem problem = new Problem(type.uri(), type.title(), type.status(),
                        "The request body is larger than the limit of " + limit / (1024 * 1024) + " MB",
                        ctx.request().path(), ctx.get(RequestIds.MDC_KEY), null, null, null);
                ctx.response().setStatusCode(413).putHeader("Content-Type", Problem.MEDIA_TYPE)
                        .putHeader("Connection", "close").end(write(problem))
                        .onComplete(done -> ctx.request().connection().close());
                return;
            }
            ctx.next();
        });
    }

    private String write(Problem problem) {
        try {
            return json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long parse(String length) {
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
