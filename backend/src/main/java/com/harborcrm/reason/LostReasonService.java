package com.harborcrm.reason;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.harborcrm.account.StoreOpened;
import com.harborcrm.common.error.DomainException;
import com.harborcrm.common.tenancy.TenantContext;

/**
 * The store's list of reasons for losing or releasing a customer. Seeded with the defaults when a store opens;
 * managing the list (add, rename, archive, reorder) comes with the lost-reasons issue.
 */
@ApplicationScoped
public class LostReasonService {

    /** PRODUCT.md's defaults, in this order. */
    public static final List<String> DEFAULTS = List.of("Product quality", "Price", "Service attitude", "Integrity",
            "Delivery", "Contact information lost", "Went to a competitor", "No longer needs", "Other");

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
            @Schema(required = true) int position) {
    }

    @Schema(name = "LostReasonList")
    public record LostReasonList(@Schema(required = true) List<LostReasonView> items,
            @Schema(required = true, nullable = true, description = "Always null: the list is never paged") String nextCursor) {
    }

    /** Runs inside the signup transaction, with the new store entered. */
    void seed(@Observes StoreOpened opened) {
        Instant now = clock.instant();
        for (int i = 0; i < DEFAULTS.size(); i++) {
            em.createNativeQuery("insert into lost_reasons (store_id, name, position, created_at, updated_at) "
                    + "values (?1, ?2, ?3, ?4, ?4)")
                    .setParameter(1, opened.storeId()).setParameter(2, DEFAULTS.get(i)).setParameter(3, i + 1)
                    .setParameter(4, now).executeUpdate();
        }
    }

    public List<LostReasonView> list() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select id, name, archived, position from lost_reasons "
                + "where store_id = ?1 order by position, id").setParameter(1, tenant.storeId()).getResultList();
        return rows.stream().map(r -> new LostReasonView(((Number) r[0]).longValue(), (String) r[1], (Boolean) r[2],
                ((Number) r[3]).intValue())).toList();
    }

    /** A reason that may be chosen now (of this store, not archived), else a 400 on {@code field}. */
    public LostReasonView requireUsable(long id, String field) {
        return list().stream().filter(r -> r.id() == id && !r.archived()).findFirst()
                .orElseThrow(() -> DomainException.invalid(field, "must be a current reason of this store (see /lost-reasons)"));
    }
}
