package com.harborcrm.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.harborcrm.pool.DistributionPlanner.Assignment;
import com.harborcrm.pool.DistributionPlanner.Candidate;
import com.harborcrm.pool.PoolDistributionDtos.DistributionMode;
import com.harborcrm.pool.PoolDistributionDtos.DistributionRule;

/** The placing rules alone, without the database (PoolDistributionTest runs them through the API). */
class DistributionPlannerTest {

    private static Candidate plain(long id) {
        return new Candidate(id, null, Set.of());
    }

    private static List<Long> owners(DistributionPlanner planner, int customers) {
        List<Long> owners = new ArrayList<>();
        for (int i = 0; i < customers; i++) {
            owners.add(planner.place(plain(i)).map(Assignment::userId).orElse(null));
        }
        return owners;
    }

    @Test
    void roundRobinStartsAfterTheRepServedLastEvenWhenThatRepIsNoLongerARecipient() {
        assertEquals(List.of(20L, 30L, 10L, 20L),
                owners(new DistributionPlanner(DistributionMode.ROUND_ROBIN, 0, List.of(10L, 20L, 30L), Map.of(), Map.of(), 10L), 4));
        // 25 left the pool: the next is the first with a larger id; past the largest it wraps.
        assertEquals(List.of(30L, 10L),
                owners(new DistributionPlanner(DistributionMode.ROUND_ROBIN, 0, List.of(10L, 20L, 30L), Map.of(), Map.of(), 25L), 2));
        assertEquals(List.of(10L),
                owners(new DistributionPlanner(DistributionMode.ROUND_ROBIN, 0, List.of(10L, 20L, 30L), Map.of(), Map.of(), 99L), 1));
    }

    @Test
    void roundRobinSkipsFullAndCoolingRepsAndStopsWhenNobodyHasRoom() {
        DistributionPlanner planner = new DistributionPlanner(DistributionMode.ROUND_ROBIN, 2, List.of(1L, 2L, 3L),
                Map.of(2L, 2), Map.of(), null);
        assertEquals(1L, planner.place(new Candidate(100, null, Set.of())).orElseThrow().userId());
        assertEquals(1L, planner.place(new Candidate(101, null, Set.of(3L))).orElseThrow().userId(), "2 full, 3 cooling");
        assertEquals(3L, planner.place(plain(102)).orElseThrow().userId());
        assertTrue(planner.place(new Candidate(103, null, Set.of(3L))).isEmpty(), "only 3 has room, and 3 is cooling");
        assertEquals(3L, planner.place(plain(104)).orElseThrow().userId());
        assertFalse(planner.anyRoom());
        assertEquals(3L, planner.lastServed());
        assertEquals(2, planner.held(1L));
    }

    @Test
    void capacityGivesToTheFewestAndTiesGoInTurn() {
        DistributionPlanner planner = new DistributionPlanner(DistributionMode.CAPACITY, 0, List.of(1L, 2L, 3L),
                Map.of(1L, 5, 3L, 1), Map.of(), null);
        // 2 holds none, then 2 and 3 tie at one each: 3 comes next in turn after 2.
        assertEquals(List.of(2L, 3L, 2L, 3L, 2L), owners(planner, 5));
        Assignment any = planner.place(plain(9)).orElseThrow();
        assertEquals(DistributionRule.CAPACITY, any.rule());
    }

    @Test
    void aReturningBuyerGoesBackToTheirRepIfThatRepHasRoomAndLeavesTheTurnAlone() {
        DistributionPlanner planner = new DistributionPlanner(DistributionMode.ROUND_ROBIN, 1, List.of(1L, 2L, 3L),
                Map.of(), Map.of(), null);
        Assignment back = planner.place(new Candidate(7, 3L, Set.of(3L))).orElseThrow();
        assertEquals(3L, back.userId());
        assertEquals(DistributionRule.RETURNING_BUYER, back.rule());
        assertEquals(null, planner.lastServed(), "the turn did not move");
        // Their rep is full now (cap 1) or not a recipient: the turn decides.
        assertEquals(new Assignment(8, 1L, DistributionRule.ROUND_ROBIN), planner.place(new Candidate(8, 3L, Set.of())).orElseThrow());
        assertEquals(new Assignment(9, 2L, DistributionRule.ROUND_ROBIN), planner.place(new Candidate(9, 42L, Set.of())).orElseThrow());
    }

    @Test
    void theStoresLimitAcrossPoolsCountsBesideThePoolsCap() {
        // Pool cap 3 each; the store lets rep 1 hold one more customer and rep 2 none (full in other pools).
        DistributionPlanner planner = new DistributionPlanner(DistributionMode.CAPACITY, 3, List.of(1L, 2L, 3L),
                Map.of(), Map.of(1L, 1, 2L, 0), null);
        assertTrue(planner.fullInStore(2L));
        assertFalse(planner.fullInStore(3L), "no store limit for 3");
        assertEquals(List.of(1L, 3L, 3L, 3L), owners(planner, 4));
        assertTrue(planner.fullInStore(1L), "its one place is used");
        assertFalse(planner.anyRoom(), "3 reached the pool's cap");
        // A returning buyer's rep without room in the store does not get them back.
        DistributionPlanner again = new DistributionPlanner(DistributionMode.ROUND_ROBIN, 0, List.of(1L, 2L),
                Map.of(), Map.of(1L, 0), null);
        assertEquals(new Assignment(5, 2L, DistributionRule.ROUND_ROBIN), again.place(new Candidate(5, 1L, Set.of())).orElseThrow());
    }
}
