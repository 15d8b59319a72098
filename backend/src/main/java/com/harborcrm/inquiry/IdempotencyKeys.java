package com.harborcrm.inquiry;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.harborcrm.common.error.DomainException;
import com.harborcrm.common.error.ProblemType;
import com.harborcrm.common.security.CurrentUser;
import com.harborcrm.common.tenancy.TenantContext;

/**
 * The first answer to each Idempotency-Key of an operation, per store: a retry with the same body gets that answer
 * again, with the same status; the same key with another body is refused. The key is locked for the transaction,
 * so concurrent requests with one key run one after the other and the later one replays.
 */
@ApplicationScoped
public class IdempotencyKeys {

    public static final String HEADER = "Idempotency-Key";
    public static final int MAX_LENGTH = 200;

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

    public record Answer(int status, JsonNode body) {
    }

    /** The key as given, if it is one: 1 to 200 visible ASCII characters. */
    public static String require(String key) {
        if (key == null || key.isEmpty()) {
            throw DomainException.invalid(HEADER, "is required: a unique string per inquiry, e.g. a UUID");
        }
        if (key.length() > MAX_LENGTH || !key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            throw DomainException.invalid(HEADER, "must be 1 to " + MAX_LENGTH + " visible ASCII characters");
        }
        return key;
    }

    /**
     * Locks the key until the transaction ends and answers the stored answer if the key was used with the same
     * request; empty if the key is new. Must run inside the caller's transaction.
     */
    public Optional<Answer> lockAndFind(String operation, String key, JsonNode request) {
        em.createNativeQuery("select pg_advisory_xact_lock(hashtextextended(?1, ?2))")
                .setParameter(1, "idempotency:" + operation + ":" + key).setParameter(2, tenant.storeId())
                .getSingleResult();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select status, cast(response as text), request = cast(?4 as jsonb) "
                + "from idempotency_keys where store_id = ?1 and operation = ?2 and key = ?3")
                .setParameter(1, tenant.storeId()).setParameter(2, operation).setParameter(3, key)
                .setParameter(4, write(request)).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        if (!Boolean.TRUE.equals(rows.get(0)[2])) {
            throw new DomainException(ProblemType.IDEMPOTENCY_KEY_REUSED, "This Idempotency-Key was already used "
                    + "with another request body: send a new key for a new inquiry, or the same body to repeat one");
        }
        try {
            return Optional.of(new Answer(((Number) rows.get(0)[0]).intValue(), mapper.readTree((String) rows.get(0)[1])));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Records the answer to a new key, in the transaction that did the work. */
    public void save(String operation, String key, JsonNode request, int status, Object answer) {
        em.createNativeQuery("insert into idempotency_keys (store_id, operation, key, request, status, response, "
                + "created_by, created_at) values (?1, ?2, ?3, cast(?4 as jsonb), ?5, cast(?6 as jsonb), ?7, ?8)")
                .setParameter(1, tenant.storeId()).setParameter(2, operation).setParameter(3, key)
                .setParameter(4, write(request)).setParameter(5, status).setParameter(6, write(answer))
                .setParameter(7, currentUser.id()).setParameter(8, clock.instant())
                .executeUpdate();
    }

    private String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
