package com.harborcrm.common.security;

/** Names of Harbor's own JWT claims (besides sub, upn and groups). */
public final class TokenClaims {
    public static final String STORE_ID = "storeId";
    /** The user's token version when the token was issued; a bump revokes older tokens. */
    public static final String TOKEN_VERSION = "tv";

    private TokenClaims() {
    }
}
