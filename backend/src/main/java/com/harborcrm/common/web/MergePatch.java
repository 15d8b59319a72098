package com.harborcrm.common.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.harborcrm.common.error.DomainException;
import com.harborcrm.common.error.FieldError;

/**
 * RFC 7396 JSON merge patch onto an input record: the current state as the record, the patch's members laid over
 * it, then the record's own Bean Validation, so a PATCH is checked by exactly the rules of a create and every
 * field error is answered at once.
 */
public final class MergePatch {

    private MergePatch() {
    }

    public static <T> T apply(ObjectMapper mapper, Validator validator, T current, ObjectNode patch, Class<T> type,
            Set<String> readOnly) {
        Text.requireNoNul(patch);
        // Every member of the record, nulls included (the API's mapper leaves nulls out of answers).
        ObjectNode merged = mapper.copy().setSerializationInclusion(JsonInclude.Include.ALWAYS).valueToTree(current);
        List<FieldError> errors = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> member = it.next();
            if (!merged.has(member.getKey())) {
                errors.add(FieldError.notWritable(member.getKey(), readOnly.contains(member.getKey())));
            } else {
                merged.set(member.getKey(), member.getValue());
            }
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        T result;
        try {
            result = mapper.treeToValue(merged, type);
        } catch (JsonMappingException e) {
            String field = e.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : String.valueOf(r.getIndex()))
                    .collect(Collectors.joining("."));
            throw DomainException.invalid(FieldError.of(field.isEmpty() ? "body" : field, FieldError.Code.FORMAT,
                    "has the wrong type"));
        } catch (JsonProcessingException e) {
            throw DomainException.invalid(FieldError.of("body", FieldError.Code.FORMAT, "is not valid JSON"));
        }
        validate(validator, result);
        return result;
    }

    /** Every violation as a field error, in a stable order; nothing when the value is valid. */
    public static void validate(Validator validator, Object value) {
        List<FieldError> errors = validator.validate(value).stream()
                .sorted(Comparator.comparing((ConstraintViolation<?> v) -> v.getPropertyPath().toString()))
                .map(v -> FieldError.of(v.getPropertyPath().toString(), v)).toList();
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
    }
}
