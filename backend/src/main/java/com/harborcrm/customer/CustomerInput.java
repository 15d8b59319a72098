package com.harborcrm.customer;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.harborcrm.common.error.DomainException;
import com.harborcrm.common.error.FieldError;
import com.harborcrm.customer.CustomerDtos.CustomerFields;
import com.harborcrm.customfield.CustomFieldValues;

/**
 * Reads customer bodies strictly: unknown and read-only members are field errors (no mass assignment), every
 * member is type-checked on its own so that one answer lists every bad field, then the merged result is
 * validated as a whole (bean constraints, country codes, custom fields).
 */
@ApplicationScoped
public class CustomerInput {

    /** Members of a customer that exist but are derived or changed through their own endpoints. */
    static final Set<String> READ_ONLY = Set.of("id", "storeId", "ownerId", "potentialScore", "inquiryCount",
            "lastInquiryAt", "lastFollowUpAt", "nextFollowUpAt", "createdAt", "updatedAt", "version", "tags");

    private static final Map<String, RecordComponent> WRITABLE = Arrays.stream(CustomerFields.class.getRecordComponents())
            .collect(Collectors.toMap(RecordComponent::getName, c -> c));
    private static final Set<String> COUNTRIES = Set.of(java.util.Locale.getISOCountries());

    @Inject
    ObjectMapper mapper;

    @Inject
    Validator validator;

    @Inject
    CustomFieldValues customFieldValues;

    /** A new customer's fields; {@code extra} names members the caller handles itself (e.g. ownerId). */
    public CustomerFields forCreate(ObjectNode body, Set<String> extra) {
        com.harborcrm.common.web.Text.requireNoNul(body);
        List<FieldError> errors = new ArrayList<>();
        ObjectNode fields = mapper.createObjectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> member = it.next();
            if (!extra.contains(member.getKey()) && checkWritable(member.getKey(), errors)) {
                fields.set(member.getKey(), member.getValue());
            }
        }
        defaultIfAbsent(fields, "source", CustomerSource.MANUAL.name());
        defaultIfAbsent(fields, "stage", CustomerStage.UNMARKED.name());
        defaultIfAbsent(fields, "status", CustomerStatus.ACTIVE.name());
        if (!fields.hasNonNull("stars")) {
            fields.put("stars", 0);
        }
        return read(fields, fields, errors);
    }

    /** The current fields with a JSON merge patch (RFC 7396) applied. */
    public CustomerFields forPatch(CustomerFields current, ObjectNode patch) {
        com.harborcrm.common.web.Text.requireNoNul(patch);
        List<FieldError> errors = new ArrayList<>();
        ObjectNode merged = mapper.valueToTree(current);
        ObjectNode changed = mapper.createObjectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> member = it.next();
            if (checkWritable(member.getKey(), errors)) {
                merged.set(member.getKey(), mergePatch(merged.get(member.getKey()), member.getValue()));
                changed.set(member.getKey(), merged.get(member.getKey()));
            }
        }
        return read(merged, changed, errors);
    }

    /**
     * A customer read from another source than JSON (CSV import): the same normalization and the same checks as
     * {@link #forCreate} (bean constraints, required members, country, custom fields against {@code definitions},
     * read once per import). Throws a validation {@link DomainException} listing every bad field.
     */
    public CustomerFields forImport(CustomerFields raw, Map<String, com.harborcrm.customfield.CustomFieldDefinition> definitions) {
        CustomerFields read = raw.normalized();
        List<FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<CustomerFields> violation : validator.validate(read)) {
            errors.add(FieldError.of(path(violation), violation));
        }
        checkWhole(read, errors, definitions);
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
        return read;
    }

    private void checkWhole(CustomerFields read, List<FieldError> errors,
            Map<String, com.harborcrm.customfield.CustomFieldDefinition> definitions) {
        if (read.source() == null) {
            errors.add(FieldError.required("source"));
        }
        if (read.stage() == null) {
            errors.add(FieldError.required("stage"));
        }
        if (read.stars() == null) {
            errors.add(FieldError.required("stars"));
        }
        if (read.status() == null) {
            errors.add(FieldError.required("status"));
        }
        if (read.country() != null && !COUNTRIES.contains(read.country())) {
            errors.add(FieldError.of("country", FieldError.Code.FORMAT, "must be an ISO 3166-1 alpha-2 country code such as US or CN"));
        }
        errors.addAll(definitions == null ? customFieldValues.validate(read.customFields())
                : customFieldValues.validate(read.customFields(), definitions));
    }

    private boolean checkWritable(String name, List<FieldError> errors) {
        if (WRITABLE.containsKey(name)) {
            return true;
        }
        errors.add(FieldError.notWritable(name, READ_ONLY.contains(name)));
        return false;
    }

    /** Type-checks the members in {@code toCheck}, then converts and validates all of {@code fields}. */
    private CustomerFields read(ObjectNode fields, ObjectNode toCheck, List<FieldError> errors) {
        // A member of the wrong type (an unknown stage...) is reported and left out, and the rest is still
        // validated: one answer names every bad field.
        Set<String> wrongType = new HashSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = toCheck.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> member = it.next();
            FieldError problem = typeProblem(member.getKey(), member.getValue());
            if (problem != null) {
                errors.add(problem);
                wrongType.add(member.getKey());
            }
        }
        ObjectNode readable = fields;
        if (!wrongType.isEmpty()) {
            readable = fields.deepCopy();
            readable.remove(wrongType);
        }
        CustomerFields read;
        try {
            read = mapper.treeToValue(readable, CustomerFields.class).normalized();
        } catch (Exception e) {
            throw DomainException.invalid("body", "is not a valid customer");
        }
        List<FieldError> more = new ArrayList<>();
        for (ConstraintViolation<CustomerFields> violation : validator.validate(read)) {
            more.add(FieldError.of(path(violation), violation));
        }
        checkWhole(read, more, null);
        more.removeIf(error -> wrongType.contains(memberOf(error.field())));
        errors.addAll(more);
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
        return read;
    }

    private FieldError typeProblem(String name, JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        JavaType type = mapper.getTypeFactory().constructType(WRITABLE.get(name).getGenericType());
        if (type.isMapLikeType() && !value.isObject()) {
            return FieldError.of(name, FieldError.Code.FORMAT, "must be an object");
        }
        if (type.isCollectionLikeType() && !value.isArray()) {
            return FieldError.of(name, FieldError.Code.FORMAT, "must be an array");
        }
        if (type.isEnumType() && !value.isTextual()) {
            return FieldError.oneOf(name, type.getRawClass().getEnumConstants());
        }
        if (type.hasRawClass(String.class) && !value.isTextual()) {
            return FieldError.of(name, FieldError.Code.FORMAT, "must be a string");
        }
        if (type.hasRawClass(Integer.class) && !(value.isIntegralNumber() && value.canConvertToInt())) {
            return FieldError.of(name, FieldError.Code.FORMAT, "must be an integer");
        }
        try {
            mapper.readerFor(type).with(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS).readValue(value);
            return null;
        } catch (InvalidFormatException e) {
            Class<?> target = e.getTargetType();
            return target != null && target.isEnum() ? FieldError.oneOf(name + pathOf(e), target.getEnumConstants())
                    : FieldError.of(name + pathOf(e), FieldError.Code.FORMAT, "has the wrong type");
        } catch (Exception e) {
            return FieldError.of(name, FieldError.Code.FORMAT, "has the wrong type or shape");
        }
    }

    /** "imAccounts[0].handle" → "imAccounts". */
    private static String memberOf(String field) {
        int end = field.length();
        for (int i = 0; i < field.length(); i++) {
            if (field.charAt(i) == '.' || field.charAt(i) == '[') {
                end = i;
                break;
            }
        }
        return field.substring(0, end);
    }

    /** The location inside a member: "[0].channel". */
    private static String pathOf(InvalidFormatException e) {
        StringBuilder sb = new StringBuilder();
        e.getPath().forEach(ref -> sb.append(ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]"));
        return sb.toString();
    }

    /** RFC 7396: objects merge member by member, null removes, anything else replaces. */
    private JsonNode mergePatch(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch;
        }
        ObjectNode result = target != null && target.isObject() ? ((ObjectNode) target).deepCopy() : mapper.createObjectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> member = it.next();
            if (member.getValue().isNull()) {
                result.remove(member.getKey());
            } else {
                result.set(member.getKey(), mergePatch(result.get(member.getKey()), member.getValue()));
            }
        }
        return result;
    }

    private static void defaultIfAbsent(ObjectNode fields, String name, String value) {
        if (!fields.hasNonNull(name)) {
            fields.put(name, value);
        }
    }

    /** "imAccounts[0].handle", "purchaseCategories[2]" (container element nodes have no name of their own). */
    private static String path(ConstraintViolation<?> violation) {
        StringBuilder sb = new StringBuilder();
        for (jakarta.validation.Path.Node node : violation.getPropertyPath()) {
            if (node.getIndex() != null) {
                sb.append('[').append(node.getIndex()).append(']');
            } else if (node.getKey() != null) {
                sb.append('.').append(node.getKey());
            }
            if (node.getName() != null && !node.getName().startsWith("<")) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(node.getName());
            }
        }
        return sb.toString();
    }

    private static DomainException invalid(List<FieldError> errors) {
        List<FieldError> sorted = new ArrayList<>(new LinkedHashMap<String, FieldError>(errors.stream()
                .collect(Collectors.toMap(e -> e.field() + "|" + e.message(), e -> e, (a, b) -> a))).values());
        sorted.sort(Comparator.comparing(FieldError::field));
        return DomainException.invalid(sorted);
    }
}
