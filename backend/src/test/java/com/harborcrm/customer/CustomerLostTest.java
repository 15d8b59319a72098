package com.harborcrm.customer;

import static com.harborcrm.testing.Api.problem;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

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

import com.harborcrm.testing.Api;
import com.harborcrm.testing.Api.Session;
import com.harborcrm.testing.Customers;
import com.harborcrm.testing.MutableClock;
import com.harborcrm.testing.PoolHelper;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class CustomerLostTest {

    @Inject
    DataSource db;

    @Inject
    MutableClock clock;

    Session admin;
    Session manager;
    Session rep;
    Session otherRep;
    long price;

    @BeforeEach
    void openStore() {
        admin = Api.openStore("Lost");
        manager = Api.addUser(admin, "MANAGER");
        rep = Api.addUser(admin, "REP");
        otherRep = Api.addUser(admin, "REP");
        price = PoolHelper.releaseReason(admin);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    String lost(long id) {
        return "/api/v1/customers/" + id + "/lost";
    }

    String reactivate(long id) {
        return "/api/v1/customers/" + id + "/reactivate";
    }

    @Test
    void markLostWithAReasonThenReactivate() {
        long id = Customers.createId(rep, "stage", "INQUIRY", "source", "EXHIBITION");
        rep.as().body(Map.of("reasonId", price, "note", " Found it cheaper ")).post(lost(id)).then().statusCode(200)
                .body("status", equalTo("LOST")).body("ownerId", equalTo((int) rep.userId()))
                .body("version", equalTo(1));
        problem(rep.as().body(Map.of("reasonId", price)).post(lost(id)).then(), 409, "already-lost");
        rep.as().get("/api/v1/customers/" + id + "/timeline").then().statusCode(200)
                .body("items[0].type", equalTo("LOST"))
                .body("items[0].data.reasonId", equalTo((int) price))
                .body("items[0].data.note", equalTo("Found it cheaper"))
                .body("items[0].data.ownerId", equalTo((int) rep.userId()))
                .body("items[0].data.stage", equalTo("INQUIRY"))
                .body("items[0].data.source", equalTo("EXHIBITION"));

        rep.as().post(reactivate(id)).then().statusCode(200).body("status", equalTo("ACTIVE"));
        problem(rep.as().post(reactivate(id)).then(), 409, "not-lost");
        rep.as().get("/api/v1/customers/" + id + "/timeline").then().body("items[0].type", equalTo("REACTIVATED"));
    }

    @Test
    void badRequestsChangeNothing() {
        long id = Customers.createId(rep);
        problem(rep.as().body(Map.of()).post(lost(id)).then(), 400, "validation").body("errors.field", contains("reasonId"));
        problem(rep.as().body(Map.of("reasonId", 999_999)).post(lost(id)).then(), 400, "validation")
                .body("errors.field", contains("reasonId"));
        problem(rep.as().body(Map.of("reasonId", price, "note", "x".repeat(501))).post(lost(id)).then(), 400, "validation");
        // The status has its own endpoints: a merge patch or a create cannot set it.
        problem(rep.as().body(Map.of("status", "LOST")).patch("/api/v1/customers/" + id).then(), 400, "validation")
                .body("errors.field", contains("status"));
        problem(rep.as().body(Customers.body("status", "LOST")).post("/api/v1/customers?allowDuplicate=true").then(), 400,
                "validation").body("errors.field", contains("status"));
        rep.as().get("/api/v1/customers/" + id).then().body("status", equalTo("ACTIVE")).body("version", equalTo(0));
    }

    @Test
    void repsMarkTheirOwnManagersAny() {
        long mine = Customers.createId(rep);
        long theirs = Customers.createId(otherRep);
        long pooled = PoolHelper.poolCustomer(manager);
        problem(rep.as().body(Map.of("reasonId", price)).post(lost(theirs)).then(), 404, "not-found");
        problem(rep.as().body(Map.of("reasonId", price)).post(lost(pooled)).then(), 403, "forbidden");
        manager.as().body(Map.of("reasonId", price)).post(lost(theirs)).then().statusCode(200);
        manager.as().body(Map.of("reasonId", price)).post(lost(pooled)).then().statusCode(200).body("ownerId", equalTo(null));
        problem(rep.as().post(reactivate(theirs)).then(), 404, "not-found");
        rep.as().body(Map.of("reasonId", price)).post(lost(mine)).then().statusCode(200);

        Session stranger = Api.openStore("Stranger");
        long strangerReason = PoolHelper.releaseReason(stranger);
        problem(stranger.as().body(Map.of("reasonId", strangerReason)).post(lost(mine)).then(), 404, "not-found");
        problem(stranger.as().post(reactivate(mine)).then(), 404, "not-found");
    }

    @Test
    void batchLostAndReactivate() {
        long one = Customers.createId(rep);
        long two = Customers.createId(rep);
        long theirs = Customers.createId(otherRep);
        rep.as().body(Map.of("reasonId", price)).post(lost(two)).then().statusCode(200);

        rep.as().body(Map.of("selection", Map.of("ids", List.of(one, two, theirs)), "action", "LOST", "reasonId", price,
                "note", "Season over")).post("/api/v1/customers/batch").then().statusCode(200)
                .body("matched", equalTo(2)).body("changed", equalTo(1))
                .body("skipped.id", containsInAnyOrder((int) two, (int) theirs))
                .body("skipped.find { it.id == " + two + " }.reason", equalTo("ALREADY_LOST"))
                .body("skipped.find { it.id == " + theirs + " }.reason", equalTo("NOT_FOUND"));
        assertEquals(1, PoolHelper.count(db, "select count(*) from customer_events where store_id = ? and customer_id = ? "
                + "and type = 'LOST' and data->>'note' = 'Season over' and (data->>'reasonId')::bigint = ?",
                admin.storeId(), one, price));
        problem(rep.as().body(Map.of("selection", Map.of("ids", List.of(one)), "action", "LOST"))
                .post("/api/v1/customers/batch").then(), 400, "validation").body("errors.field", contains("reasonId"));

        manager.as().body(Map.of("selection", Map.of("filter", Map.of("status", List.of("LOST"))), "action", "REACTIVATE"))
                .post("/api/v1/customers/batch").then().statusCode(200)
                .body("matched", equalTo(2)).body("changed", equalTo(2));
        manager.as().body(Map.of("selection", Map.of("ids", List.of(one, theirs)), "action", "REACTIVATE"))
                .post("/api/v1/customers/batch").then().statusCode(200)
                .body("changed", equalTo(0)).body("skipped.reason", contains("NOT_LOST", "NOT_LOST"));
        assertEquals(2, PoolHelper.count(db, "select count(*) from customer_events where store_id = ? and type = 'REACTIVATED'",
                admin.storeId()));
    }

    @Test
    void aLostCustomerIsNotAutoReturnedAndComesBackWithAFreshClock() {
        Instant t0 = LocalDate.now(ZoneOffset.UTC).plusDays(1).atTime(10, 0).toInstant(ZoneOffset.UTC);
        clock.set(t0);
        PoolHelper.setRules(admin, "returnAfterDaysWithoutFollowUp", 10, "returnAfterDaysWithoutDeal", 0);
        long id = Customers.createId(rep);
        rep.as().body(Map.of("reasonId", price)).post(lost(id)).then().statusCode(200).body("poolReturn", equalTo(null));
        clock.set(t0.plus(Duration.ofDays(20)));
        assertEquals(0, PoolHelper.sweep(admin).getInt("returned"));
        rep.as().post(reactivate(id)).then().statusCode(200)
                .body("poolReturn.at", equalTo(t0.plus(Duration.ofDays(30)).toString()));
        clock.set(t0.plus(Duration.ofDays(29)));
        assertEquals(0, PoolHelper.sweep(admin).getInt("returned"));
        clock.set(t0.plus(Duration.ofDays(30)));
        assertEquals(1, PoolHelper.sweep(admin).getInt("returned"));
        assertNull(PoolHelper.owner(db, admin.storeId(), id));
        assertEquals(1, PoolHelper.count(db, "select count(*) from customer_events where store_id = ? and customer_id = ? "
                + "and type = 'OWNER_CHANGED' and data->>'kind' = 'AUTO_RETURNED' and data->>'source' = 'MANUAL'",
                admin.storeId(), id));
    }

    @Test
    void deletingACustomerKeepsItsStatisticsButNotItsNotes() {
        long id = Customers.createId(rep, "stage", "INQUIRY");
        rep.as().body(Map.of("stage", "SAMPLE_ORDER")).patch("/api/v1/customers/" + id).then().statusCode(200);
        rep.as().body(Map.of("reasonId", price, "note", "Personal remark")).post(lost(id)).then().statusCode(200);
        rep.as().body(Map.of("stars", 2)).patch("/api/v1/customers/" + id).then().statusCode(200);
        manager.as().delete("/api/v1/customers/" + id).then().statusCode(204);
        assertEquals(3, PoolHelper.count(db, "select count(*) from customer_events where store_id = ? and customer_id = ?",
                admin.storeId(), id), "CREATED, STAGE_CHANGED, LOST stay; STARS_CHANGED goes");
        assertEquals(0, PoolHelper.count(db, "select count(*) from customer_events where store_id = ? and customer_id = ? "
                + "and jsonb_exists(data, 'note')", admin.storeId(), id));
        assertEquals(1, PoolHelper.count(db, "select count(*) from customer_events where store_id = ? and customer_id = ? "
                + "and type = 'STAGE_CHANGED' and data->>'from' = 'INQUIRY' and jsonb_exists(data, 'fromSince')", admin.storeId(), id));
    }
}
