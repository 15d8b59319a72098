package com.harborcrm.webhook;

import java.time.Instant;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.harborcrm.common.tenancy.TenantContext;

/**
 * Publishes an event that no table row announces (a customer's field edits) into the webhook outbox, in the
 * caller's transaction. Everything else is written by the database triggers of V88. Costs one index probe when no
 * subscription of the store listens to the type.
 */
@ApplicationScoped
public class WebhookOutbox {

    @Inject
    EntityManager em;

    @Inject
    TenantContext tenant;

    @Inject
    ObjectMapper mapper;

    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(WebhookEventType type, Long customerId, Instant at, Map<String, Object> data) {
        try {
            em.createNativeQuery("""
                    insert into webhook_messages (store_id, event_type, customer_id, occurred_at, data)
                    select ?1, ?2, ?3, ?4, cast(?5 as jsonb) where webhook_listening(?1, ?2)""")
                    .unwrap(org.hibernate.query.NativeQuery.class)
                    .setParameter(1, tenant.storeId()).setParameter(2, type.wireName())
                    .setParameter(3, customerId, Long.class).setParameter(4, at)
                    .setParameter(5, mapper.writeValueAsString(data)).executeUpdate();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
