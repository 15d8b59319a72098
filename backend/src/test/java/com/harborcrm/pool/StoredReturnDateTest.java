package com.harborcrm.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.harborcrm.io.Imports;
import com.harborcrm.testing.Api;
import com.harborcrm.testing.Api.Session;
import com.harborcrm.testing.Customers;
import com.harborcrm.testing.MutableClock;
import com.harborcrm.testing.PoolHelper;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The return date is stored on the ownership row (customer_owners.due_at/due_rule, V78) and must stay what
 * pool_return_at says under the store's rules, whichever path changed what it depends on: creation with an owner,
 * claims, assignment and transfer, release, follow-ups (also back-dated and deleted), stage changes into and out of
 * a deal, loss and reactivation, an import to a rep, a rules change with a per-stage override, a merge and its
 * undo, and the sweep. After each step no row may differ from the recomputation, every customer has exactly one
 * ownership row, and a row's clocks match its owner (owned since when owned, pooled since when in the pool).
 */
@QuarkusTest
class StoredReturnDateTest {

    @Inject
    DataSource db;

    @Inject
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theStoredReturnDateFollowsEveryChangeItDependsOn() {
        Session admin = Api.openStore("Stored return date");
        Session rep = Api.addUser(admin, "REP");
        Session other = Api.addUser(admin, "REP");
        Session manager = Api.addUser(admin, "MANAGER");
        long store = admin.storeId();
        long reason = PoolHelper.releaseReason(admin);
        Instant t0 = clock.instant();

        List<Long> owned = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            owned.add(Customers.createId(admin, "ownerId", rep.userId(), "stage", i % 2 == 0 ? "INQUIRY" : "SAMPLE_ORDER"));
        }
        List<Long> pooled = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            pooled.add(PoolHelper.poolCustomer(admin));
        }
        assertExact(store, "created");

        clock.set(t0.plus(Duration.ofDays(3)));
        PoolHelper.claim(rep, pooled.subList(0, 2));
        admin.as().body(Map.of("customerIds", List.of(pooled.get(2)), "userId", other.userId()))
                .post("/api/v1/pool/assign").then().statusCode(200);
        admin.as().body(Map.of("customerIds", List.of(owned.get(3)), "userId", other.userId()))
                .post("/api/v1/pool/assign").then().statusCode(200);
        assertExact(store, "claimed, assigned, transferred");

        clock.set(t0.plus(Duration.ofDays(5)));
        long followUp = rep.as().body(Map.of("type", "CALL", "content", "Talked prices"))
                .post("/api/v1/customers/" + owned.get(0) + "/follow-ups").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        rep.as().body(Map.of("type", "EMAIL", "content", "Sent the catalogue",
                "occurredAt", t0.plus(Duration.ofDays(1)).toString()))
                .post("/api/v1/customers/" + owned.get(1) + "/follow-ups").then().statusCode(201);
        assertExact(store, "followed up, one back-dated");
        rep.as().delete("/api/v1/customers/" + owned.get(0) + "/follow-ups/" + followUp).then().statusCode(204);
        assertExact(store, "follow-up deleted");

        admin.as().body(Map.of("stage", "TRANSACTION")).patch("/api/v1/customers/" + owned.get(1)).then().statusCode(200);
        admin.as().body(Map.of("stage", "INQUIRY")).patch("/api/v1/customers/" + owned.get(2)).then().statusCode(200);
        assertExact(store, "stages changed, one into a deal");

        long lostReason = admin.as().get("/api/v1/lost-reasons").then().statusCode(200).extract().jsonPath()
                .getLong("items[0].id");
        rep.as().body(Map.of("reasonId", lostReason)).post("/api/v1/customers/" + owned.get(2) + "/lost")
                .then().statusCode(200);
        assertExact(store, "lost");
        clock.set(t0.plus(Duration.ofDays(6)));
        admin.as().post("/api/v1/customers/" + owned.get(2) + "/reactivate").then().statusCode(200);
        assertExact(store, "reactivated");

        rep.as().body(Map.of("reasonId", reason)).post("/api/v1/customers/" + pooled.get(0) + "/release")
                .then().statusCode(200);
        assertExact(store, "released");

        assertEquals("DONE", Imports.run(admin, "Name,Stage\nImported one,INQUIRY\nImported two,TRANSACTION\n",
                "target", "OWNER", "ownerId", Long.toString(rep.userId())).getString("status"));
        assertExact(store, "imported to a rep");

        PoolHelper.setRules(admin, "returnAfterDaysWithoutFollowUp", 10, "returnAfterDaysWithoutDeal", 20,
                "stageFollowUpDays", Map.of("SAMPLE_ORDER", 4));
        assertExact(store, "rules changed");

        long mergeId = manager.as().body(Map.of("duplicateIds", List.of(owned.get(3), pooled.get(3))))
                .post("/api/v1/customers/" + owned.get(0) + "/merge").then().statusCode(200).extract().jsonPath()
                .getLong("mergeId");
        assertExact(store, "merged");
        manager.as().post("/api/v1/merges/" + mergeId + "/undo").then().statusCode(200);
        assertExact(store, "merge undone");
        assertEquals(other.userId(), PoolHelper.owner(db, store, owned.get(3)));

        clock.set(t0.plus(Duration.ofDays(16)));
        long returned = PoolHelper.sweep(admin).getLong("returned");
        assertEquals(true, returned > 0, "something was due after 16 days under 10-day rules");
        assertExact(store, "swept");
        assertEquals(0, PoolHelper.count(db, "select count(*) from customer_owners where store_id = ? and due_at <= ?",
                store, java.sql.Timestamp.from(clock.instant())), "nothing due is left after the sweep");
    }

    private void assertExact(long store, String step) {
        assertEquals(0, PoolHelper.count(db, """
                select count(*) from customer_owners o
                join customers c on c.store_id = o.store_id and c.id = o.customer_id
                join pool_rules r on r.store_id = o.store_id
                where o.store_id = ? and (
                  o.due_at is distinct from case when o.owner_id is not null and c.status = 'ACTIVE'
                      and not (r.exempt_open_deals and o.open_deals > 0) then pool_return_at(
                      o.owned_since, c.last_follow_up_at, c.stage, r.return_after_days_without_follow_up,
                      r.return_after_days_without_deal, r.stage_follow_up_days) end
                  or o.due_rule is distinct from case when o.owner_id is not null and c.status = 'ACTIVE'
                      and not (r.exempt_open_deals and o.open_deals > 0) then pool_return_rule(
                      o.owned_since, c.last_follow_up_at, c.stage, r.return_after_days_without_follow_up,
                      r.return_after_days_without_deal, r.stage_follow_up_days) end
                  or (o.owner_id is null) = (o.owned_since is not null)
                  or (o.owner_id is null) <> (o.pooled_since is not null))""", store), step + ": stored return dates");
        assertEquals(0, PoolHelper.count(db, "select count(*) from customers c where c.store_id = ? and not exists ("
                + "select 1 from customer_owners o where o.store_id = c.store_id and o.customer_id = c.id)", store),
                step + ": customers without an ownership row");
    }
}
