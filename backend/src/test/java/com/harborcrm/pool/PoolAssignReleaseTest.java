package com.harborcrm.pool;

import static com.harborcrm.testing.Api.problem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import com.harborcrm.testing.Api;
import com.harborcrm.testing.Api.Session;
import com.harborcrm.testing.Customers;
import com.harborcrm.testing.PoolHelper;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class PoolAssignReleaseTest {

    @Inject
    DataSource db;

    @Test
    void managersAssignWithinTheLimitAndOnlyAdminsOverrideIt() {
        Session admin = Api.openStore("Assign");
        PoolHelper.setRules(admin, "maxPrivateCustomersPerRep", 2);
        Session manager = Api.addUser(admin, "MANAGER");
        Session rep = Api.addUser(admin, "REP");
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ids.add(PoolHelper.poolCustomer(admin));
        }
        manager.as().body(Map.of("customerIds", ids.subList(0, 3), "userId", rep.userId()))
                .post("/api/v1/pool/assign").then().statusCode(200)
                .body("assigned", equalTo(List.of(ids.get(0).intValue(), ids.get(1).intValue())))
                .body("failed[0].id", equalTo(ids.get(2).intValue()))
                .body("failed[0].reason", equalTo("LIMIT_REACHED"));
        problem(manager.as().body(Map.of("customerIds", ids.subList(2, 3), "userId", rep.userId(), "override", true))
                .post("/api/v1/pool/assign").then(), 403, "forbidden");
        problem(rep.as().body(Map.of("customerIds", ids.subList(2, 3), "userId", rep.userId()))
                .post("/api/v1/pool/assign").then(), 403, "forbidden");
        admin.as().body(Map.of("customerIds", ids.subList(0, 4), "userId", rep.userId(), "override", true))
                .post("/api/v1/pool/assign").then().statusCode(200)
                .body("assigned", equalTo(List.of(ids.get(2).intValue(), ids.get(3).intValue())))
                .body("failed.reason", equalTo(List.of("ALREADY_OWNED", "ALREADY_OWNED")));
        assertEquals(4, PoolHelper.count(db, "select count(*) from customer_owners where store_id = ? and owner_id = ?",
                admin.storeId(), rep.userId()));
        assertEquals(1, PoolHelper.count(db, "select count(*) from customer_events where store_id = ? and customer_id = ? "
                + "and data->>'kind' = 'ASSIGNED' and actor_id = ? and (data->>'toOwnerId')::bigint = ?",
                admin.storeId(), ids.get(0), manager.userId(), rep.userId()));
        // Assigning is not claiming: it does not use the rep's daily claims.
        assertEquals(0, PoolHelper.count(db, "select count(*) from pool_claims where store_id = ?", admin.storeId()));
    }

    @Test
    void transfersFromAnotherRepAreRecordedAsSuchAndTheTargetMustBeActive() {
        Session admin = Api.openStore("Transfer");
        Session manager = Api.addUser(admin, "MANAGER");
        Session from = Api.addUser(admin, "REP");
        Session to = Api.addUser(admin, "REP");
        Session gone = Api.addUser(admin, "REP");
        long id = Customers.createId(from);
        manager.as().body(Map.of("customerIds", List.of(id), "userId", to.userId())).post("/api/v1/pool/assign")
                .then().statusCode(200).body("assigned", equalTo(List.of((int) id)));
        assertEquals(to.userId(), PoolHelper.owner(db, admin.storeId(), id));
        assertEquals(1, PoolHelper.count(db, "select count(*) from customer_events where store_id = ? and customer_id = ? "
                + "and data->>'kind' = 'TRANSFERRED' and (data->>'fromOwnerId')::bigint = ? and (data->>'toOwnerId')::bigint = ?",
                admin.storeId(), id, from.userId(), to.userId()));
        problem(from.as().get("/api/v1/customers/" + id).then(), 404, "not-found");

        admin.as().body(Map.of("active", false)).patch("/api/v1/users/" + gone.userId()).then().statusCode(200);
        for (long target : new long[] {gone.userId(), 987_654_321L, Api.openStore("Other").userId()}) {
            problem(manager.as().body(Map.of("customerIds", List.of(id), "userId", target)).post("/api/v1/pool/assign")
                    .then(), 400, "validation").body("errors[0].field", equalTo("userId"));
        }
        manager.as().body(Map.of("customerIds", List.of(id, 999_999_999L), "userId", from.userId()))
                .post("/api/v1/pool/assign").then().statusCode(200)
                .body("failed[0].reason", equalTo("NOT_FOUND"));
    }

    @Test
    void releaseNeedsAStoreReasonAndTheOwnerOrAManager() {
        Session admin = Api.openStore("Release");
        Session manager = Api.addUser(admin, "MANAGER");
        Session rep = Api.addUser(admin, "REP");
        Session other = Api.addUser(admin, "REP");
        long reason = PoolHelper.releaseReason(rep);
        long foreignReason = PoolHelper.releaseReason(Api.openStore("Other reasons"));
        long id = Customers.createId(rep);
        String release = "/api/v1/customers/" + id + "/release";

        problem(rep.as().body(Map.of()).post(release).then(), 400, "validation")
                .body("errors[0].field", equalTo("reasonId"));
        problem(rep.as().body(Map.of("reasonId", foreignReason)).post(release).then(), 400, "validation")
                .body("errors[0].field", equalTo("reasonId"));
        problem(rep.as().body(Map.of("reasonId", reason, "note", "bad\u0000note")).post(release).then(), 400, "validation")
                .body("errors[0].field", equalTo("note"));
        problem(other.as().body(Map.of("reasonId", reason)).post(release).then(), 404, "not-found");
        problem(rep.as().body(Map.of("reasonId", reason)).post("/api/v1/customers/999999999/release").then(), 404,
                "not-found");
        assertEquals(rep.userId(), PoolHelper.owner(db, admin.storeId(), id));

        Session stranger = Api.openStore("Stranger");
        problem(stranger.as().body(Map.of("reasonId", foreignReason)).post(release).then(), 404, "not-found");
        stranger.as().body(Map.of("customerIds", List.of(id), "userId", stranger.userId())).post("/api/v1/pool/assign")
                .then().statusCode(200).body("failed[0].reason", equalTo("NOT_FOUND"));
        assertEquals(rep.userId(), PoolHelper.owner(db, admin.storeId(), id));

        rep.as().body(Map.of("reasonId", reason)).post(release).then().statusCode(200)
                .body("ownerId", nullValue());
        problem(rep.as().body(Map.of("reasonId", reason)).post(release).then(), 409, "already-in-pool");
        assertEquals(1, PoolHelper.ownerEvents(db, admin.storeId(), id, "RELEASED"));

        long another = Customers.createId(rep);
        manager.as().body(Map.of("reasonId", reason)).post("/api/v1/customers/" + another + "/release").then()
                .statusCode(200);
        assertEquals(1, PoolHelper.count(db, "select count(*) from customer_events where store_id = ? and customer_id = ? "
                + "and data->>'kind' = 'RELEASED' and actor_id = ? and (data->>'fromOwnerId')::bigint = ?",
                admin.storeId(), another, manager.userId(), rep.userId()));
        // The cooldown belongs to the previous owner, even when a manager released.
        rep.as().body(Map.of("customerIds", List.of(another))).post("/api/v1/pool/claim").then().statusCode(200)
                .body("failed[0].reason", equalTo("COOLDOWN"));
    }
}
