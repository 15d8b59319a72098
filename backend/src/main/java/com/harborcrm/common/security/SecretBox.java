package com.harborcrm.common.security;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.harborcrm.common.config.HarborConfig;
import com.harborcrm.common.error.DomainException;
import com.harborcrm.common.error.ProblemType;

/**
 * Encrypts the secrets a store gives Harbor to act for it (SMTP passwords, SMS tokens) so that they are stored as
 * ciphertext: AES-256-GCM, a random 96-bit nonce per value, stored as nonce + ciphertext + tag. The key comes from
 * configuration ({@code harbor.messaging.encryption-key}), never from the database.
 */
@ApplicationScoped
public class SecretBox {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Optional<SecretKeySpec> key;

    @Inject
    public SecretBox(HarborConfig config) {
        this.key = config.messaging().encryptionKey().filter(k -> !k.isBlank()).map(SecretBox::keyOf);
    }

    private static SecretKeySpec keyOf(String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("harbor.messaging.encryption-key is not base64");
        }
        if (bytes.length != 32) {
            throw new IllegalStateException("harbor.messaging.encryption-key must be 32 bytes (base64 of 32 random "
                    + "bytes, e.g. `openssl rand -base64 32`), not " + bytes.length);
        }
        return new SecretKeySpec(bytes, "AES");
    }

    public boolean configured() {
        return key.isPresent();
    }

    public byte[] seal(String plaintext) {
        SecretKeySpec k = key.orElseThrow(() -> new DomainException(ProblemType.SERVICE_UNAVAILABLE,
                "Harbor cannot store secrets yet: the operator must set HARBOR_MESSAGING_ENCRYPTION_KEY"));
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, k, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not encrypt a secret", e);
        }
    }

    /** The plaintext; empty when there is none, or the key changed since it was sealed (it must be entered again). */
    public Optional<String> open(byte[] sealed) {
        if (sealed == null || key.isEmpty() || sealed.length <= NONCE_BYTES) {
            return Optional.empty();
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key.get(), new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
            return Optional.of(new String(cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES),
                    StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            return Optional.empty();
        }
    }
}
