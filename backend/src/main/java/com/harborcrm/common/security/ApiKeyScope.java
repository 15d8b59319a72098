package com.harborcrm.common.security;

import java.util.Arrays;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What an API key may do, named on the wire as {@code area:access}. A key can call only the operations whose
 * scope it holds ({@link ApiKeyAccess}); nothing else, whatever the operation's roles.
 */
public enum ApiKeyScope {
    CUSTOMERS_READ("customers:read"),
    CUSTOMERS_WRITE("customers:write"),
    INQUIRIES_READ("inquiries:read"),
    INQUIRIES_WRITE("inquiries:write"),
    POOL_WRITE("pool:write"),
    ORDERS_READ("orders:read"),
    ORDERS_WRITE("orders:write"),
    PRODUCTS_READ("products:read"),
    PRODUCTS_WRITE("products:write"),
    STATS_READ("stats:read"),
    WEBHOOKS_MANAGE("webhooks:manage"),
    MESSAGES_SEND("messages:send");

    /** Every wire name, for bean validation of a request's scopes; a test keeps it equal to the constants. */
    public static final String PATTERN = "customers:read|customers:write|inquiries:read|inquiries:write|pool:write"
            + "|orders:read|orders:write|products:read|products:write|stats:read|webhooks:manage|messages:send";

    public static final String ONE_OF = "must be one of: customers:read, customers:write, inquiries:read, "
            + "inquiries:write, pool:write, orders:read, orders:write, products:read, products:write, stats:read, "
            + "webhooks:manage, messages:send";

    private final String wireName;

    ApiKeyScope(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    public static Optional<ApiKeyScope> of(String wireName) {
        return Arrays.stream(values()).filter(s -> s.wireName.equals(wireName)).findFirst();
    }

    @Override
    public String toString() {
        return wireName;
    }
}
