package com.harborcrm.messaging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.harborcrm.common.config.HarborConfig;
import com.harborcrm.common.error.DomainException;
import com.harborcrm.common.paging.Cursor;
import com.harborcrm.common.paging.Page;
import com.harborcrm.common.tenancy.TenantContext;
import com.harborcrm.common.time.Instants;
import com.harborcrm.customer.Customer;
import com.harborcrm.followup.FollowUpService;
import com.harborcrm.followup.FollowUpType;
import com.harborcrm.messaging.MessagingDtos.MessageView;
import com.harborcrm.messaging.MessagingDtos.Rendered;
import com.harborcrm.messaging.MessagingSettingsService.Channels;

/**
 * The messages table as an outbox, for the current store: messages are taken under a lease, sent by
 * {@link MessageSender} with no transaction open, and recorded here. A sent message becomes a follow-up in the
 * same transaction that marks it SENT, so a recipient record is SENT, and followed up, once.
 */
@ApplicationScoped
public class MessageOutbox {

    /** A message taken to be sent, rendered: the sender needs nothing else. */
    public record Taken(long id, long customerId, MessageChannel channel, Long campaignId, String campaignName,
            String address, String subject, String text, String html, Map<String, String> headers, Long senderId,
            int attempt, boolean countsForTimer, String recordText) {
    }

    private static final String VIEW = """
            select m.id, m.customer_id, m.channel, m.direction, m.status, m.skip_reason, m.address,
                   m.subject, m.body, m.campaign_id, m.sender_id, u.name, m.error,
                   m.follow_up_id, m.created_at, m.sent_at, m.updated_at, k.name as customer_name, c.name as campaign_name
            from messages m
            join customers k on k.store_id = m.store_id and k.id = m.customer_id
            left join campaigns c on c.store_id = m.store_id and c.id = m.campaign_id
            left join users u on u.store_id = m.store_id and u.id = m.sender_id
            where m.store_id = :store""";

    @Inject
    EntityManager em;

    @Inject
    TenantContext tenant;

    @Inject
    HarborConfig config;

    @Inject
    Clock clock;

    @Inject
    MessageRenderer renderer;

    @Inject
    FollowUpService followUps;

    /** A one-to-one message, leased to the caller who sends it right away (a crash leaves it to the dispatcher). */
    @Transactional(Transactional.TxType.MANDATORY)
    public long queueOne(long customerId, MessageChannel channel, String address, Rendered rendered, long senderId) {
        Instant now = clock.instant();
        Number id = (Number) em.createNativeQuery("""
                insert into messages (store_id, customer_id, channel, direction, sender_id, address, subject, body,
                                      status, next_attempt_at, leased_until, attempts, created_at, updated_at)
                values (:store, :customer, :channel, 'OUT', :sender, :address, :subject, :body, 'QUEUED', :now, :lease, 0,
                        :now, :now)
                returning id""").setParameter("store", tenant.storeId()).setParameter("customer", customerId)
                .setParameter("channel", channel.name()).setParameter("sender", senderId)
                .setParameter("address", address).setParameter("subject", rendered.subject())
                .setParameter("body", rendered.text()).setParameter("now", now)
                .setParameter("lease", now.plus(config.messaging().lease())).getSingleResult();
        return id.longValue();
    }

    /** Takes the one-to-one message just queued (it is leased already). */
    @Transactional
    public List<Taken> takeOne(long id, Channels channels) {
        return take("select d.id from messages d where d.store_id = :store and d.id = :id and d.status = 'QUEUED'",
                Map.of("id", id), 1, channels);
    }

    /**
     * What the dispatcher may send now for the current store: one-to-one retries that are due (up to
     * {@code batch}), then campaign messages within {@code campaignLimit} (the caller's share of this second), the
     * rate per minute and the daily caps. Locks the store's settings row so instances share the budget; another instance holding it
     * means this pass skips the store.
     */
    @Transactional
    public List<Taken> takeAllowed(Channels channels, Instant startOfDay, int batch, int campaignLimit) {
        @SuppressWarnings("unchecked")
        List<Object[]> window = em.createNativeQuery("select throttle_window_start, throttle_window_taken "
                + "from messaging_settings where store_id = ?1 for update skip locked")
                .setParameter(1, tenant.storeId()).getResultList();
        if (window.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        Instant windowStart = Instants.of(window.get(0)[0]);
        int takenInWindow = ((Number) window.get(0)[1]).intValue();
        if (windowStart == null || !windowStart.isAfter(now.minusSeconds(60))) {
            windowStart = now;
            takenInWindow = 0;
        }
        List<Taken> taken = new ArrayList<>();
        int rate = channels.campaignRatePerMinute();
        int budget = Math.min(campaignLimit, rate - takenInWindow);
        for (MessageChannel channel : MessageChannel.values()) {
            if (!channels.ready(channel)) {
                continue; // switched off: everything waits rather than fails
            }
            taken.addAll(takeDue(channel, false, batch, channels));
            int left = channels.dailyCap(channel) - sentSince(channel, startOfDay);
            List<Taken> campaign = takeDue(channel, true, Math.min(budget, left), channels);
            budget -= campaign.size();
            takenInWindow += campaign.size();
            taken.addAll(campaign);
        }
        em.createNativeQuery("update messaging_settings set throttle_window_start = ?1, throttle_window_taken = ?2 "
                + "where store_id = ?3").setParameter(1, windowStart).setParameter(2, takenInWindow)
                .setParameter(3, tenant.storeId()).executeUpdate();
        return taken;
    }

    /** Messages of a channel the store sent since a moment (the start of its day, for the daily caps). */
    public int sentSince(MessageChannel channel, Instant since) {
        Number sent = (Number) em.createNativeQuery("select count(*) from messages where store_id = ?1 and channel = ?2 "
                + "and direction = 'OUT' and sent_at >= ?3").setParameter(1, tenant.storeId())
                .setParameter(2, channel.name()).setParameter(3, since).getSingleResult();
        return sent.intValue();
    }

    /**
     * Takes up to {@code limit} due messages of a channel ({@code campaign}: campaign messages, else one-to-one
     * retries) and leases them. SKIP LOCKED: instances take disjoint sets; a leased row is not due until its
     * lease ends. The partial index messages_due holds only QUEUED rows, so sent history costs nothing here.
     */
    @Transactional
    public List<Taken> takeDue(MessageChannel channel, boolean campaign, int limit, Channels channels) {
        if (limit <= 0) {
            return List.of();
        }
        Instant now = clock.instant();
        return take("select d.id from messages d where d.store_id = :store and d.status = 'QUEUED' "
                + "and d.channel = :channel and d.campaign_id is " + (campaign ? "not null" : "null")
                + " and d.next_attempt_at <= :now and (d.leased_until is null or d.leased_until <= :now) "
                + "order by d.next_attempt_at, d.id limit :limit for update skip locked",
                Map.of("channel", channel.name(), "now", now, "limit", limit), limit, channels);
    }

    /**
     * Leases the rows {@code due} selects. The selection is a CTE, evaluated once: as a subquery of the UPDATE
     * with LIMIT and SKIP LOCKED, PostgreSQL may evaluate it again and take more rows than the limit.
     */
    private List<Taken> take(String due, Map<String, Object> params, int limit, Channels channels) {
        Instant now = clock.instant();
        var query = em.createNativeQuery("""
                with due as (%s)
                update messages m set leased_until = :lease, attempts = m.attempts + 1, updated_at = :at
                from due where m.store_id = :store and m.id = due.id
                returning m.id, m.customer_id, m.channel, m.campaign_id, m.address, m.subject, m.body, m.sender_id,
                          m.attempts""".formatted(due))
                .setParameter("store", tenant.storeId()).setParameter("lease", now.plus(config.messaging().lease()))
                .setParameter("at", now);
        params.forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        Map<Long, Object[]> campaigns = new LinkedHashMap<>();
        List<Taken> taken = new ArrayList<>();
        for (Object[] r : rows) {
            long id = ((Number) r[0]).longValue();
            long customerId = ((Number) r[1]).longValue();
            MessageChannel channel = MessageChannel.valueOf((String) r[2]);
            Long campaignId = r[3] == null ? null : ((Number) r[3]).longValue();
            Long senderId = r[7] == null ? null : ((Number) r[7]).longValue();
            int attempt = ((Number) r[8]).intValue();
            if (campaignId == null) {
                String body = (String) r[6];
                Rendered text = new Rendered((String) r[5], body, channel == MessageChannel.EMAIL
                        ? TemplateText.plainHtml(body) : null);
                taken.add(new Taken(id, customerId, channel, null, null, (String) r[4], text.subject(), text.text(),
                        text.html(), Map.of(), senderId, attempt, true, text.text()));
                continue;
            }
            Object[] c = campaigns.computeIfAbsent(campaignId, this::campaign);
            Map<String, String> headers = new LinkedHashMap<>();
            String page = null;
            if (channel == MessageChannel.EMAIL) {
                page = renderer.unsubscribePage(channels, customerId, channel);
                // RFC 8058: one click in the mail client unsubscribes, with a POST to the https URL.
                headers.put("List-Unsubscribe", "<" + renderer.unsubscribeOneClick(channels, customerId, channel) + ">");
                headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
                headers.put("Precedence", "bulk");
            }
            Rendered copy;
            Map<String, String> values;
            try {
                values = renderer.values(customerId, page);
                copy = renderer.render(channel, (String) c[1], (String) c[2], values, (String) c[3]);
            } catch (DomainException gone) {
                continue; // the customer was deleted after the message was queued: the row went with it
            }
            // The rep's record is the message without the footer: the customer's own unsubscribe link is not theirs.
            String recordText = renderer.render(channel, (String) c[1], (String) c[2], values, null).text();
            taken.add(new Taken(id, customerId, channel, campaignId, (String) c[0], (String) r[4], copy.subject(),
                    copy.text(), copy.html(), headers, senderId, attempt, !(Boolean) c[4], recordText));
        }
        return taken;
    }

    private Object[] campaign(long id) {
        return (Object[]) em.createNativeQuery("select name, subject, body, language, keep_pool_timers from campaigns "
                + "where store_id = ?1 and id = ?2").setParameter(1, tenant.storeId()).setParameter(2, id)
                .getSingleResult();
    }

    /**
     * The server took it: SENT, and a follow-up by its sender, or for a campaign by the customer's owner (the
     * store's service principal for a pool customer), unless the customer is gone.
     */
    @Transactional
    public void recordSent(Taken message, String providerId, long systemUserId) {
        Instant now = clock.instant();
        int updated = em.createNativeQuery("""
                update messages set status = 'SENT', sent_at = :now, provider_id = :provider, error = null,
                    leased_until = null, next_attempt_at = null, updated_at = :now,
                    subject = coalesce(subject, cast(:subject as varchar)), body = coalesce(body, cast(:body as varchar))
                where store_id = :store and id = :id and status = 'QUEUED'""").setParameter("now", now)
                .setParameter("provider", providerId).setParameter("store", tenant.storeId())
                .setParameter("subject", message.subject())
                // A campaign e-mail's text is the campaign's (not kept 100,000 times); an SMS is short: kept.
                .setParameter("body", message.channel() == MessageChannel.SMS ? message.text() : null)
                .setParameter("id", message.id()).executeUpdate();
        if (updated == 0) {
            return; // cancelled or deleted meanwhile: nothing to follow up
        }
        long author = message.senderId() != null ? message.senderId() : ownerOr(message.customerId(), systemUserId);
        StringBuilder content = new StringBuilder();
        if (message.campaignName() != null) {
            content.append("Campaign «").append(message.campaignName()).append("»\n");
        }
        if (message.subject() != null) {
            content.append(message.subject()).append("\n\n");
        }
        content.append(message.recordText());
        long followUp = followUps.recordAutomatic(message.customerId(), author,
                message.channel() == MessageChannel.EMAIL ? FollowUpType.EMAIL : FollowUpType.SMS, content.toString(),
                now, message.countsForTimer());
        em.createNativeQuery("update messages set follow_up_id = ?1 where store_id = ?2 and id = ?3")
                .setParameter(1, followUp).setParameter(2, tenant.storeId()).setParameter(3, message.id())
                .executeUpdate();
    }

    /**
     * The server took the message but recording its follow-up failed: it is marked SENT all the same (with the
     * reason), so that it is never sent again.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordSentWithoutFollowUp(Taken message, String providerId, String problem) {
        Instant now = clock.instant();
        em.createNativeQuery("""
                update messages set status = 'SENT', sent_at = :now, provider_id = :provider, leased_until = null,
                    next_attempt_at = null, updated_at = :now, error = :error
                where store_id = :store and id = :id and status = 'QUEUED'""").setParameter("now", now)
                .setParameter("provider", providerId).setParameter("error", problem.length() > 1000
                        ? problem.substring(0, 1000) : problem)
                .setParameter("store", tenant.storeId()).setParameter("id", message.id()).executeUpdate();
    }

    /** Who a server-written follow-up of the customer belongs to: its owner, or {@code poolAuthor} in the pool. */
    long ownerOr(long customerId, long poolAuthor) {
        Customer customer = Customer.findById(customerId);
        return customer == null || customer.ownerId == null ? poolAuthor : customer.ownerId;
    }

    /** The attempt failed: retried after 30 s, 2 min, 8 min..., or FAILED when it cannot help or attempts ran out. */
    @Transactional
    public void recordFailure(Taken message, DeliveryException failure) {
        Instant now = clock.instant();
        boolean last = failure.permanent() || message.attempt() >= config.messaging().maxAttempts();
        Duration wait = config.messaging().initialRetryDelay().multipliedBy(1L << (2 * (message.attempt() - 1)));
        String error = failure.getMessage().length() > 1000 ? failure.getMessage().substring(0, 1000)
                : failure.getMessage();
        em.createNativeQuery("""
                update messages set status = case when :last then 'FAILED' else status end, error = :error,
                    leased_until = null, next_attempt_at = case when :last then null else cast(:next as timestamptz) end,
                    updated_at = :now
                where store_id = :store and id = :id and status = 'QUEUED'""").setParameter("last", last)
                .setParameter("error", error).setParameter("next", now.plus(wait)).setParameter("now", now)
                .setParameter("store", tenant.storeId()).setParameter("id", message.id()).executeUpdate();
    }

    public MessageView get(long id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(VIEW + " and m.id = :id").setParameter("store", tenant.storeId())
                .setParameter("id", id).getResultList();
        if (rows.isEmpty()) {
            throw DomainException.notFound("Message " + id);
        }
        return view(rows.get(0));
    }

    /** Newest first: a customer's messages, or a campaign's recipients (optionally of one status). */
    public Page<MessageView> page(String condition, Map<String, Object> params, int limit, String cursor) {
        String after = "";
        long afterId = Long.MAX_VALUE;
        if (cursor != null) {
            try {
                afterId = Long.parseLong(Cursor.decode(cursor, 1).get(0));
            } catch (NumberFormatException e) {
                throw DomainException.invalid("cursor", "is not a cursor returned by this list");
            }
            after = " and m.id < :afterId";
        }
        var query = em.createNativeQuery(VIEW + " and " + condition + after + " order by m.id desc limit :limit")
                .setParameter("store", tenant.storeId()).setParameter("limit", limit + 1);
        params.forEach(query::setParameter);
        if (cursor != null) {
            query.setParameter("afterId", afterId);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        List<MessageView> items = rows.stream().limit(limit).map(MessageOutbox::view).toList();
        return Page.of(items, rows.size() > limit ? Cursor.encode(items.get(items.size() - 1).id()) : null);
    }

    static MessageView view(Object[] r) {
        return new MessageView(((Number) r[0]).longValue(), ((Number) r[1]).longValue(), (String) r[17],
                MessageChannel.valueOf((String) r[2]), (String) r[3], MessageStatus.valueOf((String) r[4]),
                r[5] == null ? null : SkipReason.valueOf((String) r[5]), (String) r[6], (String) r[7], (String) r[8],
                r[9] == null ? null : ((Number) r[9]).longValue(), (String) r[18],
                r[10] == null ? null : ((Number) r[10]).longValue(),
                (String) r[11], (String) r[12], r[13] == null ? null : ((Number) r[13]).longValue(), Instants.of(r[14]),
                Instants.of(r[15]), Instants.of(r[16]));
    }
}
