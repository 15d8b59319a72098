package com.harborcrm.stats;

import static com.harborcrm.testing.Api.problem;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.harborcrm.testing.Api;
import com.harborcrm.testing.Api.Session;
import com.harborcrm.testing.Customers;
import com.harborcrm.testing.Products;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class SalesStatsTest {

    @Inject
    StatsRollup rollup;

    private static long order(Session as, long customer, String kind, String currency, List<Map<String, Object>> lines) {
        return as.as().body(Map.of("kind", kind, "currency", currency, "lines", lines))
                .post("/api/v1/customers/" + customer + "/orders").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private static void move(Session as, long order, String... statuses) {
        for (String status : statuses) {
            as.as().body(Map.of("status", status)).post("/api/v1/orders/" + order + "/status").then().statusCode(200);
        }
    }

    private static Map<String, Object> free(String price, int quantity) {
        return Map.of("description", "Item", "quantity", quantity, "unitPrice", price);
    }

    @Test
    void revenueOrdersAndRepeatBuyersPerCurrencyRepSourceCountryAndProduct() {
        Session admin = Api.openStore("Sales figures");
        Session alice = Api.addUser(admin, "REP");
        Session bob = Api.addUser(admin, "REP");
        long lamp = Products.create(admin, "LAMP", "10");
        Products.receive(admin, lamp, 1000);
        long german = Customers.createId(alice, "source", "EXHIBITION", "country", "DE");
        long chinese = Customers.createId(bob, "source", "ALIBABA_INQUIRY", "country", "CN");

        // Alice's customer buys twice in USD (a repeat buyer); a third paid order is cancelled again.
        long first = order(alice, german, "ORDER", "USD", List.of(Map.of("productId", lamp, "quantity", 10)));
        move(alice, first, "CONFIRMED", "PAID", "SHIPPED");
        long second = order(alice, german, "ORDER", "USD", List.of(Map.of("productId", lamp, "quantity", 5),
                free("20.25", 2)));
        move(alice, second, "CONFIRMED", "PAID");
        long refunded = order(alice, german, "ORDER", "USD", List.of(free("999", 1)));
        move(alice, refunded, "CONFIRMED", "PAID", "CANCELLED");
        // Bob's customer pays in EUR; a confirmed order not yet paid and a paid sample are not revenue.
        long euro = order(bob, chinese, "ORDER", "EUR", List.of(free("7.5", 4)));
        move(bob, euro, "CONFIRMED", "PAID");
        move(bob, order(bob, chinese, "ORDER", "EUR", List.of(free("100", 1))), "CONFIRMED");
        move(bob, order(bob, chinese, "SAMPLE_ORDER", "EUR", List.of(free("1", 1))), "CONFIRMED", "PAID");
        // Two quotations, one converted.
        long quote = order(alice, german, "QUOTATION", "USD", List.of(free("1", 1)));
        move(alice, quote, "SENT");
        alice.as().post("/api/v1/orders/" + quote + "/convert").then().statusCode(201);
        order(bob, chinese, "QUOTATION", "EUR", List.of(free("1", 1)));

        String report = "/api/v1/stats/sales";
        String before = admin.as().get(report).then().statusCode(200)
                .body("scope", equalTo("STORE")).body("groupBy", equalTo("MONTH"))
                .body("currencies.currency", contains("USD", "EUR"))
                // 100.00 + (50.00 + 40.50); the refund of 999 nets out on the same day.
                .body("currencies[0].revenue", equalTo("190.50"))
                .body("currencies[0].orders", equalTo(2))
                .body("currencies[0].averageOrderValue", equalTo("95.25"))
                .body("currencies[0].payingCustomers", equalTo(1))
                .body("currencies[0].repeatCustomers", equalTo(1))
                .body("currencies[0].repeatRate", equalTo(1.0f))
                .body("currencies[0].medianDaysToRepeat", equalTo(0.0f))
                .body("currencies[0].lifetimeValue", equalTo("190.50"))
                .body("currencies[0].series", org.hamcrest.Matchers.hasSize(1))
                .body("currencies[0].series[0].revenue", equalTo("190.50"))
                .body("currencies[0].series[0].share", equalTo(1.0f))
                .body("currencies[1].revenue", equalTo("30.00"))
                .body("currencies[1].orders", equalTo(1))
                .body("currencies[1].repeatCustomers", equalTo(0))
                .body("currencies[1].medianDaysToRepeat", nullValue())
                .body("quotations.quotations", equalTo(2))
                .body("quotations.converted", equalTo(1))
                .body("quotations.conversionRate", equalTo(0.5f))
                .extract().asString();

        admin.as().get(report + "?groupBy=rep").then().statusCode(200)
                .body("currencies[0].series.key", contains(Long.toString(alice.userId())))
                .body("currencies[1].series.key", contains(Long.toString(bob.userId())))
                .body("currencies[1].series[0].label", equalTo("REP user"));
        admin.as().get(report + "?groupBy=SOURCE").then()
                .body("currencies[0].series.key", contains("EXHIBITION"))
                .body("currencies[1].series.key", contains("ALIBABA_INQUIRY"));
        admin.as().get(report + "?groupBy=country").then()
                .body("currencies[0].series.key", contains("DE")).body("currencies[1].series.key", contains("CN"));
        // Per product: only product lines, with units.
        admin.as().get(report + "?groupBy=product").then()
                .body("currencies[0].series.key", contains(Long.toString(lamp)))
                .body("currencies[0].series[0].label", equalTo("LAMP — Product LAMP"))
                .body("currencies[0].series[0].revenue", equalTo("150.00"))
                .body("currencies[0].series[0].quantity", equalTo(15))
                .body("currencies[0].series[0].orders", equalTo(2))
                .body("currencies[1].series", org.hamcrest.Matchers.empty());

        // A rep gets their own figures only.
        bob.as().get(report).then().body("scope", equalTo("OWN")).body("currencies.currency", contains("EUR"))
                .body("currencies[0].revenue", equalTo("30.00")).body("quotations.quotations", equalTo(1))
                .body("quotations.converted", equalTo(0));
        // Folding the day's deltas changes no figure.
        rollup.fold();
        assertEquals(before, admin.as().get(report).then().extract().asString());

        problem(admin.as().get(report + "?groupBy=weekly").then(), 400, "validation")
                .body("errors[0].field", equalTo("groupBy")).body("errors[0].code", equalTo("ONE_OF"));
        problem(admin.as().get(report + "?from=2026-12-31&to=2026-01-01").then(), 400, "validation");
        // Another store sells nothing.
        Api.openStore("No sales").as().get(report).then().body("currencies", org.hamcrest.Matchers.empty())
                .body("quotations.quotations", equalTo(0)).body("quotations.conversionRate", nullValue());
    }
}
