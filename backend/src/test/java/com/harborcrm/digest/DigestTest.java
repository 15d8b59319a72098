package com.harborcrm.digest;

import static com.harborcrm.testing.Api.problem;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.harborcrm.testing.Api;
import com.harborcrm.testing.Api.Session;
import com.harborcrm.testing.Customers;
import com.harborcrm.testing.MailServer;
import com.harborcrm.testing.MutableClock;
import com.harborcrm.testing.PoolHelper;

import io.quarkus.test.junit.QuarkusTest;

/** The daily digest over real SMTP (GreenMail): at each person's time, in their language, once a day. */
@QuarkusTest
class DigestTest {

    @Inject
    DigestSender sender;

    @Inject
    MutableClock clock;

    @Inject
    DataSource db;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    static void setUpEmail(Session admin, int port) {
        Map<String, Object> email = new LinkedHashMap<>();
        email.put("enabled", true);
        email.put("host", "127.0.0.1");
        email.put("port", port);
        email.put("security", "NONE");
        email.put("fromAddress", "crm@ningbo-hinges.example");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("email", email);
        body.put("sms", Map.of("enabled", false));
        body.put("dailyEmailCap", 1000);
        body.put("dailySmsCap", 100);
        body.put("campaignRatePerMinute", 600);
        admin.as().body(body).put("/api/v1/messaging/settings").then().statusCode(200);
    }

    static List<MimeMessage> to(List<MimeMessage> mails, Session person) throws Exception {
        List<MimeMessage> theirs = new ArrayList<>();
        for (MimeMessage mail : mails) {
            if (mail.getRecipients(Message.RecipientType.TO)[0].toString().equals(person.email())) {
                theirs.add(mail);
            }
        }
        return theirs;
    }

    /** A customer of the rep with a daily call plan, due today. */
    static void callPlan(Session rep, String customerName) {
        long customer = Customers.createId(rep, "name", customerName);
        rep.as().body(Map.of("cadence", Map.of("cadence", "INTERVAL", "every", 1, "unit", "DAYS", "taskType", "CALL",
                "note", "Ask about the samples"))).post("/api/v1/customers/" + customer + "/plans").then().statusCode(201);
    }

    @Test
    void eachPersonGetsOneDigestADayAtTheirTimeInTheirLanguage() throws Exception {
        try (MailServer smtp = new MailServer()) {
            Session admin = PoolHelper.openStore("Digest", "Asia/Shanghai");
            setUpEmail(admin, smtp.port());
            Session lin = Api.addUser(admin, "REP");
            Session chen = Api.addUser(admin, "REP");
            Session late = Api.addUser(admin, "REP");
            Session off = Api.addUser(admin, "MANAGER");
            Session idle = Api.addUser(admin, "REP");
            // 08:30 in Shanghai.
            clock.set(Instant.parse("2026-06-10T00:30:00Z"));
            callPlan(lin, "Acme <Trading>");
            callPlan(chen, "蓝海贸易");
            callPlan(late, "Late Co");
            chen.as().body(Map.of("language", "zh-CN")).put("/api/v1/me/notification-settings").then().statusCode(200)
                    .body("language", equalTo("zh-CN")).body("digestEnabled", equalTo(true))
                    .body("digestTime", equalTo("08:00")).body("emailReady", equalTo(true));
            late.as().body(Map.of("digestTime", "09:00")).put("/api/v1/me/notification-settings").then().statusCode(200);
            off.as().body(Map.of("digestEnabled", false)).put("/api/v1/me/notification-settings").then().statusCode(200);

            // Two instances at once, then a restart: each digest goes once.
            ExecutorService pool = Executors.newFixedThreadPool(2);
            long store = admin.storeId();
            List<Callable<Integer>> passes = List.of(() -> sender.run(store), () -> sender.run(store));
            for (Future<Integer> pass : pool.invokeAll(passes)) {
                pass.get();
            }
            pool.shutdown();
            sender.run(store);
            // A send that met a passing failure (a busy machine: both passes share this JVM's SMTP client) is tried
            // again once its lease runs out; one that went out is never sent again.
            clock.advance(java.time.Duration.ofMinutes(11));
            sender.run(store);
            List<MimeMessage> mails = smtp.received(2);
            assertEquals(1, to(mails, lin).size());
            assertEquals(1, to(mails, chen).size());
            assertEquals(0, to(mails, late).size());
            assertEquals(0, to(mails, off).size());
            assertEquals(0, to(mails, idle).size());

            MimeMessage english = to(mails, lin).get(0);
            assertTrue(english.getSubject().startsWith("Your Harbor day, Wed 10 Jun: 0 overdue, 1 due today"),
                    english.getSubject());
            String text = String.valueOf(((jakarta.mail.Multipart) english.getContent()).getBodyPart(0).getContent());
            assertTrue(text.contains("Call — Acme <Trading>: Ask about the samples"), text);
            assertTrue(english.getHeader("X-Harbor-Digest")[0].endsWith("/2026-06-10"));
            MimeMessage chinese = to(mails, chen).get(0);
            assertTrue(chinese.getSubject().startsWith("Harbor 今日安排（6月10日"), chinese.getSubject());
            assertEquals(1, PoolHelper.count(db, "select count(*) from digest_sends where store_id = ? and user_id = ? "
                    + "and status = 'EMPTY'", admin.storeId(), idle.userId()));

            // At nine the late riser's comes; the others do not come again.
            clock.set(Instant.parse("2026-06-10T01:05:00Z"));
            sender.run(store);
            mails = smtp.received(3);
            assertEquals(1, to(mails, late).size());
            assertEquals(1, to(mails, lin).size());
            // The next day, the next digest.
            clock.set(Instant.parse("2026-06-11T00:30:00Z"));
            sender.run(store);
            mails = smtp.received(5);
            assertEquals(2, to(mails, lin).size());
            assertTrue(to(mails, lin).get(1).getSubject().contains("1 overdue, 0 due today"), to(mails, lin).get(1).getSubject());
        }
    }

    @Test
    void theDigestCarriesTheLaddersCopiesToTheManagerAndTheReturnsToTheOwnerEachOnce() throws Exception {
        try (MailServer smtp = new MailServer()) {
            Session admin = PoolHelper.openStore("Digest ladder", "Asia/Shanghai");
            setUpEmail(admin, smtp.port());
            Session manager = Api.addUser(admin, "MANAGER");
            Session rep = Api.addUser(admin, "REP");
            admin.as().body(Map.of("managerId", manager.userId())).put("/api/v1/users/" + rep.userId() + "/manager")
                    .then().statusCode(200);
            manager.as().body(Map.of("language", "zh-CN")).put("/api/v1/me/notification-settings").then().statusCode(200);
            PoolHelper.setRules(admin, "returnAfterDaysWithoutFollowUp", 10, "returnAfterDaysWithoutDeal", 0,
                    "warnDaysBeforeReturn", 3, "escalateDaysBeforeReturn", 2);
            long store = admin.storeId();
            // Created at 07:00 in Shanghai on 1 June: returns at 07:00 on 11 June.
            clock.set(Instant.parse("2026-05-31T23:00:00Z"));
            Customers.createId(rep, "name", "Harbor <Lights>");
            clock.set(Instant.parse("2026-06-08T23:00:00Z"));
            PoolHelper.sweep(admin);

            // 08:30 on 9 June: the manager's digest names the rep's customer and its return; the rep's has it among
            // its returning customers (the agenda), not twice.
            clock.set(Instant.parse("2026-06-09T00:30:00Z"));
            sender.run(store);
            List<MimeMessage> mails = smtp.received(2);
            String managers = body(to(mails, manager).get(0));
            assertTrue(managers.contains("团队中即将退回公海的客户 (1)\n- Harbor <Lights> — REP user 的客户，将于 6月11日 周四 "
                    + "退回：未跟进"), managers);
            String reps = body(to(mails, rep).get(0));
            assertTrue(reps.contains("Returning to the pool soon (1)"), reps);
            assertTrue(!reps.contains("Your team"), reps);

            // 11 June: it went back; the rep's digest that morning says so; the manager's does not repeat the copy.
            clock.set(Instant.parse("2026-06-10T23:00:00Z"));
            PoolHelper.sweep(admin);
            clock.set(Instant.parse("2026-06-11T00:30:00Z"));
            sender.run(store);
            mails = smtp.received(3);
            assertEquals(2, to(mails, rep).size());
            String after = body(to(mails, rep).get(1));
            assertTrue(after.contains("Gone back to the pool (1)\n- Harbor <Lights> — no follow-up"), after);
            assertEquals(1, to(mails, manager).size(), "nothing new for the manager: no digest");
        }
    }

    @Test
    void theDigestSaysWhoAssignedTheRepCustomersSinceTheirPreviousDigest() throws Exception {
        try (MailServer smtp = new MailServer()) {
            Session admin = PoolHelper.openStore("Digest assignments", "Asia/Shanghai");
            setUpEmail(admin, smtp.port());
            Session manager = Api.addUser(admin, "MANAGER");
            Session rep = Api.addUser(admin, "REP");
            long store = admin.storeId();
            // 18:00 in Shanghai on 9 June: two customers handed to the rep.
            clock.set(Instant.parse("2026-06-09T10:00:00Z"));
            long first = PoolHelper.poolCustomer(admin, "name", "Blue <Sea> Trading");
            long second = PoolHelper.poolCustomer(admin, "name", "Red River");
            manager.as().body(Map.of("customerIds", List.of(first, second), "userId", rep.userId()))
                    .post("/api/v1/pool/assign").then().statusCode(200);

            clock.set(Instant.parse("2026-06-10T00:30:00Z"));
            sender.run(store);
            String reps = body(to(smtp.received(1), rep).get(0));
            assertTrue(reps.contains("Assigned to you (1)\n- Blue <Sea> Trading and 1 more — assigned by MANAGER user"),
                    reps);
            // Each notice goes out once: the next morning nothing is new, so no digest.
            clock.set(Instant.parse("2026-06-11T00:30:00Z"));
            sender.run(store);
            assertEquals(1, to(smtp.received(1), rep).size(), "nothing new: no second digest");
        }
    }

    private static String body(MimeMessage mail) throws Exception {
        // SMTP carries CRLF line ends
        return String.valueOf(((jakarta.mail.Multipart) mail.getContent()).getBodyPart(0).getContent())
                .replace("\r\n", "\n");
    }

    @Test
    void settingsAreValidatedAndNothingGoesOutWithoutAMailChannel() {
        Session admin = PoolHelper.openStore("Digest settings", "UTC");
        Session rep = Api.addUser(admin, "REP");
        rep.as().get("/api/v1/me/notification-settings").then().statusCode(200)
                .body("digestEnabled", equalTo(true)).body("digestTime", equalTo("08:00"))
                .body("emailReady", equalTo(false));
        problem(rep.as().body(Map.of("digestTime", "25:00", "colour", "blue", "emailReady", true))
                .put("/api/v1/me/notification-settings").then(), 400, "validation")
                .body("errors.field", containsInAnyOrder("colour", "emailReady"));
        problem(rep.as().body(Map.of("digestTime", "25:00")).put("/api/v1/me/notification-settings").then(), 400,
                "validation").body("errors[0].field", equalTo("digestTime")).body("errors[0].code", equalTo("FORMAT"));
        problem(rep.as().body(Map.of("language", "fr")).put("/api/v1/me/notification-settings").then(), 400,
                "validation").body("errors[0].field", equalTo("language"));
        rep.as().get("/api/v1/me/notification-settings").then().body("digestTime", equalTo("08:00"));
        // A day with a task but no e-mail channel: no digest row at all.
        clock.set(Instant.parse("2026-06-10T09:00:00Z"));
        callPlan(rep, "No mail Co");
        sender.run(admin.storeId());
        assertEquals(0, PoolHelper.count(db, "select count(*) from digest_sends where store_id = ?", admin.storeId()));
    }
}
