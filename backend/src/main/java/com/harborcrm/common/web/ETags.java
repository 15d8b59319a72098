package com.harborcrm.common.web;

import jakarta.ws.rs.core.EntityTag;

import com.harborcrm.common.error.DomainException;

/** Entity versions travel as strong ETags: {@code "<version>"}. */
public final class ETags {

    private ETags() {
    }

    public static EntityTag of(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** The version named by an If-Match header, or null when the header is absent or {@code *}. */
    public static Long parseIfMatch(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return null;
        }
        String value = ifMatch.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw DomainException.invalid("If-Match", "must be an ETag returned by this API");
        }
    }
}
