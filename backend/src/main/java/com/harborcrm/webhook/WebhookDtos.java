package com.harborcrm.webhook;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public final class WebhookDtos {

    private WebhookDtos() {
    }

    @Schema(name = "WebhookDeliveryStatus")
    public enum DeliveryStatus {
        PENDING, DELIVERED, FAILED
    }

    @Schema(name = "Webhook", description = "A subscription: where events go and which ones; never its secret")
    public record WebhookView(
            @Schema(required = true) long id,
            @Schema(required = true, examples = "https://example.com/harbor-webhooks") String url,
            @Schema(nullable = true) String description,
            @Schema(required = true) List<WebhookEventType> eventTypes,
            @Schema(required = true, description = "False once disabled by an admin or after sustained failure")
            boolean enabled,
            @Schema(nullable = true, description = "Why it was disabled, e.g. every delivery failing for 3 days")
            String disabledReason,
            @Schema(nullable = true) Instant disabledAt,
            @Schema(nullable = true, description = "First failed attempt since the last successful one; null while "
                    + "the endpoint answers") Instant failingSince,
            @Schema(required = true, description = "Deliveries waiting to be sent or retried") long pendingDeliveries,
            @Schema(required = true) Instant createdAt,
            @Schema(required = true) String createdByName,
            @Schema(required = true) Instant updatedAt) {
    }

    @Schema(name = "CreateWebhookRequest")
    public record CreateWebhookRequest(
            @NotBlank @Size(max = 2048) @WebhookUrl @Schema(required = true, maxLength = 2048,
                    description = "Where to POST events: an https:// address reachable from the internet",
                    examples = "https://example.com/harbor-webhooks") String url,
            @Size(max = 200) @Schema(maxLength = 200, description = "What it is for, e.g. \"ERP sync\"")
            String description,
            @NotNull @Size(min = 1, max = 20) @Schema(required = true, type = SchemaType.ARRAY,
                    implementation = WebhookEventType.class, description = "The events to send; nothing else")
            List<@NotNull @Pattern(regexp = WebhookEventType.PATTERN, message = WebhookEventType.ONE_OF) String> eventTypes) {
    }

    @Schema(name = "UpdateWebhookRequest", description = "Members left out stay as they are")
    public record UpdateWebhookRequest(
            @Size(min = 1, max = 2048) @Pattern(regexp = "[\\s\\S]*\\S[\\s\\S]*", message = "must not be blank") @WebhookUrl
            @Schema(maxLength = 2048) String url,
            @Size(max = 200) @Schema(maxLength = 200, description = "An empty string clears it") String description,
            @Size(min = 1, max = 20) @Schema(type = SchemaType.ARRAY, implementation = WebhookEventType.class)
            List<@NotNull @Pattern(regexp = WebhookEventType.PATTERN, message = WebhookEventType.ONE_OF) String> eventTypes,
            @Schema(description = "false pauses it (events are not kept for it meanwhile); true enables it again "
                    + "and retries its pending deliveries") Boolean enabled) {
    }

    @Schema(name = "CreatedWebhook", description = "A new subscription with its signing secret, shown this once")
    public record CreatedWebhook(
            @Schema(required = true) WebhookView webhook,
            @Schema(required = true, description = "The Standard Webhooks signing secret: verify each request's "
                    + "`webhook-signature` with it. Copy it now.", examples = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
            String secret) {
    }

    @Schema(name = "WebhookPage")
    public record WebhookPage(@Schema(required = true) List<WebhookView> items,
            @Schema(nullable = true) String nextCursor) {
    }

    @Schema(name = "WebhookDelivery", description = "One event on its way to one subscription")
    public record DeliveryView(
            @Schema(required = true) long id,
            @Schema(required = true, description = "The `webhook-id` header: the same on every attempt and "
                    + "redelivery, so a receiver can drop repeats", examples = "msg_2b9d0f5c7a1e4c3f8e6d5b4a39281706")
            String messageId,
            @Schema(required = true, description = "An event type, or webhook.test") String eventType,
            @Schema(nullable = true) Long customerId,
            @Schema(required = true) DeliveryStatus status,
            @Schema(required = true) int attempts,
            @Schema(nullable = true, description = "When the next retry is due (PENDING only); null before the "
                    + "first attempt (it goes out at once) and while the webhook is disabled") Instant nextAttemptAt,
            @Schema(nullable = true) Instant lastAttemptAt,
            @Schema(nullable = true, description = "The receiver's last HTTP status; null when it did not answer")
            Integer lastStatusCode,
            @Schema(nullable = true) String lastError,
            @Schema(nullable = true) Instant deliveredAt,
            @Schema(required = true, description = "When the event happened") Instant occurredAt,
            @Schema(required = true) Instant createdAt) {
    }

    @Schema(name = "WebhookDeliveryAttempt")
    public record AttemptView(
            @Schema(required = true) int attempt,
            @Schema(required = true) Instant at,
            @Schema(nullable = true) Integer statusCode,
            @Schema(required = true) int durationMs,
            @Schema(nullable = true, description = "Why it failed when the receiver did not answer 2xx") String error,
            @Schema(nullable = true, description = "The start of the receiver's answer") String responseBody) {
    }

    @Schema(name = "WebhookDeliveryDetail", description = "A delivery with the exact body sent and every attempt")
    public record DeliveryDetail(
            @Schema(required = true) DeliveryView delivery,
            @Schema(required = true, description = "The JSON body: {type, timestamp, data}") Map<String, Object> payload,
            @Schema(required = true) List<AttemptView> attempts) {
    }

    @Schema(name = "WebhookDeliveryPage")
    public record DeliveryPage(@Schema(required = true) List<DeliveryView> items,
            @Schema(nullable = true) String nextCursor) {
    }
}
