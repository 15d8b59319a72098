package com.harborcrm.messaging;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.harborcrm.common.error.DomainException;
import com.harborcrm.common.error.ProblemType;
import com.harborcrm.common.security.Role;
import com.harborcrm.common.security.ServerSideActor;
import com.harborcrm.common.tenancy.StoreWork;
import com.harborcrm.common.tenancy.TenantContext;
import com.harborcrm.followup.FollowUpService;
import com.harborcrm.followup.FollowUpType;
import com.harborcrm.inquiry.InquiryService;
import com.harborcrm.messaging.MessagingSettingsService.InboundStore;
import com.harborcrm.webhook.WebhookSignature;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * What providers send back: delivery reports (a message DELIVERED, BOUNCED or FAILED) and messages from customers.
 * Nothing is stored unless the request carries a valid signature (SMS: the provider's HMAC-SHA1 with the SMS
 * token; e-mail events: Standard Webhooks HMAC-SHA256 with the store's inbound secret). A message from a known
 * address becomes a follow-up of the customer and an inquiry (so a returning buyer raises the repeat-inquiry
 * insight); "STOP" by SMS withdraws SMS consent.
 */
@ApplicationScoped
public class InboundService {

    private static final long TOLERANCE_SECONDS = 300;

    @Inject
    MessagingSettingsService settings;

    @Inject
    SmsGateway sms;

    @Inject
    StoreWork storeWork;

    @Inject
    ServerSideActor actor;

    @Inject
    TenantContext tenant;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    FollowUpService followUps;

    @Inject
    InquiryService inquiries;

    @Inject
    ConsentService consents;

    @Inject
    ObjectMapper json;

    @Inject
    MessageOutbox outbox;

    public record Result(boolean matched, Long customerId) {
    }

    public Result sms(String hookKey, Map<String, String> form, String signature) {
        InboundStore store = QuarkusTransaction.requiringNew().call(() -> settings.byHookKey(hookKey))
                .orElseThrow(() -> DomainException.notFound("Inbound endpoint"));
        if (store.smsToken().isEmpty()
                || !sms.verify(store.smsToken().get(), settings.inboundUrl(hookKey, "sms"), form, signature)) {
            throw new DomainException(ProblemType.UNAUTHORIZED, "The request's signature is missing or wrong");
        }
        return storeWork.inStore(store.storeId(), () -> QuarkusTransaction.requiringNew().call(() -> {
            String status = form.get("MessageStatus");
            if (status != null && form.get("MessageSid") != null && !"received".equals(status)) {
                report(form.get("MessageSid"), switch (status) {
                    case "delivered" -> MessageStatus.DELIVERED;
                    case "undelivered" -> MessageStatus.BOUNCED;
                    case "failed" -> MessageStatus.FAILED;
                    default -> null;
                }, form.get("ErrorCode") == null ? null : "Provider error " + form.get("ErrorCode"));
                return new Result(true, null);
            }
            String from = form.getOrDefault("From", "");
            String body = form.getOrDefault("Body", "");
            return received(MessageChannel.SMS, from, null, body, "sms-" + form.getOrDefault("MessageSid", digest(from + body)));
        }));
    }

    public Result email(String hookKey, String id, String timestamp, String signature, String body) {
        InboundStore store = QuarkusTransaction.requiringNew().call(() -> settings.byHookKey(hookKey))
                .orElseThrow(() -> DomainException.notFound("Inbound endpoint"));
        if (store.emailSecret().isEmpty() || !validEmailSignature(store.emailSecret().get(), id, timestamp, signature, body)) {
            throw new DomainException(ProblemType.UNAUTHORIZED, "The request's signature is missing, stale or wrong");
        }
        JsonNode event;
        try {
            event = json.readTree(body);
        } catch (java.io.IOException e) {
            throw DomainException.invalid("body", "must be a JSON object");
        }
        if (event == null || !event.isObject()) {
            throw DomainException.invalid("body", "must be a JSON object");
        }
        String type = event.path("type").asText("");
        return storeWork.inStore(store.storeId(), () -> QuarkusTransaction.requiringNew().call(() -> switch (type) {
            case "delivered", "bounced", "failed" -> {
                report(event.path("messageId").asText(""), type.equals("delivered") ? MessageStatus.DELIVERED
                        : type.equals("bounced") ? MessageStatus.BOUNCED : MessageStatus.FAILED,
                        event.hasNonNull("reason") ? event.get("reason").asText() : null);
                yield new Result(true, null);
            }
            case "inbound" -> received(MessageChannel.EMAIL, event.path("from").asText(""),
                    event.hasNonNull("subject") ? event.get("subject").asText() : null, event.path("text").asText(""),
                    "mail-" + id);
            default -> throw DomainException.invalid("type", "must be inbound, delivered, bounced or failed");
        }));
    }

    private boolean validEmailSignature(String secret, String id, String timestamp, String signatures, String body) {
        if (id == null || timestamp == null || signatures == null) {
            return false;
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            return false;
        }
        if (Math.abs(clock.instant().getEpochSecond() - seconds) > TOLERANCE_SECONDS) {
            return false;
        }
        byte[] expected = WebhookSignature.sign(secret, id, seconds, body).getBytes(StandardCharsets.UTF_8);
        for (String candidate : signatures.split(" ")) {
            if (MessageDigest.isEqual(expected, candidate.getBytes(StandardCharsets.UTF_8))) {
                return true;
            }
        }
        return false;
    }

    /** A provider's report on a message it took; a report on an unknown id is acknowledged and ignored. */
    private void report(String providerId, MessageStatus status, String reason) {
        if (status == null || providerId.isBlank()) {
            return;
        }
        em.createNativeQuery("""
                update messages set status = :status, error = coalesce(:reason, error), updated_at = :now
                where store_id = :store and provider_id = :provider and direction = 'OUT'
                  and status in ('SENT', 'DELIVERED')""").setParameter("status", status.name())
                .setParameter("reason", reason).setParameter("now", clock.instant())
                .setParameter("store", tenant.storeId()).setParameter("provider", providerId).executeUpdate();
    }

    private Result received(MessageChannel channel, String from, String subject, String text, String key) {
        String address = channel == MessageChannel.EMAIL ? emailOf(from) : from.trim();
        if (address.isEmpty()) {
            return new Result(false, null);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> match = em.createNativeQuery(channel == MessageChannel.EMAIL
                ? "select c.id, c.name from customers c where c.store_id = ?1 and c.email_norm = ?2 order by c.id limit 1"
                : "select c.id, c.name from customers c where c.store_id = ?1 and (c.mobile_digits = ?2 or c.phone_digits = ?2) "
                        + "order by c.id limit 1")
                .setParameter(1, tenant.storeId())
                .setParameter(2, channel == MessageChannel.EMAIL ? address.toLowerCase(Locale.ROOT)
                        : address.replaceAll("[^0-9]", ""))
                .getResultList();
        if (match.isEmpty()) {
            return new Result(false, null);
        }
        long customerId = ((Number) match.get(0)[0]).longValue();
        String providerKey = key.length() > 200 ? key.substring(0, 200) : key;
        if (!em.createNativeQuery("select 1 from messages where store_id = ?1 and provider_id = ?2")
                .setParameter(1, tenant.storeId()).setParameter(2, providerKey).getResultList().isEmpty()) {
            return new Result(true, customerId); // a provider's retry of what was recorded already
        }
        Instant now = clock.instant();
        long system = settings.channels().systemUserId();
        actor.actAs(system, Role.MANAGER);
        // The inquiry first: it matches the customer by address and records a returning buyer (the insight).
        ObjectNode inquiry = json.createObjectNode();
        inquiry.put("channel", channel == MessageChannel.EMAIL ? "EMAIL" : "OTHER");
        String message = (subject == null ? "" : subject + "\n\n") + text;
        inquiry.put("message", message.length() > 10_000 ? message.substring(0, 10_000) : message);
        ObjectNode contact = inquiry.putObject("contact");
        contact.put("name", (String) match.get(0)[1]);
        if (channel == MessageChannel.EMAIL) {
            contact.put("email", address);
        } else {
            contact.put("mobile", address);
        }
        inquiries.receive(key.length() > 64 ? key.substring(0, 64) : key, inquiry);
        long author = outbox.ownerOr(customerId, system);
        long followUp = followUps.recordAutomatic(customerId, author,
                channel == MessageChannel.EMAIL ? FollowUpType.EMAIL : FollowUpType.SMS,
                (channel == MessageChannel.EMAIL ? "Received: " : "SMS received: ") + message.strip(), now, true);
        em.createNativeQuery("""
                insert into messages (store_id, customer_id, channel, direction, address, subject, body, status,
                                      follow_up_id, provider_id, created_at, sent_at, updated_at)
                values (?1, ?2, ?3, 'IN', ?4, ?5, ?6, 'RECEIVED', ?7, ?9, ?8, ?8, ?8)""")
                .setParameter(1, tenant.storeId()).setParameter(2, customerId).setParameter(3, channel.name())
                .setParameter(4, address.length() > 254 ? address.substring(0, 254) : address)
                .setParameter(5, subject == null ? null : subject.replaceAll("[\\r\\n]+", " ")
                        .substring(0, Math.min(200, subject.length())))
                .setParameter(6, text.length() > 20_000 ? text.substring(0, 20_000) : text).setParameter(7, followUp)
                .setParameter(8, now).setParameter(9, providerKey).executeUpdate();
        if (channel == MessageChannel.SMS && text.strip().toUpperCase(Locale.ROOT).matches("STOP|UNSUBSCRIBE|退订|TD")) {
            consents.write(tenant.storeId(), customerId, MessageChannel.SMS, false, ConsentSource.INBOUND_STOP, null);
        }
        return new Result(true, customerId);
    }

    /** The address of a From header: "Ana <ana@x.com>" or "ana@x.com". */
    static String emailOf(String from) {
        String f = from.trim();
        int lt = f.lastIndexOf('<');
        int gt = f.lastIndexOf('>');
        return (lt >= 0 && gt > lt ? f.substring(lt + 1, gt) : f).trim();
    }

    private static String digest(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(StandardCharsets.UTF_8))).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
