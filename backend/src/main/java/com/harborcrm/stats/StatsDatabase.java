package com.harborcrm.stats;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;

/**
 * Statistics read through a datasource of their own ({@code quarkus.datasource.stats.*}, by environment
 * HARBOR_STATS_DB_URL/_USER/_PASSWORD, defaulting to the primary's), so that an operator can point them at a read
 * replica and keep long aggregations off the primary. Its sessions are read-only. Plain JDBC: there is no Hibernate
 * session (and no tenant filter) here, so every query names its store_id itself.
 */
@ApplicationScoped
public class StatsDatabase {

    @Inject
    @DataSource("stats")
    AgroalDataSource dataSource;

    /** One row of a result: its columns by position, as JDBC returns them. */
    public record Row(Object[] values) {
        public long getLong(int i) {
            Object v = values[i];
            return v == null ? 0 : ((Number) v).longValue();
        }

        public Long getNullableLong(int i) {
            Object v = values[i];
            return v == null ? null : ((Number) v).longValue();
        }

        public Double getNullableDouble(int i) {
            Object v = values[i];
            return v == null ? null : ((Number) v).doubleValue();
        }

        public String getString(int i) {
            Object v = values[i];
            return v == null ? null : v.toString();
        }
    }

    /** Runs a query with positional parameters (Instant and Instant[] become timestamptz, LocalDate[] date[]). */
    public List<Row> query(String sql, Object... params) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, jdbc(connection, params[i]));
            }
            try (ResultSet rows = statement.executeQuery()) {
                int columns = rows.getMetaData().getColumnCount();
                List<Row> result = new ArrayList<>();
                while (rows.next()) {
                    Object[] values = new Object[columns];
                    for (int c = 0; c < columns; c++) {
                        values[c] = rows.getObject(c + 1);
                    }
                    result.add(new Row(values));
                }
                return result;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Statistics query failed", e);
        }
    }

    private static Object jdbc(Connection connection, Object value) throws SQLException {
        if (value instanceof Instant instant) {
            return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
        }
        if (value instanceof Instant[] instants) {
            Object[] times = new Object[instants.length];
            for (int i = 0; i < instants.length; i++) {
                times[i] = OffsetDateTime.ofInstant(instants[i], ZoneOffset.UTC);
            }
            Array array = connection.createArrayOf("timestamptz", times);
            return array;
        }
        if (value instanceof LocalDate[] days) {
            return connection.createArrayOf("date", java.util.Arrays.stream(days).map(LocalDate::toString).toArray());
        }
        return value;
    }
}
