package com.harborcrm.messaging;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.harborcrm.common.error.DomainException;
import com.harborcrm.common.error.FieldError;
import com.harborcrm.common.error.ProblemType;
import com.harborcrm.common.security.CurrentUser;
import com.harborcrm.common.tenancy.TenantContext;
import com.harborcrm.common.time.Instants;
import com.harborcrm.customer.CustomerService;
import com.harborcrm.messaging.MessagingDtos.Placeholder;
import com.harborcrm.messaging.MessagingDtos.PreviewRequest;
import com.harborcrm.messaging.MessagingDtos.Rendered;
import com.harborcrm.messaging.MessagingDtos.TemplateRequest;
import com.harborcrm.messaging.MessagingDtos.TemplateView;

/** Message templates: checked when saved (placeholders, lengths, no header injection), so sending never fails on them. */
@ApplicationScoped
public class TemplateService {

    private static final String SELECT = "select id, name, channel, language, subject, body, created_at, updated_at, "
            + "version from message_templates where store_id = :store";

    @Inject
    EntityManager em;

    @Inject
    TenantContext tenant;

    @Inject
    CurrentUser currentUser;

    @Inject
    Clock clock;

    @Inject
    MessageRenderer renderer;

    @Inject
    MessagingSettingsService settings;

    @Inject
    CustomerService customers;

    public List<TemplateView> list() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(SELECT + " order by lower(name), channel, language, id")
                .setParameter("store", tenant.storeId()).getResultList();
        return rows.stream().map(TemplateService::view).toList();
    }

    public TemplateView get(long id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(SELECT + " and id = :id").setParameter("store", tenant.storeId())
                .setParameter("id", id).getResultList();
        if (rows.isEmpty()) {
            throw DomainException.notFound("Template " + id);
        }
        return view(rows.get(0));
    }

    @Transactional
    public TemplateView create(TemplateRequest request) {
        check(request);
        Number count = (Number) em.createNativeQuery("select count(*) from message_templates where store_id = ?1")
                .setParameter(1, tenant.storeId()).getSingleResult();
        if (count.intValue() >= MessagingDtos.MAX_TEMPLATES) {
            throw new DomainException(ProblemType.CONFLICT,
                    "The store has " + MessagingDtos.MAX_TEMPLATES + " templates, the most it may: delete one first");
        }
        refuseTakenName(request, null);
        Instant now = clock.instant();
        Number id = (Number) em.createNativeQuery("""
                insert into message_templates (store_id, name, channel, language, subject, body, created_by, created_at,
                                               updated_at)
                values (:store, :name, :channel, :language, :subject, :body, :by, :now, :now) returning id""")
                .setParameter("store", tenant.storeId()).setParameter("name", request.name().trim())
                .setParameter("channel", request.channel().name()).setParameter("language", request.language())
                .setParameter("subject", subjectOf(request)).setParameter("body", request.body())
                .setParameter("by", currentUser.id()).setParameter("now", now).getSingleResult();
        return get(id.longValue());
    }

    @Transactional
    public TemplateView replace(long id, TemplateRequest request, Long expectedVersion) {
        TemplateView current = get(id);
        if (expectedVersion != null && expectedVersion != current.version()) {
            throw new DomainException(ProblemType.PRECONDITION_FAILED,
                    "This template was changed by someone else: reload and try again");
        }
        check(request);
        refuseTakenName(request, id);
        em.createNativeQuery("""
                update message_templates set name = :name, channel = :channel, language = :language, subject = :subject,
                    body = :body, updated_at = :now, version = version + 1 where store_id = :store and id = :id""")
                .setParameter("store", tenant.storeId()).setParameter("id", id).setParameter("name", request.name().trim())
                .setParameter("channel", request.channel().name()).setParameter("language", request.language())
                .setParameter("subject", subjectOf(request)).setParameter("body", request.body())
                .setParameter("now", clock.instant()).executeUpdate();
        return get(id);
    }

    @Transactional
    public void delete(long id) {
        get(id);
        Number used = (Number) em.createNativeQuery(
                "select count(*) from campaigns where store_id = ?1 and template_id = ?2").setParameter(1, tenant.storeId())
                .setParameter(2, id).getSingleResult();
        if (used.intValue() > 0) {
            throw new DomainException(ProblemType.TEMPLATE_IN_USE,
                    used + " campaign(s) use this template: it stays as their record");
        }
        em.createNativeQuery("delete from message_templates where store_id = ?1 and id = ?2")
                .setParameter(1, tenant.storeId()).setParameter(2, id).executeUpdate();
    }

    public List<Placeholder> placeholders() {
        List<Placeholder> items = new ArrayList<>();
        TemplateText.FIXED.forEach((key, description) -> items.add(new Placeholder(key, description)));
        @SuppressWarnings("unchecked")
        List<Object[]> fields = em.createNativeQuery(
                "select key, label from custom_field_definitions where store_id = ?1 order by id")
                .setParameter(1, tenant.storeId()).getResultList();
        fields.forEach(f -> items.add(new Placeholder("cf." + f[0], "Custom field: " + f[1])));
        return items;
    }

    /** A text rendered for one customer the caller may see (a pool customer's values as the caller sees them). */
    @Transactional
    public Rendered preview(PreviewRequest request) {
        List<FieldError> errors = new ArrayList<>();
        renderer.check("subject", request.subject(), "body", request.body(), errors);
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        customers.findVisible(request.customerId(), jakarta.persistence.LockModeType.NONE);
        var channels = settings.channels();
        String unsubscribe = request.channel() == MessageChannel.EMAIL
                ? renderer.unsubscribePage(channels, request.customerId(), request.channel()) : null;
        return renderer.render(request.channel(), request.subject(), request.body(),
                renderer.values(request.customerId(), unsubscribe), null);
    }

    void check(TemplateRequest request) {
        List<FieldError> errors = new ArrayList<>();
        if (request.channel() == MessageChannel.EMAIL && (request.subject() == null || request.subject().isBlank())) {
            errors.add(FieldError.required("subject"));
        }
        if (request.channel() == MessageChannel.SMS && request.body().length() > MessagingDtos.MAX_SMS_BODY) {
            errors.add(FieldError.length("body", 1, MessagingDtos.MAX_SMS_BODY,
                    "must be at most " + MessagingDtos.MAX_SMS_BODY + " characters for SMS"));
        }
        renderer.check("subject", subjectOf(request), "body", request.body(), errors);
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
    }

    private void refuseTakenName(TemplateRequest request, Long except) {
        Number taken = (Number) em.createNativeQuery("""
                select count(*) from message_templates where store_id = ?1 and lower(name) = lower(?2) and channel = ?3
                  and language = ?4 and id <> ?5""").setParameter(1, tenant.storeId())
                .setParameter(2, request.name().trim()).setParameter(3, request.channel().name())
                .setParameter(4, request.language()).setParameter(5, except == null ? -1L : except).getSingleResult();
        if (taken.intValue() > 0) {
            throw DomainException.invalid(FieldError.taken("name",
                    "is the name of another template of this channel and language"));
        }
    }

    private static String subjectOf(TemplateRequest request) {
        return request.channel() == MessageChannel.SMS ? null : request.subject();
    }

    static TemplateView view(Object[] r) {
        return new TemplateView(((Number) r[0]).longValue(), (String) r[1], MessageChannel.valueOf((String) r[2]),
                (String) r[3], (String) r[4], (String) r[5], Instants.of(r[6]), Instants.of(r[7]),
                ((Number) r[8]).longValue());
    }
}
