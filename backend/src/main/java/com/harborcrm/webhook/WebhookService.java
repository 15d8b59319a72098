package com.harborcrm.webhook;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.harborcrm.common.audit.AuditLog;
import com.harborcrm.common.error.DomainException;
import com.harborcrm.common.error.ProblemType;
import com.harborcrm.common.paging.Cursor;
import com.harborcrm.common.paging.Page;
import com.harborcrm.common.security.CurrentUser;
import com.harborcrm.common.security.Role;
import com.harborcrm.common.sql.SqlArrays;
import com.harborcrm.common.tenancy.TenantContext;
import com.harborcrm.common.time.Instants;
import com.harborcrm.webhook.WebhookDtos.AttemptView;
import com.harborcrm.webhook.WebhookDtos.CreateWebhookRequest;
import com.harborcrm.webhook.WebhookDtos.CreatedWebhook;
import com.harborcrm.webhook.WebhookDtos.DeliveryDetail;
import com.harborcrm.webhook.WebhookDtos.DeliveryStatus;
import com.harborcrm.webhook.WebhookDtos.DeliveryView;
import com.harborcrm.webhook.WebhookDtos.UpdateWebhookRequest;
import com.harborcrm.webhook.WebhookDtos.WebhookView;

/**
 * The store's webhook subscriptions and their delivery log: an admin's (or a key with {@code webhooks:manage})
 * side. Sending is {@link WebhookDispatcher}'s job; events are written by the database (V88) and
 * {@link WebhookOutbox}.
 */
@ApplicationScoped
public class WebhookService {

    /** Subscriptions a store may hold: each event is written once per subscription that listens. */
    static final int MAX_PER_STORE = 20;

    private static final String SELECT = """
            select w.id, w.url, w.description, array_to_string(w.event_types, ','), w.enabled, w.disabled_reason,
                   w.disabled_at, w.failing_since,
                   (select count(*) from webhook_deliveries d
                    where d.store_id = w.store_id and d.subscription_id = w.id and d.status = 'PENDING'),
                   w.created_at, u.name, w.updated_at
            from webhook_subscriptions w
            join users u on u.store_id = w.store_id and u.id = w.created_by
            """;

    private static final String SELECT_DELIVERY = """
            select d.id, m.webhook_id, m.event_type, m.customer_id, d.status, d.attempts, d.next_attempt_at,
                   d.last_attempt_at, d.last_status_code, d.last_error, d.delivered_at, m.occurred_at, d.created_at
            from webhook_deliveries d
            join webhook_messages m on m.store_id = d.store_id and m.id = d.message_id
            """;

    @Inject
    EntityManager em;

    @Inject
    TenantContext tenant;

    @Inject
    CurrentUser currentUser;

    @Inject
    AuditLog audit;

    @Inject
    ObjectMapper mapper;

    @Inject
    Clock clock;

    public Page<WebhookView> list(int limit, String cursor) {
        requireManager();
        long before = cursor == null ? Long.MAX_VALUE : Cursor.decodeLong(cursor);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(SELECT + " where w.store_id = ?1 and w.id < ?2 order by w.id desc limit ?3")
                .setParameter(1, tenant.storeId()).setParameter(2, before).setParameter(3, limit + 1).getResultList();
        List<WebhookView> items = rows.stream().limit(limit).map(WebhookService::view).toList();
        return Page.of(items, rows.size() > limit ? Cursor.encode(items.get(items.size() - 1).id()) : null);
    }

    public WebhookView get(long id) {
        requireManager();
        return find(id).orElseThrow(() -> notFound(id));
    }

    @Transactional
    public CreatedWebhook create(CreateWebhookRequest request) {
        requireManager();
        String url = request.url().trim();
        long store = tenant.storeId();
        // One creation at a time per store, so that two cannot both pass the count.
        em.createNativeQuery("select pg_advisory_xact_lock(hashtextextended('webhooks:' || ?1, 0))")
                .setParameter(1, store).getSingleResult();
        long count = ((Number) em.createNativeQuery("select count(*) from webhook_subscriptions where store_id = ?1")
                .setParameter(1, store).getSingleResult()).longValue();
        if (count >= MAX_PER_STORE) {
            throw new DomainException(ProblemType.CONFLICT, "The store has " + count + " webhooks, the most it may "
                    + "hold. Delete one it no longer needs, or add event types to an existing one.");
        }
        String secret = WebhookSignature.newSecret();
        Instant now = clock.instant();
        long id = ((Number) em.createNativeQuery("""
                insert into webhook_subscriptions (store_id, url, description, event_types, secret, created_by,
                                                   created_at, updated_at)
                values (?1, ?2, ?3, cast(?4 as text[]), ?5, ?6, ?7, ?7) returning id""")
                .unwrap(org.hibernate.query.NativeQuery.class)
                .setParameter(1, store).setParameter(2, url).setParameter(3, blankToNull(request.description()), String.class)
                .setParameter(4, SqlArrays.texts(request.eventTypes().stream().distinct().toList()))
                .setParameter(5, secret).setParameter(6, currentUser.id()).setParameter(7, now)
                .getSingleResult()).longValue();
        audit.record("WEBHOOK_CREATED", "webhook", id, Map.of("url", url, "eventTypes", request.eventTypes()));
        return new CreatedWebhook(get(id), secret);
    }

    /**
     * Changes what is given. Enabling a disabled subscription forgets its failures and lets its pending
     * deliveries go out again (their retry window restarts).
     */
    @Transactional
    public WebhookView update(long id, UpdateWebhookRequest request) {
        requireManager();
        boolean wasEnabled = lock(id);
        String url = request.url() == null ? null : request.url().trim();
        Instant now = clock.instant();
        boolean enabling = Boolean.TRUE.equals(request.enabled()) && !wasEnabled;
        em.createNativeQuery("""
                update webhook_subscriptions set
                    url = coalesce(?1, url),
                    description = case when ?2 then ?3 else description end,
                    event_types = coalesce(cast(?4 as text[]), event_types),
                    enabled = coalesce(?5, enabled),
                    disabled_reason = case when ?5 is null then disabled_reason
                                           when ?5 then null
                                           else 'Disabled by ' || (select u.name from users u
                                                                   where u.store_id = ?8 and u.id = ?6) end,
                    disabled_at = case when ?5 is null then disabled_at when ?5 then null
                                       when enabled then ?7 else disabled_at end,
                    failing_since = case when ?5 then null else failing_since end,
                    updated_at = ?7
                where store_id = ?8 and id = ?9""")
                .unwrap(org.hibernate.query.NativeQuery.class)
                .setParameter(1, url, String.class)
                .setParameter(2, request.description() != null)
                .setParameter(3, blankToNull(request.description()), String.class)
                .setParameter(4, request.eventTypes() == null ? null
                        : SqlArrays.texts(request.eventTypes().stream().distinct().toList()), String.class)
                .setParameter(5, request.enabled(), Boolean.class)
                .setParameter(6, currentUser.id())
                .setParameter(7, now)
                .setParameter(8, tenant.storeId()).setParameter(9, id)
                .executeUpdate();
        if (Boolean.FALSE.equals(request.enabled()) && wasEnabled) {
            // Paused: its pending deliveries leave the dispatcher's scan (the due index) until it is enabled.
            em.createNativeQuery("update webhook_deliveries set next_attempt_at = 'infinity' "
                    + "where store_id = ?1 and subscription_id = ?2 and status = 'PENDING'")
                    .setParameter(1, tenant.storeId()).setParameter(2, id).executeUpdate();
        }
        if (enabling) {
            em.createNativeQuery("update webhook_deliveries set next_attempt_at = ?1, window_started_at = ?1 "
                    + "where store_id = ?2 and subscription_id = ?3 and status = 'PENDING'")
                    .setParameter(1, now).setParameter(2, tenant.storeId()).setParameter(3, id).executeUpdate();
        }
        audit.record("WEBHOOK_UPDATED", "webhook", id, Map.of());
        return get(id);
    }

    /** Deletes it with its delivery log; pending deliveries are dropped. */
    @Transactional
    public void delete(long id) {
        requireManager();
        lock(id);
        em.createNativeQuery("delete from webhook_subscriptions where store_id = ?1 and id = ?2")
                .setParameter(1, tenant.storeId()).setParameter(2, id).executeUpdate();
        audit.record("WEBHOOK_DELETED", "webhook", id, Map.of());
    }

    /** Queues a webhook.test event for this subscription only; the dispatcher sends it within a second or so. */
    @Transactional
    public DeliveryView sendTest(long id) {
        requireManager();
        if (!lock(id)) {
            throw new DomainException(ProblemType.CONFLICT, "This webhook is disabled: enable it first, then send a "
                    + "test event.");
        }
        Instant now = clock.instant();
        String data;
        try {
            data = mapper.writeValueAsString(Map.of("webhookSubscriptionId", id,
                    "message", "A test event from Harbor CRM: your endpoint received and can verify it."));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        long message = ((Number) em.createNativeQuery("""
                insert into webhook_messages (store_id, event_type, occurred_at, data, only_subscription_id)
                values (?1, ?2, ?3, cast(?4 as jsonb), ?5) returning id""")
                .setParameter(1, tenant.storeId()).setParameter(2, WebhookEventType.TEST).setParameter(3, now)
                .setParameter(4, data).setParameter(5, id).getSingleResult()).longValue();
        long delivery = ((Number) em.createNativeQuery("select id from webhook_deliveries where store_id = ?1 "
                + "and message_id = ?2 and subscription_id = ?3").setParameter(1, tenant.storeId())
                .setParameter(2, message).setParameter(3, id).getSingleResult()).longValue();
        return delivery(id, delivery);
    }

    public Page<DeliveryView> deliveries(long id, DeliveryStatus status, int limit, String cursor) {
        requireManager();
        find(id).orElseThrow(() -> notFound(id));
        long before = cursor == null ? Long.MAX_VALUE : Cursor.decodeLong(cursor);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(SELECT_DELIVERY + """
                 where d.store_id = ?1 and d.subscription_id = ?2 and d.id < ?3
                   and (cast(?4 as text) is null or d.status = cast(?4 as text))
                 order by d.id desc limit ?5""")
                .unwrap(org.hibernate.query.NativeQuery.class)
                .setParameter(1, tenant.storeId()).setParameter(2, id).setParameter(3, before)
                .setParameter(4, status == null ? null : status.name(), String.class).setParameter(5, limit + 1)
                .getResultList();
        List<DeliveryView> items = rows.stream().limit(limit).map(WebhookService::deliveryView).toList();
        return Page.of(items, rows.size() > limit ? Cursor.encode(items.get(items.size() - 1).id()) : null);
    }

    public DeliveryDetail deliveryDetail(long id, long deliveryId) {
        requireManager();
        DeliveryView delivery = delivery(id, deliveryId);
        Object[] message = (Object[]) em.createNativeQuery("""
                select m.event_type, m.occurred_at, cast(m.data as text) from webhook_deliveries d
                join webhook_messages m on m.store_id = d.store_id and m.id = d.message_id
                where d.store_id = ?1 and d.id = ?2""").setParameter(1, tenant.storeId()).setParameter(2, deliveryId)
                .getSingleResult();
        Map<String, Object> payload;
        try {
            payload = mapper.readValue(WebhookDispatcher.body((String) message[0], Instants.of(message[1]),
                    (String) message[2]), new TypeReference<Map<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> attempts = em.createNativeQuery("""
                select attempt, at, status_code, duration_ms, error, response_body from webhook_attempts
                where store_id = ?1 and delivery_id = ?2 order by attempt desc""")
                .setParameter(1, tenant.storeId()).setParameter(2, deliveryId).getResultList();
        return new DeliveryDetail(delivery, payload, attempts.stream().map(r -> new AttemptView(
                ((Number) r[0]).intValue(), Instants.of(r[1]), r[2] == null ? null : ((Number) r[2]).intValue(),
                ((Number) r[3]).intValue(), (String) r[4], (String) r[5])).toList());
    }

    /**
     * Sends a delivery again, as the same message (same webhook-id, so a receiver that kept it drops the
     * repeat): it becomes PENDING, due now, with a fresh retry window. A pending one is simply due now.
     */
    @Transactional
    public DeliveryView redeliver(long id, long deliveryId) {
        requireManager();
        if (!lock(id)) {
            throw new DomainException(ProblemType.CONFLICT, "This webhook is disabled: enable it first, then "
                    + "redeliver.");
        }
        delivery(id, deliveryId);
        Instant now = clock.instant();
        em.createNativeQuery("""
                update webhook_deliveries set status = 'PENDING', next_attempt_at = ?1, window_started_at = ?1,
                       delivered_at = null
                where store_id = ?2 and id = ?3""")
                .setParameter(1, now).setParameter(2, tenant.storeId()).setParameter(3, deliveryId).executeUpdate();
        audit.record("WEBHOOK_REDELIVERED", "webhook", id, Map.of("deliveryId", deliveryId));
        return delivery(id, deliveryId);
    }

    private DeliveryView delivery(long id, long deliveryId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(SELECT_DELIVERY
                + " where d.store_id = ?1 and d.subscription_id = ?2 and d.id = ?3")
                .setParameter(1, tenant.storeId()).setParameter(2, id).setParameter(3, deliveryId).getResultList();
        return rows.stream().findFirst().map(WebhookService::deliveryView)
                .orElseThrow(() -> DomainException.notFound("Delivery " + deliveryId + " of webhook " + id));
    }

    /** Takes the subscription's row lock (so that updates, tests and deletes queue up); whether it is enabled. */
    private boolean lock(long id) {
        @SuppressWarnings("unchecked")
        List<Boolean> rows = em.createNativeQuery("select enabled from webhook_subscriptions "
                + "where store_id = ?1 and id = ?2 for update").setParameter(1, tenant.storeId()).setParameter(2, id)
                .getResultList();
        if (rows.isEmpty()) {
            throw notFound(id);
        }
        return rows.get(0);
    }

    /**
     * Admins, and API keys holding {@code webhooks:manage} (ApiKeyAccess checked the scope; a key is
     * manager-level). A person who is a manager may not.
     */
    private void requireManager() {
        if (!currentUser.isApiKey() && currentUser.role() != Role.ADMIN) {
            throw DomainException.forbidden("Only an admin manages webhooks");
        }
    }

    private Optional<WebhookView> find(long id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(SELECT + " where w.store_id = ?1 and w.id = ?2")
                .setParameter(1, tenant.storeId()).setParameter(2, id).getResultList();
        return rows.stream().findFirst().map(WebhookService::view);
    }

    private static DomainException notFound(long id) {
        return DomainException.notFound("Webhook " + id);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static WebhookView view(Object[] r) {
        List<WebhookEventType> types = Arrays.stream(((String) r[3]).split(",")).map(WebhookEventType::of)
                .flatMap(Optional::stream).toList();
        return new WebhookView(((Number) r[0]).longValue(), (String) r[1], (String) r[2], types, (Boolean) r[4],
                (String) r[5], Instants.of(r[6]), Instants.of(r[7]), ((Number) r[8]).longValue(), Instants.of(r[9]),
                (String) r[10], Instants.of(r[11]));
    }

    /**
     * Null for a delivery not yet tried (due at once, '-infinity' in the table) and for one whose subscription is
     * disabled ('infinity').
     */
    private static Instant due(Instant next) {
        return next == null || next.isAfter(Instant.parse("9999-12-31T23:59:59Z"))
                || next.isBefore(Instant.parse("0001-01-01T00:00:00Z")) ? null : next;
    }

    private static DeliveryView deliveryView(Object[] r) {
        DeliveryStatus status = DeliveryStatus.valueOf((String) r[4]);
        return new DeliveryView(((Number) r[0]).longValue(), (String) r[1], (String) r[2],
                r[3] == null ? null : ((Number) r[3]).longValue(), status, ((Number) r[5]).intValue(),
                status == DeliveryStatus.PENDING ? due(Instants.of(r[6])) : null, Instants.of(r[7]),
                r[8] == null ? null : ((Number) r[8]).intValue(), (String) r[9], Instants.of(r[10]),
                Instants.of(r[11]), Instants.of(r[12]));
    }
}
