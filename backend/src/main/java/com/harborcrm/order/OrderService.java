package com.harborcrm.order;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import com.harborcrm.common.error.DomainException;
import com.harborcrm.common.error.FieldError;
import com.harborcrm.common.error.Problem;
import com.harborcrm.common.error.ProblemType;
import com.harborcrm.common.money.Money;
import com.harborcrm.common.paging.Cursor;
import com.harborcrm.common.security.CurrentUser;
import com.harborcrm.common.sql.SqlArrays;
import com.harborcrm.common.tenancy.TenantContext;
import com.harborcrm.customer.Customer;
import com.harborcrm.customer.CustomerService;
import com.harborcrm.customer.CustomerStage;
import com.harborcrm.order.OrderDtos.LineInput;
import com.harborcrm.order.OrderDtos.LineView;
import com.harborcrm.order.OrderDtos.OrderInput;
import com.harborcrm.order.OrderDtos.OrderPage;
import com.harborcrm.order.OrderDtos.OrderView;
import com.harborcrm.product.Product;
import com.harborcrm.product.ProductDtos.MovementKind;
import com.harborcrm.product.ProductService;
import com.harborcrm.product.StockLedger;

/**
 * Quotations, sample orders and orders. The customer's owner rules apply as for the customer itself: a rep works
 * on their own customers' orders, reads none of other reps', and cannot change a pool customer's. Every status
 * change moves its stock (through {@link StockLedger}) and, where a deal was reached, the customer's stage
 * (through {@link CustomerService#advanceStage}) in the same transaction.
 */
@ApplicationScoped
public class OrderService {

    @Inject
    EntityManager em;

    @Inject
    TenantContext tenant;

    @Inject
    CurrentUser currentUser;

    @Inject
    Clock clock;

    @Inject
    CustomerService customers;

    @Inject
    ProductService products;

    @Inject
    StockLedger ledger;

    @Transactional
    public OrderView create(long customerId, OrderInput input) {
        Customer customer = customers.findEditable(customerId, LockModeType.NONE);
        OrderPricing.Priced priced = price(input);
        Instant now = clock.instant();
        Order order = new Order();
        order.customerId = customerId;
        order.kind = input.kind();
        order.status = OrderStatus.DRAFT;
        order.ownerId = customer.ownerId;
        order.createdBy = currentUser.id();
        order.createdAt = now;
        order.statusChangedAt = now;
        write(order, input, priced, now);
        order.persist();
        em.flush();
        writeLines(order.id, priced);
        em.flush();
        recordEvent(order, now);
        return view(order);
    }

    public OrderView get(long id) {
        return view(findVisible(id, LockModeType.NONE));
    }

    /** A draft's new content: every member replaced; the kind stays what it was. */
    @Transactional
    public OrderView replace(long id, OrderInput input, Long expectedVersion) {
        Order order = findEditable(id, expectedVersion);
        if (order.status != OrderStatus.DRAFT) {
            throw new DomainException(ProblemType.ORDER_NOT_EDITABLE, "This " + words(order.kind) + " is "
                    + order.status + ": only a draft can be changed");
        }
        if (input.kind() != order.kind) {
            throw DomainException.invalid(FieldError.of("kind", FieldError.Code.READ_ONLY,
                    "cannot change: create a new " + words(input.kind()) + " instead"));
        }
        OrderPricing.Priced priced = price(input);
        write(order, input, priced, clock.instant());
        em.lock(order, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
        em.flush();
        em.createNativeQuery("delete from order_lines where store_id = ?1 and order_id = ?2")
                .setParameter(1, tenant.storeId()).setParameter(2, id).executeUpdate();
        writeLines(order.id, priced);
        return view(order);
    }

    /** Only a draft; anything sent, confirmed or later is history (cancel it instead). */
    @Transactional
    public void delete(long id, Long expectedVersion) {
        Order order = findEditable(id, expectedVersion);
        if (order.status != OrderStatus.DRAFT) {
            throw new DomainException(ProblemType.ORDER_NOT_EDITABLE, "This " + words(order.kind) + " is "
                    + order.status + ": only a draft can be deleted (cancel it instead)");
        }
        order.delete();
        // A draft deleted never happened: its "created" leaves the activity feed with it.
        em.createNativeQuery("delete from order_events where store_id = ?1 and order_id = ?2")
                .setParameter(1, tenant.storeId()).setParameter(2, id).executeUpdate();
    }

    /** The order's history for the activity feed: it was created, or moved to its current status, by the caller. */
    private void recordEvent(Order order, Instant at) {
        em.createNativeQuery("insert into order_events (store_id, order_id, customer_id, at, actor_id, kind, status, "
                + "total, currency) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")
                .setParameter(1, tenant.storeId()).setParameter(2, order.id).setParameter(3, order.customerId)
                .setParameter(4, at).setParameter(5, currentUser.id()).setParameter(6, order.kind.name())
                .setParameter(7, order.status.name()).setParameter(8, order.total).setParameter(9, order.currency)
                .executeUpdate();
    }

    /**
     * Moves the order along its kind's path, with the stock and stage effects of the step. Refused with 409
     * (naming the steps it could take) when the step is not one of them.
     */
    @Transactional
    public OrderView changeStatus(long id, OrderStatus to, Long expectedVersion) {
        Order order = findEditable(id, expectedVersion);
        OrderStatus from = order.status;
        if (!from.next(order.kind).contains(to)) {
            List<OrderStatus> allowed = from.next(order.kind);
            throw new DomainException(ProblemType.ORDER_TRANSITION, "A " + words(order.kind) + " that is " + from
                    + " cannot become " + to + (allowed.isEmpty() ? ": it is final" : "; it can become "
                    + allowed.stream().map(Enum::name).reduce((a, b) -> a + " or " + b).orElse("")),
                    List.of(), Problem.members("allowed", allowed), Map.of());
        }
        Instant now = clock.instant();
        Map<Long, Long> stock = stockOf(order.id);
        if (to == OrderStatus.CONFIRMED) {
            ledger.move(MovementKind.RESERVED, stock, order.id, null, currentUser.id());
            order.confirmedAt = now;
        } else if (to == OrderStatus.SHIPPED) {
            ledger.move(MovementKind.SHIPPED, stock, order.id, null, currentUser.id());
            order.shippedAt = now;
        } else if (to == OrderStatus.CANCELLED && from.holdsStock()) {
            ledger.move(MovementKind.RELEASED, stock, order.id, null, currentUser.id());
        }
        if (to == OrderStatus.PAID) {
            order.paidAt = now;
        }
        order.status = to;
        order.statusChangedAt = now;
        order.updatedAt = now;
        em.flush();
        recordEvent(order, now);
        advanceCustomerStage(order, to);
        return view(order);
    }

    /**
     * A sent or accepted quotation becomes a draft order with the same lines, prices and terms (once); a sent one
     * is marked accepted by it.
     */
    @Transactional
    public OrderView convert(long id, Long expectedVersion) {
        Order quotation = findEditable(id, expectedVersion);
        if (quotation.kind != OrderKind.QUOTATION
                || (quotation.status != OrderStatus.SENT && quotation.status != OrderStatus.ACCEPTED)) {
            throw new DomainException(ProblemType.ORDER_TRANSITION, quotation.kind == OrderKind.QUOTATION
                    ? "Only a sent or accepted quotation converts to an order; this one is " + quotation.status
                    : "Only a quotation converts to an order", List.of(),
                    Problem.members("allowed", quotation.status.next(quotation.kind)), Map.of());
        }
        Long earlier = convertedTo(List.of(quotation.id)).get(quotation.id);
        if (earlier != null) {
            throw new DomainException(ProblemType.QUOTATION_CONVERTED, "Quotation " + id
                    + " was already converted to order " + earlier);
        }
        Instant now = clock.instant();
        if (quotation.status == OrderStatus.SENT) {
            quotation.status = OrderStatus.ACCEPTED;
            quotation.statusChangedAt = now;
        }
        quotation.updatedAt = now;
        Order order = new Order();
        order.customerId = quotation.customerId;
        order.kind = OrderKind.ORDER;
        order.status = OrderStatus.DRAFT;
        order.currency = quotation.currency;
        order.subtotal = quotation.subtotal;
        order.discountTotal = quotation.discountTotal;
        order.total = quotation.total;
        order.incoterm = quotation.incoterm;
        order.expectedShipDate = quotation.expectedShipDate;
        order.notes = quotation.notes;
        order.convertedFromId = quotation.id;
        order.ownerId = customers.findVisible(quotation.customerId, LockModeType.NONE).ownerId;
        order.createdBy = currentUser.id();
        order.createdAt = now;
        order.updatedAt = now;
        order.statusChangedAt = now;
        order.persist();
        em.flush();
        em.createNativeQuery("""
                insert into order_lines (store_id, order_id, line_no, product_id, sku, description, quantity,
                                         unit_price, discount_percent, line_total)
                select store_id, ?3, line_no, product_id, sku, description, quantity, unit_price, discount_percent,
                       line_total
                from order_lines where store_id = ?1 and order_id = ?2""")
                .setParameter(1, tenant.storeId()).setParameter(2, quotation.id).setParameter(3, order.id)
                .executeUpdate();
        if (quotation.statusChangedAt.equals(now)) {
            recordEvent(quotation, now);
        }
        recordEvent(order, now);
        return view(order);
    }

    public OrderPage listForCustomer(long customerId, String cursor, int limit) {
        customers.findVisible(customerId, LockModeType.NONE);
        return page("o.customer_id = :customer", Map.of("customer", customerId), cursor, limit);
    }

    /**
     * The store's orders, newest first; a rep sees those of the customers they own now. Keyset-paged on id
     * (index orders_store, or orders_customer with customerId).
     */
    public OrderPage list(OrderStatus status, OrderKind kind, Long customerId, String cursor, int limit) {
        StringBuilder where = new StringBuilder("true");
        Map<String, Object> params = new HashMap<>();
        if (status != null) {
            where.append(" and o.status = :status");
            params.put("status", status.name());
        }
        if (kind != null) {
            where.append(" and o.kind = :kind");
            params.put("kind", kind.name());
        }
        if (customerId != null) {
            where.append(" and o.customer_id = :customer");
            params.put("customer", customerId);
        }
        if (!currentUser.isManagerOrAdmin()) {
            where.append(" and exists (select 1 from customer_owners w where w.store_id = o.store_id "
                    + "and w.customer_id = o.customer_id and w.owner_id = :me)");
            params.put("me", currentUser.id());
        }
        return page(where.toString(), params, cursor, limit);
    }

    private OrderPage page(String where, Map<String, Object> params, String cursor, int limit) {
        var query = em.createNativeQuery("select o.* from orders o where o.store_id = :store and " + where
                + " and (cast(:before as bigint) is null or o.id < :before) order by o.id desc limit :limit",
                Order.class);
        params.forEach(query::setParameter);
        query.setParameter("store", tenant.storeId());
        query.setParameter("before", cursor == null ? null : Cursor.decodeLong(cursor));
        query.setParameter("limit", limit + 1);
        @SuppressWarnings("unchecked")
        List<Order> rows = new ArrayList<>(query.getResultList());
        String next = null;
        if (rows.size() > limit) {
            rows = rows.subList(0, limit);
            next = Cursor.encode(rows.get(limit - 1).id);
        }
        return new OrderPage(views(rows), next);
    }

    /** The order if its customer is visible to the caller (a rep: their own or a pool customer's); else 404. */
    private Order findVisible(long id, LockModeType lock) {
        Order order = Order.findById(id, lock);
        if (order == null) {
            throw DomainException.notFound("Order " + id);
        }
        try {
            customers.findVisible(order.customerId, LockModeType.NONE);
        } catch (DomainException e) {
            throw DomainException.notFound("Order " + id);
        }
        return order;
    }

    /** Locked for the change, the caller allowed to change its customer, and the version the one expected. */
    private Order findEditable(long id, Long expectedVersion) {
        Order order = findVisible(id, LockModeType.PESSIMISTIC_WRITE);
        customers.findEditable(order.customerId, LockModeType.NONE);
        if (expectedVersion != null && expectedVersion != order.version) {
            throw new DomainException(ProblemType.PRECONDITION_FAILED, "This " + words(order.kind)
                    + " was changed by someone else (now version " + order.version + "): reload it and try again");
        }
        return order;
    }

    /**
     * A confirmed sample marks the sample stage; a paid order a transaction, or a repeat purchase when the customer
     * had paid an order before. Never backwards (see CustomerService.advanceStage).
     */
    private void advanceCustomerStage(Order order, OrderStatus to) {
        CustomerStage stage = null;
        if (order.kind == OrderKind.SAMPLE_ORDER && to == OrderStatus.CONFIRMED) {
            stage = CustomerStage.SAMPLE_ORDER;
        } else if (order.kind == OrderKind.ORDER && to == OrderStatus.PAID) {
            Number paidBefore = (Number) em.createNativeQuery("""
                    select count(*) from orders where store_id = ?1 and customer_id = ?2 and kind = 'ORDER'
                      and paid_at is not null and id <> ?3 and status <> 'CANCELLED'""")
                    .setParameter(1, tenant.storeId()).setParameter(2, order.customerId).setParameter(3, order.id)
                    .getSingleResult();
            stage = paidBefore.longValue() == 0 ? CustomerStage.TRANSACTION : CustomerStage.REPEAT_PURCHASE;
        }
        if (stage != null) {
            Map<String, Object> cause = new LinkedHashMap<>();
            cause.put("orderId", order.id);
            cause.put("orderKind", order.kind.name());
            cause.put("orderStatus", to.name());
            customers.advanceStage(order.customerId, stage, cause);
        }
    }

    /** Checks every line at once and prices the order; product lines take SKU, name and list price. */
    private OrderPricing.Priced price(OrderInput input) {
        List<FieldError> errors = new ArrayList<>();
        if (!Money.isCurrency(input.currency())) {
            errors.add(FieldError.of("currency", FieldError.Code.FORMAT, "must be an ISO 4217 currency code such as USD"));
        }
        Map<Long, Product> catalogue = new HashMap<>();
        List<Long> ids = input.lines().stream().map(LineInput::productId).filter(Objects::nonNull).distinct().toList();
        if (!ids.isEmpty()) {
            @SuppressWarnings("unchecked")
            List<Product> found = em.createNativeQuery("select * from products where store_id = ?1 "
                    + "and id = any(cast(?2 as bigint[]))", Product.class)
                    .setParameter(1, tenant.storeId()).setParameter(2, SqlArrays.bigints(ids)).getResultList();
            found.forEach(p -> catalogue.put(p.id, p));
        }
        List<OrderPricing.Line> lines = new ArrayList<>();
        for (int i = 0; i < input.lines().size(); i++) {
            LineInput line = input.lines().get(i);
            String at = "lines[" + i + "].";
            Product product = line.productId() == null ? null : catalogue.get(line.productId());
            if (line.productId() != null && product == null) {
                errors.add(FieldError.of(at + "productId", FieldError.Code.INVALID, "is not a product of this store"));
                continue;
            }
            if (product != null && !product.active) {
                errors.add(FieldError.of(at + "productId", FieldError.Code.INVALID,
                        "is inactive: activate the product or pick another"));
            }
            String description = line.description() == null || line.description().isBlank()
                    ? (product == null ? null : product.name) : line.description().trim();
            if (description == null) {
                errors.add(FieldError.of(at + "description", FieldError.Code.REQUIRED,
                        "is required for a line without a product"));
            }
            BigDecimal unitPrice = line.unitPrice();
            if (unitPrice == null && product != null && product.listPrice != null
                    && product.currency.equals(input.currency())) {
                unitPrice = product.listPrice;
            }
            if (unitPrice == null) {
                errors.add(FieldError.of(at + "unitPrice", FieldError.Code.REQUIRED, product == null
                        ? "is required for a line without a product"
                        : "is required: the product has no list price in " + input.currency()));
            }
            if (description != null && unitPrice != null) {
                lines.add(new OrderPricing.Line(product == null ? null : product.id, product == null ? null : product.sku,
                        description, line.quantity(), unitPrice,
                        line.discountPercent() == null ? BigDecimal.ZERO : line.discountPercent()));
            }
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        return OrderPricing.price(input.currency(), lines);
    }

    private static void write(Order order, OrderInput input, OrderPricing.Priced priced, Instant now) {
        order.currency = input.currency();
        order.incoterm = input.incoterm() == null ? null : input.incoterm().name();
        order.expectedShipDate = input.expectedShipDate();
        order.notes = input.notes() == null || input.notes().isBlank() ? null : input.notes().trim();
        order.subtotal = priced.subtotal();
        order.discountTotal = priced.discountTotal();
        order.total = priced.total();
        order.updatedAt = now;
    }

    private void writeLines(long orderId, OrderPricing.Priced priced) {
        int lineNo = 1;
        for (OrderPricing.PricedLine pl : priced.lines()) {
            OrderPricing.Line line = pl.line();
            em.createNativeQuery("""
                    insert into order_lines (store_id, order_id, line_no, product_id, sku, description, quantity,
                                             unit_price, discount_percent, line_total)
                    values (?1, ?2, ?3, cast(?4 as bigint), cast(?5 as varchar), ?6, ?7, ?8, ?9, ?10)""")
                    .setParameter(1, tenant.storeId()).setParameter(2, orderId).setParameter(3, lineNo++)
                    .setParameter(4, line.productId()).setParameter(5, line.sku()).setParameter(6, line.description())
                    .setParameter(7, line.quantity()).setParameter(8, line.unitPrice())
                    .setParameter(9, line.discountPercent()).setParameter(10, pl.lineTotal()).executeUpdate();
        }
    }

    /** Product quantities of the order's product lines, summed per product (free-text lines hold no stock). */
    private Map<Long, Long> stockOf(long orderId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select product_id, sum(quantity) from order_lines "
                + "where store_id = ?1 and order_id = ?2 and product_id is not null group by product_id")
                .setParameter(1, tenant.storeId()).setParameter(2, orderId).getResultList();
        Map<Long, Long> quantities = new HashMap<>();
        rows.forEach(r -> quantities.put(((Number) r[0]).longValue(), ((Number) r[1]).longValue()));
        return quantities;
    }

    private OrderView view(Order order) {
        return views(List.of(order)).get(0);
    }

    private List<OrderView> views(List<Order> orders) {
        if (orders.isEmpty()) {
            return List.of();
        }
        List<Long> ids = orders.stream().map(o -> o.id).toList();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select order_id, line_no, product_id, sku, description, quantity, unit_price, discount_percent,
                       line_total
                from order_lines where store_id = ?1 and order_id = any(cast(?2 as bigint[]))
                order by order_id, line_no""")
                .setParameter(1, tenant.storeId()).setParameter(2, SqlArrays.bigints(ids)).getResultList();
        Map<Long, String> currencies = new HashMap<>();
        orders.forEach(o -> currencies.put(o.id, o.currency));
        Map<Long, List<LineView>> lines = new HashMap<>();
        for (Object[] r : rows) {
            long orderId = ((Number) r[0]).longValue();
            String currency = currencies.get(orderId);
            lines.computeIfAbsent(orderId, k -> new ArrayList<>()).add(new LineView(((Number) r[1]).intValue(),
                    r[2] == null ? null : ((Number) r[2]).longValue(), (String) r[3], (String) r[4],
                    ((Number) r[5]).longValue(), Money.format((BigDecimal) r[6], currency),
                    ((BigDecimal) r[7]).stripTrailingZeros().toPlainString(),
                    Money.format((BigDecimal) r[8], currency)));
        }
        Map<Long, Long> convertedTo = convertedTo(ids);
        Map<Long, String> customerNames = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> names = em.createNativeQuery("select id, coalesce(nullif(name, ''), company_name, '') "
                + "from customers where store_id = ?1 and id = any(cast(?2 as bigint[]))")
                .setParameter(1, tenant.storeId())
                .setParameter(2, SqlArrays.bigints(orders.stream().map(o -> o.customerId).distinct().toList()))
                .getResultList();
        names.forEach(r -> customerNames.put(((Number) r[0]).longValue(), (String) r[1]));
        return orders.stream().map(o -> new OrderView(o.id, o.customerId, customerNames.getOrDefault(o.customerId, ""),
                o.kind, o.status, o.status.next(o.kind),
                o.currency, lines.getOrDefault(o.id, List.of()), Money.format(o.subtotal, o.currency),
                Money.format(o.discountTotal, o.currency), Money.format(o.total, o.currency),
                o.incoterm == null ? null : OrderDtos.Incoterm.valueOf(o.incoterm), o.expectedShipDate, o.notes,
                o.convertedFromId, convertedTo.get(o.id), o.ownerId, o.createdBy, o.createdAt, o.updatedAt,
                o.statusChangedAt, o.confirmedAt, o.paidAt, o.shippedAt, o.version)).toList();
    }

    private Map<Long, Long> convertedTo(List<Long> ids) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select converted_from_id, id from orders where store_id = ?1 "
                + "and converted_from_id = any(cast(?2 as bigint[]))")
                .setParameter(1, tenant.storeId()).setParameter(2, SqlArrays.bigints(ids)).getResultList();
        Map<Long, Long> map = new HashMap<>();
        rows.forEach(r -> map.put(((Number) r[0]).longValue(), ((Number) r[1]).longValue()));
        return map;
    }

    private static String words(OrderKind kind) {
        return switch (kind) {
            case QUOTATION -> "quotation";
            case SAMPLE_ORDER -> "sample order";
            case ORDER -> "order";
        };
    }
}
