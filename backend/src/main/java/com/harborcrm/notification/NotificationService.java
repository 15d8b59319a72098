package com.harborcrm.notification;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import com.harborcrm.common.error.DomainException;
import com.harborcrm.common.paging.Cursor;
import com.harborcrm.common.security.CurrentUser;
import com.harborcrm.common.sql.SqlArrays;
import com.harborcrm.common.tenancy.TenantContext;
import com.harborcrm.common.time.Instants;
import com.harborcrm.notification.NotificationDtos.Kind;
import com.harborcrm.notification.NotificationDtos.NotificationPage;
import com.harborcrm.notification.NotificationDtos.NotificationView;
import com.harborcrm.notification.NotificationDtos.Person;

/**
 * The one place that writes and reads people's in-app notifications. Writers hand over a set-based source (a SQL
 * select) rather than rows, so a sweep of a hundred thousand customers stays a few statements; the table's unique
 * (user, customer, kind, window) key makes every write idempotent, so a sweep that runs again adds nothing.
 */
@ApplicationScoped
public class NotificationService {

    /** The columns a source must select, in this order. */
    public static final String SOURCE_COLUMNS = "user_id, customer_id, owner_id, due_at, rule, window_start, customers";

    /** A notification with its customer's and owner's names; the views' columns, in {@link #view}'s order. */
    private static final String SELECT = """
            select n.id, n.kind, n.customer_id, c.name, n.owner_id, u.name as owner_name, n.due_at, n.rule, n.created_at,
                   n.read_at, n.customers, n.actor_id, a.name as actor_name
            from notifications n
            join customers c on c.store_id = n.store_id and c.id = n.customer_id
            left join users u on u.store_id = n.store_id and u.id = n.owner_id
            left join users a on a.store_id = n.store_id and a.id = n.actor_id
            """;

    @Inject
    EntityManager em;

    @Inject
    TenantContext tenant;

    @Inject
    CurrentUser currentUser;

    /**
     * Notifies the users a source selects ({@link #SOURCE_COLUMNS}); {@code bind} binds the source's parameters
     * (this statement's own are prefixed {@code n}). Returns how many notifications are new.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int publish(long store, Kind kind, String source, Consumer<Query> bind, Instant now) {
        return publish(store, kind, source, bind, null, now);
    }

    private int publish(long store, Kind kind, String source, Consumer<Query> bind, Long actorId, Instant now) {
        Query query = em.createNativeQuery("""
                insert into notifications (store_id, user_id, kind, customer_id, owner_id, due_at, rule, window_start,
                                           customers, actor_id, created_at)
                select :nStore, s.user_id, :nKind, s.customer_id, s.owner_id, s.due_at, s.rule, s.window_start,
                       s.customers, cast(:nActor as bigint), :nNow
                from (%s) s (%s)
                where s.user_id is not null
                on conflict (store_id, user_id, customer_id, kind, window_start) do nothing""".formatted(source,
                SOURCE_COLUMNS))
                .setParameter("nStore", store).setParameter("nKind", kind.name()).setParameter("nNow", now);
        // Typed: a null actor (the server's own notices) binds as a null bigint.
        query.unwrap(org.hibernate.query.NativeQuery.class).setParameter("nActor", actorId, Long.class);
        bind.accept(query);
        return query.executeUpdate();
    }

    /**
     * Copies each owner's manager on the customers a source selects ({@link #SOURCE_COLUMNS}, where {@code user_id}
     * is the owner): the escalation ladder's second step. A manager who is deactivated or now a rep is skipped.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int copyManagers(long store, Kind kind, String ownersSource, Consumer<Query> bind, Instant now) {
        // users is the account feature's table: read here only for the one column the ladder needs (manager_id).
        return publish(store, kind, """
                select m.id, s.customer_id, s.owner_id, s.due_at, s.rule, s.window_start, s.customers
                from (%s) s (%s)
                join users u on u.store_id = :nStore and u.id = s.owner_id
                join users m on m.store_id = :nStore and m.id = u.manager_id and m.active and m.role <> 'REP'"""
                .formatted(ownersSource, SOURCE_COLUMNS), bind, now);
    }

    /**
     * Customers one event moved for one person: how many, the first, and their rule (null when they differ). A
     * sweep's returns from an owner, an assignment's customers to its recipient.
     */
    public record Tally(long userId, int customers, long firstCustomerId, String rule) {

        /** Two parts of one person's tally (a sweep's chunks) as one. */
        public Tally plus(Tally other) {
            return new Tally(userId, customers + other.customers, Math.min(firstCustomerId, other.firstCustomerId),
                    java.util.Objects.equals(rule, other.rule) ? rule : null);
        }
    }

    /**
     * Tells each person how many of their customers one sweep gave back (one notice each, not one per customer: a
     * row per return cost the sweep a quarter of its time). Returns how many notices are new.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int publishReturns(long store, java.util.Collection<Tally> returned, Instant now) {
        return publishTallies(store, Kind.POOL_RETURNED, returned, null, now);
    }

    /**
     * Tells each recipient of an assignment how many customers it handed them: {@code actorId} assigned them, or the
     * pool's distribution when null. Nobody hears of customers they assigned to themselves. Returns how many
     * notices are new.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int publishAssigned(long store, java.util.Collection<Tally> assigned, Long actorId, Instant now) {
        return publishTallies(store, Kind.CUSTOMERS_ASSIGNED,
                assigned.stream().filter(a -> actorId == null || a.userId() != actorId).toList(), actorId, now);
    }

    /** One notice per tally, to its person (owner_id: the person too: their customers). */
    private int publishTallies(long store, Kind kind, java.util.Collection<Tally> tallies, Long actorId, Instant now) {
        if (tallies.isEmpty()) {
            return 0;
        }
        List<Long> users = new ArrayList<>();
        List<Long> customers = new ArrayList<>();
        List<Long> counts = new ArrayList<>();
        List<String> rules = new ArrayList<>();
        for (Tally t : tallies) {
            users.add(t.userId());
            customers.add(t.firstCustomerId());
            counts.add((long) t.customers());
            rules.add(t.rule() == null ? "" : t.rule());
        }
        return publish(store, kind, """
                select r.user_id, r.customer_id, r.user_id, cast(null as timestamptz), nullif(r.rule, ''),
                       cast(:nNow as timestamptz), r.customers
                from unnest(cast(:users as bigint[]), cast(:customers as bigint[]), cast(:counts as integer[]),
                            cast(:rules as text[])) r (user_id, customer_id, customers, rule)""",
                q -> q.setParameter("users", SqlArrays.bigints(users)).setParameter("customers", SqlArrays.bigints(customers))
                        .setParameter("counts", SqlArrays.bigints(counts)).setParameter("rules", SqlArrays.texts(rules)),
                actorId, now);
    }

    /** The caller's notifications, newest first; unread only if asked. */
    @Transactional
    public NotificationPage mine(boolean unreadOnly, String cursor, int limit) {
        Long before = cursor == null || cursor.isBlank() ? null : Cursor.decodeLong(cursor);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(SELECT + """
                where n.store_id = :store and n.user_id = :me and (not cast(:unreadOnly as boolean) or n.read_at is null)
                  and n.id < :before
                order by n.id desc
                limit :limit""")
                .setParameter("store", tenant.storeId()).setParameter("me", currentUser.id())
                .setParameter("unreadOnly", unreadOnly).setParameter("before", before == null ? Long.MAX_VALUE : before)
                .setParameter("limit", limit + 1).getResultList();
        List<NotificationView> items = new ArrayList<>();
        for (Object[] r : rows.subList(0, Math.min(limit, rows.size()))) {
            items.add(view(r));
        }
        String next = rows.size() > limit ? Cursor.encode(items.get(items.size() - 1).id()) : null;
        return new NotificationPage(items, next, unreadCount());
    }

    /**
     * One person's unread notifications of the given kinds created after {@code from} and no later than {@code to},
     * oldest first (consecutive windows take each once): what
     * the daily digest carries by e-mail (it runs with no one signed in). At most {@code limit}.
     */
    @Transactional
    public List<NotificationView> unreadOf(long userId, List<Kind> kinds, Instant from, Instant to, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(SELECT + """
                where n.store_id = :store and n.user_id = :user and n.read_at is null
                  and n.kind = any(cast(:kinds as text[])) and n.created_at > :from and n.created_at <= :to
                order by n.id
                limit :limit""")
                .setParameter("store", tenant.storeId()).setParameter("user", userId)
                .setParameter("kinds", SqlArrays.texts(kinds.stream().map(Kind::name).toList()))
                .setParameter("from", from).setParameter("to", to).setParameter("limit", limit).getResultList();
        List<NotificationView> items = new ArrayList<>();
        for (Object[] r : rows) {
            items.add(view(r));
        }
        return items;
    }

    /** A row of {@link #SELECT}. */
    private static NotificationView view(Object[] r) {
        return new NotificationView(((Number) r[0]).longValue(), Kind.valueOf((String) r[1]),
                new Person(((Number) r[2]).longValue(), (String) r[3]),
                r[4] == null ? null : new Person(((Number) r[4]).longValue(), (String) r[5]),
                Instants.of(r[6]), (String) r[7], ((Number) r[10]).intValue(),
                r[11] == null ? null : new Person(((Number) r[11]).longValue(), (String) r[12]),
                Instants.of(r[8]), r[9] != null);
    }

    /** The header badge: the caller's unread notifications (partial index notifications_user_unread). */
    @Transactional
    public long unreadCount() {
        return ((Number) em.createNativeQuery("select count(*) from notifications where store_id = :store "
                + "and user_id = :me and read_at is null")
                .setParameter("store", tenant.storeId()).setParameter("me", currentUser.id())
                .getSingleResult()).longValue();
    }

    /** Marks one of the caller's notifications read or unread; anyone else's is 404. */
    @Transactional
    public void mark(long id, boolean read, Instant now) {
        int changed = em.createNativeQuery("update notifications set read_at = case when cast(:read as boolean) then "
                + "coalesce(read_at, cast(:now as timestamptz)) end where store_id = :store and user_id = :me and id = :id")
                .setParameter("read", read).setParameter("now", now).setParameter("store", tenant.storeId())
                .setParameter("me", currentUser.id()).setParameter("id", id).executeUpdate();
        if (changed == 0) {
            throw DomainException.notFound("Notification " + id);
        }
    }

    /** Marks all of the caller's notifications read; returns how many were unread. */
    @Transactional
    public int markAllRead(Instant now) {
        return em.createNativeQuery("update notifications set read_at = :now where store_id = :store and user_id = :me "
                + "and read_at is null")
                .setParameter("now", now).setParameter("store", tenant.storeId()).setParameter("me", currentUser.id())
                .executeUpdate();
    }
}
