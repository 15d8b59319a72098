package com.harborcrm.account;

import static com.harborcrm.testing.Api.problem;
import static io.restassured.RestAssured.given;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.harborcrm.testing.Api;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.Jwt;

/** Tokens that are forged, foreign, expired or revoked never get in. */
@QuarkusTest
class TokenSecurityTest {

    private static final String ISSUER = "https://harbor-crm.dev";

    @Test
    void aValidTokenGetsIn() {
        Api.Session admin = Api.openStore("Valid");
        given().auth().oauth2(admin.token()).get("/api/v1/me").then().statusCode(200);
    }

    @Test
    void aTokenWithAChangedStoreClaimIsRejected() {
        Api.Session victim = Api.openStore("Victim");
        Api.Session attacker = Api.openStore("Attacker");
        String[] parts = attacker.token().split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"storeId\":" + attacker.storeId(), "\"storeId\":" + victim.storeId());
        String forged = parts[0] + "." + b64(payload) + "." + parts[2];
        rejected(forged);
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRejected() throws Exception {
        Api.Session admin = Api.openStore("OtherKey");
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair other = generator.generateKeyPair();
        rejected(claims(admin, ISSUER, Instant.now().plusSeconds(600)).sign(other.getPrivate()));
    }

    @Test
    void anExpiredTokenIsRejected() {
        Api.Session admin = Api.openStore("Expired");
        rejected(claims(admin, ISSUER, Instant.now().minusSeconds(3600)).sign());
    }

    @Test
    void aTokenOfAnotherIssuerIsRejected() {
        Api.Session admin = Api.openStore("Issuer");
        rejected(claims(admin, "https://evil.example", Instant.now().plusSeconds(600)).sign());
    }

    @Test
    void anUnsignedAlgNoneTokenIsRejected() {
        Api.Session admin = Api.openStore("AlgNone");
        String payload = new String(Base64.getUrlDecoder().decode(admin.token().split("\\.")[1]),
                StandardCharsets.UTF_8);
        rejected(b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + b64(payload) + ".");
    }

    @Test
    void garbageAndOtherSchemesAreRejected() {
        rejected("not-a-token");
        problem(given().header("Authorization", "Basic dXNlcjpwYXNz").get("/api/v1/me").then(), 401, "unauthorized");
    }

    private static io.smallrye.jwt.build.JwtClaimsBuilder claims(Api.Session session, String issuer, Instant expiresAt) {
        return Jwt.issuer(issuer).subject(Long.toString(session.userId())).upn(session.email())
                .groups(Set.of("ADMIN")).claim("storeId", session.storeId()).claim("tv", 0)
                .issuedAt(expiresAt.minusSeconds(7200)).expiresAt(expiresAt);
    }

    private static void rejected(String token) {
        problem(given().auth().oauth2(token).get("/api/v1/me").then(), 401, "unauthorized");
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
