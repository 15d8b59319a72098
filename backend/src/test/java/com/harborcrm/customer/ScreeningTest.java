package com.harborcrm.customer;

import static com.harborcrm.testing.Api.problem;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.harborcrm.common.paging.Cursor;
import com.harborcrm.testing.Api;
import com.harborcrm.testing.Api.Session;
import com.harborcrm.testing.Customers;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScreeningTest {

    Session admin;
    Session rep1;
    Session rep2;
    long c1, c2, c3, c4, c5, tagA, tagB;
    Instant c3CreatedAt;

    /** Once per class; in @BeforeEach because RestAssured knows the test port only from then on. */
    @BeforeEach
    void seed() {
        if (admin != null) {
            return;
        }
        admin = Api.openStore("Screening");
        rep1 = Api.addUser(admin, "REP");
        rep2 = Api.addUser(admin, "REP");
        admin.as().body(Map.of("key", "incoterm", "label", "Incoterm", "type", "SELECT", "options", List.of("FOB", "CIF")))
                .post("/api/v1/custom-fields").then().statusCode(201);
        admin.as().body(Map.of("key", "markets", "label", "Markets", "type", "MULTI_SELECT", "options", List.of("EU", "US")))
                .post("/api/v1/custom-fields").then().statusCode(201);
        admin.as().body(Map.of("key", "employees", "label", "Employees", "type", "NUMBER"))
                .post("/api/v1/custom-fields").then().statusCode(201);
        tagA = admin.as().body(Map.of("name", "A", "color", "#000000")).post("/api/v1/tags").then().extract().jsonPath().getLong("id");
        tagB = admin.as().body(Map.of("name", "B", "color", "#000000")).post("/api/v1/tags").then().extract().jsonPath().getLong("id");

        c1 = Customers.createId(rep1, "name", "Alpha Imports", "companyName", "Alpha Ltd", "email", "alpha@example.com",
                "phone", "+1 555 123 4567", "stage", "INQUIRY", "stars", 1, "source", "EXHIBITION", "country", "US",
                "customFields", Map.of("incoterm", "FOB", "markets", List.of("EU", "US")));
        c2 = Customers.createId(rep1, "name", "Beta Trading", "companyName", "Zeta 100% Co_op", "mobile", "138 0013 8000",
                "stage", "SAMPLE_ORDER", "stars", 3, "source", "REFERRAL", "country", "CN");
        var third = Customers.create(rep2, "name", "Gamma", "email", "gamma@example.de", "stage", "TRANSACTION",
                "stars", 2, "country", "DE");
        c3 = third.getLong("id");
        long reason = rep2.as().get("/api/v1/lost-reasons").then().extract().jsonPath().getLong("items[0].id");
        rep2.as().body(Map.of("reasonId", reason)).post("/api/v1/customers/" + c3 + "/lost").then().statusCode(200);
        c3CreatedAt = Instant.parse(third.getString("createdAt"));
        c4 = Customers.createId(admin, "name", "Delta", "pool", true);
        c5 = Customers.createId(admin, "name", "epsilon", "customFields", Map.of("employees", 120));

        rep1.as().body(Map.of("tagIds", List.of(tagA))).put("/api/v1/customers/" + c2 + "/tags").then().statusCode(200);
        rep2.as().body(Map.of("tagIds", List.of(tagA, tagB))).put("/api/v1/customers/" + c3 + "/tags").then().statusCode(200);
        Instant now = Instant.now();
        rep1.as().body(Map.of("type", "CALL", "content", "x", "occurredAt", now.minus(Duration.ofDays(10)).toString(),
                "nextFollowUpAt", now.plus(Duration.ofDays(2)).toString())).post("/api/v1/customers/" + c1 + "/follow-ups")
                .then().statusCode(201);
        rep1.as().body(Map.of("type", "CALL", "content", "x", "nextFollowUpAt", now.plus(Duration.ofDays(20)).toString()))
                .post("/api/v1/customers/" + c2 + "/follow-ups").then().statusCode(201);
    }

    List<Long> ids(Session as, String query) {
        return as.as().get("/api/v1/customers" + (query.isEmpty() ? "" : "?" + query)).then().statusCode(200).extract().jsonPath()
                .getList("items.id", Long.class);
    }

    Set<Long> set(Session as, String query) {
        return new HashSet<>(ids(as, query));
    }

    @Test
    void substringSearchCoversNameCompanyEmailAndPhoneDigits() {
        assertEquals(Set.of(c1), set(admin, "q=alpha"));
        assertEquals(Set.of(c1), set(admin, "q=ALP"));
        assertEquals(Set.of(c3), set(admin, "q=example.de"));
        assertEquals(Set.of(c1), set(admin, "q=555-123"));
        assertEquals(Set.of(c2), set(admin, "q=0013 8000"));
        // LIKE wildcards are literal characters.
        assertEquals(Set.of(c2), set(admin, "q=100%"));
        assertEquals(Set.of(c2), set(admin, "q=co_op"));
        assertEquals(Set.of(), set(admin, "q=%%"));
    }

    @Test
    void aNumberInQOnlyNarrowsTheIndexSearchTheWholeQDecides() {
        Session own = Api.openStore("Screening numbers");
        long byEmail = Customers.createId(own, "name", "Buyer", "email", "buyer48213@example.com");
        long byName = Customers.createId(own, "name", "Buyer48213 Jones");
        long byCompany = Customers.createId(own, "name", "Other", "companyName", "Trading 48213 Ltd");
        long byPhone = Customers.createId(own, "name", "Phone", "phone", "+44 20 4821 3999");

        // The index is asked for "48213" only: every row above is a candidate, the fields decide.
        assertEquals(Set.of(byEmail, byName), set(own, "q=buyer48213"));
        assertEquals(Set.of(byCompany), set(own, "q=trading 48213"));
        assertEquals(Set.of(byEmail, byName, byCompany, byPhone), set(own, "q=48213"));
        assertEquals(Set.of(), set(own, "q=seller48213"));
        // A phone number typed with separators: the index is asked for its run "4821", the phone digits decide;
        // without a run of four digits it is asked for the digits as one number.
        assertEquals(Set.of(byPhone), set(own, "q=4821-3999"));
        assertEquals(Set.of(byPhone), set(own, "q=(20) 48-21-39"));
    }

    @Test
    void theIndexIsAskedForTheLongestRunOfFourOrMoreDigits() {
        assertEquals("123452", CustomerQuery.indexPart("buyer123452@"));
        assertEquals("345678", CustomerQuery.indexPart("12 345678 9999"));
        assertEquals("4242", CustomerQuery.indexPart("Atlas Trading 4242"));
        assertEquals("ACME 100", CustomerQuery.indexPart("ACME 100"));
        assertEquals("alpha", CustomerQuery.indexPart("alpha"));
    }

    @Test
    void hasEmailAndHasPhoneFollowEveryEditOfTheContactFields() {
        // The flags are generated columns read from the score indexes (V75): they must move with the row.
        Session own = Api.openStore("Screening contact facts");
        long id = Customers.createId(own, "name", "Contact", "email", "c@example.com", "phone", "+1 555 000 1111",
                "country", "US", "stage", "INQUIRY");
        String best = "sort=-score&country=US&stage=INQUIRY&";
        assertEquals(Set.of(id), set(own, best + "hasEmail=true&hasPhone=true"));

        patch(own, id, "{\"email\": null, \"phone\": null, \"mobile\": \"+44 7000 111222\"}");
        assertEquals(Set.of(id), set(own, best + "hasEmail=false&hasPhone=true"));
        assertEquals(Set.of(), set(own, best + "hasEmail=true"));

        patch(own, id, "{\"mobile\": null, \"email\": \"back@example.com\"}");
        assertEquals(Set.of(id), set(own, best + "hasEmail=true&hasPhone=false"));
        assertEquals(Set.of(), set(own, "hasPhone=true"));
    }

    private static void patch(Session as, long id, String body) {
        as.as().contentType("application/merge-patch+json").body(body).patch("/api/v1/customers/" + id)
                .then().statusCode(200);
    }

    @Test
    void eachFilter() {
        assertEquals(Set.of(c1, c2), set(admin, "stage=INQUIRY&stage=SAMPLE_ORDER"));
        assertEquals(Set.of(c1, c2), set(admin, "stage=INQUIRY,SAMPLE_ORDER"));
        assertEquals(Set.of(c2), set(admin, "stars=3"));
        assertEquals(Set.of(c2, c3), set(admin, "stars=3&stars=2"));
        assertEquals(Set.of(c3), set(admin, "status=LOST"));
        assertEquals(Set.of(c2), set(admin, "source=REFERRAL"));
        assertEquals(Set.of(c1, c3), set(admin, "country=us&country=DE"));
        assertEquals(Set.of(c2, c3), set(admin, "tag=" + tagA));
        assertEquals(Set.of(c2, c3), set(admin, "tag=" + tagA + "," + tagB));
        assertEquals(Set.of(c3), set(admin, "tagAll=" + tagA + "," + tagB));
        assertEquals(Set.of(c3), set(admin, "tagAll=" + tagB));
        assertEquals(Set.of(c5), set(admin, "ownerId=me"));
        assertEquals(Set.of(c4), set(admin, "ownerId=none"));
        assertEquals(Set.of(c1, c2), set(admin, "ownerId=" + rep1.userId()));
        assertEquals(Set.of(c1, c3), set(admin, "hasEmail=true"));
        assertEquals(Set.of(c2, c4, c5), set(admin, "hasEmail=false"));
        assertEquals(Set.of(c1, c2), set(admin, "hasPhone=true"));
        assertEquals(Set.of(c1, c2), set(admin, "scoreMin=30"));
        assertEquals(Set.of(c3, c4, c5), set(admin, "scoreMax=29"));
        // c1: email, phone, company name, 1 star, INQUIRY (30) and a follow-up within 30 days (10).
        assertEquals(Set.of(c1), set(admin, "scoreMin=40&scoreMax=40"));
        assertEquals(Set.of(c3, c4, c5), set(admin, "createdFrom=" + c3CreatedAt));
        assertEquals(Set.of(c1, c2), set(admin, "createdTo=" + c3CreatedAt));
        String fiveDaysAgo = Instant.now().minus(Duration.ofDays(5)).toString();
        assertEquals(Set.of(c2), set(admin, "lastFollowUpFrom=" + fiveDaysAgo));
        assertEquals(Set.of(c1), set(admin, "lastFollowUpTo=" + fiveDaysAgo));
        assertEquals(Set.of(c1), set(admin, "nextFollowUpBefore=" + Instant.now().plus(Duration.ofDays(5))));
        assertEquals(Set.of(c1), set(admin, "cf.incoterm=FOB"));
        assertEquals(Set.of(c1), set(admin, "cf.markets=EU"));
        assertEquals(Set.of(c5), set(admin, "cf.employees=120"));
        assertEquals(Set.of(c5), set(admin, "cf.employees=120.0"));
        assertEquals(Set.of(), set(admin, "cf.incoterm=CIF"));
        // The contract's form (key:value, repeatable: every generator writes it), and the bracketed one.
        assertEquals(Set.of(c1), set(admin, "customField=incoterm:FOB"));
        assertEquals(Set.of(c1), set(admin, "customField=incoterm:FOB&customField=markets:EU"));
        assertEquals(Set.of(), set(admin, "customField=incoterm:FOB&customField=employees:120"));
        assertEquals(Set.of(c5), set(admin, "cf[employees]=120"));
        assertEquals(Set.of(), set(admin, "cf[incoterm]=CIF"));
        problem(admin.as().get("/api/v1/customers?customField=incoterm").then(), 400, "validation")
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("customField"));
        assertEquals(Set.of(c1), set(admin, "stage=INQUIRY&country=US&hasEmail=true&cf.incoterm=FOB"));
        // Calendar days: today as createdFrom includes everything created today (in UTC, this store's zone).
        assertEquals(5, ids(admin, "createdFrom=" + java.time.LocalDate.now(java.time.ZoneOffset.UTC)).size()
                + ids(admin, "createdTo=" + java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(1)).size());
    }

    @Test
    void sortsPutNullsLastAndBreakTiesById() {
        assertEquals(List.of(c2, c1, c3, c5, c4), ids(admin, "sort=-score"));
        assertEquals(List.of(c4, c5, c3, c1, c2), ids(admin, "sort=score"));
        assertEquals(List.of(c1, c2, c4, c5, c3), ids(admin, "sort=name"));
        assertEquals(List.of(c2, c1, c5, c4, c3), ids(admin, "sort=-lastFollowUpAt"));
        assertEquals(List.of(c1, c2, c3, c4, c5), ids(admin, "sort=nextFollowUpAt"));
        assertEquals(List.of(c5, c4, c3, c2, c1), ids(admin, ""));
        assertEquals(List.of(c1, c2, c3, c4, c5), ids(admin, "sort=createdAt"));
    }

    @Test
    void repsScreenOnlyTheirOwnAndStoresNothingOfOthers() {
        assertEquals(Set.of(c1, c2), set(rep1, ""));
        assertEquals(Set.of(), set(rep1, "ownerId=none"));
        assertEquals(Set.of(), set(rep1, "ownerId=" + rep2.userId()));
        assertEquals(Set.of(c3), set(rep2, "sort=-score"));
        assertEquals(Set.of(), set(Api.openStore("Screening stranger"), "q=alpha"));
        admin.as().get("/api/v1/customers?includeTotal=true&limit=2").then().statusCode(200)
                .body("total", equalTo(5)).body("items.size()", equalTo(2));
        rep1.as().get("/api/v1/customers?includeTotal=true").then().body("total", equalTo(2));
        admin.as().get("/api/v1/customers").then().body("$", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("total")));
    }

    @Test
    void aFirstPageCountsUpToABoundAndSaysWhenMoreMatch() {
        // More matches than the bound: the bound, and "capped".
        admin.as().get("/api/v1/customers?countUpTo=3&limit=2").then().statusCode(200)
                .body("items.size()", equalTo(2)).body("total", equalTo(3)).body("totalCapped", equalTo(true));
        // Exactly as many as the bound: exact.
        admin.as().get("/api/v1/customers?countUpTo=5&limit=2").then()
                .body("total", equalTo(5)).body("totalCapped", equalTo(false));
        // Everything on the page: its rows are the count.
        admin.as().get("/api/v1/customers?countUpTo=1").then()
                .body("items.size()", equalTo(5)).body("total", equalTo(5)).body("totalCapped", equalTo(false));
        // Under the filter and the caller's visibility.
        rep1.as().get("/api/v1/customers?countUpTo=1&limit=1").then()
                .body("total", equalTo(1)).body("totalCapped", equalTo(true));
        admin.as().get("/api/v1/customers?countUpTo=100&limit=1&q=alpha").then()
                .body("total", equalTo(set(admin, "q=alpha").size())).body("totalCapped", equalTo(false));
        // Later pages count nothing; an exact count wins over a bound.
        String cursor = admin.as().get("/api/v1/customers?limit=2").then().extract().path("nextCursor");
        admin.as().get("/api/v1/customers?countUpTo=3&limit=2&cursor=" + cursor).then().statusCode(200)
                .body("$", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("total")));
        admin.as().get("/api/v1/customers?countUpTo=1&includeTotal=true&limit=2").then()
                .body("total", equalTo(5)).body("$", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("totalCapped")));
    }

    @Test
    void badParametersAreFieldErrors() {
        String[][] cases = {{"stage=HOT", "stage"}, {"stars=5", "stars"}, {"stars=x", "stars"}, {"status=GONE", "status"},
                {"source=TV", "source"}, {"country=XX", "country"}, {"tag=abc", "tag"}, {"ownerId=bob", "ownerId"},
                {"createdFrom=yesterday", "createdFrom"}, {"hasEmail=maybe", "hasEmail"}, {"scoreMin=101", "scoreMin"},
                {"scoreMax=x", "scoreMax"}, {"cf.unknown=1", "cf.unknown"}, {"cf.employees=many", "cf.employees"},
                {"sort=colour", "sort"}, {"countUpTo=0", "countUpTo"}, {"countUpTo=10001", "countUpTo"},
                {"countUpTo=many", "countUpTo"}, {"limit=201", "limit"}, {"limit=0", "limit"}, {"limit=x", "limit"},
                {"cursor=bogus", "cursor"}, {"q=" + "x".repeat(101), "q"}, {"stages=INQUIRY", "stages"}};
        for (String[] c : cases) {
            problem(admin.as().get("/api/v1/customers?" + c[0]).then(), 400, "validation")
                    .body("errors[0].field", equalTo(c[1]));
        }
        String scoreCursor = admin.as().get("/api/v1/customers?sort=-score&limit=1").then().extract().path("nextCursor");
        problem(admin.as().get("/api/v1/customers?sort=name&cursor=" + scoreCursor).then(), 400, "validation")
                .body("errors[0].field", equalTo("cursor"));
        problem(admin.as().get("/api/v1/customers?sort=-score&cursor=" + Cursor.encode("-score", "V", "abc", 1)).then(),
                400, "validation");
        problem(admin.as().get("/api/v1/customers?sort=-score&cursor=" + Cursor.encode("-score", "N", "", 1)).then(),
                400, "validation");
    }

    @Test
    void pagingNeverSkipsOrRepeatsWhileCustomersArrive() {
        Session owner = Api.openStore("Screening paging");
        List<Long> original = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            // Equal scores and names force ties that only the id can break.
            original.add(Customers.createId(owner, "name", "Same " + (i % 3), "stars", i % 2,
                    "email", i % 3 == 0 ? "p" + i + "@example.com" : null));
        }
        owner.as().body(Map.of("type", "NOTE", "content", "x")).post("/api/v1/customers/" + original.get(4) + "/follow-ups")
                .then().statusCode(201);
        for (String sort : List.of("-score", "score", "-createdAt", "name", "-name", "-lastFollowUpAt", "nextFollowUpAt")) {
            List<Long> seen = new ArrayList<>();
            String cursor = null;
            int inserted = 0;
            do {
                var request = owner.as().queryParam("sort", sort).queryParam("limit", 2);
                if (cursor != null) {
                    request = request.queryParam("cursor", cursor);
                }
                var page = request.get("/api/v1/customers").then().statusCode(200).extract().jsonPath();
                seen.addAll(page.getList("items.id", Long.class));
                cursor = page.getString("nextCursor");
                Customers.createId(owner, "name", "Same " + (inserted++ % 3), "stars", inserted % 2);
            } while (cursor != null);
            assertEquals(seen.size(), new HashSet<>(seen).size(), sort + " repeated a row: " + seen);
            assertTrue(seen.containsAll(original), sort + " skipped a row: " + seen);
        }
    }
}
