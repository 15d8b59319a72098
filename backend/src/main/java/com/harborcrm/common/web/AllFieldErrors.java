package com.harborcrm.common.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.harborcrm.common.error.DomainException;
import com.harborcrm.common.error.FieldError;
import com.harborcrm.common.error.ProblemMappers;

/**
 * One 400 names every bad field of a body, an unknown enum value included. Jackson stops at the first value it
 * cannot convert, which hid every other error behind it. While a request body is read here, an unknown enum value
 * is noted and read as null instead ({@link UnknownEnumValues}, registered in {@link JsonConfig}); when one was
 * noted, the body is validated at once and the answer lists the unknown values beside every other invalid field.
 */
@Provider
public class AllFieldErrors implements ReaderInterceptor {

    private static final ThreadLocal<List<FieldError>> NOTED = new ThreadLocal<>();

    @Inject
    Validator validator;

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        List<FieldError> outer = NOTED.get();
        List<FieldError> noted = new ArrayList<>();
        NOTED.set(noted);
        Object body;
        try {
            body = context.proceed();
        } finally {
            if (outer == null) {
                NOTED.remove();
            } else {
                NOTED.set(outer);
            }
        }
        if (noted.isEmpty()) {
            return body;
        }
        Set<String> unknown = noted.stream().map(FieldError::field).collect(Collectors.toSet());
        List<FieldError> errors = new ArrayList<>(noted);
        if (body != null) {
            for (ConstraintViolation<Object> violation : validator.validate(body)) {
                String field = ProblemMappers.fieldPath(violation);
                // An unknown value read as null is not also "required".
                if (!unknown.contains(field)) {
                    errors.add(FieldError.of(field, violation));
                }
            }
        }
        errors.sort(Comparator.comparing(FieldError::field).thenComparing(FieldError::message));
        throw DomainException.invalid(errors);
    }

    /** Notes an unknown enum value of a body being read by {@link AllFieldErrors}; elsewhere Jackson decides. */
    static final class UnknownEnumValues extends DeserializationProblemHandler {

        @Override
        public Object handleWeirdStringValue(DeserializationContext context, Class<?> targetType, String value,
                String failureMessage) {
            List<FieldError> noted = NOTED.get();
            if (noted == null || !targetType.isEnum()) {
                return NOT_HANDLED;
            }
            noted.add(FieldError.oneOf(path(context.getParser().getParsingContext()), targetType.getEnumConstants()));
            return null;
        }

        /** "imAccounts[0].channel" from the parser's position. */
        private static String path(JsonStreamContext position) {
            List<String> parts = new ArrayList<>();
            for (JsonStreamContext at = position; at != null && !at.inRoot(); at = at.getParent()) {
                parts.add(0, at.inArray() ? "[" + Math.max(0, at.getCurrentIndex()) + "]" : "." + at.getCurrentName());
            }
            String path = String.join("", parts);
            return path.startsWith(".") ? path.substring(1) : path.isEmpty() ? "body" : path;
        }
    }
}
