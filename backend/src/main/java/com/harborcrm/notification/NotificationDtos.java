package com.harborcrm.notification;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

public final class NotificationDtos {

    private NotificationDtos() {
    }

    @Schema(name = "NotificationKind", description = "POOL_RETURN_WARNING: your customer returns to the pool at dueAt "
            + "unless followed up (the warning days of its pool); POOL_RETURN_ESCALATION: a customer of someone you "
            + "manage (owner) returns at dueAt (the escalation days of its pool); POOL_RETURNED: your customers "
            + "went back to the pool (customers says how many, one sweep's); CUSTOMERS_ASSIGNED: customers were handed "
            + "to you (customers says how many) by actor, or by the pool's automatic distribution (actor null; rule "
            + "names the distribution's rule).")
    public enum Kind {
        POOL_RETURN_WARNING, POOL_RETURN_ESCALATION, POOL_RETURNED, CUSTOMERS_ASSIGNED
    }

    @Schema(name = "NotificationPerson", description = "A customer or a user, by id and name")
    public record Person(@Schema(required = true) long id, @Schema(required = true) String name) {
    }

    @Schema(name = "Notification")
    public record NotificationView(
            @Schema(required = true) long id,
            @Schema(required = true) Kind kind,
            @Schema(required = true) Person customer,
            @Schema(nullable = true, description = "Whose customer it is (who owned it, for POOL_RETURNED)") Person owner,
            @Schema(nullable = true, description = "When the customer returns to the pool (warnings and escalations)")
            Instant dueAt,
            @Schema(nullable = true, description = "The return rule: NO_FOLLOW_UP or NO_DEAL (null: a return of "
                    + "customers under different rules); for CUSTOMERS_ASSIGNED by distribution, its rule: ROUND_ROBIN, "
                    + "CAPACITY or RETURNING_BUYER (null: several)") String rule,
            @Schema(required = true, description = "How many customers it is about: 1, or for POOL_RETURNED all that "
                    + "one sweep gave back from you, for CUSTOMERS_ASSIGNED all that one assignment handed you "
                    + "(customer is the first of them)") int customers,
            @Schema(nullable = true, description = "Who assigned the customers (CUSTOMERS_ASSIGNED; null: the pool's "
                    + "automatic distribution, and for the other kinds)") Person actor,
            @Schema(required = true) Instant createdAt,
            @Schema(required = true) boolean read) {
    }

    @Schema(name = "NotificationPage")
    public record NotificationPage(
            @Schema(required = true) List<NotificationView> items,
            @Schema(nullable = true, description = "Pass as cursor for the next page; null on the last") String nextCursor,
            @Schema(required = true, description = "All of the caller's unread notifications") long unread) {
    }

    @Schema(name = "NotificationCount")
    public record Count(@Schema(required = true) long unread) {
    }

    @Schema(name = "NotificationsMarked")
    public record Marked(@Schema(required = true, description = "How many were unread") int marked) {
    }
}
