package com.harborcrm.common.web;

import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** Checks on client text that PostgreSQL would otherwise reject with an error (a 500 instead of a 400). */
public final class Text {

    /** For {@code @Pattern}: PostgreSQL text cannot hold NUL characters. */
    public static final String NO_NUL = "[^\\x00]*";
    public static final String NO_NUL_MESSAGE = "must not contain NUL characters";

    private Text() {
    }

    public static boolean hasNul(String value) {
        return value != null && value.indexOf('\u0000') >= 0;
    }

    /** The JSON path of the first member name or string value holding a NUL character, or null. */
    public static String firstNul(JsonNode node, String path) {
        if (node == null) {
            return null;
        }
        if (node.isTextual()) {
            return hasNul(node.textValue()) ? path : null;
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String found = firstNul(node.get(i), path + "[" + i + "]");
                if (found != null) {
                    return found;
                }
            }
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> member = it.next();
                String memberPath = path.isEmpty() ? member.getKey() : path + "." + member.getKey();
                if (hasNul(member.getKey())) {
                    return path.isEmpty() ? "body" : path;
                }
                String found = firstNul(member.getValue(), memberPath);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** Rejects a body holding NUL characters anywhere, naming where. */
    public static void requireNoNul(JsonNode body) {
        String path = firstNul(body, "");
        if (path != null) {
            throw com.harborcrm.common.error.DomainException.invalid(path, NO_NUL_MESSAGE);
        }
    }
}
