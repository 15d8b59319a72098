package com.harborcrm.stats;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.harborcrm.customer.CustomerStage;
import com.harborcrm.stats.StatsDatabase.Row;
import com.harborcrm.stats.StatsDtos.FunnelReport;
import com.harborcrm.stats.StatsDtos.FunnelStage;
import com.harborcrm.stats.StatsDtos.Scope;

/**
 * GET /stats/funnel. A customer reaches a stage by being created in it or moved to it (CREATED or IMPORTED, STAGE_CHANGED in
 * the period); it advanced when, after first reaching the stage in the period, it reached any later stage in the
 * period (stages may be skipped: a deal needs no NO_DEAL first). Time in a stage comes from the STAGE_CHANGED events
 * that end a stay: each says since when the customer had been in the stage it leaves (data.fromSince). Both are
 * read from the daily rollup (StatsRollup; its REACHED and STAY facts, migration V71).
 */
@ApplicationScoped
public class FunnelStats {

    @Inject
    StatsDatabase db;

    public FunnelReport report(long store, Long rep, StatsPeriod period) {
        // A customer's first entry into a stage in the period is the one whose previous entry there is older.
        Map<String, long[]> reached = new HashMap<>();
        for (Row r : db.query("""
                select stage, sum(n) filter (where prev_day is null or prev_day < ?),
                       sum(n) filter (where (prev_day is null or prev_day < ?) and next_day <= ?)
                from stats_daily
                where store_id = ? and day >= ? and day <= ? and fact = ? and (cast(? as bigint) is null or rep_id = ?)
                group by stage""", period.from(), period.from(), period.to(), store, period.from(), period.to(),
                rep == null ? "REACHED" : "REACHED_OWN", rep, rep)) {
            reached.put(r.getString(0), new long[] {r.getLong(1), r.getLong(2)});
        }
        // The median of the stays' lengths (as percentile_cont: the middle one, or halfway between the middle two),
        // from the count of each length.
        Map<String, Stays> stays = new HashMap<>();
        for (Row r : db.query("""
                with lengths as (
                  select stage, days, sum(n) as n from stats_daily
                  where store_id = ? and day >= ? and day <= ? and fact = 'STAY' and (cast(? as bigint) is null or rep_id = ?)
                  group by stage, days having sum(n) <> 0),
                ranked as (
                  select stage, days, sum(n) over (partition by stage order by days) as upto,
                         sum(n) over (partition by stage) as total
                  from lengths)
                select stage, max(total),
                       min(days) filter (where upto > floor((total - 1) / 2.0)),
                       min(days) filter (where upto > ceil((total - 1) / 2.0))
                from ranked group by stage""", store, period.from(), period.to(), rep, rep)) {
            long count = r.getLong(1);
            double lower = r.getNullableDouble(2);
            double upper = r.getNullableDouble(3);
            double position = (count - 1) / 2.0;
            double fraction = position - Math.floor(position);
            stays.put(r.getString(0), new Stays(count, fraction == 0 ? lower : lower + (upper - lower) * fraction));
        }
        List<FunnelStage> stages = new ArrayList<>();
        CustomerStage[] all = CustomerStage.values();
        for (CustomerStage stage : all) {
            long[] counts = reached.getOrDefault(stage.name(), new long[2]);
            boolean last = stage.ordinal() == all.length - 1;
            Stays stay = stays.get(stage.name());
            stages.add(new FunnelStage(stage, counts[0], last ? null : counts[1],
                    last ? null : ChurnStats.ratio(counts[1], counts[0]),
                    stay == null ? null : round(stay.medianDays()), stay == null ? 0 : stay.count()));
        }
        return new FunnelReport(period.from(), period.to(), period.zone().getId(), rep == null ? Scope.STORE : Scope.OWN,
                stages);
    }

    private record Stays(long count, double medianDays) {
    }

    /** Days to the hundredth (a quarter of an hour), enough for a chart and stable to compare. */
    private static Double round(Double days) {
        return days == null ? null : Math.round(days * 100) / 100.0;
    }
}
