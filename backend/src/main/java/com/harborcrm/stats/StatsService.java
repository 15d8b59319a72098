package com.harborcrm.stats;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MultivaluedMap;

import com.harborcrm.common.security.CurrentUser;
import com.harborcrm.common.tenancy.TenantContext;
import com.harborcrm.stats.StatsDtos.ChurnGrouping;
import com.harborcrm.stats.StatsDtos.ChurnReport;
import com.harborcrm.stats.StatsDtos.FunnelReport;
import com.harborcrm.stats.StatsDtos.RepReport;

/** Who sees which figures (reps their own, managers and admins the store's) and in which period. */
@ApplicationScoped
public class StatsService {

    @Inject
    TenantContext tenant;

    @Inject
    CurrentUser currentUser;

    @Inject
    Clock clock;

    @Inject
    StatsDatabase db;

    @Inject
    ChurnStats churn;

    @Inject
    FunnelStats funnel;

    @Inject
    RepStats reps;

    @Inject
    SalesStats sales;

    public ChurnReport churn(MultivaluedMap<String, String> query, Set<String> allowed, ChurnGrouping groupBy) {
        return churn.report(tenant.storeId(), ownScope(), period(query, allowed), groupBy);
    }

    public FunnelReport funnel(MultivaluedMap<String, String> query, Set<String> allowed) {
        return funnel.report(tenant.storeId(), ownScope(), period(query, allowed));
    }

    public StatsDtos.SalesReport sales(MultivaluedMap<String, String> query, Set<String> allowed,
            StatsDtos.SalesGrouping groupBy) {
        return sales.report(tenant.storeId(), ownScope(), period(query, allowed), groupBy);
    }

    public RepReport reps(MultivaluedMap<String, String> query, Set<String> allowed) {
        return reps.report(tenant.storeId(), ownScope(), period(query, allowed));
    }

    /** A rep's figures are their own: the user id every query narrows to; null for the store's. */
    private Long ownScope() {
        return currentUser.isManagerOrAdmin() ? null : currentUser.id();
    }

    private StatsPeriod period(MultivaluedMap<String, String> query, Set<String> allowed) {
        String zone = db.query("select time_zone from stores where id = ?", tenant.storeId()).get(0).getString(0);
        return StatsPeriod.parse(query, allowed, ZoneId.of(zone), clock.instant());
    }
}
