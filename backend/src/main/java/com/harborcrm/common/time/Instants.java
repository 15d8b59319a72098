package com.harborcrm.common.time;

import java.time.Instant;
import java.time.OffsetDateTime;

/** Native queries hand back timestamps as various JDBC types; this reads them all. */
public final class Instants {

    private Instants() {
    }

    public static Instant of(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.sql.Timestamp ts) {
            return ts.toInstant();
        }
        if (value instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (value instanceof java.time.ZonedDateTime zdt) {
            return zdt.toInstant();
        }
        throw new IllegalStateException("Not a timestamp: " + value.getClass());
    }
}
