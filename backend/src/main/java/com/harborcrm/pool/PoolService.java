package com.harborcrm.pool;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.MultivaluedMap;

import com.harborcrm.account.StoreTimeZones;
import com.harborcrm.account.User;
import com.harborcrm.common.error.DomainException;
import com.harborcrm.common.error.ProblemType;
import com.harborcrm.common.paging.Page;
import com.harborcrm.common.paging.TotalCount;
import com.harborcrm.common.security.CurrentUser;
import com.harborcrm.common.security.Role;
import com.harborcrm.common.sql.RowChecksPlan;
import com.harborcrm.common.sql.SqlArrays;
import com.harborcrm.common.tenancy.TenantContext;
import com.harborcrm.customer.CustomerDtos.CustomerView;
import com.harborcrm.customer.CustomerFilter;
import com.harborcrm.customer.CustomerSearch;
import com.harborcrm.customer.CustomerSort;
import com.harborcrm.notification.NotificationService;
import com.harborcrm.pool.PoolDtos.AssignRequest;
import com.harborcrm.pool.PoolDtos.AssignResult;
import com.harborcrm.pool.PoolDtos.ClaimResult;
import com.harborcrm.pool.PoolDtos.Failure;
import com.harborcrm.pool.PoolDtos.FailureReason;
import com.harborcrm.pool.PoolDtos.Preview;
import com.harborcrm.pool.PoolDtos.PreviewWindow;
import com.harborcrm.pool.PoolDtos.ReleaseRequest;
import com.harborcrm.pool.PoolDtos.RepCount;
import com.harborcrm.reason.LostReasonService;

/**
 * Changes of owner through the pool: claim, assign/transfer and release. Limits are enforced atomically: every
 * operation that gives customers to a user first takes a transaction-scoped advisory lock on (store, user), so
 * that user's counts cannot move underneath it, and then takes customers with one conditional UPDATE that
 * re-checks ownership row by row, so that of concurrent claims of one customer exactly one wins. Each change
 * writes exactly one OWNER_CHANGED event per customer in the same statement.
 */
@ApplicationScoped
public class PoolService {

    /** The pool list's own query parameters besides the screening filter's. */
    static final Set<String> LIST_PARAMETERS = Set.of("sort", "limit", "cursor", "includeTotal", "countUpTo");

    @Inject
    EntityManager em;

    @Inject
    TenantContext tenant;

    @Inject
    CurrentUser currentUser;

    @Inject
    Clock clock;

    @Inject
    PoolRulesService rulesService;

    @Inject
    PoolDirectory pools;

    @Inject
    LostReasonService reasons;

    @Inject
    PoolTimer timer;

    @Inject
    CustomerSearch search;

    @Inject
    PoolReadPolicy readPolicy;

    @Inject
    PoolMetrics metrics;

    @Inject
    NotificationService notifications;

    @Inject
    StoreTimeZones timeZones;

    /**
     * The pool, screened with the filters of /customers (narrowed to customers without owner, whoever asks) and
     * sorted by potential score, best first, unless another sort is asked for. Masked per the read policy; where
     * contacts are masked, {@code q} matches names and companies by part, but an email, a number or an IM handle only
     * whole, or it would reveal them a character at a time.
     */
    public Page<CustomerView> list(MultivaluedMap<String, String> query) {
        CustomerFilter f = search.filterFromQuery(query, LIST_PARAMETERS);
        if (f.ownerId() != null && !f.ownerId().isBlank() && !f.ownerId().trim().equals("none")) {
            throw DomainException.invalid("ownerId", "must be absent or none: the pool holds customers without owner");
        }
        CustomerFilter pool = new CustomerFilter(f.q(), f.stage(), f.stars(), f.status(), f.source(), f.country(),
                f.tag(), f.tagAll(), "none", f.createdFrom(), f.createdTo(), f.lastFollowUpFrom(), f.lastFollowUpTo(),
                f.nextFollowUpBefore(), f.hasEmail(), f.hasPhone(), f.scoreMin(), f.scoreMax(), f.cf(), f.poolId());
        String rawSort = query.getFirst("sort");
        CustomerSort.Spec sort = rawSort == null || rawSort.isBlank() ? new CustomerSort.Spec(CustomerSort.SCORE, true)
                : CustomerSort.Spec.parse(rawSort);
        int limit = 50;
        String rawLimit = query.getFirst("limit");
        if (rawLimit != null) {
            try {
                limit = Integer.parseInt(rawLimit.trim());
            } catch (NumberFormatException e) {
                throw DomainException.invalid("limit", "must be an integer");
            }
        }
        String cursor = query.getFirst("cursor");
        return search.list(pool, sort, limit, cursor == null || cursor.isEmpty() ? null : cursor,
                TotalCount.parse(query.getFirst("includeTotal"), query.getFirst("countUpTo")), false,
                !readPolicy.masksForCaller());
    }

    /** How many private customers would return under the candidate rules; computed, nothing saved. */
    public Preview preview(long poolId, PoolRules candidate) {
        PoolRules rules = rulesService.validate(candidate);
        Instant now = clock.instant();
        ZoneId zone = storeZone();
        LocalDate today = LocalDate.ofInstant(now, zone);
        Instant startTomorrow = today.plusDays(1).atStartOfDay(zone).toInstant();
        Instant startAfterTomorrow = today.plusDays(2).atStartOfDay(zone).toInstant();
        Instant in7Days = now.plus(java.time.Duration.ofDays(7));
        // Every window ends by in7Days; the earlier ones also count customers already overdue. The candidate rules
        // are not the stored ones: each owned customer's date is computed (one pass over the store's owned rows).
        Query query = em.createNativeQuery("""
                select d.owner_id, u.name,
                       count(*) filter (where d.due < :startTomorrow),
                       count(*) filter (where d.due >= :startTomorrow and d.due < :startAfterTomorrow),
                       count(*) filter (where d.due <= :in7Days)
                from (select o.owner_id, %s as due
                      from customer_owners o join customers c on c.store_id = o.store_id and c.id = o.customer_id
                      where o.store_id = :store and o.pool_id = :pool and o.owner_id is not null) d
                join users u on u.store_id = :store and u.id = d.owner_id
                where d.due <= :in7Days
                group by d.owner_id, u.name
                order by d.owner_id""".formatted(PoolTimer.dueAtUnder("o", "c")))
                .setParameter("store", tenant.storeId()).setParameter("pool", poolId)
                .setParameter("startTomorrow", startTomorrow)
                .setParameter("startAfterTomorrow", startAfterTomorrow)
                .setParameter("in7Days", in7Days);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = timer.bindRules(query, rules).getResultList();
        List<List<RepCount>> windows = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (Object[] r : rows) {
            for (int w = 0; w < 3; w++) {
                long count = ((Number) r[2 + w]).longValue();
                if (count > 0) {
                    windows.get(w).add(new RepCount(((Number) r[0]).longValue(), (String) r[1], count));
                }
            }
        }
        List<PreviewWindow> result = windows.stream()
                .map(w -> new PreviewWindow(w.stream().mapToLong(RepCount::count).sum(), w)).toList();
        return new Preview(result.get(0), result.get(1), result.get(2));
    }

    /**
     * One claim is one statement after the owner lock: the bounded quota counts, the cooldown, the row locks, the
     * change, its event and its claim log, and every requested customer's outcome, so a claim costs a few round
     * trips (plan mode with the lock, claim; rules and time zone are kept in memory) whatever the size of the table
     * or of the rep's book.
     */
    @Transactional
    public ClaimResult claim(List<Long> requested) {
        long me = currentUser.id();
        List<Long> ids = new ArrayList<>(new LinkedHashSet<>(requested));
        // The claim's statements are the same every time and find their rows by key whatever the values: plan them
        // once. (The datasource plans every query per call for the screening's sake.) Under 'auto' PostgreSQL kept
        // planning the claim anew, 0.4-0.6 ms of its CPU each time (bench/stats/claim-cpu.sh).
        List<Long> visiblePools = pools.visiblePools();
        boolean limited = rulesService.anyLimit();
        StoreLimits storeLimits = rulesService.limits();
        // The owner lock serializes what counts against this rep's limits; without limits anywhere nothing needs
        // serializing (each row's own lock decides who gets it). Same round trip as the plan mode.
        Query planAndLock = em.createNativeQuery("select set_config('plan_cache_mode', 'force_generic_plan', true)"
                + (limited ? ", pg_advisory_xact_lock(hashtextextended(?1, 0))" : ""));
        if (limited) {
            planAndLock.setParameter(1, PoolSql.ownerLockKey(tenant.storeId(), me));
        }
        planAndLock.getSingleResult();
        Instant now = clock.instant();
        // Each pool has its limits and cooldown (pool_rules, V95): the quota is per pool among the requested
        // customers' pools, counting the rep's customers of that pool and their claims in it today. The store's
        // limits (V102) then count all pools together: of what the pools allow, the first in the requested order
        // up to the store's quota. The counts stop at the limit: whether a rep owns 200 or 60,000 customers, 200
        // answers "none left"; a limit that is off (0) counts nothing (a CASE runs its subquery only when chosen).
        // Every requested row is locked (in id order, as everything locks them), not only the free ones: a row
        // taken by someone else while we waited then shows its new owner here (FOR UPDATE returns the latest
        // version), which is what tells ALREADY_OWNED from a limit.
        Query query = em.createNativeQuery("""
                with requested as (
                  select id, pos from unnest(cast(:ids as bigint[])) with ordinality as r(id, pos)),
                locked as materialized (
                  select customer_id as id, owner_id, pool_id from customer_owners
                  where store_id = :store and customer_id = any(cast(:ids as bigint[]))%s
                  order by customer_id
                  for update),
                rules as materialized (
                  select pool_id, max_private_customers_per_rep as max_private, max_claims_per_rep_per_day as max_daily,
                         reclaim_cooldown_days as cooldown
                  from pool_rules where store_id = :store and pool_id in (select pool_id from locked)),
                quota as (
                  select r.pool_id,
                         case when r.max_private = 0 then 2147483647 else r.max_private - (
                           select count(*) from (select 1 from customer_owners
                             where store_id = :store and owner_id = :owner and pool_id = r.pool_id
                             limit r.max_private) x) end as private_left,
                         case when r.max_daily = 0 then 2147483647 else r.max_daily - (
                           select count(*) from (select 1 from pool_claims
                             where store_id = :store and user_id = :owner and pool_id = r.pool_id
                               and claimed_at >= :dayStart limit r.max_daily) x) end as daily_left
                  from rules r),
                store_quota as (
                  select case when cast(:storePrivate as integer) = 0 then 2147483647 else :storePrivate - (
                           select count(*) from (select 1 from customer_owners
                             where store_id = :store and owner_id = :owner limit :storePrivate) x) end as private_left,
                         case when cast(:storeDaily as integer) = 0 then 2147483647 else :storeDaily - (
                           select count(*) from (select 1 from pool_claims
                             where store_id = :store and user_id = :owner and claimed_at >= :dayStart
                             limit :storeDaily) x) end as daily_left),
                cooling as (
                  select l.id from locked l join rules r on r.pool_id = l.pool_id
                  where r.cooldown > 0 and exists (select 1 from pool_returns p
                    where p.store_id = :store and p.user_id = :owner and p.customer_id = l.id
                      and p.returned_at > cast(:now as timestamptz) - make_interval(days => r.cooldown))),
                candidates as (
                  select l.id, l.pool_id, r.pos, row_number() over (partition by l.pool_id order by r.pos) as n
                  from locked l join requested r on r.id = l.id
                  where l.owner_id is null and l.id not in (select id from cooling)),
                pool_allows as (
                  select c.id, c.pos from candidates c join quota q on q.pool_id = c.pool_id
                  where c.n <= least(q.private_left, q.daily_left)),
                picked as (
                  select a.id from (select id, row_number() over (order by pos) as m from pool_allows) a
                  cross join store_quota s
                  where a.m <= least(s.private_left, s.daily_left)),
                taken as (
                  update customer_owners o set owner_id = :owner, owned_since = :now, pooled_since = null
                  from picked where o.store_id = :store and o.customer_id = picked.id
                  returning o.customer_id as id, o.pool_id),
                ev as (
                  insert into customer_events (store_id, customer_id, type, at, actor_id, data)
                  select :store, t.id, 'OWNER_CHANGED', :now, :owner,
                         jsonb_build_object('ownerId', cast(:owner as bigint), 'stage', c.stage, 'kind', 'CLAIMED',
                                            'fromOwnerId', null, 'toOwnerId', cast(:owner as bigint))
                  from taken t join customers c on c.store_id = :store and c.id = t.id),
                log as (
                  insert into pool_claims (store_id, user_id, customer_id, claimed_at, pool_id)
                  select :store, :owner, id, :now, pool_id from taken)
                select r.id,
                       case when t.id is not null then 'CLAIMED'
                            when l.id is null then 'NOT_FOUND'
                            when l.owner_id is not null then 'ALREADY_OWNED'
                            when r.id in (select id from cooling) then 'COOLDOWN'
                            when r.id in (select id from pool_allows)
                              then (select case when s.private_left <= s.daily_left then 'LIMIT_REACHED'
                                                else 'DAILY_LIMIT' end from store_quota s)
                            when (select q.private_left <= q.daily_left from quota q where q.pool_id = l.pool_id)
                              then 'LIMIT_REACHED'
                            else 'DAILY_LIMIT' end,
                       l.owner_id
                from requested r
                left join locked l on l.id = r.id
                left join taken t on t.id = r.id
                order by r.pos""".formatted(visiblePools == null ? ""
                        // a customer in a pool the rep is not in is not found, owned or not (nothing leaks)
                        : " and pool_id = any(cast(:visiblePools as bigint[]))"))
                .setParameter("store", tenant.storeId()).setParameter("ids", SqlArrays.bigints(ids))
                .setParameter("owner", me).setParameter("now", now).setParameter("dayStart", startOfToday(now))
                .setParameter("storePrivate", storeLimits.maxPrivateCustomersPerRep())
                .setParameter("storeDaily", storeLimits.maxClaimsPerRepPerDay());
        if (visiblePools != null) {
            query.setParameter("visiblePools", SqlArrays.bigints(visiblePools));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        List<Long> claimed = new ArrayList<>();
        List<Failure> failed = new ArrayList<>();
        Long singleOwner = null;
        for (Object[] r : rows) {
            long id = ((Number) r[0]).longValue();
            if ("CLAIMED".equals(r[1])) {
                claimed.add(id);
            } else {
                failed.add(new Failure(id, FailureReason.valueOf((String) r[1])));
                singleOwner = r[2] == null ? null : ((Number) r[2]).longValue();
            }
        }
        if (ids.size() == 1 && !failed.isEmpty() && failed.get(0).reason() == FailureReason.ALREADY_OWNED
                && !Long.valueOf(me).equals(singleOwner)) {
            throw new DomainException(ProblemType.ALREADY_CLAIMED,
                    "Customer " + ids.get(0) + " was just claimed by someone else");
        }
        metrics.claimed(claimed.size());
        return new ClaimResult(claimed, failed);
    }

    @Transactional
    public AssignResult assign(AssignRequest request) {
        return assignAll(request.customerIds(), request.userId(), Boolean.TRUE.equals(request.override()));
    }

    /**
     * Assigns pool customers or transfers private ones to {@code target}, in the listed order, within the target's
     * private-customer limit unless an admin overrides it: POST /pool/assign and the batch action TRANSFER. Set-based
     * (one statement for the changes, their events), for up to {@link com.harborcrm.customer.BatchDtos#MAX_CUSTOMERS}
     * ids. The caller must be a manager or an admin (checked by the callers' roles).
     */
    @Transactional
    public AssignResult assignAll(List<Long> customerIds, long target, boolean override) {
        if (override && currentUser.role() != Role.ADMIN) {
            throw DomainException.forbidden("Only an admin can assign beyond the private-customer limit");
        }
        User user = User.findById(target);
        if (user == null || !user.canOwnCustomers()) {
            throw DomainException.invalid("userId", "must be an active user of this store");
        }
        List<Long> ids = new ArrayList<>(new LinkedHashSet<>(customerIds));
        lockOwner(target);
        Instant now = clock.instant();
        List<Long> assigned = take(ids, !override, target, currentUser.id(), now);
        if (!assigned.isEmpty()) {
            notifications.publishAssigned(tenant.storeId(), List.of(new NotificationService.Tally(target,
                    assigned.size(), java.util.Collections.min(assigned), null)), currentUser.id(), now);
        }

        Map<Long, Long> owners = owners(ids);
        Set<Long> done = new HashSet<>(assigned);
        List<Failure> failed = new ArrayList<>();
        for (long id : ids) {
            if (done.contains(id)) {
                continue;
            }
            FailureReason reason = !owners.containsKey(id) ? FailureReason.NOT_FOUND
                    : Long.valueOf(target).equals(owners.get(id)) ? FailureReason.ALREADY_OWNED
                    : FailureReason.LIMIT_REACHED;
            failed.add(new Failure(id, reason));
        }
        return new AssignResult(assigned, failed);
    }

    /** The owner, or a manager/admin, gives a customer back to the pool with one of the store's reasons. */
    @Transactional
    public void release(long customerId, ReleaseRequest request) {
        long store = tenant.storeId();
        @SuppressWarnings("unchecked")
        List<Object> rows = em.createNativeQuery("select coalesce(owner_id, 0) from customer_owners "
                + "where store_id = ?1 and customer_id = ?2 for update")
                .setParameter(1, store).setParameter(2, customerId).getResultList();
        if (rows.isEmpty()) {
            throw DomainException.notFound("Customer " + customerId);
        }
        long ownerOrZero = ((Number) rows.get(0)).longValue();
        Long owner = ownerOrZero == 0 ? null : ownerOrZero;
        boolean mine = owner != null && owner == currentUser.id();
        if (owner == null) {
            throw new DomainException(ProblemType.ALREADY_IN_POOL, "Customer " + customerId + " is already in the pool");
        }
        if (!mine && !currentUser.isManagerOrAdmin()) {
            throw DomainException.notFound("Customer " + customerId);
        }
        reasons.requireUsable(request.reasonId(), "reasonId");
        if (request.poolId() != null && !pools.isUsable(request.poolId())) {
            throw DomainException.invalid("poolId", "must be a pool of this store that you belong to");
        }
        releaseRows(List.of(customerId), owner, request.reasonId(), request.note(), request.poolId());
    }

    /**
     * The batch action RELEASE: gives the listed private customers back to the pool with one of the store's reasons,
     * exactly as single releases do (OWNER_CHANGED kind RELEASED, a pool_returns row that starts the previous
     * owner's reclaim cooldown). With {@code onlyOwner} (a rep's own batch) customers owned by anyone else stay.
     * Answers the ids released; the others were in the pool, gone or (with {@code onlyOwner}) not theirs.
     */
    @Transactional
    public List<Long> releaseAll(List<Long> customerIds, Long onlyOwner, long reasonId, String note) {
        reasons.requireUsable(reasonId, "reasonId");
        List<Long> ids = new ArrayList<>(new LinkedHashSet<>(customerIds));
        return ids.isEmpty() ? List.of() : releaseRows(ids, onlyOwner, reasonId, note, null);
    }

    /**
     * One set-based release: the private rows among ids (of {@code onlyOwner} if given) are locked in id order, as
     * claims and assigns lock theirs; FOR UPDATE re-checks each row after waiting for a concurrent change, so rows
     * released or taken meanwhile drop out. One event and one pool_returns row per customer, same statement.
     */
    private List<Long> releaseRows(List<Long> ids, Long onlyOwner, long reasonId, String rawNote, Long toPool) {
        String note = rawNote == null || rawNote.isBlank() ? null : rawNote.trim();
        Instant now = clock.instant();
        RowChecksPlan.keepForThisTransaction(em, ids.size()); // pool_returns' two keys, checked per row
        @SuppressWarnings("unchecked")
        List<Number> released = em.createNativeQuery("""
                with locked as materialized (
                  select customer_id as id, owner_id from customer_owners
                  where store_id = :store and customer_id = any(cast(:ids as bigint[])) and owner_id is not null
                    and (cast(:onlyOwner as bigint) is null or owner_id = cast(:onlyOwner as bigint))
                  order by customer_id
                  for update),
                changed as (
                  update customer_owners o set owner_id = null, owned_since = null, pooled_since = :now,
                         pool_id = coalesce(cast(:toPool as bigint), o.pool_id)
                  from locked where o.store_id = :store and o.customer_id = locked.id and o.owner_id = locked.owner_id
                  returning o.customer_id as id, locked.owner_id as from_owner, o.pool_id),
                released as (
                  select x.id, c.stage, c.source, x.from_owner, x.pool_id
                  from changed x join customers c on c.store_id = :store and c.id = x.id),
                ev as (
                  insert into customer_events (store_id, customer_id, type, at, actor_id, data)
                  select :store, id, 'OWNER_CHANGED', :now, :actor,
                         jsonb_build_object('ownerId', null, 'stage', stage, 'source', source, 'kind', 'RELEASED',
                                            'fromOwnerId', from_owner, 'toOwnerId', null,
                                            'reasonId', cast(:reason as bigint), 'note', cast(:note as text),
                                            'poolId', pool_id)
                         || case when cast(:toPool as bigint) is null then cast('{}' as jsonb)
                                 else jsonb_build_object('toPoolId', cast(:toPool as bigint)) end
                  from released),
                log as (
                  insert into pool_returns (store_id, customer_id, user_id, returned_at, kind)
                  select :store, id, from_owner, :now, 'RELEASED' from released)
                select id from released""")
                .setParameter("store", tenant.storeId()).setParameter("ids", SqlArrays.bigints(ids))
                .setParameter("onlyOwner", onlyOwner).setParameter("now", now).setParameter("actor", currentUser.id())
                .setParameter("reason", reasonId).setParameter("note", note).setParameter("toPool", toPool)
                .getResultList();
        return released.stream().map(Number::longValue).toList();
    }

    /**
     * Gives the listed customers, in the listed order, to {@code owner} from the pool or another user: with
     * {@code limited}, within the private-customer limit of each customer's pool (the owner's customers of that pool
     * counted, as a claim counts them) and then the store's across all pools. The eligible rows are locked first,
     * in id order (so that concurrent multi-customer changes never deadlock); FOR UPDATE re-checks each row after
     * waiting for a concurrent change, so rows taken meanwhile drop out and the next ones in the listed order count
     * instead.
     */
    private List<Long> take(List<Long> ids, boolean limited, long owner, long actor, Instant now) {
        RowChecksPlan.keepForThisTransaction(em, ids.size()); // the new owner's key, checked per row
        @SuppressWarnings("unchecked")
        List<Number> taken = em.createNativeQuery("""
                with locked as materialized (
                  select customer_id as id, owner_id, pool_id from customer_owners
                  where store_id = :store and customer_id = any(cast(:ids as bigint[]))
                    and owner_id is distinct from cast(:owner as bigint)
                  order by customer_id
                  for update),
                quota as (
                  select r.pool_id,
                         case when not :limited or r.max_private_customers_per_rep = 0 then 2147483647
                              else r.max_private_customers_per_rep - (
                                select count(*) from (select 1 from customer_owners
                                  where store_id = :store and owner_id = :owner and pool_id = r.pool_id
                                  limit r.max_private_customers_per_rep) x) end as private_left
                  from pool_rules r where r.store_id = :store and r.pool_id in (select pool_id from locked)),
                store_quota as (
                  select case when not :limited or cast(:storePrivate as integer) = 0 then 2147483647
                              else :storePrivate - (select count(*) from (select 1 from customer_owners
                                where store_id = :store and owner_id = :owner limit :storePrivate) x) end as private_left),
                pool_allows as (
                  select c.id, c.owner_id, c.pos from (
                    select l.id, l.owner_id, l.pool_id, r.pos,
                           row_number() over (partition by l.pool_id order by r.pos) as n
                    from locked l join unnest(cast(:ids as bigint[])) with ordinality as r(id, pos) on r.id = l.id) c
                  join quota q on q.pool_id = c.pool_id
                  where c.n <= q.private_left),
                picked as (
                  select a.id, a.owner_id
                  from (select id, owner_id, row_number() over (order by pos) as m from pool_allows) a
                  cross join store_quota s
                  where a.m <= s.private_left),
                changed as (
                  update customer_owners o set owner_id = :owner, owned_since = :now, pooled_since = null
                  from picked where o.store_id = :store and o.customer_id = picked.id
                  returning o.customer_id as id, picked.owner_id as from_owner),
                taken as (
                  select x.id, c.stage, x.from_owner
                  from changed x join customers c on c.store_id = :store and c.id = x.id),
                ev as (
                  insert into customer_events (store_id, customer_id, type, at, actor_id, data)
                  select :store, id, 'OWNER_CHANGED', :now, cast(:actor as bigint),
                         jsonb_build_object('ownerId', cast(:owner as bigint), 'stage', stage,
                                            'kind', case when from_owner is null then 'ASSIGNED' else 'TRANSFERRED' end,
                                            'fromOwnerId', from_owner, 'toOwnerId', cast(:owner as bigint))
                  from taken)
                select id from taken""")
                .setParameter("store", tenant.storeId()).setParameter("ids", SqlArrays.bigints(ids))
                .setParameter("limited", limited).setParameter("owner", owner)
                .setParameter("storePrivate", rulesService.limits().maxPrivateCustomersPerRep())
                .setParameter("now", now).setParameter("actor", actor)
                .getResultList();
        return taken.stream().map(Number::longValue).toList();
    }

    private void lockOwner(long userId) {
        em.createNativeQuery("select pg_advisory_xact_lock(hashtextextended(?1, 0))")
                .setParameter(1, PoolSql.ownerLockKey(tenant.storeId(), userId)).getSingleResult();
    }

    public Instant startOfToday(Instant now) {
        return timeZones.startOfDay(now);
    }

    public ZoneId storeZone() {
        return timeZones.current();
    }

    /** Current owner (null: pool) of each existing customer among ids; missing ids are absent. */
    private Map<Long, Long> owners(List<Long> ids) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select customer_id, owner_id from customer_owners "
                + "where store_id = ?1 and customer_id = any(cast(?2 as bigint[]))")
                .setParameter(1, tenant.storeId()).setParameter(2, SqlArrays.bigints(ids)).getResultList();
        Map<Long, Long> result = new HashMap<>();
        rows.forEach(r -> result.put(((Number) r[0]).longValue(), r[1] == null ? null : ((Number) r[1]).longValue()));
        return result;
    }
}
