package com.harborcrm.pool;

import java.util.Collection;
import java.util.stream.Collectors;

/** Small helpers for the pool's native SQL. */
final class PoolSql {

    private PoolSql() {
    }

    /** A bigint[] literal, bound as text and cast in SQL: {@code id = any(cast(:ids as bigint[]))}. */
    static String idArray(Collection<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
    }

    /** The advisory lock key that serializes everything giving customers to one user (claims, assigns). */
    static String ownerLockKey(long storeId, long userId) {
        return "pool-owner:" + storeId + ":" + userId;
    }

    static String sweepLockKey(long storeId) {
        return "pool-sweep:" + storeId;
    }
}
