package com.harborcrm.order;

import java.util.List;
import java.util.Map;

/**
 * The life of an order. Quotations: DRAFT → SENT → ACCEPTED | DECLINED. Orders and sample orders: DRAFT →
 * CONFIRMED (reserves stock) → PAID → SHIPPED (consumes it), or CANCELLED from DRAFT, CONFIRMED or PAID (gives back
 * what was reserved). A sample may ship unpaid (CONFIRMED → SHIPPED): samples are often free.
 */
public enum OrderStatus {
    DRAFT, SENT, ACCEPTED, DECLINED, CONFIRMED, PAID, SHIPPED, CANCELLED;

    private static final Map<OrderKind, Map<OrderStatus, List<OrderStatus>>> NEXT = Map.of(
            OrderKind.QUOTATION, Map.of(DRAFT, List.of(SENT), SENT, List.of(ACCEPTED, DECLINED)),
            OrderKind.SAMPLE_ORDER, Map.of(DRAFT, List.of(CONFIRMED, CANCELLED),
                    CONFIRMED, List.of(PAID, SHIPPED, CANCELLED), PAID, List.of(SHIPPED, CANCELLED)),
            OrderKind.ORDER, Map.of(DRAFT, List.of(CONFIRMED, CANCELLED),
                    CONFIRMED, List.of(PAID, CANCELLED), PAID, List.of(SHIPPED, CANCELLED)));

    /** The statuses an order of this kind may move to from this one, in the order a person would usually take. */
    public List<OrderStatus> next(OrderKind kind) {
        return NEXT.get(kind).getOrDefault(this, List.of());
    }

    /** Stock is held for the order in these statuses. */
    public boolean holdsStock() {
        return this == CONFIRMED || this == PAID;
    }
}
