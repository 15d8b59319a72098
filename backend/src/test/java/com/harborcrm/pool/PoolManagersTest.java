package com.harborcrm.pool;

import static com.harborcrm.testing.Api.problem;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.harborcrm.testing.Api;
import com.harborcrm.testing.Api.Session;
import com.harborcrm.testing.PoolHelper;

import io.quarkus.test.junit.QuarkusTest;

/**
 * A pool's managers (issue 22, item 2; V103): managers an admin names for a pool change that pool's rules and
 * distribution, as only admins could; every other manager still reads them, previews and assigns as before.
 */
@QuarkusTest
class PoolManagersTest {

    @Inject
    DataSource db;

    private static long createPool(Session admin, String name, List<Long> memberIds, List<Long> managerIds) {
        return admin.as().body(Map.of("name", name, "memberIds", memberIds, "managerIds", managerIds))
                .post("/api/v1/pools").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    @Test
    void aPoolsManagersChangeItsRulesAndDistributionAndNoOtherPoolsWhileOtherManagersOnlyRead() {
        Session admin = Api.openStore("Pool managers");
        Session regional = Api.addUser(admin, "MANAGER");
        Session other = Api.addUser(admin, "MANAGER");
        Session rep = Api.addUser(admin, "REP");
        long region = createPool(admin, "Middle East", List.of(rep.userId()), List.of(regional.userId()));
        admin.as().get("/api/v1/pools/" + region).then().statusCode(200)
                .body("managerIds", contains((int) regional.userId()));
        admin.as().get("/api/v1/pools/0").then().body("managerIds", empty());

        // Their pool's rules and distribution: changed by its manager.
        regional.as().body(PoolHelper.rules("returnAfterDaysWithoutFollowUp", 45))
                .put("/api/v1/pool/rules?poolId=" + region).then().statusCode(200)
                .body("returnAfterDaysWithoutFollowUp", equalTo(45));
        regional.as().body(Map.of("mode", "CAPACITY", "afterDays", 2)).put(PoolDistributionTest.distribution(region))
                .then().statusCode(200).body("mode", equalTo("CAPACITY"));

        // Not theirs: the default pool. Not named: the other manager. Never: a rep. Nothing changes.
        problem(regional.as().body(PoolHelper.rules("returnAfterDaysWithoutFollowUp", 5)).put("/api/v1/pool/rules").then(),
                403, "forbidden");
        problem(regional.as().body(Map.of("mode", "ROUND_ROBIN")).put(PoolDistributionTest.distribution(0)).then(),
                403, "forbidden");
        problem(other.as().body(PoolHelper.rules("returnAfterDaysWithoutFollowUp", 5))
                .put("/api/v1/pool/rules?poolId=" + region).then(), 403, "forbidden");
        problem(other.as().body(Map.of("mode", "OFF")).put(PoolDistributionTest.distribution(region)).then(),
                403, "forbidden");
        problem(rep.as().body(PoolHelper.rules("returnAfterDaysWithoutFollowUp", 5))
                .put("/api/v1/pool/rules?poolId=" + region).then(), 403, "forbidden");
        admin.as().get("/api/v1/pool/rules?poolId=" + region).then().body("returnAfterDaysWithoutFollowUp", equalTo(45));
        admin.as().get("/api/v1/pool/rules").then().body("returnAfterDaysWithoutFollowUp", equalTo(30));
        admin.as().get(PoolDistributionTest.distribution(region)).then().body("mode", equalTo("CAPACITY"));
        admin.as().get(PoolDistributionTest.distribution(0)).then().body("mode", equalTo("OFF"));
        // The other manager still reads and previews the pool as every manager does.
        other.as().get("/api/v1/pool/rules?poolId=" + region).then().statusCode(200);
        other.as().post(PoolDistributionTest.distribution(region) + "/preview").then().statusCode(200);
        // A pool of another store is not found, whoever manages pools here.
        Session elsewhere = Api.openStore("Another store with pools");
        long theirs = createPool(elsewhere, "Theirs", List.of(), List.of());
        problem(regional.as().body(PoolHelper.rules()).put("/api/v1/pool/rules?poolId=" + theirs).then(), 404, "not-found");

        // The store's limits stay the admins'. The pool itself too: its manager cannot rename it or name others.
        problem(regional.as().body(Map.of("maxPrivateCustomersPerRep", 1, "maxClaimsPerRepPerDay", 1))
                .put("/api/v1/pool/limits").then(), 403, "forbidden");
        problem(regional.as().body(Map.of("name", "Mine", "managerIds", List.of(other.userId())))
                .put("/api/v1/pools/" + region).then(), 403, "forbidden");

        // Taken off the list: the right goes with it.
        admin.as().body(Map.of("name", "Middle East", "memberIds", List.of(rep.userId()), "managerIds", List.of(other.userId())))
                .put("/api/v1/pools/" + region).then().statusCode(200).body("managerIds", contains((int) other.userId()));
        problem(regional.as().body(PoolHelper.rules()).put("/api/v1/pool/rules?poolId=" + region).then(), 403, "forbidden");
        other.as().body(PoolHelper.rules()).put("/api/v1/pool/rules?poolId=" + region).then().statusCode(200);
        // Deleting the pool takes its managers with it.
        admin.as().delete("/api/v1/pools/" + region).then().statusCode(204);
        assertEquals(0, PoolHelper.count(db, "select count(*) from pool_managers where store_id = ?", admin.storeId()));
    }

    @Test
    void onlyActiveManagersOfTheStoreManageAPoolAndEveryWrongOneIsNamedAtOnce() {
        Session admin = Api.openStore("Pool managers, validation");
        Session manager = Api.addUser(admin, "MANAGER");
        Session rep = Api.addUser(admin, "REP");
        Session gone = Api.addUser(admin, "MANAGER");
        admin.as().body(Map.of("active", false)).patch("/api/v1/users/" + gone.userId()).then().statusCode(200);
        Session otherStore = Api.openStore("Another store's manager");
        Session stranger = Api.addUser(otherStore, "MANAGER");

        problem(admin.as().body(Map.of("name", "Export", "managerIds",
                List.of(manager.userId(), rep.userId(), gone.userId(), admin.userId(), stranger.userId())))
                .post("/api/v1/pools").then(), 400, "validation")
                .body("errors.field", containsInAnyOrder("managerIds[1]", "managerIds[2]", "managerIds[3]", "managerIds[4]"))
                .body("errors[0].message", equalTo("must be an active manager of this store"));
        assertEquals(0, PoolHelper.count(db, "select count(*) from pools where store_id = ? and name = 'Export'",
                admin.storeId()));

        // Named twice: kept once. Absent on a change: none.
        long export = createPool(admin, "Export", List.of(), List.of(manager.userId(), manager.userId()));
        admin.as().get("/api/v1/pools/" + export).then().body("managerIds", contains((int) manager.userId()));
        admin.as().body(Map.of("name", "Export")).put("/api/v1/pools/" + export).then().statusCode(200)
                .body("managerIds", empty());
    }
}
