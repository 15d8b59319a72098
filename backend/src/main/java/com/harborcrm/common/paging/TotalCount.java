package com.harborcrm.common.paging;

import com.harborcrm.common.error.DomainException;

/**
 * What a list's first page counts beside its rows: nothing, every match ({@code includeTotal=true}), or matches up
 * to a bound ({@code countUpTo=n}). The bounded count reads at most n + 1 matching rows however many there are, so
 * a screen can show "1,234 customers" or "more than 1,000" on every first page without paying for a million.
 *
 * @param upTo 0 for nothing, {@link Long#MAX_VALUE} for every match
 */
public record TotalCount(long upTo) {

    public static final int MAX_BOUND = 10_000;
    public static final String DESCRIPTION = "Count the matches up to this many (1 to 10000) with the first page: cheap "
            + "however many match. `total` is then exact when `totalCapped` is false, and the bound when there are more. "
            + "includeTotal=true counts them all instead.";
    public static final String TOTAL_DESCRIPTION = "All matches with includeTotal=true; with countUpTo, the matches up to "
            + "that bound (first page only)";
    public static final String CAPPED_DESCRIPTION = "With countUpTo: true when more customers match than `total` says";
    public static final TotalCount NONE = new TotalCount(0);
    public static final TotalCount ALL = new TotalCount(Long.MAX_VALUE);

    /** Reads the two query parameters; an exact count wins over a bound. Taken as strings: a bad bound is a 400. */
    public static TotalCount parse(String includeTotal, String countUpTo) {
        if ("true".equals(includeTotal)) {
            return ALL;
        }
        if (countUpTo == null || countUpTo.isBlank()) {
            return NONE;
        }
        try {
            int bound = Integer.parseInt(countUpTo.trim());
            if (bound >= 1 && bound <= MAX_BOUND) {
                return new TotalCount(bound);
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw DomainException.invalid("countUpTo", "must be an integer between 1 and " + MAX_BOUND);
    }

    public boolean none() {
        return upTo == 0;
    }

    public boolean exact() {
        return upTo == Long.MAX_VALUE;
    }
}
