package com.harborcrm.stats;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
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
 * GET /stats/sales. Every figure is read from a rollup (V82, V85), so a report reads rows in proportion to days,
 * reps and products, never to orders or customers:
 * <ul>
 * <li>revenue, orders and quotations from stats_sales_daily's ALL rows (per store day, currency and rep);
 * <li>the series by source, country and product from its STORE_ rows for the store, its per-rep rows for a rep;
 * <li>paying and repeat customers and lifetime value from stats_customer_sales (per owner and currency);
 * <li>the median days to repeat from customer_sales' covering index over the period's second purchases.
 * </ul>
 * A rep's variant of each statement filters on the rep in the index condition (a shared "? is null or" form would
 * leave a generic plan scanning every rep's rows). Every amount stays in its own currency.
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
        long quotationsWritten = 0;
        long quotationsConverted = 0;
        for (Row r : db.query("""
                select currency, sum(orders), sum(revenue), sum(quotations), sum(converted) from stats_sales_daily
                where store_id = ? and dimension = 'ALL' and day >= ? and day <= ?""" + repFilter(rep, "rep_id")
                + " group by currency", withRep(rep, store, period.from(), period.to()))) {
            quotationsWritten += r.getLong(3);
            quotationsConverted += r.getLong(4);
            if (r.getLong(1) != 0 || ((BigDecimal) r.values()[2]).signum() != 0) {
                totals.put(r.getString(0).trim(), new Totals(r.getLong(1), (BigDecimal) r.values()[2]));
            }
        }
        Map<String, List<SalesGroup>> series = series(store, rep, period, groupBy, totals);
        Map<String, long[]> customers = new HashMap<>();
        Map<String, BigDecimal> lifetimeRevenue = new HashMap<>();
        // Paying and repeat customers so far, and their revenue (a rep: of the customers they own now).
        for (Row r : db.query("""
                select currency, sum(paying), sum(repeating), sum(revenue) from stats_customer_sales
                where store_id = ?""" + repFilter(rep, "owner_id") + " group by currency having sum(paying) > 0",
                withRep(rep, store))) {
            String currency = r.getString(0).trim();
            customers.put(currency, new long[] {r.getLong(1), r.getLong(2)});
            lifetimeRevenue.put(currency, (BigDecimal) r.values()[3]);
        }
        List<String> currencies = new ArrayList<>(totals.keySet());
        customers.keySet().stream().filter(c -> !totals.containsKey(c)).sorted().forEach(currencies::add);
        currencies.sort((a, b) -> revenueOf(totals, b).compareTo(revenueOf(totals, a)));
        Map<String, Double> medianDaysToRepeat = medianDaysToRepeat(store, rep, period, currencies);
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
        QuotationConversion quotations = new QuotationConversion(quotationsWritten, quotationsConverted,
                quotationsWritten == 0 ? null : (double) quotationsConverted / quotationsWritten);
        return new SalesReport(period.from(), period.to(), period.zone().getId(), groupBy,
                rep == null ? Scope.STORE : Scope.OWN, items, quotations);
    }

    /**
     * Per currency, the median days from a customer's first payment to their second, of the second payments in the
     * period: one range of customer_sales_second (or a rep's, customer_sales_owner_second) per currency, read
     * index-only. date_part, not extract: extract answers numeric, whose sort costs several times a double's.
     */
    private Map<String, Double> medianDaysToRepeat(long store, Long rep, StatsPeriod period, List<String> currencies) {
        Map<String, Double> medians = new HashMap<>();
        if (currencies.isEmpty()) {
            return medians;
        }
        for (Row r : db.query("""
                select c.currency, m.days
                from unnest(cast(? as char(3)[])) c (currency)
                cross join lateral (
                  select percentile_cont(0.5) within group (
                           order by date_part('epoch', s.second_paid_at - s.first_paid_at) / 86400) as days
                  from customer_sales s
                  where s.store_id = ? and s.currency = c.currency and s.second_paid_at >= ? and s.second_paid_at < ?"""
                + repFilter(rep, "s.owner_id") + ") m where m.days is not null",
                withRep(rep, SqlArrays.texts(currencies), store, period.start(), period.end()))) {
            medians.put(r.getString(0).trim(), Math.round(r.getNullableDouble(1) * 10) / 10.0);
        }
        return medians;
    }

    /** The rep's condition on {@code column}, or nothing for the store; its value is the last parameter. */
    private static String repFilter(Long rep, String column) {
        return rep == null ? "" : " and " + column + " = ?";
    }

    private static Object[] withRep(Long rep, Object... parameters) {
        if (rep == null) {
            return parameters;
        }
        Object[] all = Arrays.copyOf(parameters, parameters.length + 1);
        all[parameters.length] = rep;
        return all;
    }

    private record Totals(long orders, BigDecimal revenue) {
    }

    private static BigDecimal revenueOf(Map<String, Totals> totals, String currency) {
        Totals t = totals.get(currency);
        return t == null ? BigDecimal.ZERO : t.revenue();
    }

    private Map<String, List<SalesGroup>> series(long store, Long rep, StatsPeriod period, SalesGrouping groupBy,
            Map<String, Totals> totals) {
        // The store reads the store-wide rows of a dimension, a rep their own per-rep rows (months and reps: ALL).
        String dimension = switch (groupBy) {
            case MONTH, REP -> "ALL";
            case SOURCE -> rep == null ? "STORE_SOURCE" : "SOURCE";
            case COUNTRY -> rep == null ? "STORE_COUNTRY" : "COUNTRY";
            case PRODUCT -> rep == null ? "STORE_PRODUCT" : "PRODUCT";
        };
        String key = switch (groupBy) {
            case MONTH -> "to_char(day, 'YYYY-MM')";
            case REP -> "coalesce(cast(rep_id as text), 'none')";
            case SOURCE, COUNTRY, PRODUCT -> "key";
        };
        Map<String, Map<String, Row>> byCurrency = new LinkedHashMap<>();
        for (Row r : db.query("select currency, " + key + ", sum(orders), sum(revenue), sum(quantity) "
                + "from stats_sales_daily where store_id = ? and dimension = ? and day >= ? and day <= ?"
                + repFilter(rep, "rep_id") + " group by currency, " + key
                + " having sum(orders) <> 0 or sum(revenue) <> 0 order by sum(revenue) desc",
                withRep(rep, store, dimension, period.from(), period.to()))) {
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
