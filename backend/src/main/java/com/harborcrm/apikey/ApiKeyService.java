package com.harborcrm.apikey;

import java.security.SecureRandom;
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

import com.harborcrm.account.AccountService;
import com.harborcrm.apikey.ApiKeyDtos.ApiKeyStatus;
import com.harborcrm.apikey.ApiKeyDtos.ApiKeyView;
import com.harborcrm.apikey.ApiKeyDtos.CreateApiKeyRequest;
import com.harborcrm.apikey.ApiKeyDtos.CreatedApiKey;
import com.harborcrm.common.audit.AuditLog;
import com.harborcrm.common.config.HarborConfig;
import com.harborcrm.common.error.DomainException;
import com.harborcrm.common.error.ProblemType;
import com.harborcrm.common.paging.Cursor;
import com.harborcrm.common.paging.Page;
import com.harborcrm.common.security.ApiKeyAuthentication;
import com.harborcrm.common.security.ApiKeyScope;
import com.harborcrm.common.security.CurrentUser;
import com.harborcrm.common.sql.SqlArrays;
import com.harborcrm.common.tenancy.TenantContext;
import com.harborcrm.common.time.Instants;

/**
 * The store's API keys: created with their secret shown once, listed without it, revoked for good. Verifying a
 * key on a request is common/security/ApiKeyAuthentication's job; this is the admin's side.
 */
@ApplicationScoped
public class ApiKeyService {

    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    /** 43 characters of 62: 256 bits, as much as the SHA-256 that stores them. */
    private static final int SECRET_LENGTH = 43;
    private static final int PREFIX_LENGTH = ApiKeyAuthentication.PREFIX.length() + 4;
    private static final SecureRandom RANDOM = new SecureRandom();

    private static final String SELECT = """
            select k.id, k.name, k.prefix, array_to_string(k.scopes, ','), k.rate_limit_per_minute, k.expires_at, k.created_at,
                   k.created_by, cu.name, k.last_used_at, k.revoked_at, ru.name
            from api_keys k
            join users cu on cu.store_id = k.store_id and cu.id = k.created_by
            left join users ru on ru.store_id = k.store_id and ru.id = k.revoked_by
            """;

    @Inject
    EntityManager em;

    @Inject
    TenantContext tenant;

    @Inject
    CurrentUser currentUser;

    @Inject
    AccountService accounts;

    @Inject
    AuditLog audit;

    @Inject
    HarborConfig config;

    @Inject
    Clock clock;

    /** Newest first, revoked and expired keys included (they explain what a timeline names). */
    public Page<ApiKeyView> list(int limit, String cursor) {
        long before = cursor == null ? Long.MAX_VALUE : Cursor.decodeLong(cursor);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(SELECT + " where k.store_id = ?1 and k.id < ?2 order by k.id desc limit ?3")
                .setParameter(1, tenant.storeId()).setParameter(2, before).setParameter(3, limit + 1).getResultList();
        Instant now = clock.instant();
        List<ApiKeyView> items = rows.stream().limit(limit).map(r -> view(r, now)).toList();
        return Page.of(items, rows.size() > limit ? Cursor.encode(items.get(items.size() - 1).id()) : null);
    }

    public ApiKeyView get(long id) {
        return find(id).orElseThrow(() -> DomainException.notFound("API key " + id));
    }

    @Transactional
    public CreatedApiKey create(CreateApiKeyRequest request) {
        long store = tenant.storeId();
        // One creation at a time per store, so that two cannot both pass the count.
        em.createNativeQuery("select pg_advisory_xact_lock(hashtextextended('api-keys:' || ?1, 0))")
                .setParameter(1, store).getSingleResult();
        Instant now = clock.instant();
        long active = ((Number) em.createNativeQuery("select count(*) from api_keys where store_id = ?1 "
                + "and revoked_at is null and (expires_at is null or expires_at > ?2)")
                .setParameter(1, store).setParameter(2, now).getSingleResult()).longValue();
        int max = config.apiKeys().maxActivePerStore();
        if (active >= max) {
            throw new DomainException(ProblemType.CONFLICT, "The store has " + active + " active API keys, the most "
                    + "it may hold. Revoke one it no longer needs first.");
        }
        String name = request.name().trim();
        String token = ApiKeyAuthentication.PREFIX + secret();
        List<String> scopes = request.scopes().stream().distinct().toList();
        long principal = accounts.createServicePrincipal(name);
        int rateLimit = request.rateLimitPerMinute() == null ? config.apiKeys().defaultRateLimitPerMinute()
                : request.rateLimitPerMinute();
        long id = ((Number) em.createNativeQuery("""
                insert into api_keys (store_id, user_id, name, prefix, scopes, rate_limit_per_minute, expires_at,
                                      created_by, created_at)
                values (?1, ?2, ?3, ?4, cast(?5 as text[]), ?6, ?7, ?8, ?9) returning id""")
                .setParameter(1, store).setParameter(2, principal).setParameter(3, name)
                .setParameter(4, token.substring(0, PREFIX_LENGTH)).setParameter(5, SqlArrays.texts(scopes))
                .setParameter(6, rateLimit).setParameter(7, request.expiresAt()).setParameter(8, currentUser.id())
                .setParameter(9, now).getSingleResult()).longValue();
        em.createNativeQuery("insert into api_key_hashes (token_hash, store_id, key_id) values (?1, ?2, ?3)")
                .setParameter(1, ApiKeyAuthentication.hash(token)).setParameter(2, store).setParameter(3, id)
                .executeUpdate();
        audit.record("API_KEY_CREATED", "api_key", id, Map.of("name", name, "scopes", scopes));
        return new CreatedApiKey(get(id), token);
    }

    /** Revoked at once: the next request with the key fails on every instance. Revoking twice changes nothing. */
    @Transactional
    public void revoke(long id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select user_id, revoked_at from api_keys "
                + "where store_id = ?1 and id = ?2 for update").setParameter(1, tenant.storeId()).setParameter(2, id)
                .getResultList();
        if (rows.isEmpty()) {
            throw DomainException.notFound("API key " + id);
        }
        if (rows.get(0)[1] != null) {
            return;
        }
        em.createNativeQuery("update api_keys set revoked_at = ?1, revoked_by = ?2 where store_id = ?3 and id = ?4")
                .setParameter(1, clock.instant()).setParameter(2, currentUser.id()).setParameter(3, tenant.storeId())
                .setParameter(4, id).executeUpdate();
        accounts.deactivateServicePrincipal(((Number) rows.get(0)[0]).longValue());
        audit.record("API_KEY_REVOKED", "api_key", id, Map.of());
    }

    private Optional<ApiKeyView> find(long id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(SELECT + " where k.store_id = ?1 and k.id = ?2")
                .setParameter(1, tenant.storeId()).setParameter(2, id).getResultList();
        Instant now = clock.instant();
        return rows.stream().findFirst().map(r -> view(r, now));
    }

    private static ApiKeyView view(Object[] r, Instant now) {
        Instant expiresAt = Instants.of(r[5]);
        Instant revokedAt = Instants.of(r[10]);
        ApiKeyStatus status = revokedAt != null ? ApiKeyStatus.REVOKED
                : expiresAt != null && !expiresAt.isAfter(now) ? ApiKeyStatus.EXPIRED : ApiKeyStatus.ACTIVE;
        List<ApiKeyScope> scopes = Arrays.stream(((String) r[3]).split(",")).map(ApiKeyScope::of).flatMap(Optional::stream).toList();
        return new ApiKeyView(((Number) r[0]).longValue(), (String) r[1], (String) r[2], scopes,
                ((Number) r[4]).intValue(), expiresAt, status, Instants.of(r[6]), ((Number) r[7]).longValue(),
                (String) r[8], Instants.of(r[9]), revokedAt, (String) r[11]);
    }

    private static String secret() {
        StringBuilder secret = new StringBuilder(SECRET_LENGTH);
        for (int i = 0; i < SECRET_LENGTH; i++) {
            secret.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return secret.toString();
    }
}
