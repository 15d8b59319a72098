package com.harborcrm.customer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The rows of {@code customer_search} (V93), the text q's trigram index is asked for. Triggers on customers keep
 * them exact for every write in its own transaction; the one writer that defers them, an import's bulk insert, fills
 * them here after its commit.
 */
public final class CustomerSearchRows {

    private CustomerSearchRows() {
    }

    /**
     * Writes the missing search rows of the store's customers with ids first..last, in one statement, on the
     * caller's connection and transaction; returns how many. A row already there was written by a trigger since
     * (an edit of a just-imported customer) and is newer than what this statement read, so it is kept.
     */
    public static int fill(Connection connection, long storeId, long firstId, long lastId) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into customer_search (store_id, customer_id, search_text)
                select c.store_id, c.id, customer_search_text(c.name, c.company_name, c.email, c.phone_digits, c.mobile_digits)
                from customers c where c.store_id = ? and c.id between ? and ?
                on conflict (store_id, customer_id) do nothing""")) {
            insert.setLong(1, storeId);
            insert.setLong(2, firstId);
            insert.setLong(3, lastId);
            return insert.executeUpdate();
        }
    }
}
