package com.harborcrm.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

/** Reads for tests that compare what the API says with what the tables hold. */
public final class Sql {

    private Sql() {
    }

    /** Every row of a query; an Instant parameter is sent as a timestamp in UTC, a null one as a bigint. */
    public static List<Object[]> rows(DataSource dataSource, String sql, Object... params) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                Object p = params[i] instanceof Instant instant ? OffsetDateTime.ofInstant(instant, ZoneOffset.UTC) : params[i];
                if (p == null) {
                    statement.setNull(i + 1, java.sql.Types.BIGINT);
                } else {
                    statement.setObject(i + 1, p);
                }
            }
            List<Object[]> result = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    Object[] row = new Object[rows.getMetaData().getColumnCount()];
                    for (int c = 0; c < row.length; c++) {
                        row[c] = rows.getObject(c + 1);
                    }
                    result.add(row);
                }
            }
            return result;
        }
    }

    /**
     * Customers of the store whose search row (V93's customer_search) is missing or differs from a recompute from
     * the customer: 0 when the side table is exact.
     */
    public static long searchRowsDrift(DataSource dataSource, long storeId) throws SQLException {
        return ((Number) rows(dataSource, """
                select count(*) from customers c
                left join customer_search s on s.store_id = c.store_id and s.customer_id = c.id
                where c.store_id = ?
                  and s.search_text is distinct from customer_search_text(c.name, c.company_name, c.email, c.phone_digits, c.mobile_digits)""",
                storeId).get(0)[0]).longValue();
    }
}
