package com.harborcrm.account;

import java.time.ZoneId;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import com.harborcrm.common.cache.ChangeFeed;
import com.harborcrm.common.cache.SharedCache;
import com.harborcrm.common.tenancy.TenantContext;

/** The current store's time zone (its days: daily claim limits, reminders, filters by date), kept in memory. */
@ApplicationScoped
public class StoreTimeZones {

    private static final int MAX_ENTRIES = 20_000;

    @Inject
    EntityManager em;

    @Inject
    TenantContext tenant;

    private final SharedCache<ZoneId> cache;

    @Inject
    StoreTimeZones(ChangeFeed feed) {
        this.cache = feed.cache("store", MAX_ENTRIES);
    }

    public ZoneId current() {
        long storeId = tenant.storeId();
        return cache.get(Long.toString(storeId), () -> ZoneId.of((String) em
                .createNativeQuery("select time_zone from stores where id = ?1").setParameter(1, storeId)
                .getSingleResult()));
    }

    /** When the current store's day that holds {@code now} began (its daily limits count from there). */
    public java.time.Instant startOfDay(java.time.Instant now) {
        ZoneId zone = current();
        return java.time.LocalDate.ofInstant(now, zone).atStartOfDay(zone).toInstant();
    }

    /** The current store's zone changes in this transaction: read it from the database until it ends. */
    public void changing() {
        cache.forgetAfterCompletion(Long.toString(tenant.storeId()));
    }
}
