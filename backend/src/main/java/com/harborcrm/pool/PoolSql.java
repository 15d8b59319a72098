package com.harborcrm.pool;


/** Small helpers for the pool's native SQL. */
final class PoolSql {

    private PoolSql() {
    }

    /** The advisory lock key that serializes everything giving customers to one user (claims, assigns). */
    static String ownerLockKey(long storeId, long userId) {
        return "pool-owner:" + storeId + ":" + userId;
    }

    static String sweepLockKey(long storeId) {
        return "pool-sweep:" + storeId;
    }
}
