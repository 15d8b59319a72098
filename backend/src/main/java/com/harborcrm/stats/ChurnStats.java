package com.harborcrm.stats;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.harborcrm.customer.CustomerStage;
import com.harborcrm.stats.StatsDatabase.Row;
import com.harborcrm.stats.StatsDtos.ChurnFigures;
import com.harborcrm.stats.StatsDtos.ChurnGroup;
import com.harborcrm.stats.StatsDtos.ChurnGrouping;
import com.harborcrm.stats.StatsDtos.ChurnReport;
import com.harborcrm.stats.StatsDtos.ReasonCount;
import com.harborcrm.stats.StatsDtos.Scope;

/**
 * GET /stats/churn. Churn in the period is summed by group, kind and reason from the daily rollup (stats_daily,
 * see StatsRollup). The population at the period's start (the churn rate's denominator) is a prefix sum of the
 * rollup's population deltas: customers created, minus marked lost, plus reactivated (LOST and REACTIVATED
 * alternate per customer, as their writers only change the status they find), minus deleted while active (from
 * the audit log). Months take their start from the period's plus the month deltas. A rep's own population is the
 * prefix sum of the rollup's changes to it.
 */
@ApplicationScoped
public class ChurnStats {

    @Inject
    StatsDatabase db;

    @Inject
    StatsNames names;

    public ChurnReport report(long store, Long rep, StatsPeriod period, ChurnGrouping groupBy) {
        List<StatsPeriod.Bucket> months = period.months();
        Map<String, Long> activeAt = groupBy == ChurnGrouping.MONTH || rep != null
                ? activeAtMonthStarts(store, rep, period, months)
                : Map.of(START, activeAtStart(store, period.from(), period.start()));
        long activeAtStart = activeAt.get(START);

        Map<String, Tally> groups = new LinkedHashMap<>();
        if (groupBy == ChurnGrouping.MONTH) {
            months.forEach(m -> groups.put(m.key(), new Tally()));
        }
        Tally total = new Tally();
        for (Row r : churnEvents(store, rep, period, groupBy)) {
            String key = r.getString(0) == null ? "none" : r.getString(0);
            String kind = r.getString(1);
            Long reason = r.getNullableLong(2);
            long count = r.getLong(3);
            total.add(kind, reason, count);
            groups.computeIfAbsent(key, k -> new Tally()).add(kind, reason, count);
        }

        Map<Long, StatsNames.Reason> reasons = names.reasons(store);
        List<ChurnGroup> series = new ArrayList<>();
        if (groupBy == ChurnGrouping.MONTH) {
            for (StatsPeriod.Bucket m : months) {
                Tally t = groups.get(m.key());
                Long active = activeAt.get(m.key());
                series.add(new ChurnGroup(m.key(), m.key(), m.first(), m.last(), t.figures(active),
                        ratio(t.lost, activeAtStart), share(t.churned(), total.churned()), t.reasons(reasons)));
            }
        } else {
            Map<String, String> labels = labels(store, groupBy, groups.keySet());
            groups.forEach((key, t) -> series.add(new ChurnGroup(key, labels.getOrDefault(key, key), null, null,
                    t.figures(rep != null && groupBy == ChurnGrouping.REP ? activeAtStart : null),
                    ratio(t.lost, activeAtStart), share(t.churned(), total.churned()), t.reasons(reasons))));
            Comparator<ChurnGroup> order = groupBy == ChurnGrouping.STAGE
                    ? Comparator.comparingInt(g -> stageOrder(g.key()))
                    : Comparator.comparingLong((ChurnGroup g) -> -g.figures().churned()).thenComparing(ChurnGroup::label);
            series.sort(order);
        }
        return new ChurnReport(period.from(), period.to(), period.zone().getId(), groupBy,
                rep == null ? Scope.STORE : Scope.OWN, total.figures(activeAtStart), total.reasons(reasons), series);
    }

    private static final String START = "start";

    /**
     * Churn of the period from the daily rollup: (group key, kind, reason id, count). The few churn events without a
     * source of their own (older than the source in the data) are grouped by source from the events themselves.
     */
    private List<Row> churnEvents(long store, Long rep, StatsPeriod period, ChurnGrouping groupBy) {
        String group = switch (groupBy) {
            case MONTH -> "to_char(d.day, 'YYYY-MM')";
            case REP -> "d.rep_id::text";
            case SOURCE -> "d.source";
            case STAGE -> "d.stage";
            case POOL -> "d.pool_id::text";
        };
        List<Row> rows = new ArrayList<>(db.query("""
                select %s, d.fact, d.reason_id, sum(d.n)
                from stats_daily d
                where d.store_id = ? and d.day >= ? and d.day <= ? and d.fact in %s
                  and (cast(? as bigint) is null or d.rep_id = ?)%s
                group by 1, 2, 3""".formatted(group, StatsRollup.CHURN_FACTS,
                        groupBy == ChurnGrouping.SOURCE ? " and d.source is not null" : ""),
                store, period.from(), period.to(), rep, rep));
        if (groupBy == ChurnGrouping.SOURCE) {
            rows.addAll(db.query("""
                    select %s, %s, (e.data ->> 'reasonId')::bigint, count(*)
                    from customer_events e
                    where e.store_id = ? and e.at >= ? and e.at < ? and %s and e.data ->> 'source' is null
                      and (cast(? as bigint) is null or %s = ?)
                    group by 1, 2, 3""".formatted(StatsSql.EVENT_SOURCE, StatsSql.CHURN_KIND, StatsSql.CHURN_EVENT,
                            StatsSql.CHURN_REP),
                    store, period.start(), period.end(), rep, rep));
        }
        return rows;
    }

    /** The store's customers that existed and were not lost at the start of {@code day}. */
    long activeAtStart(long store, LocalDate day, Instant start) {
        long events = db.query("select coalesce(sum(n), 0) from stats_daily where store_id = ? and day < ? and fact = ?",
                store, day, StatsRollup.POPULATION).get(0).getLong(0);
        return events - deletedWhileActive(store, start, null, null).getOrDefault(START, 0L);
    }

    /**
     * The population at the period's start (key "start") and at each month's start (key YYYY-MM), for the store or
     * for one rep's own customers.
     */
    private Map<String, Long> activeAtMonthStarts(long store, Long rep, StatsPeriod period,
            List<StatsPeriod.Bucket> months) {
        Map<String, Long> result = new HashMap<>();
        if (rep != null) {
            long[] counts = ownActiveAt(store, rep, months);
            for (int i = 0; i < months.size(); i++) {
                result.put(months.get(i).key(), counts[i]);
            }
            result.put(START, counts[0]);
            return result;
        }
        long running = activeAtStart(store, period.from(), period.start());
        result.put(START, running);
        Map<String, Long> deltas = new HashMap<>();
        for (Row r : db.query("""
                select to_char(day, 'YYYY-MM'), sum(n)
                from stats_daily
                where store_id = ? and day >= ? and day <= ? and fact = ?
                group by 1""", store, period.from(), period.to(), StatsRollup.POPULATION)) {
            deltas.put(r.getString(0), r.getLong(1));
        }
        deletedWhileActive(store, period.end(), period.start(), period.zone().getId())
                .forEach((month, n) -> deltas.merge(month, -n, Long::sum));
        for (StatsPeriod.Bucket m : months) {
            result.put(m.key(), running);
            running += deltas.getOrDefault(m.key(), 0L);
        }
        return result;
    }

    /**
     * Customers deleted before {@code end} that were active when deleted (and had been created through the event
     * log). Without {@code monthsFrom}: one count, key "start"; with it, deletes before it under "start" and later
     * ones by month in {@code zone}.
     */
    private Map<String, Long> deletedWhileActive(long store, Instant end, Instant monthsFrom, String zone) {
        List<Object> params = new ArrayList<>();
        String key;
        if (monthsFrom == null) {
            key = "'" + START + "'";
        } else {
            key = "case when a.at < ? then '" + START + "' else to_char(a.at at time zone ?, 'YYYY-MM') end";
            params.add(monthsFrom);
            params.add(zone);
        }
        params.add(store);
        params.add(store);
        params.add(end);
        Map<String, Long> result = new HashMap<>();
        for (Row r : db.query("""
                select %s, count(*)
                from audit_events a
                where a.store_id = ? and %s
                  and exists (select 1 from customer_events e where e.store_id = a.store_id and e.customer_id = a.entity_id
                              and e.type in ('CREATED', 'IMPORTED') and e.at <= a.at)
                  and not %s
                  and a.at < ?
                group by 1""".formatted(key, StatsSql.CUSTOMER_DELETED, StatsSql.lost("a.entity_id", "<= a.at")),
                params.toArray())) {
            result.put(r.getString(0), r.getLong(1));
        }
        return result;
    }

    /**
     * How many customers the rep owned, active, at the start of each month: the prefix sums of the rollup's
     * OWN_ACTIVE facts, less the customers that were theirs and active when deleted (from the audit log; their
     * events, and so their facts, outlive them).
     */
    long[] ownActiveAt(long store, long rep, List<StatsPeriod.Bucket> months) {
        long[] counts = new long[months.size()];
        LocalDate[] days = months.stream().map(StatsPeriod.Bucket::first).toArray(LocalDate[]::new);
        Instant[] instants = months.stream().map(StatsPeriod.Bucket::start).toArray(Instant[]::new);
        for (Row r : db.query("""
                select i.k, sum(d.n)
                from unnest(cast(? as date[])) with ordinality as i(day, k)
                join stats_daily d on d.store_id = ? and d.fact = 'OWN_ACTIVE' and d.rep_id = ? and d.day < i.day
                group by i.k""", days, store, rep)) {
            counts[(int) r.getLong(0) - 1] = r.getLong(1);
        }
        for (Row r : db.query("""
                select i.k, count(*)
                from unnest(cast(? as timestamptz[])) with ordinality as i(t, k)
                join audit_events a on a.store_id = ? and %s and a.at < i.t
                where (select (o.data ->> 'ownerId')::bigint from customer_events o
                       where o.store_id = a.store_id and o.customer_id = a.entity_id
                         and o.type in ('CREATED', 'IMPORTED', 'OWNER_CHANGED')
                       order by o.at desc, o.id desc limit 1) = ?
                  and coalesce((select l.type from customer_events l
                                where l.store_id = a.store_id and l.customer_id = a.entity_id
                                  and l.type in ('LOST', 'REACTIVATED')
                                order by l.at desc, l.id desc limit 1), 'REACTIVATED') <> 'LOST'
                group by i.k""".formatted(StatsSql.CUSTOMER_DELETED), instants, store, rep)) {
            counts[(int) r.getLong(0) - 1] -= r.getLong(1);
        }
        return counts;
    }

    private Map<String, String> labels(long store, ChurnGrouping groupBy, java.util.Set<String> keys) {
        Map<String, String> labels = new HashMap<>();
        if (groupBy == ChurnGrouping.REP) {
            names.users(store).forEach((id, name) -> labels.put(String.valueOf(id), name));
            labels.put("none", "No owner");
        } else if (groupBy == ChurnGrouping.POOL) {
            names.pools(store).forEach((id, name) -> labels.put(String.valueOf(id), name));
            labels.put("none", "Pool not recorded");
        }
        return labels;
    }

    private static int stageOrder(String key) {
        try {
            return CustomerStage.valueOf(key).ordinal();
        } catch (IllegalArgumentException e) {
            return Integer.MAX_VALUE;
        }
    }

    /** A part of a whole that may be empty (then 0). */
    static double share(long part, long whole) {
        return whole == 0 ? 0 : part / (double) whole;
    }

    static Double ratio(long part, long whole) {
        return whole == 0 ? null : part / (double) whole;
    }

    /** Churn counts of one group (or the whole period) by kind and reason. */
    private static final class Tally {
        long lost;
        long released;
        long autoReturned;
        final Map<Long, long[]> byReason = new LinkedHashMap<>();

        void add(String kind, Long reason, long count) {
            switch (kind) {
                case "LOST" -> lost += count;
                case "RELEASED" -> released += count;
                default -> autoReturned += count;
            }
            if (!"AUTO_RETURNED".equals(kind)) {
                long[] counts = byReason.computeIfAbsent(reason, r -> new long[2]);
                counts["LOST".equals(kind) ? 0 : 1] += count;
            }
        }

        long churned() {
            return lost + released + autoReturned;
        }

        ChurnFigures figures(Long activeAtStart) {
            return new ChurnFigures(activeAtStart, lost, released, autoReturned, churned(),
                    activeAtStart == null ? null : ratio(lost, activeAtStart));
        }

        List<ReasonCount> reasons(Map<Long, StatsNames.Reason> names) {
            long all = lost + released;
            List<ReasonCount> result = new ArrayList<>();
            byReason.forEach((id, c) -> {
                StatsNames.Reason reason = id == null ? null : names.get(id);
                result.add(new ReasonCount(id, reason == null ? (id == null ? "No reason given" : "Reason " + id)
                        : reason.name(), reason != null && reason.archived(), c[0], c[1], c[0] + c[1],
                        (c[0] + c[1]) / (double) all));
            });
            result.sort(Comparator.comparingLong((ReasonCount r) -> -r.count())
                    .thenComparing(r -> r.reasonId() == null ? Long.MAX_VALUE : r.reasonId()));
            return result;
        }
    }
}
