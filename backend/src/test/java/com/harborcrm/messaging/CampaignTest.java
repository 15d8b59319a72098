package com.harborcrm.messaging;

import static com.harborcrm.testing.Api.problem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.harborcrm.testing.Api;
import com.harborcrm.testing.Api.Session;
import com.harborcrm.testing.Customers;
import com.harborcrm.testing.MailServer;
import com.harborcrm.testing.MutableClock;
import com.harborcrm.testing.Sql;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Campaigns against a real SMTP server: who is reached and who is skipped and why, one-click unsubscribe that is
 * honoured ever after, the throttle, at-least-once sending that records each recipient once across a crash and two
 * instances, schedules, cancelling, and the pool-timer switch.
 */
@QuarkusTest
class CampaignTest {

    @Inject
    DataSource db;

    @Inject
    MutableClock clock;

    @Inject
    MessageDispatcher dispatcher;

    @BeforeEach
    @AfterEach
    void cleanUp() throws Exception {
        clock.reset();
        try (Connection connection = db.getConnection();
                PreparedStatement stop = connection.prepareStatement(
                        "update messages set status = 'CANCELLED' where status = 'QUEUED'");
                PreparedStatement campaigns = connection.prepareStatement(
                        "update campaigns set status = 'CANCELLED' where status in ('SCHEDULED', 'SENDING')")) {
            stop.executeUpdate();
            campaigns.executeUpdate();
        }
    }

    int drain() {
        int total = 0;
        for (int sent = dispatcher.dispatch(); sent > 0; sent = dispatcher.dispatch()) {
            total += sent;
        }
        return total;
    }

    static long template(Session as, String subject, String body) {
        return as.as().body(Map.of("name", "T " + System.nanoTime(), "channel", "EMAIL", "language", "en",
                "subject", subject, "body", body)).post("/api/v1/messaging/templates").then().statusCode(201)
                .extract().jsonPath().getLong("id");
    }

    static void optIn(Session as, long customer, boolean email) {
        as.as().body(Map.of("emailOptIn", email)).put("/api/v1/customers/" + customer + "/consent").then()
                .statusCode(200).body("email.optedIn", equalTo(email)).body("email.source", equalTo("MANUAL"));
    }

    record Store(Session admin, Session manager, long tag, long template, long a, long aTwin, long unsubscribed, long noConsent,
            long noAddress, long b) {
    }

    /** Six customers tagged "fair": two reachable, one of each reason to be left out. */
    Store store(MailServer mail, int rate) {
        Session admin = Api.openStore("Campaigns");
        admin.as().body(MessagingTest.settings(MessagingTest.emailChannel(mail.port()), null, 1000, rate))
                .put("/api/v1/messaging/settings").then().statusCode(200);
        Session manager = Api.addUser(admin, "MANAGER");
        long tag = manager.as().body(Map.of("name", "fair", "color", "#E53935")).post("/api/v1/tags").then().statusCode(201).extract()
                .jsonPath().getLong("id");
        long a = Customers.createId(manager, "name", "Ana", "email", "ana@example.com");
        long aTwin = Customers.createId(manager, "name", "Ana again", "email", "ANA@example.com");
        long unsubscribed = Customers.createId(manager, "name", "Ben", "email", "ben@example.com");
        long noConsent = Customers.createId(manager, "name", "Cai", "email", "cai@example.com");
        long noAddress = Customers.createId(manager, "name", "Dan", "phone", "+1 555 0100");
        long b = Customers.createId(manager, "name", "Eva", "email", "eva@example.com");
        Customers.createId(manager, "name", "Not at the fair", "email", "other@example.com");
        for (long c : List.of(a, aTwin, unsubscribed, noConsent, noAddress, b)) {
            manager.as().body(Map.of("tagIds", List.of(tag))).put("/api/v1/customers/" + c + "/tags").then()
                    .statusCode(200);
        }
        for (long c : List.of(a, aTwin, noAddress, b)) {
            optIn(manager, c, true);
        }
        optIn(manager, unsubscribed, false);
        long template = template(manager, "Meet us at the fair, {{name}}", "Dear {{name}},\nbooth 12.");
        return new Store(admin, manager, tag, template, a, aTwin, unsubscribed, noConsent, noAddress, b);
    }

    static Map<String, Object> campaign(Store s, Object segment) {
        return Map.of("name", "Fair invitation", "templateId", s.template(), "segment", segment);
    }

    static Map<String, Object> fairSegment(Store s) {
        return Map.of("filter", Map.of("tag", List.of(s.tag())));
    }

    @Test
    void aCampaignReachesTheConsentingOnceEachAndSaysWhyTheOthersWereLeftOut() throws Exception {
        try (MailServer mail = new MailServer()) {
            Store s = store(mail, 6000);
            Map<String, Object> request = campaign(s, fairSegment(s));
            s.manager().as().body(request).post("/api/v1/campaigns/dry-run").then().statusCode(200)
                    .body("recipients", equalTo(2)).body("skipped.DUPLICATE_ADDRESS", equalTo(1))
                    .body("skipped.UNSUBSCRIBED", equalTo(1)).body("skipped.NO_CONSENT", equalTo(1))
                    .body("skipped.NO_ADDRESS", equalTo(1)).body("sampleCustomerId", equalTo((int) s.a()))
                    .body("sample.subject", equalTo("Meet us at the fair, Ana"))
                    .body("sample.text", containsString("Unsubscribe: http"));
            long id = s.manager().as().body(request).post("/api/v1/campaigns").then().statusCode(201)
                    .body("status", equalTo("DRAFT")).extract().jsonPath().getLong("id");
            assertEquals(0, mail.received(0).size(), "a draft sends nothing");
            s.manager().as().post("/api/v1/campaigns/" + id + "/send").then().statusCode(200)
                    .body("status", equalTo("SENDING")).body("counts.recipients", equalTo(6))
                    .body("counts.queued", equalTo(2)).body("counts.skipped", equalTo(4));
            problem(s.manager().as().post("/api/v1/campaigns/" + id + "/send").then(), 409, "campaign-state");

            assertEquals(2, drain());
            // Said with each message's state, should a send have failed on the way (a retry keeps the campaign SENDING).
            assertEquals("DONE", s.manager().as().get("/api/v1/campaigns/" + id).then().extract().jsonPath()
                    .getString("status"), () -> describe(id));
            s.manager().as().get("/api/v1/campaigns/" + id).then().body("status", equalTo("DONE"))
                    .body("counts.sent", equalTo(2)).body("counts.queued", equalTo(0)).body("finishedAt", notNullValue());
            List<MimeMessage> got = mail.received(2);
            assertEquals(2, got.size());
            Set<String> to = new HashSet<>();
            for (MimeMessage m : got) {
                to.add(m.getAllRecipients()[0].toString());
                String oneClick = m.getHeader("List-Unsubscribe")[0];
                assertTrue(oneClick.matches("<http://[^>]+/api/v1/unsubscribe/[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+>"), oneClick);
                assertEquals("List-Unsubscribe=One-Click", m.getHeader("List-Unsubscribe-Post")[0]);
                assertTrue(MessagingTest.parts(m).get("text").contains("/unsubscribe/"), "a link in the text too");
            }
            assertEquals(Set.of("ana@example.com", "eva@example.com"), to);
            s.manager().as().get("/api/v1/campaigns/" + id + "/recipients?status=SKIPPED").then().statusCode(200)
                    .body("items.size()", equalTo(4)).body("items.customerName", org.hamcrest.Matchers.hasItems("Ben", "Dan"))
                    .body("items[0].campaignName", equalTo("Fair invitation"));
            // A sent campaign message keeps the subject it went out with, rendered for its customer.
            s.manager().as().get("/api/v1/customers/" + s.b() + "/messages").then()
                    .body("items[0].subject", equalTo("Meet us at the fair, Eva")).body("items[0].status", equalTo("SENT"))
                    .body("items[0].body", org.hamcrest.Matchers.nullValue());
            // Each delivered message is a follow-up of the customer's owner.
            s.manager().as().get("/api/v1/customers/" + s.b() + "/follow-ups").then()
                    .body("items[0].type", equalTo("EMAIL")).body("items[0].authorId", equalTo((int) s.manager().userId()))
                    .body("items[0].content", containsString("Campaign «Fair invitation»"))
                    .body("items[0].content", containsString("booth 12."))
                    .body("items[0].content", not(containsString("unsubscribe")));
        }
    }

    @Test
    void oneClickUnsubscribeWorksWithoutSigningInAndIsHonouredByEveryLaterCampaign() throws Exception {
        try (MailServer mail = new MailServer()) {
            Store s = store(mail, 6000);
            long first = s.manager().as().body(campaign(s, Map.of("customerIds", List.of(s.b()))))
                    .post("/api/v1/campaigns").then().statusCode(201).extract().jsonPath().getLong("id");
            s.manager().as().post("/api/v1/campaigns/" + first + "/send").then().statusCode(200);
            assertEquals(1, drain());
            String header = mail.received(1).get(0).getHeader("List-Unsubscribe")[0];
            String path = java.net.URI.create(header.substring(1, header.length() - 1)).getPath();

            given().get(path).then().statusCode(200).body("storeName", equalTo("Campaigns"))
                    .body("channel", equalTo("EMAIL")).body("address", equalTo("ev***@example.com"))
                    .body("unsubscribed", equalTo(false));
            // What a mail client sends (RFC 8058), with no session at all.
            given().contentType(ContentType.URLENC).body("List-Unsubscribe=One-Click").post(path).then()
                    .statusCode(200).body("unsubscribed", equalTo(true));
            given().contentType(ContentType.URLENC).body("List-Unsubscribe=One-Click").post(path).then()
                    .statusCode(200).body("unsubscribed", equalTo(true));
            s.manager().as().get("/api/v1/customers/" + s.b() + "/consent").then()
                    .body("email.optedIn", equalTo(false)).body("email.source", equalTo("UNSUBSCRIBE_LINK"));

            // A forged or altered token is not found; it cannot be turned into another customer's.
            String token = path.substring(path.lastIndexOf('/') + 1);
            problem(given().get("/api/v1/unsubscribe/" + token.substring(0, token.length() - 2) + "AA").then(), 404,
                    "not-found");
            String forged = UnsubscribeLinks.token(new byte[32],
                    new UnsubscribeLinks.Subject(s.admin().storeId(), s.a(), MessageChannel.EMAIL));
            problem(given().contentType(ContentType.URLENC).body("List-Unsubscribe=One-Click")
                    .post("/api/v1/unsubscribe/" + forged).then(), 404, "not-found");
            s.manager().as().get("/api/v1/customers/" + s.a() + "/consent").then().body("email.optedIn", equalTo(true));

            // Never mailed by a campaign again.
            long second = s.manager().as().body(campaign(s, Map.of("customerIds", List.of(s.b(), s.a()))))
                    .post("/api/v1/campaigns").then().statusCode(201).extract().jsonPath().getLong("id");
            s.manager().as().post("/api/v1/campaigns/" + second + "/send").then().statusCode(200)
                    .body("counts.queued", equalTo(1)).body("counts.skipped", equalTo(1));
            assertEquals(1, drain());
            assertEquals("ana@example.com", mail.received(2).get(1).getAllRecipients()[0].toString());
            s.manager().as().get("/api/v1/campaigns/" + second + "/recipients?status=SKIPPED").then()
                    .body("items[0].customerId", equalTo((int) s.b()))
                    .body("items[0].skipReason", equalTo("UNSUBSCRIBED"));
        }
    }

    @Test
    void theThrottleHoldsTheRatePerMinute() throws Exception {
        try (MailServer mail = new MailServer()) {
            Store s = store(mail, 2);
            long id = s.manager().as().body(campaign(s, Map.of("customerIds", List.of(s.a(), s.b(), s.aTwin()))))
                    .post("/api/v1/campaigns").then().statusCode(201).extract().jsonPath().getLong("id");
            // aTwin shares Ana's address: two recipients, and a rate of 2 a minute takes one per pass.
            s.manager().as().post("/api/v1/campaigns/" + id + "/send").then().body("counts.queued", equalTo(2));
            assertEquals(1, dispatcher.dispatch());
            assertEquals(1, dispatcher.dispatch());
            s.manager().as().body(campaign(s, Map.of("customerIds", List.of(s.noAddress())))).post("/api/v1/campaigns");
            long third = s.manager().as().body(Map.of("name", "More", "templateId", s.template(),
                    "segment", Map.of("customerIds", List.of(s.a())))).post("/api/v1/campaigns").then().statusCode(201)
                    .extract().jsonPath().getLong("id");
            s.manager().as().post("/api/v1/campaigns/" + third + "/send").then().body("counts.queued", equalTo(1));
            assertEquals(0, dispatcher.dispatch(), "two this minute already");
            clock.advance(Duration.ofSeconds(61));
            assertEquals(1, dispatcher.dispatch());
            assertEquals(3, mail.received(3).size());
        }
    }

    @Test
    void aCrashMidSendSendsAgainButRecordsEachRecipientOnceAndTwoInstancesNeverDoubleSend() throws Exception {
        try (MailServer mail = new MailServer()) {
            Store s = store(mail, 6000);
            List<Long> many = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                long c = Customers.createId(s.manager(), "name", "Buyer " + i, "email", "buyer" + i + "@example.com");
                optIn(s.manager(), c, true);
                many.add(c);
            }
            long id = s.manager().as().body(campaign(s, Map.of("customerIds", many))).post("/api/v1/campaigns")
                    .then().statusCode(201).extract().jsonPath().getLong("id");
            s.manager().as().post("/api/v1/campaigns/" + id + "/send").then().body("counts.queued", equalTo(30));

            // An instance took five and died: their leases run out, then they go (again) and are recorded once.
            try (Connection connection = db.getConnection(); PreparedStatement lease = connection.prepareStatement("""
                    update messages set leased_until = now() + interval '1 hour', attempts = 1
                    where id in (select id from messages where store_id = ? and campaign_id = ? order by id limit 5)""")) {
                lease.setLong(1, s.admin().storeId());
                lease.setLong(2, id);
                lease.executeUpdate();
            }
            // Two instances dispatch at once.
            ExecutorService two = Executors.newFixedThreadPool(2);
            List<Future<Integer>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(two.submit(this::drain));
            }
            int sent = 0;
            for (Future<Integer> run : runs) {
                sent += run.get();
            }
            two.shutdown();
            assertEquals(25, sent);
            assertEquals(25, mail.received(25).size(), () -> "none of the 25 free ones went twice: " + describe(id));
            clock.advance(Duration.ofHours(2));
            assertEquals(5, drain());
            assertEquals(30, mail.received(30).size());
            s.manager().as().get("/api/v1/campaigns/" + id).then().body("status", equalTo("DONE"))
                    .body("counts.sent", equalTo(30));
            assertEquals(30L, ((Number) Sql.rows(db, "select count(*) from follow_ups f join messages m "
                    + "on m.store_id = f.store_id and m.follow_up_id = f.id where m.campaign_id = ?", id).get(0)[0])
                    .longValue(), "one follow-up per recipient");
        }
    }

    String describe(long campaign) {
        try {
            StringBuilder out = new StringBuilder();
            for (Object[] r : Sql.rows(db, "select status, attempts, error, next_attempt_at, leased_until, sent_at from messages where campaign_id = ? order by id",
                    campaign)) {
                out.append(java.util.Arrays.toString(r)).append('\n');
            }
            return out.toString();
        } catch (java.sql.SQLException e) {
            return e.toString();
        }
    }

    @Test
    void aScheduledCampaignStartsAtItsTimeAndCancellingStopsWhatHasNotGone() throws Exception {
        try (MailServer mail = new MailServer()) {
            Store s = store(mail, 1);
            var at = clock.instant().plus(Duration.ofHours(2));
            long id = s.manager().as().body(Map.of("name", "Later", "templateId", s.template(),
                    "segment", Map.of("customerIds", List.of(s.a(), s.b())), "scheduledAt", at.toString()))
                    .post("/api/v1/campaigns").then().statusCode(201).extract().jsonPath().getLong("id");
            s.manager().as().post("/api/v1/campaigns/" + id + "/send").then().body("status", equalTo("SCHEDULED"));
            assertEquals(0, dispatcher.dispatch());
            clock.advance(Duration.ofHours(3));
            assertEquals(1, dispatcher.dispatch(), "started, and one a minute");
            s.manager().as().get("/api/v1/campaigns/" + id).then().body("status", equalTo("SENDING"))
                    .body("counts.sent", equalTo(1)).body("counts.queued", equalTo(1));
            s.manager().as().post("/api/v1/campaigns/" + id + "/cancel").then().statusCode(200)
                    .body("status", equalTo("CANCELLED")).body("counts.cancelled", equalTo(1));
            clock.advance(Duration.ofMinutes(5));
            assertEquals(0, drain());
            assertEquals(1, mail.received(1).size());
            problem(s.manager().as().post("/api/v1/campaigns/" + id + "/cancel").then(), 409, "campaign-state");
        }
    }

    @Test
    void theDailyCapHoldsCampaignMessagesForTheNextDayAndAPoolCustomersFollowUpIsTheStores() throws Exception {
        try (MailServer mail = new MailServer()) {
            Store s = store(mail, 6000);
            s.admin().as().body(MessagingTest.settings(MessagingTest.emailChannel(mail.port()), null, 2, 6000))
                    .put("/api/v1/messaging/settings").then().statusCode(200);
            long pooled = com.harborcrm.testing.PoolHelper.poolCustomer(s.manager(), "name", "Pooled buyer",
                    "email", "pooled@example.com");
            optIn(s.manager(), pooled, true);
            long id = s.manager().as().body(campaign(s, Map.of("customerIds", List.of(pooled, s.a(), s.b()))))
                    .post("/api/v1/campaigns").then().statusCode(201).extract().jsonPath().getLong("id");
            s.manager().as().post("/api/v1/campaigns/" + id + "/send").then().body("counts.queued", equalTo(3));
            assertEquals(2, drain(), () -> "two a day: " + describe(id));
            s.manager().as().get("/api/v1/campaigns/" + id).then().body("status", equalTo("SENDING"))
                    .body("counts.sent", equalTo(2)).body("counts.queued", equalTo(1));
            clock.advance(Duration.ofDays(1));
            assertEquals(1, drain(), () -> describe(id) + " now " + clock.instant());
            s.manager().as().get("/api/v1/campaigns/" + id).then().body("status", equalTo("DONE"));
            assertEquals(3, mail.received(3).size());
            // Nobody owns the pool customer: the store's service principal wrote its follow-up.
            s.manager().as().get("/api/v1/customers/" + pooled + "/follow-ups").then()
                    .body("items[0].type", equalTo("EMAIL")).body("items[0].authorName", equalTo("Harbor"));
        }
    }

    @Test
    void massMailCanLeaveThePoolTimersAlone() throws Exception {
        try (MailServer mail = new MailServer()) {
            Store s = store(mail, 6000);
            long id = s.manager().as().body(Map.of("name", "Newsletter", "templateId", s.template(),
                    "segment", Map.of("customerIds", List.of(s.b())), "keepPoolTimers", true))
                    .post("/api/v1/campaigns").then().statusCode(201).body("keepPoolTimers", equalTo(true))
                    .extract().jsonPath().getLong("id");
            s.manager().as().post("/api/v1/campaigns/" + id + "/send").then().statusCode(200);
            assertEquals(1, drain());
            s.manager().as().get("/api/v1/customers/" + s.b() + "/follow-ups").then()
                    .body("items.size()", equalTo(1)).body("items[0].type", equalTo("EMAIL"));
            s.manager().as().get("/api/v1/customers/" + s.b()).then()
                    .body("lastFollowUpAt", org.hamcrest.Matchers.nullValue());
        }
    }

    @Test
    void campaignsAreForManagersAndInvalidOnesAreRefusedWhole() throws Exception {
        try (MailServer mail = new MailServer()) {
            Store s = store(mail, 60);
            Session rep = Api.addUser(s.admin(), "REP");
            problem(rep.as().get("/api/v1/campaigns").then(), 403, "forbidden");
            problem(s.manager().as().body(Map.of("name", "", "templateId", 999999, "segment",
                    Map.of("viewId", 1, "customerIds", List.of(1)))).post("/api/v1/campaigns").then(), 400, "validation")
                    .body("errors.field", org.hamcrest.Matchers.hasItems("name"));
            problem(s.manager().as().body(Map.of("name", "X", "templateId", 999999, "segment",
                    Map.of("viewId", 1, "customerIds", List.of(1)))).post("/api/v1/campaigns").then(), 400, "validation")
                    .body("errors.field", org.hamcrest.Matchers.hasItems("templateId", "segment"));
            Session stranger = Api.openStore("Other");
            long id = s.manager().as().body(campaign(s, Map.of("customerIds", List.of(s.a())))).post("/api/v1/campaigns")
                    .then().statusCode(201).extract().jsonPath().getLong("id");
            problem(stranger.as().get("/api/v1/campaigns/" + id).then(), 404, "not-found");
            problem(stranger.as().post("/api/v1/campaigns/" + id + "/send").then(), 404, "not-found");
            problem(s.manager().as().delete("/api/v1/messaging/templates/" + s.template()).then(), 409,
                    "template-in-use");
            s.manager().as().delete("/api/v1/campaigns/" + id).then().statusCode(204);
            s.manager().as().delete("/api/v1/messaging/templates/" + s.template()).then().statusCode(204);
        }
    }
}
