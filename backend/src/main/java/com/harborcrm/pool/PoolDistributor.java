package com.harborcrm.pool;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;

import org.jboss.logging.Logger;

import com.harborcrm.account.StoreTimeZones;
import com.harborcrm.common.config.HarborConfig;
import com.harborcrm.common.error.DomainException;
import com.harborcrm.common.error.ProblemType;
import com.harborcrm.common.sql.RowChecksPlan;
import com.harborcrm.common.sql.SqlArrays;
import com.harborcrm.common.tenancy.StoreWork;
import com.harborcrm.common.tenancy.TenantContext;
import com.harborcrm.common.time.ReplayedTime;
import com.harborcrm.notification.NotificationService;
import com.harborcrm.pool.DistributionPlanner.Assignment;
import com.harborcrm.pool.DistributionPlanner.Candidate;
import com.harborcrm.pool.PoolDistributionDtos.DistributionInput;
import com.harborcrm.pool.PoolDistributionDtos.DistributionMode;
import com.harborcrm.pool.PoolDistributionDtos.DistributionRule;
import com.harborcrm.pool.PoolDistributionDtos.DistributionView;
import com.harborcrm.pool.PoolDistributionDtos.Preview;
import com.harborcrm.pool.PoolDistributionDtos.PreviewRep;
import com.harborcrm.pool.PoolDistributionDtos.PreviewSkipped;
import com.harborcrm.pool.PoolDistributionDtos.SkipReason;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Automatic distribution (V97): hands a pool's waiting customers to its reps, batch by batch, each batch one short
 * transaction. A batch locks the pool's distribution row (two instances take turns on a pool), then the owner locks
 * of its recipients in key order (the lock a claim or an assignment of that rep takes first, so a cap holds against
 * them too), counts what each holds, takes the waiting customers with SKIP LOCKED (one being claimed right now is
 * left to its claimer), plans ({@link DistributionPlanner}) and writes the owners and their events in one
 * statement. It never waits for a customer row while holding owner locks, so it cannot deadlock with claims.
 */
@ApplicationScoped
public class PoolDistributor {

    private static final Logger LOG = Logger.getLogger(PoolDistributor.class);

    @Inject
    EntityManager em;

    @Inject
    TenantContext tenant;

    @Inject
    Clock clock;

    @Inject
    DataSource dataSource;

    @Inject
    StoreWork storeWork;

    @Inject
    HarborConfig config;

    @Inject
    PoolRulesService rulesService;

    @Inject
    PoolDirectory pools;

    @Inject
    StoreTimeZones zones;

    @Inject
    PoolMetrics metrics;

    @Inject
    NotificationService notifications;

    /** A pool's settings as stored, with the round-robin's place. */
    record Settings(DistributionMode mode, int afterDays, int returningBuyerDays, Long lastServed, long version) {
    }

    private record Recipients(List<Long> reps, List<PreviewSkipped> skipped, Map<Long, String> names) {
    }

    private record Batch(int assigned, int considered, long lastCustomer, boolean done) {
    }

    @Scheduled(identity = "pool-distribution", every = "${harbor.pool.distribution-interval}", delayed = "40s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void distributeAll() {
        for (long[] pool : poolsDistributing()) {
            if (ReplayedTime.isReplaying(pool[0])) {
                continue;
            }
            try {
                int assigned = storeWork.inStore(pool[0], () -> distribute(pool[1]));
                if (assigned > 0) {
                    LOG.infof("Distributed %d customers of pool %d of store %d", assigned, pool[1], pool[0]);
                }
            } catch (RuntimeException e) {
                LOG.errorf(e, "Distribution of pool %d of store %d failed", pool[1], pool[0]);
            }
        }
    }

    // ---- settings

    public DistributionView get(long poolId) {
        pools.get(poolId); // 404 for a pool the caller cannot see
        return view(poolId, settings(poolId, false));
    }

    @Transactional
    public DistributionView save(long poolId, DistributionInput input, Long expectedVersion) {
        pools.get(poolId);
        pools.requireManage(poolId);
        Settings current = settings(poolId, true);
        if (expectedVersion != null && expectedVersion != current.version()) {
            throw new DomainException(ProblemType.PRECONDITION_FAILED,
                    "These distribution settings were changed by someone else: reload and try again");
        }
        em.createNativeQuery("""
                update pool_distribution set mode = ?3, after_days = ?4, returning_buyer_days = ?5, updated_at = ?6,
                       version = version + 1
                where store_id = ?1 and pool_id = ?2""")
                .setParameter(1, tenant.storeId()).setParameter(2, poolId).setParameter(3, input.mode().name())
                .setParameter(4, orZero(input.afterDays())).setParameter(5, orZero(input.returningBuyerDays()))
                .setParameter(6, clock.instant()).executeUpdate();
        return view(poolId, settings(poolId, false));
    }

    // ---- distributing

    /** POST /pools/{id}/distribution/run: 404 for a pool the caller cannot see, else {@link #distribute}. */
    public int distributeNow(long poolId) {
        pools.get(poolId);
        return distribute(poolId);
    }

    /**
     * Distributes the current store's pool now, batch after batch, until nothing waiting can be placed; the number
     * of customers handed out. A pool whose distribution is off distributes nothing.
     */
    public int distribute(long poolId) {
        int assigned = 0;
        long after = 0;
        while (true) {
            long from = after;
            Batch batch = QuarkusTransaction.requiringNew().call(() -> batch(poolId, from));
            assigned += batch.assigned();
            if (batch.done()) {
                metrics.distributed(assigned);
                return assigned;
            }
            after = batch.lastCustomer();
        }
    }

    private Batch batch(long poolId, long afterCustomer) {
        Settings settings = settings(poolId, true);
        if (settings == null || settings.mode() == DistributionMode.OFF) {
            return new Batch(0, 0, afterCustomer, true);
        }
        Instant now = clock.instant();
        PoolRules rules = rulesService.of(poolId);
        Recipients recipients = recipients(poolId, rules, now);
        if (recipients.reps().isEmpty()) {
            return new Batch(0, 0, afterCustomer, true);
        }
        lockOwners(recipients.reps());
        // Round-robin without a cap never looks at what the reps hold: no count (a tenth of a large run's time).
        boolean countsMatter = settings.mode() == DistributionMode.CAPACITY || rules.maxPrivateCustomersPerRep() > 0;
        DistributionPlanner planner = new DistributionPlanner(settings.mode(), rules.maxPrivateCustomersPerRep(),
                recipients.reps(), countsMatter ? held(poolId, recipients.reps()) : Map.of(),
                roomInStore(recipients.reps()), settings.lastServed());
        if (!planner.anyRoom()) {
            return new Batch(0, 0, afterCustomer, true);
        }
        int size = config.pool().distributionBatch();
        List<Candidate> waiting = waiting(poolId, settings, rules, now, afterCustomer, size, true);
        List<Assignment> plan = new ArrayList<>();
        for (Candidate customer : waiting) {
            planner.place(customer).ifPresent(plan::add);
        }
        int assigned = write(plan, now);
        if (!Objects.equals(planner.lastServed(), settings.lastServed())) {
            em.createNativeQuery("update pool_distribution set last_user_id = ?3 where store_id = ?1 and pool_id = ?2")
                    .setParameter(1, tenant.storeId()).setParameter(2, poolId).setParameter(3, planner.lastServed())
                    .executeUpdate();
        }
        long last = waiting.isEmpty() ? afterCustomer : waiting.get(waiting.size() - 1).customerId();
        return new Batch(assigned, waiting.size(), last, waiting.size() < size || !planner.anyRoom());
    }

    /**
     * The owners and their timeline events in one statement. A row is changed only while still unowned (the rows
     * are locked, so this is a guard, not a race). The event's actor is null: the server did it, by the rule named.
     */
    private int write(List<Assignment> plan, Instant now) {
        if (plan.isEmpty()) {
            return 0;
        }
        List<Long> ids = new ArrayList<>(plan.size());
        List<Long> owners = new ArrayList<>(plan.size());
        List<String> chosenBy = new ArrayList<>(plan.size());
        for (Assignment a : plan) {
            ids.add(a.customerId());
            owners.add(a.userId());
            chosenBy.add(a.rule().name());
        }
        RowChecksPlan.keepForThisTransaction(em); // the owner key checked once per row: plan it once
        @SuppressWarnings("unchecked")
        List<Object[]> perOwner = em.createNativeQuery("""
                with plan as (
                  select * from unnest(cast(:ids as bigint[]), cast(:owners as bigint[]), cast(:rules as text[]))
                    as p(id, owner, rule)),
                changed as (
                  update customer_owners o set owner_id = p.owner, owned_since = :now, pooled_since = null
                  from plan p where o.store_id = :store and o.customer_id = p.id and o.owner_id is null
                  returning o.customer_id as id, p.owner, p.rule),
                ev as (
                  insert into customer_events (store_id, customer_id, type, at, actor_id, data)
                  select :store, x.id, 'OWNER_CHANGED', :now, null,
                         jsonb_build_object('ownerId', x.owner, 'stage', c.stage, 'kind', 'AUTO_ASSIGNED',
                                            'rule', x.rule, 'fromOwnerId', null, 'toOwnerId', x.owner)
                  from changed x join customers c on c.store_id = :store and c.id = x.id)
                select x.owner, count(*), min(x.id), case when count(distinct x.rule) = 1 then min(x.rule) end
                from changed x group by x.owner""")
                .setParameter("ids", SqlArrays.bigints(ids)).setParameter("owners", SqlArrays.bigints(owners))
                .setParameter("rules", SqlArrays.texts(chosenBy)).setParameter("store", tenant.storeId())
                .setParameter("now", now).getResultList();
        // Each rep hears in the bell, once per batch, how many customers the pool handed them.
        List<NotificationService.Tally> tallies = new ArrayList<>();
        int changed = 0;
        for (Object[] r : perOwner) {
            int count = ((Number) r[1]).intValue();
            tallies.add(new NotificationService.Tally(((Number) r[0]).longValue(), count, ((Number) r[2]).longValue(),
                    (String) r[3]));
            changed += count;
        }
        notifications.publishAssigned(tenant.storeId(), tallies, null, now);
        return changed;
    }

    // ---- preview

    /**
     * What distributing the pool now would do, with the candidate settings (the stored ones where null): the same
     * planner over every waiting customer, read without locks; nothing is written.
     */
    @Transactional
    public Preview preview(long poolId, DistributionInput candidate) {
        pools.get(poolId);
        Settings stored = settings(poolId, false);
        Settings given = candidate == null ? stored
                : new Settings(candidate.mode(), orZero(candidate.afterDays()), orZero(candidate.returningBuyerDays()),
                        stored.lastServed(), stored.version());
        // Off (stored or asked): show what round-robin would do, the default once switched on.
        Settings settings = given.mode() != DistributionMode.OFF ? given
                : new Settings(DistributionMode.ROUND_ROBIN, given.afterDays(), given.returningBuyerDays(),
                        given.lastServed(), given.version());
        Instant now = clock.instant();
        PoolRules rules = rulesService.of(poolId);
        Recipients recipients = recipients(poolId, rules, now);
        Map<Long, Integer> held = held(poolId, recipients.reps());
        DistributionPlanner planner = new DistributionPlanner(settings.mode(), rules.maxPrivateCustomersPerRep(),
                recipients.reps(), held, roomInStore(recipients.reps()), settings.lastServed());
        // Who is full before anything is planned (the planner's counts move as it plans).
        Set<Long> fullInStore = new HashSet<>();
        recipients.reps().stream().filter(planner::fullInStore).forEach(fullInStore::add);
        Map<Long, int[]> got = new LinkedHashMap<>();
        recipients.reps().forEach(rep -> got.put(rep, new int[2]));
        int eligible = 0;
        int placed = 0;
        long after = 0;
        int size = config.pool().distributionBatch();
        while (true) {
            List<Candidate> waiting = waiting(poolId, settings, rules, now, after, size, false);
            eligible += waiting.size();
            for (Candidate customer : waiting) {
                Optional<Assignment> a = planner.place(customer);
                if (a.isPresent()) {
                    placed++;
                    int[] counts = got.get(a.get().userId());
                    counts[0]++;
                    if (a.get().rule() == DistributionRule.RETURNING_BUYER) {
                        counts[1]++;
                    }
                }
            }
            if (waiting.size() < size) {
                break;
            }
            after = waiting.get(waiting.size() - 1).customerId();
        }
        List<PreviewRep> reps = new ArrayList<>();
        List<PreviewSkipped> skipped = new ArrayList<>(recipients.skipped());
        int cap = rules.maxPrivateCustomersPerRep();
        for (long rep : recipients.reps()) {
            int holds = held.getOrDefault(rep, 0);
            if (cap > 0 && holds >= cap) {
                skipped.add(new PreviewSkipped(rep, recipients.names().get(rep), SkipReason.FULL));
            } else if (fullInStore.contains(rep)) {
                skipped.add(new PreviewSkipped(rep, recipients.names().get(rep), SkipReason.FULL_IN_STORE));
            } else {
                reps.add(new PreviewRep(rep, recipients.names().get(rep), holds, got.get(rep)[0], got.get(rep)[1]));
            }
        }
        return new Preview(eligible, placed, eligible - placed, reps, skipped);
    }

    // ---- reads

    /** The stored settings (null for a pool deleted meanwhile); {@code lock}: FOR UPDATE, the pool's turn. */
    private Settings settings(long poolId, boolean lock) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select mode, after_days, returning_buyer_days, last_user_id, version from pool_distribution
                where store_id = ?1 and pool_id = ?2""" + (lock ? " for update" : ""))
                .setParameter(1, tenant.storeId()).setParameter(2, poolId).getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        Object[] r = rows.get(0);
        return new Settings(DistributionMode.valueOf((String) r[0]), ((Number) r[1]).intValue(),
                ((Number) r[2]).intValue(), r[3] == null ? null : ((Number) r[3]).longValue(),
                ((Number) r[4]).longValue());
    }

    /**
     * The pool's members who may receive customers now, in user id order: active reps (managers and admins are
     * assigned by hand) who are not on leave today in the store's time zone; the others that are members, with why.
     */
    private Recipients recipients(long poolId, PoolRules rules, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, zones.current());
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select u.id, u.name, u.role, u.leave_from is not null and cast(?3 as date) between u.leave_from and u.leave_until
                from users u
                where u.store_id = ?1 and u.active and not u.service
                  and (exists (select 1 from pools p where p.store_id = ?1 and p.id = ?2 and p.everyone)
                       or exists (select 1 from pool_members m where m.store_id = ?1 and m.pool_id = ?2 and m.user_id = u.id)
                       or exists (select 1 from pool_member_teams t where t.store_id = ?1 and t.pool_id = ?2
                                  and lower(t.team) = lower(u.team)))
                order by u.id""")
                .setParameter(1, tenant.storeId()).setParameter(2, poolId).setParameter(3, today).getResultList();
        List<Long> reps = new ArrayList<>();
        List<PreviewSkipped> skipped = new ArrayList<>();
        Map<Long, String> names = new HashMap<>();
        for (Object[] r : rows) {
            long id = ((Number) r[0]).longValue();
            String name = (String) r[1];
            names.put(id, name);
            if (!"REP".equals(r[2])) {
                skipped.add(new PreviewSkipped(id, name, SkipReason.NOT_A_REP));
            } else if (Boolean.TRUE.equals(r[3])) {
                skipped.add(new PreviewSkipped(id, name, SkipReason.ON_LEAVE));
            } else {
                reps.add(id);
            }
        }
        return new Recipients(reps, skipped, names);
    }

    /**
     * Takes the recipients' owner locks in one statement, in key order (every distributor orders them alike; a
     * claim or an assignment holds one at a time): their counts cannot change until this batch commits.
     */
    private void lockOwners(List<Long> reps) {
        List<String> keys = new ArrayList<>();
        for (long rep : reps) {
            keys.add(PoolSql.ownerLockKey(tenant.storeId(), rep));
        }
        em.createNativeQuery("""
                select count(pg_advisory_xact_lock(hashtextextended(k, 0)))
                from (select k from unnest(cast(?1 as text[])) k order by k) keys""")
                .setParameter(1, SqlArrays.texts(keys)).getSingleResult();
    }

    /**
     * How many customers each rep owns: of the pool {@code poolId} (index-only on customer_owners_owner_pool, V96),
     * or, with null, of every pool (on customer_owners_owner, V78). Reps owning none are absent.
     */
    private Map<Long, Integer> held(Long poolId, List<Long> reps) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select owner_id, count(*) from customer_owners
                where store_id = ?1 and owner_id = any(cast(?2 as bigint[]))
                  and (cast(?3 as bigint) is null or pool_id = ?3)
                group by owner_id""")
                .setParameter(1, tenant.storeId()).setParameter(2, SqlArrays.bigints(reps)).setParameter(3, poolId)
                .getResultList();
        Map<Long, Integer> held = new HashMap<>();
        rows.forEach(r -> held.put(((Number) r[0]).longValue(), ((Number) r[1]).intValue()));
        return held;
    }

    /**
     * How many more customers the store's limit across pools lets each rep hold (all their private customers
     * counted); empty while that limit is off.
     */
    private Map<Long, Integer> roomInStore(List<Long> reps) {
        int limit = rulesService.limits().maxPrivateCustomersPerRep();
        if (limit == 0 || reps.isEmpty()) {
            return Map.of();
        }
        Map<Long, Integer> owned = held(null, reps);
        Map<Long, Integer> room = new HashMap<>();
        reps.forEach(rep -> room.put(rep, limit - owned.getOrDefault(rep, 0)));
        return room;
    }

    /**
     * The pool's customers who have waited long enough, in id order after {@code afterCustomer} (the pool's
     * unowned-customer index, customer_owners_pool), with the rep a returning buyer goes back to and the reps in
     * cooldown for each. A returning buyer: an inquiry arrived within the window after the customer's latest
     * return (pool_returns_customer; inquiries_customer). {@code lock}: the rows are locked, skipping those a claim holds.
     */
    private List<Candidate> waiting(long poolId, Settings settings, PoolRules rules, Instant now, long afterCustomer,
            int limit, boolean lock) {
        String returningTo = settings.returningBuyerDays() == 0 ? "cast(null as bigint)" : """
                (select case when exists (select 1 from inquiries i where i.store_id = :store
                                                  and i.customer_id = o.customer_id and i.received_at > r.returned_at
                                                  and i.received_at <= r.returned_at + make_interval(days => cast(:buyerDays as integer)))
                             then r.user_id end
                 from pool_returns r where r.store_id = :store and r.customer_id = o.customer_id
                 order by r.returned_at desc limit 1)""";
        int cooldown = rules.reclaimCooldownDays();
        String cooling = cooldown == 0 ? "cast(null as text)" : """
                (select string_agg(distinct cast(r.user_id as text), ',') from pool_returns r
                 where r.store_id = :store and r.customer_id = o.customer_id
                   and r.returned_at > cast(:coolingSince as timestamptz))""";
        var query = em.createNativeQuery("""
                select o.customer_id, %s, %s
                from customer_owners o
                where o.store_id = :store and o.pool_id = :pool and o.owner_id is null and o.customer_id > :after
                  and o.pooled_since <= :cutoff
                order by o.customer_id limit :limit%s""".formatted(returningTo, cooling,
                        lock ? " for update skip locked" : ""))
                .setParameter("store", tenant.storeId()).setParameter("pool", poolId).setParameter("after", afterCustomer)
                .setParameter("cutoff", now.minus(Duration.ofDays(settings.afterDays()))).setParameter("limit", limit);
        if (settings.returningBuyerDays() > 0) {
            query.setParameter("buyerDays", settings.returningBuyerDays());
        }
        if (cooldown > 0) {
            query.setParameter("coolingSince", now.minus(Duration.ofDays(cooldown)));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        List<Candidate> candidates = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            Set<Long> coolingReps = r[2] == null ? Set.of() : new HashSet<>(Arrays.stream(((String) r[2]).split(","))
                    .map(Long::valueOf).toList());
            candidates.add(new Candidate(((Number) r[0]).longValue(), r[1] == null ? null : ((Number) r[1]).longValue(),
                    coolingReps));
        }
        return candidates;
    }

    /** Every pool with distribution on, across stores: (store, pool). */
    private List<long[]> poolsDistributing() {
        List<long[]> found = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "select store_id, pool_id from pool_distribution where mode <> 'OFF' order by store_id, pool_id")) {
            while (rows.next()) {
                found.add(new long[] {rows.getLong(1), rows.getLong(2)});
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not list the pools to distribute", e);
        }
        return found;
    }

    private static DistributionView view(long poolId, Settings s) {
        return new DistributionView(poolId, s.mode(), s.afterDays(), s.returningBuyerDays(), s.version());
    }

    private static int orZero(Integer days) {
        return days == null ? 0 : days;
    }
}
