package com.harborcrm.customer;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.harborcrm.common.sql.SqlArrays;
import com.harborcrm.common.error.DomainException;
import com.harborcrm.common.security.CurrentUser;
import com.harborcrm.common.tenancy.TenantContext;
import com.harborcrm.customer.BatchDtos.BatchAction;
import com.harborcrm.customer.BatchDtos.BatchRequest;
import com.harborcrm.customer.BatchDtos.BatchResult;
import com.harborcrm.customer.BatchDtos.Skip;
import com.harborcrm.pool.PoolDtos.AssignResult;
import com.harborcrm.pool.PoolService;

/**
 * One action over many customers, chosen by ids or by a {@link CustomerFilter}. Each action is one set-based
 * statement that also writes the customers' events (data-modifying CTEs), so a batch is as atomic and as
 * traceable as single changes. Reps act on their own customers only; other ids are skipped as NOT_FOUND.
 * RELEASE and TRANSFER change owners, so they are the pool's set-based release and assign, with its rules.
 */
@ApplicationScoped
public class CustomerBatch {

    static final String NOT_FOUND = "NOT_FOUND";
    static final String ALREADY_IN_POOL = "ALREADY_IN_POOL";
    static final String ALREADY_LOST = "ALREADY_LOST";
    static final String NOT_LOST = "NOT_LOST";

    @Inject
    PoolAccess pools;

    @Inject
    EntityManager em;

    @Inject
    TenantContext tenant;

    @Inject
    CurrentUser currentUser;

    @Inject
    Clock clock;

    @Inject
    CustomerQuery queries;

    @Inject
    PoolService pool;

    @Inject
    CustomerLifecycle lifecycle;

    @Inject
    com.harborcrm.reason.LostReasonService reasons;

    @Transactional
    public BatchResult run(BatchRequest request) {
        checkParameters(request);
        List<Skip> skipped = new ArrayList<>();
        List<Long> ids = select(request.selection(), skipped, request.action() == BatchAction.RELEASE);
        if (request.action() == BatchAction.RELEASE || request.action() == BatchAction.TRANSFER) {
            // Owner changes go through the pool's rules: its locks, limits, events and cooldown bookkeeping.
            BatchResult result = request.action() == BatchAction.RELEASE ? release(request, ids, skipped)
                    : transfer(request, ids, skipped);
            em.clear();
            return result;
        }
        if (request.action() == BatchAction.LOST || request.action() == BatchAction.REACTIVATE) {
            BatchResult result = changeStatus(request, ids, skipped);
            em.clear();
            return result;
        }
        if (ids.isEmpty()) {
            return new BatchResult(0, 0, skipped);
        }
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("store", tenant.storeId());
        params.put("ids", SqlArrays.bigints(ids));
        params.put("at", clock.instant());
        params.put("actor", currentUser.id());
        String sql = switch (request.action()) {
            case ADD_TAGS -> {
                params.put("tags", SqlArrays.bigints(request.tagIds()));
                yield """
                        with changed as (
                          insert into customer_tags (store_id, customer_id, tag_id)
                          select :store, c.id, t.id
                          from unnest(cast(:ids as bigint[])) c(id) cross join unnest(cast(:tags as bigint[])) t(id)
                          on conflict do nothing
                          returning customer_id, tag_id)
                        """ + tagEvents("jsonb_agg(x.tag_id order by x.tag_id)", "'[]'::jsonb");
            }
            case REMOVE_TAGS -> {
                params.put("tags", SqlArrays.bigints(request.tagIds()));
                yield """
                        with changed as (
                          delete from customer_tags
                          where store_id = :store and customer_id = any(cast(:ids as bigint[]))
                            and tag_id = any(cast(:tags as bigint[]))
                          returning customer_id, tag_id)
                        """ + tagEvents("'[]'::jsonb", "jsonb_agg(x.tag_id order by x.tag_id)");
            }
            case REPLACE_TAG -> {
                params.put("from", request.fromTagId());
                params.put("to", request.toTagId());
                yield """
                        with removed as (
                          delete from customer_tags
                          where store_id = :store and customer_id = any(cast(:ids as bigint[])) and tag_id = :from
                          returning customer_id),
                        added as (
                          insert into customer_tags (store_id, customer_id, tag_id)
                          select :store, customer_id, :to from removed
                          on conflict do nothing
                          returning customer_id),
                        events as (
                          insert into customer_events (store_id, customer_id, type, at, actor_id, data)
                          select :store, r.customer_id, 'TAGS_CHANGED', :at, :actor,
                                 jsonb_build_object('ownerId', %1$s, 'stage', c.stage,
                                   'added', case when a.customer_id is null then '[]'::jsonb
                                                 else jsonb_build_array(cast(:to as bigint)) end,
                                   'removed', jsonb_build_array(cast(:from as bigint)))
                          from removed r
                          left join added a on a.customer_id = r.customer_id
                          join customers c on c.store_id = :store and c.id = r.customer_id
                          returning 1)
                        select count(*) from events""".formatted(Ownership.ownerOf("c"));
            }
            case SET_STAGE -> {
                params.put("stage", request.stage().name());
                yield fieldChange("stage", "cast(:stage as text)", "STAGE_CHANGED",
                        PotentialScore.stageChangeSql("c.potential_score", "o.stage", "cast(:stage as text)"),
                        "'from', u.old_value, 'to', u.stage, 'fromSince', u.old_since", "o.stage");
            }
            case SET_STARS -> {
                params.put("stars", request.stars());
                yield fieldChange("stars", "cast(:stars as smallint)", "STARS_CHANGED",
                        PotentialScore.starsChangeSql("c.potential_score", "o.stars", "cast(:stars as smallint)"),
                        "'from', cast(u.old_value as int), 'to', u.stars", "o.stars::text");
            }
            case DELETE -> """
                    with gone as (
                      delete from customers c
                      where c.store_id = :store and c.id = any(cast(:ids as bigint[]))
                      returning c.id),
                    audited as (
                      insert into audit_events (store_id, at, actor_id, action, entity_type, entity_id, data)
                      select :store, :at, :actor, 'CUSTOMER_DELETED', 'customer', g.id, '{"batch": true}'::jsonb
                      from gone g
                      returning 1)
                    select count(*) from audited""";
            case RELEASE, TRANSFER, LOST, REACTIVATE -> throw new IllegalStateException("handled above");
        };
        var query = em.createNativeQuery(sql);
        params.forEach(query::setParameter);
        int changed = ((Number) query.getSingleResult()).intValue();
        // Hibernate must not serve customers it loaded before this statement changed them.
        em.clear();
        return new BatchResult(ids.size(), changed, skipped);
    }

    private BatchResult release(BatchRequest request, List<Long> ids, List<Skip> skipped) {
        Long onlyOwner = currentUser.isManagerOrAdmin() ? null : currentUser.id();
        List<Long> released = pool.releaseAll(ids, onlyOwner, request.reasonId(), request.note());
        Set<Long> done = new java.util.HashSet<>(released);
        List<Long> rest = ids.stream().filter(id -> !done.contains(id)).toList();
        if (!rest.isEmpty()) {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("select customer_id, owner_id from customer_owners "
                    + "where store_id = :store and customer_id = any(cast(:ids as bigint[]))")
                    .setParameter("store", tenant.storeId()).setParameter("ids", SqlArrays.bigints(rest)).getResultList();
            Map<Long, Boolean> inPool = new java.util.HashMap<>();
            rows.forEach(r -> inPool.put(((Number) r[0]).longValue(), r[1] == null));
            // Not released and still owned: taken by someone else meanwhile, so not the rep's any more.
            rest.forEach(id -> skipped.add(new Skip(id, Boolean.TRUE.equals(inPool.get(id)) ? ALREADY_IN_POOL : NOT_FOUND)));
        }
        return new BatchResult(ids.size(), released.size(), skipped);
    }

    /** LOST and REACTIVATE, through the same set-based change as the single endpoints. */
    private BatchResult changeStatus(BatchRequest request, List<Long> ids, List<Skip> skipped) {
        Long onlyOwner = currentUser.isManagerOrAdmin() ? null : currentUser.id();
        boolean lost = request.action() == BatchAction.LOST;
        List<Long> changed = lost ? lifecycle.lostAll(ids, onlyOwner, request.reasonId(), request.note())
                : lifecycle.reactivateAll(ids, onlyOwner);
        Set<Long> done = new java.util.HashSet<>(changed);
        List<Long> rest = ids.stream().filter(id -> !done.contains(id)).toList();
        if (!rest.isEmpty()) {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("select c.id, c.status, " + Ownership.ownerOf("c")
                    + " from customers c where c.store_id = :store and c.id = any(cast(:ids as bigint[]))")
                    .setParameter("store", tenant.storeId()).setParameter("ids", SqlArrays.bigints(rest)).getResultList();
            Map<Long, String> status = new java.util.HashMap<>();
            for (Object[] r : rows) {
                boolean visible = onlyOwner == null || (r[2] != null && ((Number) r[2]).longValue() == onlyOwner);
                if (visible) {
                    status.put(((Number) r[0]).longValue(), (String) r[1]);
                }
            }
            // Unchanged and still visible: it already had the status asked for; otherwise gone or taken meanwhile.
            rest.forEach(id -> skipped.add(new Skip(id, !status.containsKey(id) ? NOT_FOUND : lost ? ALREADY_LOST : NOT_LOST)));
        }
        return new BatchResult(ids.size(), changed.size(), skipped);
    }

    private BatchResult transfer(BatchRequest request, List<Long> ids, List<Skip> skipped) {
        AssignResult result = pool.assignAll(ids, request.userId(), Boolean.TRUE.equals(request.override()));
        result.failed().forEach(f -> skipped.add(new Skip(f.id(), f.reason().name())));
        return new BatchResult(ids.size(), result.assigned().size(), skipped);
    }

    /** TAGS_CHANGED events, one per customer with changed links ({@code changed(customer_id, tag_id)}). */
    private static String tagEvents(String added, String removed) {
        return """
                , events as (
                  insert into customer_events (store_id, customer_id, type, at, actor_id, data)
                  select :store, x.customer_id, 'TAGS_CHANGED', :at, :actor,
                         jsonb_build_object('ownerId', o.owner_id, 'stage', c.stage, 'added', %s, 'removed', %s)
                  from changed x join customers c on c.store_id = :store and c.id = x.customer_id
                  join customer_owners o on o.store_id = :store and o.customer_id = x.customer_id
                  group by x.customer_id, o.owner_id, c.stage
                  returning 1)
                select count(*) from events""".formatted(added, removed);
    }

    /**
     * Sets one column where it differs, bumping the version (so concurrent single edits with If-Match notice)
     * and adjusting the score; the self-join reads the old value for the event. The score's recent-activity points
     * are left as they are, and so is {@code score_recent_until}, which says until when the score holds them.
     */
    private static String fieldChange(String column, String newValue, String eventType, String newScore,
            String fromTo, String oldValue) {
        return """
                with updated as (
                  update customers c
                  set %1$s = %2$s, potential_score = %4$s, version = c.version + 1, updated_at = :at
                  from customers o
                  where c.store_id = :store and c.id = any(cast(:ids as bigint[]))
                    and o.store_id = c.store_id and o.id = c.id and c.%1$s <> %2$s
                  returning c.id, %7$s as owner_id, c.stage, c.stars, %6$s as old_value, o.stage_since as old_since),
                events as (
                  insert into customer_events (store_id, customer_id, type, at, actor_id, data)
                  select :store, u.id, '%3$s', :at, :actor,
                         jsonb_build_object('ownerId', u.owner_id, 'stage', u.stage, %5$s)
                  from updated u
                  returning 1)
                select count(*) from events""".formatted(column, newValue, eventType, newScore, fromTo, oldValue,
                        Ownership.ownerOf("c"));
    }

    /**
     * The customers of a selection the caller may change (for other features' batch actions, e.g. follow-up
     * plans), in id order; those asked for by id and not changeable are added to {@code skipped} as NOT_FOUND.
     */
    public List<Long> selectEditable(BatchDtos.Selection selection, List<Skip> skipped) {
        if ((selection.ids() == null) == (selection.filter() == null)) {
            throw DomainException.invalid("selection", "must have exactly one of ids or filter");
        }
        return select(selection, skipped, false);
    }

    /**
     * The ids the action applies to; requested ids the caller cannot see go to {@code skipped}. With
     * {@code poolVisible} a rep's ids also select customers of the pools the rep belongs to, so that a RELEASE can
     * skip them as ALREADY_IN_POOL rather than NOT_FOUND.
     */
    private List<Long> select(BatchDtos.Selection selection, List<Skip> skipped, boolean poolVisible) {
        boolean ownOnly = !currentUser.isManagerOrAdmin();
        if (selection.ids() != null) {
            Set<Long> requested = new LinkedHashSet<>(selection.ids());
            if (requested.isEmpty()) {
                return List.of();
            }
            List<Long> visiblePools = ownOnly && poolVisible ? pools.visiblePools() : null;
            String inPool = visiblePools == null ? "is null" : "is null and " + PoolAccess.inVisiblePools("o");
            @SuppressWarnings("unchecked")
            var query = em.createNativeQuery("select c.id from customers c where c.store_id = :store"
                    + (ownOnly ? poolVisible ? " and (" + Ownership.ownerIs("c", "= :caller") + " or "
                            + Ownership.ownerIs("c", inPool) + ")" : " and " + Ownership.ownerIs("c", "= :caller") : "")
                    + " and c.id = any(cast(:ids as bigint[])) order by c.id")
                    .setParameter("store", tenant.storeId()).setParameter("ids", SqlArrays.bigints(requested));
            if (ownOnly) {
                query.setParameter("caller", currentUser.id());
            }
            if (visiblePools != null) {
                query.setParameter("visiblePools", SqlArrays.bigints(visiblePools));
            }
            List<Number> found = query.getResultList();
            Set<Long> visible = found.stream().map(Number::longValue).collect(Collectors.toCollection(LinkedHashSet::new));
            requested.stream().filter(id -> !visible.contains(id)).forEach(id -> skipped.add(new Skip(id, NOT_FOUND)));
            return List.copyOf(visible);
        }
        CustomerQuery.Where where = queries.where(selection.filter(), ownOnly);
        var query = em.createNativeQuery("select c.id from customers c where " + where.sql()
                + " order by c.id limit " + (BatchDtos.MAX_CUSTOMERS + 1));
        where.params().forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        List<Number> found = query.getResultList();
        if (found.size() > BatchDtos.MAX_CUSTOMERS) {
            throw DomainException.invalid("selection.filter", "matches more than " + BatchDtos.MAX_CUSTOMERS
                    + " customers: narrow it down");
        }
        return found.stream().map(Number::longValue).toList();
    }

    private void checkParameters(BatchRequest request) {
        var selection = request.selection();
        if ((selection.ids() == null) == (selection.filter() == null)) {
            throw DomainException.invalid("selection", "must have exactly one of ids or filter");
        }
        BatchAction action = request.action();
        switch (action) {
            case ADD_TAGS, REMOVE_TAGS -> {
                if (request.tagIds() == null || request.tagIds().isEmpty()) {
                    throw DomainException.invalid("tagIds", "must list the tags to " + (action == BatchAction.ADD_TAGS ? "add" : "remove"));
                }
                checkTags("tagIds", new LinkedHashSet<>(request.tagIds()));
            }
            case REPLACE_TAG -> {
                if (request.fromTagId() == null || request.toTagId() == null) {
                    throw DomainException.invalid(request.fromTagId() == null ? "fromTagId" : "toTagId", "is required for REPLACE_TAG");
                }
                if (request.fromTagId().equals(request.toTagId())) {
                    throw DomainException.invalid("toTagId", "must differ from fromTagId");
                }
                checkTags("fromTagId", Set.of(request.fromTagId()));
                checkTags("toTagId", Set.of(request.toTagId()));
            }
            case SET_STAGE -> {
                if (request.stage() == null) {
                    throw DomainException.invalid("stage", "is required for SET_STAGE");
                }
            }
            case SET_STARS -> {
                if (request.stars() == null) {
                    throw DomainException.invalid("stars", "is required for SET_STARS");
                }
            }
            case DELETE -> {
                if (!currentUser.isManagerOrAdmin()) {
                    throw DomainException.forbidden("Only managers and admins delete customers");
                }
            }
            case RELEASE -> {
                if (request.reasonId() == null) {
                    throw DomainException.invalid("reasonId", "is required for RELEASE");
                }
            }
            case LOST -> {
                if (request.reasonId() == null) {
                    throw DomainException.invalid("reasonId", "is required for LOST");
                }
                reasons.requireUsable(request.reasonId(), "reasonId");
            }
            case REACTIVATE -> {
            }
            case TRANSFER -> {
                if (!currentUser.isManagerOrAdmin()) {
                    throw DomainException.forbidden("Only managers and admins transfer customers");
                }
                if (request.userId() == null) {
                    throw DomainException.invalid("userId", "is required for TRANSFER");
                }
            }
        }
    }

    private void checkTags(String field, Set<Long> tagIds) {
        Number found = (Number) em.createNativeQuery("select count(*) from tags where store_id = :store and id = any(cast(:ids as bigint[]))")
                .setParameter("store", tenant.storeId()).setParameter("ids", SqlArrays.bigints(tagIds)).getSingleResult();
        if (found.intValue() != tagIds.size()) {
            throw DomainException.invalid(field, "must be tags of this store");
        }
    }

    /** A PostgreSQL array literal of ids: numbers only, so nothing can be injected. */
}
