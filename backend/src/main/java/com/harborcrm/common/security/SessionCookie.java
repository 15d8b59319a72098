package com.harborcrm.common.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.NewCookie;

import com.harborcrm.common.config.HarborConfig;

/**
 * The web app's session: the access token in an {@code HttpOnly} cookie, so no script on the page (an injected one
 * included) can read it. {@code SameSite=Strict} and the path /api keep it off other sites' requests and off the
 * app's own files; writes sent with it must also carry {@link #CSRF_HEADER} (checked in {@link AccessTokenFilter}),
 * which no other site can add without the API's CORS consent. Integrators send the token as a bearer instead.
 */
@ApplicationScoped
public class SessionCookie {

    /** Also {@code mp.jwt.token.cookie}: SmallRye JWT reads the token from it. */
    public static final String NAME = "harbor_session";

    /** Any value: a header a cross-site form or image cannot send. */
    public static final String CSRF_HEADER = "X-Requested-By";

    @Inject
    HarborConfig config;

    @Inject
    Clock clock;

    /** The cookie of a token, kept by the browser until the token expires. */
    public NewCookie of(String token, Instant expiresAt) {
        long seconds = Math.max(0, Duration.between(clock.instant(), expiresAt).getSeconds());
        return builder().value(token).maxAge((int) Math.min(Integer.MAX_VALUE, seconds)).expiry(java.util.Date.from(expiresAt))
                .build();
    }

    /** Tells the browser to drop the cookie: signed out. */
    public NewCookie cleared() {
        return builder().value("").maxAge(0).expiry(new java.util.Date(0)).build();
    }

    private NewCookie.AbstractNewCookieBuilder<?> builder() {
        return new NewCookie.Builder(NAME).path("/api").httpOnly(true).secure(config.jwt().secureCookie())
                .sameSite(NewCookie.SameSite.STRICT);
    }
}
