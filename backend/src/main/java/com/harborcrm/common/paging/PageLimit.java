package com.harborcrm.common.paging;

import com.harborcrm.common.error.DomainException;

/**
 * Reads a {@code limit} query parameter. Taken as a string on purpose: JAX-RS answers 404 when a numeric query
 * parameter does not parse, and a bad limit is a 400.
 */
public final class PageLimit {

    public static final int DEFAULT = 50;
    public static final int MAX = 200;

    private PageLimit() {
    }

    public static int parse(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT;
        }
        try {
            int limit = Integer.parseInt(value.trim());
            if (limit >= 1 && limit <= MAX) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw DomainException.invalid("limit", "must be an integer between 1 and " + MAX);
    }
}
