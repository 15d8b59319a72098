package com.harborcrm.merge;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.harborcrm.common.error.DomainException;
import com.harborcrm.common.paging.Cursor;
import com.harborcrm.common.paging.Page;
import com.harborcrm.common.tenancy.TenantContext;
import com.harborcrm.common.time.Instants;
import com.harborcrm.merge.MergeDtos.DuplicateCandidate;
import com.harborcrm.merge.MergeDtos.DuplicateGroup;
import com.harborcrm.merge.MergeDtos.DuplicateKind;

/**
 * The store's duplicate groups: customers sharing a matching key (the keys of customer/DuplicateFinder), largest
 * group first. One aggregate over the key indexes finds the groups of a page, one indexed lookup per group its
 * members.
 */
@ApplicationScoped
public class DuplicateService {

    public static final int MAX_MEMBERS = 100;

    /**
     * Every stored matching key of the store's customers, exactly one row per (kind, value, customer): an email is
     * one per customer, a mobile equal to the phone is left out, IM handles are unique per customer. So a group's
     * size is count(*), which lets PostgreSQL hash the groups instead of sorting every key for a count(distinct).
     */
    private static final String KEYS = """
            select 'EMAIL'::text as kind, email_norm as value, id from customers
            where store_id = :store and email_norm is not null
            union all
            select 'PHONE', phone_digits, id from customers where store_id = :store and phone_digits is not null
            union all
            select 'PHONE', mobile_digits, id from customers
            where store_id = :store and mobile_digits is not null and mobile_digits is distinct from phone_digits
            union all
            select 'IM_ACCOUNT', handle, customer_id from customer_im_handles where store_id = :store""";

    @Inject
    EntityManager em;

    @Inject
    TenantContext tenant;

    @Inject
    ObjectMapper mapper;

    public Page<DuplicateGroup> groups(int limit, String cursor) {
        String after = "";
        int afterSize = 0;
        String afterKind = null;
        String afterValue = null;
        if (cursor != null && !cursor.isEmpty()) {
            List<String> parts = Cursor.decode(cursor, 3);
            try {
                afterSize = Integer.parseInt(parts.get(0));
                afterKind = DuplicateKind.valueOf(parts.get(1)).name();
                afterValue = parts.get(2);
            } catch (IllegalArgumentException e) {
                throw DomainException.invalid("cursor", "is not a cursor returned by this list");
            }
            after = "where g.size < :afterSize or (g.size = :afterSize and (g.kind, g.value) > (:afterKind, :afterValue))";
        }
        var query = em.createNativeQuery("""
                with keys as (%s),
                groups as (select kind, value, count(*) as size from keys group by kind, value
                           having count(*) > 1)
                select g.kind, g.value, g.size from groups g %s
                order by g.size desc, g.kind, g.value
                limit :limit""".formatted(KEYS, after))
                .setParameter("store", tenant.storeId()).setParameter("limit", limit + 1);
        if (!after.isEmpty()) {
            query.setParameter("afterSize", afterSize).setParameter("afterKind", afterKind)
                    .setParameter("afterValue", afterValue);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        List<Object[]> page = rows.stream().limit(limit).toList();
        Map<String, List<DuplicateCandidate>> members = members(page);
        List<DuplicateGroup> items = new ArrayList<>();
        for (Object[] r : page) {
            String kind = (String) r[0];
            String value = (String) r[1];
            items.add(new DuplicateGroup(DuplicateKind.valueOf(kind), value, ((Number) r[2]).intValue(),
                    members.getOrDefault(kind + ":" + value, List.of())));
        }
        String next = null;
        if (rows.size() > limit) {
            DuplicateGroup last = items.get(items.size() - 1);
            next = Cursor.encode(last.size(), last.kind().name(), last.value());
        }
        return Page.of(items, next);
    }

    /** The first members of each group, through the key indexes. */
    private Map<String, List<DuplicateCandidate>> members(List<Object[]> groups) {
        Map<String, List<DuplicateCandidate>> members = new LinkedHashMap<>();
        if (groups.isEmpty()) {
            return members;
        }
        List<Map<String, String>> keys = groups.stream()
                .map(g -> Map.of("kind", (String) g[0], "value", (String) g[1])).toList();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select k.kind, k.value, c.id, c.name, c.company_name, o.owner_id, u.name, c.inquiry_count, c.created_at
                from jsonb_to_recordset(cast(:keys as jsonb)) as k(kind text, value text)
                cross join lateral (
                  select m.id from (
                    select id from customers where store_id = :store and k.kind = 'EMAIL' and email_norm = k.value
                    union
                    select id from customers where store_id = :store and k.kind = 'PHONE' and phone_digits = k.value
                    union
                    select id from customers where store_id = :store and k.kind = 'PHONE' and mobile_digits = k.value
                    union
                    select customer_id from customer_im_handles
                    where store_id = :store and k.kind = 'IM_ACCOUNT' and handle = k.value) m
                  order by m.id
                  limit :max) m
                join customers c on c.store_id = :store and c.id = m.id
                join customer_owners o on o.store_id = :store and o.customer_id = m.id
                left join users u on u.store_id = :store and u.id = o.owner_id
                order by k.kind, k.value, c.id""")
                .setParameter("store", tenant.storeId()).setParameter("keys", json(keys))
                .setParameter("max", MAX_MEMBERS).getResultList();
        for (Object[] r : rows) {
            members.computeIfAbsent(r[0] + ":" + r[1], k -> new ArrayList<>()).add(new DuplicateCandidate(
                    ((Number) r[2]).longValue(), (String) r[3], (String) r[4],
                    r[5] == null ? null : ((Number) r[5]).longValue(), (String) r[6], ((Number) r[7]).intValue(),
                    Instants.of(r[8])));
        }
        return members;
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
