package com.harborcrm.customer;

import java.util.List;

/**
 * Which pools the caller may see and claim from (pools v2): a rep only the pools they belong to, managers, admins
 * and API keys every pool of the store. Defined here, where the customer reads need it, and answered by the pool
 * feature (pool/PoolDirectory), so that customer does not depend on pool.
 */
public interface PoolAccess {

    /** Null when the caller sees every pool; else the ids of the pools the calling rep belongs to (maybe none). */
    List<Long> visiblePools();

    /** Whether {@code poolId} is a pool of the store that the caller may put customers in (one they see). */
    boolean isUsable(long poolId);

    /** Whether the caller may see a pool customer of {@code poolId}. */
    default boolean canSeePool(Long poolId) {
        List<Long> visible = visiblePools();
        return visible == null || (poolId != null && visible.contains(poolId));
    }

    /**
     * SQL condition on the ownership row aliased {@code o} ("o.pool_id = any(...)") binding {@code :visiblePools},
     * or null when the caller sees every pool.
     */
    static String inVisiblePools(String o) {
        return o + ".pool_id = any(cast(:visiblePools as bigint[]))";
    }
}
