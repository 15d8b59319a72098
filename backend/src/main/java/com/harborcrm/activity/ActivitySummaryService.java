package com.harborcrm.activity;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.harborcrm.account.StoreTimeZones;
import com.harborcrm.agenda.AgendaService;
import com.harborcrm.common.error.DomainException;
import com.harborcrm.common.error.FieldError;
import com.harborcrm.common.sql.SqlArrays;
import com.harborcrm.common.tenancy.TenantContext;
import com.harborcrm.common.time.Instants;

/**
 * Per rep and per day: how many entries of each type (calls, e-mails, meetings, stage changes, claims, orders...),
 * how many customers they contacted, when they last did anything, and how many of their tasks are overdue now, so a
 * manager sees who follows up and who lets customers drift. Every active person of the filter is listed, idle ones
 * with zeros.
 */
@ApplicationScoped
public class ActivitySummaryService {

    public static final int MAX_DAYS = 92;

    @Inject
    EntityManager em;

    @Inject
    TenantContext tenant;

    @Inject
    StoreTimeZones timeZones;

    @Inject
    Instance<ActivitySource> sources;

    @Inject
    ActivityService feed;

    @Inject
    AgendaService agenda;

    @Inject
    java.time.Clock clock;

    @Schema(name = "ActivityRepSummary")
    public record RepSummary(@Schema(required = true) long userId, @Schema(required = true) String name,
            @Schema(nullable = true) String team,
            @Schema(required = true, description = "Entries per activity type in the period") Map<String, Long> counts,
            @Schema(required = true, description = "Follow-ups of any type in the period") long followUps,
            @Schema(required = true, description = "Distinct customers followed up in the period") long customersTouched,
            @Schema(required = true, description = "Days with at least one follow-up") long activeDays,
            @Schema(required = true, description = "Plan tasks and planned next follow-ups overdue now") long overdueTasks,
            @Schema(nullable = true, description = "Their latest entry in the period") Instant lastActivityAt) {
    }

    @Schema(name = "ActivityDaySummary")
    public record DaySummary(@Schema(required = true) long userId, @Schema(required = true) LocalDate day,
            @Schema(required = true) Map<String, Long> counts, @Schema(required = true) long followUps,
            @Schema(required = true) long customersTouched) {
    }

    @Schema(name = "ActivitySummary")
    public record Summary(@Schema(required = true) LocalDate from, @Schema(required = true) LocalDate to,
            @Schema(required = true, description = "By name") List<RepSummary> reps,
            @Schema(required = true, description = "Days with activity, by person then day") List<DaySummary> days) {
    }

    @jakarta.transaction.Transactional
    public Summary summarize(List<Long> userIds, String team, LocalDate from, LocalDate to) {
        ZoneId zone = timeZones.current();
        LocalDate last = to == null ? LocalDate.ofInstant(clock.instant(), zone) : to;
        LocalDate first = from == null ? last.minusDays(6) : from;
        List<FieldError> errors = new ArrayList<>();
        ActivityService.checkPeriod(first, last, errors);
        if (errors.isEmpty() && first.plusDays(MAX_DAYS - 1).isBefore(last)) {
            errors.add(FieldError.range("to", 1, MAX_DAYS, "must be at most " + MAX_DAYS + " days after from"));
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        List<Long> actors = feed.actors(userIds, team);
        StringBuilder who = new StringBuilder("select id, name, team from users where store_id = :store and active "
                + "and not service");
        if (actors != null) {
            who.append(" and id = any(cast(:actors as bigint[]))");
        }
        var people = em.createNativeQuery(who + " order by name, id").setParameter("store", tenant.storeId());
        if (actors != null) {
            people.setParameter("actors", SqlArrays.bigints(actors));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> users = people.getResultList();
        if (users.isEmpty()) {
            return new Summary(first, last, List.of(), List.of());
        }
        List<Long> ids = users.stream().map(u -> ((Number) u[0]).longValue()).toList();
        feed.forShortQueries();
        Instant fromAt = first.atStartOfDay(zone).toInstant();
        Instant toAt = last.plusDays(1).atStartOfDay(zone).toInstant();

        Map<Long, Map<String, Long>> counts = new HashMap<>();
        Map<Long, Instant> latest = new HashMap<>();
        Map<Long, Long> followUps = new HashMap<>();
        Map<Long, Long> touched = new HashMap<>();
        Map<Long, Long> activeDays = new HashMap<>();
        Map<String, DaySummary> days = new TreeMap<>();
        for (ActivitySource source : sources) {
            ActivitySource.Table t = source.table();
            boolean contacts = "FOLLOW_UP".equals(t.source());
            String alias = t.alias();
            // One pass per source: per (person, day, type), per (person, day) and per person, with the customers
            // contacted counted distinct at each level.
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("""
                    select %1$s as actor, (%2$s at time zone %8$s)::date as day, %3$s::text as type, count(*),
                           count(distinct %4$s), max(%2$s), grouping(%1$s, (%2$s at time zone %8$s)::date, %3$s)
                    from %5$s
                    where %6$s.store_id = :store %7$s and %1$s = any(cast(:actors as bigint[]))
                      and %2$s >= :fromAt and %2$s < :toAt
                    group by grouping sets ((%1$s, (%2$s at time zone %8$s)::date, %3$s),
                                            (%1$s, (%2$s at time zone %8$s)::date), (%1$s))""".formatted(t.actor(), t.at(), t.type(),
                    t.customer(), t.from(), alias, t.where() == null ? "" : " and " + t.where(),
                    // A literal, not a parameter: each use of a parameter is a separate placeholder, and the grouping
                    // expressions must be the same. Zone ids are letters, digits, '/', '_', '+' and '-'.
                    "'" + zone.getId().replace("'", "") + "'"))
                    .setParameter("store", tenant.storeId())
                    .setParameter("actors", SqlArrays.bigints(ids)).setParameter("fromAt", fromAt)
                    .setParameter("toAt", toAt).getResultList();
            for (Object[] r : rows) {
                long user = ((Number) r[0]).longValue();
                long count = ((Number) r[3]).longValue();
                long customers = ((Number) r[4]).longValue();
                int level = ((Number) r[6]).intValue();
                if (level == 0) {
                    String type = (String) r[2];
                    counts.computeIfAbsent(user, u -> new TreeMap<>()).merge(type, count, Long::sum);
                    days.computeIfAbsent(user + "/" + r[1], k -> new DaySummary(user, date(r[1]), new TreeMap<>(), 0, 0))
                            .counts().merge(type, count, Long::sum);
                } else if (level == 1) {
                    DaySummary day = days.computeIfAbsent(user + "/" + r[1],
                            k -> new DaySummary(user, date(r[1]), new TreeMap<>(), 0, 0));
                    if (contacts) {
                        days.put(user + "/" + r[1], new DaySummary(user, day.day(), day.counts(), count, customers));
                        activeDays.merge(user, 1L, Long::sum);
                    }
                } else {
                    latest.merge(user, Instants.of(r[5]), (a, b) -> a.isAfter(b) ? a : b);
                    if (contacts) {
                        followUps.put(user, count);
                        touched.put(user, customers);
                    }
                }
            }
        }
        Map<Long, Long> overdue = agenda.overdueByOwner(ids);
        List<RepSummary> reps = users.stream().map(u -> {
            long id = ((Number) u[0]).longValue();
            return new RepSummary(id, (String) u[1], (String) u[2], counts.getOrDefault(id, Map.of()),
                    followUps.getOrDefault(id, 0L), touched.getOrDefault(id, 0L), activeDays.getOrDefault(id, 0L),
                    overdue.getOrDefault(id, 0L), latest.get(id));
        }).toList();
        List<DaySummary> dayList = days.values().stream()
                .sorted(java.util.Comparator.comparing((DaySummary d) -> ids.indexOf(d.userId())).thenComparing(DaySummary::day))
                .toList();
        return new Summary(first, last, reps, dayList);
    }

    private static LocalDate date(Object value) {
        return value instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) value;
    }
}
