package com.harborcrm.merge;

import static com.harborcrm.testing.Api.problem;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.harborcrm.testing.Api;
import com.harborcrm.testing.Api.Session;
import com.harborcrm.testing.Customers;
import com.harborcrm.testing.MutableClock;
import com.harborcrm.testing.PoolHelper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class MergeTest {

    @Inject
    DataSource db;

    @Inject
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    static String merge(long survivor) {
        return "/api/v1/customers/" + survivor + "/merge";
    }

    static String undo(long merge) {
        return "/api/v1/merges/" + merge + "/undo";
    }

    static long tag(Session admin, String name) {
        return admin.as().body(Map.of("name", name + " " + UUID.randomUUID().toString().substring(0, 6),
                "color", "#1e88e5")).post("/api/v1/tags").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    static void setTags(Session as, long customer, Long... tags) {
        as.as().body(Map.of("tagIds", List.of(tags))).put("/api/v1/customers/" + customer + "/tags").then().statusCode(200);
    }

    static long followUp(Session as, long customer, String content) {
        return as.as().body(Map.of("type", "CALL", "content", content)).post("/api/v1/customers/" + customer
                + "/follow-ups").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    static JsonPath inquiry(Session as, Map<String, Object> contact) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("channel", "ALIBABA");
        body.put("contact", contact);
        return as.as().header("Idempotency-Key", UUID.randomUUID().toString()).body(body).post("/api/v1/inquiries")
                .then().statusCode(org.hamcrest.Matchers.anyOf(equalTo(200), equalTo(201))).extract().jsonPath();
    }

    @Test
    void theSurvivorKeepsItsValuesTakesEmptyOnesFromTheDuplicatesAndGetsTheirRecords() {
        Session admin = Api.openStore("Merge rules");
        Session rep = Api.addUser(admin, "REP");
        long vip = tag(admin, "VIP");
        long hinges = tag(admin, "Hinges");
        long fair = tag(admin, "Fair");
        long survivor = Customers.createId(rep, "name", "Ana Souza", "companyName", "Souza Ltda",
                "imAccounts", List.of(Map.of("channel", "WECHAT", "handle", "anasouza")),
                "purchaseCategories", List.of("Hinges"));
        long first = Customers.createId(admin, "name", "A. Souza", "companyName", "Souza Importadora",
                "phone", "+55 11 3456 7890", "city", "São Paulo", "stage", "SAMPLE_ORDER", "stars", 2,
                "imAccounts", List.of(Map.of("channel", "WHATSAPP", "handle", "5511934567890"),
                        Map.of("channel", "WECHAT", "handle", "AnaSouza")),
                "purchaseCategories", List.of("Handles", "Hinges"));
        long second = inquiry(admin, Map.of("name", "Ana", "email", "ana+" + UUID.randomUUID().toString()
                .substring(0, 6) + "@souza.com.br")).getLong("customerId");
        admin.as().body(Map.of("phone", "+55 21 9999 0000", "position", "Buyer", "address", "Rua Augusta 1500",
                "stars", 1)).patch("/api/v1/customers/" + second + "?allowDuplicate=true").then().statusCode(200);
        setTags(rep, survivor, vip);
        setTags(admin, first, hinges);
        setTags(admin, second, vip, fair);
        long call = followUp(admin, first, "Called about hinges");

        var result = admin.as().body(Map.of("duplicateIds", List.of(first, second))).post(merge(survivor)).then()
                .statusCode(200)
                .body("mergeId", notNullValue())
                .body("mergedIds", contains((int) first, (int) second))
                .body("undoUntil", notNullValue())
                .body("filledFields", containsInAnyOrder("phone", "city", "position", "address", "email", "stage",
                        "stars", "imAccounts", "purchaseCategories"))
                .body("survivor.id", equalTo((int) survivor))
                .body("survivor.name", equalTo("Ana Souza"))
                .body("survivor.companyName", equalTo("Souza Ltda"))
                .body("survivor.phone", equalTo("+55 11 3456 7890"))
                .body("survivor.city", equalTo("São Paulo"))
                .body("survivor.position", equalTo("Buyer"))
                .body("survivor.address", equalTo("Rua Augusta 1500"))
                .body("survivor.stage", equalTo("SAMPLE_ORDER"))
                .body("survivor.stars", equalTo(2))
                .body("survivor.ownerId", equalTo((int) rep.userId()))
                .body("survivor.imAccounts.handle", contains("anasouza", "5511934567890"))
                .body("survivor.purchaseCategories", contains("Hinges", "Handles"))
                .body("survivor.inquiryCount", equalTo(1))
                .body("survivor.tags.id", containsInAnyOrder((int) vip, (int) hinges, (int) fair))
                .extract().jsonPath();
        long mergeId = result.getLong("mergeId");

        problem(admin.as().get("/api/v1/customers/" + first).then(), 404, "not-found");
        problem(admin.as().get("/api/v1/customers/" + second).then(), 404, "not-found");
        rep.as().get("/api/v1/customers/" + survivor + "/follow-ups").then().statusCode(200)
                .body("items.id", hasItem((int) call));
        rep.as().get("/api/v1/customers/" + survivor + "/inquiries").then().statusCode(200)
                .body("items.size()", equalTo(1));
        rep.as().get("/api/v1/customers/" + survivor + "/timeline?limit=200").then().statusCode(200)
                .body("items.findAll { it.type == 'MERGED' }.size()", equalTo(1))
                .body("items.find { it.type == 'MERGED' }.data.mergeId", equalTo((int) mergeId))
                .body("items.find { it.type == 'MERGED' }.data.duplicates.name", contains("A. Souza", "Ana"))
                // The duplicates' own events came along.
                .body("items.findAll { it.type == 'CREATED' }.size()", equalTo(3))
                .body("items.findAll { it.type == 'INQUIRY_RECEIVED' }.size()", equalTo(1));
        // Their keys now find the survivor.
        inquiry(admin, Map.of("name", "Ana", "phone", "0055 11 3456 7890"));
        rep.as().get("/api/v1/customers/" + survivor).then().body("inquiryCount", equalTo(2));
        assertEquals(1, PoolHelper.count(db, "select count(*) from audit_events where store_id = ? "
                + "and action = 'CUSTOMERS_MERGED' and entity_id = ?", admin.storeId(), survivor));
    }

    @Test
    void mergeAndUndoRestoreEveryRowWithItsOwnId() {
        Session admin = Api.openStore("Merge round trip");
        Session rep = Api.addUser(admin, "REP");
        long vip = tag(admin, "VIP");
        long fair = tag(admin, "Fair");
        String email = "buyer-" + UUID.randomUUID().toString().substring(0, 6) + "@example.com";
        long survivor = Customers.createId(admin, "email", email, "companyName", "Survivor Co");
        long owned = Customers.createId(rep, "phone", "+1 312 555 0100", "city", "Chicago",
                "imAccounts", List.of(Map.of("channel", "SKYPE", "handle", "buyer.one")),
                "customFields", Map.of());
        long pooled = PoolHelper.poolCustomer(admin, "mobile", "+1 312 555 0199", "notes", "From the fair");
        setTags(admin, survivor, vip);
        setTags(rep, owned, vip, fair);
        setTags(admin, pooled, fair);
        followUp(rep, owned, "Sent the catalogue");
        followUp(admin, survivor, "Intro call");
        // Inquiries (and a REPEAT_INQUIRY reminder for the rep), a release (a pool return), on the duplicates.
        inquiry(admin, Map.of("name", "Buyer", "phone", "001 312 555 0100"));
        inquiry(admin, Map.of("name", "Buyer", "phone", "13125550199"));
        long reason = PoolHelper.releaseReason(rep);
        long released = Customers.createId(rep, "website", "https://released.example.com");
        rep.as().body(Map.of("reasonId", reason)).post("/api/v1/customers/" + released + "/release").then()
                .statusCode(200);
        List<Long> all = List.of(survivor, owned, pooled, released);
        Map<String, String> before = rows(admin.storeId(), all);
        assertEquals(4, before.get("customers").split("\n").length);

        long mergeId = admin.as().body(Map.of("duplicateIds", List.of(owned, pooled, released))).post(merge(survivor))
                .then().statusCode(200).extract().jsonPath().getLong("mergeId");
        assertEquals(1, PoolHelper.count(db, "select count(*) from customers where store_id = ?", admin.storeId()));
        assertNotEquals(before, rows(admin.storeId(), all));

        admin.as().post(undo(mergeId)).then().statusCode(200)
                .body("restoredIds", contains((int) owned, (int) pooled, (int) released))
                .body("survivor.id", equalTo((int) survivor))
                .body("survivor.city", nullValue());
        assertEquals(before, rows(admin.storeId(), all));
        rep.as().get("/api/v1/reminders").then().body("counts.repeatInquiries", equalTo(1));
        admin.as().get("/api/v1/customers/" + survivor + "/timeline").then()
                .body("items.type", hasItems("MERGED", "MERGE_UNDONE"));

        problem(admin.as().post(undo(mergeId)).then(), 409, "merge-already-undone");
    }

    @Test
    void undoKeepsWhatChangedOnTheSurvivorSinceTheMerge() {
        Session admin = Api.openStore("Merge then edit");
        long survivor = Customers.createId(admin);
        long duplicate = Customers.createId(admin, "phone", "+44 20 7946 0000", "city", "London");
        long mergeId = admin.as().body(Map.of("duplicateIds", List.of(duplicate))).post(merge(survivor)).then()
                .statusCode(200).body("survivor.city", equalTo("London")).extract().jsonPath().getLong("mergeId");
        admin.as().body(Map.of("city", "Manchester")).patch("/api/v1/customers/" + survivor).then().statusCode(200);
        inquiry(admin, Map.of("name", "Buyer", "phone", "+44 20 7946 0000"));

        admin.as().post(undo(mergeId)).then().statusCode(200);
        admin.as().get("/api/v1/customers/" + survivor).then()
                .body("phone", nullValue())
                .body("city", equalTo("Manchester"))
                // The inquiry counted on the survivor after the merge stays counted there.
                .body("inquiryCount", equalTo(1));
        admin.as().get("/api/v1/customers/" + duplicate).then().statusCode(200)
                .body("city", equalTo("London")).body("inquiryCount", equalTo(0));
    }

    @Test
    void aMergeCanBeUndoneForSevenDaysOnly() {
        Session admin = Api.openStore("Merge window");
        long survivor = Customers.createId(admin);
        long duplicate = Customers.createId(admin);
        long mergeId = admin.as().body(Map.of("duplicateIds", List.of(duplicate))).post(merge(survivor)).then()
                .statusCode(200).extract().jsonPath().getLong("mergeId");
        clock.advance(Duration.ofDays(7).plusMinutes(1));
        problem(admin.as().post(undo(mergeId)).then(), 409, "merge-undo-expired");
        clock.reset();
        problem(admin.as().get("/api/v1/customers/" + duplicate).then(), 404, "not-found");
    }

    @Test
    void manyDuplicatesMergeAndComeBackAtOnce() {
        Session admin = Api.openStore("Big merge");
        long survivor = Customers.createId(admin);
        long template = Customers.createId(admin, "city", "Ningbo");
        List<Long> ids = new ArrayList<>(List.of(template));
        ids.addAll(sqlLongs("with copies as (insert into customers (store_id, name, city, created_at, updated_at) "
                + "select store_id, 'Copy ' || g, city, created_at, updated_at from customers, generate_series(1, 499) g "
                + "where store_id = " + admin.storeId() + " and id = " + template + " returning store_id, id, created_at), "
                + "owners as (insert into customer_owners (store_id, customer_id, pooled_since) "
                + "select store_id, id, created_at from copies) select id from copies"));
        long mergeId = admin.as().body(Map.of("duplicateIds", ids)).post(merge(survivor)).then().statusCode(200)
                .body("mergedIds.size()", equalTo(500)).body("survivor.city", equalTo("Ningbo"))
                .extract().jsonPath().getLong("mergeId");
        assertEquals(1, PoolHelper.count(db, "select count(*) from customers where store_id = ?", admin.storeId()));
        admin.as().post(undo(mergeId)).then().statusCode(200).body("restoredIds.size()", equalTo(500))
                .body("survivor.city", nullValue());
        assertEquals(501, PoolHelper.count(db, "select count(*) from customers where store_id = ?", admin.storeId()));
    }

    @Test
    void onlyManagersMergeAndBadRequestsChangeNothing() {
        Session admin = Api.openStore("Merge guards");
        Session manager = Api.addUser(admin, "MANAGER");
        Session rep = Api.addUser(admin, "REP");
        Session stranger = Api.openStore("Merge stranger");
        long survivor = Customers.createId(rep);
        long duplicate = Customers.createId(rep, "city", "Lisbon");
        long foreign = Customers.createId(stranger);

        problem(rep.as().body(Map.of("duplicateIds", List.of(duplicate))).post(merge(survivor)).then(), 403, "forbidden");
        problem(manager.as().body(Map.of("duplicateIds", List.of())).post(merge(survivor)).then(), 400, "validation")
                .body("errors.field", contains("duplicateIds"));
        problem(manager.as().body(Map.of()).post(merge(survivor)).then(), 400, "validation");
        problem(manager.as().body(Map.of("duplicateIds", List.of(survivor, duplicate))).post(merge(survivor)).then(),
                400, "validation").body("errors.field", contains("duplicateIds"));
        problem(manager.as().body(Map.of("duplicateIds", List.of(duplicate, foreign))).post(merge(survivor)).then(),
                404, "not-found");
        problem(manager.as().body(Map.of("duplicateIds", List.of(duplicate))).post(merge(foreign)).then(),
                404, "not-found");
        problem(stranger.as().body(Map.of("duplicateIds", List.of(foreign))).post(merge(survivor)).then(),
                404, "not-found");
        problem(manager.as().body("{\"duplicateIds\": \"all\"}").post(merge(survivor)).then(), 400, "malformed-body");
        assertEquals(0, PoolHelper.count(db, "select count(*) from merges where store_id in (?, ?)",
                admin.storeId(), stranger.storeId()));
        rep.as().get("/api/v1/customers/" + duplicate).then().statusCode(200).body("city", equalTo("Lisbon"))
                .body("version", equalTo(0));
        rep.as().get("/api/v1/customers/" + survivor).then().body("version", equalTo(0));

        long mergeId = manager.as().body(Map.of("duplicateIds", List.of(duplicate))).post(merge(survivor)).then()
                .statusCode(200).extract().jsonPath().getLong("mergeId");
        problem(rep.as().post(undo(mergeId)).then(), 403, "forbidden");
        problem(stranger.as().post(undo(mergeId)).then(), 404, "not-found");
        problem(manager.as().post(undo(999_999_999L)).then(), 404, "not-found");
        manager.as().post(undo(mergeId)).then().statusCode(200);
    }

    @Test
    void theDuplicateFinderListsGroupsSharingAKeyLargestFirst() {
        Session admin = Api.openStore("Duplicate groups");
        Session rep = Api.addUser(admin, "REP");
        Session stranger = Api.openStore("Duplicate stranger");
        String email = "shared-" + UUID.randomUUID().toString().substring(0, 6) + "@example.com";
        long a = Customers.createId(admin, "email", email, "phone", "+86 574 8888 1234");
        long b = Customers.createId(admin, "email", email.toUpperCase());
        long c = Customers.createId(rep, "email", email.replace("@", "+fair@"), "mobile", "0086 574 8888 1234");
        long d = Customers.createId(admin, "imAccounts", List.of(Map.of("channel", "WECHAT", "handle", "Shared")));
        long e = Customers.createId(admin, "imAccounts", List.of(Map.of("channel", "WECHAT", "handle", "@shared")));
        Customers.createId(admin, "email", "alone@example.com");
        Customers.createId(stranger, "email", email);

        admin.as().get("/api/v1/customers/duplicates").then().statusCode(200)
                .body("items.kind", contains("EMAIL", "IM_ACCOUNT", "PHONE"))
                .body("items.collect { it['size'] }", contains(3, 2, 2))
                .body("items[0].value", equalTo(email))
                .body("items[0].customers.id", contains((int) a, (int) b, (int) c))
                .body("items[1].value", equalTo("WECHAT:shared"))
                .body("items[1].customers.id", contains((int) d, (int) e))
                .body("items[2].value", equalTo("8657488881234"))
                .body("items[2].customers.id", contains((int) a, (int) c))
                .body("items[2].customers[1].ownerId", equalTo((int) rep.userId()))
                .body("nextCursor", nullValue());
        var page1 = admin.as().get("/api/v1/customers/duplicates?limit=2").then().statusCode(200)
                .body("items.kind", contains("EMAIL", "IM_ACCOUNT")).extract().jsonPath();
        admin.as().get("/api/v1/customers/duplicates?limit=2&cursor=" + page1.getString("nextCursor")).then()
                .body("items.kind", contains("PHONE")).body("nextCursor", nullValue());
        problem(admin.as().get("/api/v1/customers/duplicates?cursor=nonsense").then(), 400, "validation");
        problem(rep.as().get("/api/v1/customers/duplicates").then(), 403, "forbidden");
        stranger.as().get("/api/v1/customers/duplicates").then().statusCode(200).body("items.size()", equalTo(0));
    }

    /** Every row of the customers and of what hangs off them, as text, per table (events of the merge aside). */
    private Map<String, String> rows(long store, List<Long> customers) {
        String ids = customers.stream().map(String::valueOf).collect(Collectors.joining(","));
        Map<String, String> tables = new LinkedHashMap<>();
        tables.put("customers", "select (to_jsonb(t) - 'version' - 'updated_at')::text from customers t "
                + "where store_id = %d and id in (%s) order by id");
        tables.put("customer_versions", "select id || ':' || version from customers t "
                + "where store_id = %d and id in (%s) and id <> " + customers.get(0) + " order by id");
        tables.put("customer_tags", "select to_jsonb(t)::text from customer_tags t "
                + "where store_id = %d and customer_id in (%s) order by customer_id, tag_id");
        tables.put("customer_im_handles", "select to_jsonb(t)::text from customer_im_handles t "
                + "where store_id = %d and customer_id in (%s) order by customer_id, handle");
        tables.put("follow_ups", "select to_jsonb(t)::text from follow_ups t where store_id = %d "
                + "and customer_id in (%s) order by id");
        tables.put("inquiries", "select to_jsonb(t)::text from inquiries t where store_id = %d "
                + "and customer_id in (%s) order by id");
        tables.put("customer_events", "select to_jsonb(t)::text from customer_events t where store_id = %d "
                + "and customer_id in (%s) and type not in ('MERGED', 'MERGE_UNDONE') order by id");
        tables.put("reminders", "select to_jsonb(t)::text from reminders t where store_id = %d "
                + "and customer_id in (%s) order by id");
        tables.put("pool_returns", "select to_jsonb(t)::text from pool_returns t where store_id = %d "
                + "and customer_id in (%s) order by id");
        Map<String, String> result = new LinkedHashMap<>();
        tables.forEach((table, sql) -> result.put(table, String.join("\n", sqlStrings(sql.formatted(store, ids)))));
        return result;
    }

    private List<String> sqlStrings(String sql) {
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (r.next()) {
                values.add(r.getString(1));
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Long> sqlLongs(String sql) {
        return sqlStrings(sql).stream().map(Long::parseLong).toList();
    }
}
