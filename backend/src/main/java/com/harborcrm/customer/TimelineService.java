package com.harborcrm.customer;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.harborcrm.common.error.DomainException;
import com.harborcrm.common.paging.Cursor;
import com.harborcrm.common.paging.Page;
import com.harborcrm.common.tenancy.TenantContext;
import com.harborcrm.common.time.Instants;
import com.harborcrm.pool.PoolReadPolicy;

/**
 * Everything that happened to a customer, newest first: its follow-ups and its events merged into one list,
 * paged by the keyset (at, kind, id) so that pages neither skip nor repeat while new entries arrive.
 */
@ApplicationScoped
public class TimelineService {

    private static final Set<String> KINDS = Set.of("FOLLOW_UP", "EVENT");

    @Inject
    EntityManager em;

    @Inject
    TenantContext tenant;

    @Inject
    CustomerService customers;

    @Inject
    ObjectMapper mapper;

    @Inject
    PoolReadPolicy readPolicy;

    @Schema(name = "TimelineEntry", description = "A follow-up (kind FOLLOW_UP: content, nextFollowUpAt) or an "
            + "event (kind EVENT: data, e.g. {from, to} of a STAGE_CHANGED, plus ownerId and stage at the time).")
    public record TimelineEntry(
            @Schema(required = true, enumeration = {"FOLLOW_UP", "EVENT"}) String kind,
            @Schema(required = true, description = "Id of the follow-up or of the event") long id,
            @Schema(required = true) Instant at,
            @Schema(required = true, description = "The follow-up type or the event type") String type,
            @Schema(nullable = true) Long actorId,
            @Schema(nullable = true) String actorName,
            @Schema(enumeration = {"PERSON", "API_KEY"},
                    description = "Who acted: a person, or an API key (actorName is then the key's name)") String actorKind,
            String content,
            Instant nextFollowUpAt,
            @Schema(description = "An event's details; every event has ownerId and stage at the time. OWNER_CHANGED: "
                    + "kind (CLAIMED, ASSIGNED, TRANSFERRED, RELEASED, AUTO_RETURNED, AUTO_ASSIGNED), fromOwnerId, "
                    + "toOwnerId; rule (AUTO_RETURNED: NO_FOLLOW_UP or NO_DEAL; AUTO_ASSIGNED: ROUND_ROBIN, CAPACITY "
                    + "or RETURNING_BUYER); RELEASED: reasonId, note and toPoolId when released into another pool. "
                    + "poolId: the pool a RELEASED or AUTO_RETURNED customer went back to, or a LOST or REACTIVATED "
                    + "customer belongs to (events written before pools were tracked have none). STAGE_CHANGED: "
                    + "from, to.")
            Map<String, Object> data) {
    }

    public Page<TimelineEntry> list(long customerId, int limit, String cursor) {
        Customer customer = customers.findVisible(customerId, LockModeType.NONE);
        String followUpAfter = "";
        String eventAfter = "";
        Instant afterAt = null;
        String afterKind = null;
        long afterId = 0;
        if (cursor != null) {
            List<String> parts = Cursor.decode(cursor, 3);
            try {
                afterAt = Instant.parse(parts.get(0));
                afterKind = parts.get(1);
                afterId = Long.parseLong(parts.get(2));
            } catch (DateTimeParseException | NumberFormatException e) {
                throw DomainException.invalid("cursor", "is not a cursor returned by this list");
            }
            if (!KINDS.contains(afterKind)) {
                throw DomainException.invalid("cursor", "is not a cursor returned by this list");
            }
            String keyset = " < (cast(:afterAt as timestamptz), cast(:afterKind as text), cast(:afterId as bigint))";
            followUpAfter = " and (f.occurred_at, 'FOLLOW_UP'::text, f.id)" + keyset;
            eventAfter = " and (e.at, 'EVENT'::text, e.id)" + keyset;
        }
        var query = em.createNativeQuery("""
                select t.kind, t.id, t.at, t.type, t.actor_id, u.name, t.content, t.next_follow_up_at, t.data, u.service
                from (
                  (select 'FOLLOW_UP'::text as kind, f.id, f.occurred_at as at, f.type::text as type,
                          f.author_id as actor_id, f.content::text as content, f.next_follow_up_at, null::text as data
                   from follow_ups f
                   where f.store_id = :store and f.customer_id = :customer %s
                   order by f.occurred_at desc, f.id desc limit :limit)
                  union all
                  (select 'EVENT'::text, e.id, e.at, e.type::text, e.actor_id, null::text, null::timestamptz, e.data::text
                   from customer_events e
                   where e.store_id = :store and e.customer_id = :customer %s
                   order by e.at desc, e.id desc limit :limit)
                ) t
                left join users u on u.store_id = :store and u.id = t.actor_id
                order by t.at desc, t.kind desc, t.id desc
                limit :limit""".formatted(followUpAfter, eventAfter))
                .setParameter("store", tenant.storeId()).setParameter("customer", customerId)
                .setParameter("limit", limit + 1);
        if (cursor != null) {
            query.setParameter("afterAt", afterAt).setParameter("afterKind", afterKind).setParameter("afterId", afterId);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        UnaryOperator<String> mask = readPolicy.textMask(customer);
        List<TimelineEntry> items = rows.stream().limit(limit).map(r -> entry(r, mask)).toList();
        String next = null;
        if (rows.size() > limit) {
            TimelineEntry last = items.get(items.size() - 1);
            next = Cursor.encode(last.at(), last.kind(), last.id());
        }
        return Page.of(items, next);
    }

    /** A row as an entry, its texts (content and every string in its data) passed through the caller's mask. */
    @SuppressWarnings("unchecked")
    private TimelineEntry entry(Object[] r, UnaryOperator<String> mask) {
        Map<String, Object> data = null;
        if (r[8] != null) {
            try {
                data = mapper.readValue((String) r[8], new TypeReference<Map<String, Object>>() {
                });
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        return new TimelineEntry((String) r[0], ((Number) r[1]).longValue(), Instants.of(r[2]), (String) r[3],
                r[4] == null ? null : ((Number) r[4]).longValue(), (String) r[5],
                r[9] == null ? null : Boolean.TRUE.equals(r[9]) ? "API_KEY" : "PERSON", mask.apply((String) r[6]),
                Instants.of(r[7]), (Map<String, Object>) PoolReadPolicy.maskValues(data, mask));
    }
}
