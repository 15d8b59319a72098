package com.harborcrm.activity;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.harborcrm.account.StoreTimeZones;
import com.harborcrm.common.error.DomainException;
import com.harborcrm.common.error.FieldError;
import com.harborcrm.common.paging.Cursor;
import com.harborcrm.common.security.CurrentUser;
import com.harborcrm.common.sql.SqlArrays;
import com.harborcrm.common.tenancy.TenantContext;
import com.harborcrm.common.time.Instants;
import com.harborcrm.customer.Customer;
import com.harborcrm.customer.CustomerStage;
import com.harborcrm.pool.PoolReadPolicy;

/**
 * The team activity feed: every source's entries of the store, newest first, keyset-paged by (at, source, id), each
 * source asked for at most a page of its newest matching rows through its own indexes. A rep reads their own
 * entries only, with the contacts of customers now in the pool masked as everywhere else.
 */
@ApplicationScoped
public class ActivityService {

    public static final int MAX_QUERY = 200;

    @Inject
    EntityManager em;

    @Inject
    TenantContext tenant;

    @Inject
    CurrentUser currentUser;

    @Inject
    StoreTimeZones timeZones;

    @Inject
    Instance<ActivitySource> sources;

    @Inject
    PoolReadPolicy readPolicy;

    @Inject
    ObjectMapper mapper;

    /** What the feed is filtered by; every list is "any of", null or empty is "all". */
    public record Filter(List<Long> userIds, String team, List<String> types, List<CustomerStage> stages,
            List<Long> tagIds, LocalDate from, LocalDate to, String q) {
    }

    @Schema(name = "ActivitySource", description = "FOLLOW_UP: a follow-up (type: its follow-up type; content); "
            + "EVENT: an event of the customer log (type: its event type; data as in the timeline); ORDER: an order "
            + "created or moved to a status (type ORDER_<status>; data: orderId, kind, status, total, currency)")
    public enum Source {
        FOLLOW_UP, EVENT, ORDER
    }

    @Schema(name = "ActivityEntry")
    public record Entry(@Schema(required = true) Source source, @Schema(required = true) long id,
            @Schema(required = true) Instant at, @Schema(required = true) String type,
            @Schema(nullable = true) Long actorId, @Schema(nullable = true) String actorName,
            @Schema(required = true) long customerId, @Schema(required = true) String customerName,
            @Schema(nullable = true) String content, @Schema(nullable = true) Map<String, Object> data) {
    }

    @Schema(name = "ActivityPage")
    public record ActivityPage(@Schema(required = true) List<Entry> items,
            @Schema(required = true, nullable = true) String nextCursor) {
    }

    /** Every type the type filter takes, from the sources themselves. */
    public Set<String> types() {
        return sources.stream().flatMap(s -> s.table().types().stream()).collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * A first page costs a few milliseconds of index walking; PostgreSQL's cost estimates for the store-wide
     * branches (hundreds of thousands of rows it will not read, thanks to the LIMIT) would otherwise start JIT
     * compilation and parallel workers, 50-100 ms of overhead each on 2 cores (bench/activity/feed.sh).
     */
    void forShortQueries() {
        em.createNativeQuery("select set_config('jit', 'off', true), "
                + "set_config('max_parallel_workers_per_gather', '0', true)").getSingleResult();
    }

    @Transactional
    public ActivityPage list(Filter filter, String cursor, int limit) {
        List<Long> actors = actors(filter.userIds(), filter.team());
        if (actors != null && actors.isEmpty()) {
            return new ActivityPage(List.of(), null);
        }
        Set<String> allTypes = types();
        List<FieldError> errors = new ArrayList<>();
        if (filter.types() != null) {
            for (String type : filter.types()) {
                if (!allTypes.contains(type)) {
                    errors.add(FieldError.oneOf("type", allTypes.toArray()));
                    break;
                }
            }
        }
        if (filter.q() != null && filter.q().length() > MAX_QUERY) {
            errors.add(FieldError.length("q", 1, MAX_QUERY, "must be at most " + MAX_QUERY + " characters"));
        }
        checkPeriod(filter.from(), filter.to(), errors);
        Instant afterAt = null;
        String afterSource = null;
        long afterId = 0;
        if (cursor != null) {
            List<String> parts = Cursor.decode(cursor, 3);
            try {
                afterAt = Instant.parse(parts.get(0));
                afterSource = Source.valueOf(parts.get(1)).name();
                afterId = Long.parseLong(parts.get(2));
            } catch (DateTimeParseException | IllegalArgumentException e) {
                errors.add(new FieldError("cursor", "is not a cursor returned by this list"));
            }
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        ZoneId zone = timeZones.current();
        Map<String, Object> params = new HashMap<>();
        params.put("store", tenant.storeId());
        params.put("limit", limit + 1);
        List<String> branches = new ArrayList<>();
        for (ActivitySource source : sources) {
            ActivitySource.Table t = source.table();
            List<String> types = filter.types() == null || filter.types().isEmpty() ? null
                    : filter.types().stream().filter(t.types()::contains).toList();
            if ((types != null && types.isEmpty()) || (filter.q() != null && t.text() == null)) {
                continue;
            }
            String p = t.source().toLowerCase();
            StringBuilder where = new StringBuilder(t.alias() + ".store_id = :store");
            if (t.where() != null) {
                where.append(" and ").append(t.where());
            }
            if (actors != null) {
                where.append(" and ").append(t.actor()).append(" = any(cast(:actors as bigint[]))");
                params.put("actors", SqlArrays.bigints(actors));
            }
            if (types != null) {
                where.append(" and ").append(t.type()).append(" = any(cast(:").append(p).append("Types as text[]))");
                params.put(p + "Types", SqlArrays.texts(types));
            }
            if (filter.from() != null) {
                where.append(" and ").append(t.at()).append(" >= :fromAt");
                params.put("fromAt", filter.from().atStartOfDay(zone).toInstant());
            }
            if (filter.to() != null) {
                where.append(" and ").append(t.at()).append(" < :toAt");
                params.put("toAt", filter.to().plusDays(1).atStartOfDay(zone).toInstant());
            }
            if (afterAt != null) {
                // The first term walks the index; the row comparison settles ties across sources.
                where.append(" and ").append(t.at()).append(" <= cast(:afterAt as timestamptz) and (").append(t.at())
                        .append(", '").append(t.source()).append("'::text, ").append(t.id())
                        .append(") < (cast(:afterAt as timestamptz), cast(:afterSource as text), cast(:afterId as bigint))");
                params.put("afterAt", afterAt);
                params.put("afterSource", afterSource);
                params.put("afterId", afterId);
            }
            if (filter.q() != null) {
                where.append(" and ").append(t.text()).append(" ilike :q");
                params.put("q", "%" + filter.q().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            }
            if (filter.stages() != null && !filter.stages().isEmpty()) {
                where.append(" and exists (select 1 from customers c where c.store_id = :store and c.id = ")
                        .append(t.customer()).append(" and c.stage = any(cast(:stages as text[])))");
                params.put("stages", SqlArrays.texts(filter.stages().stream().map(Enum::name).toList()));
            }
            if (filter.tagIds() != null && !filter.tagIds().isEmpty()) {
                where.append(" and exists (select 1 from customer_tags ct where ct.store_id = :store and ct.customer_id = ")
                        .append(t.customer()).append(" and ct.tag_id = any(cast(:tags as bigint[])))");
                params.put("tags", SqlArrays.bigints(filter.tagIds()));
            }
            // The newest matching ids first, from the index alone (its INCLUDE columns carry every filter but the
            // text), then the page's rows from the table.
            String alias = t.alias();
            String newest = "select " + t.id() + " from " + t.from() + " where " + where + " order by " + t.at()
                    + " desc, " + t.id() + " desc limit :limit";
            branches.add("(select '" + t.source() + "'::text as source, " + t.id() + " as id, " + t.at() + " as at, "
                    + t.type() + "::text as type, " + t.actor() + " as actor_id, " + t.customer() + " as customer_id, "
                    + (t.text() == null ? "null::text" : t.text() + "::text") + " as content, " + t.data() + " as data"
                    + " from " + t.from() + " where " + alias + ".store_id = :store and " + t.id() + " in (" + newest
                    + "))");
        }
        if (branches.isEmpty()) {
            return new ActivityPage(List.of(), null);
        }
        forShortQueries();
        var query = em.createNativeQuery("""
                select a.source, a.id, a.at, a.type, a.actor_id, u.name, a.customer_id, c.name, a.content, a.data,
                       o.owner_id is null
                from (%s) a
                join customers c on c.store_id = :store and c.id = a.customer_id
                join customer_owners o on o.store_id = :store and o.customer_id = a.customer_id
                left join users u on u.store_id = :store and u.id = a.actor_id
                order by a.at desc, a.source desc, a.id desc
                limit :limit""".formatted(String.join(" union all ", branches)));
        params.forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        List<Object[]> page = rows.subList(0, Math.min(limit, rows.size()));
        Map<Long, UnaryOperator<String>> masks = new HashMap<>();
        if (readPolicy.masksForCaller()) {
            // The customers of the page now in the pool, read in one query, each with its mask.
            List<Long> pooled = page.stream().filter(r -> Boolean.TRUE.equals(r[10]))
                    .map(r -> ((Number) r[6]).longValue()).distinct().toList();
            if (!pooled.isEmpty()) {
                Customer.<Customer>list("id in ?1", pooled).forEach(c -> masks.put(c.id, readPolicy.textMask(c)));
            }
        }
        List<Entry> items = new ArrayList<>();
        for (Object[] r : page) {
            long customerId = ((Number) r[6]).longValue();
            UnaryOperator<String> textMask = masks.getOrDefault(customerId, UnaryOperator.identity());
            items.add(new Entry(Source.valueOf((String) r[0]), ((Number) r[1]).longValue(), Instants.of(r[2]),
                    (String) r[3], r[4] == null ? null : ((Number) r[4]).longValue(), (String) r[5], customerId,
                    (String) r[7], textMask.apply((String) r[8]), data((String) r[9], textMask)));
        }
        String next = null;
        if (rows.size() > limit) {
            Entry last = items.get(items.size() - 1);
            next = Cursor.encode(last.at(), last.source().name(), last.id());
        }
        return new ActivityPage(items, next);
    }

    /**
     * Whose entries: null for everyone (managers and admins without a filter); a rep always themselves (asking for
     * another user is 403); a team, the active and inactive users labelled with it.
     */
    List<Long> actors(List<Long> userIds, String team) {
        List<Long> asked = userIds == null || userIds.isEmpty() ? null : userIds;
        if (!currentUser.isManagerOrAdmin()) {
            if (asked != null && asked.stream().anyMatch(id -> id != currentUser.id())) {
                throw DomainException.forbidden("Reps see their own activity only");
            }
            asked = List.of(currentUser.id());
        }
        if (team == null || team.isBlank()) {
            return asked;
        }
        @SuppressWarnings("unchecked")
        List<Number> members = em.createNativeQuery("select id from users where store_id = ?1 and team = ?2")
                .setParameter(1, tenant.storeId()).setParameter(2, team.strip()).getResultList();
        List<Long> inTeam = members.stream().map(Number::longValue).toList();
        return asked == null ? inTeam : asked.stream().filter(inTeam::contains).toList();
    }

    static void checkPeriod(LocalDate from, LocalDate to, List<FieldError> errors) {
        if (from != null && to != null && to.isBefore(from)) {
            errors.add(new FieldError("to", "must not be before from", FieldError.Code.NOT_BEFORE_FIELD, null, null,
                    "from", null));
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> data(String json, UnaryOperator<String> mask) {
        if (json == null) {
            return null;
        }
        try {
            Map<String, Object> data = mapper.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() {
            });
            return (Map<String, Object>) PoolReadPolicy.maskValues(data, mask);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
