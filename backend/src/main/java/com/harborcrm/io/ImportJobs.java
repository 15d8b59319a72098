package com.harborcrm.io;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.harborcrm.io.ImportDtos.ImportDetected;
import com.harborcrm.io.ImportDtos.ImportJobView;
import com.harborcrm.io.ImportDtos.ImportOptions;
import com.harborcrm.io.ImportDtos.ImportPhase;
import com.harborcrm.io.ImportDtos.ImportStatus;
import com.harborcrm.io.ImportDtos.RowError;

/**
 * The {@code import_jobs} rows. Every statement names its store; progress and failures are written in short
 * transactions of their own, the outcome of a successful job in the job's own transaction (see ImportRunner), so
 * that DONE and the data commit together.
 */
@ApplicationScoped
public class ImportJobs {

    @Inject
    DataSource dataSource;

    @Inject
    ObjectMapper json;

    static final String COLUMNS = "id, status, phase, file_name, file_size, cast(options as text), cast(detected as text), "
            + "total_rows, processed_rows, created, updated, skipped, rejected, created_at, started_at, finished_at, "
            + "cast(errors_sample as text), cast(warnings as text), failure, failure_line, search_ready_at";

    long create(long storeId, long userId, String fileName, long size, ImportOptions options, Instant now) {
        return update("""
                insert into import_jobs (store_id, created_by, status, file_name, file_size, options, dry_run, created_at,
                                         heartbeat_at)
                values (?, ?, 'QUEUED', ?, ?, cast(? as jsonb), ?, ?, now()) returning id""", true,
                storeId, userId, fileName, size, write(options), options.dryRun(), Timestamp.from(now));
    }

    /** QUEUED → RUNNING; false when the job is no longer queued (a reaper failed it). */
    boolean start(long storeId, long jobId) {
        return update("update import_jobs set status = 'RUNNING', phase = 'READING', started_at = now(), "
                + "heartbeat_at = now() where store_id = ? and id = ? and status = 'QUEUED'", false, storeId, jobId) == 1;
    }

    void heartbeat(Collection<ImportRunner.Progress> running) {
        for (ImportRunner.Progress p : running) {
            update("update import_jobs set heartbeat_at = now(), processed_rows = ?, total_rows = coalesce(?, total_rows), "
                    + "phase = case when status = 'RUNNING' then ? else phase end "
                    + "where store_id = ? and id = ? and status in ('QUEUED', 'RUNNING')", false,
                    p.processed.get(), p.totalRows, p.phase.name(), p.storeId, p.jobId);
        }
    }

    void detected(long storeId, long jobId, ImportDetected detected, List<String> header, Integer totalRows) {
        update("update import_jobs set detected = cast(? as jsonb), header = cast(? as jsonb), total_rows = ? "
                + "where store_id = ? and id = ?", false, write(detected), write(header), totalRows, storeId, jobId);
    }

    /**
     * Records the outcome in the job's own transaction (the clock's time, not {@code now()}: that is the long
     * transaction's start); false when the job is no longer RUNNING (a reaper declared it
     * lost), in which case the caller must roll back.
     */
    boolean finish(Connection connection, long storeId, long jobId, ImportRunner.Outcome outcome) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                update import_jobs set status = 'DONE', phase = 'FINISHED', finished_at = clock_timestamp(),
                    heartbeat_at = clock_timestamp(),
                    total_rows = ?, processed_rows = ?, created = ?, updated = ?, skipped = ?, rejected = ?,
                    detected = cast(? as jsonb), warnings = cast(? as jsonb),
                    search_first_id = ?, search_last_id = ?,
                    search_ready_at = case when cast(? as bigint) is null then clock_timestamp() end,
                    errors_sample = coalesce((select jsonb_agg(jsonb_build_object('line', line, 'reason', reason)
                                                                order by line)
                                              from (select line, reason from import_rejected_rows
                                                    where store_id = ? and job_id = ? order by line limit ?) s), '[]')
                where store_id = ? and id = ? and status = 'RUNNING'""")) {
            int i = 1;
            statement.setInt(i++, outcome.totalRows());
            statement.setInt(i++, outcome.totalRows());
            statement.setInt(i++, outcome.created());
            statement.setInt(i++, outcome.updated());
            statement.setInt(i++, outcome.skipped());
            statement.setInt(i++, outcome.rejected());
            statement.setString(i++, write(outcome.detected()));
            statement.setString(i++, write(outcome.warnings()));
            Long first = outcome.newIds() == null ? null : outcome.newIds().first();
            statement.setObject(i++, first, Types.BIGINT);
            statement.setObject(i++, outcome.newIds() == null ? null : outcome.newIds().last(), Types.BIGINT);
            statement.setObject(i++, first, Types.BIGINT);
            statement.setLong(i++, storeId);
            statement.setLong(i++, jobId);
            statement.setInt(i++, ImportRunner.ERRORS_SAMPLE);
            statement.setLong(i++, storeId);
            statement.setLong(i, jobId);
            return statement.executeUpdate() == 1;
        }
    }

    /** Marks an unfinished job FAILED; false when it had already finished. */
    boolean fail(long storeId, long jobId, String failure, Long line) {
        return update("update import_jobs set status = 'FAILED', phase = 'FINISHED', finished_at = now(), failure = ?, "
                + "failure_line = ?, created = 0, updated = 0, skipped = 0, rejected = 0 "
                + "where store_id = ? and id = ? and status in ('QUEUED', 'RUNNING')", false,
                failure, line, storeId, jobId) == 1;
    }

    /**
     * Fails every unfinished job, of any store and instance, whose heartbeat is older than {@code staleAfter}: its
     * instance died (its transaction died with it, so nothing was written). Returns how many.
     */
    int failStale(Duration staleAfter) {
        return (int) update("""
                update import_jobs set status = 'FAILED', phase = 'FINISHED', finished_at = now(),
                    failure = 'The server running this import stopped before it finished; nothing was written. Upload the file again.'
                where status in ('QUEUED', 'RUNNING') and heartbeat_at < now() - cast(? as interval)""", false,
                staleAfter.toSeconds() + " seconds");
    }

    ImportJobView find(long storeId, long jobId) {
        List<ImportJobView> views = query("select " + COLUMNS + " from import_jobs where store_id = ? and id = ?",
                storeId, jobId);
        return views.isEmpty() ? null : views.get(0);
    }

    /** Newest first, keyset-paged by id. */
    List<ImportJobView> list(long storeId, Long beforeId, int limit) {
        return query("select " + COLUMNS + " from import_jobs where store_id = ? and id < ? order by id desc limit ?",
                storeId, beforeId == null ? Long.MAX_VALUE : beforeId, limit);
    }

    /** The header of the uploaded file, or null before the job read it. */
    List<String> header(long storeId, long jobId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "select cast(header as text) from import_jobs where store_id = ? and id = ?")) {
            statement.setLong(1, storeId);
            statement.setLong(2, jobId);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() && rows.getString(1) != null ? read(rows.getString(1), new TypeReference<List<String>>() {
                }) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<ImportJobView> query(String sql, Object... params) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, params);
            List<ImportJobView> views = new ArrayList<>();
            try (ResultSet r = statement.executeQuery()) {
                while (r.next()) {
                    views.add(view(r));
                }
            }
            return views;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private ImportJobView view(ResultSet r) throws SQLException {
        String detected = r.getString(7);
        ImportDetected d = detected == null || detected.equals("{}") ? null : read(detected, new TypeReference<ImportDetected>() {
        });
        return new ImportJobView(r.getLong(1), ImportStatus.valueOf(r.getString(2)), ImportPhase.valueOf(r.getString(3)),
                r.getString(4), r.getLong(5), read(r.getString(6), new TypeReference<ImportOptions>() {
                }), d, (Integer) r.getObject(8), r.getInt(9), r.getInt(10), r.getInt(11), r.getInt(12), r.getInt(13),
                instant(r.getTimestamp(14)), instant(r.getTimestamp(15)), instant(r.getTimestamp(16)),
                read(r.getString(17), new TypeReference<List<RowError>>() {
                }), read(r.getString(18), new TypeReference<List<String>>() {
                }), r.getString(19), (Long) r.getObject(20), instant(r.getTimestamp(21)));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private long update(String sql, boolean returning, Object... params) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, params);
            if (returning) {
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    return rows.getLong(1);
                }
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void bind(PreparedStatement statement, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            if (p == null) {
                statement.setNull(i + 1, Types.NULL);
            } else {
                statement.setObject(i + 1, p);
            }
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String value, TypeReference<T> type) {
        try {
            return json.readValue(value, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, Object> noExtensions() {
        return Map.of();
    }
}
