package com.harborcrm.messaging;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.harborcrm.common.error.DomainException;
import com.harborcrm.common.error.FieldError;
import com.harborcrm.common.error.ProblemType;
import com.harborcrm.common.paging.Cursor;
import com.harborcrm.common.paging.Page;
import com.harborcrm.common.security.CurrentUser;
import com.harborcrm.common.sql.SqlArrays;
import com.harborcrm.common.tenancy.TenantContext;
import com.harborcrm.common.time.Instants;
import com.harborcrm.customer.CustomerQuery;
import com.harborcrm.messaging.MessagingDtos.CampaignRequest;
import com.harborcrm.messaging.MessagingDtos.CampaignView;
import com.harborcrm.messaging.MessagingDtos.Counts;
import com.harborcrm.messaging.MessagingDtos.DryRun;
import com.harborcrm.messaging.MessagingDtos.MessageView;
import com.harborcrm.messaging.MessagingDtos.Rendered;
import com.harborcrm.messaging.MessagingDtos.Segment;
import com.harborcrm.messaging.MessagingDtos.TemplateView;
import com.harborcrm.view.SavedViewService;

/**
 * Campaigns: a template sent to a segment of customers. Starting one writes every recipient at once, as QUEUED or
 * SKIPPED with the reason, in one set-based statement (100,000 recipients in a few seconds, bench/messaging); the
 * dispatcher then sends the queue at the store's rate. Cancelling stops what has not gone yet.
 */
@ApplicationScoped
public class CampaignService {

    private static final String SELECT = """
            select c.id, c.name, c.channel, c.template_id, t.name as template_name, cast(c.segment as text), c.status,
                   c.scheduled_at, c.keep_pool_timers, c.recipients, c.created_by, u.name as created_by_name,
                   c.created_at, c.started_at, c.finished_at, c.version
            from campaigns c
            join message_templates t on t.store_id = c.store_id and t.id = c.template_id
            join users u on u.store_id = c.store_id and u.id = c.created_by
            where c.store_id = :store""";

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    TenantContext tenant;

    @Inject
    CurrentUser currentUser;

    @Inject
    Clock clock;

    @Inject
    CustomerQuery queries;

    @Inject
    SavedViewService views;

    @Inject
    TemplateService templates;

    @Inject
    MessageRenderer renderer;

    @Inject
    MessagingSettingsService settings;

    @Inject
    MessageOutbox outbox;

    public Page<CampaignView> list(int limit, String cursor) {
        String after = cursor == null ? "" : " and c.id < :after";
        var query = em.createNativeQuery(SELECT + after + " order by c.id desc limit :limit")
                .setParameter("store", tenant.storeId()).setParameter("limit", limit + 1);
        if (cursor != null) {
            query.setParameter("after", Cursor.decodeLong(cursor));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        List<CampaignView> items = rows.stream().limit(limit).map(this::view).toList();
        return Page.of(items, rows.size() > limit ? Cursor.encode(items.get(items.size() - 1).id()) : null);
    }

    public CampaignView get(long id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(SELECT + " and c.id = :id").setParameter("store", tenant.storeId())
                .setParameter("id", id).getResultList();
        if (rows.isEmpty()) {
            throw DomainException.notFound("Campaign " + id);
        }
        return view(rows.get(0));
    }

    @Transactional
    public CampaignView create(CampaignRequest request) {
        TemplateView template = check(request);
        Instant now = clock.instant();
        Number id = (Number) em.createNativeQuery("""
                insert into campaigns (store_id, name, channel, template_id, segment, language, status, scheduled_at,
                                       keep_pool_timers, created_by, created_at)
                values (:store, :name, :channel, :template, cast(:segment as jsonb), :language, 'DRAFT', :scheduledAt,
                        :keep, :by, :now) returning id""").setParameter("store", tenant.storeId())
                .setParameter("name", request.name().trim()).setParameter("channel", template.channel().name())
                .setParameter("template", template.id()).setParameter("segment", json(request.segment()))
                .setParameter("language", template.language()).setParameter("scheduledAt", request.scheduledAt())
                .setParameter("keep", Boolean.TRUE.equals(request.keepPoolTimers())).setParameter("by", currentUser.id())
                .setParameter("now", now).getSingleResult();
        return get(id.longValue());
    }

    @Transactional
    public CampaignView replace(long id, CampaignRequest request, Long expectedVersion) {
        CampaignView current = lock(id, expectedVersion);
        if (current.status() != CampaignStatus.DRAFT) {
            throw new DomainException(ProblemType.CAMPAIGN_STATE, "Only a draft can be changed; this campaign is "
                    + current.status());
        }
        TemplateView template = check(request);
        em.createNativeQuery("""
                update campaigns set name = :name, channel = :channel, template_id = :template,
                    segment = cast(:segment as jsonb), language = :language, scheduled_at = :scheduledAt,
                    keep_pool_timers = :keep, version = version + 1
                where store_id = :store and id = :id""").setParameter("store", tenant.storeId()).setParameter("id", id)
                .setParameter("name", request.name().trim()).setParameter("channel", template.channel().name())
                .setParameter("template", template.id()).setParameter("segment", json(request.segment()))
                .setParameter("language", template.language()).setParameter("scheduledAt", request.scheduledAt())
                .setParameter("keep", Boolean.TRUE.equals(request.keepPoolTimers())).executeUpdate();
        return get(id);
    }

    @Transactional
    public void delete(long id) {
        CampaignView current = lock(id, null);
        if (current.status() != CampaignStatus.DRAFT) {
            throw new DomainException(ProblemType.CAMPAIGN_STATE,
                    "Only a draft can be deleted; a campaign that was sent stays as the record of what went out");
        }
        em.createNativeQuery("delete from campaigns where store_id = ?1 and id = ?2").setParameter(1, tenant.storeId())
                .setParameter(2, id).executeUpdate();
    }

    /** Who would get it if it went now, who not and why, and the first recipient's copy. Changes nothing. */
    @Transactional
    public DryRun dryRun(CampaignRequest request) {
        TemplateView template = check(request);
        CustomerQuery.Where where = segment(request.segment());
        Map<String, Object> params = new HashMap<>(where.params());
        params.put("channel", template.channel().name());
        var query = em.createNativeQuery("select reason, count(*), min(id) from (" + recipients(where.sql(), template.channel())
                + ") r group by reason");
        params.forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        int recipients = 0;
        Long sample = null;
        Map<SkipReason, Integer> skipped = new EnumMap<>(SkipReason.class);
        for (SkipReason reason : SkipReason.values()) {
            skipped.put(reason, 0);
        }
        for (Object[] r : rows) {
            if (r[0] == null) {
                recipients = ((Number) r[1]).intValue();
                sample = ((Number) r[2]).longValue();
            } else {
                skipped.put(SkipReason.valueOf((String) r[0]), ((Number) r[1]).intValue());
            }
        }
        Rendered copy = null;
        if (sample != null) {
            var channels = settings.channels();
            String page = template.channel() == MessageChannel.EMAIL
                    ? renderer.unsubscribePage(channels, sample, template.channel()) : null;
            copy = renderer.render(template.channel(), template.subject(), template.body(),
                    renderer.values(sample, page), template.language());
        }
        return new DryRun(recipients, skipped, sample, copy);
    }

    /** Sends now, or schedules it for its time in the future. */
    @Transactional
    public CampaignView send(long id, Long expectedVersion) {
        CampaignView current = lock(id, expectedVersion);
        if (current.status() != CampaignStatus.DRAFT) {
            throw new DomainException(ProblemType.CAMPAIGN_STATE, "This campaign was already sent or scheduled");
        }
        var channels = settings.channels();
        channels.requireReady(current.channel());
        Instant now = clock.instant();
        if (current.scheduledAt() != null && current.scheduledAt().isAfter(now)) {
            em.createNativeQuery("update campaigns set status = 'SCHEDULED', version = version + 1 "
                    + "where store_id = ?1 and id = ?2").setParameter(1, tenant.storeId()).setParameter(2, id)
                    .executeUpdate();
            return get(id);
        }
        start(id);
        return get(id);
    }

    /**
     * Writes the recipients and starts sending: every customer of the segment becomes a message row, QUEUED, or
     * SKIPPED with why (no address, no consent, unsubscribed, an address already in this campaign). Also how a
     * scheduled campaign starts (the dispatcher, acting as its creator).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void start(long id) {
        CampaignView campaign = get(id);
        TemplateView template = templates.get(campaign.templateId());
        CustomerQuery.Where where = segment(campaign.segment());
        Instant now = clock.instant();
        Map<String, Object> params = new HashMap<>(where.params());
        params.put("channel", template.channel().name());
        params.put("campaign", id);
        params.put("now", now);
        var insert = em.createNativeQuery("""
                insert into messages (store_id, customer_id, channel, direction, campaign_id, address, status,
                                      skip_reason, next_attempt_at, created_at, updated_at)
                select :store, r.id, :channel, 'OUT', :campaign, r.address,
                       case when r.reason is null then 'QUEUED' else 'SKIPPED' end, r.reason,
                       case when r.reason is null then cast(:now as timestamptz) end, :now, :now
                from (%s) r""".formatted(recipients(where.sql(), template.channel())));
        params.forEach(insert::setParameter);
        int recipients = insert.executeUpdate();
        em.createNativeQuery("""
                update campaigns set status = 'SENDING', started_at = :now, recipients = :recipients, subject = :subject,
                    body = :body, language = :language, version = version + 1
                where store_id = :store and id = :id""").setParameter("now", now).setParameter("recipients", recipients)
                .setParameter("subject", template.subject()).setParameter("body", template.body())
                .setParameter("language", template.language()).setParameter("store", tenant.storeId())
                .setParameter("id", id).executeUpdate();
    }

    /**
     * The segment's customers with the address the channel uses and why one is left out (null: sent). An address
     * any customer of the segment unsubscribed from is left out for all who share it; of the rest, the first
     * customer with the address gets it. Window functions over one pass of the segment.
     */
    private static String recipients(String where, MessageChannel channel) {
        String address = channel == MessageChannel.EMAIL ? "nullif(trim(c.email), '')" : "nullif(trim(c.mobile), '')";
        String key = channel == MessageChannel.EMAIL ? "lower(trim(c.email))"
                : "nullif(regexp_replace(c.mobile, '[^0-9]', '', 'g'), '')";
        return """
                select id, address,
                       case when address is null then 'NO_ADDRESS'
                            when opted_in is false or address_unsubscribed then 'UNSUBSCRIBED'
                            when opted_in is null then 'NO_CONSENT'
                            when row_number() over (partition by address_key, opted_in order by id) > 1
                                then 'DUPLICATE_ADDRESS' end as reason
                from (select c.id, %1$s as address, %2$s as address_key, k.opted_in,
                             coalesce(bool_or(k.opted_in is false) over (partition by %2$s), false)
                               and %2$s is not null as address_unsubscribed
                      from customers c
                      left join customer_consents k on k.store_id = c.store_id and k.customer_id = c.id
                                                   and k.channel = :channel
                      where %3$s) s""".formatted(address, key, where);
    }

    /** A scheduled campaign whose time has come: started by one instance (the row lock), skipped by the others. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void startScheduled(long id) {
        @SuppressWarnings("unchecked")
        List<Object> mine = em.createNativeQuery("select id from campaigns where store_id = ?1 and id = ?2 "
                + "and status = 'SCHEDULED' for update skip locked").setParameter(1, tenant.storeId())
                .setParameter(2, id).getResultList();
        if (!mine.isEmpty()) {
            start(id);
        }
    }

    @Transactional
    public CampaignView cancel(long id, Long expectedVersion) {
        CampaignView current = lock(id, expectedVersion);
        if (current.status() != CampaignStatus.SCHEDULED && current.status() != CampaignStatus.SENDING) {
            throw new DomainException(ProblemType.CAMPAIGN_STATE, "Only a scheduled or sending campaign can be cancelled");
        }
        Instant now = clock.instant();
        // Messages an instance holds right now finish; everything still waiting stays unsent.
        em.createNativeQuery("""
                update messages set status = 'CANCELLED', next_attempt_at = null, updated_at = :now
                where store_id = :store and campaign_id = :id and status = 'QUEUED'
                  and (leased_until is null or leased_until <= :now)""").setParameter("now", now)
                .setParameter("store", tenant.storeId()).setParameter("id", id).executeUpdate();
        em.createNativeQuery("update campaigns set status = 'CANCELLED', finished_at = :now, version = version + 1 "
                + "where store_id = :store and id = :id").setParameter("now", now)
                .setParameter("store", tenant.storeId()).setParameter("id", id).executeUpdate();
        return get(id);
    }

    /** Marks the store's sending campaigns with nothing left to send DONE. */
    @Transactional
    public int finishDrained() {
        return em.createNativeQuery("""
                update campaigns c set status = 'DONE', finished_at = :now, version = version + 1
                where c.store_id = :store and c.status = 'SENDING'
                  and not exists (select 1 from messages m where m.store_id = c.store_id and m.campaign_id = c.id
                                  and m.status = 'QUEUED')""").setParameter("now", clock.instant())
                .setParameter("store", tenant.storeId()).executeUpdate();
    }

    public Page<MessageView> recipients(long id, MessageStatus status, int limit, String cursor) {
        get(id);
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("campaign", id);
        String condition = "m.campaign_id = :campaign";
        if (status != null) {
            condition += " and m.status = :status";
            params.put("status", status.name());
        }
        return outbox.page(condition, params, limit, cursor);
    }

    private CampaignView lock(long id, Long expectedVersion) {
        em.createNativeQuery("select id from campaigns where store_id = ?1 and id = ?2 for update")
                .setParameter(1, tenant.storeId()).setParameter(2, id).getResultList();
        CampaignView current = get(id);
        if (expectedVersion != null && expectedVersion != current.version()) {
            throw new DomainException(ProblemType.PRECONDITION_FAILED,
                    "This campaign was changed by someone else: reload and try again");
        }
        return current;
    }

    private TemplateView check(CampaignRequest request) {
        List<FieldError> errors = new ArrayList<>();
        TemplateView template = null;
        try {
            template = templates.get(request.templateId());
        } catch (DomainException e) {
            errors.add(new FieldError("templateId", "is not a template of this store"));
        }
        segmentErrors(request.segment(), errors);
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        segment(request.segment()); // a filter's own problems (an unknown custom field, a saved view not found)
        return template;
    }

    private static void segmentErrors(Segment segment, List<FieldError> errors) {
        int given = (segment.filter() != null ? 1 : 0) + (segment.viewId() != null ? 1 : 0)
                + (segment.customerIds() != null ? 1 : 0);
        if (given != 1) {
            errors.add(new FieldError("segment", "must have exactly one of filter, viewId and customerIds"));
        } else if (segment.customerIds() != null && segment.customerIds().isEmpty()) {
            errors.add(FieldError.length("segment.customerIds", 1, 10_000, "must list 1 to 10,000 customer ids"));
        }
    }

    private CustomerQuery.Where segment(Segment segment) {
        if (segment.customerIds() != null) {
            Map<String, Object> params = new HashMap<>();
            params.put("store", tenant.storeId());
            params.put("segmentIds", SqlArrays.bigints(segment.customerIds()));
            return new CustomerQuery.Where("c.store_id = :store and c.id = any(cast(:segmentIds as bigint[]))", params);
        }
        if (segment.viewId() != null) {
            try {
                return queries.where(views.screen(segment.viewId()).getKey(), false);
            } catch (DomainException e) {
                if (e.type() == ProblemType.NOT_FOUND) {
                    throw DomainException.invalid("segment.viewId", "is not one of your saved views");
                }
                throw e;
            }
        }
        return queries.where(segment.filter(), false);
    }

    private CampaignView view(Object[] r) {
        long id = ((Number) r[0]).longValue();
        Segment segment;
        try {
            segment = json.readValue((String) r[5], Segment.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A campaign's segment is not readable", e);
        }
        return new CampaignView(id, (String) r[1], MessageChannel.valueOf((String) r[2]), ((Number) r[3]).longValue(),
                (String) r[4], segment, CampaignStatus.valueOf((String) r[6]), Instants.of(r[7]), (Boolean) r[8],
                counts(id, ((Number) r[9]).intValue()), ((Number) r[10]).longValue(), (String) r[11], Instants.of(r[12]),
                Instants.of(r[13]), Instants.of(r[14]), ((Number) r[15]).longValue());
    }

    /** The recipients by status; the messages_campaign index answers it without reading the rows. */
    private Counts counts(long id, int recipients) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select status, count(*) from messages where store_id = ?1 "
                + "and campaign_id = ?2 group by status").setParameter(1, tenant.storeId()).setParameter(2, id)
                .getResultList();
        Map<String, Integer> by = new HashMap<>();
        rows.forEach(r -> by.put((String) r[0], ((Number) r[1]).intValue()));
        return new Counts(recipients, by.getOrDefault("QUEUED", 0), by.getOrDefault("SENT", 0),
                by.getOrDefault("DELIVERED", 0), by.getOrDefault("BOUNCED", 0), by.getOrDefault("FAILED", 0),
                by.getOrDefault("SKIPPED", 0), by.getOrDefault("CANCELLED", 0));
    }

    private String json(Segment segment) {
        try {
            return json.writeValueAsString(segment);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
