package com.harborcrm.notification;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.harborcrm.testing.Api;
import com.harborcrm.testing.Api.Session;
import com.harborcrm.testing.PoolHelper;

import io.restassured.path.json.JsonPath;

import io.quarkus.test.junit.QuarkusTest;

/**
 * A rep hears in the bell when customers are handed to them (V100): one notice per assignment, naming the first
 * customer, how many, and who assigned them, or the rule of the pool's automatic distribution.
 */
@QuarkusTest
class AssignmentNoticeTest {

    @Inject
    DataSource db;

    private static JsonPath notices(Session as) {
        return as.as().get("/api/v1/notifications").then().statusCode(200).extract().jsonPath();
    }

    private static List<Long> poolCustomers(Session admin, int n) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(PoolHelper.poolCustomer(admin));
        }
        return ids;
    }

    @Test
    void aManagersAssignmentAndTransferReachTheRecipientOnceEachNotTheManagerThemselves() {
        Session admin = Api.openStore("Assignment notices");
        Session manager = Api.addUser(admin, "MANAGER");
        Session rita = Api.addUser(admin, "REP");
        Session sam = Api.addUser(admin, "REP");
        PoolHelper.setRules(admin, "maxPrivateCustomersPerRep", 3);
        List<Long> ids = poolCustomers(admin, 4);

        // Four asked, three fit under Rita's cap: her notice counts the three, names the first.
        manager.as().body(Map.of("customerIds", ids, "userId", rita.userId())).post("/api/v1/pool/assign").then()
                .statusCode(200).body("assigned.size()", equalTo(3));
        rita.as().get("/api/v1/notifications/count").then().body("unread", equalTo(1));
        JsonPath mine = notices(rita);
        assertEquals("CUSTOMERS_ASSIGNED", mine.getString("items[0].kind"));
        assertEquals(3, mine.getInt("items[0].customers"));
        assertEquals(Collections.min(ids.subList(0, 3)), mine.getLong("items[0].customer.id"));
        assertEquals(manager.userId(), mine.getLong("items[0].actor.id"));
        assertEquals(rita.userId(), mine.getLong("items[0].owner.id"));
        rita.as().get("/api/v1/notifications").then().body("items[0].rule", nullValue())
                .body("items[0].read", equalTo(false));

        // A transfer of one of them to Sam: Sam hears of one customer; a manager assigning to themselves hears nothing.
        manager.as().body(Map.of("customerIds", List.of(ids.get(0)), "userId", sam.userId()))
                .post("/api/v1/pool/assign").then().statusCode(200).body("assigned", contains(ids.get(0).intValue()));
        sam.as().get("/api/v1/notifications").then().body("items.kind", contains("CUSTOMERS_ASSIGNED"))
                .body("items[0].customers", equalTo(1)).body("items[0].customer.id", equalTo(ids.get(0).intValue()));
        manager.as().body(Map.of("customerIds", List.of(ids.get(3)), "userId", manager.userId()))
                .post("/api/v1/pool/assign").then().statusCode(200);
        manager.as().get("/api/v1/notifications").then().body("items", empty());
        // Nothing assigned (she owns it already), nothing said.
        manager.as().body(Map.of("customerIds", List.of(ids.get(1)), "userId", rita.userId()))
                .post("/api/v1/pool/assign").then().statusCode(200).body("assigned", empty());
        rita.as().get("/api/v1/notifications/count").then().body("unread", equalTo(1));
        // A claim is the rep's own doing: no notice.
        long claimed = PoolHelper.poolCustomer(admin);
        PoolHelper.claim(sam, List.of(claimed));
        sam.as().get("/api/v1/notifications/count").then().body("unread", equalTo(1));
    }

    @Test
    void theDistributionTellsEachRepOnceHowManyTheRuleHandedThem() {
        Session admin = Api.openStore("Distribution notices");
        Session a = Api.addUser(admin, "REP");
        Session b = Api.addUser(admin, "REP");
        long pool = admin.as().body(Map.of("name", "Export", "memberIds", List.of(a.userId(), b.userId())))
                .post("/api/v1/pools").then().statusCode(201).extract().jsonPath().getLong("id");
        List<Long> ids = poolCustomers(admin, 5);
        admin.as().body(Map.of("customerIds", ids)).post("/api/v1/pools/" + pool + "/customers").then().statusCode(200);
        admin.as().body(Map.of("mode", "ROUND_ROBIN", "afterDays", 0, "returningBuyerDays", 0))
                .put("/api/v1/pools/" + pool + "/distribution").then().statusCode(200);
        admin.as().post("/api/v1/pools/" + pool + "/distribution/run").then().statusCode(200)
                .body("assigned", equalTo(5));

        int total = 0;
        for (Session rep : List.of(a, b)) {
            JsonPath mine = notices(rep);
            assertEquals(List.of("CUSTOMERS_ASSIGNED"), mine.getList("items.kind"));
            assertEquals("ROUND_ROBIN", mine.getString("items[0].rule"));
            assertNull(mine.get("items[0].actor"));
            long held = PoolHelper.count(db, "select count(*) from customer_owners where store_id = ? "
                    + "and owner_id = ?", admin.storeId(), rep.userId());
            assertEquals(held, mine.getInt("items[0].customers"));
            total += mine.getInt("items[0].customers");
        }
        assertEquals(5, total);
    }
}
