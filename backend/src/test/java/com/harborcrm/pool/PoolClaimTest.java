package com.harborcrm.pool;

import static com.harborcrm.testing.Api.problem;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.harborcrm.testing.Api;
import com.harborcrm.testing.Api.Session;
import com.harborcrm.testing.Customers;
import com.harborcrm.testing.MutableClock;
import com.harborcrm.testing.Parallel;
import com.harborcrm.testing.PoolHelper;

import io.restassured.response.Response;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class PoolClaimTest {

    @Inject
    DataSource db;

    @Inject
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aRepClaimsAPoolCustomerWhichThenCarriesItsReturnTimer() {
        Session admin = Api.openStore("Claim");
        Session rep = Api.addUser(admin, "REP");
        long id = PoolHelper.poolCustomer(admin);
        var result = PoolHelper.claim(rep, List.of(id));
        assertEquals(List.of((int) id), result.getList("claimed"));
        assertEquals(List.of(), result.getList("failed"));
        rep.as().get("/api/v1/customers/" + id).then().statusCode(200)
                .body("ownerId", equalTo((int) rep.userId()))
                .body("poolReturn.rule", equalTo("NO_FOLLOW_UP"))
                .body("poolReturn.daysLeft", equalTo(30));
        assertEquals(1, PoolHelper.ownerEvents(db, admin.storeId(), id, "CLAIMED"));
        assertEquals(1, PoolHelper.count(db, "select count(*) from customer_events where store_id = ? and customer_id = ? "
                + "and data->>'kind' = 'CLAIMED' and (data->>'toOwnerId')::bigint = ? and (data->>'ownerId')::bigint = ? "
                + "and data->>'fromOwnerId' is null and actor_id = ?",
                admin.storeId(), id, rep.userId(), rep.userId(), rep.userId()));
    }

    @Test
    void failuresAreReportedPerCustomerAndASingleTakenCustomerIs409() {
        Session admin = Api.openStore("Claim failures");
        Session rep = Api.addUser(admin, "REP");
        Session other = Api.addUser(admin, "REP");
        Session stranger = Api.openStore("Elsewhere");
        long free = PoolHelper.poolCustomer(admin);
        long owned = Customers.createId(other);
        long foreign = PoolHelper.poolCustomer(stranger);
        var result = PoolHelper.claim(rep, List.of(owned, free, 999_999_999L, foreign));
        assertEquals(List.of((int) free), result.getList("claimed"));
        assertEquals(List.of("ALREADY_OWNED", "NOT_FOUND", "NOT_FOUND"), result.getList("failed.reason"));
        assertEquals(List.of((int) owned, 999_999_999, (int) foreign), result.getList("failed.id"));

        problem(rep.as().body(Map.of("customerIds", List.of(owned))).post("/api/v1/pool/claim").then(), 409,
                "already-claimed");
        // Claiming one's own customer again is not a conflict.
        rep.as().body(Map.of("customerIds", List.of(free))).post("/api/v1/pool/claim").then().statusCode(200)
                .body("claimed", empty()).body("failed[0].reason", equalTo("ALREADY_OWNED"));
        problem(rep.as().body(Map.of("customerIds", List.of())).post("/api/v1/pool/claim").then(), 400, "validation");
        List<Long> tooMany = new ArrayList<>();
        for (long i = 1; i <= 101; i++) {
            tooMany.add(i);
        }
        problem(rep.as().body(Map.of("customerIds", tooMany)).post("/api/v1/pool/claim").then(), 400, "validation");
        assertEquals(0, PoolHelper.ownerEvents(db, stranger.storeId(), foreign, "CLAIMED"));
    }

    @Test
    void ofTwentyFourRepsClaimingOneCustomerAtOnceExactlyOneWins() throws Exception {
        Session admin = Api.openStore("Claim race");
        List<Session> reps = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            reps.add(Api.addUser(admin, "REP"));
        }
        long id = PoolHelper.poolCustomer(admin);
        List<Response> responses = Parallel.calls(reps.size(), i -> reps.get(i).as()
                .body(Map.of("customerIds", List.of(id))).post("/api/v1/pool/claim"));
        long won = responses.stream().filter(r -> r.statusCode() == 200).count();
        long lost = responses.stream().filter(r -> r.statusCode() == 409
                && r.jsonPath().getString("type").endsWith("/already-claimed")).count();
        assertEquals(1, won);
        assertEquals(23, lost);
        int winner = responses.indexOf(responses.stream().filter(r -> r.statusCode() == 200).findFirst().orElseThrow());
        assertEquals(reps.get(winner).userId(), PoolHelper.owner(db, admin.storeId(), id));
        assertEquals(1, PoolHelper.ownerEvents(db, admin.storeId(), id, "CLAIMED"));
        assertEquals(1, PoolHelper.count(db, "select count(*) from pool_claims where store_id = ? and customer_id = ?",
                admin.storeId(), id));
    }

    @Test
    void withBothLimitsOffClaimsAreUnboundedAndRacingRepsStillGetOneOwnerPerCustomer() throws Exception {
        Session admin = Api.openStore("Claims without limits");
        PoolHelper.setRules(admin, "maxClaimsPerRepPerDay", 0, "maxPrivateCustomersPerRep", 0);
        Session first = Api.addUser(admin, "REP");
        // More than the default daily limit (20) in one request: nothing bounds it.
        List<Long> many = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            many.add(PoolHelper.poolCustomer(admin));
        }
        first.as().body(Map.of("customerIds", many)).post("/api/v1/pool/claim").then().statusCode(200)
                .body("claimed.size()", equalTo(25));

        // Without limits no owner lock is taken: each row's own lock decides.
        List<Session> reps = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            reps.add(Api.addUser(admin, "REP"));
        }
        List<Long> contested = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            contested.add(PoolHelper.poolCustomer(admin));
        }
        List<Long> reversed = new ArrayList<>(contested);
        java.util.Collections.reverse(reversed);
        List<Response> responses = Parallel.calls(reps.size(), i -> reps.get(i).as()
                .body(Map.of("customerIds", i % 2 == 0 ? contested : reversed)).post("/api/v1/pool/claim"));
        long claimed = 0;
        for (Response response : responses) {
            assertEquals(200, response.statusCode(), response.asString());
            claimed += response.jsonPath().getList("claimed").size();
        }
        assertEquals(contested.size(), claimed, "every contested customer claimed exactly once");
        for (long id : contested) {
            assertEquals(1, PoolHelper.ownerEvents(db, admin.storeId(), id, "CLAIMED"));
        }
    }

    @Test
    void overlappingBatchesClaimedInDifferentOrdersNeverDeadlockAndGiveEachCustomerOneOwner() throws Exception {
        Session admin = Api.openStore("Claim batches");
        List<Session> reps = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            reps.add(Api.addUser(admin, "REP"));
        }
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ids.add(PoolHelper.poolCustomer(admin));
        }
        List<Response> responses = Parallel.calls(reps.size(), i -> {
            List<Long> order = new ArrayList<>(ids);
            java.util.Collections.rotate(order, i);
            if (i % 2 == 1) {
                java.util.Collections.reverse(order);
            }
            return reps.get(i).as().body(Map.of("customerIds", order)).post("/api/v1/pool/claim");
        });
        responses.forEach(r -> assertEquals(200, r.statusCode(), r.asString()));
        long claimed = responses.stream().mapToLong(r -> r.jsonPath().getList("claimed").size()).sum();
        assertEquals(10, claimed);
        assertEquals(0, PoolHelper.count(db, "select count(*) from customer_owners where store_id = ? and owner_id is null",
                admin.storeId()));
        assertEquals(10, PoolHelper.count(db, "select count(*) from customer_events where store_id = ? "
                + "and data->>'kind' = 'CLAIMED'", admin.storeId()));
        assertEquals(0, PoolHelper.count(db, "select count(*) from (select customer_id from customer_events "
                + "where store_id = ? and data->>'kind' = 'CLAIMED' group by customer_id having count(*) > 1) x",
                admin.storeId()));
    }

    @Test
    void aRepWithALimitOfFiveClaimingTwentyInParallelEndsWithExactlyFive() throws Exception {
        Session admin = Api.openStore("Claim limit");
        PoolHelper.setRules(admin, "maxPrivateCustomersPerRep", 5);
        Session rep = Api.addUser(admin, "REP");
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ids.add(PoolHelper.poolCustomer(admin));
        }
        List<Response> responses = Parallel.calls(20, i -> rep.as()
                .body(Map.of("customerIds", List.of(ids.get(i)))).post("/api/v1/pool/claim"));
        responses.forEach(r -> assertEquals(200, r.statusCode(), r.asString()));
        long claimed = responses.stream().mapToLong(r -> r.jsonPath().getList("claimed").size()).sum();
        assertEquals(5, claimed);
        assertEquals(15, responses.stream().filter(r -> "LIMIT_REACHED".equals(r.jsonPath().getString("failed[0].reason")))
                .count());
        assertEquals(5, PoolHelper.count(db, "select count(*) from customer_owners where store_id = ? and owner_id = ?",
                admin.storeId(), rep.userId()));
        assertEquals(5, PoolHelper.count(db, "select count(*) from customer_events where store_id = ? "
                + "and data->>'kind' = 'CLAIMED'", admin.storeId()));
        // A batch beyond the limit takes what fits, in the order given.
        Session second = Api.addUser(admin, "REP");
        List<Long> rest = ids.stream().filter(id -> PoolHelper.owner(db, admin.storeId(), id) == null).toList();
        var result = PoolHelper.claim(second, rest.subList(0, 7));
        assertEquals(rest.subList(0, 5).stream().map(Long::intValue).toList(), result.getList("claimed"));
        assertEquals(List.of("LIMIT_REACHED", "LIMIT_REACHED"), result.getList("failed.reason"));
    }

    @Test
    void aRepWithADailyLimitOfThreeClaimingTwentyInParallelGetsExactlyThree() throws Exception {
        Session admin = Api.openStore("Claim daily parallel");
        PoolHelper.setRules(admin, "maxClaimsPerRepPerDay", 3, "maxPrivateCustomersPerRep", 0);
        Session rep = Api.addUser(admin, "REP");
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ids.add(PoolHelper.poolCustomer(admin));
        }
        List<Response> responses = Parallel.calls(20, i -> rep.as()
                .body(Map.of("customerIds", List.of(ids.get(i)))).post("/api/v1/pool/claim"));
        responses.forEach(r -> assertEquals(200, r.statusCode(), r.asString()));
        assertEquals(3, responses.stream().mapToLong(r -> r.jsonPath().getList("claimed").size()).sum());
        assertEquals(17, responses.stream().filter(r -> "DAILY_LIMIT".equals(r.jsonPath().getString("failed[0].reason")))
                .count());
        assertEquals(3, PoolHelper.count(db, "select count(*) from customer_owners where store_id = ? and owner_id = ?",
                admin.storeId(), rep.userId()));
        assertEquals(3, PoolHelper.count(db, "select count(*) from pool_claims where store_id = ? and user_id = ?",
                admin.storeId(), rep.userId()));
    }

    @Test
    void theDailyLimitCountsClaimsOfTheStoresCalendarDay() {
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        Session admin = PoolHelper.openStore("Claim daily", zone.getId());
        PoolHelper.setRules(admin, "maxClaimsPerRepPerDay", 2);
        Session rep = Api.addUser(admin, "REP");
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ids.add(PoolHelper.poolCustomer(admin));
        }
        // 23:50 in Shanghai, tomorrow (15:50 UTC): still "today" there for ten minutes.
        ZonedDateTime lateEvening = LocalDate.now(zone).plusDays(1).atTime(23, 50).atZone(zone);
        clock.set(lateEvening.toInstant());
        var first = PoolHelper.claim(rep, ids.subList(0, 3));
        assertEquals(2, first.getList("claimed").size());
        assertEquals(List.of("DAILY_LIMIT"), first.getList("failed.reason"));
        clock.set(lateEvening.plusMinutes(9).toInstant());
        assertEquals(List.of("DAILY_LIMIT"), PoolHelper.claim(rep, List.of(ids.get(2))).getList("failed.reason"));
        clock.set(lateEvening.plusMinutes(10).toInstant());
        var nextDay = PoolHelper.claim(rep, ids.subList(2, 4));
        assertEquals(List.of(ids.get(2).intValue(), ids.get(3).intValue()), nextDay.getList("claimed"));
    }

    @Test
    void aRepCannotClaimBackWhatTheyReleasedDuringTheCooldown() {
        Session admin = Api.openStore("Cooldown");
        Session rep = Api.addUser(admin, "REP");
        Session other = Api.addUser(admin, "REP");
        Instant t0 = Instant.now().plus(Duration.ofMinutes(1));
        clock.set(t0);
        long id = PoolHelper.poolCustomer(admin);
        PoolHelper.claim(rep, List.of(id));
        rep.as().body(Map.of("reasonId", PoolHelper.releaseReason(rep), "note", "Only buys in winter"))
                .post("/api/v1/customers/" + id + "/release").then().statusCode(200)
                .body("ownerId", nullValue()).body("poolReturn", nullValue());
        assertEquals(1, PoolHelper.count(db, "select count(*) from customer_events where store_id = ? and customer_id = ? "
                + "and data->>'kind' = 'RELEASED' and (data->>'fromOwnerId')::bigint = ? and data->>'note' = 'Only buys in winter' "
                + "and (data->>'reasonId')::bigint = ?", admin.storeId(), id, rep.userId(), PoolHelper.releaseReason(rep)));

        clock.set(t0.plus(Duration.ofDays(7)).minusSeconds(60));
        rep.as().body(Map.of("customerIds", List.of(id))).post("/api/v1/pool/claim").then().statusCode(200)
                .body("claimed", empty()).body("failed[0].reason", equalTo("COOLDOWN"));
        clock.set(t0.plus(Duration.ofDays(7)).plusSeconds(1));
        assertEquals(List.of((int) id), PoolHelper.claim(rep, List.of(id)).getList("claimed"));
        // The cooldown is the releasing rep's only.
        rep.as().body(Map.of("reasonId", PoolHelper.releaseReason(rep))).post("/api/v1/customers/" + id + "/release")
                .then().statusCode(200);
        assertEquals(List.of((int) id), PoolHelper.claim(other, List.of(id)).getList("claimed"));
    }
}
