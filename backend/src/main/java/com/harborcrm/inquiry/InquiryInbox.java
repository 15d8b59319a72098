package com.harborcrm.inquiry;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import com.harborcrm.account.StoreTimeZones;
import com.harborcrm.common.error.DomainException;
import com.harborcrm.common.error.FieldError;
import com.harborcrm.common.paging.Cursor;
import com.harborcrm.common.paging.Page;
import com.harborcrm.common.security.CurrentUser;
import com.harborcrm.common.tenancy.TenantContext;
import com.harborcrm.common.web.QueryDays;
import com.harborcrm.customer.Customer;
import com.harborcrm.customer.PoolAccess;
import com.harborcrm.inquiry.InquiryDtos.InboxCustomer;
import com.harborcrm.inquiry.InquiryDtos.InboxItem;
import com.harborcrm.pool.PoolReadPolicy;

/**
 * The store's inquiry inbox: every inquiry newest first across customers, with the customer it went to, its owner
 * now, and whether the owner had changed since the buyer's previous inquiry (stored on arrival, V86). Reps read
 * the inquiries of their own customers and of the pool's, the latter masked as the pool masks them.
 */
@ApplicationScoped
public class InquiryInbox {

    /** The inbox's filters; null members do not filter. {@code from}/{@code to} are days of the store. */
    public record Filter(InquiryChannel channel, Boolean repeat, Boolean ownerChanged, LocalDate from, LocalDate to) {

        /** Every field error at once; nothing is read until all are right. */
        public static Filter parse(String channel, String repeat, String ownerChanged, String from, String to) {
            List<FieldError> errors = new ArrayList<>();
            InquiryChannel parsedChannel = null;
            if (channel != null && !channel.isBlank()) {
                try {
                    parsedChannel = InquiryChannel.valueOf(channel.trim());
                } catch (IllegalArgumentException e) {
                    errors.add(FieldError.oneOf("channel", InquiryChannel.values()));
                }
            }
            Boolean parsedRepeat = bool("repeat", repeat, errors);
            Boolean parsedOwnerChanged = bool("ownerChanged", ownerChanged, errors);
            LocalDate parsedFrom = QueryDays.parse("from", from, errors);
            LocalDate parsedTo = QueryDays.parse("to", to, errors);
            if (parsedFrom != null && parsedTo != null && parsedTo.isBefore(parsedFrom)) {
                errors.add(FieldError.after("to", "from"));
            }
            if (!errors.isEmpty()) {
                throw DomainException.invalid(errors);
            }
            return new Filter(parsedChannel, parsedRepeat, parsedOwnerChanged, parsedFrom, parsedTo);
        }

        private static Boolean bool(String field, String value, List<FieldError> errors) {
            if (value == null || value.isBlank()) {
                return null;
            }
            return switch (value.trim()) {
                case "true" -> Boolean.TRUE;
                case "false" -> Boolean.FALSE;
                default -> {
                    errors.add(FieldError.oneOf(field, new Object[] {true, false}));
                    yield null;
                }
            };
        }
    }

    @Inject
    PoolAccess pools;

    @Inject
    EntityManager em;

    @Inject
    TenantContext tenant;

    @Inject
    CurrentUser currentUser;

    @Inject
    StoreTimeZones timeZones;

    @Inject
    PoolReadPolicy readPolicy;

    @Inject
    InquiryService inquiries;

    /**
     * One page, keyset-paged by (received_at, id) down index inquiries_store_received (or the partial
     * inquiries_store_owner_changed when only owner changes are asked for). A rep's page probes each inquiry's
     * ownership row: inquiries are few per customer, so the walk stops after about a page of visible rows.
     */
    public Page<InboxItem> list(Filter filter, int limit, String cursor) {
        StringBuilder where = new StringBuilder("i.store_id = :store");
        Map<String, Object> params = new java.util.HashMap<>();
        params.put("store", tenant.storeId());
        if (filter.channel() != null) {
            where.append(" and i.channel = :channel");
            params.put("channel", filter.channel().name());
        }
        if (filter.repeat() != null) {
            where.append(" and i.repeat = :repeat");
            params.put("repeat", filter.repeat());
        }
        if (filter.ownerChanged() != null) {
            where.append(filter.ownerChanged() ? " and i.owner_changed" : " and not i.owner_changed");
        }
        if (filter.from() != null) {
            where.append(" and i.received_at >= :from");
            params.put("from", filter.from().atStartOfDay(timeZones.current()).toInstant());
        }
        if (filter.to() != null) {
            where.append(" and i.received_at < :to");
            params.put("to", filter.to().plusDays(1).atStartOfDay(timeZones.current()).toInstant());
        }
        if (!currentUser.isManagerOrAdmin()) {
            List<Long> visiblePools = pools.visiblePools();
            where.append(visiblePools == null ? " and (o.owner_id = :me or o.owner_id is null)"
                    : " and (o.owner_id = :me or (o.owner_id is null and " + PoolAccess.inVisiblePools("o") + "))");
            params.put("me", currentUser.id());
            if (visiblePools != null) {
                params.put("visiblePools", com.harborcrm.common.sql.SqlArrays.bigints(visiblePools));
            }
        }
        if (cursor != null && !cursor.isEmpty()) {
            List<String> parts = Cursor.decode(cursor, 2);
            try {
                params.put("afterAt", Instant.parse(parts.get(0)));
                params.put("afterId", Long.parseLong(parts.get(1)));
            } catch (DateTimeParseException | NumberFormatException e) {
                throw DomainException.invalid("cursor", "is not a cursor returned by this list");
            }
            where.append(" and (i.received_at, i.id) < (cast(:afterAt as timestamptz), cast(:afterId as bigint))");
        }
        var query = em.createNativeQuery("""
                select %s,
                       i.customer_id, c.name, c.company_name, o.owner_id, cu.name, i.owner_changed,
                       i.previous_owner_id, pu.name
                from inquiries i
                join customers c on c.store_id = i.store_id and c.id = i.customer_id
                join customer_owners o on o.store_id = i.store_id and o.customer_id = i.customer_id
                left join users u on u.store_id = i.store_id and u.id = i.owner_id
                left join users cu on cu.store_id = i.store_id and cu.id = o.owner_id
                left join users pu on pu.store_id = i.store_id and pu.id = i.previous_owner_id
                left join products p on p.store_id = i.store_id and p.id = i.product_id
                where %s
                order by i.received_at desc, i.id desc
                limit :limit""".formatted(InquiryService.INQUIRY_COLUMNS, where));
        params.forEach(query::setParameter);
        query.setParameter("limit", limit + 1);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        List<Object[]> page = rows.stream().limit(limit).toList();
        Map<Long, Customer> maskedCustomers = poolCustomersToMask(page);
        List<InboxItem> items = page.stream().map(r -> item(r, maskedCustomers)).toList();
        String next = rows.size() > limit ? Cursor.encode(items.get(items.size() - 1).inquiry().receivedAt(),
                items.get(items.size() - 1).inquiry().id()) : null;
        return Page.of(items, next);
    }

    /** The page's pool customers, when the caller reads them masked (one query). */
    private Map<Long, Customer> poolCustomersToMask(List<Object[]> page) {
        List<Long> pooled = page.stream().filter(r -> r[20] == null).map(r -> ((Number) r[17]).longValue())
                .distinct().toList();
        if (pooled.isEmpty() || !readPolicy.masksForCaller()) {
            return Map.of();
        }
        return Customer.<Customer>list("id in ?1", pooled).stream().filter(c -> readPolicy.masksPool(c.poolId))
                .collect(Collectors.toMap(c -> c.id, Function.identity()));
    }

    private InboxItem item(Object[] r, Map<Long, Customer> maskedCustomers) {
        long customerId = ((Number) r[17]).longValue();
        Customer masked = maskedCustomers.get(customerId);
        Long ownerId = r[20] == null ? null : ((Number) r[20]).longValue();
        InboxCustomer customer = new InboxCustomer(customerId, (String) r[18], (String) r[19], ownerId,
                (String) r[21], ownerId == null);
        return new InboxItem(inquiries.view(r, customerId, masked), customer, (Boolean) r[22],
                r[23] == null ? null : ((Number) r[23]).longValue(), (String) r[24]);
    }
}
