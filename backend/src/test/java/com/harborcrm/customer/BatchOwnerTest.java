package com.harborcrm.customer;

import static com.harborcrm.testing.Api.problem;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import com.harborcrm.testing.Api;
import com.harborcrm.testing.Api.Session;
import com.harborcrm.testing.Customers;
import com.harborcrm.testing.PoolHelper;

import io.restassured.response.ValidatableResponse;
import io.quarkus.test.junit.QuarkusTest;

/** The batch actions that change owners, RELEASE and TRANSFER, under the pool's rules. */
@QuarkusTest
class BatchOwnerTest {

    @Inject
    DataSource db;

    static ValidatableResponse batch(Session as, Object... keyValues) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            body.put((String) keyValues[i], keyValues[i + 1]);
        }
        return as.as().body(body).post("/api/v1/customers/batch").then();
    }

    long events(Session admin, long id, String kind) {
        return PoolHelper.ownerEvents(db, admin.storeId(), id, kind);
    }

    @Test
    void repsReleaseTheirOwnCustomersOnceWithAReasonAndTheCooldownApplies() {
        Session admin = Api.openStore("Batch release");
        Session rep = Api.addUser(admin, "REP");
        Session other = Api.addUser(admin, "REP");
        long reason = PoolHelper.releaseReason(rep);
        long a = Customers.createId(rep);
        long b = Customers.createId(rep);
        long others = Customers.createId(other);
        long pooled = PoolHelper.poolCustomer(admin);

        problem(batch(rep, "selection", Map.of("ids", List.of(a)), "action", "RELEASE"), 400, "validation")
                .body("errors[0].field", equalTo("reasonId"));
        problem(batch(rep, "selection", Map.of("ids", List.of(a)), "action", "RELEASE",
                "reasonId", PoolHelper.releaseReason(Api.openStore("Foreign reasons"))), 400, "validation")
                .body("errors[0].field", equalTo("reasonId"));
        problem(batch(rep, "selection", Map.of("ids", List.of(a)), "action", "RELEASE", "reasonId", reason,
                "note", "bad\u0000note"), 400, "validation").body("errors[0].field", equalTo("note"));
        assertEquals(rep.userId(), PoolHelper.owner(db, admin.storeId(), a));

        batch(rep, "selection", Map.of("ids", List.of(a, b, others, pooled, 999_999_999L)), "action", "RELEASE",
                "reasonId", reason, "note", "  Not our market  ")
                .statusCode(200).body("matched", equalTo(3)).body("changed", equalTo(2))
                .body("skipped.id", containsInAnyOrder((int) others, 999_999_999, (int) pooled))
                .body("skipped.find { it.id == " + others + " }.reason", equalTo("NOT_FOUND"))
                .body("skipped.find { it.id == 999999999 }.reason", equalTo("NOT_FOUND"))
                .body("skipped.find { it.id == " + pooled + " }.reason", equalTo("ALREADY_IN_POOL"));
        assertNull(PoolHelper.owner(db, admin.storeId(), a));
        assertNull(PoolHelper.owner(db, admin.storeId(), b));
        assertEquals(other.userId(), PoolHelper.owner(db, admin.storeId(), others));
        for (long id : new long[] {a, b}) {
            assertEquals(1, events(admin, id, "RELEASED"));
            assertEquals(1, PoolHelper.count(db, "select count(*) from customer_events where store_id = ? "
                    + "and customer_id = ? and type = 'OWNER_CHANGED' and actor_id = ? and data->>'note' = 'Not our market' "
                    + "and (data->>'reasonId')::bigint = ? and (data->>'fromOwnerId')::bigint = ?",
                    admin.storeId(), id, rep.userId(), reason, rep.userId()));
            assertEquals(1, PoolHelper.count(db, "select count(*) from pool_returns where store_id = ? and customer_id = ? "
                    + "and user_id = ? and kind = 'RELEASED'", admin.storeId(), id, rep.userId()));
        }
        admin.as().get("/api/v1/customers/" + a).then().statusCode(200).body("ownerId", equalTo(null));

        // Releasing again: already in the pool, nothing written twice.
        batch(rep, "selection", Map.of("ids", List.of(a)), "action", "RELEASE", "reasonId", reason)
                .statusCode(200).body("changed", equalTo(0)).body("skipped[0].reason", equalTo("ALREADY_IN_POOL"));
        assertEquals(1, events(admin, a, "RELEASED"));

        // The reclaim cooldown applies as after a single release; others may claim.
        rep.as().body(Map.of("customerIds", List.of(a))).post("/api/v1/pool/claim").then().statusCode(200)
                .body("failed[0].reason", equalTo("COOLDOWN"));
        other.as().body(Map.of("customerIds", List.of(b))).post("/api/v1/pool/claim").then().statusCode(200)
                .body("claimed", equalTo(List.of((int) b)));
    }

    @Test
    void managersReleaseAnyPrivateCustomerByFilterAndOtherStoresStayUntouched() {
        Session admin = Api.openStore("Batch release filter");
        Session manager = Api.addUser(admin, "MANAGER");
        Session rep = Api.addUser(admin, "REP");
        Session rep2 = Api.addUser(admin, "REP");
        long reason = PoolHelper.releaseReason(manager);
        long a = Customers.createId(rep, "stage", "SAMPLE_ORDER");
        long b = Customers.createId(rep2, "stage", "SAMPLE_ORDER");
        long pooled = PoolHelper.poolCustomer(admin, "stage", "SAMPLE_ORDER");
        long otherStage = Customers.createId(rep, "stage", "INQUIRY");
        Session stranger = Api.openStore("Batch release stranger");
        long foreign = Customers.createId(stranger, "stage", "SAMPLE_ORDER");

        batch(manager, "selection", Map.of("filter", Map.of("stage", List.of("SAMPLE_ORDER"))), "action", "RELEASE",
                "reasonId", reason)
                .statusCode(200).body("matched", equalTo(3)).body("changed", equalTo(2))
                .body("skipped", equalTo(List.of(Map.of("id", (int) pooled, "reason", "ALREADY_IN_POOL"))));
        assertNull(PoolHelper.owner(db, admin.storeId(), a));
        assertNull(PoolHelper.owner(db, admin.storeId(), b));
        assertEquals(rep.userId(), PoolHelper.owner(db, admin.storeId(), otherStage));
        assertEquals(stranger.userId(), PoolHelper.owner(db, stranger.storeId(), foreign));
        assertEquals(1, PoolHelper.count(db, "select count(*) from pool_returns where store_id = ? and customer_id = ? "
                + "and user_id = ?", admin.storeId(), b, rep2.userId()));
        assertEquals(1, PoolHelper.count(db, "select count(*) from customer_events where store_id = ? and customer_id = ? "
                + "and data->>'kind' = 'RELEASED' and actor_id = ? and (data->>'fromOwnerId')::bigint = ?",
                admin.storeId(), a, manager.userId(), rep.userId()));
        assertEquals(0, events(admin, pooled, "RELEASED"));
        // The cooldown belongs to the previous owner.
        rep2.as().body(Map.of("customerIds", List.of(b))).post("/api/v1/pool/claim").then().statusCode(200)
                .body("failed[0].reason", equalTo("COOLDOWN"));

        // Another store's ids are not found, and stay as they are.
        batch(manager, "selection", Map.of("ids", List.of(foreign)), "action", "RELEASE", "reasonId", reason)
                .statusCode(200).body("changed", equalTo(0)).body("skipped[0].reason", equalTo("NOT_FOUND"));
        assertEquals(stranger.userId(), PoolHelper.owner(db, stranger.storeId(), foreign));
    }

    @Test
    void transferIsForManagersToActiveUsersWithinTheLimitUnlessAnAdminOverrides() {
        Session admin = Api.openStore("Batch transfer");
        PoolHelper.setRules(admin, "maxPrivateCustomersPerRep", 3);
        Session manager = Api.addUser(admin, "MANAGER");
        Session from = Api.addUser(admin, "REP");
        Session to = Api.addUser(admin, "REP");
        Session gone = Api.addUser(admin, "REP");
        long owned = Customers.createId(to);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(Customers.createId(from));
        }
        long pooled = PoolHelper.poolCustomer(admin);
        ids.add(pooled);

        problem(batch(from, "selection", Map.of("ids", List.of(ids.get(0))), "action", "TRANSFER", "userId", to.userId()),
                403, "forbidden");
        problem(batch(manager, "selection", Map.of("ids", ids), "action", "TRANSFER"), 400, "validation")
                .body("errors[0].field", equalTo("userId"));
        admin.as().body(Map.of("active", false)).patch("/api/v1/users/" + gone.userId()).then().statusCode(200);
        for (long target : new long[] {gone.userId(), 987_654_321L, Api.openStore("Other").userId()}) {
            problem(batch(manager, "selection", Map.of("ids", ids), "action", "TRANSFER", "userId", target), 400,
                    "validation").body("errors[0].field", equalTo("userId"));
        }
        problem(batch(manager, "selection", Map.of("ids", ids), "action", "TRANSFER", "userId", to.userId(),
                "override", true), 403, "forbidden");
        assertEquals(1, PoolHelper.count(db, "select count(*) from customer_owners where store_id = ? and owner_id = ?",
                admin.storeId(), to.userId()));

        // The target owns 1 of 3: two more fit, in id order; the rest is skipped.
        List<Long> all = new ArrayList<>(ids);
        all.add(owned);
        batch(manager, "selection", Map.of("ids", all), "action", "TRANSFER", "userId", to.userId())
                .statusCode(200).body("matched", equalTo(5)).body("changed", equalTo(2))
                .body("skipped.id", containsInAnyOrder(ids.get(2).intValue(), (int) pooled, (int) owned))
                .body("skipped.find { it.id == " + ids.get(2) + " }.reason", equalTo("LIMIT_REACHED"))
                .body("skipped.find { it.id == " + pooled + " }.reason", equalTo("LIMIT_REACHED"))
                .body("skipped.find { it.id == " + owned + " }.reason", equalTo("ALREADY_OWNED"));
        assertEquals(to.userId(), PoolHelper.owner(db, admin.storeId(), ids.get(0)));
        assertEquals(to.userId(), PoolHelper.owner(db, admin.storeId(), ids.get(1)));
        assertEquals(from.userId(), PoolHelper.owner(db, admin.storeId(), ids.get(2)));
        assertNull(PoolHelper.owner(db, admin.storeId(), pooled));

        // An admin may go beyond the limit.
        batch(admin, "selection", Map.of("ids", all), "action", "TRANSFER", "userId", to.userId(), "override", true)
                .statusCode(200).body("changed", equalTo(2)).body("skipped.reason",
                        equalTo(List.of("ALREADY_OWNED", "ALREADY_OWNED", "ALREADY_OWNED")));
        assertEquals(5, PoolHelper.count(db, "select count(*) from customer_owners where store_id = ? and owner_id = ?",
                admin.storeId(), to.userId()));
        for (int i = 0; i < 3; i++) {
            assertEquals(1, events(admin, ids.get(i), "TRANSFERRED"));
            assertEquals(1, PoolHelper.count(db, "select count(*) from customer_events where store_id = ? "
                    + "and customer_id = ? and type = 'OWNER_CHANGED'", admin.storeId(), ids.get(i)));
        }
        assertEquals(1, PoolHelper.count(db, "select count(*) from customer_events where store_id = ? and customer_id = ? "
                + "and data->>'kind' = 'ASSIGNED' and actor_id = ? and (data->>'toOwnerId')::bigint = ?",
                admin.storeId(), pooled, admin.userId(), to.userId()));
        assertEquals(0, PoolHelper.count(db, "select count(*) from pool_claims where store_id = ?", admin.storeId()));
        from.as().get("/api/v1/customers/" + ids.get(0)).then().statusCode(404);
    }

    @Test
    void transferByFilterMovesOneRepsCustomersToAnother() {
        Session admin = Api.openStore("Batch transfer filter");
        Session leaving = Api.addUser(admin, "REP");
        Session taking = Api.addUser(admin, "REP");
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(Customers.createId(leaving));
        }
        long kept = Customers.createId(taking);
        admin.as().body(Map.of("active", false)).patch("/api/v1/users/" + leaving.userId()).then().statusCode(200);
        batch(admin, "selection", Map.of("filter", Map.of("ownerId", String.valueOf(leaving.userId()))),
                "action", "TRANSFER", "userId", taking.userId())
                .statusCode(200).body("matched", equalTo(3)).body("changed", equalTo(3)).body("skipped", empty());
        for (long id : ids) {
            assertEquals(taking.userId(), PoolHelper.owner(db, admin.storeId(), id));
            assertEquals(1, PoolHelper.count(db, "select count(*) from customer_events where store_id = ? "
                    + "and customer_id = ? and data->>'kind' = 'TRANSFERRED' and (data->>'fromOwnerId')::bigint = ?",
                    admin.storeId(), id, leaving.userId()));
        }
        assertEquals(0, events(admin, kept, "TRANSFERRED"));
    }
}
