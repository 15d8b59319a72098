package com.harborcrm.stats;

/** SQL fragments the statistics share: how events are read and attributed. */
final class StatsSql {

    private StatsSql() {
    }

    /** The events that are churn: marked lost, released by hand, auto-returned (matches index customer_events_churn). */
    static final String CHURN_EVENT = "(e.type = 'LOST' or (e.type = 'OWNER_CHANGED' and e.data ->> 'kind' in "
            + "('RELEASED', 'AUTO_RETURNED')))";

    /** The churn kind of such an event: LOST, RELEASED or AUTO_RETURNED. */
    static final String CHURN_KIND = "case when e.type = 'LOST' then 'LOST' else e.data ->> 'kind' end";

    /** The rep a churn event counts for: the owner when marked lost, the previous owner when given back. */
    static final String CHURN_REP = "case when e.type = 'LOST' then (e.data ->> 'ownerId')::bigint "
            + "else (e.data ->> 'fromOwnerId')::bigint end";

    /** The customer's source at the event; events written before it was recorded fall back to the customer's. */
    static final String EVENT_SOURCE = "coalesce(e.data ->> 'source', (select c.source from customers c "
            + "where c.store_id = e.store_id and c.id = e.customer_id), 'UNKNOWN')";

    /** The trade order of a stage name (1..6; null for anything else). */
    static String stageRank(String stage) {
        return "array_position(array['UNMARKED', 'INQUIRY', 'SAMPLE_ORDER', 'NO_DEAL', 'TRANSACTION', "
                + "'REPEAT_PURCHASE'], " + stage + ")";
    }

    /** Deletes and purges of customers, in audit_events (alias a). */
    static final String CUSTOMER_DELETED = "a.entity_type = 'customer' and a.action in ('CUSTOMER_DELETED', "
            + "'CUSTOMER_PURGED')";

    /**
     * True when the customer (column {@code id}) was marked lost, and not reactivated, as of the events whose time
     * meets {@code atCondition} (e.g. {@code "< i.t"}). Its one parameter is the store id.
     */
    static String lost(String id, String atCondition) {
        return "coalesce((select l.type from customer_events l where l.store_id = ? and l.customer_id = " + id
                + " and l.type in ('LOST', 'REACTIVATED') and l.at " + atCondition
                + " order by l.at desc, l.id desc limit 1), 'REACTIVATED') = 'LOST'";
    }
}
