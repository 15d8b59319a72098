package com.harborcrm.activity;

import java.util.Set;

/**
 * A feature's own record of what people did (follow-ups, the customer event log, order events), as the activity
 * feed reads it: the feature names its table and columns, the feed adds the filters, the keyset and the order. Each
 * source keeps an index on (store_id, at desc, id desc) and on (store_id, actor, at desc, id desc) so that it hands
 * over its newest rows of the store, or of some people, without sorting.
 */
public interface ActivitySource {

    Table table();

    /**
     * @param source   the entry's source, as the API names it (FOLLOW_UP, EVENT, ORDER)
     * @param from     the table and its alias, e.g. {@code follow_ups f}
     * @param where    conditions every row of the feed meets besides the store (e.g. not an import), or null
     * @param text     the searchable text column, or null when the source has none
     * @param data     an SQL expression of text type for the entry's data (JSON), or {@code null::text}
     * @param types    the values of the {@code type} column, as the feed's type filter offers them
     */
    record Table(String source, String from, String where, String id, String at, String type, String actor,
            String customer, String text, String data, Set<String> types) {

        /** The alias {@link #from()} gives the table ({@code f} in {@code follow_ups f}): it qualifies store_id. */
        public String alias() {
            String[] words = from.trim().split("\\s+");
            return words[words.length - 1];
        }
    }
}
