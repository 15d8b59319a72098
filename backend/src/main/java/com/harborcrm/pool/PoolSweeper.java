package com.harborcrm.pool;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import javax.sql.DataSource;

import org.jboss.logging.Logger;

import com.harborcrm.common.config.HarborConfig;
import com.harborcrm.common.sql.RowChecksPlan;
import com.harborcrm.common.sql.SqlArrays;
import com.harborcrm.common.tenancy.StoreWork;
import com.harborcrm.common.time.ReplayedTime;
import com.harborcrm.customer.PotentialScore;
import com.harborcrm.notification.NotificationDtos;
import com.harborcrm.notification.NotificationService;
import com.harborcrm.pool.PoolDtos.SweepResult;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Auto-return, return warnings, purge and the expiry of potential scores' recent-activity points, set-based per
 * store. Each store's work runs in request contexts (tenants) and transactions of its own, under the store's
 * sweep lock ({@code pg_try_advisory_lock}, held by a session of its own) so that two sweeps of one store (two
 * instances, or the scheduler and POST /pool/sweep) never overlap: the second one skips. The return
 * UPDATE re-evaluates the due condition on the row it actually changes, so a customer followed up while the
 * sweep runs (its row lock is waited for, then the new row is re-checked) is never returned. Due rows are
 * locked in id order, as claims and assigns lock theirs, so that they never deadlock with each other.
 */
@ApplicationScoped
public class PoolSweeper {

    private static final Logger LOG = Logger.getLogger(PoolSweeper.class);
    public static final String WARNING = "POOL_RETURN_WARNING";

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    PoolRulesService rulesService;

    @Inject
    DataSource dataSource;

    @Inject
    PoolSweeper self;

    @Inject
    StoreWork storeWork;

    @Inject
    HarborConfig config;

    @Inject
    PoolMetrics metrics;

    @Inject
    NotificationService notifications;

    private static final int SWEEP_TIMEOUT_SECONDS = 300;

    @Scheduled(identity = "pool-sweep", every = "${harbor.pool.sweep-interval}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweepAll() {
        for (long storeId : storeIds()) {
            if (ReplayedTime.isReplaying(storeId)) {
                continue;
            }
            try {
                SweepResult result = self.sweep(storeId);
                if (result.returned() + result.warned() + result.escalated() + result.purged() + result.rescored() > 0) {
                    LOG.infof("Pool sweep of store %d: %s", storeId, result);
                }
            } catch (RuntimeException e) {
                LOG.errorf(e, "Pool sweep of store %d failed", storeId);
            }
        }
    }

    /**
     * Sweeps one store now. The store's sweep lock is held for the whole sweep by a database session of its own, so
     * that a second sweep (another instance, or the scheduler and POST /pool/sweep) skips. The due customers are
     * found once, by the clock indexes; they are then returned in chunks of {@code harbor.pool.sweep-chunk} ids,
     * each in a transaction of its own, {@code harbor.pool.sweep-workers} chunks at a time: no sweep holds its row
     * locks for long or runs into the transaction timeout, and a large one uses more than one core. Chunks are
     * disjoint and each locks its rows in id order, so they never deadlock with each other or with claims. Every
     * chunk re-checks each row: a customer followed up since it was found stays with its owner. (Customers that
     * fall due during the sweep wait for the next one.)
     */
    public SweepResult sweep(long storeId) {
        Connection lock = lockStore(storeId);
        if (lock == null) {
            return new SweepResult(0, 0, 0, 0, 0, true);
        }
        try {
            Instant now = clock.instant();
            List<Long> due = inTransaction(storeId, () -> findDue(storeId, now));
            Map<Long, NotificationService.Tally> byOwner = new java.util.concurrent.ConcurrentHashMap<>();
            int returned = returnAll(storeId, due, now, byOwner);
            return inTransaction(storeId, () -> {
                // One notice per former owner for the whole sweep (the chunks' returns added up).
                notifications.publishReturns(storeId, byOwner.values(), now);
                Map<Long, PoolRules> rules = rulesService.all();
                return new SweepResult(returned, warn(storeId, rules, now), escalate(storeId, rules, now),
                        purge(storeId, rules, now), rescore(storeId, now), false);
            });
        } finally {
            unlockStore(lock, storeId);
        }
    }

    /** Returns the due customers chunk by chunk, on up to {@code harbor.pool.sweep-workers} threads. */
    private int returnAll(long storeId, List<Long> due, Instant now,
            Map<Long, NotificationService.Tally> byOwner) {
        int chunkSize = config.pool().sweepChunk();
        List<List<Long>> chunks = new ArrayList<>();
        for (int from = 0; from < due.size(); from += chunkSize) {
            chunks.add(due.subList(from, Math.min(from + chunkSize, due.size())));
        }
        // Each worker takes the next chunk not yet taken until none is left; one worker runs on this thread.
        AtomicInteger next = new AtomicInteger();
        Callable<Integer> worker = () -> {
            int returned = 0;
            for (int i = next.getAndIncrement(); i < chunks.size(); i = next.getAndIncrement()) {
                returned += returnChunk(storeId, chunks.get(i), now, byOwner);
            }
            return returned;
        };
        int workers = Math.min(config.pool().sweepWorkers(), chunks.size());
        if (workers <= 1) {
            return call(worker);
        }
        ExecutorService threads = Executors.newFixedThreadPool(workers);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                results.add(threads.submit(worker));
            }
            int returned = 0;
            for (Future<Integer> result : results) {
                returned += result.get();
            }
            return returned;
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while sweeping store " + storeId, e);
        } finally {
            threads.shutdownNow();
        }
    }

    private static int call(Callable<Integer> work) {
        try {
            return work.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private int returnChunk(long storeId, List<Long> chunk, Instant now,
            Map<Long, NotificationService.Tally> byOwner) {
        List<NotificationService.Tally> returned = inTransaction(storeId, () -> returnDue(storeId, now, chunk));
        int count = 0;
        for (NotificationService.Tally r : returned) {
            count += r.customers();
            byOwner.merge(r.userId(), r, NotificationService.Tally::plus);
        }
        metrics.autoReturned(count);
        return count;
    }

    /** Work on one store in a transaction and a request context of its own, on the caller's thread or a worker. */
    private <T> T inTransaction(long storeId, Callable<T> work) {
        return storeWork.inStore(storeId, () -> QuarkusTransaction.requiringNew().timeout(SWEEP_TIMEOUT_SECONDS)
                .call(() -> {
                    // A sweep's statements are estimated expensive enough for JIT compilation, which took longer
                    // (0.3 s per statement on a million customers) than running them: off, for this transaction.
                    em.createNativeQuery("select set_config('jit', 'off', true)").getSingleResult();
                    return work.call();
                }));
    }

    /**
     * Takes the store's sweep lock in a session of its own, outside every transaction (the chunks' transactions
     * run in other sessions while it is held); null, and the session given back, when another sweep holds it. An
     * instance that dies takes its session, and so its lock, with it.
     */
    private Connection lockStore(long storeId) {
        try {
            Connection connection = dataSource.getConnection();
            try (PreparedStatement lock = connection.prepareStatement(
                    "select pg_try_advisory_lock(hashtextextended(?, 0))")) {
                lock.setString(1, PoolSql.sweepLockKey(storeId));
                try (ResultSet row = lock.executeQuery()) {
                    if (row.next() && row.getBoolean(1)) {
                        return connection;
                    }
                }
            } catch (SQLException | RuntimeException e) {
                connection.close();
                throw e;
            }
            connection.close();
            return null;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not take the sweep lock of store " + storeId, e);
        }
    }

    private void unlockStore(Connection connection, long storeId) {
        try (connection; PreparedStatement unlock = connection.prepareStatement(
                "select pg_advisory_unlock(hashtextextended(?, 0))")) {
            unlock.setString(1, PoolSql.sweepLockKey(storeId));
            unlock.execute();
        } catch (SQLException e) {
            // A session that cannot run the unlock is broken and its lock ends with it; in case it is not, it is
            // not given back to the pool with the lock still held.
            LOG.warnf(e, "Could not release the sweep lock of store %d; dropping its session", storeId);
            try {
                connection.abort(Runnable::run);
            } catch (SQLException ignored) {
                // already closed
            }
        }
    }

    /**
     * Takes the recent-activity points off the potential scores whose {@code score_recent_until} has passed: the
     * score is a plain sum, so they are subtracted (the weight is PotentialScore's, bound as a parameter). Rows are
     * locked in id order, as the other set-based changes lock theirs; the condition is re-checked on the row
     * changed, so a score recomputed meanwhile (a new follow-up) keeps its points.
     */
    private int rescore(long store, Instant now) {
        Number rescored = (Number) em.createNativeQuery("""
                with due as materialized (
                  select id from customers
                  where store_id = :store and score_recent_until <= :now
                  order by id
                  for update),
                rescored as (
                  update customers c
                  set potential_score = greatest(0, c.potential_score - :points), score_recent_until = null,
                      updated_at = :now, version = c.version + 1
                  from due
                  where c.store_id = :store and c.id = due.id and c.score_recent_until <= :now
                  returning c.id)
                select count(*) from rescored""")
                .setParameter("store", store).setParameter("now", now)
                .setParameter("points", PotentialScore.RECENT_ACTIVITY)
                .getSingleResult();
        return rescored.intValue();
    }

    /**
     * The store's private customers due now, in id order. Without order or limit on the table PostgreSQL
     * range-scans the clock indexes (with "order by id limit" it walked the store's whole primary key: 5 s a chunk
     * on a million); the ids are sorted afterwards, so that chunks lock their rows in id order as every other
     * set-based change does.
     */
    @SuppressWarnings("unchecked")
    private List<Long> findDue(long store, Instant now) {
        PoolTimer.Condition due = PoolTimer.dueWithin("o", null, now);
        Query query = em.createNativeQuery("""
                select f.id from (
                  select o.customer_id as id from customer_owners o
                  where o.store_id = :store and %s) f
                order by f.id""".formatted(due.sql()))
                .setParameter("store", store);
        List<Number> ids = due.bind(query).getResultList();
        return ids.stream().map(Number::longValue).toList();
    }

    /**
     * Returns one chunk of the customers found due: each ownership row is locked in id order and re-checked
     * (PostgreSQL re-reads a row it had to wait for, and the update tests the condition again). A follow-up moves
     * the row's due date in its own transaction (trigger customers_owner_due, V78), so one that commits while the
     * sweep waits for the row keeps the customer.
     */
    private List<NotificationService.Tally> returnDue(long store, Instant now, List<Long> ids) {
        RowChecksPlan.keepForThisTransaction(em); // pool_returns' two keys checked once per row: plan them once
        // The leading comment names the statement in pg_stat_activity (whose text is cut at 1 kB): tests look for it.
        Query query = em.createNativeQuery("""
                /* pool-sweep-return */
                with due as materialized (
                  select o.customer_id as id, o.owner_id, o.due_rule as rule from customer_owners o
                  where o.store_id = :store and o.customer_id = any(cast(:ids as bigint[])) and o.due_at <= :now
                  order by o.customer_id
                  for update),
                changed as (
                  update customer_owners o set owner_id = null, owned_since = null, pooled_since = :now
                  from due
                  where o.store_id = :store and o.customer_id = due.id and o.owner_id = due.owner_id and o.due_at <= :now
                  returning o.customer_id as id, due.owner_id as from_owner, due.rule, o.pool_id),
                returned as (
                  select x.id, c.stage, c.source, x.from_owner, x.rule, x.pool_id
                  from changed x join customers c on c.store_id = :store and c.id = x.id),
                ev as (
                  insert into customer_events (store_id, customer_id, type, at, actor_id, data)
                  select :store, id, 'OWNER_CHANGED', :now, null,
                         jsonb_build_object('ownerId', null, 'stage', stage, 'source', source, 'kind', 'AUTO_RETURNED',
                                            'fromOwnerId', from_owner, 'toOwnerId', null, 'rule', rule,
                                            'poolId', pool_id)
                  from returned),
                log as (
                  insert into pool_returns (store_id, customer_id, user_id, returned_at, kind)
                  select :store, id, from_owner, :now, 'AUTO_RETURNED' from returned)
                select from_owner, count(*), min(id), case when count(distinct rule) = 1 then min(rule) end
                from returned group by from_owner""")
                .setParameter("store", store).setParameter("now", now).setParameter("ids", SqlArrays.bigints(ids));
        @SuppressWarnings("unchecked")
        List<Object[]> byOwner = query.getResultList();
        List<NotificationService.Tally> returned = new ArrayList<>();
        for (Object[] r : byOwner) {
            returned.add(new NotificationService.Tally(((Number) r[0]).longValue(), ((Number) r[1]).intValue(),
                    ((Number) r[2]).longValue(), (String) r[3]));
        }
        return returned;
    }

    /**
     * One warning per customer and return window; a follow-up or a new owner opens a new window. Each pool warns
     * as many days ahead as its rules say.
     */
    private int warn(long store, Map<Long, PoolRules> rules, Instant now) {
        PoolTimer.Condition soon = PoolTimer.dueWithinWarning("o", now, now, rules);
        if (soon == null) {
            return 0;
        }
        Query query = em.createNativeQuery("""
                insert into reminders (store_id, user_id, customer_id, kind, window_start, due_at, rule, created_at)
                select :store, o.owner_id, o.customer_id, :kind, %3$s, %1$s, %2$s, :now
                from customer_owners o join customers c on c.store_id = o.store_id and c.id = o.customer_id
                where o.store_id = :store and %4$s
                on conflict (store_id, customer_id, kind, window_start) do nothing"""
                .formatted(PoolTimer.dueAt("o"), PoolTimer.rule("o"), PoolTimer.windowStart("o", "c"), soon.sql()))
                .setParameter("store", store).setParameter("now", now).setParameter("kind", WARNING);
        int warned = soon.bind(query).executeUpdate();
        // The owner's notification, once per window as the reminder (the first step of the escalation ladder).
        notifications.publish(store, NotificationDtos.Kind.POOL_RETURN_WARNING, ownersDue(soon),
                q -> soon.bind(q).setParameter("store", store), now);
        return warned;
    }

    /**
     * The escalation ladder's second step: each pool with escalation days copies the owner's manager that many
     * days before a return, once per customer and window. Returns how many copies are new.
     */
    private int escalate(long store, Map<Long, PoolRules> rules, Instant now) {
        PoolTimer.Condition soon = PoolTimer.dueWithinDays("o", now, now, rules, PoolRules::escalateDays);
        if (soon == null) {
            return 0;
        }
        return notifications.copyManagers(store, NotificationDtos.Kind.POOL_RETURN_ESCALATION, ownersDue(soon),
                q -> soon.bind(q).setParameter("store", store), now);
    }

    /** A notification source: the owners of the customers that meet {@code soon}, with their return. */
    private static String ownersDue(PoolTimer.Condition soon) {
        return """
                select o.owner_id, o.customer_id, o.owner_id, %1$s, %2$s, %3$s, 1
                from customer_owners o join customers c on c.store_id = o.store_id and c.id = o.customer_id
                where o.store_id = :store and %4$s""".formatted(PoolTimer.dueAt("o"), PoolTimer.rule("o"),
                PoolTimer.windowStart("o", "c"), soon.sql());
    }

    /** Deletes the customers left unclaimed longer than their pool's purge rule says (pools with the rule on). */
    private int purge(long store, Map<Long, PoolRules> rules, Instant now) {
        if (rules.values().stream().allMatch(r -> r.purgeUnclaimedAfterDays() == 0)) {
            return 0;
        }
        Number purged = (Number) em.createNativeQuery("""
                with purged as (
                  delete from customers c
                  using customer_owners o join pool_rules r on r.store_id = o.store_id and r.pool_id = o.pool_id
                  where c.store_id = :store and o.store_id = :store and o.customer_id = c.id and o.owner_id is null
                    and r.purge_unclaimed_after_days > 0
                    and coalesce(o.pooled_since, c.created_at)
                        <= cast(:now as timestamptz) - make_interval(days => r.purge_unclaimed_after_days)
                  returning c.id, r.purge_unclaimed_after_days as days),
                audit as (
                  insert into audit_events (store_id, at, actor_id, action, entity_type, entity_id, data)
                  select :store, :now, null, 'CUSTOMER_PURGED', 'customer', id,
                         jsonb_build_object('purgeUnclaimedAfterDays', days)
                  from purged)
                select count(*) from purged""")
                .setParameter("store", store).setParameter("now", now)
                .getSingleResult();
        return purged.intValue();
    }

    /** The store list is not store-owned, and no tenant is entered here: plain JDBC. */
    private List<Long> storeIds() {
        List<Long> ids = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select id from stores order by id")) {
            while (rows.next()) {
                ids.add(rows.getLong(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not list stores", e);
        }
        return ids;
    }
}
