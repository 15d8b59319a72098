package com.harborcrm.messaging;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import com.harborcrm.account.StoreTimeZones;
import com.harborcrm.common.error.DomainException;
import com.harborcrm.common.error.FieldError;
import com.harborcrm.common.error.ProblemType;
import com.harborcrm.common.paging.Page;
import com.harborcrm.common.security.CurrentUser;
import com.harborcrm.common.tenancy.TenantContext;
import com.harborcrm.customer.Customer;
import com.harborcrm.customer.CustomerService;
import com.harborcrm.messaging.MessageOutbox.Taken;
import com.harborcrm.messaging.MessagingDtos.MessageView;
import com.harborcrm.messaging.MessagingDtos.Rendered;
import com.harborcrm.messaging.MessagingDtos.SendMessageRequest;
import com.harborcrm.messaging.MessagingDtos.TemplateView;
import com.harborcrm.messaging.MessagingSettingsService.Channels;

/**
 * One message from a customer's file: queued and leased in one transaction, sent at once with none open, then
 * recorded (SENT and a follow-up, or the failure and its retry). The rep must own the customer; managers any.
 */
@ApplicationScoped
public class MessageService {

    @Inject
    EntityManager em;

    @Inject
    TenantContext tenant;

    @Inject
    CurrentUser currentUser;

    @Inject
    Clock clock;

    @Inject
    CustomerService customers;

    @Inject
    MessagingSettingsService settings;

    @Inject
    TemplateService templates;

    @Inject
    MessageRenderer renderer;

    @Inject
    MessageOutbox outbox;

    @Inject
    MessageSender sender;

    @Inject
    StoreTimeZones zones;

    @Inject
    MessageService self;

    /** Queues, sends and records; the message as it stands after the first attempt. */
    public MessageView send(long customerId, SendMessageRequest request) {
        Channels channels = settings.channels();
        long id = self.queue(customerId, request, channels);
        for (Taken message : outbox.takeOne(id, channels)) {
            try {
                outbox.recordSent(message, sender.send(channels, message), channels.systemUserId());
            } catch (DeliveryException e) {
                outbox.recordFailure(message, e);
            }
        }
        return outbox.get(id);
    }

    @Transactional
    long queue(long customerId, SendMessageRequest request, Channels channels) {
        Customer customer = customers.findEditable(customerId, LockModeType.NONE);
        channels.requireReady(request.channel());
        String subject = request.subject();
        String body = request.body();
        List<FieldError> errors = new ArrayList<>();
        if (request.templateId() != null) {
            TemplateView template;
            try {
                template = templates.get(request.templateId());
            } catch (DomainException e) {
                throw DomainException.invalid("templateId", "is not a template of this store");
            }
            if (template.channel() != request.channel()) {
                throw DomainException.invalid("templateId", "is a template for " + template.channel());
            }
            subject = subject == null || subject.isBlank() ? template.subject() : subject;
            body = body == null || body.isBlank() ? template.body() : body;
        }
        if (body == null || body.isBlank()) {
            errors.add(FieldError.required("body"));
        } else if (request.channel() == MessageChannel.SMS && body.length() > MessagingDtos.MAX_SMS_BODY) {
            errors.add(FieldError.length("body", 1, MessagingDtos.MAX_SMS_BODY,
                    "must be at most " + MessagingDtos.MAX_SMS_BODY + " characters for SMS"));
        }
        if (request.channel() == MessageChannel.EMAIL && (subject == null || subject.isBlank())) {
            errors.add(FieldError.required("subject"));
        }
        renderer.check("subject", subject, "body", body, errors);
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        String address = request.channel() == MessageChannel.EMAIL ? customer.email : customer.mobile;
        if (address == null || address.isBlank()) {
            throw new DomainException(ProblemType.NO_ADDRESS, request.channel() == MessageChannel.EMAIL
                    ? "The customer has no e-mail address" : "The customer has no mobile number");
        }
        // Serialise this store's sends for the cap check: two at once cannot both take the last one of the day.
        em.createNativeQuery("select pg_advisory_xact_lock(hashtext('harbor.messages.cap'), cast(?1 as int))")
                .setParameter(1, tenant.storeId()).getSingleResult();
        Instant startOfDay = zones.startOfDay(clock.instant());
        int usedToday = outbox.sentSince(request.channel(), startOfDay) + queuedOneToOne(request.channel());
        if (usedToday >= channels.dailyCap(request.channel())) {
            throw new DomainException(ProblemType.DAILY_SEND_LIMIT, "The store has sent its "
                    + channels.dailyCap(request.channel()) + " " + (request.channel() == MessageChannel.EMAIL
                            ? "e-mails" : "text messages") + " for today; an admin can raise the daily limit");
        }
        Map<String, String> values = renderer.values(customerId, null);
        Rendered rendered = renderer.render(request.channel(), subject, body, values, null);
        return outbox.queueOne(customerId, request.channel(), address.trim(), rendered, currentUser.id());
    }

    private int queuedOneToOne(MessageChannel channel) {
        return ((Number) em.createNativeQuery("select count(*) from messages where store_id = ?1 and channel = ?2 "
                + "and status = 'QUEUED' and campaign_id is null").setParameter(1, tenant.storeId())
                .setParameter(2, channel.name()).getSingleResult()).intValue();
    }

    public Page<MessageView> list(long customerId, int limit, String cursor) {
        customers.findVisible(customerId, LockModeType.NONE);
        if (!currentUser.isManagerOrAdmin()) {
            // A pool customer's correspondence is its owner's business; a rep reads it once they own the customer.
            Customer customer = Customer.findById(customerId);
            if (customer.ownerId == null) {
                return Page.of(List.of(), null);
            }
        }
        return outbox.page("m.customer_id = :customer", Map.of("customer", customerId), limit, cursor);
    }
}
