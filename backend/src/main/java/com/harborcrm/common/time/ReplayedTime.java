package com.harborcrm.common.time;

import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * A "now" of the past for work that replays history on one thread: the demo store's story is written by the
 * application's own services, day after day of a year, so that its events are exactly what those services write.
 * Only the thread running {@link #at} sees the replayed time; every other thread (requests, the scheduler) keeps
 * the real one. The application's clocks ({@link ClockProducer}'s, the tests' MutableClock) ask here first.
 */
public final class ReplayedTime {

    private static final ThreadLocal<Instant> NOW = new ThreadLocal<>();
    /** Stores whose past is being written: scheduled work of the present (the pool sweep) leaves them alone. */
    private static final Set<Long> STORES = ConcurrentHashMap.newKeySet();

    private ReplayedTime() {
    }

    /** The work done with the clock reading {@code now} on this thread. */
    public static <T> T at(Instant now, Supplier<T> work) {
        Instant outer = NOW.get();
        NOW.set(now);
        try {
            return work.get();
        } finally {
            if (outer == null) {
                NOW.remove();
            } else {
                NOW.set(outer);
            }
        }
    }

    public static void at(Instant now, Runnable work) {
        at(now, () -> {
            work.run();
            return null;
        });
    }

    /** Marks the store as being replayed while the work runs. */
    public static <T> T replaying(long storeId, Supplier<T> work) {
        STORES.add(storeId);
        try {
            return work.get();
        } finally {
            STORES.remove(storeId);
        }
    }

    /** Whether the store's past is being written now (its real-time sweep would return what the story still owns). */
    public static boolean isReplaying(long storeId) {
        return STORES.contains(storeId);
    }

    /** The replayed "now" of this thread, or null outside a replay. */
    public static Instant now() {
        return NOW.get();
    }
}
