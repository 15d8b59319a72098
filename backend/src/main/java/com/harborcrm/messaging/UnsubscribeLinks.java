package com.harborcrm.messaging;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * One-click unsubscribe links that work without signing in: the token names the store, the customer and the
 * channel, and carries a 128-bit HMAC-SHA256 of them under the store's unsubscribe key, so a token cannot be
 * guessed or turned into another customer's.
 */
public final class UnsubscribeLinks {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final int MAC_BYTES = 16;

    public record Subject(long storeId, long customerId, MessageChannel channel) {
    }

    private UnsubscribeLinks() {
    }

    public static String token(byte[] key, Subject subject) {
        byte[] payload = payload(subject);
        return B64.encodeToString(payload) + "." + B64.encodeToString(mac(key, payload));
    }

    /** What an unverified token claims to be about; verify it with the store's key before believing it. */
    public static Optional<Subject> claimed(String token) {
        if (token == null || token.length() > 100) {
            return Optional.empty();
        }
        String[] parts = token.split("\\.");
        if (parts.length != 2) {
            return Optional.empty();
        }
        try {
            byte[] payload = Base64.getUrlDecoder().decode(parts[0]);
            if (payload.length != 17 || payload[16] < 0 || payload[16] > 1) {
                return Optional.empty();
            }
            ByteBuffer b = ByteBuffer.wrap(payload);
            return Optional.of(new Subject(b.getLong(), b.getLong(), MessageChannel.values()[b.get()]));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public static boolean verify(byte[] key, String token, Subject subject) {
        String[] parts = token.split("\\.");
        try {
            byte[] given = Base64.getUrlDecoder().decode(parts[1]);
            return MessageDigest.isEqual(given, mac(key, payload(subject)));
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            return false;
        }
    }

    private static byte[] payload(Subject s) {
        return ByteBuffer.allocate(17).putLong(s.storeId()).putLong(s.customerId()).put((byte) s.channel().ordinal())
                .array();
    }

    private static byte[] mac(byte[] key, byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Arrays.copyOf(mac.doFinal(payload), MAC_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
