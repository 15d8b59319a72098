package com.harborcrm.pool;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.harborcrm.testing.Api;
import com.harborcrm.testing.Api.Session;
import com.harborcrm.testing.Customers;
import com.harborcrm.testing.MutableClock;
import com.harborcrm.testing.PoolHelper;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The pool rule exemptOpenDeals: a customer with a sent quotation, or an order confirmed or paid and not shipped,
 * stays with its owner; drafts do not count; the return date comes back when the deal closes or the rule is off.
 */
@QuarkusTest
class PoolOpenDealsTest {

    @Inject
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static long order(Session as, long customer, String kind) {
        return as.as().body(Map.of("kind", kind, "currency", "USD", "lines", List.of(Map.of("description", "Item",
                "quantity", 1, "unitPrice", "10")))).post("/api/v1/customers/" + customer + "/orders").then()
                .statusCode(201).extract().jsonPath().getLong("id");
    }

    private static void move(Session as, long order, String status) {
        as.as().body(Map.of("status", status)).post("/api/v1/orders/" + order + "/status").then().statusCode(200);
    }

    private static String owner(Session as, long customer) {
        Object owner = as.as().get("/api/v1/customers/" + customer).then().extract().path("ownerId");
        return owner == null ? "pool" : "owned";
    }

    @Test
    void openDealsKeepACustomerWithItsOwnerWhileTheRuleIsOn() {
        Session admin = Api.openStore("Open deals");
        Session rep = Api.addUser(admin, "REP");
        PoolHelper.setRules(admin, "returnAfterDaysWithoutFollowUp", 30, "returnAfterDaysWithoutDeal", 0,
                "warnDaysBeforeReturn", 0, "exemptOpenDeals", true);
        admin.as().get("/api/v1/pool/rules").then().body("exemptOpenDeals", equalTo(true));
        Instant t0 = clock.instant();
        long quoted = Customers.createId(rep);
        long drafted = Customers.createId(rep);
        long confirmed = Customers.createId(rep);
        long quiet = Customers.createId(rep);
        move(rep, order(rep, quoted, "QUOTATION"), "SENT");
        order(rep, drafted, "ORDER");
        long deal = order(rep, confirmed, "ORDER");
        move(rep, deal, "CONFIRMED");
        // An exempt customer shows no return date at all.
        rep.as().get("/api/v1/customers/" + quoted).then().body("poolReturn", nullValue());
        rep.as().get("/api/v1/customers/" + drafted).then().body("poolReturn", notNullValue());

        clock.set(t0.plus(Duration.ofDays(31)));
        // The rules preview applies the exemption of the candidate rules, not of the stored ones: with it the two
        // customers without an open deal are due today, without it all four.
        for (boolean exempt : List.of(true, false)) {
            admin.as().body(PoolHelper.rules("returnAfterDaysWithoutFollowUp", 30, "returnAfterDaysWithoutDeal", 0,
                    "warnDaysBeforeReturn", 0, "exemptOpenDeals", exempt)).post("/api/v1/pool/rules/preview").then()
                    .statusCode(200).body("today.total", equalTo(exempt ? 2 : 4));
        }
        assertEquals(2, PoolHelper.sweep(admin).getInt("returned"));
        assertEquals(List.of("owned", "pool", "owned", "pool"), List.of(owner(admin, quoted), owner(admin, drafted),
                owner(admin, confirmed), owner(admin, quiet)));

        // Shipping closes the deal: the clock that ran meanwhile applies again.
        move(admin, deal, "PAID");
        assertEquals(0, PoolHelper.sweep(admin).getInt("returned"));
        move(admin, deal, "SHIPPED");
        assertEquals(1, PoolHelper.sweep(admin).getInt("returned"));
        assertEquals("pool", owner(admin, confirmed));

        // Turning the rule off brings the sent quotation's customer back under the clock.
        PoolHelper.setRules(admin, "returnAfterDaysWithoutFollowUp", 30, "returnAfterDaysWithoutDeal", 0,
                "warnDaysBeforeReturn", 0, "exemptOpenDeals", false);
        assertEquals(1, PoolHelper.sweep(admin).getInt("returned"));
        assertEquals("pool", owner(admin, quoted));
    }

    @Test
    void offByDefaultOpenDealsChangeNothing() {
        Session admin = Api.openStore("Open deals off");
        Session rep = Api.addUser(admin, "REP");
        PoolHelper.setRules(admin, "returnAfterDaysWithoutFollowUp", 30, "returnAfterDaysWithoutDeal", 0,
                "warnDaysBeforeReturn", 0);
        admin.as().get("/api/v1/pool/rules").then().body("exemptOpenDeals", equalTo(false));
        Instant t0 = clock.instant();
        long quoted = Customers.createId(rep);
        move(rep, order(rep, quoted, "QUOTATION"), "SENT");
        clock.set(t0.plus(Duration.ofDays(31)));
        assertEquals(1, PoolHelper.sweep(admin).getInt("returned"));
        assertEquals("pool", owner(admin, quoted));
    }
}
