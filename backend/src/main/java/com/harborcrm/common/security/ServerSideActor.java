package com.harborcrm.common.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Signs a user of the current store in for work the server does in that user's name outside an HTTP request (the
 * demo store's story, see demo/DemoStory), so the services check and record it as they would a request of theirs.
 * Needs an active request context with the store entered (common/tenancy/StoreWork).
 */
@ApplicationScoped
public class ServerSideActor {

    @Inject
    CurrentUser currentUser;

    public void actAs(long userId, Role role) {
        currentUser.signIn(userId, role);
    }
}
