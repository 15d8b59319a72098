package com.harborcrm.customer;

import java.time.Instant;
import java.util.Arrays;

import com.harborcrm.common.error.DomainException;

/** The orders customer lists can take. Nulls always come last; the id breaks ties in the same direction. */
public enum CustomerSort {
    SCORE("score", "c.potential_score", false),
    CREATED_AT("createdAt", "c.created_at", false),
    LAST_FOLLOW_UP_AT("lastFollowUpAt", "c.last_follow_up_at", true),
    NEXT_FOLLOW_UP_AT("nextFollowUpAt", "c.next_follow_up_at", true),
    NAME("name", "lower(c.name)", false);

    public static final String DESCRIPTION = "score, createdAt, lastFollowUpAt, nextFollowUpAt or name; "
            + "a leading - sorts descending (e.g. -score). Default -createdAt.";

    final String parameter;
    final String expression;
    final boolean nullable;

    CustomerSort(String parameter, String expression, boolean nullable) {
        this.parameter = parameter;
        this.expression = expression;
        this.nullable = nullable;
    }

    /** A sort key with its direction, as given by {@code ?sort=-score}. */
    public record Spec(CustomerSort key, boolean descending) {

        public static final Spec DEFAULT = new Spec(CREATED_AT, true);

        public static Spec parse(String value) {
            if (value == null || value.isBlank()) {
                return DEFAULT;
            }
            String trimmed = value.trim();
            boolean descending = trimmed.startsWith("-");
            String name = descending || trimmed.startsWith("+") ? trimmed.substring(1) : trimmed;
            return Arrays.stream(values()).filter(s -> s.parameter.equals(name)).findFirst()
                    .map(s -> new Spec(s, descending))
                    .orElseThrow(() -> DomainException.invalid("sort", "must be one of score, createdAt, "
                            + "lastFollowUpAt, nextFollowUpAt, name, optionally preceded by -"));
        }

        @Override
        public String toString() {
            return (descending ? "-" : "") + key.parameter;
        }

        /**
         * Matches the sort indexes exactly (V4): "nulls last" only where the column can be null, since an index
         * on {@code x desc} orders nulls first and a mismatch turns a 50-row index read into a full sort.
         */
        String orderBy() {
            return orderBy(key.expression, "c.id");
        }

        /** The same order over columns that already hold the sort value and the id (a page read in a subquery). */
        String orderBy(String value, String id) {
            String direction = descending ? " desc" : " asc";
            return value + direction + (key.nullable ? " nulls last" : "") + ", " + id + direction;
        }

        /**
         * Rows strictly after the cursor row. For the not-null keys a row comparison, which PostgreSQL turns into
         * the start of an index range, so page 1,000 costs what page 1 does.
         */
        String after() {
            String cmp = descending ? "<" : ">";
            String e = key.expression;
            if (!key.nullable) {
                return "((" + e + ", c.id) " + cmp + " (:afterValue, :afterId))";
            }
            return "(" + e + " " + cmp + " :afterValue or (" + e + " = :afterValue and c.id " + cmp
                    + " :afterId) or " + e + " is null)";
        }

        String afterNull() {
            return "(" + key.expression + " is null and c.id " + (descending ? "<" : ">") + " :afterId)";
        }

        Object parseValue(String text) {
            return switch (key) {
                case SCORE -> Short.parseShort(text);
                case CREATED_AT, LAST_FOLLOW_UP_AT, NEXT_FOLLOW_UP_AT -> Instant.parse(text);
                case NAME -> text;
            };
        }
    }
}
