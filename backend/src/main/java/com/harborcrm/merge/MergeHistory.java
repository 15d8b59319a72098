package com.harborcrm.merge;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.harborcrm.common.paging.Cursor;
import com.harborcrm.common.paging.Page;
import com.harborcrm.common.tenancy.TenantContext;
import com.harborcrm.common.time.Instants;
import com.harborcrm.merge.MergeDtos.MergeRecord;
import com.harborcrm.merge.MergeDtos.MergedCustomer;

/**
 * The store's merges, newest first: who was merged into whom, by whom, and whether it can still be undone. The
 * duplicates' names come from the merge's snapshot (their rows are gone until an undo brings them back).
 */
@ApplicationScoped
public class MergeHistory {

    private static final TypeReference<List<MergedCustomer>> CUSTOMERS = new TypeReference<>() {
    };

    @Inject
    EntityManager em;

    @Inject
    TenantContext tenant;

    @Inject
    ObjectMapper mapper;

    @Inject
    Clock clock;

    /** Keyset-paged down the primary key (store_id, id): ids grow with merged_at. */
    public Page<MergeRecord> list(int limit, String cursor) {
        long after = cursor == null || cursor.isEmpty() ? Long.MAX_VALUE : Cursor.decodeLong(cursor);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select m.id, m.survivor_id, coalesce(c.name, m.snapshot->'survivor'->>'name'),
                       coalesce(c.company_name, m.snapshot->'survivor'->>'company_name'), c.id is not null,
                       (select cast(jsonb_agg(jsonb_build_object('id', d->'id', 'name', d->'name',
                                                                 'companyName', d->'company_name')
                                              order by (d->>'id')::bigint) as text)
                        from jsonb_array_elements(m.snapshot->'duplicates') d),
                       m.merged_by, mu.name, m.merged_at, m.undone_at, uu.name
                from merges m
                left join customers c on c.store_id = m.store_id and c.id = m.survivor_id
                join users mu on mu.store_id = m.store_id and mu.id = m.merged_by
                left join users uu on uu.store_id = m.store_id and uu.id = m.undone_by
                where m.store_id = ?1 and m.id < ?2
                order by m.id desc
                limit ?3""")
                .setParameter(1, tenant.storeId()).setParameter(2, after).setParameter(3, limit + 1)
                .getResultList();
        Instant now = clock.instant();
        List<MergeRecord> items = rows.stream().limit(limit).map(r -> record(r, now)).toList();
        return Page.of(items, rows.size() > limit ? Cursor.encode(items.get(items.size() - 1).id()) : null);
    }

    private MergeRecord record(Object[] r, Instant now) {
        Instant mergedAt = Instants.of(r[8]);
        Instant undoneAt = r[9] == null ? null : Instants.of(r[9]);
        boolean survivorExists = (Boolean) r[4];
        Instant undoUntil = mergedAt.plus(MergeService.UNDO_WINDOW);
        List<MergedCustomer> duplicates;
        try {
            duplicates = r[5] == null ? List.of() : mapper.readValue((String) r[5], CUSTOMERS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return new MergeRecord(((Number) r[0]).longValue(),
                new MergedCustomer(((Number) r[1]).longValue(), (String) r[2], (String) r[3]), survivorExists,
                duplicates, ((Number) r[6]).longValue(), (String) r[7], mergedAt, undoneAt, (String) r[10], undoUntil,
                undoneAt == null && survivorExists && !now.isAfter(undoUntil));
    }
}
