package com.harborcrm.agenda;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.harborcrm.account.StoreTimeZones;
import com.harborcrm.common.error.DomainException;
import com.harborcrm.common.error.FieldError;
import com.harborcrm.common.security.CurrentUser;
import com.harborcrm.common.tenancy.TenantContext;
import com.harborcrm.common.time.Instants;
import com.harborcrm.followup.FollowUpDtos.CreateFollowUpRequest;
import com.harborcrm.followup.FollowUpService;
import com.harborcrm.followup.FollowUpType;
import com.harborcrm.plan.PlanService;
import com.harborcrm.pool.PoolDtos.ReturnRule;
import com.harborcrm.pool.PoolRulesService;
import com.harborcrm.pool.PoolTimer;

/**
 * A user's agenda: the tasks of their follow-up plans, their planned next follow-ups, their customers returning to
 * the pool within the warning window and their customers' unanswered repeat inquiries, by day of the store.
 */
@ApplicationScoped
public class AgendaService {

    /** Items listed at most; the counts are always complete. */
    public static final int MAX_ITEMS = 500;
    /** The longest range one request may ask for. */
    public static final int MAX_DAYS = 62;

    @Inject
    EntityManager em;

    @Inject
    TenantContext tenant;

    @Inject
    CurrentUser currentUser;

    @Inject
    Clock clock;

    @Inject
    StoreTimeZones timeZones;

    @Inject
    PoolRulesService rulesService;

    @Inject
    PlanService plans;

    @Inject
    FollowUpService followUps;

    @Schema(name = "AgendaItemKind", description = "PLAN_STEP: a task of a follow-up plan (dueOn); NEXT_FOLLOW_UP: "
            + "the planned next follow-up of the latest contact (at); POOL_RETURN: the customer returns to the pool "
            + "at `at` unless followed up (within the rule's warning days); REPEAT_INQUIRY: the customer sent another "
            + "inquiry at `at` and has not been followed up since")
    public enum Kind {
        PLAN_STEP, NEXT_FOLLOW_UP, POOL_RETURN, REPEAT_INQUIRY
    }

    @Schema(name = "AgendaItem")
    public record Item(
            @Schema(required = true, description = "Stable key for /agenda/items/{key}: plan-<planId>, "
                    + "next-<customerId>, return-<customerId>, inquiry-<customerId>") String key,
            @Schema(required = true) Kind kind,
            @Schema(required = true) long customerId,
            @Schema(required = true) String customerName,
            @Schema(nullable = true) String companyName,
            @Schema(required = true, description = "The store day it is due (or the day of `at`)") LocalDate dueOn,
            @Schema(nullable = true, description = "The moment, for NEXT_FOLLOW_UP, POOL_RETURN and REPEAT_INQUIRY") Instant at,
            @Schema(required = true, description = "Due before today (a plan task) or before now (a next follow-up)") boolean overdue,
            @Schema(nullable = true, description = "PLAN_STEP: the task's follow-up type") FollowUpType taskType,
            @Schema(nullable = true, description = "PLAN_STEP: the task's note") String note,
            @Schema(nullable = true) Long planId,
            @Schema(nullable = true, description = "PLAN_STEP: the step (0-based)") Integer step,
            @Schema(nullable = true, description = "POOL_RETURN: why it returns") ReturnRule rule,
            @Schema(nullable = true, description = "POOL_RETURN: whole days left, rounded up") Integer daysLeft) {
    }

    @Schema(name = "AgendaCounts", description = "For the header: overdue and due today are what needs doing now")
    public record Counts(@Schema(required = true) long overdue, @Schema(required = true) long today,
            @Schema(required = true, description = "Due after today up to `to`") long upcoming,
            @Schema(required = true) long returning, @Schema(required = true) long repeatInquiries) {
    }

    @Schema(name = "Agenda")
    public record Agenda(@Schema(required = true) long userId, @Schema(required = true) LocalDate today,
            @Schema(required = true) LocalDate from, @Schema(required = true) LocalDate to,
            @Schema(required = true) Counts counts,
            @Schema(required = true, description = "Overdue first, then by day; at most " + MAX_ITEMS) List<Item> items) {
    }

    /** The agenda of {@code userId} (the caller when null; managers and admins may read anyone's). */
    public Agenda of(Long userId, LocalDate from, LocalDate to) {
        long user = resolveUser(userId);
        LocalDate today = plans.today();
        LocalDate first = from == null ? today : from;
        LocalDate last = to == null ? first.plusDays(6) : to;
        List<FieldError> errors = new ArrayList<>();
        if (last.isBefore(first)) {
            errors.add(new FieldError("to", "must not be before from", FieldError.Code.NOT_BEFORE_FIELD, null, null,
                    "from", null));
        } else if (first.plusDays(MAX_DAYS).isBefore(last)) {
            errors.add(FieldError.range("to", 0, MAX_DAYS, "must be at most " + MAX_DAYS + " days after from"));
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        return forUser(user, today, first, last);
    }

    /** The agenda of any user of the current store, without a caller (the daily digest). */
    public Agenda forUser(long user, LocalDate today, LocalDate from, LocalDate to) {
        long store = tenant.storeId();
        ZoneId zone = timeZones.current();
        Instant now = clock.instant();
        Instant endOfTo = to.plusDays(1).atStartOfDay(zone).toInstant();
        List<Item> items = new ArrayList<>();
        long overdue = 0;
        long dueToday = 0;
        long upcoming = 0;

        // Plan tasks of customers the user owns; a task never falls before the day the customer was claimed (a plan
        // is paused while its customer is in the pool).
        @SuppressWarnings("unchecked")
        List<Object[]> steps = em.createNativeQuery("""
                select p.id, c.id, c.name, c.company_name,
                       greatest(p.due_on, (o.owned_since at time zone :zone)::date) as due, p.due_type, p.due_note, p.step
                from customer_owners o
                join follow_up_plans p on p.store_id = o.store_id and p.customer_id = o.customer_id and p.status = 'ACTIVE'
                join customers c on c.store_id = o.store_id and c.id = o.customer_id
                where o.store_id = :store and o.owner_id = :user
                  and greatest(p.due_on, (o.owned_since at time zone :zone)::date) <= :to
                order by due, c.id, p.id""")
                .setParameter("store", store).setParameter("user", user).setParameter("zone", zone.getId())
                .setParameter("to", to).getResultList();
        for (Object[] r : steps) {
            LocalDate due = date(r[4]);
            boolean late = due.isBefore(today);
            if (late) {
                overdue++;
            } else if (due.equals(today)) {
                dueToday++;
            } else {
                upcoming++;
            }
            if (late || !due.isBefore(from)) {
                items.add(new Item("plan-" + r[0], Kind.PLAN_STEP, ((Number) r[1]).longValue(), (String) r[2],
                        (String) r[3], due, null, late, r[5] == null ? null : FollowUpType.valueOf((String) r[5]),
                        (String) r[6], ((Number) r[0]).longValue(), ((Number) r[7]).intValue(), null, null));
            }
        }

        @SuppressWarnings("unchecked")
        List<Object[]> nexts = em.createNativeQuery("""
                select c.id, c.name, c.company_name, c.next_follow_up_at from customer_owners o
                join customers c on c.store_id = o.store_id and c.id = o.customer_id
                where o.store_id = ?1 and o.owner_id = ?2 and c.next_follow_up_at < ?3
                order by c.next_follow_up_at, c.id""")
                .setParameter(1, store).setParameter(2, user).setParameter(3, endOfTo).getResultList();
        LocalDate tomorrow = today.plusDays(1);
        for (Object[] r : nexts) {
            Instant at = Instants.of(r[3]);
            LocalDate due = LocalDate.ofInstant(at, zone);
            boolean late = at.isBefore(now);
            if (late) {
                overdue++;
            } else if (due.isBefore(tomorrow)) {
                dueToday++;
            } else {
                upcoming++;
            }
            if (late || !due.isBefore(from)) {
                items.add(new Item("next-" + r[0], Kind.NEXT_FOLLOW_UP, ((Number) r[0]).longValue(), (String) r[1],
                        (String) r[2], due, at, late, null, null, null, null, null, null));
            }
        }

        long returning = 0;
        PoolTimer.Condition warned = PoolTimer.dueWithinWarning("o", null, now, rulesService.all());
        if (warned != null) {
            @SuppressWarnings("unchecked")
            List<Object[]> due = warned.bind(em.createNativeQuery("""
                    select c.id, c.name, c.company_name, %s as due, %s as rule
                    from customer_owners o join customers c on c.store_id = o.store_id and c.id = o.customer_id
                    where o.store_id = :store and o.owner_id = :user and %s
                    order by o.due_at, c.id""".formatted(PoolTimer.dueAt("o"), PoolTimer.rule("o"), warned.sql()))
                    .setParameter("store", store).setParameter("user", user)).getResultList();
            for (Object[] r : due) {
                Instant at = Instants.of(r[3]);
                returning++;
                items.add(new Item("return-" + r[0], Kind.POOL_RETURN, ((Number) r[0]).longValue(), (String) r[1],
                        (String) r[2], LocalDate.ofInstant(at, zone), at, false, null, null, null, null,
                        ReturnRule.valueOf((String) r[4]), PoolTimer.daysLeft(at, now)));
            }
        }

        // The latest repeat inquiry of each of the user's customers not followed up since (written by inquiry intake).
        @SuppressWarnings("unchecked")
        List<Object[]> inquiries = em.createNativeQuery("""
                select distinct on (c.id) c.id, c.name, c.company_name, r.due_at from reminders r
                join customers c on c.store_id = r.store_id and c.id = r.customer_id
                join customer_owners o on o.store_id = r.store_id and o.customer_id = r.customer_id
                where r.store_id = ?1 and r.user_id = ?2 and r.kind = 'REPEAT_INQUIRY' and o.owner_id = ?2
                  and (c.last_follow_up_at is null or c.last_follow_up_at < r.due_at)
                order by c.id, r.due_at desc""")
                .setParameter(1, store).setParameter(2, user).getResultList();
        for (Object[] r : inquiries) {
            Instant at = Instants.of(r[3]);
            items.add(new Item("inquiry-" + r[0], Kind.REPEAT_INQUIRY, ((Number) r[0]).longValue(), (String) r[1],
                    (String) r[2], LocalDate.ofInstant(at, zone), at, false, null, null, null, null, null, null));
        }
        items.sort(Comparator.comparing((Item i) -> !i.overdue()).thenComparing(Item::dueOn)
                .thenComparing(i -> i.at() == null ? Instant.MIN : i.at()).thenComparing(Item::customerId));
        return new Agenda(user, today, from, to,
                new Counts(overdue, dueToday, upcoming, returning, inquiries.size()),
                items.stream().limit(MAX_ITEMS).toList());
    }

    /**
     * Overdue tasks per owner now (plan tasks due before today, planned next follow-ups before now), for the team
     * summary: who lets customers drift.
     */
    public Map<Long, Long> overdueByOwner(List<Long> owners) {
        ZoneId zone = timeZones.current();
        Instant now = clock.instant();
        // Two set-based counts: planned next follow-ups past (customers_next_follow_up walks only those), and plan
        // tasks due before today (the active plans' index), each joined to its owner.
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select o.owner_id, count(*) from customers c
                join customer_owners o on o.store_id = c.store_id and o.customer_id = c.id
                where c.store_id = :store and c.next_follow_up_at < :now and o.owner_id = any(cast(:owners as bigint[]))
                group by o.owner_id
                union all
                select o.owner_id, count(*) from follow_up_plans p
                join customer_owners o on o.store_id = p.store_id and o.customer_id = p.customer_id
                where p.store_id = :store and p.status = 'ACTIVE' and p.due_on < :today
                  and o.owner_id = any(cast(:owners as bigint[]))
                  and greatest(p.due_on, (o.owned_since at time zone :zone)::date) < :today
                group by o.owner_id""")
                .setParameter("zone", zone.getId()).setParameter("today", LocalDate.ofInstant(now, zone))
                .setParameter("now", now).setParameter("store", tenant.storeId())
                .setParameter("owners", com.harborcrm.common.sql.SqlArrays.bigints(owners)).getResultList();
        Map<Long, Long> overdue = new HashMap<>();
        for (Object[] r : rows) {
            overdue.merge(((Number) r[0]).longValue(), ((Number) r[1]).longValue(), Long::sum);
        }
        return overdue;
    }

    /** Snooze or reschedule an item to a day: a plan task moves to it, a next follow-up keeps its time of day. */
    @Transactional
    public void reschedule(String key, LocalDate on) {
        Target target = target(key);
        switch (target.kind()) {
            case PLAN_STEP -> plans.reschedule(planCustomer(target.id()), target.id(), on);
            case NEXT_FOLLOW_UP -> {
                ZoneId zone = timeZones.current();
                Object current = em.createNativeQuery("select next_follow_up_at from customers where store_id = ?1 and id = ?2")
                        .setParameter(1, tenant.storeId()).setParameter(2, target.id()).getResultStream()
                        .findFirst().orElse(null);
                LocalTime time = current == null ? LocalTime.of(9, 0)
                        : Instants.of(current).atZone(zone).toLocalTime();
                followUps.reschedule(target.id(), on.atTime(time).atZone(zone).toInstant());
            }
            default -> throw DomainException.invalid("key", "a " + target.kind()
                    + " item cannot be moved: follow the customer up instead");
        }
    }

    /** Marks an item done: a plan task through its plan, a next follow-up by recording the contact. */
    @Transactional
    public void done(String key, FollowUpType type, String content) {
        Target target = target(key);
        switch (target.kind()) {
            case PLAN_STEP -> plans.complete(planCustomer(target.id()), target.id(), content);
            case NEXT_FOLLOW_UP -> followUps.create(target.id(), new CreateFollowUpRequest(
                    type == null ? FollowUpType.CALL : type, content == null ? "Followed up" : content, null, null));
            default -> throw DomainException.invalid("key", "a " + target.kind()
                    + " item is done by following the customer up");
        }
    }

    private record Target(Kind kind, long id) {
    }

    private static Target target(String key) {
        int dash = key.lastIndexOf('-');
        try {
            if (dash > 0) {
                long id = Long.parseLong(key.substring(dash + 1));
                switch (key.substring(0, dash)) {
                    case "plan":
                        return new Target(Kind.PLAN_STEP, id);
                    case "next":
                        return new Target(Kind.NEXT_FOLLOW_UP, id);
                    case "return":
                        return new Target(Kind.POOL_RETURN, id);
                    case "inquiry":
                        return new Target(Kind.REPEAT_INQUIRY, id);
                    default:
                        break;
                }
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw DomainException.notFound("Agenda item " + key);
    }

    private long planCustomer(long planId) {
        @SuppressWarnings("unchecked")
        List<Number> found = em.createNativeQuery("select customer_id from follow_up_plans where store_id = ?1 and id = ?2")
                .setParameter(1, tenant.storeId()).setParameter(2, planId).getResultList();
        if (found.isEmpty()) {
            throw DomainException.notFound("Agenda item plan-" + planId);
        }
        return found.get(0).longValue();
    }

    private long resolveUser(Long userId) {
        if (userId == null || userId == currentUser.id()) {
            return currentUser.id();
        }
        if (!currentUser.isManagerOrAdmin()) {
            throw DomainException.forbidden("Reps see their own agenda only");
        }
        boolean exists = !em.createNativeQuery("select 1 from users where store_id = ?1 and id = ?2")
                .setParameter(1, tenant.storeId()).setParameter(2, userId).getResultList().isEmpty();
        if (!exists) {
            throw DomainException.notFound("User " + userId);
        }
        return userId;
    }

    private static LocalDate date(Object value) {
        return value instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) value;
    }
}
