package com.harborcrm.reason;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.harborcrm.common.sql.SqlArrays;
import com.harborcrm.account.StoreLanguage;
import com.harborcrm.account.StoreOpened;
import com.harborcrm.common.error.DomainException;
import com.harborcrm.common.error.FieldError;
import com.harborcrm.common.error.ProblemType;
import com.harborcrm.common.tenancy.TenantContext;

/**
 * The store's list of reasons for losing or releasing a customer: seeded with docs/product.md's defaults when a store
 * opens, managed by its admin. Events keep the reason's id, so a reason that was ever used is archived (no longer
 * chosen, still named in statistics and timelines) rather than deleted.
 */
@ApplicationScoped
public class LostReasonService {

    /** docs/product.md's defaults, in this order. */
    public static final List<String> DEFAULTS = List.of("Product quality", "Price", "Service attitude", "Integrity",
            "Delivery", "Contact information lost", "Went to a competitor", "No longer needs", "Other");

    /** The same defaults, in the same order, for a store that works in Chinese. */
    public static final List<String> DEFAULTS_ZH_CN = List.of("产品质量", "价格", "服务态度", "诚信", "交货", "联系方式丢失",
            "转向竞争对手", "不再需要", "其他");

    /** The defaults a new store gets, named in its language. */
    public static List<String> defaults(StoreLanguage language) {
        return language == StoreLanguage.ZH_CN ? DEFAULTS_ZH_CN : DEFAULTS;
    }

    public static final int MAX_REASONS_PER_STORE = 100;
    public static final int MAX_NAME_LENGTH = 60;

    @Inject
    EntityManager em;

    @Inject
    TenantContext tenant;

    @Inject
    Clock clock;

    @Schema(name = "LostReason")
    public record LostReasonView(@Schema(required = true) long id, @Schema(required = true) String name,
            @Schema(required = true, description = "Archived reasons stay on past records but cannot be chosen")
            boolean archived,
            @Schema(required = true, description = "Order in lists, smallest first") int position,
            @Schema(required = true) long version) {
    }

    @Schema(name = "LostReasonList")
    public record LostReasonList(@Schema(required = true) List<LostReasonView> items,
            @Schema(required = true, nullable = true, description = "Always null: the list is never paged") String nextCursor) {
    }

    /** Runs inside the signup transaction, with the new store entered. */
    void seed(@Observes StoreOpened opened) {
        Instant now = clock.instant();
        List<String> names = defaults(opened.language());
        for (int i = 0; i < names.size(); i++) {
            em.createNativeQuery("insert into lost_reasons (store_id, name, position, created_at, updated_at) "
                    + "values (?1, ?2, ?3, ?4, ?4)")
                    .setParameter(1, opened.storeId()).setParameter(2, names.get(i)).setParameter(3, i + 1)
                    .setParameter(4, now).executeUpdate();
        }
    }

    public List<LostReasonView> list() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select id, name, archived, position, version from lost_reasons "
                + "where store_id = ?1 order by position, id").setParameter(1, tenant.storeId()).getResultList();
        return rows.stream().map(LostReasonService::view).toList();
    }

    public LostReasonView get(long id) {
        return list().stream().filter(r -> r.id() == id).findFirst()
                .orElseThrow(() -> DomainException.notFound("Lost reason " + id));
    }

    /** A reason that may be chosen now (of this store, not archived), else a 400 on {@code field}. */
    public LostReasonView requireUsable(long id, String field) {
        lockForUse();
        return list().stream().filter(r -> r.id() == id && !r.archived()).findFirst()
                .orElseThrow(() -> DomainException.invalid(field, "must be a current reason of this store (see /lost-reasons)"));
    }

    /** A new reason, last in the list unless a position is given. */
    @Transactional
    public LostReasonView create(String rawName, Integer position) {
        String name = rawName.trim();
        lockNames();
        ensureNameFree(name, null);
        Number count = (Number) em.createNativeQuery("select count(*) from lost_reasons where store_id = ?1")
                .setParameter(1, tenant.storeId()).getSingleResult();
        if (count.intValue() >= MAX_REASONS_PER_STORE) {
            throw DomainException.invalid("name", "a store has at most " + MAX_REASONS_PER_STORE + " reasons");
        }
        Instant now = clock.instant();
        Number id = (Number) em.createNativeQuery("""
                insert into lost_reasons (store_id, name, position, created_at, updated_at)
                values (?1, ?2, coalesce(?3, (select coalesce(max(position), 0) + 1 from lost_reasons where store_id = ?1)), ?4, ?4)
                returning id""")
                .unwrap(org.hibernate.query.NativeQuery.class)
                .setParameter(1, tenant.storeId()).setParameter(2, name).setParameter(3, position, Integer.class)
                .setParameter(4, now).getSingleResult();
        if (position != null) {
            place(id.longValue(), position, now);
        }
        return get(id.longValue());
    }

    /** A JSON merge patch of name, archived and position, with the version from If-Match if given. */
    @Transactional
    public LostReasonView update(long id, ObjectNode patch, Long expectedVersion) {
        com.harborcrm.common.web.Text.requireNoNul(patch);
        lockNames();
        LostReasonView current = get(id);
        if (expectedVersion != null && expectedVersion != current.version()) {
            throw new DomainException(ProblemType.PRECONDITION_FAILED,
                    "This reason was changed by someone else: reload and try again");
        }
        String name = current.name();
        boolean archived = current.archived();
        int position = current.position();
        List<FieldError> errors = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> member = it.next();
            JsonNode value = member.getValue();
            switch (member.getKey()) {
                case "name" -> {
                    if (!value.isTextual() || value.asText().isBlank() || value.asText().trim().length() > MAX_NAME_LENGTH) {
                        errors.add(FieldError.length("name", 1, MAX_NAME_LENGTH,
                                "must be a non-blank string of at most " + MAX_NAME_LENGTH + " characters"));
                    } else {
                        name = value.asText().trim();
                    }
                }
                case "archived" -> {
                    if (!value.isBoolean()) {
                        errors.add(new FieldError("archived", "must be true or false"));
                    } else {
                        archived = value.asBoolean();
                    }
                }
                case "position" -> {
                    if (!value.isIntegralNumber() || !value.canConvertToInt() || value.asInt() < 1 || value.asInt() > 10_000) {
                        errors.add(FieldError.range("position", 1, 10_000, "must be an integer from 1 to 10000"));
                    } else {
                        position = value.asInt();
                    }
                }
                default -> errors.add(FieldError.notWritable(member.getKey(), Set.of("id", "version").contains(member.getKey())));
            }
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        if (!name.equals(current.name())) {
            ensureNameFree(name, id);
        }
        if (name.equals(current.name()) && archived == current.archived() && position == current.position()) {
            return current;
        }
        Instant now = clock.instant();
        em.createNativeQuery("update lost_reasons set name = ?3, archived = ?4, updated_at = ?5, "
                + "version = version + 1 where store_id = ?1 and id = ?2")
                .setParameter(1, tenant.storeId()).setParameter(2, id).setParameter(3, name).setParameter(4, archived)
                .setParameter(5, now).executeUpdate();
        if (position != current.position()) {
            place(id, position, now);
        }
        return get(id);
    }

    /** Deletes a reason nothing ever referred to; one that was used answers 409 reason-in-use (archive it). */
    @Transactional
    public void delete(long id) {
        lockNames();
        get(id);
        Boolean used = (Boolean) em.createNativeQuery("select exists (select 1 from customer_events "
                + "where store_id = ?1 and type in ('LOST', 'OWNER_CHANGED') and (data ->> 'reasonId')::bigint = ?2)")
                .setParameter(1, tenant.storeId()).setParameter(2, id).getSingleResult();
        if (used) {
            throw new DomainException(ProblemType.REASON_IN_USE, "Lost reason " + id
                    + " is recorded on customers' history: archive it (PATCH archived: true) instead");
        }
        em.createNativeQuery("delete from lost_reasons where store_id = ?1 and id = ?2")
                .setParameter(1, tenant.storeId()).setParameter(2, id).executeUpdate();
    }

    /**
     * Moves a reason to the given place (1 = first; beyond the end = last) and numbers the list 1..n again, so that
     * positions stay a plain order. Only rows whose position changes are written; the others moved get a new
     * version (the moved one's write is the caller's).
     */
    private void place(long id, int position, Instant now) {
        List<Long> order = new ArrayList<>(list().stream().map(LostReasonView::id).filter(r -> r != id).toList());
        order.add(Math.min(position, order.size() + 1) - 1, id);
        em.createNativeQuery("""
                update lost_reasons r set position = o.pos, updated_at = ?2,
                       version = r.version + case when r.id = ?4 then 0 else 1 end
                from unnest(cast(?3 as bigint[])) with ordinality as o(id, pos)
                where r.store_id = ?1 and r.id = o.id and r.position <> o.pos""")
                .setParameter(1, tenant.storeId()).setParameter(2, now)
                .setParameter(3, SqlArrays.bigints(order))
                .setParameter(4, id).executeUpdate();
    }

    /**
     * Serializes changes of the store's list, and with them a delete against a concurrent first use: marking lost
     * and releasing take this lock shared ({@link #lockForUse}), so a reason is never deleted under a use.
     */
    private void lockNames() {
        em.createNativeQuery("select pg_advisory_xact_lock(hashtextextended(?1, 0))")
                .setParameter(1, "lost-reasons:" + tenant.storeId()).getSingleResult();
    }

    /** Taken by whoever records a reason, before checking it is usable; see {@link #lockNames}. */
    public void lockForUse() {
        em.createNativeQuery("select pg_advisory_xact_lock_shared(hashtextextended(?1, 0))")
                .setParameter(1, "lost-reasons:" + tenant.storeId()).getSingleResult();
    }

    private void ensureNameFree(String name, Long exceptId) {
        Number taken = (Number) em.createNativeQuery("select count(*) from lost_reasons "
                + "where store_id = ?1 and lower(name) = ?2 and id <> ?3")
                .setParameter(1, tenant.storeId()).setParameter(2, name.toLowerCase(Locale.ROOT))
                .setParameter(3, exceptId == null ? -1L : exceptId).getSingleResult();
        if (taken.longValue() > 0) {
            throw new DomainException(ProblemType.REASON_NAME_TAKEN, "A reason named \"" + name + "\" already exists",
                    List.of(FieldError.taken("name", "is already used by another reason")), Map.of(), Map.of());
        }
    }

    private static LostReasonView view(Object[] r) {
        return new LostReasonView(((Number) r[0]).longValue(), (String) r[1], (Boolean) r[2],
                ((Number) r[3]).intValue(), ((Number) r[4]).longValue());
    }
}
