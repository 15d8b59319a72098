package com.harborcrm.common.error;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * The one place where exceptions become RFC 9457 problem answers. Nothing here ever echoes a stack trace,
 * SQL or a class name to the client; unexpected errors get an error id that is also logged.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response domain(DomainException e, UriInfo uri) {
        Response.ResponseBuilder builder = respond(new Problem(e.type().uri(), e.type().title(), e.type().status(),
                e.getMessage(), path(uri), requestId(), null, nullIfEmpty(e.fieldErrors()),
                e.extensions().isEmpty() ? null : e.extensions()));
        e.headers().forEach(builder::header);
        return builder.build();
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> FieldError.of(fieldPath(v), v))
                .sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::message))
                .toList();
        return domain(DomainException.invalid(errors), uri);
    }

    @ServerExceptionMapper
    public Response validation(io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException e,
            UriInfo uri) {
        boolean ourBug = e.getConstraintViolations().stream().anyMatch(v -> java.util.stream.StreamSupport
                .stream(v.getPropertyPath().spliterator(), false).anyMatch(n -> n.getKind() == ElementKind.RETURN_VALUE));
        if (ourBug) {
            return unexpected(e, uri);
        }
        return validation((ConstraintViolationException) e, uri);
    }

    /** The specific Jackson types are listed because quarkus-rest-jackson maps some of them itself. */
    @ServerExceptionMapper({JsonProcessingException.class, JsonParseException.class, JsonMappingException.class,
            MismatchedInputException.class, InvalidFormatException.class, UnrecognizedPropertyException.class,
            ValueInstantiationException.class})
    public Response malformedJson(JsonProcessingException e, UriInfo uri) {
        String field = e instanceof JsonMappingException jme ? jsonPath(jme) : null;
        if (e instanceof UnrecognizedPropertyException upe) {
            field = jsonPath(upe);
        }
        String name = field == null || field.isEmpty() ? "body" : field;
        FieldError error;
        if (e instanceof UnrecognizedPropertyException) {
            error = FieldError.unknown(name, "is not a known field");
        } else if (e instanceof InvalidFormatException ife && ife.getTargetType() != null && ife.getTargetType().isEnum()) {
            error = FieldError.oneOf(name, ife.getTargetType().getEnumConstants());
        } else if (e instanceof MismatchedInputException mie && mie.getTargetType() != null) {
            error = FieldError.of(name, FieldError.Code.FORMAT, "must be " + describe(mie.getTargetType()));
        } else {
            error = FieldError.of(name, FieldError.Code.FORMAT, "is not valid JSON");
        }
        List<FieldError> errors = List.of(error);
        String detail = name + ": " + error.message();
        return respond(new Problem(ProblemType.MALFORMED_BODY.uri(), ProblemType.MALFORMED_BODY.title(), 400, detail,
                path(uri), requestId(), null, errors, null)).build();
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return unauthenticated(uri);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return unauthenticated(uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return simple(ProblemType.FORBIDDEN, "Your role does not allow this", uri);
    }

    @ServerExceptionMapper
    public Response staleWrite(OptimisticLockException e, UriInfo uri) {
        return simple(ProblemType.PRECONDITION_FAILED,
                "Someone else changed this record at the same time: reload it and try again", uri);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, uri);
        }
        if (e.getCause() instanceof JsonProcessingException jpe) {
            return malformedJson(jpe, uri);
        }
        ProblemType type = ProblemType.forStatus(status);
        Response.ResponseBuilder builder = Response.status(status)
                .type(Problem.MEDIA_TYPE)
                .entity(new Problem(type.uri(), type.title(), status, frameworkDetail(status), path(uri), requestId(),
                        null, null, null));
        Object allow = e.getResponse().getHeaders().getFirst(HttpHeaders.ALLOW);
        if (allow != null) {
            builder.header(HttpHeaders.ALLOW, allow);
        }
        if (status == 401) {
            builder.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        return builder.build();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        if (isDatabaseUnreachable(e)) {
            LOG.warnf("Database unreachable on %s: %s", path(uri), e.getMessage());
            return respond(new Problem(ProblemType.SERVICE_UNAVAILABLE.uri(), ProblemType.SERVICE_UNAVAILABLE.title(),
                    503, "The database cannot be reached right now. Nothing was changed; try again in a moment.",
                    path(uri), requestId(), null, null, null)).header("Retry-After", "5").build();
        }
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error %s on %s", errorId, path(uri));
        ProblemType type = ProblemType.INTERNAL;
        return respond(new Problem(type.uri(), type.title(), 500,
                "An unexpected error occurred. Quote error id " + errorId + " when you report it.", path(uri),
                requestId(), errorId, null, null)).build();
    }

    /**
     * A lost or refused connection, a server shutting down or starting up (SQLSTATE class 08; 57P01-57P03, what a
     * pooled connection gets when PostgreSQL is stopped or restarted), or no pooled connection in time.
     */
    static boolean isDatabaseUnreachable(Throwable e) {
        // Causes and suppressed exceptions both: a commit that fails in its flush surfaces as the transaction
        // manager's RollbackException, with the JDBC error among its suppressed ones, not as its cause.
        Deque<Throwable> pending = new ArrayDeque<>(List.of(e));
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        while (!pending.isEmpty()) {
            Throwable t = pending.pop();
            if (!seen.add(t)) {
                continue;
            }
            if (t instanceof org.hibernate.exception.JDBCConnectionException || t instanceof java.net.ConnectException
                    || t instanceof java.sql.SQLTransientConnectionException) {
                return true;
            }
            // Agroal's "Acquisition timeout while waiting for new connection": the pool could not open one in
            // time, e.g. while the database's host is gone (a stopped container), where connecting hangs.
            if (t instanceof java.sql.SQLException sql && (isConnectionState(sql.getSQLState())
                    || String.valueOf(sql.getMessage()).toLowerCase(Locale.ROOT).contains("acquisition timeout"))) {
                return true;
            }
            if (t.getCause() != null) {
                pending.push(t.getCause());
            }
            for (Throwable suppressed : t.getSuppressed()) {
                pending.push(suppressed);
            }
        }
        return false;
    }

    private static boolean isConnectionState(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || sqlState.matches("57P0[123]"));
    }

    private Response unauthenticated(UriInfo uri) {
        ProblemType type = ProblemType.UNAUTHORIZED;
        return respond(new Problem(type.uri(), type.title(), 401,
                "Sign in again: the access token is missing, invalid, expired or revoked", path(uri), requestId(), null,
                null, null)).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    private Response simple(ProblemType type, String detail, UriInfo uri) {
        return respond(new Problem(type.uri(), type.title(), type.status(), detail, path(uri), requestId(), null, null,
                null)).build();
    }

    private static Response.ResponseBuilder respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
    }

    private static String frameworkDetail(int status) {
        return switch (status) {
            case 404 -> "There is nothing at this address";
            case 405 -> "This address does not accept this method";
            case 406 -> "This address cannot answer in the requested media type";
            case 413 -> "The request body is larger than allowed";
            case 415 -> "This address does not accept this content type";
            default -> "The request could not be processed";
        };
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
    }

    private static String requestId() {
        Object id = MDC.get("requestId");
        return id == null ? null : id.toString();
    }

    private static <T> List<T> nullIfEmpty(List<T> list) {
        return list == null || list.isEmpty() ? null : list;
    }

    /**
     * "signup.body.email" → "email"; a violation on a parameter itself ("list.limit") keeps the parameter's
     * name, which is why request bodies are named {@code body} in resources.
     */
    public static String fieldPath(ConstraintViolation<?> violation) {
        String parameter = null;
        StringBuilder path = new StringBuilder();
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.CROSS_PARAMETER
                    || node.getKind() == ElementKind.RETURN_VALUE) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
                continue;
            }
            if (node.getIndex() != null) {
                path.append('[').append(node.getIndex()).append(']');
            } else if (node.getKey() != null) {
                path.append('.').append(node.getKey());
            }
            if (node.getName() != null && !node.getName().startsWith("<")) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(node.getName());
            }
        }
        if (!path.isEmpty()) {
            return path.toString();
        }
        return parameter == null ? "body" : parameter;
    }

    private static String jsonPath(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String describe(Class<?> type) {
        if (Number.class.isAssignableFrom(type) || type == int.class || type == long.class || type == double.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "an ISO-8601 date-time";
        }
        return "an object";
    }
}
