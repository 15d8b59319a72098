package com.harborcrm.stats;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.harborcrm.common.money.Money;
import com.harborcrm.common.sql.SqlArrays;
import com.harborcrm.stats.StatsDatabase.Row;
import com.harborcrm.stats.StatsDtos.CurrencySales;
import com.harborcrm.stats.StatsDtos.QuotationConversion;
import com.harborcrm.stats.StatsDtos.SalesGroup;
import com.harborcrm.stats.StatsDtos.SalesGrouping;
import com.harborcrm.stats.StatsDtos.SalesReport;
import com.harborcrm.stats.StatsDtos.Scope;

/**
 * GET /stats/sales. Revenue, orders and the series come from the sales rollup (stats_sales_daily, V82: per store
 * day, currency, attribution), so a report reads at most one row per day and group whatever the number of orders;
 * the customer figures come from customer_sales (one row per paying customer and currency), the quotation
 * conversion from the orders themselves (index orders_kind_created). Every amount stays in its own currency.
 */
@ApplicationScoped
public class SalesStats {

    /** Groups other than months: the ones with most revenue. */
    static final int MAX_GROUPS = 100;

    @Inject
    StatsDatabase db;

    @Inject
    StatsNames names;

    public SalesReport report(long store, Long rep, StatsPeriod period, SalesGrouping groupBy) {
        Map<String, Totals> totals = new LinkedHashMap<>();
        for (Row r : db.query("""
                select currency, sum(orders), sum(revenue) from stats_sales_daily
                where store_id = ? and dimension = 'ALL' and day >= ? and day <= ?
                  and (cast(? as bigint) is null or rep_id = ?)
                group by currency""", store, period.from(), period.to(), rep, rep)) {
            totals.put(r.getString(0).trim(), new Totals(r.getLong(1), (BigDecimal) r.values()[2]));
        }
        Map<String, List<SalesGroup>> series = series(store, rep, period, groupBy, totals);
        Map<String, long[]> customers = new HashMap<>();
        Map<String, BigDecimal> lifetimeRevenue = new HashMap<>();
        // Paying and repeat customers so far, and their revenue (a rep: of the customers they own now).
        for (Row r : db.query("""
                select s.currency, count(*), count(s.second_paid_at), sum(s.revenue)
                from customer_sales s
                where s.store_id = ? and s.paid_orders > 0
                  and (cast(? as bigint) is null or exists (
                        select 1 from customer_owners w where w.store_id = s.store_id
                        and w.customer_id = s.customer_id and w.owner_id = ?))
                group by s.currency""", store, rep, rep)) {
            String currency = r.getString(0).trim();
            customers.put(currency, new long[] {r.getLong(1), r.getLong(2)});
            lifetimeRevenue.put(currency, (BigDecimal) r.values()[3]);
        }
        Map<String, Double> medianDaysToRepeat = new HashMap<>();
        for (Row r : db.query("""
                select s.currency,
                       percentile_cont(0.5) within group (
                         order by extract(epoch from s.second_paid_at - s.first_paid_at) / 86400)
                from customer_sales s
                where s.store_id = ? and s.second_paid_at >= ? and s.second_paid_at < ?
                  and (cast(? as bigint) is null or exists (
                        select 1 from customer_owners w where w.store_id = s.store_id
                        and w.customer_id = s.customer_id and w.owner_id = ?))
                group by s.currency""", store, period.start(), period.end(), rep, rep)) {
            medianDaysToRepeat.put(r.getString(0).trim(), Math.round(r.getNullableDouble(1) * 10) / 10.0);
        }
        List<String> currencies = new ArrayList<>(totals.keySet());
        customers.keySet().stream().filter(c -> !totals.containsKey(c)).forEach(currencies::add);
        currencies.sort((a, b) -> revenueOf(totals, b).compareTo(revenueOf(totals, a)));
        List<CurrencySales> items = new ArrayList<>();
        for (String currency : currencies) {
            Totals t = totals.getOrDefault(currency, new Totals(0, BigDecimal.ZERO));
            long[] c = customers.getOrDefault(currency, new long[2]);
            BigDecimal lifetime = lifetimeRevenue.get(currency);
            items.add(new CurrencySales(currency, t.orders(), Money.format(t.revenue(), currency),
                    t.orders() == 0 ? null : Money.format(Money.round(t.revenue().divide(BigDecimal.valueOf(t.orders()),
                            8, RoundingMode.HALF_UP), currency), currency),
                    series.getOrDefault(currency, groupBy == SalesGrouping.MONTH ? months(period, currency, Map.of())
                            : List.of()),
                    c[0], c[1], c[0] == 0 ? null : (double) c[1] / c[0], medianDaysToRepeat.get(currency),
                    c[0] == 0 || lifetime == null ? null : Money.format(Money.round(lifetime.divide(
                            BigDecimal.valueOf(c[0]), 8, RoundingMode.HALF_UP), currency), currency)));
        }
        Row q = db.query("""
                select count(*), count(c.id) from orders q
                left join orders c on c.store_id = q.store_id and c.converted_from_id = q.id
                where q.store_id = ? and q.kind = 'QUOTATION' and q.created_at >= ? and q.created_at < ?
                  and (cast(? as bigint) is null or q.owner_id = ?)""",
                store, period.start(), period.end(), rep, rep).get(0);
        QuotationConversion quotations = new QuotationConversion(q.getLong(0), q.getLong(1),
                q.getLong(0) == 0 ? null : (double) q.getLong(1) / q.getLong(0));
        return new SalesReport(period.from(), period.to(), period.zone().getId(), groupBy,
                rep == null ? Scope.STORE : Scope.OWN, items, quotations);
    }

    private record Totals(long orders, BigDecimal revenue) {
    }

    private static BigDecimal revenueOf(Map<String, Totals> totals, String currency) {
        Totals t = totals.get(currency);
        return t == null ? BigDecimal.ZERO : t.revenue();
    }

    private Map<String, List<SalesGroup>> series(long store, Long rep, StatsPeriod period, SalesGrouping groupBy,
            Map<String, Totals> totals) {
        String dimension = switch (groupBy) {
            case MONTH, REP -> "ALL";
            case SOURCE -> "SOURCE";
            case COUNTRY -> "COUNTRY";
            case PRODUCT -> "PRODUCT";
        };
        String key = switch (groupBy) {
            case MONTH -> "to_char(day, 'YYYY-MM')";
            case REP -> "coalesce(cast(rep_id as text), 'none')";
            case SOURCE, COUNTRY, PRODUCT -> "key";
        };
        Map<String, Map<String, Row>> byCurrency = new LinkedHashMap<>();
        for (Row r : db.query("select currency, " + key + ", sum(orders), sum(revenue), sum(quantity) "
                + "from stats_sales_daily where store_id = ? and dimension = ? and day >= ? and day <= ? "
                + "and (cast(? as bigint) is null or rep_id = ?) group by currency, " + key
                + " having sum(orders) <> 0 or sum(revenue) <> 0 order by sum(revenue) desc",
                store, dimension, period.from(), period.to(), rep, rep)) {
            byCurrency.computeIfAbsent(r.getString(0).trim(), k -> new LinkedHashMap<>()).put(r.getString(1), r);
        }
        Map<String, String> labels = labels(store, groupBy, byCurrency);
        Map<String, List<SalesGroup>> result = new HashMap<>();
        byCurrency.forEach((currency, rows) -> {
            BigDecimal all = revenueOf(totals, currency);
            if (groupBy == SalesGrouping.MONTH) {
                result.put(currency, months(period, currency, rows));
                return;
            }
            List<SalesGroup> groups = new ArrayList<>();
            for (Map.Entry<String, Row> e : rows.entrySet()) {
                if (groups.size() == MAX_GROUPS) {
                    break;
                }
                Row r = e.getValue();
                BigDecimal revenue = (BigDecimal) r.values()[3];
                groups.add(new SalesGroup(e.getKey(), labels.getOrDefault(e.getKey(), e.getKey()), null, null,
                        r.getLong(2), Money.format(revenue, currency),
                        groupBy == SalesGrouping.PRODUCT ? r.getLong(4) : null, share(revenue, all)));
            }
            result.put(currency, groups);
        });
        return result;
    }

    /** Every month of the period in order, with zeros where nothing was sold. */
    private static List<SalesGroup> months(StatsPeriod period, String currency, Map<String, Row> rows) {
        BigDecimal all = BigDecimal.ZERO;
        for (Row r : rows.values()) {
            all = all.add((BigDecimal) r.values()[3]);
        }
        List<SalesGroup> months = new ArrayList<>();
        for (LocalDate first = period.from().withDayOfMonth(1); !first.isAfter(period.to()); first = first.plusMonths(1)) {
            String key = first.toString().substring(0, 7);
            Row r = rows.get(key);
            BigDecimal revenue = r == null ? BigDecimal.ZERO : (BigDecimal) r.values()[3];
            LocalDate last = first.plusMonths(1).minusDays(1);
            months.add(new SalesGroup(key, key, first.isBefore(period.from()) ? period.from() : first,
                    last.isAfter(period.to()) ? period.to() : last, r == null ? 0 : r.getLong(2),
                    Money.format(revenue, currency), null, share(revenue, all)));
        }
        return months;
    }

    private Map<String, String> labels(long store, SalesGrouping groupBy, Map<String, Map<String, Row>> byCurrency) {
        Map<String, String> labels = new HashMap<>();
        if (groupBy == SalesGrouping.REP) {
            names.users(store).forEach((id, name) -> labels.put(Long.toString(id), name));
            labels.put("none", "No owner");
        } else if (groupBy == SalesGrouping.PRODUCT) {
            List<Long> ids = byCurrency.values().stream().flatMap(m -> m.keySet().stream()).map(Long::valueOf)
                    .distinct().toList();
            if (!ids.isEmpty()) {
                for (Row r : db.query("select id, sku || ' — ' || name from products where store_id = ? "
                        + "and id = any(cast(? as bigint[]))", store, SqlArrays.bigints(ids))) {
                    labels.put(Long.toString(r.getLong(0)), r.getString(1));
                }
            }
        }
        return labels;
    }

    private static double share(BigDecimal part, BigDecimal all) {
        return all.signum() == 0 ? 0 : part.divide(all, 6, RoundingMode.HALF_UP).doubleValue();
    }
}
