package com.harborcrm.common.error;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.ConstraintViolation;
import java.lang.annotation.Annotation;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One invalid field. {@code message} is English for people reading the API; {@code code} with its limits is what
 * a client words in its own language (the web app never shows {@code message}).
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "FieldError", description = "One invalid field: its JSON path, what is wrong with it in English, and the "
        + "same as a stable code with its limits, for clients that say it in their own words.")
public record FieldError(
        @Schema(examples = "email") String field,
        @Schema(examples = "must be a well-formed email address") String message,
        @Schema(required = true, description = "What is wrong, stable across versions: REQUIRED (missing or blank), "
                + "LENGTH (min/max characters or items), RANGE (min/max value), FORMAT (not in the expected form), "
                + "EMAIL, ONE_OF (allowed), TAKEN (already used by another), UNKNOWN (not a known field or "
                + "parameter), READ_ONLY, NOT_FUTURE (a moment in the future), AFTER_FIELD (must come after "
                + "otherField), NOT_BEFORE_FIELD (must not come before otherField), LESS_THAN_FIELD (must be less "
                + "than otherField, whose value is max), PERIOD_TOO_LONG (at most max years), INVALID (anything else)")
        Code code,
        @Schema(description = "The least length or value allowed (LENGTH, RANGE)") Long min,
        @Schema(description = "The greatest length or value allowed (LENGTH, RANGE); the other field's value "
                + "(LESS_THAN_FIELD); years (PERIOD_TOO_LONG)") Long max,
        @Schema(description = "The field this one is compared with (AFTER_FIELD, NOT_BEFORE_FIELD, LESS_THAN_FIELD)")
        String otherField,
        @Schema(description = "The values allowed (ONE_OF)") List<String> allowed) {

    @Schema(name = "FieldErrorCode")
    public enum Code {
        REQUIRED, LENGTH, RANGE, FORMAT, EMAIL, ONE_OF, TAKEN, UNKNOWN, READ_ONLY, NOT_FUTURE, AFTER_FIELD,
        NOT_BEFORE_FIELD, LESS_THAN_FIELD, PERIOD_TOO_LONG, INVALID
    }

    /** A field error with no code of its own: INVALID. */
    public FieldError(String field, String message) {
        this(field, message, Code.INVALID, null, null, null, null);
    }

    public static FieldError of(String field, Code code, String message) {
        return new FieldError(field, message, code, null, null, null, null);
    }

    public static FieldError required(String field) {
        return of(field, Code.REQUIRED, "must not be null");
    }

    public static FieldError unknown(String field, String message) {
        return of(field, Code.UNKNOWN, message);
    }

    /** A member the client may not write: READ_ONLY when it is one of the resource's own, else UNKNOWN. */
    public static FieldError notWritable(String field, boolean readOnly) {
        return readOnly ? of(field, Code.READ_ONLY, "is read-only") : unknown(field, "is not a known field");
    }

    public static FieldError taken(String field, String message) {
        return of(field, Code.TAKEN, message);
    }

    public static FieldError length(String field, long min, long max, String message) {
        return new FieldError(field, message, Code.LENGTH, min, max, null, null);
    }

    public static FieldError range(String field, long min, long max, String message) {
        return new FieldError(field, message, Code.RANGE, min, max, null, null);
    }

    public static FieldError oneOf(String field, Object[] allowed) {
        return new FieldError(field, "must be one of " + Arrays.toString(allowed), Code.ONE_OF, null, null, null,
                Arrays.stream(allowed).map(String::valueOf).toList());
    }

    public static FieldError after(String field, String otherField) {
        return new FieldError(field, "must be after " + otherField, Code.AFTER_FIELD, null, null, otherField, null);
    }

    public static FieldError lessThan(String field, String otherField, long otherValue) {
        return new FieldError(field, "must be less than " + otherField + " (" + otherValue + ")", Code.LESS_THAN_FIELD,
                null, otherValue, otherField, null);
    }

    /** The same error on another path, e.g. a filter's field inside a saved view ({@code filter.stars}). */
    public FieldError at(String path) {
        return new FieldError(path, message, code, min, max, otherField, allowed);
    }

    /** A Bean Validation violation, coded by its constraint and limits (Size, Min, Max, NotNull, Email...). */
    public static FieldError of(String field, ConstraintViolation<?> violation) {
        Annotation constraint = violation.getConstraintDescriptor().getAnnotation();
        Map<String, Object> limits = violation.getConstraintDescriptor().getAttributes();
        String message = violation.getMessage();
        return switch (constraint.annotationType().getSimpleName()) {
            case "NotNull", "NotBlank", "NotEmpty" -> of(field, Code.REQUIRED, message);
            case "Size" -> new FieldError(field, message, Code.LENGTH, number(limits.get("min")),
                    number(limits.get("max")), null, null);
            case "Min", "DecimalMin", "PositiveOrZero" -> new FieldError(field, message, Code.RANGE,
                    number(limits.getOrDefault("value", 0L)), null, null, null);
            case "Max", "DecimalMax" -> new FieldError(field, message, Code.RANGE, null, number(limits.get("value")),
                    null, null);
            case "Positive" -> new FieldError(field, message, Code.RANGE, 1L, null, null, null);
            case "Email" -> of(field, Code.EMAIL, message);
            case "Pattern" -> of(field, Code.FORMAT, message);
            case "PastOrPresent", "Past" -> of(field, Code.NOT_FUTURE, message);
            default -> of(field, Code.INVALID, message);
        };
    }

    private static Long number(Object value) {
        if (value instanceof Number n) {
            return n.longValue();
        }
        if (value instanceof String s) {
            try {
                return Long.valueOf(s);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }
}
