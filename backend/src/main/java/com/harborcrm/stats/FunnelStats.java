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
 * that end a stay: each says since when the customer had been in the stage it leaves (data.fromSince).
 */
@ApplicationScoped
public class FunnelStats {

    @Inject
    StatsDatabase db;

    public FunnelReport report(long store, Long rep, StatsPeriod period) {
        Map<Integer, long[]> reached = new HashMap<>();
        for (Row r : db.query("""
                with entries as (
                  select e.customer_id, e.at, e.id,
                         %s as r
                  from customer_events e
                  where e.store_id = ? and e.type in ('CREATED', 'IMPORTED', 'STAGE_CHANGED') and e.at >= ? and e.at < ?
                    and (cast(? as bigint) is null or (e.data ->> 'ownerId')::bigint = ?)),
                marked as (
                  select r,
                         max(r) over (partition by customer_id order by at, id
                                      rows between 1 following and unbounded following) as later,
                         row_number() over (partition by customer_id, r order by at, id) as nth
                  from entries)
                select r, count(*), count(*) filter (where later > r)
                from marked where nth = 1 and r is not null
                group by r""".formatted(StatsSql.stageRank(
                        "case when e.type = 'STAGE_CHANGED' then e.data ->> 'to' else e.data ->> 'stage' end")),
                store, period.start(), period.end(), rep, rep)) {
            reached.put((int) r.getLong(0), new long[] {r.getLong(1), r.getLong(2)});
        }
        Map<String, Row> stays = new HashMap<>();
        for (Row r : db.query("""
                select e.data ->> 'from', count(*),
                       percentile_cont(0.5) within group (
                         order by extract(epoch from (e.at - (e.data ->> 'fromSince')::timestamptz)) / 86400)
                from customer_events e
                where e.store_id = ? and e.type = 'STAGE_CHANGED' and e.at >= ? and e.at < ?
                  and e.data ->> 'fromSince' is not null
                  and (cast(? as bigint) is null or (e.data ->> 'ownerId')::bigint = ?)
                group by 1""", store, period.start(), period.end(), rep, rep)) {
            stays.put(r.getString(0), r);
        }
        List<FunnelStage> stages = new ArrayList<>();
        CustomerStage[] all = CustomerStage.values();
        for (CustomerStage stage : all) {
            long[] counts = reached.getOrDefault(stage.ordinal() + 1, new long[2]);
            boolean last = stage.ordinal() == all.length - 1;
            Row stay = stays.get(stage.name());
            stages.add(new FunnelStage(stage, counts[0], last ? null : counts[1],
                    last ? null : ChurnStats.ratio(counts[1], counts[0]),
                    stay == null ? null : round(stay.getNullableDouble(2)), stay == null ? 0 : stay.getLong(1)));
        }
        return new FunnelReport(period.from(), period.to(), period.zone().getId(), rep == null ? Scope.STORE : Scope.OWN,
                stages);
    }

    /** Days to the hundredth (a quarter of an hour), enough for a chart and stable to compare. */
    private static Double round(Double days) {
        return days == null ? null : Math.round(days * 100) / 100.0;
    }
}
