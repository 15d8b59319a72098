package com.harborcrm.customer;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import com.harborcrm.common.sql.SqlArrays;
import com.harborcrm.common.error.DomainException;
import com.harborcrm.common.error.ProblemType;
import com.harborcrm.common.security.CurrentUser;
import com.harborcrm.common.tenancy.TenantContext;
import com.harborcrm.reason.LostReasonService;

/**
 * Marking customers lost (with one of the store's reasons) and reactivating them: POST /customers/{id}/lost and
 * /reactivate, and the batch actions LOST and REACTIVATE. One set-based statement for one customer or 50,000,
 * writing a LOST or REACTIVATED event per customer changed, with what churn statistics attribute it by (owner,
 * stage, source, reason). A lost customer keeps its owner, but the pool's timers stop for it (see PoolTimer);
 * reactivating an owned customer restarts its owner's clock, so it is not swept back the minute it comes back.
 */
@ApplicationScoped
public class CustomerLifecycle {

    @Inject
    EntityManager em;

    @Inject
    TenantContext tenant;

    @Inject
    CurrentUser currentUser;

    @Inject
    Clock clock;

    @Inject
    CustomerService customers;

    @Inject
    LostReasonService reasons;

    @Transactional
    public void markLost(long id, long reasonId, String note) {
        Customer customer = customers.findEditable(id, LockModeType.PESSIMISTIC_WRITE);
        if (customer.status == CustomerStatus.LOST) {
            throw new DomainException(ProblemType.ALREADY_LOST, "Customer " + id + " is already marked lost");
        }
        reasons.requireUsable(reasonId, "reasonId");
        lostAll(List.of(id), null, reasonId, note);
        em.clear();
    }

    @Transactional
    public void reactivate(long id) {
        Customer customer = customers.findEditable(id, LockModeType.PESSIMISTIC_WRITE);
        if (customer.status != CustomerStatus.LOST) {
            throw new DomainException(ProblemType.NOT_LOST, "Customer " + id + " is not marked lost");
        }
        reactivateAll(List.of(id), null);
        em.clear();
    }

    /**
     * Marks the active customers among ids lost (of {@code onlyOwner} if given); answers the ids changed. The
     * caller has checked the reason ({@link LostReasonService#requireUsable}).
     */
    @Transactional
    public List<Long> lostAll(List<Long> ids, Long onlyOwner, long reasonId, String rawNote) {
        String note = rawNote == null || rawNote.isBlank() ? null : rawNote.trim();
        return change(ids, onlyOwner, "ACTIVE", "LOST", false,
                "'reasonId', cast(:reason as bigint), 'note', cast(:note as text)", reasonId, note);
    }

    /** Reactivates the lost customers among ids (of {@code onlyOwner} if given); answers the ids changed. */
    @Transactional
    public List<Long> reactivateAll(List<Long> ids, Long onlyOwner) {
        return change(ids, onlyOwner, "LOST", "ACTIVE", true, null, null, null);
    }

    /**
     * Rows are locked in id order, as every set-based change of customers locks them, and the status is re-checked
     * on the row changed, so concurrent markings of one customer change it (and record it) once. With
     * {@code restartClock} an owned customer's pool clock starts again (a reactivation: its owner gets a full term).
     */
    private List<Long> change(List<Long> requested, Long onlyOwner, String from, String to, boolean restartClock,
            String extraData, Long reasonId, String note) {
        List<Long> ids = new ArrayList<>(new LinkedHashSet<>(requested));
        if (ids.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        var query = em.createNativeQuery("""
                with locked as materialized (
                  select c.id from customers c
                  where c.store_id = :store and c.id = any(cast(:ids as bigint[])) and c.status = :from
                    and (cast(:onlyOwner as bigint) is null or %s)
                  order by c.id
                  for update),
                changed as (
                  update customers c set status = :to, updated_at = :now, version = c.version + 1
                  from locked where c.store_id = :store and c.id = locked.id and c.status = :from
                  returning c.id, c.stage, c.source),
                owners as (
                  select o.customer_id, o.owner_id, o.pool_id from customer_owners o
                  where o.store_id = :store and o.customer_id in (select id from changed)),
                restarted as (
                  update customer_owners o set owned_since = :now
                  from owners w where %s and o.store_id = :store and o.customer_id = w.customer_id
                    and o.owner_id is not null),
                ev as (
                  insert into customer_events (store_id, customer_id, type, at, actor_id, data)
                  select :store, x.id, :to_event, :now, :actor,
                         jsonb_build_object('ownerId', w.owner_id, 'stage', x.stage, 'source', x.source,
                                            'poolId', w.pool_id%s)
                  from changed x left join owners w on w.customer_id = x.id)
                select id from changed""".formatted(Ownership.ownerIs("c", "= cast(:onlyOwner as bigint)"), restartClock,
                        extraData == null ? "" : ", " + extraData))
                .setParameter("store", tenant.storeId()).setParameter("ids", SqlArrays.bigints(ids))
                .setParameter("onlyOwner", onlyOwner).setParameter("from", from).setParameter("to", to)
                .setParameter("to_event", to.equals("LOST") ? CustomerEventType.LOST.name()
                        : CustomerEventType.REACTIVATED.name())
                .setParameter("now", now).setParameter("actor", currentUser.id());
        if (extraData != null) {
            query.setParameter("reason", reasonId).setParameter("note", note);
        }
        @SuppressWarnings("unchecked")
        List<Number> changed = query.getResultList();
        return changed.stream().map(Number::longValue).toList();
    }
}
