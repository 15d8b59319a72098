package com.harborcrm.common.tenancy;

import jakarta.enterprise.context.RequestScoped;

/**
 * The store the current request (or scheduled unit of work) acts for. Hibernate reads it through
 * {@link StoreTenantResolver} when it opens a session, so it must be set before the first query.
 */
@RequestScoped
public class TenantContext {

    /** Matches no store: ids start at 1. Unauthenticated work sees nothing store-owned. */
    public static final long NO_STORE = 0L;

    private Long storeId;

    public void enter(long storeId) {
        if (this.storeId != null && this.storeId != storeId) {
            throw new IllegalStateException("The tenant of a unit of work cannot change");
        }
        this.storeId = storeId;
    }

    public boolean isSet() {
        return storeId != null;
    }

    /** The current store id; fails loudly rather than leaking data across stores. */
    public long storeId() {
        if (storeId == null) {
            throw new IllegalStateException("No store is set for this unit of work");
        }
        return storeId;
    }

    long storeIdOrNone() {
        return storeId == null ? NO_STORE : storeId;
    }
}
