package com.harborcrm.common.paging;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import com.harborcrm.common.error.DomainException;

/**
 * Opaque keyset cursors: the sort values of the last row of a page, joined and base64url-encoded. Clients
 * must treat them as opaque; a tampered cursor is a 400, never a 500.
 */
public final class Cursor {

    private static final char SEPARATOR = '\u001f';

    private Cursor() {
    }

    public static String encode(Object... values) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                sb.append(SEPARATOR);
            }
            sb.append(values[i] == null ? "" : values[i].toString());
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The parts of a cursor, checked to be exactly {@code expectedParts} long. */
    public static List<String> decode(String cursor, int expectedParts) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            List<String> parts = new ArrayList<>();
            int start = 0;
            for (int i = 0; i < raw.length(); i++) {
                if (raw.charAt(i) == SEPARATOR) {
                    parts.add(raw.substring(start, i));
                    start = i + 1;
                }
            }
            parts.add(raw.substring(start));
            if (parts.size() != expectedParts) {
                throw new IllegalArgumentException("wrong arity");
            }
            return parts;
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("cursor", "is not a cursor returned by this list");
        }
    }

    public static long decodeLong(String cursor) {
        try {
            return Long.parseLong(decode(cursor, 1).get(0));
        } catch (NumberFormatException e) {
            throw DomainException.invalid("cursor", "is not a cursor returned by this list");
        }
    }
}
