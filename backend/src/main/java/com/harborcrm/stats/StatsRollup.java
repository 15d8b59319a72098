package com.harborcrm.stats;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;

/**
 * The daily rollup the statistics read (table stats_daily, migrations V70, V71): per store, local day, fact and
 * attribution, a count. The database keeps it: every insert into customer_events adds its statement's deltas, so no
 * writer updates a shared counter row. This folds the deltas of each day into one row per attribution, on the
 * primary (the statistics' own datasource may be a read-only replica). Folding is a delete and an insert of the
 * sums in one statement: deltas added meanwhile stay beside the sums, and sums are all the reports read, so any
 * interleaving with writers, or with another instance's fold, leaves every figure the same.
 */
@ApplicationScoped
public class StatsRollup {

    private static final Logger LOG = Logger.getLogger(StatsRollup.class);

    /** The churn facts (their rows carry reason, source, stage and pool). */
    static final String CHURN_FACTS = "('LOST', 'RELEASED', 'AUTO_RETURNED')";

    /** +1 created, imported or reactivated, -1 marked lost. */
    static final String POPULATION = "POPULATION";

    /** Store days folded per statement, so that one fold never holds many row locks for long. */
    static final int DAYS_PER_FOLD = 200;

    @Inject
    DataSource dataSource;

    @Scheduled(identity = "stats-rollup-fold", every = "${harbor.stats.fold-interval}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void foldAll() {
        try {
            int days;
            int total = 0;
            do {
                days = fold();
                total += days;
            } while (days == DAYS_PER_FOLD);
            if (total > 0) {
                LOG.debugf("Statistics rollup: folded %d store days", total);
            }
        } catch (RuntimeException e) {
            LOG.error("Statistics rollup fold failed", e);
        }
    }

    /**
     * Folds the deltas of up to {@link #DAYS_PER_FOLD} store days of each rollup (customer facts and sales);
     * returns the larger count of days taken.
     */
    public int fold() {
        return Math.max(foldCustomerFacts(), foldSales());
    }

    /**
     * The sales rollups folded the same way, by functions of the database (V85) that the benchmark calls too: the
     * daily one (stats_sales_daily) by store day, the customer figures per owner (stats_customer_sales) by store.
     */
    int foldSales() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement daily = connection.prepareStatement("select stats_sales_fold(?)");
                PreparedStatement customers = connection.prepareStatement("select stats_customer_sales_fold()")) {
            daily.setInt(1, DAYS_PER_FOLD);
            customers.execute();
            try (var rows = daily.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Sales rollup fold failed", e);
        }
    }

    private int foldCustomerFacts() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement fold = connection.prepareStatement("""
                        with days as (
                          select distinct store_id, day from stats_daily where not compacted
                          order by store_id, day limit ?),
                        gone as (
                          delete from stats_daily d using days
                          where d.store_id = days.store_id and d.day = days.day
                          returning d.store_id, d.day, d.fact, d.rep_id, d.reason_id, d.source, d.stage, d.prev_day, d.next_day,
                                    d.days, d.n, d.pool_id),
                        folded as (
                          insert into stats_daily (store_id, day, fact, rep_id, reason_id, source, stage, prev_day,
                                                   next_day, days, n, pool_id, compacted)
                          select store_id, day, fact, rep_id, reason_id, source, stage, prev_day, next_day, days,
                                 sum(n), pool_id, true
                          from gone
                          group by store_id, day, fact, rep_id, reason_id, source, stage, prev_day, next_day, days, pool_id
                          having sum(n) <> 0)
                        select count(*) from days""")) {
            fold.setInt(1, DAYS_PER_FOLD);
            try (var rows = fold.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Statistics rollup fold failed", e);
        }
    }
}
