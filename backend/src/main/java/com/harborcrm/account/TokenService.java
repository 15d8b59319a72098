package com.harborcrm.account;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.harborcrm.common.config.HarborConfig;
import com.harborcrm.common.security.TokenClaims;

import io.smallrye.jwt.build.Jwt;

/** Issues RS256 access tokens; verification is SmallRye JWT's job (see {@code mp.jwt.verify.*}). */
@ApplicationScoped
public class TokenService {

    @Inject
    HarborConfig config;

    @Inject
    Clock clock;

    public record IssuedToken(String token, Instant expiresAt) {
    }

    public IssuedToken issue(User user) {
        Instant now = clock.instant();
        Instant expiresAt = now.plus(config.jwt().lifetime());
        String token = Jwt.issuer(config.jwt().issuer())
                .subject(Long.toString(user.id))
                .upn(user.email)
                .groups(Set.of(user.role.name()))
                .claim(TokenClaims.STORE_ID, user.storeId())
                .claim(TokenClaims.TOKEN_VERSION, user.tokenVersion)
                .issuedAt(now)
                .expiresAt(expiresAt)
                .sign();
        return new IssuedToken(token, expiresAt);
    }
}
