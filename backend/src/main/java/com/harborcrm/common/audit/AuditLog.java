package com.harborcrm.common.audit;

import java.time.Clock;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.harborcrm.common.security.CurrentUser;
import com.harborcrm.common.tenancy.TenantContext;

/**
 * The store's audit trail for actions whose subject disappears, such as permanent deletes. It keeps ids and
 * counts only, never personal data, so that it can outlive the data it talks about.
 */
@ApplicationScoped
public class AuditLog {

    @Inject
    EntityManager em;

    @Inject
    TenantContext tenant;

    @Inject
    CurrentUser currentUser;

    @Inject
    ObjectMapper mapper;

    @Inject
    Clock clock;

    /** Must run inside the transaction of the action, so that both happen or neither. */
    public void record(String action, String entityType, long entityId, Map<String, Object> data) {
        try {
            em.createNativeQuery("insert into audit_events (store_id, at, actor_id, action, entity_type, entity_id, data) "
                    + "values (?1, ?2, ?3, ?4, ?5, ?6, cast(?7 as jsonb))")
                    .setParameter(1, tenant.storeId()).setParameter(2, clock.instant()).setParameter(3, currentUser.id())
                    .setParameter(4, action).setParameter(5, entityType).setParameter(6, entityId)
                    .setParameter(7, mapper.writeValueAsString(data)).executeUpdate();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
