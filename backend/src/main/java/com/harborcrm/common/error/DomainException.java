package com.harborcrm.common.error;

import java.util.List;
import java.util.Map;

/**
 * A rule of the domain said no. Services throw it; {@link ProblemMappers} turns it into problem+json,
 * so resources never build error answers themselves.
 */
public class DomainException extends RuntimeException {

    private final ProblemType type;
    private final List<FieldError> fieldErrors;
    private final Map<String, Object> extensions;
    private final Map<String, String> headers;

    public DomainException(ProblemType type, String detail) {
        this(type, detail, List.of(), Map.of(), Map.of());
    }

    public DomainException(ProblemType type, String detail, List<FieldError> fieldErrors,
            Map<String, Object> extensions, Map<String, String> headers) {
        super(detail, null, false, false);
        this.type = type;
        this.fieldErrors = List.copyOf(fieldErrors);
        this.extensions = extensions;
        this.headers = headers;
    }

    public static DomainException notFound(String what) {
        return new DomainException(ProblemType.NOT_FOUND, what + " was not found");
    }

    public static DomainException forbidden(String detail) {
        return new DomainException(ProblemType.FORBIDDEN, detail);
    }

    public static DomainException invalid(String field, String message) {
        return invalid(List.of(new FieldError(field, message)));
    }

    public static DomainException invalid(FieldError error) {
        return invalid(List.of(error));
    }

    public static DomainException invalid(List<FieldError> errors) {
        String detail = errors.stream().map(e -> e.field() + ": " + e.message())
                .reduce((a, b) -> a + "; " + b).orElse("invalid input");
        return new DomainException(ProblemType.VALIDATION, detail, errors, Map.of(), Map.of());
    }

    public ProblemType type() {
        return type;
    }

    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }

    public Map<String, Object> extensions() {
        return extensions;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
