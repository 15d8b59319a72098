package com.harborcrm.common.security;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import com.harborcrm.common.cache.ChangeFeed;
import com.harborcrm.common.cache.SharedCache;

/**
 * What the token check needs of a user (role, token version), and the team pools may name as members, for active
 * users only, kept in memory so that an authenticated request does not pay a round trip for it. Role changes and
 * deactivations bump the token version in the database; that row's trigger, and a team change's, tell every
 * instance (V79, V107, {@link ChangeFeed}).
 */
@ApplicationScoped
public class ActiveUsers {

    /** Each entry is a few dozen bytes: the active users of a few thousand stores. */
    private static final int MAX_ENTRIES = 50_000;

    /** {@code teamKey}: the team as PostgreSQL lower-cases it (pools compare teams so), or null. */
    record Entry(Role role, long tokenVersion, String teamKey) {
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

    /**
     * The team of an active user, lower-cased by PostgreSQL as pool membership compares it; empty when the user has
     * none or is not active. The store must have been entered already.
     */
    public Optional<String> teamKeyOf(long storeId, long userId) {
        Entry entry = cache.get(key(storeId, userId), () -> load(storeId, userId));
        return entry == null ? Optional.empty() : Optional.ofNullable(entry.teamKey());
    }

    /** The user's role, activity, token version or team changes in this transaction. */
    public void changing(long storeId, long userId) {
        cache.forgetAfterCompletion(key(storeId, userId));
    }

    private Entry load(long storeId, long userId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                "select role, token_version, lower(team) from users where store_id = ?1 and id = ?2 and active")
                .setParameter(1, storeId).setParameter(2, userId).getResultList();
        return rows.isEmpty() ? null
                : new Entry(Role.valueOf((String) rows.get(0)[0]), ((Number) rows.get(0)[1]).longValue(),
                        (String) rows.get(0)[2]);
    }

    private static String key(long storeId, long userId) {
        return storeId + ":" + userId;
    }
}
