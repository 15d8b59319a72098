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

/** GET /stats/reps: one pass over the period's owner, stage and lost events, one over its follow-ups. */
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
                select x.rep,
                       count(*) filter (where x.kind = 'CLAIMED'),
                       count(*) filter (where x.kind in ('ASSIGNED', 'TRANSFERRED')),
                       count(*) filter (where x.type = 'STAGE_CHANGED' and x.to_rank > x.from_rank),
                       count(*) filter (where x.type = 'STAGE_CHANGED' and x.to_rank >= 5),
                       count(*) filter (where x.type = 'LOST'),
                       count(*) filter (where x.kind = 'RELEASED'),
                       count(*) filter (where x.kind = 'AUTO_RETURNED')
                from (
                  select e.type, e.data ->> 'kind' as kind,
                         case when e.data ->> 'kind' in ('CLAIMED', 'ASSIGNED', 'TRANSFERRED')
                                   then (e.data ->> 'toOwnerId')::bigint
                              when e.type = 'OWNER_CHANGED' then (e.data ->> 'fromOwnerId')::bigint
                              else (e.data ->> 'ownerId')::bigint end as rep,
                         %s as from_rank, %s as to_rank
                  from customer_events e
                  where e.store_id = ? and e.type in ('OWNER_CHANGED', 'STAGE_CHANGED', 'LOST')
                    and e.at >= ? and e.at < ?) x
                where x.rep is not null and (cast(? as bigint) is null or x.rep = ?)
                group by x.rep""".formatted(StatsSql.stageRank("e.data ->> 'from'"), StatsSql.stageRank("e.data ->> 'to'")),
                store, period.start(), period.end(), rep, rep)) {
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
