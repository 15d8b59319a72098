package com.harborcrm.customer;

import java.time.Instant;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.harborcrm.common.tenancy.TenantContext;

/**
 * Appends to {@code customer_events} in the caller's transaction. By convention {@code data} carries the
 * customer's {@code ownerId} and {@code stage} at the time of the event, besides the event's own from/to, so
 * that statistics can attribute every event without replaying history.
 */
@ApplicationScoped
public class CustomerEventLog {

    @Inject
    EntityManager em;

    @Inject
    TenantContext tenant;

    @Inject
    ObjectMapper mapper;

    public void record(long customerId, CustomerEventType type, Instant at, Long actorId, Map<String, Object> data) {
        try {
            em.createNativeQuery("insert into customer_events (store_id, customer_id, type, at, actor_id, data) "
                    + "values (?1, ?2, ?3, ?4, ?5, cast(?6 as jsonb))")
                    .unwrap(org.hibernate.query.NativeQuery.class)
                    .setParameter(1, tenant.storeId()).setParameter(2, customerId).setParameter(3, type.name())
                    .setParameter(4, at).setParameter(5, actorId, Long.class)
                    .setParameter(6, mapper.writeValueAsString(data))
                    .executeUpdate();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
