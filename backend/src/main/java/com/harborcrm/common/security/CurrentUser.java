package com.harborcrm.common.security;

import jakarta.enterprise.context.RequestScoped;

/**
 * The signed-in sub-account of this request, set by {@link AccessTokenFilter} once its token is checked. An API key
 * signs in as its service user (a manager-level principal of the store whose writes carry the key's name).
 */
@RequestScoped
public class CurrentUser {

    private Long id;
    private Role role;
    private Long apiKeyId;

    void signIn(long id, Role role) {
        this.id = id;
        this.role = role;
    }

    void signInApiKey(long serviceUserId, long keyId) {
        signIn(serviceUserId, Role.MANAGER);
        this.apiKeyId = keyId;
    }

    /** The caller is an API key, not a person: it never owns customers. */
    public boolean isApiKey() {
        return apiKeyId != null;
    }

    public long id() {
        if (id == null) {
            throw new IllegalStateException("No signed-in user");
        }
        return id;
    }

    public Role role() {
        if (role == null) {
            throw new IllegalStateException("No signed-in user");
        }
        return role;
    }

    public boolean isManagerOrAdmin() {
        return role().isManagerOrAdmin();
    }
}
