package com.harborcrm.customfield;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import com.harborcrm.common.error.FieldError;

/** Checks a customer's {@code customFields} against the store's definitions on every write. */
@ApplicationScoped
public class CustomFieldValues {

    public static final int MAX_TEXT_LENGTH = 1000;

    /** Field errors named {@code customFields.<key>}; empty when the values are valid. */
    public List<FieldError> validate(Map<String, Object> values) {
        return validate(values, definitions());
    }

    /** The store's definitions by key, for callers that validate many customers (import) with one read. */
    public Map<String, CustomFieldDefinition> definitions() {
        return CustomFieldDefinition.<CustomFieldDefinition>listAll().stream()
                .collect(Collectors.toMap(d -> d.key, Function.identity()));
    }

    /** Like {@link #validate(Map)}, against definitions read before. */
    public List<FieldError> validate(Map<String, Object> values, Map<String, CustomFieldDefinition> definitions) {
        List<FieldError> errors = new ArrayList<>();
        for (Map.Entry<String, Object> entry : values.entrySet()) {
            CustomFieldDefinition definition = definitions.get(entry.getKey());
            String field = "customFields." + entry.getKey();
            if (definition == null) {
                errors.add(FieldError.unknown(field, "is not a custom field of this store"));
            } else if (entry.getValue() != null) {
                String problem = check(definition, entry.getValue());
                if (problem != null) {
                    errors.add(new FieldError(field, problem));
                }
            }
        }
        for (CustomFieldDefinition definition : definitions.values()) {
            if (definition.required && isEmpty(values.get(definition.key))) {
                errors.add(FieldError.of("customFields." + definition.key, FieldError.Code.REQUIRED, "is required"));
            }
        }
        return errors;
    }

    private static String check(CustomFieldDefinition definition, Object value) {
        switch (definition.type) {
            case TEXT:
                if (!(value instanceof String text)) {
                    return "must be a string";
                }
                return text.length() > MAX_TEXT_LENGTH ? "must be at most " + MAX_TEXT_LENGTH + " characters" : null;
            case NUMBER:
                return value instanceof Number ? null : "must be a number";
            case DATE:
                if (value instanceof String text) {
                    try {
                        LocalDate.parse(text);
                        return null;
                    } catch (DateTimeParseException e) {
                        // falls through to the message below
                    }
                }
                return "must be a date (YYYY-MM-DD)";
            case SELECT:
                return value instanceof String text && definition.options.contains(text) ? null
                        : "must be one of " + definition.options;
            case MULTI_SELECT:
                if (!(value instanceof List<?> list)) {
                    return "must be an array of " + definition.options;
                }
                Set<Object> seen = new HashSet<>();
                for (Object item : list) {
                    if (!(item instanceof String text) || !definition.options.contains(text)) {
                        return "must contain only " + definition.options;
                    }
                    if (!seen.add(item)) {
                        return "must not repeat a choice";
                    }
                }
                return null;
            default:
                throw new IllegalStateException("Unknown custom field type " + definition.type);
        }
    }

    private static boolean isEmpty(Object value) {
        return value == null || (value instanceof String text && text.isBlank())
                || (value instanceof List<?> list && list.isEmpty());
    }
}
