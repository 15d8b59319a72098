package com.harborcrm.reminder;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.harborcrm.common.security.CurrentUser;
import com.harborcrm.common.tenancy.TenantContext;
import com.harborcrm.common.time.Instants;
import com.harborcrm.pool.PoolDtos.ReturnRule;
import com.harborcrm.pool.PoolRulesService;
import com.harborcrm.pool.PoolService;
import com.harborcrm.pool.PoolTimer;

/** The signed-in user's to-do: follow-ups due today or overdue, and customers about to return to the pool. */
@ApplicationScoped
public class ReminderService {

    /** Items listed at most; the counts are always complete. */
    public static final int MAX_ITEMS = 200;

    @Inject
    EntityManager em;

    @Inject
    TenantContext tenant;

    @Inject
    CurrentUser currentUser;

    @Inject
    Clock clock;

    @Inject
    PoolService pool;

    @Inject
    PoolRulesService rulesService;

    @Schema(name = "ReminderKind", description = "FOLLOW_UP_OVERDUE: the planned next follow-up is past; "
            + "FOLLOW_UP_DUE: planned for later today (store time zone); POOL_RETURN_WARNING: the customer returns "
            + "to the pool within the rule's warning days unless followed up (or brought to a deal); REPEAT_INQUIRY: the "
            + "customer sent another inquiry (at: when) and has not been followed up since.")
    public enum Kind {
        FOLLOW_UP_OVERDUE, FOLLOW_UP_DUE, POOL_RETURN_WARNING, REPEAT_INQUIRY
    }

    @Schema(name = "Reminder")
    public record Reminder(@Schema(required = true) Kind kind, @Schema(required = true) long customerId,
            @Schema(required = true) String customerName,
            @Schema(required = true, description = "The planned follow-up, or when the customer returns to the pool") Instant at,
            @Schema(description = "POOL_RETURN_WARNING only") ReturnRule rule,
            @Schema(description = "POOL_RETURN_WARNING only: whole days left, rounded up") Integer daysLeft) {
    }

    @Schema(name = "ReminderCounts")
    public record Counts(@Schema(required = true) long dueToday, @Schema(required = true) long overdue,
            @Schema(required = true) long returnWarnings, @Schema(required = true) long repeatInquiries) {
    }

    @Schema(name = "Reminders")
    public record Reminders(@Schema(required = true) Counts counts,
            @Schema(required = true, description = "Overdue first, then by time; at most " + MAX_ITEMS) List<Reminder> items) {
    }

    public Reminders mine() {
        long store = tenant.storeId();
        long me = currentUser.id();
        Instant now = clock.instant();
        ZoneId zone = pool.storeZone();
        Instant startTomorrow = LocalDate.ofInstant(now, zone).plusDays(1).atStartOfDay(zone).toInstant();
        List<Reminder> items = new ArrayList<>();

        @SuppressWarnings("unchecked")
        List<Object[]> followUps = em.createNativeQuery("select c.id, c.name, c.next_follow_up_at from customer_owners o "
                + "join customers c on c.store_id = o.store_id and c.id = o.customer_id "
                + "where o.store_id = ?1 and o.owner_id = ?2 and c.next_follow_up_at < ?3 order by c.next_follow_up_at, c.id")
                .setParameter(1, store).setParameter(2, me).setParameter(3, startTomorrow).getResultList();
        long overdue = 0;
        long dueToday = 0;
        for (Object[] r : followUps) {
            Instant at = Instants.of(r[2]);
            Kind kind = at.isBefore(now) ? Kind.FOLLOW_UP_OVERDUE : Kind.FOLLOW_UP_DUE;
            if (kind == Kind.FOLLOW_UP_OVERDUE) {
                overdue++;
            } else {
                dueToday++;
            }
            items.add(new Reminder(kind, ((Number) r[0]).longValue(), (String) r[1], at, null, null));
        }

        long warnings = 0;
        PoolTimer.Condition warned = PoolTimer.dueWithinWarning("o", null, now, rulesService.all());
        if (warned != null) {
            Query query = warned.bind(em.createNativeQuery("""
                    select c.id, c.name, %s as due, %s as rule
                    from customer_owners o join customers c on c.store_id = o.store_id and c.id = o.customer_id
                    where o.store_id = :store and o.owner_id = :me and %s
                    order by o.due_at, c.id""".formatted(PoolTimer.dueAt("o"), PoolTimer.rule("o"), warned.sql()))
                    .setParameter("store", store).setParameter("me", me));
            @SuppressWarnings("unchecked")
            List<Object[]> due = query.getResultList();
            for (Object[] r : due) {
                Instant at = Instants.of(r[2]);
                warnings++;
                items.add(new Reminder(Kind.POOL_RETURN_WARNING, ((Number) r[0]).longValue(), (String) r[1], at,
                        ReturnRule.valueOf((String) r[3]), PoolTimer.daysLeft(at, now)));
            }
        }
        // The latest repeat inquiry of each of my customers not followed up since (written by inquiry intake).
        @SuppressWarnings("unchecked")
        List<Object[]> inquiries = em.createNativeQuery("""
                select distinct on (c.id) c.id, c.name, r.due_at from reminders r
                join customers c on c.store_id = r.store_id and c.id = r.customer_id
                join customer_owners o on o.store_id = r.store_id and o.customer_id = r.customer_id
                where r.store_id = ?1 and r.user_id = ?2 and r.kind = ?3 and o.owner_id = ?2
                  and (c.last_follow_up_at is null or c.last_follow_up_at < r.due_at)
                order by c.id, r.due_at desc""")
                .setParameter(1, store).setParameter(2, me).setParameter(3, Kind.REPEAT_INQUIRY.name()).getResultList();
        for (Object[] r : inquiries) {
            items.add(new Reminder(Kind.REPEAT_INQUIRY, ((Number) r[0]).longValue(), (String) r[1], Instants.of(r[2]),
                    null, null));
        }
        items.sort(Comparator.comparing(Reminder::at).thenComparing(Reminder::customerId));
        return new Reminders(new Counts(dueToday, overdue, warnings, inquiries.size()),
                items.stream().limit(MAX_ITEMS).toList());
    }
}
