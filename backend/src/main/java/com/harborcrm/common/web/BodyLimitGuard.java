package com.harborcrm.common.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.harborcrm.common.config.HarborConfig;
import com.harborcrm.common.error.Problem;
import com.harborcrm.common.error.ProblemType;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * Refuses a declared oversized body with a problem answer before any of it is read (the HTTP layer's own
 * 413 has no body). CSV uploads ({@link #UPLOAD_PATH}) may be as large as {@code harbor.io.max-upload-size},
 * everything else {@code harbor.http.max-body-size}, whether the body declares its length or not.
 */
@ApplicationScoped
public class BodyLimitGuard {

    /** The one route that takes large bodies: CSV imports. */
    public static final String UPLOAD_PATH = "/api/v1/imports";

    /**
     * Routes that take a file (multipart): their body is left to the REST layer's upload reader, which this guard's
     * own reader of chunked bodies would not keep files for; a declared length over the upload limit is refused here.
     */
    static final java.util.Set<String> FILE_PATHS = java.util.Set.of(UPLOAD_PATH, "/api/v1/products/import");

    @Inject
    HarborConfig config;

    @Inject
    ObjectMapper json;

    void install(@Observes Router router) {
        long bodyLimit = config.http().maxBodySize().asLongValue();
        long uploadLimit = config.io().maxUploadSize().asLongValue();
        // A body without a declared length (chunked) is read here, counted against the route's limit as it arrives;
        // the REST layer then takes the buffered body. The HTTP layer would cut it off only at the upload limit,
        // with a bare 413.
        BodyHandler chunkedBodies = BodyHandler.create(false).setBodyLimit(bodyLimit);
        router.route().order(Integer.MIN_VALUE + 1).handler(ctx -> {
            String path = ctx.request().path();
            boolean file = isFileRoute(path);
            long limit = file ? uploadLimit : bodyLimit;
            String length = ctx.request().getHeader("Content-Length");
            if (length != null && parse(length) > limit) {
                tooLarge(ctx, limit);
                return;
            }
            if (length == null && !file && ctx.request().headers().contains("Transfer-Encoding", "chunked", true)) {
                chunkedBodies.handle(ctx);
                return;
            }
            ctx.next();
        });
        // Whoever stops a body at its limit (the handler above, the HTTP layer's form and upload reader) fails
        // the request with 413: answered here as a problem.
        router.route().order(Integer.MIN_VALUE + 1).failureHandler(ctx -> {
            if (ctx.statusCode() == 413 && !ctx.response().headWritten()) {
                String path = ctx.request().path();
                tooLarge(ctx, isFileRoute(path) ? uploadLimit : bodyLimit);
                return;
            }
            ctx.next();
        });
    }

    /** A route that takes a file is held to the upload limit, which the HTTP layer's upload reader enforces too. */
    private static boolean isFileRoute(String path) {
        return FILE_PATHS.contains(path.endsWith("/") ? path.substring(0, path.length() - 1) : path);
    }

    private void tooLarge(RoutingContext ctx, long limit) {
        ProblemType type = ProblemType.PAYLOAD_TOO_LARGE;
        Problem problem = new Problem(type.uri(), type.title(), type.status(),
                "The request body is larger than the limit of " + megabytes(limit),
                ctx.request().path(), ctx.get(RequestIds.MDC_KEY), null, null, null);
        ctx.response().setStatusCode(413).putHeader("Content-Type", Problem.MEDIA_TYPE)
                .putHeader("Connection", "close").end(write(problem))
                .onComplete(done -> ctx.request().connection().close());
    }

    private String write(Problem problem) {
        try {
            return json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String megabytes(long bytes) {
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB" : bytes + " bytes";
    }

    private static long parse(String length) {
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
