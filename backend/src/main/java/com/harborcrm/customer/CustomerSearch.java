package com.harborcrm.customer;

import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import com.harborcrm.common.error.DomainException;
import com.harborcrm.common.paging.Cursor;
import com.harborcrm.common.paging.Page;
import com.harborcrm.common.security.CurrentUser;
import com.harborcrm.common.tenancy.TenantContext;
import com.harborcrm.common.time.Instants;
import com.harborcrm.customer.CustomerDtos.CustomerView;

/** Screening: a filtered, sorted, keyset-paged list of customers. */
@ApplicationScoped
public class CustomerSearch {

    public static final int MAX_LIMIT = 200;

    @Inject
    EntityManager em;

    @Inject
    TenantContext tenant;

    @Inject
    CurrentUser currentUser;

    @Inject
    CustomerQuery queries;

    @Inject
    com.harborcrm.pool.PoolReadPolicy readPolicy;

    @Inject
    com.harborcrm.pool.PoolRulesService rulesService;

    @Inject
    com.harborcrm.pool.PoolTimer timer;

    @Inject
    java.time.Clock clock;

    /** The filter given as query parameters; calendar days are read in the store's time zone. */
    public CustomerFilter filterFromQuery(jakarta.ws.rs.core.MultivaluedMap<String, String> query,
            java.util.Set<String> otherParameters) {
        com.harborcrm.account.Store store = com.harborcrm.account.Store.findById(tenant.storeId());
        return CustomerFilterParams.parse(query, java.time.ZoneId.of(store.timeZone), otherParameters);
    }

    public Page<CustomerView> list(CustomerFilter filter, CustomerSort.Spec sort, int limit, String cursor,
            boolean includeTotal) {
        return list(filter, sort, limit, cursor, includeTotal, !currentUser.isManagerOrAdmin());
    }

    /**
     * @param ownOnly restrict to the caller's own customers; false for the pool list, whose filter is narrowed to
     *        the pool itself (see pool/PoolService)
     */
    public Page<CustomerView> list(CustomerFilter filter, CustomerSort.Spec sort, int limit, String cursor,
            boolean includeTotal, boolean ownOnly) {
        return list(filter, sort, limit, cursor, includeTotal, ownOnly, true);
    }

    /** @param searchContacts see {@link CustomerQuery#where(CustomerFilter, boolean, boolean)} */
    public Page<CustomerView> list(CustomerFilter filter, CustomerSort.Spec sort, int limit, String cursor,
            boolean includeTotal, boolean ownOnly, boolean searchContacts) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw DomainException.invalid("limit", "must be between 1 and " + MAX_LIMIT);
        }
        CustomerQuery.Where where = queries.where(filter, ownOnly, searchContacts);
        Map<String, Object> params = new LinkedHashMap<>(where.params());
        StringBuilder sql = new StringBuilder("select c.id, ").append(sort.key().expression)
                .append(" from customers c where ").append(where.sql());
        if (cursor != null) {
            appendAfter(sql, params, sort, cursor);
        }
        sql.append(" order by ").append(sort.orderBy()).append(" limit :limit");
        params.put("limit", limit + 1);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = bind(em.createNativeQuery(sql.toString()), params).getResultList();

        List<Long> ids = rows.stream().limit(limit).map(r -> ((Number) r[0]).longValue()).toList();
        List<CustomerView> items = views(ids);
        String next = null;
        if (rows.size() > limit) {
            Object[] last = rows.get(limit - 1);
            Object value = last[1] instanceof Number || last[1] instanceof String ? last[1] : Instants.of(last[1]);
            next = Cursor.encode(sort, value == null ? "N" : "V", value == null ? "" : value, last[0]);
        }
        Long total = null;
        if (includeTotal) {
            total = ((Number) bind(em.createNativeQuery("select count(*) from customers c where " + where.sql()),
                    where.params()).getSingleResult()).longValue();
        }
        return new Page<>(items, next, total);
    }

    /**
     * The views of these customers, in this order, with their tags and pool timers, masked for the caller: one
     * statement for any page (plus the pool rules), no entity loaded.
     */
    public List<CustomerView> views(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        com.harborcrm.pool.PoolRules rules = rulesService.current();
        Query query = em.createNativeQuery("select " + CustomerViewRows.COLUMNS
                + " from customers c where c.store_id = :store and c.id = any(cast(:ids as bigint[]))")
                .setParameter("store", tenant.storeId())
                .setParameter("ids", ids.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}")));
        @SuppressWarnings("unchecked")
        List<Object[]> rows = timer.bindRules(query, rules).getResultList();
        Map<Long, CustomerView> byId = CustomerViewRows.byId(rows, clock.instant());
        return readPolicy.masked(ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList(), rules);
    }

    private static void appendAfter(StringBuilder sql, Map<String, Object> params, CustomerSort.Spec sort, String cursor) {
        List<String> parts = Cursor.decode(cursor, 4);
        if (!parts.get(0).equals(sort.toString())) {
            throw DomainException.invalid("cursor", "belongs to another sort order: repeat the sort of the first page");
        }
        try {
            params.put("afterId", Long.parseLong(parts.get(3)));
            if (parts.get(1).equals("N") && sort.key().nullable) {
                sql.append(" and ").append(sort.afterNull());
            } else if (parts.get(1).equals("V")) {
                sql.append(" and ").append(sort.after());
                params.put("afterValue", sort.parseValue(parts.get(2)));
            } else {
                throw new IllegalArgumentException("bad marker");
            }
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw DomainException.invalid("cursor", "is not a cursor returned by this list");
        }
    }

    static Query bind(Query query, Map<String, Object> params) {
        params.forEach(query::setParameter);
        return query;
    }
}
