package com.harborcrm.inquiry;

import static com.harborcrm.testing.Api.problem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import com.harborcrm.customer.PotentialScore;
import com.harborcrm.testing.Api;
import com.harborcrm.testing.Api.Session;
import com.harborcrm.testing.Customers;
import com.harborcrm.testing.Parallel;
import com.harborcrm.testing.PoolHelper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
class InquiryTest {

    static final String INQUIRIES = "/api/v1/inquiries";

    @Inject
    DataSource db;

    static Map<String, Object> contact(Object... keyValues) {
        Map<String, Object> contact = new LinkedHashMap<>();
        contact.put("name", "Ana Souza");
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            contact.put((String) keyValues[i], keyValues[i + 1]);
        }
        return contact;
    }

    static Map<String, Object> inquiry(Map<String, Object> contact, Object... keyValues) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("channel", "ALIBABA");
        body.put("product", "Door hinges");
        body.put("message", "Please quote 5,000 pcs");
        body.put("contact", contact);
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            body.put((String) keyValues[i], keyValues[i + 1]);
        }
        return body;
    }

    static ValidatableResponse post(Session as, String key, Map<String, Object> body) {
        return as.as().header("Idempotency-Key", key).body(body).post(INQUIRIES).then();
    }

    static ValidatableResponse post(Session as, Map<String, Object> body) {
        return post(as, UUID.randomUUID().toString(), body);
    }

    static String email() {
        return "buyer-" + UUID.randomUUID().toString().substring(0, 8) + "@souza.com.br";
    }

    long count(String sql, Object... params) {
        return PoolHelper.count(db, sql, params);
    }

    @Test
    void aFirstInquiryOpensAPoolCustomerAndASecondOneIsARepeat() {
        Session admin = Api.openStore("Inquiries");
        String email = email();
        Instant first = Instant.now().minus(Duration.ofDays(3)).truncatedTo(ChronoUnit.SECONDS);
        var created = post(admin, inquiry(contact("email", email, "companyName", "Souza Ltda", "country", "br"),
                "receivedAt", first.toString()))
                .statusCode(201)
                .header("Location", notNullValue())
                .body("repeat", equalTo(false))
                .body("inquiryCount", equalTo(1))
                .body("previousInquiryAt", nullValue())
                .body("ownerId", nullValue())
                .body("ownerChanged", equalTo(false))
                .body("inPool", equalTo(true))
                .body("matchedOn", equalTo(List.of()))
                .extract().jsonPath();
        long customer = created.getLong("customerId");
        var file = admin.as().get("/api/v1/customers/" + customer).then().statusCode(200)
                .body("name", equalTo("Ana Souza"))
                .body("email", equalTo(email))
                .body("country", equalTo("BR"))
                .body("source", equalTo("ALIBABA_INQUIRY"))
                .body("stage", equalTo("INQUIRY"))
                .body("ownerId", nullValue())
                .body("inquiryCount", equalTo(1))
                .body("lastInquiryAt", equalTo(first.toString()))
                .extract().jsonPath();
        int scoreBefore = file.getInt("potentialScore");

        Instant second = first.plus(Duration.ofDays(1));
        post(admin, inquiry(contact("name", "Ana S.", "email", email), "channel", "IM", "receivedAt", second.toString()))
                .statusCode(200)
                .body("customerId", equalTo((int) customer))
                .body("repeat", equalTo(true))
                .body("inquiryCount", equalTo(2))
                .body("previousInquiryAt", equalTo(first.toString()))
                .body("ownerChanged", equalTo(false))
                .body("inPool", equalTo(true))
                .body("matchedOn", contains("email"));
        admin.as().get("/api/v1/customers/" + customer).then()
                .body("inquiryCount", equalTo(2))
                .body("lastInquiryAt", equalTo(second.toString()))
                // The customer file is not overwritten by what the inquiry says.
                .body("name", equalTo("Ana Souza"))
                .body("potentialScore", equalTo(scoreBefore + PotentialScore.REPEAT_INQUIRIES));
        admin.as().get("/api/v1/customers/" + customer + "/inquiries").then().statusCode(200)
                .body("items.receivedAt", contains(second.toString(), first.toString()))
                .body("items.channel", contains("IM", "ALIBABA"))
                .body("items.repeat", contains(true, false))
                .body("items[0].contact.name", equalTo("Ana S."))
                .body("items[0].product", equalTo("Door hinges"))
                .body("nextCursor", nullValue());
        admin.as().get("/api/v1/customers/" + customer + "/timeline").then().statusCode(200)
                .body("items.findAll { it.type == 'INQUIRY_RECEIVED' }.size()", equalTo(2))
                .body("items.find { it.type == 'INQUIRY_RECEIVED' && it.data.repeat }.data.inquiryCount", equalTo(2));
        assertEquals(1, count("select count(*) from customers where store_id = ?", admin.storeId()));
    }

    @Test
    void matchingUsesEachKeyInItsNormalizedForm() {
        Session admin = Api.openStore("Matching");
        long customer = admin.as().body(Map.of("name", "Ana Souza", "email", "Ana.Souza+alibaba@Example.COM",
                        "phone", "+55 (11) 3456-7890", "mobile", "138 0013 8000",
                        "imAccounts", List.of(Map.of("channel", "WECHAT", "handle", "AnaSouza"))))
                .post("/api/v1/customers").then().statusCode(201).extract().jsonPath().getLong("id");

        post(admin, inquiry(contact("email", " ana.souza@EXAMPLE.com "))).statusCode(200)
                .body("customerId", equalTo((int) customer)).body("matchedOn", contains("email"));
        post(admin, inquiry(contact("email", "ana.souza+fair2026@example.com"))).statusCode(200)
                .body("customerId", equalTo((int) customer)).body("matchedOn", contains("email"));
        post(admin, inquiry(contact("phone", "0055 11 3456 7890"))).statusCode(200)
                .body("customerId", equalTo((int) customer)).body("matchedOn", contains("phone"));
        // Phone and mobile match any against any.
        post(admin, inquiry(contact("phone", "13800138000"))).statusCode(200)
                .body("customerId", equalTo((int) customer)).body("matchedOn", contains("mobile"));
        post(admin, inquiry(contact("imAccounts", List.of(Map.of("channel", "WECHAT", "handle", "@anasouza")))))
                .statusCode(200).body("customerId", equalTo((int) customer)).body("matchedOn", contains("imAccounts"));
        admin.as().get("/api/v1/customers/" + customer).then().body("inquiryCount", equalTo(5));

        // The same handle on another network, another email, too few digits: another buyer.
        List<Long> others = new ArrayList<>();
        for (Map<String, Object> c : List.of(
                contact("imAccounts", List.of(Map.of("channel", "WHATSAPP", "handle", "AnaSouza"))),
                contact("email", "ana.souza@example.org"),
                contact("phone", "7890"))) {
            others.add(post(admin, inquiry(c)).statusCode(201).body("repeat", equalTo(false))
                    .extract().jsonPath().getLong("customerId"));
        }
        assertEquals(3, others.stream().distinct().count());
        assertTrue(others.stream().noneMatch(id -> id == customer));
    }

    @Test
    void aCustomerMatchingOnMoreKeysWinsOverOneMatchingOnFewer() {
        Session admin = Api.openStore("Best match");
        String email = email();
        long byEmail = Customers.createId(admin, "email", email);
        long byBoth = Customers.createId(admin, "email", email, "phone", "+1 312 555 0100");
        post(admin, inquiry(contact("email", email, "phone", "001 312-555-0100"))).statusCode(200)
                .body("customerId", equalTo((int) byBoth));
        post(admin, inquiry(contact("email", email))).statusCode(200).body("customerId", equalTo((int) byEmail));
    }

    @Test
    void theAnswerTellsWhetherTheOwnerChangedSinceThePreviousInquiry() {
        Session admin = Api.openStore("Owner change");
        Session rep = Api.addUser(admin, "REP");
        String email = email();
        long customer = post(admin, inquiry(contact("email", email))).statusCode(201).extract().jsonPath()
                .getLong("customerId");
        post(admin, inquiry(contact("email", email))).statusCode(200)
                .body("ownerChanged", equalTo(false)).body("inPool", equalTo(true));
        rep.as().get("/api/v1/reminders").then().statusCode(200).body("counts.repeatInquiries", equalTo(0));

        PoolHelper.claim(rep, List.of(customer));
        post(admin, inquiry(contact("email", email))).statusCode(200)
                .body("ownerChanged", equalTo(true))
                .body("previousOwnerId", nullValue())
                .body("ownerId", equalTo((int) rep.userId()))
                .body("inPool", equalTo(false))
                .body("inquiryCount", equalTo(3));
        // The owner is reminded of the returning buyer until they follow them up.
        rep.as().get("/api/v1/reminders").then().statusCode(200)
                .body("counts.repeatInquiries", equalTo(1))
                .body("items.find { it.kind == 'REPEAT_INQUIRY' }.customerId", equalTo((int) customer));
        post(rep, inquiry(contact("email", email))).statusCode(200)
                .body("ownerChanged", equalTo(false))
                .body("previousOwnerId", equalTo((int) rep.userId()));
        rep.as().get("/api/v1/reminders").then().body("counts.repeatInquiries", equalTo(1));
        rep.as().body(Map.of("type", "EMAIL", "content", "Sent the quote")).post("/api/v1/customers/" + customer
                + "/follow-ups").then().statusCode(201);
        rep.as().get("/api/v1/reminders").then().body("counts.repeatInquiries", equalTo(0))
                .body("items.kind", not(hasItem("REPEAT_INQUIRY")));
        assertEquals(2, count("select count(*) from reminders where store_id = ? and customer_id = ? and kind = ?",
                admin.storeId(), customer, InquiryService.REMINDER_KIND));
    }

    @Test
    void aNewBuyerGoesToTheUserNamedInAssignTo() {
        Session admin = Api.openStore("Assign inquiry");
        Session rep = Api.addUser(admin, "REP");
        Session stranger = Api.openStore("Other store");
        long customer = post(admin, inquiry(contact("email", email()), "assignTo", rep.userId())).statusCode(201)
                .body("ownerId", equalTo((int) rep.userId())).body("inPool", equalTo(false))
                .extract().jsonPath().getLong("customerId");
        rep.as().get("/api/v1/customers/" + customer).then().statusCode(200).body("ownerId", equalTo((int) rep.userId()));
        assertEquals(1, PoolHelper.ownerEvents(db, admin.storeId(), customer, "ASSIGNED"));

        problem(post(admin, inquiry(contact("email", email()), "assignTo", stranger.userId())), 400, "validation")
                .body("errors.field", contains("assignTo"));
        assertEquals(1, count("select count(*) from customers where store_id = ?", admin.storeId()));
    }

    @Test
    void theSameKeyAndBodyReplayTheFirstAnswerAndAnotherBodyIsRefused() {
        Session admin = Api.openStore("Idempotency");
        String key = "alibaba-inquiry-" + UUID.randomUUID();
        String email = email();
        var first = post(admin, key, inquiry(contact("email", email))).statusCode(201)
                .header("Idempotent-Replayed", nullValue()).extract();
        // The same body with members in another order is the same request.
        Map<String, Object> reordered = new LinkedHashMap<>();
        reordered.put("contact", Map.of("email", email, "name", "Ana Souza"));
        reordered.put("message", "Please quote 5,000 pcs");
        reordered.put("product", "Door hinges");
        reordered.put("channel", "ALIBABA");
        var again = post(admin, key, reordered).statusCode(201).header("Idempotent-Replayed", equalTo("true"))
                .header("Location", first.header("Location")).extract();
        assertEquals(first.jsonPath().getMap("$"), again.jsonPath().getMap("$"));

        problem(post(admin, key, inquiry(contact("email", email), "product", "Cabinet handles")), 422,
                "idempotency-key-reused");
        // A repeat inquiry replays as a 200.
        String repeatKey = UUID.randomUUID().toString();
        post(admin, repeatKey, inquiry(contact("email", email))).statusCode(200).body("inquiryCount", equalTo(2));
        post(admin, repeatKey, inquiry(contact("email", email))).statusCode(200).body("inquiryCount", equalTo(2))
                .header("Idempotent-Replayed", equalTo("true"));
        // Keys belong to the store: another store's identical key is a new inquiry there.
        Session other = Api.openStore("Idempotency elsewhere");
        post(other, key, inquiry(contact("email", email))).statusCode(201).header("Idempotent-Replayed", nullValue());

        assertEquals(1, count("select count(*) from customers where store_id = ?", admin.storeId()));
        assertEquals(2, count("select count(*) from inquiries where store_id = ?", admin.storeId()));
        admin.as().get("/api/v1/customers/" + first.jsonPath().getLong("customerId")).then()
                .body("inquiryCount", equalTo(2));
    }

    @Test
    void aMissingOrInvalidIdempotencyKeyIs400() {
        Session admin = Api.openStore("No key");
        problem(admin.as().body(inquiry(contact("email", email()))).post(INQUIRIES).then(), 400, "validation")
                .body("errors.field", contains("Idempotency-Key"));
        problem(post(admin, "k".repeat(201), inquiry(contact("email", email()))), 400, "validation")
                .body("errors.field", contains("Idempotency-Key"));
        problem(post(admin, "key with spaces", inquiry(contact("email", email()))), 400, "validation");
        assertEquals(0, count("select count(*) from customers where store_id = ?", admin.storeId()));
    }

    @Test
    void badInputIsAProblemAndChangesNothing() {
        Session admin = Api.openStore("Bad inquiries");
        String email = email();
        long customer = post(admin, inquiry(contact("email", email))).statusCode(201).extract().jsonPath()
                .getLong("customerId");
        problem(post(admin, Map.of("channel", "FAX", "contact", contact("email", email))), 400, "validation")
                .body("errors.field", contains("channel"))
                .body("errors[0].message", containsString("ALIBABA"));
        problem(post(admin, Map.of("channel", "ALIBABA")), 400, "validation").body("errors.field", contains("contact"));
        problem(post(admin, inquiry(Map.of("name", " ", "email", "not-an-email", "phone", "call me", "country", "XX",
                        "imAccounts", List.of(Map.of("channel", "WECHAT", "handle", " "))))), 400, "validation")
                .body("errors.field", containsInAnyOrder("contact.name", "contact.email", "contact.phone",
                        "contact.country", "contact.imAccounts[0].handle"));
        problem(post(admin, inquiry(contact("email", email), "isVip", true)), 400, "validation")
                .body("errors.field", contains("isVip"));
        problem(post(admin, inquiry(contact("email", email), "receivedAt", Instant.now().plus(Duration.ofDays(1))
                .toString())), 400, "validation").body("errors.field", contains("receivedAt"));
        problem(post(admin, inquiry(contact("email", email), "receivedAt", "yesterday")), 400, "validation")
                .body("errors.field", contains("receivedAt"));
        problem(post(admin, inquiry(contact("email", email), "message", "a\u0000b")), 400, "validation")
                .body("errors.field", contains("message"));
        problem(post(admin, inquiry(contact("email", email), "product", "p".repeat(201))), 400, "validation")
                .body("errors.field", contains("product"));
        problem(admin.as().header("Idempotency-Key", "x").body("[1]").post(INQUIRIES).then(), 400, "malformed-body");

        assertEquals(1, count("select count(*) from customers where store_id = ?", admin.storeId()));
        assertEquals(1, count("select count(*) from inquiries where store_id = ?", admin.storeId()));
        assertEquals(0, count("select count(*) from idempotency_keys where store_id = ? and status >= 400",
                admin.storeId()));
        admin.as().get("/api/v1/customers/" + customer).then().body("inquiryCount", equalTo(1));
    }

    @Test
    void concurrentInquiriesOfOneNewBuyerOpenOneCustomer() throws Exception {
        Session admin = Api.openStore("Inquiry race");
        String email = email();
        int n = 12;
        List<Response> responses = Parallel.calls(n, i -> admin.as().header("Idempotency-Key", "race-" + i + "-" + email)
                .body(inquiry(contact("email", i % 2 == 0 ? email : email.toUpperCase()))).post(INQUIRIES));
        responses.forEach(r -> assertTrue(r.statusCode() == 200 || r.statusCode() == 201, r.asString()));
        assertEquals(1, responses.stream().filter(r -> r.statusCode() == 201).count());
        assertEquals(1, responses.stream().map(r -> r.jsonPath().getLong("customerId")).distinct().count());
        assertEquals(1, count("select count(*) from customers where store_id = ?", admin.storeId()));
        assertEquals(n, count("select inquiry_count from customers where store_id = ?", admin.storeId()));
        // Every count 1..n was answered exactly once.
        assertEquals(n, responses.stream().map(r -> r.jsonPath().getInt("inquiryCount")).distinct().count());

        // The same key sent concurrently: one inquiry, one answer for all.
        String key = UUID.randomUUID().toString();
        String other = email();
        List<Response> same = Parallel.calls(8, i -> admin.as().header("Idempotency-Key", key)
                .body(inquiry(contact("email", other))).post(INQUIRIES));
        same.forEach(r -> assertEquals(201, r.statusCode(), r.asString()));
        assertEquals(1, same.stream().map(r -> r.jsonPath().getMap("$")).distinct().count());
        assertEquals(7, same.stream().filter(r -> "true".equals(r.header("Idempotent-Replayed"))).count());
        assertEquals(1, count("select count(*) from inquiries where store_id = ? and contact->>'email' = ?",
                admin.storeId(), other));
    }

    @Test
    void inquiriesNeverMatchAnotherStoresCustomers() {
        Session mine = Api.openStore("Mine");
        Session theirs = Api.openStore("Theirs");
        String email = email();
        long theirCustomer = Customers.createId(theirs, "email", email, "phone", "+1 312 555 0100");
        var answer = post(mine, inquiry(contact("email", email, "phone", "+1 312 555 0100"))).statusCode(201)
                .body("repeat", equalTo(false)).extract().jsonPath();
        assertNotEquals(theirCustomer, answer.getLong("customerId"));
        theirs.as().get("/api/v1/customers/" + theirCustomer).then().body("inquiryCount", equalTo(0));
        problem(theirs.as().get("/api/v1/customers/" + answer.getLong("customerId") + "/inquiries").then(), 404,
                "not-found");
    }

    @Test
    void theListIsPagedAndFollowsTheReadRulesAndPoolMasking() {
        Session admin = Api.openStore("Inquiry list");
        Session rep = Api.addUser(admin, "REP");
        Session otherRep = Api.addUser(admin, "REP");
        String email = email();
        long customer = 0;
        Instant base = Instant.now().minus(Duration.ofDays(10)).truncatedTo(ChronoUnit.SECONDS);
        for (int i = 0; i < 5; i++) {
            customer = post(admin, inquiry(contact("email", email, "phone", "+55 11 3456 7890"),
                    "message", "Call me on +55 11 3456 7890 or write to " + email,
                    "receivedAt", base.plus(Duration.ofDays(i)).toString())).extract().jsonPath().getLong("customerId");
        }
        String path = "/api/v1/customers/" + customer + "/inquiries";
        var page1 = admin.as().get(path + "?limit=2").then().statusCode(200)
                .body("items.receivedAt", contains(base.plus(Duration.ofDays(4)).toString(),
                        base.plus(Duration.ofDays(3)).toString()))
                .body("nextCursor", notNullValue()).extract().jsonPath();
        var page2 = admin.as().get(path + "?limit=2&cursor=" + page1.getString("nextCursor")).then().statusCode(200)
                .body("items.receivedAt", contains(base.plus(Duration.ofDays(2)).toString(),
                        base.plus(Duration.ofDays(1)).toString())).extract().jsonPath();
        admin.as().get(path + "?limit=2&cursor=" + page2.getString("nextCursor")).then()
                .body("items.receivedAt", contains(base.toString())).body("nextCursor", nullValue());
        problem(admin.as().get(path + "?cursor=garbage").then(), 400, "validation");
        problem(admin.as().get(path + "?limit=0").then(), 400, "validation");

        // A rep reads a pool customer's inquiries with its contacts masked; managers see them whole.
        rep.as().get(path).then().statusCode(200)
                .body("items[0].contact.email", not(equalTo(email)))
                .body("items[0].contact.phone", equalTo("*** *** 7890"))
                .body("items[0].message", not(containsString(email)))
                .body("items[0].message", not(containsString("+55 11 3456 7890")));
        admin.as().get(path).then().body("items[0].contact.email", equalTo(email))
                .body("items[0].message", containsString(email));
        // Once another rep owns the customer, this rep cannot see it at all.
        PoolHelper.claim(otherRep, List.of(customer));
        problem(rep.as().get(path).then(), 404, "not-found");
        otherRep.as().get(path).then().statusCode(200).body("items[0].contact.email", equalTo(email));
    }

    @Test
    void intakeCountsInquiriesInTheMetrics() {
        Session admin = Api.openStore("Inquiry metrics");
        double newBefore = metric("false");
        double repeatBefore = metric("true");
        String email = email();
        String key = UUID.randomUUID().toString();
        post(admin, key, inquiry(contact("email", email))).statusCode(201);
        post(admin, key, inquiry(contact("email", email))).statusCode(201);
        post(admin, inquiry(contact("email", email))).statusCode(200);
        assertEquals(newBefore + 1, metric("false"));
        assertEquals(repeatBefore + 1, metric("true"));
    }

    private static double metric(String repeat) {
        String text = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return text.lines().filter(l -> l.startsWith("harbor_inquiries_total{") && l.contains("repeat=\"" + repeat + "\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }
}
