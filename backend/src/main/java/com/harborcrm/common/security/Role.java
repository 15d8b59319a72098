package com.harborcrm.common.security;

/** A sub-account's role. Names are used as JWT groups and in {@code @RolesAllowed}. */
public enum Role {
    ADMIN, MANAGER, REP;

    public boolean isManagerOrAdmin() {
        return this == ADMIN || this == MANAGER;
    }
}
