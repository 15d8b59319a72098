package com.harborcrm.io;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.harborcrm.common.sql.RowChecksPlan;
import com.harborcrm.customer.CustomerSearchRows;

/**
 * Search catching up with a finished import: its new customers were inserted without their search rows (V93), which
 * are written here in one statement after the job's commit, and the job's {@code search_ready_at} says when. The job
 * row is locked for it (skip locked), so two instances, or the worker and the reaper, never fill the same job twice;
 * a fill cut off by a restart is finished by the next reaper round.
 */
@ApplicationScoped
public class ImportSearch {

    private static final Logger LOG = Logger.getLogger(ImportSearch.class);

    @Inject
    DataSource dataSource;

    /** Fills the job's search rows and marks it searchable; false when there was nothing to do or another is at it. */
    boolean catchUp(long storeId, long jobId) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                long[] ids = pendingRange(connection, storeId, jobId);
                if (ids == null) {
                    connection.rollback();
                    return false;
                }
                long started = System.nanoTime();
                RowChecksPlan.keepForThisTransaction(connection); // each search row's customer key: plan it once
                int written = CustomerSearchRows.fill(connection, storeId, ids[0], ids[1]);
                try (PreparedStatement ready = connection.prepareStatement(
                        "update import_jobs set search_ready_at = clock_timestamp() where store_id = ? and id = ?")) {
                    ready.setLong(1, storeId);
                    ready.setLong(2, jobId);
                    ready.executeUpdate();
                }
                connection.commit();
                LOG.infof("Import %d: search caught up with %d customers in %d ms", jobId, written,
                        (System.nanoTime() - started) / 1_000_000);
                return true;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    /** Catches up every finished job still waiting for it (its instance stopped before it did); returns how many. */
    int catchUpPending() throws SQLException {
        List<long[]> jobs = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement pending = connection.prepareStatement(
                        "select store_id, id from import_jobs where status = 'DONE' and search_ready_at is null order by id");
                ResultSet rows = pending.executeQuery()) {
            while (rows.next()) {
                jobs.add(new long[] {rows.getLong(1), rows.getLong(2)});
            }
        }
        int done = 0;
        for (long[] job : jobs) {
            if (catchUp(job[0], job[1])) {
                done++;
            }
        }
        return done;
    }

    /** The job's new ids, its row locked; null when it is searchable already or another transaction holds it. */
    private static long[] pendingRange(Connection connection, long storeId, long jobId) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("""
                select search_first_id, search_last_id from import_jobs
                where store_id = ? and id = ? and status = 'DONE' and search_ready_at is null
                for update skip locked""")) {
            lock.setLong(1, storeId);
            lock.setLong(2, jobId);
            try (ResultSet row = lock.executeQuery()) {
                return row.next() ? new long[] {row.getLong(1), row.getLong(2)} : null;
            }
        }
    }
}
