package com.harborcrm.common.security;

import jakarta.enterprise.context.RequestScoped;

/** The signed-in sub-account of this request, set by {@link AccessTokenFilter} once its token is checked. */
@RequestScoped
public class CurrentUser {

    private Long id;
    private Role role;

    void signIn(long id, Role role) {
        this.id = id;
        this.role = role;
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
