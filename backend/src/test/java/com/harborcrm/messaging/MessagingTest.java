package com.harborcrm.messaging;

import static com.harborcrm.testing.Api.problem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
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
import com.harborcrm.testing.WebhookReceiver;
import com.harborcrm.webhook.WebhookSignature;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * E-mail and SMS against real servers on this machine: GreenMail for SMTP, a local HTTP server playing the SMS
 * provider. One-to-one messages, templates, consent and unsubscribe, campaigns with their throttle, restarts and
 * cancelling, inbound messages and delivery reports, and who may do what.
 */
@QuarkusTest
class MessagingTest {

    @Inject
    DataSource db;

    @Inject
    MutableClock clock;

    @Inject
    MessageDispatcher dispatcher;

    @Inject
    MessageOutbox outbox;

    @Inject
    com.harborcrm.common.tenancy.StoreWork storeWork;

    @Inject
    MessagingSettingsService settingsService;

    @Inject
    com.harborcrm.webhook.WebhookDispatcher webhooks;

    @BeforeEach
    @AfterEach
    void cleanUp() throws Exception {
        clock.reset();
        // Dispatching is global: nothing one test queued may be sent by the next.
        try (Connection connection = db.getConnection();
                PreparedStatement stop = connection.prepareStatement(
                        "update messages set status = 'CANCELLED' where status = 'QUEUED'");
                PreparedStatement campaigns = connection.prepareStatement(
                        "update campaigns set status = 'CANCELLED' where status in ('SCHEDULED', 'SENDING')")) {
            stop.executeUpdate();
            campaigns.executeUpdate();
        }
    }

    static Map<String, Object> emailChannel(int port, Object... extra) {
        Map<String, Object> email = new LinkedHashMap<>();
        email.put("enabled", true);
        email.put("host", "127.0.0.1");
        email.put("port", port);
        email.put("security", "NONE");
        email.put("fromAddress", "sales@ningbo-hinges.example");
        email.put("fromName", "Ningbo Hinges");
        email.put("replyTo", "replies@ningbo-hinges.example");
        for (int i = 0; i < extra.length; i += 2) {
            email.put((String) extra[i], extra[i + 1]);
        }
        return email;
    }

    static Map<String, Object> settings(Map<String, Object> email, Map<String, Object> sms, int emailCap, int rate) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("email", email);
        body.put("sms", sms == null ? Map.of("enabled", false) : sms);
        body.put("dailyEmailCap", emailCap);
        body.put("dailySmsCap", 100);
        body.put("campaignRatePerMinute", rate);
        return body;
    }

    static void setUpEmail(Session admin, int port) {
        admin.as().body(settings(emailChannel(port), null, 1000, 6000)).put("/api/v1/messaging/settings")
                .then().statusCode(200).body("email.enabled", equalTo(true));
    }

    /** The text/plain and text/html parts of a received mail. */
    static Map<String, String> parts(Part part) throws Exception {
        Map<String, String> found = new HashMap<>();
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                found.putAll(parts(child));
            }
        } else if (part.isMimeType("text/plain")) {
            found.put("text", part.getContent().toString());
        } else if (part.isMimeType("text/html")) {
            found.put("html", part.getContent().toString());
        }
        return found;
    }

    int drain() {
        int total = 0;
        for (int sent = dispatcher.dispatch(); sent > 0; sent = dispatcher.dispatch()) {
            total += sent;
        }
        return total;
    }

    // ---- one message ----

    @Test
    void aRepEmailsTheirCustomerAndItArrivesAndBecomesAFollowUp() throws Exception {
        try (MailServer mail = new MailServer()) {
            Session admin = Api.openStore("Mail One");
            setUpEmail(admin, mail.port());
            Session rep = Api.addUser(admin, "REP");
            long customer = Customers.createId(rep, "name", "Li <Wei>", "companyName", "Wei & Sons",
                    "email", "li.wei@example.com");

            rep.as().body(Map.of("channel", "EMAIL", "subject", "Quotation for {{companyName}}",
                    "body", "Dear {{name}},\n\nPlease find our prices.\n\n{{owner.name}}"))
                    .post("/api/v1/customers/" + customer + "/messages").then().statusCode(201)
                    .body("status", equalTo("SENT")).body("direction", equalTo("OUT"))
                    .body("subject", equalTo("Quotation for Wei & Sons")).body("followUpId", notNullValue())
                    .body("senderId", equalTo((int) rep.userId())).body("address", equalTo("li.wei@example.com"));

            assertEquals(1, mail.received(1).size());
            MimeMessage got = mail.received(1).get(0);
            assertEquals("Quotation for Wei & Sons", got.getSubject());
            assertEquals("li.wei@example.com", got.getAllRecipients()[0].toString());
            assertTrue(got.getFrom()[0].toString().contains("sales@ningbo-hinges.example"));
            assertEquals("replies@ningbo-hinges.example", got.getHeader("Reply-To")[0]);
            assertNotNull(got.getMessageID());
            // One-to-one mail is correspondence, not bulk: no unsubscribe header.
            assertEquals(null, got.getHeader("List-Unsubscribe"));
            Map<String, String> body = parts(got);
            assertTrue(body.get("text").startsWith("Dear Li <Wei>,"), body.get("text"));
            assertTrue(body.get("html").contains("Dear Li &lt;Wei&gt;,"), "values are escaped in HTML");
            assertFalse(body.get("html").contains("<Wei>"));

            // The follow-up is the rep's, of type EMAIL, and the customer's last contact moved.
            rep.as().get("/api/v1/customers/" + customer + "/follow-ups").then().statusCode(200)
                    .body("items.size()", equalTo(1)).body("items[0].type", equalTo("EMAIL"))
                    .body("items[0].authorId", equalTo((int) rep.userId()))
                    .body("items[0].content", containsString("Quotation for Wei & Sons"));
            rep.as().get("/api/v1/customers/" + customer).then().body("lastFollowUpAt", notNullValue());
            rep.as().get("/api/v1/customers/" + customer + "/messages").then().statusCode(200)
                    .body("items.size()", equalTo(1)).body("items[0].status", equalTo("SENT"));
        }
    }

    @Test
    void aTemplateIsRenderedForTheCustomerAndUnknownPlaceholdersAreRefusedWhenSaved() throws Exception {
        try (MailServer mail = new MailServer()) {
            Session admin = Api.openStore("Templates");
            setUpEmail(admin, mail.port());
            Session manager = Api.addUser(admin, "MANAGER");
            long customer = Customers.createId(manager, "name", "Ana Souza", "email", "ana@souza.example");

            var refused = problem(manager.as().body(Map.of("name", "Welcome", "channel", "EMAIL", "language", "en",
                    "subject", "Hi {{nmae}}", "body", "Hello {{name|there}} from {{store.name}} {{cf.nothing}}"))
                    .post("/api/v1/messaging/templates").then(), 400, "validation")
                    .body("errors.field", hasItems("subject", "body")).body("errors.code", hasItem("UNKNOWN"))
                    .extract().jsonPath();
            assertTrue(refused.getList("errors.allowed[0]").contains("companyName"));
            assertEquals(0, manager.as().get("/api/v1/messaging/templates").then().extract().jsonPath()
                    .getList("items").size(), "nothing was saved");
            problem(manager.as().body(Map.of("name", "Bad", "channel", "EMAIL", "language", "en",
                    "subject", "Hi\r\nBcc: all@example.com", "body", "x")).post("/api/v1/messaging/templates").then(),
                    400, "validation").body("errors.field", hasItem("subject"));
            problem(manager.as().body(Map.of("name", "Long", "channel", "SMS", "language", "en",
                    "body", "x".repeat(1601))).post("/api/v1/messaging/templates").then(), 400, "validation")
                    .body("errors[0].field", equalTo("body")).body("errors[0].max", equalTo(1600));

            long template = manager.as().body(Map.of("name", "Welcome", "channel", "EMAIL", "language", "en",
                    "subject", "Welcome, {{name}}", "body", "Hello {{name|there}}, {{position|buyer}} at {{store.name}}"))
                    .post("/api/v1/messaging/templates").then().statusCode(201).extract().jsonPath().getLong("id");
            manager.as().body(Map.of("channel", "EMAIL", "subject", "Welcome, {{name}}",
                    "body", "Hello {{name|there}}, {{position|buyer}} at {{store.name}}", "customerId", customer))
                    .post("/api/v1/messaging/preview").then().statusCode(200)
                    .body("subject", equalTo("Welcome, Ana Souza"))
                    .body("text", equalTo("Hello Ana Souza, buyer at Templates"))
                    .body("html", containsString("<p>Hello Ana Souza, buyer at Templates</p>"));

            manager.as().body(Map.of("channel", "EMAIL", "templateId", template))
                    .post("/api/v1/customers/" + customer + "/messages").then().statusCode(201)
                    .body("status", equalTo("SENT")).body("subject", equalTo("Welcome, Ana Souza"));
            assertEquals("Welcome, Ana Souza", mail.received(1).get(0).getSubject());

            // A rep reads templates but does not write them.
            Session rep = Api.addUser(admin, "REP");
            rep.as().get("/api/v1/messaging/templates").then().statusCode(200).body("items.size()", equalTo(1));
            problem(rep.as().body(Map.of("name", "Mine", "channel", "SMS", "language", "zh-CN", "body", "您好"))
                    .post("/api/v1/messaging/templates").then(), 403, "forbidden");
        }
    }

    @Test
    void whoMayMessageWhomAndWhatIsRefusedChangesNothing() throws Exception {
        try (MailServer mail = new MailServer()) {
            Session admin = Api.openStore("Who");
            Session rep = Api.addUser(admin, "REP");
            Session otherRep = Api.addUser(admin, "REP");
            long own = Customers.createId(rep, "name", "Own", "email", "own@example.com");
            long noEmail = Customers.createId(rep, "name", "No Mail", "mobile", "+86 138 0013 8000");
            long others = Customers.createId(otherRep, "name", "Theirs", "email", "theirs@example.com");
            long pool = com.harborcrm.testing.PoolHelper.poolCustomer(admin, "name", "Pooled", "email", "pool@example.com");
            Map<String, Object> hello = Map.of("channel", "EMAIL", "subject", "Hello", "body", "Hi");

            // Not set up yet.
            problem(rep.as().body(hello).post("/api/v1/customers/" + own + "/messages").then(), 409,
                    "messaging-channel-off");
            setUpEmail(admin, mail.port());
            problem(rep.as().body(hello).post("/api/v1/customers/" + others + "/messages").then(), 404, "not-found");
            problem(rep.as().body(hello).post("/api/v1/customers/" + pool + "/messages").then(), 403, "forbidden");
            problem(rep.as().body(hello).post("/api/v1/customers/" + noEmail + "/messages").then(), 409, "no-address");
            problem(rep.as().body(Map.of("channel", "EMAIL", "body", "")).post("/api/v1/customers/" + own + "/messages")
                    .then(), 400, "validation").body("errors.field", hasItems("subject", "body"));
            assertEquals(0, mail.received(0).size());
            assertEquals(0L, count("select count(*) from messages where store_id = ?", admin.storeId()));

            // Managers message any customer of the store; another store's is not found.
            Session manager = Api.addUser(admin, "MANAGER");
            manager.as().body(hello).post("/api/v1/customers/" + pool + "/messages").then().statusCode(201)
                    .body("status", equalTo("SENT"));
            Session stranger = Api.openStore("Elsewhere");
            problem(stranger.as().body(hello).post("/api/v1/customers/" + own + "/messages").then(), 404, "not-found");
            // A rep reads no pool customer's correspondence.
            rep.as().get("/api/v1/customers/" + pool + "/messages").then().statusCode(200)
                    .body("items.size()", equalTo(0));
        }
    }

    @Test
    void theDailyCapStopsOneToOneSendingForTheDay() throws Exception {
        try (MailServer mail = new MailServer()) {
            Session admin = Api.openStore("Capped");
            admin.as().body(settings(emailChannel(mail.port()), null, 1, 60)).put("/api/v1/messaging/settings")
                    .then().statusCode(200);
            long customer = Customers.createId(admin, "name", "Capped Buyer", "email", "cap@example.com");
            Map<String, Object> hello = Map.of("channel", "EMAIL", "subject", "Hello", "body", "Hi");
            admin.as().body(hello).post("/api/v1/customers/" + customer + "/messages").then().statusCode(201);
            problem(admin.as().body(hello).post("/api/v1/customers/" + customer + "/messages").then(), 429,
                    "daily-send-limit");
            assertEquals(1, mail.received(1).size());
        }
    }

    @Test
    void aServerThatRefusesIsRetriedThenFailedWithItsAnswer() throws Exception {
        Session admin = Api.openStore("Unreachable");
        // Nothing listens on this port: every attempt fails to connect.
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        setUpEmail(admin, closedPort);
        long customer = Customers.createId(admin, "name", "Retry Buyer", "email", "retry@example.com");
        var message = admin.as().body(Map.of("channel", "EMAIL", "subject", "Hello", "body", "Hi"))
                .post("/api/v1/customers/" + customer + "/messages").then().statusCode(201)
                .body("status", equalTo("QUEUED")).body("error", notNullValue()).body("followUpId", nullValue())
                .extract().jsonPath();
        assertEquals(0, dispatcher.dispatch(), "not due before its retry");
        clock.advance(Duration.ofMinutes(1));
        assertEquals(1, dispatcher.dispatch());
        clock.advance(Duration.ofMinutes(3));
        assertEquals(1, dispatcher.dispatch());
        admin.as().get("/api/v1/customers/" + customer + "/messages").then()
                .body("items[0].id", equalTo(message.getInt("id"))).body("items[0].status", equalTo("FAILED"))
                .body("items[0].error", notNullValue());
        admin.as().get("/api/v1/customers/" + customer + "/follow-ups").then().body("items.size()", equalTo(0));
    }

    // ---- settings ----

    @Test
    void secretsAreStoredEncryptedAndNeverReturned() throws Exception {
        try (MailServer mail = new MailServer().requireLogin("harbor", "s3cret-Pass")) {
            Session admin = Api.openStore("Secrets");
            admin.as().body(settings(emailChannel(mail.port(), "username", "harbor", "password", "s3cret-Pass"), null,
                    100, 60)).put("/api/v1/messaging/settings").then().statusCode(200)
                    .body("email.passwordSet", equalTo(true)).body("email.password", nullValue())
                    .body(not(containsString("s3cret-Pass")));
            byte[] stored = (byte[]) Sql.rows(db, "select smtp_password from messaging_settings where store_id = ?",
                    admin.storeId()).get(0)[0];
            assertFalse(new String(stored, StandardCharsets.ISO_8859_1).contains("s3cret"), "ciphertext at rest");

            // The password left out is kept: the test mail signs in with it.
            var view = admin.as().get("/api/v1/messaging/settings").then().statusCode(200)
                    .header("ETag", notNullValue()).body(not(containsString("s3cret-Pass"))).extract().jsonPath();
            admin.as().header("If-Match", "\"" + view.getLong("version") + "\"")
                    .body(settings(emailChannel(mail.port(), "username", "harbor", "fromName", "Hinges Ltd"), null,
                            100, 60)).put("/api/v1/messaging/settings").then().statusCode(200)
                    .body("email.passwordSet", equalTo(true)).body("email.fromName", equalTo("Hinges Ltd"));
            admin.as().body(Map.of("channel", "EMAIL", "to", "me@example.com"))
                    .post("/api/v1/messaging/settings/test").then().statusCode(200).body("providerId", notNullValue());
            assertEquals(1, mail.received(1).size());
            assertEquals("Harbor CRM test message", mail.received(1).get(0).getSubject());

            // A stale If-Match changes nothing; "" removes the password, and the server then refuses the sign-in.
            problem(admin.as().header("If-Match", "\"" + view.getLong("version") + "\"")
                    .body(settings(emailChannel(mail.port()), null, 100, 60)).put("/api/v1/messaging/settings").then(),
                    412, "precondition-failed");
            admin.as().body(settings(emailChannel(mail.port(), "username", "harbor", "password", ""), null, 100, 60))
                    .put("/api/v1/messaging/settings").then().statusCode(200).body("email.passwordSet", equalTo(false));
            problem(admin.as().body(Map.of("channel", "EMAIL", "to", "me@example.com"))
                    .post("/api/v1/messaging/settings/test").then(), 502, "delivery-failed")
                    .body("detail", containsString("mail server"));
        }
    }

    @Test
    void anEnabledChannelMustBeCompleteAndEveryProblemIsReportedAtOnce() {
        Session admin = Api.openStore("Incomplete");
        Map<String, Object> email = new LinkedHashMap<>();
        email.put("enabled", true);
        email.put("fromName", "Evil\r\nBcc: everyone@example.com");
        Map<String, Object> sms = Map.of("enabled", true, "baseUrl", "ftp://x");
        problem(admin.as().body(settings(email, sms, -1, 0)).put("/api/v1/messaging/settings").then(), 400, "validation")
                .body("errors.field", hasItems("email.fromName", "sms.baseUrl", "dailyEmailCap", "campaignRatePerMinute"));
        problem(admin.as().body(settings(Map.of("enabled", true), Map.of("enabled", true), 10, 10))
                .put("/api/v1/messaging/settings").then(), 400, "validation")
                .body("errors.field", hasItems("email.host", "email.port", "email.fromAddress", "sms.baseUrl",
                        "sms.accountId", "sms.fromNumber", "sms.token"));
        admin.as().get("/api/v1/messaging/settings").then().statusCode(200).body("email.enabled", equalTo(false))
                .body("secretsStorable", equalTo(true));
        // Only admins see or change channels.
        Session manager = Api.addUser(admin, "MANAGER");
        problem(manager.as().get("/api/v1/messaging/settings").then(), 403, "forbidden");
    }

    // ---- SMS ----

    Map<String, Object> smsChannel(WebhookReceiver provider) {
        return Map.of("enabled", true, "baseUrl", provider.url("/provider"), "accountId", "AC123",
                "token", "sms-token-1", "fromNumber", "+8657400000");
    }

    @Test
    void anSmsGoesToTheProviderAndItsSignedCallbacksUpdateTheMessage() throws Exception {
        try (WebhookReceiver provider = new WebhookReceiver().answerAlways(201).answerBody("{\"sid\":\"SM42\"}")) {
            Session admin = Api.openStore("Texts");
            admin.as().body(settings(Map.of("enabled", false), smsChannel(provider), 10, 60))
                    .put("/api/v1/messaging/settings").then().statusCode(200).body("sms.tokenSet", equalTo(true))
                    .body("sms.token", nullValue());
            long customer = Customers.createId(admin, "name", "Wang Fang", "mobile", "+86 138 0013 8000");
            admin.as().body(Map.of("channel", "SMS", "body", "Hi {{name}}, samples shipped."))
                    .post("/api/v1/customers/" + customer + "/messages").then().statusCode(201)
                    .body("status", equalTo("SENT")).body("subject", nullValue());

            var request = provider.received().get(0);
            assertEquals("/provider/2010-04-01/Accounts/AC123/Messages.json", request.path());
            assertEquals("Basic " + java.util.Base64.getEncoder().encodeToString("AC123:sms-token-1".getBytes()),
                    request.header("authorization"));
            Map<String, String> form = formOf(request.body());
            assertEquals("+86 138 0013 8000", form.get("To"));
            assertEquals("+8657400000", form.get("From"));
            assertEquals("Hi Wang Fang, samples shipped.", form.get("Body"));
            String callback = form.get("StatusCallback");
            assertTrue(callback.contains("/api/v1/messaging/inbound/") && callback.endsWith("/sms"), callback);
            admin.as().get("/api/v1/customers/" + customer + "/follow-ups").then()
                    .body("items[0].type", equalTo("SMS"));

            // A report with a wrong signature stores nothing; the provider's own signature is believed.
            String path = java.net.URI.create(callback).getPath();
            Map<String, String> delivered = Map.of("MessageSid", "SM42", "MessageStatus", "delivered");
            problem(given().contentType(ContentType.URLENC).header("X-Twilio-Signature", "forged")
                    .formParams(delivered).post(path).then(), 401, "unauthorized");
            admin.as().get("/api/v1/customers/" + customer + "/messages").then().body("items[0].status", equalTo("SENT"));
            try (WebhookReceiver integrator = new WebhookReceiver()) {
                admin.as().body(Map.of("url", integrator.url("/hooks"), "eventTypes", List.of("message.delivered")))
                        .post("/api/v1/webhooks").then().statusCode(201);
                given().contentType(ContentType.URLENC)
                        .header("X-Twilio-Signature", TwilioShapedSmsGateway.sign("sms-token-1", callback, delivered))
                        .formParams(delivered).post(path).then().statusCode(200);
                admin.as().get("/api/v1/customers/" + customer + "/messages").then()
                        .body("items[0].status", equalTo("DELIVERED"));
                // Integrators hear of it: message.delivered, from the transaction that recorded the report.
                assertEquals(1, webhooks.dispatch());
                var event = new com.fasterxml.jackson.databind.ObjectMapper().readTree(integrator.received().get(0).body());
                assertEquals("message.delivered", event.get("type").asText());
                assertEquals(customer, event.get("data").get("customerId").asLong());
                assertEquals("SMS", event.get("data").get("channel").asText());
                assertEquals("SM42", event.get("data").get("providerId").asText());
                try (Connection connection = db.getConnection();
                        PreparedStatement delete = connection.prepareStatement("delete from webhook_subscriptions")) {
                    delete.executeUpdate();
                }
            }

            // A reply from the customer's number: a follow-up, a message received and an inquiry; STOP withdraws consent.
            Map<String, String> reply = Map.of("MessageSid", "SM77", "From", "+8613800138000", "To", "+8657400000",
                    "Body", "STOP");
            given().contentType(ContentType.URLENC)
                    .header("X-Twilio-Signature", TwilioShapedSmsGateway.sign("sms-token-1", callback, reply))
                    .formParams(reply).post(path).then().statusCode(200)
                    .body("matched", equalTo(true)).body("customerId", equalTo((int) customer));
            admin.as().get("/api/v1/customers/" + customer + "/messages").then()
                    .body("items[0].direction", equalTo("IN")).body("items[0].status", equalTo("RECEIVED"))
                    .body("items[0].body", equalTo("STOP"));
            admin.as().get("/api/v1/customers/" + customer + "/consent").then()
                    .body("sms.optedIn", equalTo(false)).body("sms.source", equalTo("INBOUND_STOP"));
            admin.as().get("/api/v1/customers/" + customer + "/inquiries").then().body("items.size()", equalTo(1));
        }
    }

    static Map<String, String> formOf(String body) {
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            String[] kv = pair.split("=", 2);
            form.put(java.net.URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    java.net.URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return form;
    }

    @Test
    void inboundMailIsBelievedOnlyWithAFreshValidSignature() throws Exception {
        Session admin = Api.openStore("Inbound");
        long customer = Customers.createId(admin, "name", "Ana", "email", "Ana@Souza.example");
        var secret = admin.as().post("/api/v1/messaging/settings/inbound-secret").then().statusCode(200)
                .extract().jsonPath();
        String path = java.net.URI.create(secret.getString("emailEventsUrl")).getPath();
        String body = "{\"type\":\"inbound\",\"from\":\"Ana Souza <ana@souza.example>\",\"subject\":\"Re: prices\","
                + "\"text\":\"Can you do 5% less?\"}";
        long now = clock.instant().getEpochSecond();
        problem(given().contentType(ContentType.JSON).header("webhook-id", "msg_1")
                .header("webhook-timestamp", String.valueOf(now)).header("webhook-signature", "v1,AAAA")
                .body(body).post(path).then(), 401, "unauthorized");
        String stale = WebhookSignature.sign(secret.getString("secret"), "msg_1", now - 600, body);
        problem(given().contentType(ContentType.JSON).header("webhook-id", "msg_1")
                .header("webhook-timestamp", String.valueOf(now - 600)).header("webhook-signature", stale)
                .body(body).post(path).then(), 401, "unauthorized");
        assertEquals(0L, count("select count(*) from messages where store_id = ?", admin.storeId()));

        given().contentType(ContentType.JSON).header("webhook-id", "msg_1")
                .header("webhook-timestamp", String.valueOf(now))
                .header("webhook-signature", WebhookSignature.sign(secret.getString("secret"), "msg_1", now, body))
                .body(body).post(path).then().statusCode(200).body("matched", equalTo(true));
        admin.as().get("/api/v1/customers/" + customer + "/follow-ups").then()
                .body("items[0].type", equalTo("EMAIL")).body("items[0].content", containsString("5% less"));
        admin.as().get("/api/v1/customers/" + customer + "/messages").then()
                .body("items[0].subject", equalTo("Re: prices")).body("items[0].direction", equalTo("IN"));
        // The same event again (a provider's retry) makes no second inquiry.
        given().contentType(ContentType.JSON).header("webhook-id", "msg_1")
                .header("webhook-timestamp", String.valueOf(now))
                .header("webhook-signature", WebhookSignature.sign(secret.getString("secret"), "msg_1", now, body))
                .body(body).post(path).then().statusCode(200);
        admin.as().get("/api/v1/customers/" + customer + "/inquiries").then().body("items.size()", equalTo(1));
        // An unknown endpoint is not found.
        problem(given().contentType(ContentType.JSON).body(body)
                .post("/api/v1/messaging/inbound/0123456789abcdef0123456789abcdef/email").then(), 404, "not-found");
    }

    long count(String sql, Object... params) throws Exception {
        return ((Number) Sql.rows(db, sql, params).get(0)[0]).longValue();
    }
}
