package com.harborcrm.pool;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.harborcrm.testing.Api;
import com.harborcrm.testing.Api.Session;
import com.harborcrm.testing.Customers;
import com.harborcrm.testing.MutableClock;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class RemindersTest {

    @Inject
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void dueTodayOverdueAndReturnWarningsOfMyOwnCustomers() {
        Session admin = Api.openStore("Reminders");
        Session rep = Api.addUser(admin, "REP");
        Session other = Api.addUser(admin, "REP");
        // Tomorrow 10:00 UTC (the store's zone): later today is 10:00-24:00.
        Instant t0 = LocalDate.now(ZoneOffset.UTC).plusDays(1).atTime(10, 0).toInstant(ZoneOffset.UTC);
        clock.set(t0.minus(Duration.ofDays(28)));
        long aging = Customers.createId(rep, "name", "Aging buyer");
        clock.set(t0);
        long overdue = Customers.createId(rep, "name", "Overdue buyer");
        long today = Customers.createId(rep, "name", "Today buyer");
        long tomorrow = Customers.createId(rep, "name", "Tomorrow buyer");
        long others = Customers.createId(other, "name", "Someone else's");
        plan(rep, overdue, t0.minus(Duration.ofDays(2)), t0.minus(Duration.ofDays(1)));
        plan(rep, today, t0.minus(Duration.ofHours(1)), t0.plus(Duration.ofHours(13)));
        plan(rep, tomorrow, t0.minus(Duration.ofHours(1)), t0.plus(Duration.ofHours(14)));
        plan(other, others, t0.minus(Duration.ofDays(2)), t0.minus(Duration.ofDays(1)));

        rep.as().get("/api/v1/reminders").then().statusCode(200)
                .body("counts.overdue", equalTo(1))
                .body("counts.dueToday", equalTo(1))
                .body("counts.returnWarnings", equalTo(1))
                .body("items.kind", contains("FOLLOW_UP_OVERDUE", "FOLLOW_UP_DUE", "POOL_RETURN_WARNING"))
                .body("items.customerId", contains((int) overdue, (int) today, (int) aging))
                .body("items[1].at", equalTo(t0.plus(Duration.ofHours(13)).toString()))
                .body("items[2].customerName", equalTo("Aging buyer"))
                .body("items[2].rule", equalTo("NO_FOLLOW_UP"))
                .body("items[2].daysLeft", equalTo(2))
                .body("items[2].at", equalTo(t0.plus(Duration.ofDays(2)).toString()));
        other.as().get("/api/v1/reminders").then().statusCode(200)
                .body("counts.overdue", equalTo(1)).body("counts.dueToday", equalTo(0))
                .body("counts.returnWarnings", equalTo(0));
        // Following up the aging customer ends its warning.
        plan(rep, aging, t0, null);
        rep.as().get("/api/v1/reminders").then().body("counts.returnWarnings", equalTo(0));
    }

    static void plan(Session as, long customer, Instant occurredAt, Instant next) {
        var body = new java.util.LinkedHashMap<String, Object>(Map.of("type", "CALL", "content", "Talked",
                "occurredAt", occurredAt.toString()));
        if (next != null) {
            body.put("nextFollowUpAt", next.toString());
        }
        as.as().body(body).post("/api/v1/customers/" + customer + "/follow-ups").then().statusCode(201);
    }
}
