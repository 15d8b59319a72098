package com.harborcrm.webhook;

import java.util.Arrays;
import java.util.Optional;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What a subscription can listen to, named on the wire as Standard Webhooks suggests ({@code noun.verb}). The
 * database triggers of V88 and V90 write these names; a test keeps both lists equal.
 */
@Schema(name = "WebhookEventType", description = "An event a webhook subscription can listen to")
public enum WebhookEventType {
    CUSTOMER_CREATED("customer.created"),
    CUSTOMER_UPDATED("customer.updated"),
    CUSTOMER_DELETED("customer.deleted"),
    CUSTOMER_CLAIMED("customer.claimed"),
    CUSTOMER_ASSIGNED("customer.assigned"),
    CUSTOMER_RELEASED("customer.released"),
    CUSTOMER_RETURNED("customer.returned"),
    INQUIRY_RECEIVED("inquiry.received"),
    FOLLOWUP_CREATED("followup.created"),
    IMPORT_FINISHED("import.finished"),
    ORDER_PAID("order.paid"),
    MESSAGE_DELIVERED("message.delivered"),
    WEBHOOK_DISABLED("webhook.disabled");

    /** Every wire name, for bean validation of a request's event types; a test keeps it equal to the constants. */
    public static final String PATTERN = "customer\\.created|customer\\.updated|customer\\.deleted|customer\\.claimed"
            + "|customer\\.assigned|customer\\.released|customer\\.returned|inquiry\\.received|followup\\.created"
            + "|import\\.finished|order\\.paid|message\\.delivered|webhook\\.disabled";

    public static final String ONE_OF = "must be one of: customer.created, customer.updated, customer.deleted, "
            + "customer.claimed, customer.assigned, customer.released, customer.returned, inquiry.received, "
            + "followup.created, import.finished, order.paid, message.delivered, webhook.disabled";

    /** The event "send test event" sends; not one a subscription lists. */
    public static final String TEST = "webhook.test";

    private final String wireName;

    WebhookEventType(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    public static Optional<WebhookEventType> of(String wireName) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(wireName)).findFirst();
    }

    @Override
    public String toString() {
        return wireName;
    }
}
