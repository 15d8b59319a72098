package com.harborcrm.stats;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.harborcrm.stats.StatsDatabase.Row;
import com.harborcrm.stats.StatsDtos.RepActivity;
import com.harborcrm.stats.StatsDtos.RepReport;
import com.harborcrm.stats.StatsDtos.Scope;

/**
 * GET /stats/reps: the period's claims, assigns, stage advances, deals and churn per rep from the daily rollup
 * (StatsRollup), its follow-ups index-only, and who owns what now.
 */
@ApplicationScoped
public class RepStats {

    private static final int CLAIMED = 0;
    private static final int ASSIGNED = 1;
    private static final int ADVANCES = 2;
    private static final int DEALS = 3;
    private static final int LOST = 4;
    private static final int RELEASED = 5;
    private static final int AUTO_RETURNED = 6;
    private static final int FOLLOW_UPS = 7;
    private static final int OWNED = 8;

    @Inject
    StatsDatabase db;

    @Inject
    StatsNames names;

    public RepReport report(long store, Long rep, StatsPeriod period) {
        Map<Long, long[]> figures = new HashMap<>();
        for (Row r : db.query("""
                select rep_id,
                       sum(n) filter (where fact = 'CLAIMED'),
                       sum(n) filter (where fact = 'ASSIGNED'),
                       sum(n) filter (where fact = 'ADVANCE'),
                       sum(n) filter (where fact = 'DEAL'),
                       sum(n) filter (where fact = 'LOST'),
                       sum(n) filter (where fact = 'RELEASED'),
                       sum(n) filter (where fact = 'AUTO_RETURNED')
                from stats_daily
                where store_id = ? and day >= ? and day <= ? and fact <> ? and rep_id is not null
                  and (cast(? as bigint) is null or rep_id = ?)
                group by rep_id""", store, period.from(), period.to(), StatsRollup.POPULATION, rep, rep)) {
            long[] f = figures.computeIfAbsent(r.getLong(0), k -> new long[9]);
            for (int i = CLAIMED; i <= AUTO_RETURNED; i++) {
                f[i] = r.getLong(i + 1);
            }
        }
        for (Row r : db.query("""
                select author_id, count(*) from follow_ups
                where store_id = ? and occurred_at >= ? and occurred_at < ? and (cast(? as bigint) is null or author_id = ?)
                group by author_id""", store, period.start(), period.end(), rep, rep)) {
            figures.computeIfAbsent(r.getLong(0), k -> new long[9])[FOLLOW_UPS] = r.getLong(1);
        }
        for (Row r : db.query("""
                select owner_id, count(*) from customers
                where store_id = ? and owner_id is not null and (cast(? as bigint) is null or owner_id = ?)
                group by owner_id""", store, rep, rep)) {
            figures.computeIfAbsent(r.getLong(0), k -> new long[9])[OWNED] = r.getLong(1);
        }
        List<RepActivity> items = new ArrayList<>();
        names.userList(store).forEach((id, user) -> {
            if (rep == null || rep.equals(id)) {
                long[] f = figures.getOrDefault(id, new long[9]);
                items.add(new RepActivity(id, user.name(), user.role(), user.active(), f[OWNED], f[CLAIMED],
                        f[ASSIGNED], f[FOLLOW_UPS], f[ADVANCES], f[DEALS], f[LOST], f[RELEASED], f[AUTO_RETURNED]));
            }
        });
        return new RepReport(period.from(), period.to(), period.zone().getId(), rep == null ? Scope.STORE : Scope.OWN,
                items);
    }
}
