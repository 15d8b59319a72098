package com.harborcrm.common.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import com.harborcrm.common.error.FieldError;

/** Calendar days in query parameters (from, to...): YYYY-MM-DD, blank meaning none. */
public final class QueryDays {

    private QueryDays() {
    }

    /** The day, or null when blank; a FORMAT error added (and null returned) when it is not a date. */
    public static LocalDate parse(String field, String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            errors.add(FieldError.of(field, FieldError.Code.FORMAT, "must be a date such as 2026-03-01"));
            return null;
        }
    }
}
