package com.harborcrm.stats;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.ws.rs.core.MultivaluedMap;

import com.harborcrm.common.error.DomainException;
import com.harborcrm.common.error.FieldError;

/**
 * A statistics period: the local dates {@code from} and {@code to}, both included, in the store's time zone; it
 * runs from the start of {@code from} to the start of the day after {@code to}, store midnight to store midnight.
 * Absent, {@code from} is the first of this month and {@code to} today (so the default is "this month so far").
 */
public record StatsPeriod(LocalDate from, LocalDate to, ZoneId zone, Instant start, Instant end) {

    public static final int MAX_YEARS = 5;

    /** Reads from/to (and checks that no parameter but {@code allowed} is given); 400 with field errors otherwise. */
    public static StatsPeriod parse(MultivaluedMap<String, String> query, Set<String> allowed, ZoneId zone, Instant now) {
        List<FieldError> errors = new ArrayList<>();
        for (String name : query.keySet()) {
            if (!allowed.contains(name)) {
                errors.add(FieldError.unknown(name, "is not a parameter of this report"));
            } else if (query.get(name).size() > 1) {
                errors.add(new FieldError(name, "must be given once"));
            }
        }
        LocalDate today = LocalDate.ofInstant(now, zone);
        LocalDate from = date(query.getFirst("from"), "from", today.withDayOfMonth(1), errors);
        LocalDate to = date(query.getFirst("to"), "to", today, errors);
        if (from != null && to != null) {
            if (to.isBefore(from)) {
                errors.add(new FieldError("to", "must not be before from", FieldError.Code.NOT_BEFORE_FIELD, null, null,
                        "from", null));
            } else if (to.isAfter(from.plusYears(MAX_YEARS).minusDays(1))) {
                errors.add(new FieldError("to", "the period is at most " + MAX_YEARS + " years",
                        FieldError.Code.PERIOD_TOO_LONG, null, (long) MAX_YEARS, null, null));
            }
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        return new StatsPeriod(from, to, zone, from.atStartOfDay(zone).toInstant(),
                to.plusDays(1).atStartOfDay(zone).toInstant());
    }

    private static LocalDate date(String raw, String field, LocalDate absent, List<FieldError> errors) {
        if (raw == null || raw.isBlank()) {
            return absent;
        }
        try {
            LocalDate date = LocalDate.parse(raw.trim());
            if (date.getYear() < 1970 || date.getYear() > 9000) {
                errors.add(FieldError.of(field, FieldError.Code.FORMAT, "must be a date from 1970 to 9000"));
                return null;
            }
            return date;
        } catch (DateTimeParseException e) {
            errors.add(FieldError.of(field, FieldError.Code.FORMAT, "must be a date as YYYY-MM-DD"));
            return null;
        }
    }

    /** The calendar months the period touches, each cut to the period. */
    public List<Bucket> months() {
        List<Bucket> months = new ArrayList<>();
        for (YearMonth m = YearMonth.from(from); !m.isAfter(YearMonth.from(to)); m = m.plusMonths(1)) {
            LocalDate first = m.atDay(1).isBefore(from) ? from : m.atDay(1);
            LocalDate last = m.atEndOfMonth().isAfter(to) ? to : m.atEndOfMonth();
            months.add(new Bucket(m.toString(), first, last, first.atStartOfDay(zone).toInstant()));
        }
        return months;
    }

    /** A month of the period: its key (YYYY-MM), its first and last day within the period, and its start. */
    public record Bucket(String key, LocalDate first, LocalDate last, Instant start) {
    }
}
