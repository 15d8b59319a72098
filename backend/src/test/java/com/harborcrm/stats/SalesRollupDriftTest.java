package com.harborcrm.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.inject.Inject;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import com.harborcrm.testing.Api;
import com.harborcrm.testing.Api.Session;
import com.harborcrm.testing.Customers;
import com.harborcrm.testing.PoolHelper;
import com.harborcrm.testing.Products;
import com.harborcrm.testing.Sql;

import io.restassured.path.json.JsonPath;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The sales rollups (V85: quotation counters, store-wide rows, customer figures per owner) must answer what the
 * orders say, whatever happened to them: payments and cancellations, quotations deleted as drafts, converted and
 * unconverted again, customers released, claimed, assigned, merged (and the merge undone) and deleted. Every
 * figure of the report, for the store and for each rep, is compared with the same figure counted on the orders,
 * before and after the fold.
 */
@QuarkusTest
class SalesRollupDriftTest {

    private static final String[] GROUPINGS = {"MONTH", "REP", "SOURCE", "COUNTRY", "PRODUCT"};

    @Inject
    DataSource dataSource;

    @Inject
    StatsRollup rollup;

    @Test
    void everyFigureEqualsTheOrdersThroughPaymentsConversionsOwnerMovesMergesAndDeletes() throws SQLException {
        Session admin = PoolHelper.openStore("Sales drift", "Asia/Shanghai");
        Session alice = Api.addUser(admin, "REP");
        Session bob = Api.addUser(admin, "REP");
        long reason = PoolHelper.releaseReason(admin);
        long lamp = Products.create(admin, "DRIFT-LAMP", "10");
        long desk = Products.create(admin, "DRIFT-DESK", "125.5");
        Products.receive(admin, lamp, 10_000);
        Products.receive(admin, desk, 10_000);
        long berlin = Customers.createId(admin, "ownerId", alice.userId(), "source", "EXHIBITION", "country", "DE",
                "email", Api.uniqueEmail("berlin"));
        long shanghai = Customers.createId(admin, "ownerId", alice.userId(), "source", "REFERRAL", "country", "CN");
        long boston = Customers.createId(admin, "ownerId", bob.userId(), "source", "EXHIBITION", "country", "US");
        long lyon = Customers.createId(admin, "ownerId", bob.userId(), "source", "ALIBABA_INQUIRY", "country", "FR");
        // The same buyer as berlin, entered again by bob: merged into berlin later.
        long berlinAgain = admin.as().queryParam("allowDuplicate", true).body(Customers.body("ownerId", bob.userId(),
                "source", "EXHIBITION", "country", "DE")).post("/api/v1/customers").then().statusCode(201)
                .extract().jsonPath().getLong("id");

        // Payments in two currencies (the products are priced in USD, so EUR orders have free-text lines), repeat buyers, a paid order cancelled, unpaid and sample orders.
        paid(alice, berlin, "USD", List.of(product(lamp, 10), free("20.25", 2)));
        paid(alice, berlin, "USD", List.of(product(desk, 1)));
        paid(alice, shanghai, "EUR", List.of(free("12.5", 3)));
        move(alice, paid(alice, shanghai, "EUR", List.of(free("999", 1))), "CANCELLED");
        paid(bob, boston, "USD", List.of(product(lamp, 7), product(desk, 2)));
        paid(bob, boston, "USD", List.of(free("5", 1)));
        paid(bob, boston, "USD", List.of(product(desk, 1)));
        paid(bob, berlinAgain, "USD", List.of(product(lamp, 1)));
        move(bob, order(bob, lyon, "ORDER", "USD", List.of(free("50", 1))), "CONFIRMED");
        move(bob, order(bob, lyon, "SAMPLE_ORDER", "USD", List.of(product(lamp, 1))), "CONFIRMED", "PAID");

        // Quotations: a draft deleted, one converted, one converted whose draft order is deleted again, one open.
        long draft = order(alice, berlin, "QUOTATION", "USD", List.of(free("1", 1)));
        alice.as().delete("/api/v1/orders/" + draft).then().statusCode(204);
        long accepted = order(alice, shanghai, "QUOTATION", "EUR", List.of(free("80", 4)));
        move(alice, accepted, "SENT");
        paidFrom(alice, alice.as().post("/api/v1/orders/" + accepted + "/convert").then().statusCode(201)
                .extract().jsonPath().getLong("id"));
        long withdrawn = order(bob, boston, "QUOTATION", "USD", List.of(free("3", 3)));
        move(bob, withdrawn, "SENT");
        long convertedDraft = bob.as().post("/api/v1/orders/" + withdrawn + "/convert").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        bob.as().delete("/api/v1/orders/" + convertedDraft).then().statusCode(204);
        move(bob, order(bob, lyon, "QUOTATION", "USD", List.of(free("8", 1))), "SENT");
        long doomed = Customers.createId(admin, "ownerId", bob.userId(), "source", "MANUAL");
        move(bob, order(bob, doomed, "QUOTATION", "USD", List.of(free("2", 1))), "SENT");
        List<Session> viewers = List.of(admin, alice, bob);
        compare(admin, viewers, "after payments and quotations");

        // Owners move: shanghai to the pool and to bob, boston assigned to alice, a quotation's customer deleted.
        alice.as().body(Map.of("reasonId", reason)).post("/api/v1/customers/" + shanghai + "/release").then()
                .statusCode(200);
        compare(admin, viewers, "shanghai in the pool");
        PoolHelper.claim(bob, List.of(shanghai));
        admin.as().body(Map.of("customerIds", List.of(boston), "userId", alice.userId())).post("/api/v1/pool/assign")
                .then().statusCode(200);
        admin.as().delete("/api/v1/customers/" + doomed).then().statusCode(204);
        compare(admin, viewers, "after owner moves and a delete");

        // A merge moves berlinAgain's paid order to berlin (two paying customers become one); undone, they part.
        long merge = admin.as().body(Map.of("duplicateIds", List.of(berlinAgain)))
                .post("/api/v1/customers/" + berlin + "/merge").then().statusCode(200).extract().jsonPath()
                .getLong("mergeId");
        compare(admin, viewers, "merged");
        rollup.fold();
        compare(admin, viewers, "merged and folded");
        admin.as().post("/api/v1/merges/" + merge + "/undo").then().statusCode(200);
        compare(admin, viewers, "merge undone");
        rollup.fold();
        compare(admin, viewers, "merge undone and folded");
        assertEquals(0, count("select count(*) from stats_customer_sales where store_id = ? and not compacted",
                admin.storeId()), "the fold leaves no customer delta behind");
    }

    // ---- the comparison ---------------------------------------------------------------------------------------------

    private void compare(Session admin, List<Session> viewers, String when) throws SQLException {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        String period = "from=" + today.minusDays(3) + "&to=" + today;
        for (Session viewer : viewers) {
            Long rep = viewer == admin ? null : viewer.userId();
            String who = when + ", " + (rep == null ? "store" : "rep " + rep);
            for (String groupBy : GROUPINGS) {
                JsonPath report = viewer.as().get("/api/v1/stats/sales?groupBy=" + groupBy + "&" + period).then()
                        .statusCode(200).extract().jsonPath();
                assertEquals(expectedTotals(admin.storeId(), rep), actualTotals(report), who + ": totals");
                assertEquals(expectedQuotations(admin.storeId(), rep),
                        report.getLong("quotations.quotations") + "/" + report.getLong("quotations.converted"),
                        who + ": quotations written/converted");
                if (!groupBy.equals("MONTH")) {
                    assertEquals(expectedSeries(admin.storeId(), rep, groupBy), actualSeries(report),
                            who + ": series by " + groupBy);
                }
            }
        }
    }

    /** Per currency: orders, revenue; paying and repeat customers, lifetime value (revenue so far per paying one). */
    private Map<String, String> expectedTotals(long store, Long rep) throws SQLException {
        Map<String, String> expected = new TreeMap<>();
        for (Object[] r : rows("""
                select currency, count(*), sum(total) from orders
                where store_id = ? and kind = 'ORDER' and paid_at is not null and status <> 'CANCELLED'
                  and (cast(? as bigint) is null or owner_id = ?)
                group by currency""", store, rep, rep)) {
            expected.put((String) r[0], r[1] + " orders " + amount(r[2]));
        }
        for (Object[] r : rows("""
                select p.currency, count(*), count(*) filter (where p.n > 1), round(sum(p.revenue) / count(*), 2)
                from (select o.customer_id, o.currency, count(*) as n, sum(o.total) as revenue from orders o
                      where o.store_id = ? and o.kind = 'ORDER' and o.paid_at is not null and o.status <> 'CANCELLED'
                      group by o.customer_id, o.currency) p
                left join customer_owners w on w.store_id = ? and w.customer_id = p.customer_id
                where cast(? as bigint) is null or w.owner_id = ?
                group by p.currency""", store, store, rep, rep)) {
            String currency = (String) r[0];
            expected.merge(currency, "; " + r[1] + " paying, " + r[2] + " repeat, " + amount(r[3]), String::concat);
        }
        return expected;
    }

    private static Map<String, String> actualTotals(JsonPath report) {
        Map<String, String> actual = new TreeMap<>();
        for (int i = 0; i < report.getList("currencies").size(); i++) {
            String at = "currencies[" + i + "].";
            String figures = "";
            if (report.getLong(at + "orders") != 0) {
                figures += report.getLong(at + "orders") + " orders " + amount(report.getString(at + "revenue"));
            }
            long paying = report.getLong(at + "payingCustomers");
            if (paying > 0) {
                figures += "; " + paying + " paying, " + report.getLong(at + "repeatCustomers") + " repeat, "
                        + amount(report.getString(at + "lifetimeValue"));
            }
            actual.put(report.getString(at + "currency"), figures);
        }
        return actual;
    }

    private String expectedQuotations(long store, Long rep) throws SQLException {
        Object[] r = rows("""
                select count(*), count(*) filter (where exists (
                         select 1 from orders c where c.store_id = q.store_id and c.converted_from_id = q.id))
                from orders q where q.store_id = ? and q.kind = 'QUOTATION'
                  and (cast(? as bigint) is null or q.owner_id = ?)""", store, rep, rep).get(0);
        return r[0] + "/" + r[1];
    }

    /** Per currency and group key: orders, revenue and (by product) units. */
    private Map<String, String> expectedSeries(long store, Long rep, String groupBy) throws SQLException {
        String key = switch (groupBy) {
            case "REP" -> "coalesce(cast(o.owner_id as text), 'none')";
            case "SOURCE" -> "c.source";
            case "COUNTRY" -> "coalesce(c.country, '')";
            default -> "cast(l.product_id as text)";
        };
        boolean byProduct = groupBy.equals("PRODUCT");
        Map<String, String> expected = new TreeMap<>();
        for (Object[] r : rows("select o.currency, " + key + ", count(distinct o.id), sum("
                + (byProduct ? "l.line_total" : "o.total") + "), " + (byProduct ? "sum(l.quantity)" : "null")
                + " from orders o join customers c on c.store_id = o.store_id and c.id = o.customer_id "
                + (byProduct ? "join order_lines l on l.store_id = o.store_id and l.order_id = o.id "
                        + "and l.product_id is not null " : "")
                + "where o.store_id = ? and o.kind = 'ORDER' and o.paid_at is not null and o.status <> 'CANCELLED' "
                + "and (cast(? as bigint) is null or o.owner_id = ?) group by 1, 2", store, rep, rep)) {
            expected.put(r[0] + " " + r[1], r[2] + " orders " + amount(r[3]) + (r[4] == null ? "" : " units " + r[4]));
        }
        return expected;
    }

    private static Map<String, String> actualSeries(JsonPath report) {
        Map<String, String> actual = new TreeMap<>();
        for (int i = 0; i < report.getList("currencies").size(); i++) {
            String currency = report.getString("currencies[" + i + "].currency");
            List<Map<String, Object>> series = report.getList("currencies[" + i + "].series");
            for (Map<String, Object> group : series) {
                actual.put(currency + " " + group.get("key"), group.get("orders") + " orders "
                        + amount(group.get("revenue")) + (group.get("quantity") == null ? "" : " units " + group.get("quantity")));
            }
        }
        return actual;
    }

    private static String amount(Object value) {
        return new BigDecimal(value.toString()).stripTrailingZeros().toPlainString();
    }

    // ---- orders through the API ---------------------------------------------------------------------------------

    private static long order(Session as, long customer, String kind, String currency, List<Map<String, Object>> lines) {
        return as.as().body(Map.of("kind", kind, "currency", currency, "lines", lines))
                .post("/api/v1/customers/" + customer + "/orders").then().statusCode(201).extract().jsonPath()
                .getLong("id");
    }

    private static long paid(Session as, long customer, String currency, List<Map<String, Object>> lines) {
        return paidFrom(as, order(as, customer, "ORDER", currency, lines));
    }

    private static long paidFrom(Session as, long order) {
        move(as, order, "CONFIRMED", "PAID");
        return order;
    }

    private static void move(Session as, long order, String... statuses) {
        for (String status : statuses) {
            as.as().body(Map.of("status", status)).post("/api/v1/orders/" + order + "/status").then().statusCode(200);
        }
    }

    private static Map<String, Object> product(long id, int quantity) {
        return Map.of("productId", id, "quantity", quantity);
    }

    private static Map<String, Object> free(String price, int quantity) {
        return Map.of("description", "Item", "quantity", quantity, "unitPrice", price);
    }

    // ---- SQL ----------------------------------------------------------------------------------------------------

    private long count(String sql, Object... params) throws SQLException {
        return ((Number) rows(sql, params).get(0)[0]).longValue();
    }

    private List<Object[]> rows(String sql, Object... params) throws SQLException {
        return Sql.rows(dataSource, sql, params);
    }

}
