package com.harborcrm.common.time;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import io.quarkus.arc.DefaultBean;

/**
 * All "now" comes from this clock so that tests can move time (see the test sources' MutableClock) and the demo
 * store can be written as a story of the past (see {@link ReplayedTime}).
 */
@ApplicationScoped
public class ClockProducer {

    @Produces
    @DefaultBean
    @ApplicationScoped
    Clock clock() {
        return new SystemClock(ZoneOffset.UTC);
    }

    /** The system's UTC clock, except on a thread replaying history (see {@link ReplayedTime}). */
    static final class SystemClock extends Clock {
        private final ZoneId zone;

        SystemClock(ZoneId zone) {
            this.zone = zone;
        }

        @Override
        public Instant instant() {
            Instant replayed = ReplayedTime.now();
            return replayed != null ? replayed : Instant.now();
        }

        @Override
        public long millis() {
            return instant().toEpochMilli();
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return zone.equals(this.zone) ? this : new SystemClock(zone);
        }
    }
}
