package com.harborcrm.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.harborcrm.customer.PotentialScore;
import com.harborcrm.testing.Api;
import com.harborcrm.testing.Api.Session;
import com.harborcrm.testing.Customers;
import com.harborcrm.testing.MutableClock;
import com.harborcrm.testing.PoolHelper;

import io.quarkus.test.junit.QuarkusTest;

/** The potential score's "follow-up within the last 30 days" points expire with time: the pool sweep takes them off. */
@QuarkusTest
class ScoreFreshnessTest {

    static final int BASE = PotentialScore.POSITION;
    static final int RECENT = PotentialScore.RECENT_ACTIVITY;

    @Inject
    DataSource db;

    @Inject
    MutableClock clock;

    Session admin;
    Session rep;
    /** Tomorrow 10:00 UTC: later than any token's issue time, so moving the clock never invalidates sessions. */
    Instant t0;

    @BeforeEach
    void openStore() {
        admin = Api.openStore("Score freshness");
        rep = Api.addUser(admin, "REP");
        t0 = LocalDate.now(ZoneOffset.UTC).plusDays(1).atTime(10, 0).toInstant(ZoneOffset.UTC);
        clock.set(t0);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    void at(Duration sinceT0) {
        clock.set(t0.plus(sinceT0));
    }

    static Duration days(long days) {
        return Duration.ofDays(days);
    }

    static long customer(Session as) {
        return Customers.createId(as, "position", "Purchasing manager");
    }

    static long followUp(Session as, long id, Instant occurredAt) {
        return as.as().body(Map.of("type", "CALL", "content", "Checked in", "occurredAt", occurredAt.toString()))
                .post("/api/v1/customers/" + id + "/follow-ups").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    static int score(Session as, long id) {
        return as.as().get("/api/v1/customers/" + id).then().statusCode(200).extract().path("potentialScore");
    }

    /** Customers of the store whose score still counts on the recent-activity points. */
    long recentUntilSet(Session as, long id) {
        return PoolHelper.count(db, "select count(*) from customers where store_id = ? and id = ? "
                + "and score_recent_until is not null", as.storeId(), id);
    }

    @Test
    void aFollowUpsPointsLastThirtyDaysThenTheSweepTakesThemOffAndANewOneRestoresThem() {
        long id = customer(rep);
        long none = customer(rep);
        long old = followUp(rep, id, t0.minus(days(29)));
        assertEquals(BASE + RECENT, score(rep, id));
        assertEquals(1, PoolHelper.count(db, "select count(*) from customers where store_id = ? and id = ? "
                + "and score_recent_until = ?", admin.storeId(), id, java.sql.Timestamp.from(t0.plus(days(1)))));

        // 29 days, and almost 30: the points stay.
        assertEquals(0, PoolHelper.sweep(admin).getInt("rescored"));
        at(days(1).minusMinutes(1));
        assertEquals(0, PoolHelper.sweep(admin).getInt("rescored"));
        assertEquals(BASE + RECENT, score(rep, id));

        // 30 days: exactly those points go, once; nothing else changes.
        at(days(1));
        long version = rep.as().get("/api/v1/customers/" + id).then().extract().jsonPath().getLong("version");
        assertEquals(1, PoolHelper.sweep(admin).getInt("rescored"));
        assertEquals(BASE, score(rep, id));
        assertEquals(BASE, score(rep, none));
        assertEquals(0, recentUntilSet(admin, id));
        rep.as().get("/api/v1/customers/" + id).then().statusCode(200)
                .header("ETag", org.hamcrest.Matchers.containsString(String.valueOf(version + 1)));
        at(days(2));
        assertEquals(0, PoolHelper.sweep(admin).getInt("rescored"));
        assertEquals(BASE, score(rep, id));

        // A new follow-up restores them until 30 days after it; removing it takes them off again.
        long fresh = followUp(rep, id, t0.plus(days(2)));
        assertEquals(BASE + RECENT, score(rep, id));
        assertEquals(1, recentUntilSet(admin, id));
        rep.as().delete("/api/v1/customers/" + id + "/follow-ups/" + fresh).then().statusCode(204);
        assertEquals(BASE, score(rep, id));
        assertEquals(0, recentUntilSet(admin, id));
        // Moving the old follow-up into the last 30 days brings them back, and they expire 30 days after it.
        rep.as().body(Map.of("occurredAt", t0.plus(days(1)).toString()))
                .patch("/api/v1/customers/" + id + "/follow-ups/" + old).then().statusCode(200);
        assertEquals(BASE + RECENT, score(rep, id));
        PoolHelper.setRules(admin, "returnAfterDaysWithoutFollowUp", 0, "returnAfterDaysWithoutDeal", 0);
        at(days(31).minusMinutes(1));
        assertEquals(0, PoolHelper.sweep(admin).getInt("rescored"));
        at(days(31));
        assertEquals(1, PoolHelper.sweep(admin).getInt("rescored"));
        assertEquals(BASE, score(rep, id));
    }

    @Test
    void aChangeAfterExpiryRecomputesAndTheSweepDoesNotTakeThePointsOffTwice() {
        long edited = customer(rep);
        long staged = customer(rep);
        followUp(rep, edited, t0.minus(days(29)));
        followUp(rep, staged, t0.minus(days(29)));
        // A batch stage change keeps the points and their expiry.
        rep.as().body(Map.of("selection", Map.of("ids", List.of(staged)), "action", "SET_STAGE", "stage", "INQUIRY"))
                .post("/api/v1/customers/batch").then().statusCode(200);
        assertEquals(BASE + RECENT + PotentialScore.STAGE_INQUIRY, score(rep, staged));
        at(days(2));
        // An edit after the expiry, before any sweep: the full recomputation leaves the points out.
        rep.as().body(Map.of("notes", "Prefers email")).patch("/api/v1/customers/" + edited).then().statusCode(200);
        assertEquals(BASE, score(rep, edited));
        assertEquals(0, recentUntilSet(admin, edited));
        assertEquals(1, PoolHelper.sweep(admin).getInt("rescored"));
        assertEquals(BASE, score(rep, edited));
        assertEquals(BASE + PotentialScore.STAGE_INQUIRY, score(rep, staged));
    }

    @Test
    void aStoresSweepNeverTouchesAnotherStoresScores() {
        Session other = Api.openStore("Score freshness other");
        long ours = customer(rep);
        long theirs = customer(other);
        followUp(rep, ours, t0.minus(days(29)));
        followUp(other, theirs, t0.minus(days(29)));
        at(days(2));
        assertEquals(1, PoolHelper.sweep(admin).getInt("rescored"));
        assertEquals(BASE, score(rep, ours));
        assertEquals(BASE + RECENT, score(other, theirs));
        assertEquals(1, recentUntilSet(other, theirs));
        assertEquals(1, PoolHelper.sweep(other).getInt("rescored"));
        assertEquals(BASE, score(other, theirs));
        assertEquals(BASE, score(rep, ours));
    }
}
