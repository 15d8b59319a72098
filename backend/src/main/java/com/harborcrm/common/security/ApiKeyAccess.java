package com.harborcrm.common.security;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The one list of what API keys may call: an operation (method and path) needs the scope of the first rule that
 * matches it, and an operation no rule names is closed to keys (users, store settings, pool rules, claims, saved
 * views, reminders, imports, merges' undo, API keys themselves). Claiming is a person's act: a key that
 * holds {@code pool:write} hands customers to people through assignment instead. The contract lists the same
 * scopes per operation (common/web/ApiKeyContract), read from here.
 */
public final class ApiKeyAccess {

    /** What an operation asks of a key: a scope, or only that the key is valid ({@code scope} empty). */
    public record Requirement(Optional<ApiKeyScope> scope) {
    }

    private record Rule(Set<String> methods, String[] pattern, Requirement requirement) {
    }

    private static final Set<String> READ = Set.of("GET", "HEAD");
    private static final Set<String> WRITE = Set.of("POST", "PUT", "PATCH", "DELETE");

    private static final List<Rule> RULES = List.of(
            rule(READ, "/api/v1/me", null),
            rule(READ, "/api/v1/customers/*/inquiries", ApiKeyScope.INQUIRIES_READ),
            rule(READ, "/api/v1/customers/*/orders", ApiKeyScope.ORDERS_READ),
            rule(WRITE, "/api/v1/customers/*/orders", ApiKeyScope.ORDERS_WRITE),
            rule(WRITE, "/api/v1/customers/*/release", ApiKeyScope.POOL_WRITE),
            rule(Set.of("POST"), "/api/v1/customers/*/messages", ApiKeyScope.MESSAGES_SEND),
            rule(READ, "/api/v1/customers/**", ApiKeyScope.CUSTOMERS_READ),
            rule(WRITE, "/api/v1/customers/**", ApiKeyScope.CUSTOMERS_WRITE),
            rule(READ, "/api/v1/exports/customers.csv", ApiKeyScope.CUSTOMERS_READ),
            rule(READ, "/api/v1/pool", ApiKeyScope.CUSTOMERS_READ),
            rule(READ, "/api/v1/tags", ApiKeyScope.CUSTOMERS_READ),
            rule(READ, "/api/v1/custom-fields", ApiKeyScope.CUSTOMERS_READ),
            rule(READ, "/api/v1/lost-reasons", ApiKeyScope.CUSTOMERS_READ),
            rule(READ, "/api/v1/team", ApiKeyScope.CUSTOMERS_READ),
            rule(Set.of("POST"), "/api/v1/pool/assign", ApiKeyScope.POOL_WRITE),
            rule(READ, "/api/v1/inquiries", ApiKeyScope.INQUIRIES_READ),
            rule(Set.of("POST"), "/api/v1/inquiries", ApiKeyScope.INQUIRIES_WRITE),
            rule(READ, "/api/v1/orders/**", ApiKeyScope.ORDERS_READ),
            rule(WRITE, "/api/v1/orders/**", ApiKeyScope.ORDERS_WRITE),
            rule(READ, "/api/v1/products/**", ApiKeyScope.PRODUCTS_READ),
            rule(WRITE, "/api/v1/products/**", ApiKeyScope.PRODUCTS_WRITE),
            rule(READ, "/api/v1/stats/**", ApiKeyScope.STATS_READ),
            rule(READ, "/api/v1/webhooks/**", ApiKeyScope.WEBHOOKS_MANAGE),
            rule(WRITE, "/api/v1/webhooks/**", ApiKeyScope.WEBHOOKS_MANAGE));

    private ApiKeyAccess() {
    }

    /**
     * What a key needs to call {@code method} on {@code path}: a concrete request path, or a contract template
     * ({@code /api/v1/customers/{id}}); a {@code *} in a rule stands for one segment, a final {@code **} for the
     * rest, none included. Empty: keys may not call it.
     */
    public static Optional<Requirement> required(String method, String path) {
        String[] segments = segments(path);
        return RULES.stream().filter(r -> r.methods().contains(method) && matches(r.pattern(), segments))
                .map(Rule::requirement).findFirst();
    }

    private static Rule rule(Set<String> methods, String pattern, ApiKeyScope scope) {
        return new Rule(methods, segments(pattern), new Requirement(Optional.ofNullable(scope)));
    }

    private static boolean matches(String[] pattern, String[] path) {
        for (int i = 0; i < pattern.length; i++) {
            if (pattern[i].equals("**")) {
                return true;
            }
            if (i >= path.length || !(pattern[i].equals("*") || pattern[i].equals(path[i]))) {
                return false;
            }
        }
        return pattern.length == path.length;
    }

    private static String[] segments(String path) {
        String trimmed = path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
        return (trimmed.startsWith("/") ? trimmed.substring(1) : trimmed).split("/");
    }
}
