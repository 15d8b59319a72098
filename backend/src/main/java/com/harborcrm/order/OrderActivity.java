package com.harborcrm.order;

import java.util.Arrays;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import com.harborcrm.activity.ActivitySource;

/** Order events in the team activity feed: ORDER_DRAFT (created), ORDER_SENT, ORDER_PAID... by who moved it. */
@ApplicationScoped
public class OrderActivity implements ActivitySource {

    private static final Table TABLE = new Table("ORDER", "order_events x", null, "x.id", "x.at",
            "('ORDER_' || x.status)", "x.actor_id", "x.customer_id", null,
            "json_build_object('orderId', x.order_id, 'kind', x.kind, 'status', x.status, 'total', x.total, "
                    + "'currency', x.currency)::text",
            Arrays.stream(OrderStatus.values()).map(s -> "ORDER_" + s.name()).collect(Collectors.toUnmodifiableSet()));

    @Override
    public Table table() {
        return TABLE;
    }
}
