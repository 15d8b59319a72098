package com.harborcrm.customer;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import com.harborcrm.common.error.DomainException;
import com.harborcrm.common.paging.Cursor;
import com.harborcrm.common.paging.Page;
import com.harborcrm.common.paging.TotalCount;
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
    java.time.Clock clock;

    @Inject
    com.harborcrm.account.StoreTimeZones timeZones;

    /** The filter given as query parameters; calendar days are read in the store's time zone. */
    public CustomerFilter filterFromQuery(jakarta.ws.rs.core.MultivaluedMap<String, String> query,
            java.util.Set<String> otherParameters) {
        return CustomerFilterParams.parse(query, timeZones::current, otherParameters);
    }

    public Page<CustomerView> list(CustomerFilter filter, CustomerSort.Spec sort, int limit, String cursor,
            TotalCount count) {
        return list(filter, sort, limit, cursor, count, !currentUser.isManagerOrAdmin());
    }

    /**
     * @param ownOnly restrict to the caller's own customers; false for the pool list, whose filter is narrowed to
     *        the pool itself (see pool/PoolService)
     */
    public Page<CustomerView> list(CustomerFilter filter, CustomerSort.Spec sort, int limit, String cursor,
            TotalCount count, boolean ownOnly) {
        return list(filter, sort, limit, cursor, count, ownOnly, true);
    }

    /** @param searchContacts see {@link CustomerQuery#where(CustomerFilter, boolean, boolean)} */
    public Page<CustomerView> list(CustomerFilter filter, CustomerSort.Spec sort, int limit, String cursor,
            TotalCount count, boolean ownOnly, boolean searchContacts) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw DomainException.invalid("limit", "must be between 1 and " + MAX_LIMIT);
        }
        CustomerQuery.Where where = queries.where(filter, ownOnly, searchContacts);
        Map<String, Object> params = new LinkedHashMap<>(where.params());
        StringBuilder page = new StringBuilder("select c.id, ").append(sort.key().expression)
                .append(" as sort_value from customers c where ").append(where.sql());
        if (cursor != null) {
            appendAfter(page, params, sort, cursor);
        }
        page.append(" order by ").append(sort.orderBy()).append(" limit :limit");
        params.put("limit", limit + 1);
        // One statement per page: the page's ids and sort values first (materialized, so it is planned as the
        // index read it is on its own), then the views of just those rows, tags and stored pool timers included.
        Query query = bind(em.createNativeQuery("with page as materialized (" + page + "), page_tags as ("
                + CustomerViewRows.tagsOf("page") + ") select " + CustomerViewRows.COLUMNS
                + ", p.sort_value from page p join customers c on c.store_id = :store and c.id = p.id"
                + CustomerViewRows.OWNER_JOIN
                + " left join page_tags pt on pt.customer_id = p.id order by " + sort.orderBy("p.sort_value", "p.id")),
                params);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();

        Instant now = clock.instant();
        List<CustomerView> items = new ArrayList<>(Math.min(rows.size(), limit));
        for (Object[] row : rows.subList(0, Math.min(rows.size(), limit))) {
            items.add(CustomerViewRows.read(row, now));
        }
        String next = null;
        if (rows.size() > limit) {
            Object[] last = rows.get(limit - 1);
            Object sortValue = last[CustomerViewRows.COLUMN_COUNT];
            Object value = sortValue instanceof Number || sortValue instanceof String ? sortValue : Instants.of(sortValue);
            next = Cursor.encode(sort, value == null ? "N" : "V", value == null ? "" : value, last[0]);
        }
        Long total = null;
        Boolean capped = null;
        if (count.exact()) {
            total = ((Number) bind(em.createNativeQuery("select count(*) from customers c where " + where.sql()),
                    where.params()).getSingleResult()).longValue();
        } else if (!count.none() && cursor == null) {
            if (next == null) {
                // The whole list fits on this page: its rows are the count.
                total = (long) items.size();
                capped = false;
            } else {
                // Counted up to the bound and one more, so "more than n" is known without reading the rest.
                Map<String, Object> countParams = new LinkedHashMap<>(where.params());
                countParams.put("countLimit", count.upTo() + 1);
                long counted = ((Number) bind(em.createNativeQuery("select count(*) from (select 1 from customers c where "
                        + where.sql() + " limit :countLimit) bounded"), countParams).getSingleResult()).longValue();
                capped = counted > count.upTo();
                total = Math.min(counted, count.upTo());
            }
        }
        return new Page<>(readPolicy.masked(items), next, total, capped);
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
