package com.harborcrm.inquiry;

import static com.harborcrm.inquiry.InquiryTest.contact;
import static com.harborcrm.inquiry.InquiryTest.email;
import static com.harborcrm.inquiry.InquiryTest.inquiry;
import static com.harborcrm.inquiry.InquiryTest.post;
import static com.harborcrm.testing.Api.problem;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.harborcrm.testing.Api;
import com.harborcrm.testing.Api.Session;
import com.harborcrm.testing.PoolHelper;

import io.quarkus.test.junit.QuarkusTest;

/** The store's inquiry inbox: newest first across customers, the owner-changed insight, filters and read rules. */
@QuarkusTest
class InquiryInboxTest {

    static final String INBOX = "/api/v1/inquiries";

    private static long receive(Session as, Map<String, Object> body) {
        return post(as, body).extract().jsonPath().getLong("customerId");
    }

    @Test
    void theInboxListsEveryInquiryNewestFirstWithItsCustomerAndWhetherTheOwnerChanged() {
        Session admin = Api.openStore("Inbox");
        Session rep = Api.addUser(admin, "REP");
        Session rep2 = Api.addUser(admin, "REP");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String ana = email();
        long anaCustomer = receive(admin, inquiry(contact("email", ana, "companyName", "Souza Ltda"),
                "receivedAt", now.minus(3, ChronoUnit.HOURS).toString()));
        PoolHelper.claim(rep, List.of(anaCustomer));
        // Ana writes again: her customer has an owner now, who was not hers at her first inquiry.
        receive(admin, inquiry(contact("email", ana), "channel", "IM",
                "receivedAt", now.minus(2, ChronoUnit.HOURS).toString()));
        long bruno = receive(admin, inquiry(contact("name", "Bruno", "email", email()), "assignTo", rep2.userId(),
                "receivedAt", now.minus(1, ChronoUnit.HOURS).toString()));

        admin.as().get(INBOX).then().statusCode(200)
                .body("items", hasSize(3))
                .body("items.customer.id", contains((int) bruno, (int) anaCustomer, (int) anaCustomer))
                .body("items.inquiry.channel", contains("ALIBABA", "IM", "ALIBABA"))
                .body("items.inquiry.repeat", contains(false, true, false))
                .body("items.ownerChanged", contains(false, true, false))
                .body("items[1].customer.name", equalTo("Ana Souza"))
                .body("items[1].customer.companyName", equalTo("Souza Ltda"))
                .body("items[1].customer.ownerId", equalTo((int) rep.userId()))
                .body("items[1].customer.ownerName", equalTo("REP user"))
                .body("items[1].customer.inPool", equalTo(false))
                .body("items[1].previousOwnerId", nullValue())
                .body("items[1].inquiry.ownerId", equalTo((int) rep.userId()))
                .body("items[2].inquiry.ownerId", nullValue())
                .body("items[0].customer.ownerId", equalTo((int) rep2.userId()))
                .body("nextCursor", nullValue());

        // The insight as a filter, and the other filters.
        admin.as().queryParam("ownerChanged", true).get(INBOX).then().statusCode(200)
                .body("items.inquiry.channel", contains("IM"));
        admin.as().queryParam("ownerChanged", false).get(INBOX).then().body("items", hasSize(2));
        admin.as().queryParam("repeat", false).get(INBOX).then()
                .body("items.customer.id", contains((int) bruno, (int) anaCustomer));
        admin.as().queryParam("channel", "IM").get(INBOX).then().body("items", hasSize(1));
        admin.as().queryParam("from", "2001-01-01").queryParam("to", "2001-12-31").get(INBOX).then()
                .body("items", empty());
        admin.as().queryParam("from", now.minus(1, ChronoUnit.DAYS).toString().substring(0, 10)).get(INBOX).then()
                .body("items", hasSize(3));

        // A rep reads their own customers' inquiries and the pool's, never a colleague's.
        rep2.as().get(INBOX).then().statusCode(200).body("items.customer.id", contains((int) bruno));
        rep.as().get(INBOX).then().body("items.customer.id", contains((int) anaCustomer, (int) anaCustomer));

        // Another store sees none of them.
        Session other = Api.openStore("Inbox elsewhere");
        other.as().get(INBOX).then().statusCode(200).body("items", empty());
    }

    @Test
    void anOwnerChangeBetweenTwoRepsNamesThePreviousOwner() {
        Session admin = Api.openStore("Inbox owner change");
        Session rep = Api.addUser(admin, "REP");
        Session rep2 = Api.addUser(admin, "REP");
        String buyer = email();
        long customer = receive(admin, inquiry(contact("email", buyer), "assignTo", rep.userId()));
        rep.as().body(Map.of("reasonId", PoolHelper.releaseReason(rep))).post("/api/v1/customers/" + customer
                + "/release").then().statusCode(200);
        PoolHelper.claim(rep2, List.of(customer));
        receive(admin, inquiry(contact("email", buyer)));

        admin.as().queryParam("ownerChanged", true).get(INBOX).then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].previousOwnerId", equalTo((int) rep.userId()))
                .body("items[0].previousOwnerName", equalTo("REP user"))
                .body("items[0].customer.ownerId", equalTo((int) rep2.userId()));
        // The former owner no longer reads it; the new one does.
        rep.as().get(INBOX).then().body("items", empty());
        rep2.as().get(INBOX).then().body("items", hasSize(2));
    }

    @Test
    void aRepReadsPoolInquiriesWithEveryContactMasked() {
        Session admin = Api.openStore("Inbox masking");
        Session rep = Api.addUser(admin, "REP");
        String buyer = email();
        receive(admin, inquiry(contact("email", buyer, "phone", "+86 138 0013 8000",
                "imAccounts", List.of(Map.of("channel", "WECHAT", "handle", "souza_wx"))),
                "message", "Write to " + buyer + " or WeChat souza_wx, +86 138 0013 8000"));

        String asRep = rep.as().get(INBOX).then().statusCode(200).body("items", hasSize(1))
                .body("items[0].customer.inPool", equalTo(true))
                .body("items[0].inquiry.contact.email", equalTo("b***@souza.com.br"))
                .body("items[0].inquiry.contact.phone", equalTo("*** *** 8000"))
                .body("items[0].inquiry.contact.imAccounts[0].handle", not(equalTo("souza_wx")))
                .extract().asString();
        assertEquals(-1, asRep.indexOf(buyer), asRep);
        assertEquals(-1, asRep.indexOf("souza_wx"), asRep);
        assertEquals(-1, asRep.indexOf("138 0013"), asRep);
        // Managers and admins read it whole.
        admin.as().get(INBOX).then().body("items[0].inquiry.contact.email", equalTo(buyer))
                .body("items[0].inquiry.message", equalTo("Write to " + buyer + " or WeChat souza_wx, +86 138 0013 8000"));
    }

    @Test
    void pagesFollowEachOtherWithoutGapsOrRepeats() {
        Session admin = Api.openStore("Inbox pages");
        Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(1, ChronoUnit.DAYS);
        for (int i = 0; i < 7; i++) {
            // Two inquiries share each second: the id breaks the tie.
            receive(admin, inquiry(contact("email", email()), "receivedAt", at.plusSeconds(i / 2).toString()));
        }
        List<Integer> seen = new ArrayList<>();
        String cursor = null;
        do {
            var spec = admin.as().queryParam("limit", 3);
            if (cursor != null) {
                spec.queryParam("cursor", cursor);
            }
            var page = spec.get(INBOX).then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.inquiry.id"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertEquals(7, seen.size());
        assertEquals(7, seen.stream().distinct().count());
        List<Integer> sorted = new ArrayList<>(seen);
        sorted.sort((a, b) -> b - a);
        assertEquals(sorted, seen, "same second: higher id first");
    }

    @Test
    void badFiltersAreOneProblemWithEveryField() {
        Session admin = Api.openStore("Inbox bad filters");
        problem(admin.as().queryParam("channel", "FAX").queryParam("repeat", "maybe").queryParam("ownerChanged", "1")
                .queryParam("from", "yesterday").get(INBOX).then(), 400, "validation")
                .body("errors.field", containsInAnyOrder("channel", "repeat", "ownerChanged", "from"))
                .body("errors.find { it.field == 'channel' }.allowed", notNullValue());
        problem(admin.as().queryParam("from", "2026-03-02").queryParam("to", "2026-03-01").get(INBOX).then(), 400,
                "validation").body("errors.field", contains("to"));
        problem(admin.as().queryParam("limit", 0).get(INBOX).then(), 400, "validation");
        problem(admin.as().queryParam("cursor", "nonsense").get(INBOX).then(), 400, "validation");
    }
}
