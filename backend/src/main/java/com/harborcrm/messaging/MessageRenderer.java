package com.harborcrm.messaging;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.harborcrm.common.config.HarborConfig;
import com.harborcrm.common.error.DomainException;
import com.harborcrm.common.error.FieldError;
import com.harborcrm.common.tenancy.TenantContext;
import com.harborcrm.messaging.MessagingDtos.Rendered;
import com.harborcrm.messaging.MessagingSettingsService.Channels;

/** A template's text made into one customer's message: the values of the customer file, the unsubscribe link. */
@ApplicationScoped
public class MessageRenderer {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EntityManager em;

    @Inject
    TenantContext tenant;

    @Inject
    HarborConfig config;

    public Set<String> customFieldKeys() {
        @SuppressWarnings("unchecked")
        List<String> keys = em.createNativeQuery("select key from custom_field_definitions where store_id = ?1")
                .setParameter(1, tenant.storeId()).getResultList();
        return new HashSet<>(keys);
    }

    /** Every problem of a subject and body, as field errors under the given names. */
    public void check(String subjectField, String subject, String bodyField, String body, List<FieldError> errors) {
        Set<String> keys = customFieldKeys();
        for (String problem : TemplateText.problems(subject, keys)) {
            errors.add(placeholderError(subjectField, problem, keys));
        }
        for (String problem : TemplateText.problems(body, keys)) {
            errors.add(placeholderError(bodyField, problem, keys));
        }
    }

    private static FieldError placeholderError(String field, String problem, Set<String> keys) {
        List<String> allowed = new java.util.ArrayList<>(TemplateText.FIXED.keySet());
        keys.stream().sorted().forEach(k -> allowed.add("cf." + k));
        return new FieldError(field, problem, FieldError.Code.UNKNOWN, null, null, null, allowed);
    }

    /** The customer's values by placeholder key; the customer must exist in the current store. */
    public Map<String, String> values(long customerId, String unsubscribeUrl) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select c.name, c.company_name, c.position, c.email, c.country, c.city, c.website,
                       u.name as owner_name, u.email as owner_email, s.name as store_name, cast(c.custom_fields as text)
                from customers c
                join stores s on s.id = c.store_id
                left join customer_owners o on o.store_id = c.store_id and o.customer_id = c.id
                left join users u on u.store_id = o.store_id and u.id = o.owner_id
                where c.store_id = ?1 and c.id = ?2""").setParameter(1, tenant.storeId()).setParameter(2, customerId)
                .getResultList();
        if (rows.isEmpty()) {
            throw DomainException.notFound("Customer " + customerId);
        }
        Object[] r = rows.get(0);
        Map<String, String> values = new HashMap<>();
        String[] keys = {"name", "companyName", "position", "email", "country", "city", "website", "owner.name",
                "owner.email", "store.name"};
        for (int i = 0; i < keys.length; i++) {
            if (r[i] != null) {
                values.put(keys[i], r[i].toString());
            }
        }
        if (r[10] != null) {
            try {
                JsonNode fields = JSON.readTree((String) r[10]);
                fields.fields().forEachRemaining(f -> {
                    JsonNode v = f.getValue();
                    String text = v.isArray() ? String.join(", ", JSON.convertValue(v, String[].class))
                            : v.isNull() ? null : v.asText();
                    if (text != null) {
                        values.put("cf." + f.getKey(), text);
                    }
                });
            } catch (JsonProcessingException | IllegalArgumentException e) {
                // custom fields are written by Harbor as an object; nothing to add if not
            }
        }
        if (unsubscribeUrl != null) {
            values.put("unsubscribeUrl", unsubscribeUrl);
        }
        return values;
    }

    /**
     * One customer's copy. A campaign e-mail whose template does not place {@code {{unsubscribeUrl}}} gets it in a
     * footer, in the template's language.
     */
    public Rendered render(MessageChannel channel, String subject, String body, Map<String, String> values,
            String footerLanguage) {
        String text = body;
        if (footerLanguage != null && channel == MessageChannel.EMAIL && !TemplateText.mentions(body, "unsubscribeUrl")) {
            text = body + (footerLanguage.equals("zh-CN") ? "\n\n——\n不想再收到这类邮件？退订：{{unsubscribeUrl}}"
                    : "\n\n—\nDon't want these e-mails? Unsubscribe: {{unsubscribeUrl}}");
        }
        String renderedText = TemplateText.render(text, values);
        if (channel == MessageChannel.SMS) {
            return new Rendered(null, renderedText, null);
        }
        return new Rendered(TemplateText.renderLine(subject, values), renderedText, TemplateText.renderHtml(text, values));
    }

    /** The landing page a person opens from the e-mail's text. */
    public String unsubscribePage(Channels channels, long customerId, MessageChannel channel) {
        return base() + "/unsubscribe/" + token(channels, customerId, channel);
    }

    /** The RFC 8058 one-click target a mail client POSTs to. */
    public String unsubscribeOneClick(Channels channels, long customerId, MessageChannel channel) {
        return base() + "/api/v1/unsubscribe/" + token(channels, customerId, channel);
    }

    private String token(Channels channels, long customerId, MessageChannel channel) {
        return UnsubscribeLinks.token(channels.unsubscribeKey(),
                new UnsubscribeLinks.Subject(channels.storeId(), customerId, channel));
    }

    private String base() {
        return config.messaging().publicUrl().replaceAll("/+$", "");
    }
}
