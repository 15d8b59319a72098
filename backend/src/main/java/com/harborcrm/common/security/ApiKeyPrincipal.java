package com.harborcrm.common.security;

import java.security.Principal;
import java.util.Set;

/**
 * A verified API key: the store it belongs to, the service user its writes are attributed to, its scopes, and
 * where it stands in its rate window (counted when it was verified).
 */
public record ApiKeyPrincipal(long storeId, long keyId, long userId, String keyName, Set<ApiKeyScope> scopes,
        RateWindow rate) implements Principal {

    /** Requests made in the current minute, this one included, against the key's limit. */
    public record RateWindow(int limit, int used, long resetSeconds) {

        public boolean exceeded() {
            return used > limit;
        }

        public int remaining() {
            return Math.max(0, limit - used);
        }
    }

    @Override
    public String getName() {
        return "api-key:" + keyId;
    }
}
