package com.harborcrm.customer;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.ws.rs.core.MultivaluedMap;

import com.harborcrm.common.error.DomainException;
import com.harborcrm.common.error.FieldError;

/**
 * Reads a {@link CustomerFilter} from query parameters. List parameters repeat ({@code stage=A&stage=B}) or
 * hold comma-separated values. Dates are ISO instants, or calendar days in the store's time zone: a day as
 * {@code ...From} starts at its midnight, as {@code ...To}/{@code ...Before} it includes the whole day.
 */
final class CustomerFilterParams {

    private CustomerFilterParams() {
    }

    /**
     * The custom field a parameter filters on: {@code cf[key]} (hand-written clients), or the older
     * {@code cf.key}, still accepted until 2027-06-30. Null for any other parameter.
     */
    static String customFieldKey(String name) {
        if (name.startsWith("cf[") && name.endsWith("]") && name.length() > 4) {
            return name.substring(3, name.length() - 1);
        }
        return name.startsWith("cf.") && name.length() > 3 ? name.substring(3) : null;
    }

    /** Custom field values as {@code key:value}, repeatable: the contract's form, which every generator writes. */
    static final String CUSTOM_FIELD = "customField";

    /** The filter's own parameters; {@code cf[key]} and {@code cf.key} come on top. */
    static final Set<String> NAMES = Set.of(CUSTOM_FIELD, "q", "stage", "stars", "status", "source", "country", "tag", "tagAll",
            "ownerId", "createdFrom", "createdTo", "lastFollowUpFrom", "lastFollowUpTo", "nextFollowUpBefore",
            "hasEmail", "hasPhone", "scoreMin", "scoreMax", "poolId");

    /**
     * @param zone       the store's time zone, asked only when a calendar day is given (it costs a query)
     * @param otherNames parameters of the endpoint itself (sort, limit...); any other name is a typo the
     *                   client should hear about rather than get an unfiltered list
     */
    static CustomerFilter parse(MultivaluedMap<String, String> query, Supplier<ZoneId> zone, Set<String> otherNames) {
        List<FieldError> errors = new ArrayList<>();
        query.forEach((name, values) -> {
            if (!NAMES.contains(name) && !otherNames.contains(name) && customFieldKey(name) == null) {
                errors.add(FieldError.unknown(name, "is not a known parameter"));
            }
            if (com.harborcrm.common.web.Text.hasNul(name) || values.stream().anyMatch(com.harborcrm.common.web.Text::hasNul)) {
                errors.add(new FieldError(name, com.harborcrm.common.web.Text.NO_NUL_MESSAGE));
            }
        });
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        Map<String, String> cf = new LinkedHashMap<>();
        query.forEach((name, values) -> {
            String key = customFieldKey(name);
            if (key != null && !values.isEmpty()) {
                cf.put(key, values.get(values.size() - 1));
            }
            if (name.equals(CUSTOM_FIELD)) {
                for (String value : values) {
                    int colon = value.indexOf(':');
                    if (colon < 1) {
                        errors.add(FieldError.of(CUSTOM_FIELD, FieldError.Code.FORMAT,
                                "must be a field key and a value, e.g. incoterm:FOB"));
                    } else {
                        cf.put(value.substring(0, colon), value.substring(colon + 1));
                    }
                }
            }
        });
        CustomerFilter filter = new CustomerFilter(
                single(query, "q"),
                list(query, "stage", v -> enumValue(CustomerStage.class, v), errors),
                list(query, "stars", Integer::valueOf, errors),
                list(query, "status", v -> enumValue(CustomerStatus.class, v), errors),
                list(query, "source", v -> enumValue(CustomerSource.class, v), errors),
                list(query, "country", v -> v, errors),
                list(query, "tag", Long::valueOf, errors),
                list(query, "tagAll", Long::valueOf, errors),
                single(query, "ownerId"),
                instant(query, "createdFrom", zone, false, errors),
                instant(query, "createdTo", zone, true, errors),
                instant(query, "lastFollowUpFrom", zone, false, errors),
                instant(query, "lastFollowUpTo", zone, true, errors),
                instant(query, "nextFollowUpBefore", zone, true, errors),
                bool(query, "hasEmail", errors),
                bool(query, "hasPhone", errors),
                integer(query, "scoreMin", errors),
                integer(query, "scoreMax", errors),
                cf.isEmpty() ? null : cf,
                list(query, "poolId", Long::valueOf, errors));
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        return filter;
    }

    private static String single(MultivaluedMap<String, String> query, String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(values.size() - 1);
    }

    private static <T> List<T> list(MultivaluedMap<String, String> query, String name, Function<String, T> parse,
            List<FieldError> errors) {
        List<String> raw = query.get(name);
        if (raw == null) {
            return null;
        }
        List<T> values = new ArrayList<>();
        for (String joined : raw) {
            for (String value : joined.split(",")) {
                if (value.isBlank()) {
                    continue;
                }
                try {
                    values.add(parse.apply(value.trim()));
                } catch (IllegalArgumentException e) {
                    errors.add(new FieldError(name, e.getMessage() != null && e.getMessage().startsWith("must")
                            ? e.getMessage() : "has an invalid value: " + value.trim()));
                    return null;
                }
            }
        }
        return values;
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String value) {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    private static Instant instant(MultivaluedMap<String, String> query, String name, Supplier<ZoneId> zone, boolean endOfDay,
            List<FieldError> errors) {
        String value = single(query, name);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(zone.get()).toInstant();
            }
            return OffsetDateTime.parse(value.trim()).toInstant();
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(name, "must be a date (2026-03-01) or a date-time with offset (2026-03-01T09:30:00Z)"));
            return null;
        }
    }

    private static Boolean bool(MultivaluedMap<String, String> query, String name, List<FieldError> errors) {
        String value = single(query, name);
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!value.equals("true") && !value.equals("false")) {
            errors.add(new FieldError(name, "must be true or false"));
            return null;
        }
        return Boolean.valueOf(value);
    }

    private static Integer integer(MultivaluedMap<String, String> query, String name, List<FieldError> errors) {
        String value = single(query, name);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            errors.add(new FieldError(name, "must be an integer"));
            return null;
        }
    }
}
