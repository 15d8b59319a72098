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
 * GET /stats/reps, all from the daily rollup (StatsRollup): the period's claims, assigns, stage advances, deals,
 * churn and follow-ups per rep, and the sum of all owner changes so far (who owns how many now).
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
                       sum(n) filter (where fact = 'AUTO_RETURNED'),
                       sum(n) filter (where fact = 'FOLLOW_UP')
                from stats_daily
                where store_id = ? and day >= ? and day <= ? and rep_id is not null
                  and fact in ('CLAIMED', 'ASSIGNED', 'ADVANCE', 'DEAL', 'LOST', 'RELEASED', 'AUTO_RETURNED', 'FOLLOW_UP')
                  and (cast(? as bigint) is null or rep_id = ?)
                group by rep_id""", store, period.from(), period.to(), rep, rep)) {
            long[] f = figures.computeIfAbsent(r.getLong(0), k -> new long[9]);
            for (int i = CLAIMED; i <= FOLLOW_UPS; i++) {
                f[i] = r.getLong(i + 1);
            }
        }
        for (Row r : db.query("""
                select rep_id, sum(n) from stats_daily
                where store_id = ? and fact = 'OWNED' and (cast(? as bigint) is null or rep_id = ?)
                group by rep_id""", store, rep, rep)) {
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
