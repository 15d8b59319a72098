package com.harborcrm.pool;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.harborcrm.common.cache.ChangeFeed;
import com.harborcrm.common.cache.SharedCache;
import com.harborcrm.common.error.DomainException;
import com.harborcrm.common.error.FieldError;
import com.harborcrm.common.error.ProblemType;
import com.harborcrm.common.security.ActiveUsers;
import com.harborcrm.common.security.CurrentUser;
import com.harborcrm.common.security.Role;
import com.harborcrm.common.sql.SqlArrays;
import com.harborcrm.common.tenancy.TenantContext;
import com.harborcrm.common.time.Instants;
import com.harborcrm.common.web.Text;
import com.harborcrm.customer.PoolAccess;
import com.harborcrm.pool.PoolDirectoryDtos.MoveResult;
import com.harborcrm.pool.PoolDirectoryDtos.PoolInput;
import com.harborcrm.pool.PoolDirectoryDtos.PoolView;

/**
 * The store's pools and who belongs to them (pools v2, V94). A store starts with one default pool open to everyone;
 * an admin adds pools with members, and managers move customers between them. Which pool a customer is in is a
 * column of its ownership row, so a release or an auto-return sends it back to the pool it came from without this
 * class. It is set when the customer is written (Ownership.start, the import) and changed by a move or a delete here,
 * or by a release into another pool (PoolService).
 */
@ApplicationScoped
public class PoolDirectory implements PoolAccess {

    /** Every store's default pool has this id (V94): new customers and those of deleted pools go there. */
    public static final long DEFAULT_POOL = 0;

    @Inject
    EntityManager em;

    @Inject
    TenantContext tenant;

    @Inject
    CurrentUser currentUser;

    @Inject
    Clock clock;

    @Inject
    Event<PoolsChanged> poolsChanged;

    @Inject
    ActiveUsers activeUsers;

    private final SharedCache<List<PoolAccessRow>> accessCache;

    /** One entry per store: its pools' ids, everyone flags, member ids and member teams. */
    private static final int MAX_CACHED_STORES = 10_000;

    @Inject
    PoolDirectory(ChangeFeed feed) {
        this.accessCache = feed.cache("pool_access", MAX_CACHED_STORES);
    }

    /** Managers, admins and API keys see every pool; a rep the pools open to everyone and those naming them. */
    @Override
    public List<Long> visiblePools() {
        if (currentUser.isManagerOrAdmin()) {
            return null;
        }
        long me = currentUser.id();
        String myTeam = activeUsers.teamKeyOf(tenant.storeId(), me).orElse(null);
        return access().stream().filter(pool -> pool.visibleTo(me, myTeam)).map(PoolAccessRow::id).toList();
    }

    @Override
    public boolean isUsable(long poolId) {
        return canSeePool(poolId) && access().stream().anyMatch(pool -> pool.id() == poolId);
    }

    /**
     * Who may see each pool of the store, in pool id order: kept in memory (a rep's every pool read and claim asks),
     * forgotten when this instance changes a pool or its members and when V107's triggers announce another's change.
     */
    private List<PoolAccessRow> access() {
        long store = tenant.storeId();
        return accessCache.get(Long.toString(store), () -> loadAccess(store));
    }

    private List<PoolAccessRow> loadAccess(long store) {
        // One row per pool, then one per member and one per member team (lower-cased by PostgreSQL, as the user's
        // team is: teams compare as lower(team) = lower(team) did in SQL).
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select id, everyone, cast(null as bigint), cast(null as text) from pools where store_id = ?1
                union all
                select pool_id, null, user_id, null from pool_members where store_id = ?1
                union all
                select pool_id, null, null, lower(team) from pool_member_teams where store_id = ?1
                order by 1""")
                .setParameter(1, store).getResultList();
        Map<Long, Boolean> everyone = new LinkedHashMap<>();
        Map<Long, Set<Long>> members = new HashMap<>();
        Map<Long, Set<String>> teams = new HashMap<>();
        for (Object[] r : rows) {
            long pool = ((Number) r[0]).longValue();
            if (r[1] != null) {
                everyone.put(pool, (Boolean) r[1]);
            } else if (r[2] != null) {
                members.computeIfAbsent(pool, p -> new HashSet<>()).add(((Number) r[2]).longValue());
            } else {
                teams.computeIfAbsent(pool, p -> new HashSet<>()).add((String) r[3]);
            }
        }
        return everyone.entrySet().stream().map(e -> new PoolAccessRow(e.getKey(), e.getValue(),
                members.getOrDefault(e.getKey(), Set.of()), teams.getOrDefault(e.getKey(), Set.of()))).toList();
    }

    /** This transaction changes who sees which pool: read it from the database until it ends, then forget it. */
    private void accessChanges() {
        accessCache.forgetAfterCompletion(Long.toString(tenant.storeId()));
    }

    /** A pool comes or goes in this transaction: with its access, its rules row (PoolRulesService hears it). */
    private void poolComesOrGoes() {
        poolsChanged.fire(new PoolsChanged(tenant.storeId()));
        accessChanges();
    }

    /** The pools the caller sees, the default first, then by name; with how many customers each holds. */
    public List<PoolView> list() {
        return views(visiblePools());
    }

    public PoolView get(long id) {
        if (!canSeePool(id)) {
            throw DomainException.notFound("Pool " + id);
        }
        List<PoolView> found = views(List.of(id));
        if (found.isEmpty()) {
            throw DomainException.notFound("Pool " + id);
        }
        return found.get(0);
    }

    @Transactional
    public PoolView create(PoolInput input) {
        Validated pool = validate(input, null);
        poolComesOrGoes();
        Instant now = clock.instant();
        long id = ((Number) em.createNativeQuery("""
                insert into pools (store_id, name, everyone, created_at, updated_at)
                values (?1, ?2, ?3, ?4, ?4) returning id""")
                .setParameter(1, tenant.storeId()).setParameter(2, pool.name).setParameter(3, pool.everyone)
                .setParameter(4, now).getSingleResult()).longValue();
        writeMembers(id, pool.memberIds, pool.teams, pool.managerIds);
        return get(id);
    }

    /** Replaces the name, the members and the managers; with {@code expectedVersion}, only if nobody changed the pool since. */
    @Transactional
    public PoolView update(long id, PoolInput input, Long expectedVersion) {
        long version = lockedVersion(id);
        if (expectedVersion != null && expectedVersion != version) {
            throw new DomainException(ProblemType.PRECONDITION_FAILED,
                    "This pool was changed by someone else: reload and try again");
        }
        Validated pool = validate(input, id);
        accessChanges();
        em.createNativeQuery("""
                update pools set name = ?3, everyone = ?4, updated_at = ?5, version = version + 1
                where store_id = ?1 and id = ?2""")
                .setParameter(1, tenant.storeId()).setParameter(2, id).setParameter(3, pool.name)
                .setParameter(4, pool.everyone).setParameter(5, clock.instant()).executeUpdate();
        em.createNativeQuery("delete from pool_members where store_id = ?1 and pool_id = ?2")
                .setParameter(1, tenant.storeId()).setParameter(2, id).executeUpdate();
        em.createNativeQuery("delete from pool_member_teams where store_id = ?1 and pool_id = ?2")
                .setParameter(1, tenant.storeId()).setParameter(2, id).executeUpdate();
        em.createNativeQuery("delete from pool_managers where store_id = ?1 and pool_id = ?2")
                .setParameter(1, tenant.storeId()).setParameter(2, id).executeUpdate();
        writeMembers(id, pool.memberIds, pool.teams, pool.managerIds);
        return get(id);
    }

    /**
     * Deletes a pool that is not the default one. Its customers, unowned or remembering it, go to the default pool
     * in the same transaction: a pool is a way to share work, deleting it must not lose a customer.
     */
    @Transactional
    public void delete(long id) {
        lockedVersion(id);
        if (id == DEFAULT_POOL) {
            throw new DomainException(ProblemType.DEFAULT_POOL,
                    "The default pool takes new customers and those of deleted pools: it cannot be deleted");
        }
        poolComesOrGoes();
        em.createNativeQuery("""
                update customer_owners set pool_id = 0
                where store_id = ?1 and pool_id = ?2""")
                .setParameter(1, tenant.storeId()).setParameter(2, id).executeUpdate();
        em.createNativeQuery("delete from pools where store_id = ?1 and id = ?2")
                .setParameter(1, tenant.storeId()).setParameter(2, id).executeUpdate();
    }

    /**
     * Puts customers in a pool in one statement: an unowned one moves at once, an owned one will return there.
     * The ownership rows are taken in customer order, as every writer of them takes them.
     */
    @Transactional
    public MoveResult move(long poolId, List<Long> customerIds) {
        lockedVersion(poolId);
        Set<Long> requested = new LinkedHashSet<>(customerIds);
        @SuppressWarnings("unchecked")
        List<Number> moved = em.createNativeQuery("""
                with target as materialized (
                  select customer_id from customer_owners
                  where store_id = ?1 and customer_id = any(cast(?2 as bigint[]))
                  order by customer_id for update)
                update customer_owners o set pool_id = ?3
                from target t where o.store_id = ?1 and o.customer_id = t.customer_id
                returning o.customer_id""")
                .setParameter(1, tenant.storeId()).setParameter(2, SqlArrays.bigints(requested))
                .setParameter(3, poolId).getResultList();
        Set<Long> done = new LinkedHashSet<>();
        moved.forEach(n -> done.add(n.longValue()));
        List<Long> inOrder = requested.stream().filter(done::contains).toList();
        List<Long> notFound = requested.stream().filter(id -> !done.contains(id)).toList();
        return new MoveResult(inOrder, notFound);
    }

    private record Validated(String name, boolean everyone, List<Long> memberIds, List<String> teams,
            List<Long> managerIds) {
    }

    private Validated validate(PoolInput input, Long exceptId) {
        List<FieldError> errors = new ArrayList<>();
        String name = input.name() == null ? "" : input.name().strip();
        if (name.isEmpty()) {
            errors.add(FieldError.required("name"));
        } else if (Text.hasNul(name)) {
            errors.add(new FieldError("name", Text.NO_NUL_MESSAGE));
        }
        boolean everyone = Boolean.TRUE.equals(input.everyone());
        List<Long> members = everyone || input.memberIds() == null ? List.of()
                : new ArrayList<>(new LinkedHashSet<>(input.memberIds()));
        if (!everyone) {
            checkUsers("memberIds", input.memberIds(), "", "must be an active user of this store", errors);
        }
        List<String> teams = everyone || input.teams() == null ? List.of() : teams(input.teams());
        List<Long> managers = input.managerIds() == null ? List.of() : new ArrayList<>(new LinkedHashSet<>(input.managerIds()));
        checkUsers("managerIds", input.managerIds(), " and role = 'MANAGER' and not service",
                "must be an active manager of this store", errors);
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        // Serializes creators and renamers of one name; the unique index (store_id, lower(name)) is the last line.
        em.createNativeQuery("select pg_advisory_xact_lock(hashtextextended(?1, ?2))")
                .setParameter(1, "pool:" + name.toLowerCase(Locale.ROOT)).setParameter(2, tenant.storeId())
                .getSingleResult();
        long taken = ((Number) em.createNativeQuery("""
                select count(*) from pools where store_id = ?1 and lower(name) = lower(?2) and id <> ?3""")
                .setParameter(1, tenant.storeId()).setParameter(2, name).setParameter(3, exceptId == null ? -1L : exceptId)
                .getSingleResult()).longValue();
        if (taken > 0) {
            throw new DomainException(ProblemType.POOL_NAME_TAKEN, "A pool named \"" + name + "\" already exists",
                    List.of(FieldError.taken("name", "is already used by another pool")), Map.of(), Map.of());
        }
        return new Validated(name, everyone, members, teams, managers);
    }

    /**
     * Each id of the list {@code field} (members, managers) must name an active user of the store who also meets
     * {@code condition} (SQL on users, a constant): one error per id that does not, all at once; a null id is missing.
     */
    private void checkUsers(String field, List<Long> given, String condition, String message, List<FieldError> errors) {
        if (given == null || given.isEmpty()) {
            return;
        }
        // Not given.contains(null): an immutable list (List.of, as the demo passes) throws on a null probe.
        for (int i = 0; i < given.size(); i++) {
            if (given.get(i) == null) {
                errors.add(FieldError.required(field + "[" + i + "]"));
                return;
            }
        }
        @SuppressWarnings("unchecked")
        List<Number> found = em.createNativeQuery("""
                select id from users where store_id = ?1 and id = any(cast(?2 as bigint[])) and active""" + condition)
                .setParameter(1, tenant.storeId()).setParameter(2, SqlArrays.bigints(new LinkedHashSet<>(given)))
                .getResultList();
        Set<Long> known = new LinkedHashSet<>();
        found.forEach(n -> known.add(n.longValue()));
        for (int i = 0; i < given.size(); i++) {
            if (!known.contains(given.get(i))) {
                errors.add(new FieldError(field + "[" + i + "]", message));
            }
        }
    }

    /**
     * Whether the caller may change this pool's rules and distribution: an admin, or a manager the pool names
     * (V103). Everyone else who may see the pool reads them only.
     */
    public boolean canManage(long poolId) {
        if (currentUser.role() == Role.ADMIN) {
            return true;
        }
        if (currentUser.role() != Role.MANAGER) {
            return false;
        }
        return !em.createNativeQuery("select 1 from pool_managers where store_id = ?1 and pool_id = ?2 and user_id = ?3")
                .setParameter(1, tenant.storeId()).setParameter(2, poolId).setParameter(3, currentUser.id())
                .getResultList().isEmpty();
    }

    /** 403 unless {@link #canManage}: the pool's rules and distribution are its admins' and managers'. */
    public void requireManage(long poolId) {
        if (!canManage(poolId)) {
            throw DomainException.forbidden("Only admins and this pool's managers change its rules and distribution");
        }
    }

    /**
     * The teams named (Bean Validation refused blank, long and NUL ones, all at once), trimmed, each once whatever
     * its letter case: the first spelling kept.
     */
    private static List<String> teams(List<String> given) {
        Map<String, String> byKey = new java.util.LinkedHashMap<>();
        for (String team : given) {
            byKey.putIfAbsent(team.strip().toLowerCase(Locale.ROOT), team.strip());
        }
        return new ArrayList<>(byKey.values());
    }

    /** Locks the pool's row (its members and its customers' moves serialize on it) and returns its version. */
    private long lockedVersion(long id) {
        @SuppressWarnings("unchecked")
        List<Number> version = em.createNativeQuery("select version from pools where store_id = ?1 and id = ?2 for update")
                .setParameter(1, tenant.storeId()).setParameter(2, id).getResultList();
        if (version.isEmpty()) {
            throw DomainException.notFound("Pool " + id);
        }
        return version.get(0).longValue();
    }

    private void writeMembers(long poolId, List<Long> memberIds, List<String> teams, List<Long> managerIds) {
        if (!managerIds.isEmpty()) {
            em.createNativeQuery("""
                    insert into pool_managers (store_id, pool_id, user_id)
                    select ?1, ?2, unnest(cast(?3 as bigint[]))""")
                    .setParameter(1, tenant.storeId()).setParameter(2, poolId).setParameter(3, SqlArrays.bigints(managerIds))
                    .executeUpdate();
        }
        if (!memberIds.isEmpty()) {
            em.createNativeQuery("""
                    insert into pool_members (store_id, pool_id, user_id)
                    select ?1, ?2, unnest(cast(?3 as bigint[]))""")
                    .setParameter(1, tenant.storeId()).setParameter(2, poolId).setParameter(3, SqlArrays.bigints(memberIds))
                    .executeUpdate();
        }
        if (!teams.isEmpty()) {
            em.createNativeQuery("""
                    insert into pool_member_teams (store_id, pool_id, team)
                    select ?1, ?2, unnest(cast(?3 as text[]))""")
                    .setParameter(1, tenant.storeId()).setParameter(2, poolId).setParameter(3, SqlArrays.texts(teams))
                    .executeUpdate();
        }
    }

    /** The pools with the given ids (all when null), members and unowned customers counted per pool. */
    @SuppressWarnings("unchecked")
    private List<PoolView> views(List<Long> ids) {
        // The count probes customer_owners_pool (V94), a partial index of unowned rows in pool order.
        var query = em.createNativeQuery("""
                select p.id, p.name, p.everyone, p.id = 0,
                       coalesce((select array_agg(m.user_id order by m.user_id) from pool_members m
                                 where m.store_id = p.store_id and m.pool_id = p.id), '{}'),
                       coalesce((select array_agg(t.team order by lower(t.team)) from pool_member_teams t
                                 where t.store_id = p.store_id and t.pool_id = p.id), '{}'),
                       coalesce((select array_agg(g.user_id order by g.user_id) from pool_managers g
                                 where g.store_id = p.store_id and g.pool_id = p.id), '{}'),
                       (select count(*) from customer_owners o
                        where o.store_id = p.store_id and o.pool_id = p.id and o.owner_id is null),
                       p.created_at, p.updated_at, p.version
                from pools p
                where p.store_id = ?1%s
                order by p.id <> 0, lower(p.name), p.id""".formatted(ids == null ? "" : " and p.id = any(cast(?2 as bigint[]))"))
                .setParameter(1, tenant.storeId());
        if (ids != null) {
            query.setParameter(2, SqlArrays.bigints(ids));
        }
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(r -> new PoolView(((Number) r[0]).longValue(), (String) r[1], (Boolean) r[2],
                (Boolean) r[3], members(r[4]), texts(r[5]), members(r[6]), ((Number) r[7]).longValue(),
                Instants.of(r[8]), Instants.of(r[9]), ((Number) r[10]).longValue())).toList();
    }

    private static List<String> texts(Object array) {
        return elements(array).stream().map(String::valueOf).toList();
    }

    private static List<Long> members(Object array) {
        return elements(array).stream().map(o -> ((Number) o).longValue()).toList();
    }

    /** A SQL array column's values, however the driver hands it over. */
    private static List<Object> elements(Object array) {
        if (array instanceof java.sql.Array sql) {
            try {
                return elements(sql.getArray());
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        if (array instanceof Object[] objects) {
            return Arrays.asList(objects);
        }
        return List.of();
    }
}
