package com.harborcrm.common.security;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import com.harborcrm.common.cache.ChangeFeed;
import com.harborcrm.common.cache.SharedCache;

/**
 * What the token check needs of a user (role, token version), for active users only, kept in memory so that an
 * authenticated request does not pay a round trip for it. Role changes and deactivations bump the token version
 * in the database, whose trigger tells every instance (V79, {@link ChangeFeed}).
 */
@ApplicationScoped
public class ActiveUsers {

    /** Each entry is a few dozen bytes: the active users of a few thousand stores. */
    private static final int MAX_ENTRIES = 50_000;

    record Entry(Role role, long tokenVersion) {
    }

    @Inject
    EntityManager em;

    private final SharedCache<Entry> cache;

    @Inject
    ActiveUsers(ChangeFeed feed) {
        this.cache = feed.cache("user", MAX_ENTRIES);
    }

    /**
     * The role of the user a token names, if that user is active and the token is of their current version.
     * The store must have been entered already (the read goes through the request's session).
     */
    Optional<Role> roleOf(long storeId, long userId, long tokenVersion) {
        String key = key(storeId, userId);
        Entry entry = cache.get(key, () -> load(storeId, userId));
        if (entry != null && tokenVersion > entry.tokenVersion()) {
            // A token newer than the copy: the copy missed a change still on its way. Ask the database.
            cache.forget(key);
            entry = load(storeId, userId);
        }
        return entry == null || entry.tokenVersion() != tokenVersion ? Optional.empty() : Optional.of(entry.role());
    }

    /** The user's role, activity or token version changes in this transaction. */
    public void changing(long storeId, long userId) {
        cache.forgetAfterCompletion(key(storeId, userId));
    }

    private Entry load(long storeId, long userId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                "select role, token_version from users where store_id = ?1 and id = ?2 and active")
                .setParameter(1, storeId).setParameter(2, userId).getResultList();
        return rows.isEmpty() ? null
                : new Entry(Role.valueOf((String) rows.get(0)[0]), ((Number) rows.get(0)[1]).longValue());
    }

    private static String key(long storeId, long userId) {
        return storeId + ":" + userId;
    }
}
