package com.harborcrm.pool;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.harborcrm.pool.PoolDistributionDtos.DistributionMode;
import com.harborcrm.pool.PoolDistributionDtos.DistributionRule;

/**
 * Who gets which pool customer, customer after customer: the rules of automatic distribution without the database
 * ({@link PoolDistributor} reads the reps and customers under its locks, then writes what this decides). One planner
 * plans one pool's run; it counts what it hands out, so a rep reaches the cap within a run exactly as across runs.
 * <ul>
 * <li>A returning buyer goes to the rep who had them, if that rep is a recipient with room.</li>
 * <li>Round-robin: the next rep after the last one served (by user id, wrapping), skipping reps who are full or
 * in their cooldown for that customer.</li>
 * <li>Capacity: the rep with the fewest of the pool's customers (the cap is the pool's, the same for everyone, so
 * "fewest relative to the cap" is "fewest"); ties go round-robin.</li>
 * </ul>
 * A rep has room while under the pool's cap and, where the store limits private customers across all pools, under
 * that limit too.
 */
final class DistributionPlanner {

    /** A pool customer to place: the rep a returning buyer goes back to (or null), and reps in cooldown for it. */
    record Candidate(long customerId, Long returningTo, Set<Long> cooling) {
    }

    record Assignment(long customerId, long userId, DistributionRule rule) {
    }

    private final DistributionMode mode;
    private final int cap;
    private final long[] reps;
    private final int[] held;
    /** How many more customers the store's limit lets each rep hold; MAX_VALUE where it is off. */
    private final int[] roomInStore;
    private int next;
    private Long lastServed;

    /**
     * @param cap the pool's private-customer cap per rep, 0 for none
     * @param recipients the reps who may receive, in user id order
     * @param held how many of the pool's customers each already owns
     * @param roomInStore how many more customers the store's limit across pools lets each rep hold; a rep absent
     *        from it has no such limit
     * @param lastServed the rep round-robin served last (its place survives between runs), or null
     */
    DistributionPlanner(DistributionMode mode, int cap, List<Long> recipients, Map<Long, Integer> held,
            Map<Long, Integer> roomInStore, Long lastServed) {
        this.mode = mode;
        this.cap = cap;
        this.reps = recipients.stream().mapToLong(Long::longValue).toArray();
        this.held = new int[reps.length];
        this.roomInStore = new int[reps.length];
        for (int i = 0; i < reps.length; i++) {
            this.held[i] = held.getOrDefault(reps[i], 0);
            this.roomInStore[i] = Math.max(0, roomInStore.getOrDefault(reps[i], Integer.MAX_VALUE));
        }
        this.lastServed = lastServed;
        int after = lastServed == null ? -1 : Arrays.binarySearch(reps, lastServed);
        // Not a recipient any more: start at the first rep with a larger id (binarySearch's insertion point).
        this.next = reps.length == 0 ? 0 : (after >= 0 ? after + 1 : -after - 1) % reps.length;
    }

    /** Whether anyone can still receive a customer (no room anywhere: the run can stop). */
    boolean anyRoom() {
        for (int i = 0; i < reps.length; i++) {
            if (hasRoom(i)) {
                return true;
            }
        }
        return false;
    }

    /** The rep round-robin served last, to remember for the next run. */
    Long lastServed() {
        return lastServed;
    }

    /** Who gets the customer, counted; empty when no rep may take it now (it stays in the pool). */
    Optional<Assignment> place(Candidate customer) {
        if (customer.returningTo() != null) {
            int previous = Arrays.binarySearch(reps, customer.returningTo());
            if (previous >= 0 && hasRoom(previous)) {
                count(previous);
                return Optional.of(new Assignment(customer.customerId(), reps[previous], DistributionRule.RETURNING_BUYER));
            }
        }
        int chosen = -1;
        for (int k = 0; k < reps.length; k++) {
            int i = (next + k) % reps.length;
            if (!hasRoom(i) || customer.cooling().contains(reps[i])) {
                continue;
            }
            if (mode == DistributionMode.ROUND_ROBIN) {
                chosen = i;
                break;
            }
            if (chosen < 0 || held[i] < held[chosen]) {
                chosen = i;
            }
        }
        if (chosen < 0) {
            return Optional.empty();
        }
        count(chosen);
        next = (chosen + 1) % reps.length;
        lastServed = reps[chosen];
        return Optional.of(new Assignment(customer.customerId(), reps[chosen],
                mode == DistributionMode.ROUND_ROBIN ? DistributionRule.ROUND_ROBIN : DistributionRule.CAPACITY));
    }

    /** How many of the pool's customers a rep holds, with what was planned so far. */
    int held(long userId) {
        int i = Arrays.binarySearch(reps, userId);
        return i >= 0 ? held[i] : 0;
    }

    /** Whether the rep is full by the store's limit across pools (not by the pool's cap). */
    boolean fullInStore(long userId) {
        int i = Arrays.binarySearch(reps, userId);
        return i >= 0 && roomInStore[i] == 0;
    }

    private boolean hasRoom(int i) {
        return (cap == 0 || held[i] < cap) && roomInStore[i] > 0;
    }

    private void count(int i) {
        held[i]++;
        if (roomInStore[i] != Integer.MAX_VALUE) {
            roomInStore[i]--;
        }
    }
}
