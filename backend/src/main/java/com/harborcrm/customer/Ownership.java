package com.harborcrm.customer;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import com.harborcrm.common.tenancy.TenantContext;

/**
 * Who owns a customer lives in its own narrow row, {@code customer_owners} (V78), not in the wide customers row: an
 * owner change then rewrites seven columns and four small indexes. Every customer has exactly one such row, written
 * here with the customer ({@link #start}; imports write theirs in bulk the same way). Owner changes are set-based
 * statements of the pool (claim, assign, release, sweep) and of the lifecycle (a reactivation restarts the clock);
 * the database keeps the row's clocks and return date (triggers customer_owners_clock, customers_owner_due,
 * pool_rules_due). Reads join the row or use the SQL below.
 */
@ApplicationScoped
public class Ownership {

    /** The insert of new customers' rows; a pool customer's clock is pooled_since, an owned one's owned_since. */
    public static final String START = """
            insert into customer_owners (store_id, customer_id, owner_id, owned_since, pooled_since, pool_id)
            values (?1, ?2, cast(?3 as bigint), case when cast(?3 as bigint) is not null then cast(?4 as timestamptz) end,
                    case when cast(?3 as bigint) is null then cast(?4 as timestamptz) end, coalesce(cast(?5 as bigint), 0))""";

    @Inject
    EntityManager em;

    @Inject
    TenantContext tenant;

    /** SQL: the owner (null: in the pool) of the customer aliased {@code c}. */
    public static String ownerOf(String c) {
        return "(select o.owner_id from customer_owners o where o.store_id = " + c + ".store_id and o.customer_id = "
                + c + ".id)";
    }

    /**
     * SQL: whether the owner of the customer aliased {@code c} meets {@code condition} ("= :me", "is null"). A
     * semi-join, so PostgreSQL either starts from a rep's rows (index customer_owners_owner) or walks a customers
     * index in sort order and probes each row's owner, whichever the rest of the filter makes cheaper.
     */
    public static String ownerIs(String c, String condition) {
        return "exists (select 1 from customer_owners o where o.store_id = " + c + ".store_id and o.customer_id = "
                + c + ".id and o.owner_id " + condition + ")";
    }

    /**
     * The ownership row of a customer just written: owned by {@code ownerId} since {@code at}, or in the pool; in
     * (or returning to) pool {@code poolId}, the default pool when null.
     */
    public void start(long customerId, Long ownerId, Instant at, Long poolId) {
        em.createNativeQuery(START)
                .setParameter(1, tenant.storeId()).setParameter(2, customerId).setParameter(3, ownerId)
                .setParameter(4, at).setParameter(5, poolId).executeUpdate();
    }
}
