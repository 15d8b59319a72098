package com.harborcrm.common.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.BaseAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * Signs in the bearer of an API key ({@value #PREFIX}...). Runs before SmallRye JWT and leaves every other
 * bearer (and the session cookie) to it. Every request reads the key from the database, so a revocation or an
 * expiry stops the next request on every instance; the same statement counts the request in the key's rate
 * window and notes when the key was last used (at most once a minute).
 */
public final class ApiKeyAuthentication {

    /** Every key starts with it: scanners of leaked secrets can recognize Harbor keys. */
    public static final String PREFIX = "hc_live_";

    private ApiKeyAuthentication() {
    }

    /** The SHA-256 of a key, as stored. */
    public static byte[] hash(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static final class KeyRequest extends BaseAuthenticationRequest {
        final String key;

        KeyRequest(String key) {
            this.key = key;
        }
    }

    @ApplicationScoped
    public static class Mechanism implements HttpAuthenticationMechanism {

        @Override
        public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
            String header = context.request().getHeader(HttpHeaders.AUTHORIZATION);
            if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
                return Uni.createFrom().nullItem();
            }
            String token = header.substring(7).trim();
            if (!token.startsWith(PREFIX)) {
                return Uni.createFrom().nullItem();
            }
            return identities.authenticate(HttpSecurityUtils.setRoutingContextAttribute(new KeyRequest(token), context));
        }

        @Override
        public Uni<ChallengeData> getChallenge(RoutingContext context) {
            return Uni.createFrom().item(new ChallengeData(401, HttpHeaders.WWW_AUTHENTICATE, "Bearer"));
        }

        @Override
        public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
            return Set.of(KeyRequest.class);
        }

        /** Ahead of SmallRye JWT's mechanism (1000), which would refuse a key as a malformed token. */
        @Override
        public int getPriority() {
            return DEFAULT_PRIORITY + 500;
        }
    }

    @ApplicationScoped
    public static class Provider implements IdentityProvider<KeyRequest> {

        /*
         * One round trip: the key if it is valid now; its request counted in the current minute (a fixed window
         * in the unlogged api_key_usage, shared by all instances); last_used_at moved when a minute old. The key
         * is found through the global api_key_hashes (its primary key); the counter by its primary key.
         */
        private static final String VERIFY = """
                with k as (
                  select k.store_id, k.id, k.user_id, k.name, k.scopes, k.rate_limit_per_minute
                  from api_key_hashes h join api_keys k on k.store_id = h.store_id and k.id = h.key_id
                  where h.token_hash = ? and k.revoked_at is null and (k.expires_at is null or k.expires_at > ?)
                ), counted as (
                  insert into api_key_usage as u (store_id, key_id, window_start, requests)
                  select store_id, id, ?, 1 from k
                  on conflict (store_id, key_id) do update
                    set requests = case when u.window_start = excluded.window_start then u.requests + 1 else 1 end,
                        window_start = excluded.window_start
                  returning u.requests
                ), touched as (
                  update api_keys a set last_used_at = ? from k
                  where a.store_id = k.store_id and a.id = k.id
                    and (a.last_used_at is null or a.last_used_at < ?)
                )
                select k.store_id, k.id, k.user_id, k.name, k.scopes, k.rate_limit_per_minute, counted.requests
                from k, counted""";

        @Inject
        DataSource dataSource;

        @Inject
        Clock clock;

        @Override
        public Class<KeyRequest> getRequestType() {
            return KeyRequest.class;
        }

        @Override
        public Uni<SecurityIdentity> authenticate(KeyRequest request, AuthenticationRequestContext context) {
            return context.runBlocking(() -> verify(request.key)
                    .map(principal -> (SecurityIdentity) QuarkusSecurityIdentity.builder().setPrincipal(principal)
                            .addRole(Roles.MANAGER).build())
                    .orElseThrow(() -> new AuthenticationFailedException("Unknown, expired or revoked API key")));
        }

        private Optional<ApiKeyPrincipal> verify(String key) {
            Instant now = clock.instant();
            Instant windowStart = now.truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement statement = connection.prepareStatement(VERIFY)) {
                statement.setBytes(1, hash(key));
                statement.setObject(2, at(now));
                statement.setObject(3, at(windowStart));
                statement.setObject(4, at(now));
                statement.setObject(5, at(now.minusSeconds(60)));
                try (ResultSet row = statement.executeQuery()) {
                    if (!row.next()) {
                        return Optional.empty();
                    }
                    Set<ApiKeyScope> scopes = EnumSet.noneOf(ApiKeyScope.class);
                    Arrays.stream((String[]) row.getArray(5).getArray()).map(ApiKeyScope::of)
                            .flatMap(Optional::stream).forEach(scopes::add);
                    long reset = Math.max(1, 60 - (now.getEpochSecond() - windowStart.getEpochSecond()));
                    return Optional.of(new ApiKeyPrincipal(row.getLong(1), row.getLong(2), row.getLong(3),
                            row.getString(4), scopes, new ApiKeyPrincipal.RateWindow(row.getInt(6), row.getInt(7), reset)));
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Could not verify an API key", e);
            }
        }

        private static OffsetDateTime at(Instant instant) {
            return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
        }
    }
}
