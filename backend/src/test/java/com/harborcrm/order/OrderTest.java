package com.harborcrm.order;

import static com.harborcrm.testing.Api.problem;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import com.harborcrm.testing.Api;
import com.harborcrm.testing.Api.Session;
import com.harborcrm.testing.Customers;
import com.harborcrm.testing.Products;

import io.restassured.path.json.JsonPath;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class OrderTest {

    static JsonPath order(Session as, long customerId, String kind, List<Map<String, Object>> lines) {
        return as.as().body(Map.of("kind", kind, "currency", "USD", "lines", lines))
                .post("/api/v1/customers/" + customerId + "/orders").then().statusCode(201).extract().jsonPath();
    }

    static void move(Session as, long orderId, String status) {
        as.as().body(Map.of("status", status)).post("/api/v1/orders/" + orderId + "/status").then().statusCode(200)
                .body("status", equalTo(status));
    }

    static Map<String, Object> line(long productId, long quantity) {
        return Map.of("productId", productId, "quantity", quantity);
    }

    static String stage(Session as, long customerId) {
        return as.as().get("/api/v1/customers/" + customerId).then().extract().path("stage");
    }

    @Test
    void theServerComputesExactTotalsAndProductLinesTakeTheCatalogue() {
        Session admin = Api.openStore("Totals");
        Session rep = Api.addUser(admin, "REP");
        long customer = Customers.createId(rep);
        long bolt = Products.create(admin, "BOLT-M8", "0.0125");
        JsonPath created = order(rep, customer, "QUOTATION", List.of(
                line(bolt, 1000),
                Map.of("description", "Custom packaging", "quantity", 3, "unitPrice", "19.99", "discountPercent", "10"),
                Map.of("description", "Freight", "quantity", 1, "unitPrice", 0.1)));
        // 1000 × 0.0125 = 12.50; 3 × 19.99 = 59.97 less 10% = 53.973 → 53.97; 0.10. Binary floating point says
        // 0.1 + 59.97 ... ≠; exact decimals do not.
        assertEquals("DRAFT", created.getString("status"));
        assertEquals(java.util.Arrays.asList("BOLT-M8", null, null), created.getList("lines.sku"));
        assertEquals(List.of("Product BOLT-M8", "Custom packaging", "Freight"), created.getList("lines.description"));
        assertEquals(List.of("0.0125", "19.99", "0.10"), created.getList("lines.unitPrice"));
        assertEquals(List.of("12.50", "53.97", "0.10"), created.getList("lines.lineTotal"));
        assertEquals("72.57", created.getString("subtotal"));
        assertEquals("6.00", created.getString("discountTotal"));
        assertEquals("66.57", created.getString("total"));
        assertEquals(List.of("SENT"), created.getList("nextStatuses"));
        assertEquals((int) rep.userId(), created.getInt("ownerId"));

        // A currency without a minor unit rounds to whole units; a product priced in another currency needs a price.
        problem(rep.as().body(Map.of("kind", "ORDER", "currency", "JPY", "lines", List.of(line(bolt, 10))))
                .post("/api/v1/customers/" + customer + "/orders").then(), 400, "validation")
                .body("errors[0].field", equalTo("lines[0].unitPrice")).body("errors[0].code", equalTo("REQUIRED"));
        rep.as().body(Map.of("kind", "ORDER", "currency", "JPY", "lines", List.of(
                Map.of("productId", bolt, "quantity", 3, "unitPrice", "333.5", "discountPercent", "0"))))
                .post("/api/v1/customers/" + customer + "/orders").then().statusCode(201)
                .body("total", equalTo("1001")).body("lines[0].lineTotal", equalTo("1001"));

        // Every mistake at once, lines by index; nothing written.
        problem(rep.as().body(Map.of("kind", "ORDER", "currency", "usd", "lines", List.of(
                Map.of("quantity", 0), Map.of("productId", 999_999_999, "quantity", 1, "discountPercent", "120"))))
                .post("/api/v1/customers/" + customer + "/orders").then(), 400, "validation")
                .body("errors.field", containsInAnyOrder("currency", "lines[0].quantity", "lines[1].discountPercent"));
        problem(rep.as().body(Map.of("kind", "ORDER", "currency", "USD", "lines", List.of(
                Map.of("quantity", 2), Map.of("productId", 999_999_999, "quantity", 1))))
                .post("/api/v1/customers/" + customer + "/orders").then(), 400, "validation")
                .body("errors.field", containsInAnyOrder("lines[0].description", "lines[0].unitPrice",
                        "lines[1].productId"));
        problem(rep.as().body(Map.of("kind", "ORDER", "currency", "USD", "lines", List.of()))
                .post("/api/v1/customers/" + customer + "/orders").then(), 400, "validation")
                .body("errors[0].field", equalTo("lines"));
        rep.as().get("/api/v1/customers/" + customer + "/orders").then().statusCode(200)
                .body("items.kind", contains("ORDER", "QUOTATION"));
    }

    @Test
    void confirmingReservesShippingConsumesCancellingReleasesAndStagesFollowTheDeals() {
        Session admin = Api.openStore("Deals");
        Session rep = Api.addUser(admin, "REP");
        long customer = Customers.createId(rep, "stage", "INQUIRY");
        long lamp = Products.create(admin, "LAMP", "8");
        Products.receive(admin, lamp, 50);

        long sample = order(rep, customer, "SAMPLE_ORDER", List.of(line(lamp, 2), line(lamp, 1))).getLong("id");
        move(rep, sample, "CONFIRMED");
        admin.as().get("/api/v1/products/" + lamp).then().body("stock.onHand", equalTo(50))
                .body("stock.reserved", equalTo(3)).body("stock.available", equalTo(47));
        assertEquals("SAMPLE_ORDER", stage(rep, customer));
        // A free sample ships unpaid; shipping consumes what was reserved.
        move(rep, sample, "SHIPPED");
        admin.as().get("/api/v1/products/" + lamp).then().body("stock.onHand", equalTo(47))
                .body("stock.reserved", equalTo(0));

        long first = order(rep, customer, "ORDER", List.of(line(lamp, 10))).getLong("id");
        // Steps out of order are refused with the steps the order can take; shipped is final.
        problem(rep.as().body(Map.of("status", "PAID")).post("/api/v1/orders/" + first + "/status").then(), 409,
                "order-transition-not-allowed").body("allowed", contains("CONFIRMED", "CANCELLED"));
        problem(rep.as().body(Map.of("status", "SHIPPED")).post("/api/v1/orders/" + sample + "/status").then(), 409,
                "order-transition-not-allowed").body("allowed", empty());
        problem(rep.as().body(Map.of("status", "SOLD")).post("/api/v1/orders/" + first + "/status").then(), 400,
                "validation").body("errors[0].field", org.hamcrest.Matchers.equalTo("status"));
        move(rep, first, "CONFIRMED");
        move(rep, first, "PAID");
        assertEquals("TRANSACTION", stage(rep, customer));
        rep.as().get("/api/v1/orders/" + first).then().body("paidAt", notNullValue())
                .body("nextStatuses", contains("SHIPPED", "CANCELLED"));

        long second = order(rep, customer, "ORDER", List.of(line(lamp, 5))).getLong("id");
        move(rep, second, "CONFIRMED");
        move(rep, second, "PAID");
        assertEquals("REPEAT_PURCHASE", stage(rep, customer));
        // Cancelling a paid order gives its stock back.
        move(rep, second, "CANCELLED");
        admin.as().get("/api/v1/products/" + lamp).then().body("stock.onHand", equalTo(47))
                .body("stock.reserved", equalTo(10));
        // Never backwards: a later sample leaves a repeat buyer where they are.
        long late = order(rep, customer, "SAMPLE_ORDER", List.of(line(lamp, 1))).getLong("id");
        move(rep, late, "CONFIRMED");
        assertEquals("REPEAT_PURCHASE", stage(rep, customer));

        // The stage events say which order moved the customer; the movements which order moved the stock.
        List<Map<String, Object>> stageEvents = rep.as().get("/api/v1/customers/" + customer + "/timeline").then()
                .extract().jsonPath().getList("items.findAll { it.type == 'STAGE_CHANGED' }.data");
        assertEquals(List.of("REPEAT_PURCHASE", "TRANSACTION", "SAMPLE_ORDER"), stageEvents.stream()
                .map(d -> d.get("to")).toList());
        assertEquals(List.of((int) second, (int) first, (int) sample), stageEvents.stream()
                .map(d -> ((Map<?, ?>) d.get("cause")).get("orderId")).toList());
        rep.as().get("/api/v1/products/" + lamp + "/stock-movements").then()
                .body("items.kind", contains("RESERVED", "RELEASED", "RESERVED", "RESERVED", "SHIPPED", "RESERVED",
                        "RECEIVED"))
                .body("items.orderId", contains((int) late, (int) second, (int) second, (int) first, (int) sample,
                        (int) sample, null));

        // Not enough stock: refused with the shortage, nothing reserved, the order still a draft.
        long big = order(rep, customer, "ORDER", List.of(line(lamp, 40), Map.of("description", "Setup", "quantity", 1,
                "unitPrice", "50"))).getLong("id");
        problem(rep.as().body(Map.of("status", "CONFIRMED")).post("/api/v1/orders/" + big + "/status").then(), 409,
                "insufficient-stock").body("shortages[0].sku", equalTo("LAMP"))
                .body("shortages[0].requested", equalTo(40)).body("shortages[0].available", equalTo(36));
        rep.as().get("/api/v1/orders/" + big).then().body("status", equalTo("DRAFT"));
        admin.as().get("/api/v1/products/" + lamp).then().body("stock.reserved", equalTo(11));
        // Deleting the customer gives back what its open orders held.
        admin.as().delete("/api/v1/customers/" + customer).then().statusCode(204);
        admin.as().get("/api/v1/products/" + lamp).then().body("stock.reserved", equalTo(0))
                .body("stock.onHand", equalTo(47));
        admin.as().get("/api/v1/products/" + lamp + "/stock-movements?limit=2").then()
                .body("items.kind", contains("RELEASED", "RELEASED"))
                .body("items.actorId", contains(nullValue(), nullValue()));
    }

    @Test
    void parallelConfirmationsNeverPromiseMoreThanIsOnHand() throws Exception {
        Session admin = Api.openStore("Race for stock");
        long chip = Products.create(admin, "CHIP", "2");
        Products.receive(admin, chip, 10);
        List<Long> orders = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            long customer = Customers.createId(admin);
            orders.add(order(admin, customer, "ORDER", List.of(line(chip, 3))).getLong("id"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        for (long id : orders) {
            answers.add(pool.submit(() -> {
                start.await();
                return admin.as().body(Map.of("status", "CONFIRMED")).post("/api/v1/orders/" + id + "/status")
                        .then().extract().statusCode();
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> answer : answers) {
            statuses.add(answer.get());
        }
        pool.shutdown();
        assertEquals(3, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
        assertEquals(5, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        admin.as().get("/api/v1/products/" + chip).then().body("stock.onHand", equalTo(10))
                .body("stock.reserved", equalTo(9)).body("stock.available", equalTo(1));
        admin.as().get("/api/v1/orders?status=CONFIRMED").then().body("items.size()", equalTo(3));
    }

    @Test
    void quotationsAreSentThenConvertOnceIntoADraftOrder() {
        Session admin = Api.openStore("Quotes");
        Session rep = Api.addUser(admin, "REP");
        long customer = Customers.createId(rep);
        long valve = Products.create(admin, "VALVE", "4.5");
        JsonPath quote = order(rep, customer, "QUOTATION", List.of(Map.of("productId", valve, "quantity", 200,
                "discountPercent", "2.5")));
        long id = quote.getLong("id");
        // A draft can be rewritten (not its kind); the version guards it.
        String etag = rep.as().get("/api/v1/orders/" + id).then().extract().header("ETag");
        rep.as().header("If-Match", etag).body(Map.of("kind", "QUOTATION", "currency", "USD", "incoterm", "FOB",
                "expectedShipDate", "2027-01-20", "notes", "Valid 30 days",
                "lines", List.of(Map.of("productId", valve, "quantity", 300)))).put("/api/v1/orders/" + id).then()
                .statusCode(200).body("total", equalTo("1350.00")).body("incoterm", equalTo("FOB"))
                .body("lines", org.hamcrest.Matchers.hasSize(1));
        problem(rep.as().header("If-Match", etag).body(Map.of("kind", "QUOTATION", "currency", "USD",
                "lines", List.of(line(valve, 1)))).put("/api/v1/orders/" + id).then(), 412, "precondition-failed");
        problem(rep.as().body(Map.of("kind", "ORDER", "currency", "USD", "lines", List.of(line(valve, 1))))
                .put("/api/v1/orders/" + id).then(), 400, "validation").body("errors[0].code", equalTo("READ_ONLY"));
        problem(rep.as().post("/api/v1/orders/" + id + "/convert").then(), 409, "order-transition-not-allowed");
        move(rep, id, "SENT");
        problem(rep.as().body(Map.of("kind", "QUOTATION", "currency", "USD", "lines", List.of(line(valve, 1))))
                .put("/api/v1/orders/" + id).then(), 409, "order-not-editable");
        problem(rep.as().delete("/api/v1/orders/" + id).then(), 409, "order-not-editable");

        JsonPath converted = rep.as().post("/api/v1/orders/" + id + "/convert").then().statusCode(201)
                .body("kind", equalTo("ORDER")).body("status", equalTo("DRAFT")).body("convertedFromId", equalTo((int) id))
                .body("total", equalTo("1350.00")).body("lines[0].sku", equalTo("VALVE"))
                .body("incoterm", equalTo("FOB")).body("expectedShipDate", equalTo("2027-01-20"))
                .extract().jsonPath();
        rep.as().get("/api/v1/orders/" + id).then().body("status", equalTo("ACCEPTED"))
                .body("convertedToId", equalTo(converted.getInt("id")));
        problem(rep.as().post("/api/v1/orders/" + id + "/convert").then(), 409, "quotation-already-converted");
        problem(rep.as().post("/api/v1/orders/" + converted.getLong("id") + "/convert").then(), 409,
                "order-transition-not-allowed");
        rep.as().get("/api/v1/orders?kind=QUOTATION").then().body("items.id", contains((int) id));
        problem(rep.as().get("/api/v1/orders?kind=INVOICE").then(), 400, "validation")
                .body("errors[0].code", equalTo("ONE_OF"));
        // A draft can be deleted.
        rep.as().delete("/api/v1/orders/" + converted.getLong("id")).then().statusCode(204);
        problem(rep.as().get("/api/v1/orders/" + converted.getLong("id")).then(), 404, "not-found");
    }

    @Test
    void ordersFollowTheirCustomersOwnerRulesAndStayInTheirStore() {
        Session admin = Api.openStore("Order owners");
        Session manager = Api.addUser(admin, "MANAGER");
        Session rep = Api.addUser(admin, "REP");
        Session otherRep = Api.addUser(admin, "REP");
        long mine = Customers.createId(rep);
        long pooled = Customers.createId(admin, "pool", true);
        long id = order(rep, mine, "ORDER", List.of(Map.of("description", "Tooling", "quantity", 1,
                "unitPrice", "100"))).getLong("id");
        long poolOrder = order(manager, pooled, "QUOTATION", List.of(Map.of("description", "Offer", "quantity", 1,
                "unitPrice", "5"))).getLong("id");

        // Another rep: neither the order nor the customer exists for them.
        problem(otherRep.as().get("/api/v1/orders/" + id).then(), 404, "not-found");
        problem(otherRep.as().body(Map.of("status", "CONFIRMED")).post("/api/v1/orders/" + id + "/status").then(), 404,
                "not-found");
        problem(otherRep.as().get("/api/v1/customers/" + mine + "/orders").then(), 404, "not-found");
        otherRep.as().get("/api/v1/orders").then().body("items", empty());
        rep.as().get("/api/v1/orders").then().body("items.id", contains((int) id))
                .body("items[0].customerName", equalTo(rep.as().get("/api/v1/customers/" + mine).then().extract()
                        .path("name")));
        manager.as().get("/api/v1/orders").then().body("items.id", contains((int) poolOrder, (int) id));
        // A pool customer's orders can be read by a rep, not changed: claim it first.
        otherRep.as().get("/api/v1/orders/" + poolOrder).then().statusCode(200);
        problem(otherRep.as().body(Map.of("status", "SENT")).post("/api/v1/orders/" + poolOrder + "/status").then(),
                403, "forbidden");
        problem(otherRep.as().body(Map.of("kind", "ORDER", "currency", "USD", "lines", List.of(Map.of(
                "description", "x", "quantity", 1, "unitPrice", "1")))).post("/api/v1/customers/" + pooled + "/orders")
                .then(), 403, "forbidden");
        // A manager works on any customer's orders.
        move(manager, id, "CONFIRMED");

        Session stranger = Api.openStore("Order strangers");
        problem(stranger.as().get("/api/v1/orders/" + id).then(), 404, "not-found");
        problem(stranger.as().body(Map.of("status", "PAID")).post("/api/v1/orders/" + id + "/status").then(), 404,
                "not-found");
        problem(stranger.as().post("/api/v1/orders/" + poolOrder + "/convert").then(), 404, "not-found");
        stranger.as().get("/api/v1/orders").then().body("items", empty());
        long theirProduct = Products.create(stranger, "THEIRS", "1");
        problem(rep.as().body(Map.of("kind", "ORDER", "currency", "USD", "lines", List.of(line(theirProduct, 1))))
                .post("/api/v1/customers/" + mine + "/orders").then(), 400, "validation")
                .body("errors[0].field", equalTo("lines[0].productId"));
        admin.as().get("/api/v1/orders?customerId=" + mine).then().body("items.id", hasItem((int) id));
        problem(admin.as().get("/api/v1/orders?customerId=abc").then(), 400, "validation");
    }

    @Test
    void aMergeMovesTheDuplicatesOrdersToTheSurvivorAndAnUndoMovesThemBack() {
        Session admin = Api.openStore("Order merges");
        long survivor = Customers.createId(admin);
        long duplicate = Customers.createId(admin);
        long kept = order(admin, survivor, "ORDER", List.of(Map.of("description", "A", "quantity", 1, "unitPrice", "1")))
                .getLong("id");
        long moved = order(admin, duplicate, "QUOTATION", List.of(Map.of("description", "B", "quantity", 2,
                "unitPrice", "3"))).getLong("id");
        long merge = admin.as().body(Map.of("duplicateIds", List.of(duplicate))).post("/api/v1/customers/" + survivor
                + "/merge").then().statusCode(200).extract().jsonPath().getLong("mergeId");
        admin.as().get("/api/v1/customers/" + survivor + "/orders").then().body("items.id", contains((int) moved, (int) kept));
        admin.as().get("/api/v1/orders/" + moved).then().body("customerId", equalTo((int) survivor))
                .body("total", equalTo("6.00"));
        admin.as().post("/api/v1/merges/" + merge + "/undo").then().statusCode(200);
        admin.as().get("/api/v1/customers/" + duplicate + "/orders").then().body("items.id", contains((int) moved));
        admin.as().get("/api/v1/customers/" + survivor + "/orders").then().body("items.id", contains((int) kept));
    }
}
